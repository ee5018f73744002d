"""The facts stage does work near-linear in the numbers of an article (issue 16: 2,000 x 1个
took 140 s in pipeline/facts/metric.py, cubic).  Work is counted, not timed: the Python
lines run in pipeline/facts while building the facts of N and 4N numbers; linear work
gives a ratio of 4, quadratic 16."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pipeline.facts import build_facts
from pipeline.ingest.sources import article_from_record
from pipeline.run import annotate

FACTS_DIR = str(Path(__file__).resolve().parents[1] / "pipeline" / "facts")


def _lines_run(nlp, text: str) -> tuple[int, int]:
    """(Python lines run in pipeline/facts by build_facts, facts built)."""
    doc = annotate(nlp, article_from_record({"id": "n", "title": "规模", "text": text}, source="t", seq=0))
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def on_call(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(FACTS_DIR) else None

    old = sys.gettrace()
    sys.settrace(on_call)
    try:
        facts = build_facts(doc)
    finally:
        sys.settrace(old)
    return count, len(facts)


@pytest.mark.parametrize("unit", ["1个", "5亿元，", "增长5%"])
def test_facts_work_grows_near_linearly(nlp, unit):
    small, n_small = _lines_run(nlp, unit * 150)
    large, n_large = _lines_run(nlp, unit * 600)
    assert n_small == 150 and n_large == 600  # every number is a fact
    assert large / small < 6, f"{unit}: {small} lines for 150 numbers, {large} for 600"


def test_a_repeated_figure_still_restates_the_title(nlp):
    """The bound on same-figure comparisons (restate.MAX_SAME_FIGURE) keeps the title's figure."""
    text = "全区新增企业5家。" * 100
    doc = annotate(nlp, article_from_record({"id": "r", "title": "新增企业5家", "text": text},
                                            source="t", seq=0))
    facts = doc._.facts
    title_fact = f"{facts[0]['start']}-{facts[0]['end']}"
    assert facts[0]["start"] < len("新增企业5家")
    assert facts[-1]["restates"] == title_fact
