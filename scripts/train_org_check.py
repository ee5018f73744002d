"""Fit the check on the organisations LAC alone names (pipeline/ner/org_check.py) and write
rules/org_check.json.

    .venv/bin/python scripts/train_org_check.py [--shared ../shared]

Examples are the check's candidates (organisations with nothing but LAC behind them) in the
articles of ../shared/corpus that data/labels/org_candidates.jsonl labels by hand: ORG (a name
ANNOTATION.md requires, edges right), not (anything else: a verb, a sector, a building, a cut
name), optional (brands, unnamed bodies; left out of the fit).  A label holds for every mention
of the name in its article.  Nothing of ../shared/train, dev or seed is used: they stay held out
(scripts/eval_ner.py).  The threshold is the one that removes the most wrong names less right
ones, scored five-fold by article (three splits), a right name lost counting RIGHT_COST wrong ones
kept: at an F near .85 that is what each does to F ((2 - F) / F).
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
from pipeline.ner.org_check import FEATURES, WEIGHTS, OrgCheck  # noqa: E402

LABELS = Path(__file__).resolve().parents[1] / "data" / "labels" / "org_candidates.jsonl"
L2 = 3.0  # on the summed log-loss; the bias is not penalised
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(4, 14))  # 0.20 .. 0.65
RIGHT_COST = 1.35


class Recorder(OrgCheck):
    """Keeps every candidate, noting its features."""

    def __init__(self) -> None:
        super().__init__([0.0] * len(FEATURES))
        self.seen: list[tuple[str, list[float]]] = []

    def keep(self, x, mention) -> bool:
        self.seen.append((mention.text, list(x)))
        return True


def record(text: str) -> list[tuple[str, list[float]]]:
    rec = Recorder()
    find_orgs_and_people(text, tagger=default_tagger(), org_check=rec)
    return rec.seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args()
    X, y, arts, seen = check_training.examples(args.shared, check_training.read_labels(args.labels), record)
    # (the check removes: a threshold's gain is the wrong names it removes less the right ones)
    check_training.fit_and_write(
        X, y, arts, seen, features=FEATURES, l2=L2, thresholds=THRESHOLDS,
        gain=lambda wrong, right: wrong - RIGHT_COST * right,
        about="pipeline/ner/org_check.py; fitted by scripts/train_org_check.py (make train-org-check)",
        labels=args.labels, out=args.out)


if __name__ == "__main__":
    main()
