"""Subject, metric and period on sentences written for these tests."""

import pytest

from pipeline.ingest.sources import article_from_record
from pipeline.run import annotate


def facts_of(nlp, text, date=None, title="测试标题"):
    art = article_from_record({"id": "t", "title": title, "text": text, "date": date}, source="t", seq=0)
    doc = annotate(nlp, art)
    return {f["surface"]: f for f in doc._.facts}


def test_subject_is_the_zone_that_starts_the_clause(nlp):
    f = facts_of(nlp, "近日,武汉东湖高新区高企总数达3200家,同比增长12%。")
    assert f["3200家"]["subject"] == "武汉东湖高新区"
    assert f["3200家"]["subject_label"] == "ZONE"
    assert f["3200家"]["metric"] and "高企总数" in f["3200家"]["metric"]


def test_subject_carries_over_to_a_clause_without_one(nlp):
    f = facts_of(nlp, "今年以来,成都高新区加大招商力度。全年引进各类人才600余名,举办项目路演30场。")
    assert f["600余名"]["subject"] == "成都高新区"
    assert f["30场"]["subject"] == "成都高新区"


def test_zone_anaphor_resolves_to_last_named_zone(nlp):
    f = facts_of(nlp, "苏州工业园区发布新政。园区今年新增独角兽企业5家。")
    assert f["5家"]["subject"] == "苏州工业园区"


def test_headings_do_not_borrow_a_subject(nlp):
    f = facts_of(nlp, "西安高新区企业研发投入持续增长。", title="近四成员工从事研发")
    assert f["近四成"]["subject"] is None


def test_period_from_an_explicit_year_in_the_sentence(nlp):
    f = facts_of(nlp, "2020年,合肥高新区实现营业收入2700亿元。园区拥有研发人员1万人。")
    assert f["2700亿元"]["period"] == "2020"
    assert f["1万人"]["period"] is None  # the year is not carried into a standing count (ANNOTATION)


def test_this_year_resolves_only_with_the_article_date(nlp):
    text = "今年上半年,杭州高新区新增上市企业4家。"
    assert facts_of(nlp, text, date="2021-07-20")["4家"]["period"] == "2021上半年"
    assert facts_of(nlp, text)["4家"]["period"] is None


def test_event_day_gives_no_period(nlp):
    f = facts_of(nlp, "12月15日,长沙高新区集中签约项目12个。")
    assert f["12个"]["period"] is None


@pytest.mark.parametrize("text, surface, approx", [
    ("宁波高新区总投资超过50亿元。", "50亿元", "more_than"),
    ("宁波高新区单个项目最高奖励100万元。", "100万元", "at_most"),
    ("宁波高新区研发投入约占营业收入的6%。", "6%", "about"),
])
def test_approx_from_verbs_outside_the_span(nlp, text, surface, approx):
    assert facts_of(nlp, text)[surface]["approx"] == approx


def test_subsidiary_named_after_its_parent_is_the_subject(nlp):
    f = facts_of(nlp, "华东集团下属子公司华东电子去年实现营收12亿元。")
    assert f["12亿元"]["subject"] == "华东电子"


def test_a_count_of_the_whole_field_has_no_subject(nlp):
    f = facts_of(nlp, "2020年,洛阳高新区综合实力在全国169家国家高新区中排名第40位。")
    assert f["169家"]["subject"] is None


def test_examples_before_deng_are_not_the_subject(nlp):
    f = facts_of(nlp, "今年,洛阳高新区培育科技企业。华科光电、中信重工等15家企业入选省级名单。")
    assert f["15家"]["subject"] == "洛阳高新区"


def test_a_zone_headline_frames_the_report(nlp):
    f = facts_of(nlp, "会议介绍了园区规划。\n现场共有30家企业参加签约。", title="洛阳高新区举行项目签约大会")
    assert f["30家"]["subject"] == "洛阳高新区"


@pytest.mark.parametrize("text, surface, per", [
    # NOTES 21: a price moving on from a unit price keeps its unit
    ("上周铜现货报价为61200元/吨。本周铜价继续走高,已升至63800元。", "63800元", "吨"),
    ("3月猪肉批发价为22.5元/公斤,4月回落到19元。", "19元", "公斤"),
    # not carried: a total, another order of magnitude, another currency, another paragraph
    ("铜价为61200元/吨,全年销售额62000元。", "62000元", None),
    ("铜价为61200元/吨,随后跌至6120万元。", "6120万元", None),
    ("铜价为61200元/吨,海外报价涨到9000美元。", "9000美元", None),
    ("铜价为61200元/吨。\n本周铜价已升至63800元。", "63800元", None),
])
def test_unit_price_carries_per_to_a_following_price(nlp, text, surface, per):
    f = facts_of(nlp, text)
    assert f[surface]["per"] == per


def test_a_sentence_about_this_forum_is_not_about_the_zone(nlp):
    f = facts_of(nlp, "南宁高新区举办创新活动周。依托广西先进制造研究院需求,在研发机构上突破。"
                      "此次论坛还发布企业创新需求35项,企业采购需求41项,总金额3.1亿元。")
    assert f["35项"]["subject"] is None
    assert f["41项"]["subject"] is None  # 企业 here is a common noun, not 该企业
    assert f["3.1亿元"]["subject"] is None


def test_a_demonstrative_and_the_kind_of_organisation_stand_for_it(nlp):
    f = facts_of(nlp, "南京江宁开发区新设立南京芯途半导体研究院有限公司。该研究院注册资本3000万元,首期引进研发人员45名。")
    assert f["3000万元"]["subject"] == "南京芯途半导体研究院有限公司"
    assert f["45名"]["subject"] == "南京芯途半导体研究院有限公司"


def test_the_subsidiary_named_at_the_head_of_a_clause_is_the_subject(nlp):
    f = facts_of(nlp, "近日,青岛澜海集团公告称,持股62.5%的子公司澜海电器作为发行人发行可换股债券,"
                      "债券本金共计8.6亿港元(约合1.1亿美元)。")
    assert f["62.5%"]["subject"] == "青岛澜海集团"  # the parent holds the stake
    assert f["8.6亿港元"]["subject"] == "澜海电器"
    assert f["1.1亿美元"]["subject"] == "澜海电器"


def test_a_company_founded_by_others_is_the_subject_not_its_founders(nlp):
    f = facts_of(nlp, "2010年5月,华北钢铁集团和津港物流集团合资组建的天津华钢物流有限公司宣布其对澳洲铁矿公司的"
                      "40%股权投资完成交割,交易对价为3.2亿澳元。")
    assert f["40%"]["subject"] == "天津华钢物流有限公司"
    assert f["3.2亿澳元"]["subject"] == "天津华钢物流有限公司"


def test_the_latter_is_the_second_of_a_pair(nlp):
    f = facts_of(nlp, "新码头由中国石化与宁波港口集团合资建设,其中,中国石化占60%股份,后者占40%股份。")
    assert f["60%"]["subject"] == "中国石化"
    assert f["40%"]["subject"] == "宁波港口集团"


def test_the_organisation_right_before_a_number_owns_it(nlp):
    f = facts_of(nlp, "在收购中,华纺集团取得了国开行40%(2100多万欧元)的并购贷款。"
                      "去年,南方机电集团成功收购了英国精工集团(PGT)下属4家子公司。")
    assert f["40%"]["subject"] == "国开行"
    assert f["2100多万欧元"]["subject"] == "国开行"
    assert f["4家"]["subject"] == "精工集团"


def test_an_authority_announcing_is_a_source(nlp):
    f = facts_of(nlp, "论坛大会上,国家发改委主任王华宣布,大陆将在5个方面推出新举措。")
    assert f["5个"]["subject"] is None


def test_a_count_of_the_group_a_company_belongs_to_has_no_subject(nlp):
    f = facts_of(nlp, "湘峰建材集团是全省建材行业重点扶持的60家企业集团之一,其产能约占全省的三分之一。")
    assert f["60家"]["subject"] is None
    assert f["三分之一"]["subject"] == "湘峰建材集团"


def test_past_a_semicolon_only_a_zone_carries_over(nlp):
    f = facts_of(nlp, "其中,中国石化12家,中石油5家,中海油1家;千万吨级以上的炼厂3家。")
    assert f["5家"]["subject"] == "中石油"
    assert f["3家"]["subject"] is None
    g = facts_of(nlp, "今年上半年,临港新片区跨境结算量达到1500亿元,同比增长35%;新设外资企业46家。")
    assert g["46家"]["subject"] == "临港新片区"


def test_a_ministry_department_that_reports_is_a_source(nlp):
    f = facts_of(nlp, "据商务部外资司统计,截至5月底,全国新设外商投资企业8120家,实际使用外资465亿美元。")
    assert f["8120家"]["subject"] is None
    assert f["465亿美元"]["subject"] is None
