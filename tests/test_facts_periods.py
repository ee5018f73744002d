"""Issue 14: period scope and structure, measure, metric_key, value_cny, fact_id and restates,
on sentences written for these tests."""

from datetime import date

import pytest

from pipeline.dates import find_dates, period_bounds, resolve_period
from pipeline.facts.currency import fx_rates, value_cny
from pipeline.facts.measure import measure_of
from pipeline.facts.metric import metric_key
from pipeline.ingest.sources import article_from_record
from pipeline.rows import fact_rows
from pipeline.run import annotate


def run(nlp, text, date=None, title="测试标题"):
    art = article_from_record({"id": "t", "title": title, "text": text, "date": date}, source="t", seq=0)
    return annotate(nlp, art)


def facts_of(nlp, text, date=None, title="测试标题"):
    return {f["surface"]: f for f in run(nlp, text, date, title)._.facts}


@pytest.mark.parametrize("text, period", [
    ("2017年一季度", "2017一季度"),
    ("2022年第二季度", "2022二季度"),
    ("2023年前三季度", "2023前三季度"),
    ("2022年1—11月", "2022年1—11月"),
    ("2022年1-11月份", "2022年1—11月"),
    ("2020年12月份", "2020-12"),
    ("2010年3月", "2010"),
    ("2019年5月20日", "2019"),      # a day of a year: the year
])
def test_explicit_periods_in_their_text_form(text, period):
    [m] = find_dates(text)
    assert resolve_period(m.norm, None) == period


@pytest.mark.parametrize("text, period", [
    ("今年前8个月", "2024年1—8月"),
    ("今年前十个月", "2024年1—10月"),
    ("1至8月", "2024年1—8月"),
    ("一季度", "2024一季度"),
    ("过去一年", "2023"),
    ("上年", "2023"),
])
def test_relative_periods_resolve_against_the_article_date(text, period):
    [m] = find_dates(text)
    assert resolve_period(m.norm, "2024-09-10") == period


@pytest.mark.parametrize("period, start, end, grain", [
    ("2019", date(2019, 1, 1), date(2019, 12, 31), "year"),
    ("2011上半年", date(2011, 1, 1), date(2011, 6, 30), "half"),
    ("2011下半年", date(2011, 7, 1), date(2011, 12, 31), "half"),
    ("2022二季度", date(2022, 4, 1), date(2022, 6, 30), "quarter"),
    ("2023前三季度", date(2023, 1, 1), date(2023, 9, 30), "months"),
    ("2024年1—2月", date(2024, 1, 1), date(2024, 2, 29), "months"),
    ("2020-12", date(2020, 12, 1), date(2020, 12, 31), "month"),
    ("2021-2025", date(2021, 1, 1), date(2025, 12, 31), "multi-year"),
])
def test_period_bounds(period, start, end, grain):
    assert period_bounds(period) == (start, end, grain)


def test_a_year_opening_a_run_of_statistics_carries_through_the_paragraph(nlp):
    f = facts_of(nlp, "2021年,嘉兴高新区营业收入增长15.2%,达到860亿元。规上工业产值增长12%,达到410亿元。"
                      "园区现有研发人员900余人。")
    assert (f["410亿元"]["period"], f["410亿元"]["period_from"]) == ("2021", "paragraph")
    assert f["860亿元"]["period_from"] == "sentence"
    assert f["900余人"]["period"] is None  # a standing count is not carried into


def test_the_year_does_not_cross_paragraphs_or_another_date(nlp):
    f = facts_of(nlp, "2021年,嘉兴高新区营业收入增长15.2%。\n规上工业产值增长12%。")
    assert f["12%"]["period"] is None
    g = facts_of(nlp, "2021年,嘉兴高新区营业收入增长15.2%。12月5日举行了签约仪式。签约金额增长12%。")
    assert g["12%"]["period"] is None


def test_an_event_named_with_its_period_dates_its_figures(nlp):
    f = facts_of(nlp, "2022年二季度重点项目集中签约仪式在嘉兴举行。签约项目18个,总投资76亿元。")
    assert (f["76亿元"]["period"], f["76亿元"]["period_grain"], f["76亿元"]["period_from"]) == \
        ("2022二季度", "quarter", "event")
    assert f["76亿元"]["period_start"] == date(2022, 4, 1)


def test_a_target_takes_the_year_it_is_due(nlp):
    f = facts_of(nlp, "2023年,嘉兴高新区产值达到300亿元。到2027年,产值突破500亿元。力争营收增长20%。",
                 date="2024-01-10")
    assert (f["500亿元"]["period"], f["500亿元"]["measure"]) == ("2027", "target")
    assert f["20%"]["measure"] == "target"
    assert f["20%"]["period"] is None  # not the year of the achieved figures


def test_the_base_of_a_comparison_is_not_the_period(nlp):
    f = facts_of(nlp, "全区实现营收860亿元,比上年增长15%。", date="2024-01-10")
    assert f["15%"]["period"] is None


@pytest.mark.parametrize("text, surface, measure", [
    ("嘉兴高新区营业收入达到860亿元。", "860亿元", "level"),
    ("嘉兴高新区营业收入同比增长15.2%。", "15.2%", "change"),
    ("嘉兴高新区今年新增高企9家。", "9家", "change"),
    ("研发投入占营业收入的8.18%。", "8.18%", "share"),
    ("截至目前,园区累计引进企业500家。", "500家", "cumulative"),
    ("园区计划总投资50亿元。", "50亿元", "target"),
    ("园区引进10亿元以上项目6个。", "10亿元以上", "threshold"),
    ("公司股价为4.32元/股。", "4.32元/股", "price"),
    ("研发投入占比提高到30%。", "30%", "share"),
])
def test_measure(nlp, text, surface, measure):
    assert facts_of(nlp, text)[surface]["measure"] == measure


def test_measure_of_without_the_pipeline():
    text = "营业收入增长至860亿元"
    assert measure_of("money", None, text, 7, 13, (0, len(text)), 0) == "level"


@pytest.mark.parametrize("metric, kind, key", [
    ("营业收入", "money", "营业收入"),
    ("规模以上工业增加值", "money", "规上工业增加值"),
    ("高企总数", "count", "高新技术企业数"),
    ("实际利用外资", "money", "实际利用外资"),
    ("研发费用", "money", "研发投入"),
    ("签约项目", "count", "签约项目数"),
    ("天气", "money", None),
    ("高新技术企业", "money", None),  # a key applies to its kinds of fact only
    # a percent of an amount named after a count of things is the amount's
    ("高新技术企业 总收入", "percent", "营业收入"),
    ("签约项目总投资", "percent", "总投资"),
    ("高新技术企业 占比", "percent", "高新技术企业数"),
])
def test_metric_key(metric, kind, key):
    assert metric_key(metric, kind) == key


def test_value_cny_from_the_yearly_rate():
    assert value_cny("money", 100.0, "CNY", None) == 100.0
    assert value_cny("money", 100.0, "USD", 2011) == pytest.approx(100 * fx_rates()[(2011, "USD")])
    assert 6.0 < fx_rates()[(2011, "USD")] < 7.0
    assert value_cny("money", 100.0, "USD", None) is None
    assert value_cny("money", 100.0, "BTC", 2020) is None   # no rate in the table
    assert value_cny("money", 100.0, "USD", 1990) is None
    assert value_cny("count", 100.0, "家", 2020) is None


def test_value_cny_uses_the_period_year_else_the_article_year(nlp):
    f = facts_of(nlp, "2015年,该公司出口额达到2亿美元。今年出口额为3亿美元。", date="2021-03-01")
    assert f["2亿美元"]["value_cny"] == pytest.approx(2e8 * fx_rates()[(2015, "USD")])
    assert f["3亿美元"]["value_cny"] == pytest.approx(3e8 * fx_rates()[(2021, "USD")])


def test_fact_id_and_restates(nlp):
    doc = run(nlp, "嘉兴高新区营收突破860亿元。公司投资1亿欧元(约合7.8亿元人民币)建设新厂。",
              title="嘉兴高新区营收860亿元")
    rows = {r["surface"]: r for r in fact_rows(doc, "a1") if r["start"] > 20}
    title_fact = next(r for r in fact_rows(doc, "a1") if r["start"] < 20)
    assert title_fact["fact_id"] == f"a1:{title_fact['start']}-{title_fact['end']}"
    assert title_fact["restates"] is None
    assert rows["860亿元"]["restates"] == title_fact["fact_id"]
    assert rows["7.8亿元人民币"]["restates"] == rows["1亿欧元"]["fact_id"]
    assert rows["1亿欧元"]["restates"] is None


def test_the_from_year_dates_the_base_not_the_figure_reached(nlp):
    f = facts_of(nlp, "嘉兴高新区有效高企数从2017年的250家跃升至568家。从今年开始,园区投资近百亿元建设新城。",
                 date="2021-05-01")
    assert f["250家"]["period"] == "2017"
    assert f["568家"]["period"] is None
    assert f["近百亿元"]["period"] == "2021"


def test_a_headline_figure_takes_the_period_of_its_body_statement(nlp):
    f = run(nlp, "2016年,嘉兴高新区高新技术产业产值突破3000亿元。", title="嘉兴高新区产值突破3000亿元")._.facts
    assert [x["period"] for x in f] == ["2016", "2016"]


def test_this_event_refers_back_to_the_event_named_with_its_period(nlp):
    f = facts_of(nlp, "2月22日,嘉兴高新区召开2024年一季度重大项目集中开工仪式。\n"
                      "会上获悉,此次集中开工的项目计31个,总投资40.6亿元。")
    assert (f["31个"]["period"], f["31个"]["period_from"]) == ("2024一季度", "event")


@pytest.mark.parametrize("text, date_, period", [
    ("截至7月31日,郑州机场完成客运量1353万人次。", "2017-08-17", "2017年1—7月"),  # the year so far
    ("据悉,12月园区共有开工项目19个。", "2021-01-05", "2020-12"),              # the last December
    ("12月15日,园区集中签约项目12个。", "2021-01-05", None),                 # a day dates an event
])
def test_months_without_a_year(nlp, text, date_, period):
    [f] = facts_of(nlp, text, date=date_).values()
    assert f["period"] == period


@pytest.mark.parametrize("text, surface, measure", [
    ("湘江新区营收超亿元的科技型企业达到244家。", "超亿元", "threshold"),
    ("新签约项目96个,其中100亿元以上1个。", "100亿元以上", "threshold"),
    ("总投资约480亿元的18个重点产业项目开工。", "约480亿元", "level"),
    ("园区135.9亿元重点项目集中开工。", "135.9亿元", "level"),
])
def test_threshold_needs_a_bound(nlp, text, surface, measure):
    assert facts_of(nlp, text)[surface]["measure"] == measure


def test_a_month_takes_the_year_named_before_it_in_its_sentence(nlp):
    f = facts_of(nlp, "而2004年,4月份汽车销量为54万辆。", date="2011-06-01")
    assert f["54万辆"]["period"] == "2004-04"


def test_the_same_figure_of_the_same_subject_restates_only_with_the_same_metric(nlp):
    doc = run(nlp, "嘉兴高新区营业收入达到860亿元。\n会上介绍,嘉兴高新区营业收入达到860亿元。\n"
                   "嘉兴高新区新能源汽车项目2个。\n嘉兴高新区产业基金项目2个。")
    rows = [r for r in fact_rows(doc, "a1") if r["start"] > 5]
    assert rows[1]["restates"] == rows[0]["fact_id"]
    assert rows[3]["restates"] is None


def test_a_sentence_opening_with_a_plan_is_a_target_throughout(nlp):
    f = facts_of(nlp, "计划用3至5年完成园区基础建设,主攻三大主导产业,到时建成500亿元的产业集群。")
    assert f["500亿元"]["measure"] == "target"
