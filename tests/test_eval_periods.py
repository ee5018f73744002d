"""Issue 14 ratchets: period in its full text form and measure, on matched facts, may not fall
more than 0.02 below what was reached (2026-12-03, raised with the periods branch).  ../shared/train was not used to write the
period and measure rules except its odd-numbered articles; the even-numbered half is held out
(the floors below are for the whole set)."""

from pipeline.evaluate.gold import evaluate_file

MARGIN = 0.02
FLOORS = {
    "dev": {"period": 0.949, "period_exact": 0.949},
    "train": {"period": 0.942, "period_exact": 0.940, "measure": 0.923},
}


def _check(report, floors):
    low = {k: (round(report.attr_accuracy(k), 3), v) for k, v in floors.items()
           if report.attr_accuracy(k) < v - MARGIN}
    assert not low, f"below floor - {MARGIN} (got, floor): {low}"


def test_dev_periods(nlp, shared):
    _check(evaluate_file(shared / "dev" / "dev_gold.json", shared / "dev" / "dev_articles.jsonl", nlp=nlp),
           FLOORS["dev"])


def test_train_periods_and_measure(nlp, shared):
    report = evaluate_file(shared / "train" / "train_gold.json", shared / "train" / "train_articles.jsonl", nlp=nlp)
    assert report.attrs["measure"][1] > 400  # the train gold carries measure on its facts
    _check(report, FLOORS["train"])
