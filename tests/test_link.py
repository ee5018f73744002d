"""One entity, one id; roles with their organisation (sentences written for these tests)."""

import pytest

from pipeline.ingest.sources import article_from_record
from pipeline.link import link_mentions
from pipeline.mentions import Mention
from pipeline.rows import entity_rows, role_rows
from pipeline.run import annotate


def run(nlp, text, title="测试标题"):
    art = article_from_record({"id": "t", "title": title, "text": text}, source="t", seq=0)
    return annotate(nlp, art)


def test_zone_short_and_full_name_share_an_id(nlp):
    doc = run(nlp, "衡阳高新区今年新增企业50家。衡阳高新技术产业开发区管委会表示将继续支持企业发展。")
    ids = {r["text"]: r["entity_id"] for r in entity_rows(doc, "t") if r["label"] == "ZONE"}
    assert ids["衡阳高新区"] == ids["衡阳高新技术产业开发区"]


def test_short_company_name_shares_the_full_names_id():
    text = "苏州纳维思生物医药有限公司(以下简称纳维思)今年营收增长。纳维思计划再投资3亿元。纳维思表示"
    full, short = "苏州纳维思生物医药有限公司", "纳维思"
    mentions = [Mention("ORG", 0, len(full), full, "org_suffix")]
    mentions += [Mention("ORG", i, i + 3, short, "lac") for i in (19, 29, 40)]
    linked = link_mentions(mentions, text)
    assert len({m.attrs["entity_id"] for m in linked}) == 1
    assert {m.attrs["display"] for m in linked} == {short}  # the name the article uses most


def _ids(*names: str) -> dict[str, str]:
    """link_mentions over the names written one after another, each once."""
    text, mentions = "", []
    for n in names:
        mentions.append(Mention("ORG", len(text), len(text) + len(n), n, "org_suffix"))
        text += n + "。"
    return {m.text: m.attrs["entity_id"] for m in link_mentions(mentions, text)}


@pytest.mark.parametrize("name, longer", [
    ("江城大学", "江城大学科技成果转化中心"),          # a university and its centre
    ("财政部", "财政部政府采购管理办公室"),            # a ministry and its office
    ("云川集团", "云川集团青河发电厂"),                # a group and its plant
    ("云川股份", "云川股份董事会办公室"),              # a firm named without a type word and its office
    ("青禾乳业", "青禾乳业公关部"),
    ("丰田", "江汽丰田"),                            # a joint venture holds the brand
    ("青禾乳业", "青禾乳业城南4S店"),                # a dealer
])
def test_a_unit_of_an_organisation_is_not_its_longer_name(name, longer):
    ids = _ids(longer, name)
    assert ids[name] != ids[longer]


@pytest.mark.parametrize("name, longer", [
    ("云川集团", "云川集团有限公司"),                  # the legal form only
    ("云川控股", "云川控股(香港)有限公司"),
    ("青禾", "青禾乳业股份有限公司"),                  # a short form without a type word
    ("青禾乳业", "广东珠海青禾乳业股份有限公司"),      # places before it: where it is registered
    ("发改委", "国家发改委"),
    ("四川公司", "青禾四川公司"),                     # a unit named by its place, under its parent
])
def test_a_name_and_its_legal_form_share_an_id(name, longer):
    ids = _ids(longer, name)
    assert ids[name] == ids[longer]


def test_subject_uses_the_name_the_article_uses_most(nlp):
    doc = run(nlp, "长沙经济技术开发区管委会日前透露,区内新增规上企业46家。长沙经开区今年还将新建厂房。")
    [fact] = [f for f in doc._.facts if f["surface"] == "46家"]
    assert fact["subject_label"] == "ZONE"
    assert fact["subject"] in ("长沙经开区", "长沙经济技术开发区")


def test_roles_take_the_company_named_before_or_the_place_of_the_office(nlp):
    doc = run(nlp, "据华芯微电子党委书记、总经理赵建国介绍,公司副总经理孙立新负责研发。"
                   "郑州市副市长钱文表示,郑州高新区将加大支持。")
    rows = role_rows(doc, "t")
    roles = {r["person"]: (r["role"], r["org"]) for r in rows}
    # one title a row (党委书记、总经理 gives two)
    assert {(r["role"], r["org"]) for r in rows if r["person"] == "赵建国"} == {
        ("党委书记", "华芯微电子"), ("总经理", "华芯微电子")}
    assert roles.get("钱文", (None, None))[1] == "郑州市"


def test_a_declared_short_name_is_the_same_organisation():
    text = "合肥星途智能科技有限公司(以下简称“星途智能”)成立于2015年。星途智能今年营收3亿元。"
    full = "合肥星途智能科技有限公司"
    linked = link_mentions([Mention("ORG", 0, len(full), full, "org_suffix")], text)
    aliases = [m for m in linked if m.text == "星途智能"]
    assert len(aliases) == 2 and {m.source for m in aliases} == {"org_alias"}
    assert len({m.attrs["entity_id"] for m in linked}) == 1
    assert all(m.attrs["display"] == "星途智能" for m in linked)


@pytest.mark.parametrize("decl", ["(简称:星途集团)", "(下称:“星途集团”)", "(以下简称“星途集团”)"])
def test_a_short_name_declared_after_a_colon_holds_no_punctuation(decl: str) -> None:
    full = "合肥星途智能科技集团公司"
    text = f"{full}{decl}成立于2015年。星途集团今年营收3亿元。"
    linked = link_mentions([Mention("ORG", 0, len(full), full, "org_suffix")], text)
    assert {m.text for m in linked} == {full, "星途集团"}


def test_a_zone_named_by_the_end_of_its_full_name_is_the_same_zone():
    text = "厦门火炬高新区今年新增企业。火炬高新区还将扩建园区,火炬高新区计划投资。"
    mentions = [Mention("ZONE", 0, 7, "厦门火炬高新区", "zone_alias", attrs={"zone_id": "hitech:厦门火炬"}),
                Mention("ZONE", 14, 19, "火炬高新区", "zone_suffix"),
                Mention("ZONE", 26, 31, "火炬高新区", "zone_suffix")]
    linked = link_mentions(mentions, text)
    assert {m.attrs["entity_id"] for m in linked} == {"hitech:厦门火炬"}


def test_a_short_name_held_by_two_different_organisations_stands_alone():
    text = "青岛华澜公告称,华澜电器今年营收增长。华澜集团表示,华澜将继续投资。"
    spans = [("青岛华澜", 0), ("华澜电器", 8), ("华澜集团", 19), ("华澜", 26)]
    mentions = [Mention("ORG", i, i + len(n), n, "lac") for n, i in spans]
    ids = {m.text: m.attrs["entity_id"] for m in link_mentions(mentions, text)}
    assert len(set(ids.values())) == 4  # 华澜 is none of the three in particular
    assert ids["华澜"] == "ORG:华澜"


def test_a_short_name_in_brackets_after_a_registered_name_is_an_alias():
    text = "湖南湘峰建材化工(集团)股份公司(湘峰建化)是一家水泥企业。湘峰建化今年产能增长。"
    full = "湖南湘峰建材化工(集团)股份公司"
    linked = link_mentions([Mention("ORG", 0, len(full), full, "org_suffix")], text)
    assert {m.text for m in linked} == {full, "湘峰建化"}
    assert all(m.attrs["display"] == "湘峰建化" for m in linked)


def test_a_declared_short_name_of_a_zone_is_that_zone_and_its_subject(nlp):
    doc = run(nlp, "记者从市政府获悉:中法(武汉)生态科技产业园(以下简称“中法园”)成立5年来发展迅速。"
                   "今年,中法园完成产值80亿元,增长12%。中法园引进企业30家。")
    rows = [r for r in entity_rows(doc, "t") if r["text"] == "中法园"]
    assert rows and {r["label"] for r in rows} == {"ZONE"}  # not the ORG LAC reads
    ids = {r["text"]: r["entity_id"] for r in entity_rows(doc, "t") if r["label"] == "ZONE"}
    assert ids["中法园"] == ids["中法(武汉)生态科技产业园"]
    [fact] = [f for f in doc._.facts if f["surface"] == "80亿元"]
    assert fact["subject"] == "中法园"  # the name the article uses most


def test_a_declared_generic_word_is_no_short_name():
    text = "宁波星海电子有限公司(以下简称“公司”)今年营收增长,公司计划再投资。华东科技产业园(以下简称“园区”)表示,园区将扩建。"
    full, park = "宁波星海电子有限公司", "华东科技产业园"
    ps = text.index(park)
    linked = link_mentions([Mention("ORG", 0, len(full), full, "org_suffix"),
                            Mention("ZONE", ps, ps + len(park), park, "zone_suffix")], text)
    assert [m.text for m in linked] == [full, park]
