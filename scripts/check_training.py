"""What the trainers of the learned checks on names fitted on hand labels share
(train_org_check.py, train_list_check.py): reading the labels, the candidates' features from a
pipeline run over the labelled corpus articles, the fit, the held-out figures and the threshold."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

import eval_corpus_names
import logistic

# Ten random splits, not three: with a hundred or so labelled names, three left the held-out gains
# of neighbouring thresholds so noisy that one candidate more or less moved the list check's
# threshold from .30 to .35 or .45 (40-60 corpus mentions each way, held-out figures unchanged)
FOLDS, SPLITS = 5, 10

# runs the pipeline over one article's text, returning each candidate's name and features
Recording = Callable[[str], Sequence[tuple[str, list[float]]]]


# the corpus articles whose names are held out (scripts/eval_corpus_names.py): their candidates,
# labelled by hand before those batches were drawn, are left out of every fit
CORPUS_NAMES = eval_corpus_names.LABELS_FILE
HELD_OUT_BATCHES = eval_corpus_names.HELD_OUT


def held_out_articles() -> frozenset[str]:
    return frozenset(r["id"] for r in json.loads(CORPUS_NAMES.read_text(encoding="utf-8"))
                     if r["batch"] in HELD_OUT_BATCHES)


def read_labels(path: Path) -> dict[tuple[str, str, str], str]:
    """(corpus, article, name) -> label, less the articles held out for the names' figures."""
    out = {}
    held = held_out_articles()
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["article_id"] not in held:
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
                  l2: float, thresholds: Sequence[float], worth: float, adds: bool, about: str, labels: Path,
                  out: Path, tolerance: float = 0.0) -> None:
    """Prints the held-out figures (five-fold by article, SPLITS splits), chooses a threshold,
    fits on all and writes ``out``.  A threshold's gain, held out, against doing nothing: for a
    check that removes names (``adds`` False) the wrong ones it removes less ``worth`` times the
    right ones; for one that adds names, ``worth`` times the right ones it adds less the wrong
    ones (a right name counts (2 - F) / F wrong ones, what each does to an F near .85: 1.35).
    The threshold is the best's (ties to the higher), or with ``tolerance`` the one that changes
    least what the rules do among those within that share of the best gain: with a hundred or so
    labelled names, neighbouring thresholds differ by less than their noise, and the smaller
    change is the safer one on text unlike the labelled corpus."""
    print(f"candidate mentions: {dict(seen)}; fitted on {len(y)} ({int(y.sum())} ORG) in "
          f"{len(set(arts))} articles")
    bias = list(features).index("bias")
    probs = [held_out(X, y, arts, seed, l2, bias) for seed in range(SPLITS)]
    print(f"five-fold by article, AUC {np.mean([auc(p, y) for p in probs]):.3f} (mean of {SPLITS} splits)")
    n_right, n_wrong = int(y.sum()), int((y == 0).sum())
    score = {}
    for th in thresholds:
        right = np.mean([((p < th) & (y == 1)).sum() for p in probs])
        wrong = np.mean([((p < th) & (y == 0)).sum() for p in probs])
        score[th] = worth * (n_right - right) - (n_wrong - wrong) if adds else wrong - worth * right
        print(f"  threshold {th:.2f}: says no to {wrong:.1f} of {n_wrong} wrong, {right:.1f} of {n_right} right")
    best = max(score.values())
    near = [t for t in thresholds if score[t] >= best - tolerance * abs(best)]
    threshold = max(near) if adds or not tolerance else min(near)
    print(f"threshold {threshold}")
    w = logistic.fit(X, y, l2, bias=bias)
    d = {
        "about": about,
        "data": {"labels": str(labels.name), "mentions": len(y), "org": n_right, "articles": len(set(arts))},
        "l2": l2, "threshold": threshold,
        "weights": {k: round(float(v), 4) for k, v in zip(features, w)},
    }
    out.write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")


def recording(check_class: type, features: Sequence[str], argument: str, *, keep: bool) -> Recording:
    """A ``Recording`` that runs the pipeline with a check of ``check_class`` (passed to
    find_orgs_and_people as ``argument``) noting every candidate's features, and keeping them
    all (``keep``) or none: a check's candidates are what the checks before it left."""
    from pipeline.ner import default_tagger, find_orgs_and_people

    class Recorder(check_class):  # type: ignore[misc, valid-type]
        def __init__(self) -> None:
            super().__init__([0.0] * len(features))
            self.seen: list[tuple[str, list[float]]] = []  # (shared by the copies in_context makes)

        def keep(self, x, mention) -> bool:
            self.seen.append((mention.text, list(x)))
            return keep

    def record(text: str) -> list[tuple[str, list[float]]]:
        rec = Recorder()
        find_orgs_and_people(text, tagger=default_tagger(), **{argument: rec})
        return rec.seen

    return record


def train(doc: str, *, labels: Path, weights: Path, record: Recording, **fit: object) -> None:
    """A trainer's command line (--shared, --labels, --out) and its run: the labelled candidates'
    features, then ``fit_and_write`` with ``fit``."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--labels", type=Path, default=labels)
    ap.add_argument("--out", type=Path, default=weights)
    args = ap.parse_args()
    X, y, arts, seen = examples(args.shared, read_labels(args.labels), record)
    fit_and_write(X, y, arts, seen, labels=args.labels, out=args.out, **fit)  # type: ignore[arg-type]
