"""Accuracy ratchets: scores on the gold files may not fall more than 0.02 below what
was reached when these floors were last raised (see the closing notes of the issues).

The seed page and the dev set live in ../shared (skipped when it is absent); the
sample pages in data/raw have a gold written for this project (tests/fixtures).
"""

from pipeline.evaluate.gold import evaluate_file
from tests.conftest import ROOT, SAMPLE

MARGIN = 0.02
# reached on 2026-11-26: entity micro F, facts F, subject / period / approx accuracy on matched
# facts; metric added on 2026-11-27, when the tokens it is read from became LAC's words; raised
# on 2026-12-03 (dev period, sample subject and period) and ../shared/train added (its figures
# are half tuned: a floor against regressions, not a held-out score); micro raised on 2026-12-04
# (dev .953, train .925: the name rules of that session), train subject set to the .891 it gives
# since (candidates changed: README, "Rules of the session of 2026-12-04", for the held-out fall);
# train micro .939 and subject .893 on the second session of 2026-12-04 (declared zone names,
# project and list people, zone and organisation edges)
FLOORS = {
    "seed": {"micro": 0.974, "facts": 1.000, "subject": 0.863, "period": 0.902, "approx": 1.000, "metric": 0.922},
    "dev": {"micro": 0.953, "facts": 0.998, "subject": 0.867, "period": 0.949, "approx": 1.000, "metric": 0.918},
    "sample": {"micro": 0.988, "facts": 1.000, "subject": 0.889, "period": 0.975, "approx": 1.000, "metric": 0.975},
    "train": {"micro": 0.939, "facts": 0.977, "subject": 0.893, "period": 0.942, "approx": 0.998, "metric": 0.972},
}


def _check(report, floors):
    got = {"micro": report.micro.f, "facts": report.facts.f, "subject": report.attr_accuracy("subject"),
           "period": report.attr_accuracy("period"), "approx": report.attr_accuracy("approx"),
           "metric": report.attr_accuracy("metric")}
    low = {k: (round(got[k], 3), floors[k]) for k in floors if got[k] < floors[k] - MARGIN}
    assert not low, f"below floor - {MARGIN} (got, floor): {low}"


def test_seed_page(nlp, shared):
    _check(evaluate_file(shared / "gold" / "seed_gold.json", shared / "seeds" / "000_3faaaf77bf122049.txt",
                         nlp=nlp), FLOORS["seed"])


def test_dev_set(nlp, shared):
    _check(evaluate_file(shared / "dev" / "dev_gold.json", shared / "dev" / "dev_articles.jsonl", nlp=nlp),
           FLOORS["dev"])


def test_train_set(nlp, shared):
    _check(evaluate_file(shared / "train" / "train_gold.json", shared / "train" / "train_articles.jsonl", nlp=nlp),
           FLOORS["train"])


def test_sample_pages(nlp):
    report = evaluate_file(ROOT / "tests" / "fixtures" / "sample_gold.json", SAMPLE, nlp=nlp)
    assert report.unmatched_gold == []
    _check(report, FLOORS["sample"])
    # precision by source (eval_corpus_names.py --by-source) splits the label's own counts
    for label, prf in report.labels.items():
        parts = [v for (lab, _), v in report.by_source.items() if lab == label]
        assert (sum(v.tp for v in parts), sum(v.fp for v in parts)) == (prf.tp, prf.fp), label
