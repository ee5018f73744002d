"""Fit the check on the items of lists of firms no rule names (pipeline/ner/list_check.py) and
write rules/list_check.json.

    .venv/bin/python scripts/train_list_check.py [--shared ../shared]

Examples are the check's candidates in the articles of ../shared/corpus that
data/labels/list_items.jsonl labels by hand: ORG (a name ANNOTATION.md requires, edges right),
not (a sector, a product, a building, a project, a country, a cut name), optional (brands,
unnamed bodies such as 市科技局; left out of the fit).  A label holds for every mention of the
item in its article.  Nothing of ../shared/train, dev or seed is used: they stay held out
(scripts/eval_ner.py).  A threshold's gain is the right names it adds less the wrong ones,
scored five-fold by article (three splits), a right name counting RIGHT_WORTH wrong ones (at an F
near .85 that is what each does to F, (2 - F) / F); the threshold is the highest (the fewest
names added) within TOLERANCE of the best gain.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_training  # noqa: E402
from pipeline.ner import default_tagger, find_orgs_and_people  # noqa: E402
from pipeline.ner.list_check import FEATURES, WEIGHTS, ListCheck  # noqa: E402

TOLERANCE = 0.1  # (check_training.fit_and_write: the least change within 10% of the best gain)
LABELS = Path(__file__).resolve().parents[1] / "data" / "labels" / "list_items.jsonl"
L2 = 3.0  # on the summed log-loss; the bias is not penalised
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(4, 17))  # 0.20 .. 0.80
RIGHT_WORTH = 1.35


class Recorder(ListCheck):
    """Keeps no candidate, noting its features (the pipeline's names stay the rules')."""

    def __init__(self) -> None:
        super().__init__([0.0] * len(FEATURES))
        self.seen: list[tuple[str, list[float]]] = []

    def keep(self, x, mention) -> bool:
        self.seen.append((mention.text, list(x)))
        return False


def record(text: str) -> list[tuple[str, list[float]]]:
    rec = Recorder()
    find_orgs_and_people(text, tagger=default_tagger(), list_check=rec)
    return rec.seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args()
    labels = check_training.read_labels(args.labels)
    X, y, arts, seen = check_training.examples(args.shared, labels, record)
    right, wrong = int(y.sum()), int(len(y) - y.sum())
    # (the check adds: a threshold's gain is the right names it adds less the wrong ones)
    check_training.fit_and_write(
        X, y, arts, seen, features=FEATURES, l2=L2, thresholds=THRESHOLDS,
        gain=lambda no_wrong, no_right: RIGHT_WORTH * (right - no_right) - (wrong - no_wrong),
        about="pipeline/ner/list_check.py; fitted by scripts/train_list_check.py (make train-list-check)",
        labels=args.labels, out=args.out, tolerance=TOLERANCE, least="high")


if __name__ == "__main__":
    main()
