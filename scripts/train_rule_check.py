"""Fit the check on the organisations only the short-name and list rules name
(pipeline/ner/org_check.py, RuleOrgCheck) and write rules/org_rule_check.json.

    .venv/bin/python scripts/train_rule_check.py [--shared ../shared]

Examples are the check's candidates (organisations of the sources org_short and org_list that no
stronger rule names) in the articles of ../shared/corpus that data/labels/org_rule_candidates.jsonl
labels by hand: ORG (a name ANNOTATION.md requires, edges right), not (a product, a sector, a
network, a cut or glued name), optional (brands, left out of the fit).  A label holds for every
mention of the name in its article.  Nothing of ../shared/train, dev or seed is used: they stay held
out (scripts/eval_ner.py).  A threshold's gain is counted as the LAC check's is
(train_org_check.py); the threshold is the lowest (the fewest names removed) within TOLERANCE of
the best gain.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_training  # noqa: E402
from pipeline.ner.org_check import RULE_FEATURES, RULE_WEIGHTS, RuleOrgCheck  # noqa: E402
from train_org_check import L2, RIGHT_COST, THRESHOLDS  # noqa: E402

LABELS = Path(__file__).resolve().parents[1] / "data" / "labels" / "org_rule_candidates.jsonl"
TOLERANCE = 0.1  # (check_training.fit_and_write: the least change within 10% of the best gain)


if __name__ == "__main__":
    check_training.train(
        __doc__, labels=LABELS, weights=RULE_WEIGHTS,
        record=check_training.recording(RuleOrgCheck, RULE_FEATURES, "rule_check", keep=True),
        features=RULE_FEATURES, l2=L2, thresholds=THRESHOLDS, worth=RIGHT_COST, adds=False, tolerance=TOLERANCE,
        about="pipeline/ner/org_check.py (RuleOrgCheck); fitted by scripts/train_rule_check.py (make train-rule-check)")
