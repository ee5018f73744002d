"""Subject accuracy on matched facts, held out, for the ranker and the rules before it.

    .venv/bin/python scripts/eval_subjects.py [--shared ../shared] [--refresh] [--folds 8]

- train k-fold: ../shared/train's articles split into folds; each fold scored by a ranker
  fitted on the other folds (plus dev, seed and sample, which are not scored here);
- dev, seed: scored by a ranker fitted on ../shared/train alone;
- sample (tests/fixtures/sample_gold.json on data/raw): fitted on train alone as well;
- all four sets: k-fold by article over everything (each article scored by a ranker fitted
  without it), and that figure for each set.
Beside each, the rule resolver's accuracy on the same facts (it was tuned on dev, seed and
sample, so its figures there are not held out).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from subject_cases import ROOT, load_cases  # noqa: E402
from train_subjects import examples, fit, predict  # noqa: E402


def _acc(items, key) -> str:
    return f"{sum(key(d) == d['gold'] for d in items) / len(items):.3f}" if items else "  -  "


def kfold(data, sets_scored, folds, seed=0, extra=None):
    """Predictions for the articles of `sets_scored`, each fold fitted without its articles."""
    arts = sorted({d["article"] for d in data if d["set"] in sets_scored})
    random.Random(seed).shuffle(arts)
    fold_of = {a: i % folds for i, a in enumerate(arts)}
    pred = {}
    for k in range(folds):
        train = [d for d in data if fold_of.get(d["article"], -1) != k
                 and (extra is None or d["set"] in extra or d["article"] in fold_of)]
        w = fit(train)
        for i, d in enumerate(data):
            if fold_of.get(d["article"]) == k:
                pred[i] = predict(d, w)
    return pred


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--refresh", action="store_true")
    ap.add_argument("--folds", type=int, default=8)
    ap.add_argument("--errors", help="print the held-out errors of this set")
    ap.add_argument("--seeds", type=int, default=1,
                    help="also print the k-fold figures averaged over this many fold splits (seeds 0..N-1): "
                         "one split of 48 articles moves by a fact or two with any change")
    args = ap.parse_args()
    data = examples(load_cases(args.shared, refresh=args.refresh))
    if args.seeds > 1:
        tr = [i for i, d in enumerate(data) if d["set"] == "train"]
        a = [kfold(data, {"train"}, args.folds, seed=s) for s in range(args.seeds)]
        b = [kfold(data, {"train", "dev", "seed", "sample"}, args.folds, seed=s) for s in range(args.seeds)]
        mean_a = sum(sum(p[i] == data[i]["gold"] for i in tr) / len(tr) for p in a) / args.seeds
        mean_b = sum(sum(p[i] == d["gold"] for i, d in enumerate(data)) / len(data) for p in b) / args.seeds
        print(f"mean of {args.seeds} splits: train k-fold (+dev/seed/sample) {mean_a:.3f}, all sets k-fold {mean_b:.3f}")
    rows = []
    # train k-fold, the other sets in every fold's training data
    p = kfold(data, {"train"}, args.folds)
    items = [(d, p[i]) for i, d in enumerate(data) if d["set"] == "train"]
    rows.append(("train k-fold (+dev/seed/sample)", items))
    p = kfold(data, {"train"}, args.folds, extra=set())
    rows.append(("train k-fold (train only)", [(d, p[i]) for i, d in enumerate(data) if d["set"] == "train"]))
    w = fit([d for d in data if d["set"] == "train"])
    for name in ("dev", "seed", "sample"):
        rows.append((f"{name} (fit on train)", [(d, predict(d, w)) for d in data if d["set"] == name]))
    p = kfold(data, {"train", "dev", "seed", "sample"}, args.folds)
    rows.append(("all sets k-fold", [(d, p[i]) for i, d in enumerate(data)]))
    for name in ("train", "dev", "seed", "sample"):
        rows.append((f"  of which {name}", [(d, p[i]) for i, d in enumerate(data) if d["set"] == name]))
    print(f"{'set':<34}{'facts':>6}{'ranker':>8}{'rules':>8}{'ceiling':>9}")
    for name, items in rows:
        ds = [d for d, _ in items]
        ranker = sum(q == d["gold"] for d, q in items) / len(items) if items else 0
        ceiling = sum(d["y"] is not None for d in ds) / len(ds) if ds else 0
        print(f"{name:<34}{len(ds):>6}{ranker:>8.3f}{_acc(ds, lambda d: d['rule']):>8}{ceiling:>9.3f}")
    print("(matched facts; ceiling: share whose gold subject is null or among the candidates)")
    if args.errors:
        for name, items in rows:
            if name.startswith(args.errors):
                for d, q in items:
                    if q != d["gold"]:
                        print(d["article"], "gold", d["gold"], "got", q, "rules", d["rule"])
                break


if __name__ == "__main__":
    main()
