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
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import logistic  # noqa: E402
from pipeline.ner import default_tagger, find_orgs_and_people  # noqa: E402
from pipeline.ner.org_check import FEATURES, WEIGHTS, OrgCheck  # noqa: E402

LABELS = Path(__file__).resolve().parents[1] / "data" / "labels" / "org_candidates.jsonl"
L2 = 3.0  # on the summed log-loss; the bias is not penalised
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(4, 14))  # 0.20 .. 0.65
FOLDS, SPLITS = 5, 3
RIGHT_COST = 1.35


class Recorder(OrgCheck):
    """Keeps every candidate, noting its features."""

    def __init__(self) -> None:
        super().__init__([0.0] * len(FEATURES))
        self.seen: list[tuple[str, list[float]]] = []

    def keep(self, x, mention) -> bool:
        self.seen.append((mention.text, list(x)))
        return True


def read_labels(path: Path) -> dict[tuple[str, str, str], str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out[(r["corpus"], r["article_id"], r["name"])] = r["label"]
    return out


def examples(shared: Path, labels: dict[tuple[str, str, str], str]) -> tuple[np.ndarray, np.ndarray, list[str], Counter]:
    """Features, labels (1 ORG, 0 not) and articles of the labelled candidates' mentions."""
    tagger = default_tagger()
    wanted: dict[str, set[str]] = {}
    for corpus, aid, _ in labels:
        wanted.setdefault(corpus, set()).add(aid)
    X: list[list[float]] = []
    y: list[float] = []
    arts: list[str] = []
    seen: Counter = Counter()
    for corpus, ids in sorted(wanted.items()):
        path = shared / "corpus" / f"{corpus}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            if a["id"] not in ids:
                continue
            rec = Recorder()
            find_orgs_and_people(a["text"], tagger=tagger, org_check=rec)
            for name, x in rec.seen:
                lab = labels.get((corpus, a["id"], name))
                seen[lab or "unlabelled"] += 1
                if lab in ("ORG", "not"):
                    X.append(x)
                    y.append(float(lab == "ORG"))
                    arts.append(f"{corpus}/{a['id']}")
    return np.array(X), np.array(y), arts, seen


def fit(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    return logistic.fit(X, y, L2, bias=FEATURES.index("bias"))


def held_out(X: np.ndarray, y: np.ndarray, arts: list[str], seed: int) -> np.ndarray:
    """Each mention's probability from a fit without its article's fold."""
    rng = np.random.default_rng(seed)
    fold_of = {a: int(rng.integers(0, FOLDS)) for a in sorted(set(arts))}
    fold = np.array([fold_of[a] for a in arts])
    p = np.zeros(len(y))
    for k in range(FOLDS):
        p[fold == k] = logistic.prob(X[fold == k], fit(X[fold != k], y[fold != k]))
    return p


def auc(p: np.ndarray, y: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args()
    t0 = time.time()
    X, y, arts, seen = examples(args.shared, read_labels(args.labels))
    print(f"candidate mentions: {dict(seen)}; fitted on {len(y)} ({int(y.sum())} ORG) in "
          f"{len(set(arts))} articles ({time.time() - t0:.0f}s)")
    probs = [held_out(X, y, arts, seed) for seed in range(SPLITS)]
    print(f"five-fold by article, AUC {np.mean([auc(p, y) for p in probs]):.3f} (mean of {SPLITS} splits)")
    gain = {}
    for th in THRESHOLDS:
        right = np.mean([((p < th) & (y == 1)).sum() for p in probs])
        wrong = np.mean([((p < th) & (y == 0)).sum() for p in probs])
        gain[th] = wrong - RIGHT_COST * right
        print(f"  threshold {th:.2f}: removes {wrong:.1f} of {int((y == 0).sum())} wrong, {right:.1f} of {int(y.sum())} right")
    threshold = max(THRESHOLDS, key=lambda t: (gain[t], t))
    print(f"threshold {threshold}")
    w = fit(X, y)
    d = {
        "about": "pipeline/ner/org_check.py; fitted by scripts/train_org_check.py (make train-org-check)",
        "data": {"labels": str(args.labels.name), "mentions": len(y), "org": int(y.sum()),
                 "articles": len(set(arts))},
        "l2": L2, "threshold": threshold,
        "weights": {k: round(float(v), 4) for k, v in zip(FEATURES, w)},
    }
    args.out.write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
