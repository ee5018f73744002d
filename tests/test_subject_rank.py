"""The subject ranker and the subject_id / zone_id columns, on text written for these tests
and on the tables of data/raw."""

import json

import pyarrow.parquet as pq

from pipeline.facts.subject_rank import FEATURES, WEIGHTS, ArticleFeatures, choose, load_weights
from pipeline.ingest.sources import article_from_record
from pipeline.mentions import Mention
from pipeline.run import annotate
from pipeline.zones.rules import load_zone_rules


def facts_of(nlp, text, title="测试标题"):
    art = article_from_record({"id": "t", "title": title, "text": text}, source="t", seq=0)
    return {f["surface"]: f for f in annotate(nlp, art)._.facts}


def test_shipped_weights_fit_the_features():
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert len(data["weights"]) == len(FEATURES)
    assert load_weights() is not None


def test_null_is_a_candidate_and_wins_when_weighted_so():
    text = "甲公司与乙公司签约。项目总投资10亿元。"
    ms = [Mention("ORG", 0, 3, "甲公司", "test"), Mention("ORG", 4, 7, "乙公司", "test")]
    feats = ArticleFeatures(text, ms, running=[(0, len(text))], title=None)
    pos = text.index("10亿元")
    cands, rows = feats.rows(pos, pos + 4, (10, len(text)), (0, len(text)), None)
    assert [c.key for c in cands] == [("ORG", "甲公司"), ("ORG", "乙公司"), None]
    w = [0.0] * len(FEATURES)
    w[FEATURES.index("null")] = 1.0
    assert choose(rows, w) == 2
    w[FEATURES.index("nearest_before")] = 2.0  # 乙公司 is the name nearest before the number
    assert cands[choose(rows, w)].key == ("ORG", "乙公司")


def test_a_zone_report_without_the_name_in_the_sentence(nlp):
    f = facts_of(nlp, "2023年，苏州工业园区经济运行稳中有进。全区实现地区生产总值3686亿元，增长5.8%。",
                 title="苏州工业园区2023年经济运行情况")
    assert f["3686亿元"]["subject"] == "苏州工业园区"
    assert f["3686亿元"]["zone_id"] is not None


def test_subject_ids_join_the_entities_table(sample_run):
    out, _ = sample_run
    facts = pq.read_table(out / "facts.parquet").to_pylist()
    entities = pq.read_table(out / "entities.parquet").to_pylist()
    ids = {(e["article_id"], e["entity_id"]) for e in entities}
    listed = load_zone_rules().zones
    with_subject = [f for f in facts if f["subject"] is not None]
    assert with_subject
    for f in facts:
        if f["subject"] is None:
            assert f["subject_id"] is None and f["zone_id"] is None
            continue
        assert (f["article_id"], f["subject_id"]) in ids, f
        if f["zone_id"] is not None:
            assert f["subject_label"] == "ZONE" and f["zone_id"] in listed
    assert any(f["zone_id"] for f in with_subject)


def test_a_zone_named_without_its_place_takes_the_longer_form_of_its_sentence():
    from pipeline.facts.subject_rank import Candidate, surface_form

    text = "金普新区发展迅速。大连金普新区党工委书记介绍，新区拥有泊位50个。金普新区企业达90家。"
    a, b, c = text.index("金普新区"), text.index("大连金普新区党工委"), text.rindex("金普新区")
    g = Candidate(("ZONE", "金普新区"), (Mention("ZONE", a, a + 4, "金普新区", "test"),
                                        Mention("ORG", b, b + 9, "大连金普新区党工委", "test"),
                                        Mention("ZONE", c, c + 4, "金普新区", "test")))
    second = text.index("。") + 1
    assert surface_form(g, text.index("50个"), second) == "大连金普新区"   # 党工委 dropped
    assert surface_form(g, text.index("90家"), text.rindex("。", 0, c) + 1) == "金普新区"
    # a zone whose name says its city keeps the article's form (江西南昌高新区 adds a province)
    t2 = "江西南昌高新区营业收入达100亿元。"
    g2 = Candidate(("ZONE", "南昌高新区"), (Mention("ZONE", 0, 7, "江西南昌高新区", "test"),))
    assert surface_form(g2, t2.index("100亿元"), 0) == "南昌高新区"


def test_the_project_of_a_company_named_before_is_the_companys():
    text = "甲乙丙丁科技有限公司年产5000吨新材料项目开工。该项目占地60亩，总投资1.2亿元。"
    ms = [Mention("ORG", 0, 10, "甲乙丙丁科技有限公司", "test")]
    feats = ArticleFeatures(text, ms, running=[(0, len(text))], title=None)
    pos = text.index("1.2亿元")
    s_start = text.index("该项目")
    cands, rows = feats.rows(pos, pos + 5, (s_start, len(text)), (0, len(text)), None)
    i = FEATURES.index("project_owner")
    assert [r[i] for r in rows] == [1.0, 0.0]
    # an authority that brings a project in does not own it
    text = "市政府引进的新材料项目开工。项目总投资2亿元。"
    ms = [Mention("ORG", 0, 3, "市政府", "test")]
    feats = ArticleFeatures(text, ms, running=[(0, len(text))], title=None)
    pos = text.index("2亿元")
    cands, rows = feats.rows(pos, pos + 3, (text.index("项目总"), len(text)), (0, len(text)), None)
    assert [r[i] for r in rows] == [0.0, 0.0]


def test_a_headline_figure_before_the_name_is_the_names():
    text = "总投资50亿元!星河湾片区12个项目集中签约\n正文。"
    title = (0, text.index("\n"))
    z = text.index("星河湾片区")
    feats = ArticleFeatures(text, [Mention("ZONE", z, z + 5, "星河湾片区", "test")], running=[], title=title)
    i = FEATURES.index("title_number_title_name")
    pos = text.index("50亿元")
    _, rows = feats.rows(pos, pos + 4, title, title, None)
    assert rows[0][i] == 1.0
    pos = text.index("12个")  # the name stands before this one
    _, rows = feats.rows(pos, pos + 3, title, title, None)
    assert rows[0][i] == 0.0


def test_a_name_listed_before_a_count_is_one_of_the_things_counted():
    text = "今年星河新区新引进甲乙科技、丙丁智能等32个项目，合同投资额106亿元。"
    z, a, b = text.index("星河新区"), text.index("甲乙科技"), text.index("丙丁智能")
    ms = [Mention("ZONE", z, z + 4, "星河新区", "test"), Mention("ORG", a, a + 4, "甲乙科技", "test"),
          Mention("ORG", b, b + 4, "丙丁智能", "test")]
    feats = ArticleFeatures(text, ms, running=[(0, len(text))], title=None)
    i = FEATURES.index("counted_example")
    for surface in ("32个", "106亿元"):
        pos = text.index(surface)
        cands, rows = feats.rows(pos, pos + len(surface), (0, len(text)), (0, len(text)), None)
        assert {c.key[1]: r[i] for c, r in zip(cands, rows) if c.key} == {"星河新区": 0.0, "甲乙科技": 1.0, "丙丁智能": 1.0}


def test_a_count_of_zones_or_of_each_zone_leans_to_no_subject():
    text = "星河高新区在全国178个国家高新区中位列第9。全市各开发区签约项目11个，开工项目17个。星河高新区新增企业50家。"
    z = text.index("星河高新区")
    feats = ArticleFeatures(text, [Mention("ZONE", z, z + 5, "星河高新区", "test")], running=[(0, len(text))],
                            title=None)
    i = FEATURES.index("null_zone_field")
    s2, s3 = text.index("全市"), text.rindex("星河")
    for surface, sentence, want in (("178个", (0, s2), 1.0), ("17个", (s2, s3), 1.0), ("50家", (s3, len(text)), 0.0)):
        pos = text.index(surface)
        _, rows = feats.rows(pos, pos + len(surface), sentence, (0, len(text)), None)
        assert rows[-1][i] == want, surface


def test_a_clause_opened_by_a_place_leans_to_no_subject():
    text = "星河新区项目建设提速。日前，青山县16个项目集中签约。星河县科技公司投资3亿元。"
    z, g, o = text.index("星河新区"), text.index("青山县"), text.index("星河县科技公司")
    ms = [Mention("ZONE", z, z + 4, "星河新区", "test"), Mention("ORG", o, o + 7, "星河县科技公司", "test")]
    places = [Mention("GPE", g, g + 3, "青山县", "test"), Mention("GPE", o, o + 3, "星河县", "test")]
    feats = ArticleFeatures(text, ms, running=[(0, len(text))], title=None, places=places)
    i = FEATURES.index("null_place_head")
    s2, s3 = text.index("日前"), text.index("星河县")
    pos = text.index("16个")
    assert feats.rows(pos, pos + 3, (s2, s3), (0, len(text)), None)[1][-1][i] == 1.0
    pos = text.index("3亿元")  # the place inside a company's name opens nothing
    assert feats.rows(pos, pos + 3, (s3, len(text)), (0, len(text)), None)[1][-1][i] == 0.0


def test_a_kind_word_inside_a_name_is_no_anaphor():
    text = "甲乙集团和丙丁集团合资组建的星河物流有限公司宣布其对海外矿业公司的40%股权投资完成。"
    names = ["甲乙集团", "丙丁集团", "星河物流有限公司", "矿业公司"]
    ms = [Mention("ORG", text.index(n), text.index(n) + len(n), n, "test") for n in names]
    feats = ArticleFeatures(text, ms, running=[(0, len(text))], title=None)
    pos = text.index("40%")
    _, rows = feats.rows(pos, pos + 3, (0, len(text)), (0, len(text)), None)
    # 公司 is written only inside names here: no 公司 anaphor for the last company
    assert all(r[FEATURES.index("org_anaphor_last")] == 0.0 for r in rows)


def test_a_ranking_is_no_candidate_and_试验区_is_a_zone_anaphor():
    from pipeline.facts.subject import SubjectResolver

    text = "星河合作特别试验区管委会介绍。世界500强企业入驻试验区的数量增加到12家。2018年试验区新引进项目32个。"
    admin = text.index("星河合作特别试验区管委会")
    rank = text.index("世界500强企业")
    ms = [Mention("ORG", admin, admin + 12, "星河合作特别试验区管委会", "test"),
          Mention("ORG", rank, rank + 8, "世界500强企业", "test")]
    r = SubjectResolver(text, ms, running=[(0, len(text))], title=None, ranker=False)
    assert [m.text for m in r.cands] == ["星河合作特别试验区管委会"]
    feats = ArticleFeatures(text, r.cands, running=[(0, len(text))], title=None)
    pos = text.index("32个")
    s = text.rindex("。", 0, pos) + 1
    _, rows = feats.rows(pos, pos + 3, (s, len(text)), (0, len(text)), None)
    assert rows[0][FEATURES.index("zone_anaphor_zone")] == 1.0  # the administration of an unlisted kind is its zone


def test_project_anaphor_takes_the_company_whose_project_it_is(nlp):
    text = ("青山经济开发区举行项目集中开工仪式。\n"
            "仪式上，青山开发区为华庆新材料科技有限公司年产5000吨石英管项目培土奠基。该项目占地60亩，"
            "总投资1.5亿元，建成后年产值可达5亿元。")
    facts = facts_of(nlp, text, title="青山经济开发区项目集中开工")
    assert facts["1.5亿元"]["subject"] == "华庆新材料科技有限公司"
    assert facts["5亿元"]["subject"] == "华庆新材料科技有限公司"


def test_project_anaphor_without_a_company_project_is_not_the_company(nlp):
    # the company named before did not name a project: 该项目 is not its
    text = "华庆新材料科技有限公司负责人出席。\n该项目总投资1.5亿元。"
    facts = facts_of(nlp, text, title="某项目开工")
    assert facts["1.5亿元"]["subject"] != "华庆新材料科技有限公司"
