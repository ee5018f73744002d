"""Fit the check on the organisations LAC alone names (pipeline/ner/org_check.py) and write
rules/org_check.json.

    .venv/bin/python scripts/train_org_check.py [--shared ../shared]

Examples are the check's candidates (organisations with nothing but LAC behind them) in the
articles of ../shared/corpus that data/labels/org_candidates.jsonl labels by hand: ORG (a name
ANNOTATION.md requires, edges right), not (anything else: a verb, a sector, a building, a cut
name), optional (brands, unnamed bodies; left out of the fit).  A label holds for every mention
of the name in its article.  Nothing of ../shared/train, dev or seed is used: they stay held out
(scripts/eval_ner.py).  The threshold is the one that removes the most wrong names less right
ones, scored five-fold by article (ten splits), a right name lost counting RIGHT_COST wrong ones
kept: at an F near .85 that is what each does to F ((2 - F) / F).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_training  # noqa: E402
from pipeline.ner.org_check import FEATURES, WEIGHTS, OrgCheck  # noqa: E402

LABELS = Path(__file__).resolve().parents[1] / "data" / "labels" / "org_candidates.jsonl"
L2 = 3.0  # on the summed log-loss; the bias is not penalised
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(4, 14))  # 0.20 .. 0.65
RIGHT_COST = 1.35


if __name__ == "__main__":
    check_training.train(
        __doc__, labels=LABELS, weights=WEIGHTS,
        record=check_training.recording(OrgCheck, FEATURES, "org_check", keep=True),
        features=FEATURES, l2=L2, thresholds=THRESHOLDS, worth=RIGHT_COST, adds=False,
        about="pipeline/ner/org_check.py; fitted by scripts/train_org_check.py (make train-org-check)")
