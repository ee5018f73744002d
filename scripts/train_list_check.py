"""Fit the check on the items of lists of firms no rule names (pipeline/ner/list_check.py) and
write rules/list_check.json.

    .venv/bin/python scripts/train_list_check.py [--shared ../shared]

Examples are the check's candidates in the articles of ../shared/corpus that
data/labels/list_items.jsonl labels by hand: ORG (a name ANNOTATION.md requires, edges right),
not (a sector, a product, a building, a project, a country, a cut name), optional (brands,
unnamed bodies such as 市科技局; left out of the fit).  A label holds for every mention of the
item in its article.  Nothing of ../shared/train, dev or seed is used: they stay held out
(scripts/eval_ner.py).  A threshold's gain is the right names it adds less the wrong ones,
scored five-fold by article (ten splits), a right name counting RIGHT_WORTH wrong ones (at an F
near .85 that is what each does to F, (2 - F) / F); the threshold is the highest (the fewest
names added) within TOLERANCE of the best gain.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_training  # noqa: E402
from pipeline.ner.list_check import FEATURES, WEIGHTS, ListCheck  # noqa: E402

LABELS = Path(__file__).resolve().parents[1] / "data" / "labels" / "list_items.jsonl"
L2 = 3.0  # on the summed log-loss; the bias is not penalised
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(4, 17))  # 0.20 .. 0.80
RIGHT_WORTH = 1.35
TOLERANCE = 0.1  # (check_training.fit_and_write: the least change within 10% of the best gain)


if __name__ == "__main__":
    # (the recorder keeps no item: the pipeline's names stay the rules')
    check_training.train(
        __doc__, labels=LABELS, weights=WEIGHTS,
        record=check_training.recording(ListCheck, FEATURES, "list_check", keep=False),
        features=FEATURES, l2=L2, thresholds=THRESHOLDS, worth=RIGHT_WORTH, adds=True, tolerance=TOLERANCE,
        about="pipeline/ner/list_check.py; fitted by scripts/train_list_check.py (make train-list-check)")
