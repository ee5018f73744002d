"""parse_numeral: Arabic, Chinese and mixed numerals, and what cn2an alone gets wrong."""

import math

import pytest

from pipeline.numbers import parse_numeral
from pipeline.numbers.numerals import digit_pair_range


@pytest.mark.parametrize("s, value", [
    ("1.2万亿", 1.2e12),          # cn2an rejects a decimal before 万亿
    ("一千二百万", 1.2e7),
    ("4千万", 4e7),
    ("两亿", 2e8),
    ("千", 1000.0),               # cn2an rejects a bare leading unit
    ("百亿", 1e10),
    ("36,110", 36110.0),
    ("36，110", 36110.0),
    ("１２０", 120.0),
    ("一点五万", 15000.0),
    ("二十点一万", 201000.0),
    ("4.6亿", 4.6e8),
    ("三点一四", 3.14),
    ("一百一", 110.0),
    ("一亿零两千三百", 100002300.0),
    ("四十九兆九千五百九十二億", 49959200000000.0),
    ("拾万零五十六点叁叁", 100056.33),
    ("15K", 15000.0),
    ("300w", 3e6),
    ("负3.9", -3.9),
    ("陸點五", 6.5),
    ("5亿1万4千6百", 500014600.0),  # Arabic digits between Chinese units
    ("7 万5 千4 百", 75400.0),
    ("四万万", 4e8),
    ("十多万", 1e5),              # the qualifier is read by the finder, not here
    ("五百余万", 5e6),
    ("五分之一", 0.2),
    ("2e5", 2e5),
    ("-2.5 M", -2.5e6),
])
def test_parse_numeral(s, value):
    assert parse_numeral(s) == pytest.approx(value, rel=1e-9)


@pytest.mark.parametrize("s", ["", "几", "若干", "abc", "12ab"])
def test_parse_numeral_rejects(s):
    assert parse_numeral(s) is None


@pytest.mark.parametrize("s, lo, hi", [
    ("一两百", 100, 200), ("一二百万", 1e6, 2e6), ("十五六", 15, 16), ("七百三四十", 730, 740), ("八九千", 8000, 9000),
])
def test_digit_pair_range(s, lo, hi):
    assert digit_pair_range(s) == (lo, hi)


def test_no_range_in_plain_numerals():
    assert digit_pair_range("五五") is None and digit_pair_range("二十三") is None


@pytest.mark.parametrize("s", ["三点四五", "二点一二万", "十七点八九", "六点一二三", "四十点五六亿"])
def test_no_range_after_a_decimal_point(s):
    assert digit_pair_range(s) is None


def test_numerals_past_floats_range_are_no_number():
    # cn2an's integer for 3,000 一 overflowed float(): OverflowError stopped the finder
    for s in ("一 " * 3000, "一" * 3000, "9" * 400, "1e999"):
        v = parse_numeral(s)
        assert v is None or math.isfinite(v)
    assert parse_numeral("9" * 400) is None and parse_numeral("1e999") is None
