"""Range signs (issue 16 defect 9) and the money forms of issue 16, on sentences written
for these tests."""

from __future__ import annotations

import pytest

from pipeline.numbers import find_quantities


def only(text: str, kind: str | None = None):
    qs = [q for q in find_quantities(text) if kind is None or q.kind == kind]
    assert len(qs) == 1, qs
    q = qs[0]
    assert text[q.start:q.end] == q.text
    return q


# text, surface, value, value_high, unit
@pytest.mark.parametrize("text, surface, value, high, unit", [
    # a sign is its own number's
    ("预计全年净利润为-3亿至5亿元。", "-3亿至5亿元", -3e8, 5e8, "CNY"),
    ("公司预告亏损-2亿至-1亿元。", "-2亿至-1亿元", -2e8, -1e8, "CNY"),
    ("每台毛利-七八百元。", "-七八百元", -800, -700, "CNY"),
    ("去年同期为负五六十万元。", "负五六十万元", -6e5, -5e5, "CNY"),
    # ranges written with a repeated unit, doubled dashes, (含), 从…到
    ("单项补助2万元--6万元不等。", "2万元--6万元", 2e4, 6e4, "CNY"),
    ("兼职月薪3——5万港币。", "3——5万港币", 3e4, 5e4, "HKD"),
    ("奖励额度为2万(含)-6万元。", "2万(含)-6万元", 2e4, 6e4, "CNY"),
    ("租金从3000到2万港元不等。", "3000到2万港元", 3000, 2e4, "HKD"),
    ("维修费一般在500元至800元之间。", "500元至800元", 500, 800, "CNY"),
    ("门票价格30-50万元。", "30-50万元", 3e5, 5e5, "CNY"),
])
def test_ranges(text, surface, value, high, unit):
    q = only(text, "money")
    assert (q.text, q.value, q.value_high, q.unit) == (surface, pytest.approx(value), pytest.approx(high), unit)
    assert q.value <= q.value_high


def test_a_change_by_then_to_is_two_amounts():
    qs = find_quantities("该型号报价上涨40元到680元，另一型号下跌1100元至5.2万元。")
    assert [(q.text, q.value, q.value_high) for q in qs] == [
        ("40元", 40, None), ("680元", 680, None), ("1100元", 1100, None), ("5.2万元", 52000, None)]


def test_no_range_is_inverted_and_no_amount_of_a_range_is_negative():
    for text in ("补贴2万元--6万元", "补贴2万(含)-6万元", "薪资3——5万港币", "预算1万元-20万元", "售价5元-10元"):
        for q in find_quantities(text):
            assert q.value >= 0 and (q.value_high is None or q.value_high > q.value), (text, q)
    for text in ("降幅百分之二十至十", "-5%-10%", "净亏-3亿至-5亿元", "-七八百元"):
        for q in find_quantities(text):
            assert q.value_high is None or q.value_high >= q.value, (text, q)


# text, surface, value, unit
@pytest.mark.parametrize("text, surface, value, unit", [
    # a currency named before the number: its unit, in the span
    ("该店收取港币3500元押金。", "港币3500元", 3500, "HKD"),
    ("企业募资新台币 58.2 亿元。", "新台币 58.2 亿元", 5.82e9, "TWD"),
    ("获奖者各得人民币12万元。", "人民币12万元", 1.2e5, "CNY"),
    ("首期投入美元800万元。", "美元800万元", 8e6, "USD"),
    # a currency after 元, or its own word
    ("代工订单达995亿元新台币。", "995亿元新台币", 9.95e10, "TWD"),
    ("工厂计划投资42.3亿印度卢比。", "42.3亿印度卢比", 4.23e9, "INR"),
    ("收购价为310亿日圆。", "310亿日圆", 3.1e10, "JPY"),
    ("合同金额1200亿韩元。", "1200亿韩元", 1.2e11, "KRW"),
    ("售价68港元。", "68港元", 68, "HKD"),
    ("筹集5亿欧元。", "5亿欧元", 5e8, "EUR"),
    ("罚款20万英镑。", "20万英镑", 2e5, "GBP"),
    ("贷款90亿卢布。", "90亿卢布", 9e9, "RUB"),
    ("棕榈油报2,950林吉特。", "2,950林吉特", 2950, "MYR"),
    ("募资4亿澳币。", "4亿澳币", 4e8, "AUD"),
    ("售价30港纸。", "30港纸", 30, "HKD"),
    # financial capitals with 圆, 角 and 分: one amount, 整 in it
    ("收据写明肆仟陆佰圆整。", "肆仟陆佰圆整", 4600, "CNY"),
    ("合计贰拾元陆角。", "贰拾元陆角", 20.6, "CNY"),
    ("应付叁元零伍分。", "叁元零伍分", 3.05, "CNY"),
    ("实收柒佰元整，", "柒佰元整", 700, "CNY"),
    ("一串糖葫芦两块五毛钱。", "两块五毛钱", 2.5, "CNY"),
    ("车票一元二角五分钱。", "一元二角五分钱", 1.25, "CNY"),
    # traditional forms read directly
    ("總投資八萬元。", "八萬元", 8e4, "CNY"),
    ("營收三億圓。", "三億圓", 3e8, "CNY"),
    ("募得新台幣12億元。", "新台幣12億元", 1.2e9, "TWD"),
    ("捐出港幣5萬元。", "港幣5萬元", 5e4, "HKD"),
    # full-width thousands separators
    ("本月营收82，400元。", "82，400元", 82400, "CNY"),
    ("账面余额7，654，321.09元。", "7，654，321.09元", 7654321.09, "CNY"),
    # 个 between a number and its multiplier
    ("引进外资6个亿美元。", "6个亿美元", 6e8, "USD"),
])
def test_money_forms(text, surface, value, unit):
    q = only(text, "money")
    assert (q.text, q.value, q.unit) == (surface, pytest.approx(value), unit)


def test_a_full_width_comma_after_a_marked_amount_still_breaks_a_list():
    qs = find_quantities("两种套餐：$35，480美元。")
    assert [(q.text, q.value) for q in qs] == [("$35", 35), ("480美元", 480)]


def test_full_width_thousands_in_counts():
    assert only("当月交付36，512辆。").value == 36512


def test_yuan_words_that_are_not_money():
    assert find_quantities("三圆桌会议") == []
    assert [q for q in find_quantities("乳企之一——三元乳业") if q.kind == "money"] == []
    assert [q.text for q in find_quantities("每小时收费5元1分钟")] == ["5元"]


def test_negative_share_word():
    q = only("同比增速为百分之负二点五。", "percent")
    assert (q.text, q.value, q.unit) == ("百分之负二点五", -2.5, "%")
    assert only("同比增速为负百分之三。", "percent").value == -3


def test_a_currency_word_closing_one_amount_does_not_open_the_next():
    qs = find_quantities("牌价：7人民币 1美元")
    assert [(q.text, q.unit) for q in qs] == [("7人民币", "CNY"), ("1美元", "USD")]


def test_a_currency_word_before_an_amount_without_yuan():
    q = only("首期募资港币3500万用于扩产。")
    assert (q.text, q.value, q.unit) == ("港币3500万", 3.5e7, "HKD")
    q = only("单个企业年供货额超过人民币800万，")
    assert (q.text, q.value, q.unit, q.approx) == ("人民币800万", 8e6, "CNY", "more_than")
    assert find_quantities("美元1月走弱") == []  # a bare amount needs 万 or 亿


@pytest.mark.parametrize("text, surface, value, high", [
    ("全年增速预计-4%至2%。", "-4%至2%", -4, 2),     # nothing was read: -4 > 2 before the sign
    ("利润率在-6%~-2%之间。", "-6%~-2%", -6, -2),
    ("同比变动-15%—-5%。", "-15%—-5%", -15, -5),
    ("增幅为百分之五至百分之八。", "百分之五至百分之八", 5, 8),
])
def test_signed_percent_ranges(text, surface, value, high):
    q = only(text, "percent")
    assert (q.text, q.value, q.value_high) == (surface, value, high)
