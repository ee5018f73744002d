"""Intervals by article for document-level F (pipeline/evaluate/bootstrap.py)."""

import pytest

from pipeline.evaluate.bootstrap import f_interval, paired
from pipeline.evaluate.gold import Report, score_entities


def test_alike_articles_leave_no_room():
    arts = [{"ORG": (2, 1, 1)}] * 30
    f, lo, hi = f_interval(arts, "ORG")
    assert f == pytest.approx(2 / 3) and lo == pytest.approx(f) and hi == pytest.approx(f)


def test_unlike_articles_give_an_interval_around_the_figure_that_narrows_with_more_of_them():
    few = [{"ORG": (3, 0, 0)}, {"ORG": (0, 2, 2)}] * 10
    many = few * 10
    f, lo, hi = f_interval(few, "ORG")
    f2, lo2, hi2 = f_interval(many, "ORG")
    assert f == pytest.approx(f2) == pytest.approx(6 / 10)
    assert lo < f < hi and lo2 < f2 < hi2
    assert hi2 - lo2 < (hi - lo) / 2


def test_a_label_nobody_scored_is_zero():
    assert f_interval([{"ORG": (1, 0, 0)}], "PERSON") == (0.0, 0.0, 0.0)
    assert f_interval([], "ORG") == (0.0, 0.0, 0.0)


def test_paired_change_counts_only_articles_both_runs_scored():
    before = {f"a{i}": {"ORG": (2, 1, 1)} for i in range(40)}
    after = dict(before, a0={"ORG": (3, 1, 0)}, extra={"ORG": (0, 9, 9)})
    d, lo, hi, changed = paired(before, after, "ORG")
    assert changed == 1
    assert d > 0 and lo <= d <= hi and lo >= 0  # one article better, none worse: never below zero
    assert paired(before, before, "ORG") == (0.0, 0.0, 0.0, 0)


def test_paired_interval_spans_zero_when_gains_and_losses_offset():
    before = {f"a{i}": {"ORG": (2, 1, 1)} for i in range(40)}
    after = dict(before, a0={"ORG": (3, 1, 0)}, a1={"ORG": (1, 1, 2)})
    d, lo, hi, changed = paired(before, after, "ORG")
    assert changed == 2 and d == pytest.approx(0.0) and lo < 0 < hi


def test_report_keeps_each_articles_counts():
    report = Report()
    gold = {"entities": {"ORG": ["甲公司", "乙集团"]}, "optional": {"ORG": ["丙厂"]}}
    score_entities(gold, {"ORG": {"甲公司", "丙厂", "丁所"}}, report, "art-1")
    prf = report.by_article["art-1"]["ORG"]
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 1)
