import pytest

from pipeline.dates import find_dates, five_year_plan, resolve_period


@pytest.mark.parametrize("text, surface, norm", [
    ("2019年研发费用大增", "2019年", "2019"),
    ("2020年度认定企业", "2020年度", "2020"),
    ("行动计划(2020—2022年)", "2020—2022年", "2020-2022"),
    ("今年上半年营收增长", "今年上半年", "rel:0上半年"),
    ("去年同期", "去年", "rel:-1"),
    ("12月15日举行签约", "12月15日", "day"),
    ("“十四五”期间", "十四五", "2021-2025"),
])
def test_find_dates(text, surface, norm):
    [m] = find_dates(text)
    assert (m.text, m.norm) == (surface, norm)
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("norm, date, period", [
    ("2019", None, "2019"),
    ("rel:0", "2011-05-03", "2011"),
    ("rel:-1", "2011-05-03", "2010"),
    ("rel:0", None, None),            # 今年 without the article's date stays unknown
    ("rel:0上半年", "2011-05-03", "2011上半年"),
    ("day", "2011-05-03", None),      # a day dates an event, not a fact
])
def test_resolve_period(norm, date, period):
    assert resolve_period(norm, date) == period


def test_five_year_plans():
    assert five_year_plan("十一") == "2006-2010"
    assert five_year_plan("十二") == "2011-2015"


def test_no_date_in_plain_numbers():
    assert find_dates("销售额达到2019万元") == []
