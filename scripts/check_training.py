"""What the trainers of the learned checks on names fitted on hand labels share
(train_org_check.py, train_list_check.py): reading the labels, the candidates' features from a
pipeline run over the labelled corpus articles, the fit, the held-out figures and the threshold."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

import logistic

FOLDS, SPLITS = 5, 3

# runs the pipeline over one article's text, returning each candidate's name and features
Recording = Callable[[str], Sequence[tuple[str, list[float]]]]


def read_labels(path: Path) -> dict[tuple[str, str, str], str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out[(r["corpus"], r["article_id"], r["name"])] = r["label"]
    return out


def examples(shared: Path, labels: dict[tuple[str, str, str], str], record: Recording
             ) -> tuple[np.ndarray, np.ndarray, list[str], Counter]:
    """Features, labels (1 ORG, 0 not) and articles of the labelled candidates' mentions."""
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
            for name, x in record(a["text"]):
                lab = labels.get((corpus, a["id"], name))
                seen[lab or "unlabelled"] += 1
                if lab in ("ORG", "not"):
                    X.append(x)
                    y.append(float(lab == "ORG"))
                    arts.append(f"{corpus}/{a['id']}")
    return np.array(X), np.array(y), arts, seen


def held_out(X: np.ndarray, y: np.ndarray, arts: list[str], seed: int, l2: float, bias: int) -> np.ndarray:
    """Each mention's probability from a fit without its article's fold."""
    rng = np.random.default_rng(seed)
    fold_of = {a: int(rng.integers(0, FOLDS)) for a in sorted(set(arts))}
    fold = np.array([fold_of[a] for a in arts])
    p = np.zeros(len(y))
    for k in range(FOLDS):
        p[fold == k] = logistic.prob(X[fold == k], logistic.fit(X[fold != k], y[fold != k], l2, bias=bias))
    return p


def auc(p: np.ndarray, y: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def fit_and_write(X: np.ndarray, y: np.ndarray, arts: list[str], seen: Counter, *, features: Sequence[str],
                  l2: float, thresholds: Sequence[float], gain: Callable[[float, float], float],
                  about: str, labels: Path, out: Path, what: str = "ORG", tolerance: float = 0.0,
                  least: str = "high") -> None:
    """Prints the held-out figures (five-fold by article, SPLITS splits), chooses the threshold
    with the most ``gain(wrong, right)`` (the held-out candidates a threshold decides against,
    wrong ones and right ones), fits on all and writes ``out``.  With ``tolerance``, the
    threshold that changes least what the rules do (``least``: "high" for a check that adds
    names, "low" for one that removes them) among those within that share of the best gain:
    with a hundred or so labelled names, neighbouring thresholds differ by less than their noise,
    and the smaller change is the safer one on text unlike the labelled corpus."""
    print(f"candidate mentions: {dict(seen)}; fitted on {len(y)} ({int(y.sum())} {what}) in "
          f"{len(set(arts))} articles")
    bias = list(features).index("bias")
    probs = [held_out(X, y, arts, seed, l2, bias) for seed in range(SPLITS)]
    print(f"five-fold by article, AUC {np.mean([auc(p, y) for p in probs]):.3f} (mean of {SPLITS} splits)")
    score = {}
    for th in thresholds:
        right = np.mean([((p < th) & (y == 1)).sum() for p in probs])
        wrong = np.mean([((p < th) & (y == 0)).sum() for p in probs])
        score[th] = gain(wrong, right)
        print(f"  threshold {th:.2f}: says no to {wrong:.1f} of {int((y == 0).sum())} wrong, "
              f"{right:.1f} of {int(y.sum())} right")
    best = max(score.values())
    near = [t for t in thresholds if score[t] >= best - tolerance * abs(best)]
    threshold = max(near) if least == "high" else min(near)
    print(f"threshold {threshold}")
    w = logistic.fit(X, y, l2, bias=bias)
    d = {
        "about": about,
        "data": {"labels": str(labels.name), "mentions": len(y), "org": int(y.sum()), "articles": len(set(arts))},
        "l2": l2, "threshold": threshold,
        "weights": {k: round(float(v), 4) for k, v in zip(features, w)},
    }
    out.write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
