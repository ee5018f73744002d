"""The third-party case scorer: strict figures, and contract differences counted apart."""

import pytest

from pipeline.evaluate.numeric_cases import _with_cd, score_case
from pipeline.mentions import Quantity

SCOPE = ["money", "percent", "number", "count", "ordinal"]


def item(text, surface, kind, value, **extra):
    start = text.index(surface)
    return {"kind": kind, "surface": surface, "value": value, "start": start, "end": start + len(surface), **extra}


def pred(text, surface, kind, value, high=None, unit="CNY"):
    start = text.index(surface)
    return Quantity(kind=kind, start=start, end=start + len(surface), text=surface, value=value,
                    unit=unit, value_high=high)


def case(text, expected):
    return {"id": "T", "source": "test", "text": text, "expected": expected, "scope": SCOPE, "negative": False}


@pytest.mark.parametrize("text, gold, mine", [
    ("材料费在300元左右", "300元", "300元左右"),
    ("全年营收超两亿美元", "两亿美元", "超两亿美元"),
    ("捐出约5万元", "5万元", "约5万元"),
    ("共募集30余万元以上", "30余万元", "30余万元以上"),
])
def test_qualifier_inside_span_is_a_contract_difference(text, gold, mine):
    r = score_case(case(text, [item(text, gold, "money", 0.0, qualifier="approx")]),
                   [pred(text, mine, "money", 0.0)], ("money", "percent"))
    assert (r.tp, r.fp, r.fn) == (0, 1, 1)  # strict: still wrong
    assert r.cd == {"qualifier": 1} and r.cd_pair == 1


@pytest.mark.parametrize("text, gold, mine, gold_value, mine_value, qualifier", [
    ("材料费在300元左右", "300元", "300元左右", 300, 300, None),        # case marks no qualifier
    ("材料费在300元的水平", "300元", "300元的", 300, 300, "approx"),    # 的 is no contract qualifier
    ("材料费在300元左右", "300元", "300元左右", 300, 30, "approx"),     # value wrong
])
def test_other_span_or_value_differences_stay_errors(text, gold, mine, gold_value, mine_value, qualifier):
    extra = {"qualifier": qualifier} if qualifier else {}
    r = score_case(case(text, [item(text, gold, "money", gold_value, **extra)]),
                   [pred(text, mine, "money", mine_value)], ("money", "percent"))
    assert (r.tp, r.fp, r.fn, r.cd_pair) == (0, 1, 1, 0)


@pytest.mark.parametrize("text, gold, mine, value, points", [
    ("班里有2/5的学生来自外地", "2/5", "2/5", 0.4, 40),
    ("产量的四分之三以上用于出口", "四分之三", "四分之三以上", 0.75, 75),
])
def test_fraction_read_as_share(text, gold, mine, value, points):
    r = score_case(case(text, [item(text, gold, "number", value)]),
                   [pred(text, mine, "percent", points, unit="%")], ("money", "percent"))
    assert (r.tp, r.fp, r.fn) == (0, 1, 0)
    assert r.cd == {"share": 1} and r.cd_fp == 1


def test_share_needs_the_right_value_and_a_fraction():
    text = "班里有2/5的学生，共35人"
    r = score_case(case(text, [item(text, "2/5", "number", 0.4)]),
                   [pred(text, "2/5", "percent", 25, unit="%")], ("money", "percent"))
    assert r.cd_fp == 0 and r.fp == 1
    r = score_case(case(text, [item(text, "35", "number", 35.0)]),
                   [pred(text, "35", "percent", 3500, unit="%")], ("money", "percent"))
    assert r.cd_fp == 0 and r.fp == 1


def test_range_whose_high_end_the_case_lists():
    text = "含糖量在8-12%之间"
    r = score_case(case(text, [item(text, "12%", "percent", 12.0)]),
                   [pred(text, "8-12%", "percent", 8, high=12, unit="%")], ("money", "percent"))
    assert (r.tp, r.fp, r.fn, r.cd_pair) == (0, 1, 1, 1) and r.cd == {"range": 1}
    r = score_case(case(text, [item(text, "12%", "percent", 12.0)]),
                   [pred(text, "8-12%", "percent", 8, high=15, unit="%")], ("money", "percent"))
    assert r.cd_pair == 0


def test_measure_word_outside_the_contract():
    text = "种了300棵树，建成12家工厂"
    r = score_case(case(text, [item(text, "300棵", "count", 300.0, unit="棵"),
                               item(text, "12家", "count", 12.0, unit="家")]), [], ("count",))
    assert (r.tp, r.fp, r.fn) == (0, 0, 2)
    assert r.cd == {"measure word": 1} and r.cd_fn == 1  # 12家 stays a plain miss


def test_contract_adjusted_f1_never_touches_strict_f1():
    m = _with_cd(tp=8, fp=2, fn=2, cd_pair=1, cd_fp=1, cd_fn=0)
    assert m["f1"] == pytest.approx(0.8)
    assert m["cd"] == 2
    assert m["f1c"] == pytest.approx(2 * 9 / (2 * 9 + 0 + 1))  # tp 9, fp 0, fn 1
