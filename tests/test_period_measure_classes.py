"""Issue 14 items 2 and 3, by class of error: period scope and `measure` on sentences written for
these tests (ANNOTATION.md's period-scope and measure rules)."""

import pytest

from pipeline.facts.measure import measure_of
from pipeline.ingest.sources import article_from_record
from pipeline.run import annotate


def facts_of(nlp, text, date="2023-06-20", title="测试标题"):
    art = article_from_record({"id": "t", "title": title, "text": text, "date": date}, source="t", seq=0)
    return {f["surface"]: f for f in annotate(nlp, art)._.facts}


def _measure(text, surface, kind, article_year=None):
    pos = text.index(surface)
    return measure_of(kind, None, text, pos, pos + len(surface), (text.rfind("，", 0, pos) + 1, len(text)), 0,
                      article_year=article_year)


@pytest.mark.parametrize("text, surface, kind, measure", [
    # 截至YEAR年底 dates a stock, it is no year a target is due
    ("截至2021年底，园区累计引进企业320家", "320家", "count", "cumulative"),
    ("截止到2020年，园区完成投资总额46亿元", "46亿元", "money", "level"),
    # a span of years and the level a figure rose to are not targets either
    ("2012年至2022年，园区企业数量增长了三成", "三成", "percent", "change"),
    ("外资占比从2019年的20%提升至2022年的35%", "35%", "percent", "share"),
    # the share of a plan achieved
    ("上半年完成年度计划的56.2%", "56.2%", "percent", "share"),
    ("全年完成目标任务的108%", "108%", "percent", "share"),
    # a due year still makes a target
    ("到2030年，园区产值突破900亿元", "900亿元", "money", "target"),
])
def test_measure_classes(text, surface, kind, measure):
    assert _measure(text, surface, kind) == measure


def test_a_due_year_before_the_article_is_a_year_achieved():
    text = "到2020年，园区产值达到410亿元"
    assert _measure(text, "410亿元", "money", article_year=2023) == "level"
    assert _measure(text, "410亿元", "money", article_year=2019) == "target"


def test_measure_classes_in_the_pipeline(nlp):
    f = facts_of(nlp, "截至2022年6月底，东湖片区累计新增企业1.2万家，注册资本830亿元。")
    assert (f["1.2万家"]["measure"], f["830亿元"]["measure"]) == ("cumulative", "cumulative")


def test_a_dateline_and_a_reporting_clause_do_not_stop_a_run(nlp):
    f = facts_of(nlp, "新华网合肥3月5日电(记者 王明)今年一季度,蜀山高新区实现营收420亿元,同比增长9%。"
                      "实际利用外资为2.5亿美元,同比增长6%。", date="2024-03-06")
    assert f["2.5亿美元"]["period"] == "2024一季度"
    f = facts_of(nlp, "4月2日,记者从蜀山高新区了解到,今年一季度,园区实现营收420亿元。"
                      "目前,在建项目总投资超过900亿元。", date="2024-04-03")
    assert f["900亿元"]["period"] == "2024一季度"


def test_a_figure_after_a_planned_one_in_its_sentence_still_takes_the_run(nlp):
    f = facts_of(nlp, "2023年,蜀山高新区储备项目31个,总投资220亿元。"
                      "其中续建项目15个,年度计划投资41亿元;新建项目16个,总投资96亿元。")
    assert f["41亿元"]["measure"] == "target" and f["41亿元"]["period"] is None
    assert (f["16个"]["period"], f["96亿元"]["period"]) == ("2023", "2023")


def test_a_future_date_dates_planned_figures_only(nlp):
    f = facts_of(nlp, "据悉,配套码头预计2026年开工建设,其中华星集团占60%股份。", date="2024-05-01")
    assert f["60%"]["period"] is None
    f = facts_of(nlp, "2019-2022年,园区芯片销售额年均增长17%,预计未来可达23%。", date="2023-05-01")
    assert f["17%"]["period"] == "2019-2022"
    assert (f["23%"]["measure"], f["23%"]["period"]) == ("target", None)
    f = facts_of(nlp, "到2027年,园区产值突破800亿元。", date="2024-05-01")
    assert (f["800亿元"]["period"], f["800亿元"]["measure"]) == ("2027", "target")


def test_a_future_date_names_no_event(nlp):
    f = facts_of(nlp, "园区内6个项目已全部开工,明年9月陆续建成投产。此次推进会,高新区共有13个项目参加。",
                 date="2024-09-30")
    assert f["13个"]["period"] != "2025"


def test_a_goal_framing_a_year_is_no_target(nlp):
    f = facts_of(nlp, "2022年,蜀山高新区以建设一流园区为目标,共实施项目109项,总投资676亿元。")
    assert (f["109项"]["measure"], f["109项"]["period"]) == ("level", "2022")


def test_a_breakdown_of_an_events_figures_takes_its_period(nlp):
    f = facts_of(nlp, "9月3日,蜀山高新区2023年第二次“三个一批”活动在园区举行。\n"
                      "本次活动,全区签约项目12个,开工项目9个。项目主要集中在新能源等领域。"
                      "其中,南岗片区签约项目3个,总投资8.2亿元。", date="2023-09-05")
    assert (f["3个"]["period"], f["8.2亿元"]["period"]) == ("2023", "2023")
    assert f["8.2亿元"]["period_from"] == "event"


def test_a_count_of_what_happened_is_not_a_standing_count(nlp):
    f = facts_of(nlp, "2023年,蜀山高新区新开工项目19个,总投资60亿元。此外,另有14个项目自行开工,总投资约20亿元。"
                      "研发人员有120余人。")
    assert f["14个"]["period"] == "2023"
    assert f["120余人"]["period"] is None


def test_a_figure_told_again_without_a_time_takes_the_statements_period(nlp):
    rows = facts_list(nlp, "2023年,蜀山高新区集中开工重点项目8个,总投资96亿元。\n"
                                          "蜀山高新区8个重点项目开工\n园区将继续优化服务。")
    assert [f["period"] for f in rows if f["surface"] == "8个"] == ["2023", "2023"]
    assert rows[2]["restates"] is not None and rows[2]["period_from"] == rows[0]["period_from"]


def facts_list(nlp, text, date="2023-06-20"):
    art = article_from_record({"id": "t", "title": "测试标题", "text": text, "date": date}, source="t", seq=0)
    return annotate(nlp, art)._.facts


@pytest.mark.parametrize("text, period", [
    ("今年前三个季度", "2023前三季度"),
    ("一至三季度", "2023前三季度"),
    ("2022年第一至三季度", "2022前三季度"),
    ("今年1—3季度", "2023前三季度"),
    ("前两个季度", "2023上半年"),
])
def test_first_three_quarters_written_other_ways(text, period):
    from pipeline.dates import find_dates, resolve_period
    [m] = find_dates(text)
    assert resolve_period(m.norm, "2023-11-01") == period


@pytest.mark.parametrize("text, found", [
    ("力争年内完成投资20亿元", "年内"),
    ("预计到年底开工项目85个", "年底"),
    ("年底前建成投产", "年底前"),
    ("项目三年内建成", None),
    ("每年年底考核一次", None),
    ("年末结余32万元", None),   # after 2010年 it is that year's end, not the article's
])
def test_this_year_without_its_number(text, found):
    from pipeline.dates import find_dates, resolve_period
    dates = find_dates(text)
    assert [m.text for m in dates] == ([found] if found else [])
    if found:
        assert resolve_period(dates[0].norm, "2023-11-01") == "2023"


def test_a_target_due_this_year(nlp):
    f = facts_of(nlp, "蜀山高新区力争年内完成固定资产投资80亿元。")
    assert (f["80亿元"]["period"], f["80亿元"]["measure"]) == ("2023", "target")


def test_a_meeting_named_with_its_year_is_not_the_reports_period(nlp):
    f = facts_of(nlp, "记者从蜀山高新区2024年度招商引资工作会议上获悉,2023年园区新签约项目115个。\n"
                      "近年来,园区累计培育高新技术企业212家。", date="2024-04-17")
    assert f["115个"]["period"] == "2023"
    assert f["212家"]["period"] is None


@pytest.mark.parametrize("text, date, period", [
    ("四季度", "2023-01-15", "2022四季度"),    # not begun by the article's date: last year's
    ("四季度", "2023-11-20", "2023四季度"),
    ("下半年", "2023-02-01", "2022下半年"),
    ("下半年", "2023-06-20", "2023下半年"),    # the half to come
    ("一季度", "2023-01-15", "2023一季度"),
    ("今年四季度", "2023-01-15", "2023四季度"),  # 今年 says which year
])
def test_a_bare_quarter_long_after_the_article_is_last_years(text, date, period):
    from pipeline.dates import find_dates, resolve_period
    [m] = find_dates(text)
    assert resolve_period(m.norm, date) == period


@pytest.mark.parametrize("text, surface, kind, measure", [
    # a one-character move word inside a name is no change
    ("开工项目3个,分别为总投资0.6亿元的华星可降解餐具项目、总投资0.4亿元的嘉禾机械项目", "0.4亿元", "money", "level"),
    ("园区规上工业产值同比增18.5%", "18.5%", "percent", "change"),
    ("出口额降3.2亿元", "3.2亿元", "money", "change"),
    # a lower bound or a range right before the class it bounds
    ("全年新增过10亿元企业4家", "过10亿元", "money", "threshold"),
    ("其中20-50亿元项目2个", "20-50亿元", "money", "threshold"),
    ("园区总投资超10亿元", "超10亿元", "money", "level"),
])
def test_measure_words_and_bounds(text, surface, kind, measure):
    from pipeline.numbers import find_quantities
    q = next(q for q in find_quantities(text) if q.text == surface)
    got = measure_of(kind, None, text, q.start, q.end, (text.rfind("，", 0, q.start) + 1, len(text)), 0,
                     bounded=q.approx in ("more_than", "at_least") or q.value_high is not None)
    assert got == measure


def test_the_move_of_a_planned_figure_is_planned(nlp):
    f = facts_of(nlp, "数据显示,园区光伏产业全年产值将超800亿元,同比增长超过25%。园区营收同比增长9%。")
    assert (f["超800亿元"]["measure"], f["25%"]["measure"]) == ("target", "target")
    assert f["9%"]["measure"] == "change"


def test_a_run_whose_subject_stands_before_its_year(nlp):
    f = facts_of(nlp, "蜀山高新区2022年实现营收860亿元,同比增长12%。规上工业产值增长9%,达到410亿元。")
    assert (f["410亿元"]["period"], f["410亿元"]["period_from"]) == ("2022", "paragraph")
    # a year dating an event after its subject opens no run
    f = facts_of(nlp, "华星公司2019年在合肥设立研发中心。目前,公司产品已进入15家整车企业的供应链。")
    assert f["15家"]["period"] is None


@pytest.mark.parametrize("text, surface", [
    ("秦皇岛玻璃降1.94元/重量箱,跌幅1.6%", "1.6%"),
    ("园区实现增收3.2亿元", "3.2亿元"),
])
def test_two_character_move_words(text, surface):
    kind = "percent" if surface.endswith("%") else "money"
    assert _measure(text, surface, kind) == "change"


@pytest.mark.parametrize("text, surface, kind, measure", [
    ("伦铜周二涨至9540美元", "9540美元", "money", "level"),
    ("42英寸面板已经由423元跌至255元", "255元", "money", "level"),
    ("中国铜需求增速或下滑至6%", "6%", "percent", "change"),
    ("研发投入占比提高到3.5%", "3.5%", "percent", "share"),
    ("两个自主品牌产品提价20%左右", "20%左右", "percent", "change"),
    ("H股较年初开盘价跌去达42.91%", "42.91%", "percent", "change"),
])
def test_levels_reached_and_price_moves(text, surface, kind, measure):
    assert _measure(text, surface, kind) == measure


def test_a_conjunction_is_no_subject_opening_a_run(nlp):
    f = facts_of(nlp, "虽然园区上年度的增长速度不高,但后劲很足。而同时,园区的需求目前占全省的44%。", date="2011-05-31")
    assert f["44%"]["period"] is None


def test_an_estimate_of_a_past_year_keeps_it(nlp):
    f = facts_of(nlp, "2010年中国电子元件行业总产量达到12550亿只,预计占世界总产量的45%。", date="2011-05-31")
    assert f["45%"]["period"] == "2010"


def test_since_a_year_runs_to_the_article(nlp):
    f = facts_of(nlp, "自2019年挂牌成立以来,蜀山片区已形成制度创新成果48项。2023年以来,园区新签约项目30个。",
                 date="2023-06-20")
    assert (f["48项"]["period"], f["48项"]["period_grain"]) == ("2019-2023", "multi-year")
    assert f["30个"]["period"] == "2023"


def test_a_month_entered(nlp):
    from pipeline.dates import find_dates, resolve_period
    [m] = find_dates("进入8月以来,合成橡胶价格继续上涨")
    assert resolve_period(m.norm, "2011-08-26") == "2011-08"


def test_a_plan_lasting_n_years_from_its_start(nlp):
    f = facts_of(nlp, "从今年开始,合肥市决定投资近百亿元启动为期三年的河道治理工程。", date="2011-03-23")
    assert (f["近百亿元"]["period"], f["近百亿元"]["period_grain"]) == ("2011-2013", "multi-year")
    f = facts_of(nlp, "今年园区投资20亿元,为期三年的规划随后发布。", date="2011-03-23")
    assert f["20亿元"]["period"] == "2011"   # 今年 starts nothing here
