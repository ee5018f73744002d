"""Subject candidates the entity stages leave out (pipeline/facts/subject_names.py), on
sentences written for these tests."""

from pipeline.facts.subject import SubjectResolver
from pipeline.facts.subject_names import SOURCE, subject_mentions
from pipeline.mentions import Mention


def _m(text: str, label: str, name: str, source: str = "test", nth: int = 0, **attrs) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(label, start, start + len(name), name, source, attrs=attrs)


def _added(text: str, mentions: list[Mention]) -> list[tuple[str, str, int]]:
    return [(m.label, m.text, m.start) for m in subject_mentions(text, mentions) if m.source == SOURCE]


def test_a_zone_named_only_inside_its_administration_is_a_candidate_wherever_written():
    text = "星河湾示范区党工委书记出席。2022年，星河湾示范区完成投资30亿元。"
    org = _m(text, "ORG", "星河湾示范区党工委")
    out = subject_mentions(text, [org])
    assert ("ZONE", "星河湾示范区", text.index("星河湾示范区", 5)) in [(m.label, m.text, m.start) for m in out]
    admin = next(m for m in out if m.label == "ORG")
    assert admin.attrs["subject_of"] == "星河湾示范区" and admin.attrs["subject_label"] == "ZONE"


def test_an_administration_of_a_name_without_a_zone_kind_gives_no_zone():
    text = "青山湖管委会表示，今年投资30亿元。"
    assert _added(text, [_m(text, "ORG", "青山湖管委会")]) == []


def test_areas_after_a_zone_or_a_boundary_and_not_inside_a_phrase():
    text = "数据显示，云岭滨江自贸片区注册企业增长。安宁高新区石桥片区签约5个项目。试验区加快各片区建设。"
    zone = _m(text, "ZONE", "安宁高新区")
    added = {t for _, t, _ in _added(text, [zone])}
    assert "云岭滨江自贸片区" in added
    assert "安宁高新区石桥片区" in added
    assert not any("各片区" in t for t in added)


def test_an_area_after_a_year_drops_the_year():
    text = "2016年，北坡兵团分区完成投资15亿元。2017年北坡兵团分区新增项目8个。"
    assert ("ZONE", "北坡兵团分区", text.index("北坡")) in _added(text, [])


def test_a_company_opened_by_a_zone_is_the_rest_and_keeps_its_entity_id():
    text = "青溪经济开发区落户项目多。青溪经济开发区星禾新材料科技有限公司投资2亿元。"
    zone1 = _m(text, "ZONE", "青溪经济开发区")
    zone2 = _m(text, "ZONE", "青溪经济开发区", nth=1)
    org = _m(text, "ORG", "青溪经济开发区星禾新材料科技有限公司", entity_id="ORG:x")
    out = [m for m in subject_mentions(text, [zone1, zone2, org]) if m.label == "ORG"]
    assert [(m.text, m.attrs["entity_id"]) for m in out] == [("星禾新材料科技有限公司", "ORG:x")]


def test_a_company_short_name_the_text_writes_is_a_mention_and_names_it():
    text = "青禾微电子科技有限公司去年营收10亿元。青禾微电子今年计划投资5亿元。"
    org = _m(text, "ORG", "青禾微电子科技有限公司", entity_id="ORG:青禾微电子科技有限公司",
             display="青禾微电子科技有限公司")
    out = [m for m in subject_mentions(text, [org]) if m.label == "ORG"]
    assert [m.text for m in out] == ["青禾微电子科技有限公司", "青禾微电子"]
    assert {m.attrs["display"] for m in out} == {"青禾微电子"}  # ties: the shorter
    assert {m.attrs["entity_id"] for m in out} == {"ORG:青禾微电子科技有限公司"}


def test_a_subject_found_here_alone_has_no_entity_id():
    text = "星河湾示范区党工委书记出席。2022年，星河湾示范区完成投资30亿元。"
    org = _m(text, "ORG", "星河湾示范区党工委", entity_id="ORG:星河湾示范区党工委")
    r = SubjectResolver(text, [org], running=[(0, len(text))], ranker=False)
    pos = text.index("30亿元")
    s = r.resolve(pos, (text.index("2022"), len(text)), (0, len(text)), end=pos + 4)
    assert s is not None and s.text == "星河湾示范区" and s.label == "ZONE"
    assert s.entity_id is None and s.zone_id is None


def test_an_org_that_names_nothing_is_no_candidate():
    text = "项目总投资10亿元。"
    r = SubjectResolver(text, [_m(text, "ORG", "项目")], running=[(0, len(text))])
    assert r.cands == []


def test_a_zone_the_zone_stage_found_before_its_administration_is_used_not_found_again():
    from pipeline.zones import find_zones

    text = "。星河湾示范区党工委书记出席。2022年,星河湾示范区完成投资30亿元。"
    zones = find_zones(text)
    assert [z.text for z in zones] == ["星河湾示范区", "星河湾示范区"]
    assert all(z.attrs.get("named_by") == "admin" for z in zones)
    out = subject_mentions(text, [*zones, _m(text, "ORG", "星河湾示范区党工委")])
    found = [m for m in out if m.label == "ZONE"]
    assert len(found) == 2 and all(m.source == SOURCE for m in found)  # weighed as named here
    assert all(m.attrs["entity_id"] == "ZONE:demo_zone:星河湾示范区" for m in found)  # its entity row's id
    admin = next(m for m in out if m.label == "ORG")
    assert admin.attrs["subject_of"] == "星河湾示范区"


def test_a_listed_zone_stem_written_alone_is_a_mention_of_its_zone():
    text = "张江高新区发布数据。目前，张江已集聚企业210余家。张江科学城另有安排。"
    zone = _m(text, "ZONE", "张江高新区", source="zone_alias", zone_id="hitech:张江")
    out = subject_mentions(text, [zone])
    stems = [m for m in out if m.text == "张江"]
    # the stem after 目前， is the zone; 张江科学城 names something else
    assert [(m.start, m.attrs["display"], m.attrs["zone_id"]) for m in stems] == \
        [(text.index("张江已"), "张江高新区", "hitech:张江")]
    # a stem that is a place is the place: 南昌 stays apart from 南昌高新区
    text = "南昌高新区发布数据。南昌今年投资10亿元。"
    assert not [m for m in subject_mentions(text, [_m(text, "ZONE", "南昌高新区")]) if m.text == "南昌"]


def test_a_name_with_its_place_in_brackets_is_one_candidate():
    text = "园区推介了中欧(青州)智能装备产业园,该园区已有企业80家。企业华光精密(青州)有限公司投产。"
    ms = [_m(text, "ORG", "中欧"), _m(text, "GPE", "青州"), _m(text, "ORG", "华光精密", entity_id="ORG:华光精密"),
          _m(text, "GPE", "青州", nth=1), _m(text, "ORG", "青州)有限公司")]
    added = [(m.label, m.text, m.attrs.get("entity_id")) for m in subject_mentions(text, ms) if m.source == SOURCE]
    assert ("ZONE", "中欧(青州)智能装备产业园", None) in added
    assert ("ORG", "华光精密(青州)有限公司", "ORG:华光精密") in added
    # a zone followed by its district is no longer name; nor is a clause after the bracket
    text2 = "星河高新区(新城区)再次扩大了新区范围。"
    ms2 = [_m(text2, "ZONE", "星河高新区"), _m(text2, "GPE", "新城区")]
    assert not [m for m in subject_mentions(text2, ms2) if m.source == SOURCE]
    # the resolver keeps the whole name, not the pieces inside it
    r = SubjectResolver(text, ms, running=[(0, len(text))])
    assert [m.text for m in r.cands] == ["中欧(青州)智能装备产业园", "华光精密(青州)有限公司"]
