"""How far a document-level F could move on other articles like these: intervals by article.

A held-out figure on 257 articles is one draw; the articles, not the mentions, are what was
sampled (a name repeated in an article counts once, and one article's errors go together), so
the intervals resample articles with replacement (the percentile bootstrap).  ``paired`` resamples
the same articles for two runs, which is what tells whether a change's rise is more than the
draw of articles: most of the noise (which articles are hard) is shared by both runs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

Counts = Mapping[str, Sequence[int]]  # label -> (tp, fp, fn) of one article

ROUNDS = 2000
SEED = 7


def _matrix(articles: Sequence[Counts], label: str) -> np.ndarray:
    return np.array([list(a.get(label, (0, 0, 0))) for a in articles], dtype=float).reshape(-1, 3)


def _f(counts: np.ndarray) -> np.ndarray:
    """F of (tp, fp, fn) in the last axis: one triple, or one a row."""
    tp, fp, fn = counts[..., 0], counts[..., 1], counts[..., 2]
    denom = 2 * tp + fp + fn
    return np.divide(2 * tp, denom, out=np.zeros_like(tp, dtype=float), where=denom > 0)


def _draws(n: int, rounds: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, n, size=(rounds, n))


def f_interval(articles: Sequence[Counts], label: str, *, level: float = 0.95, rounds: int = ROUNDS,
               seed: int = SEED) -> tuple[float, float, float]:
    """The micro F of ``label`` over ``articles`` and its interval (lo, hi) at ``level``."""
    m = _matrix(articles, label)
    if not len(m):
        return 0.0, 0.0, 0.0
    point = float(_f(m.sum(axis=0)))
    f = _f(m[_draws(len(m), rounds, seed)].sum(axis=1))  # one F a round
    lo, hi = np.quantile(f, [(1 - level) / 2, (1 + level) / 2])
    return point, float(lo), float(hi)


def paired(before: Mapping[str, Counts], after: Mapping[str, Counts], label: str, *, level: float = 0.95,
           rounds: int = ROUNDS, seed: int = SEED) -> tuple[float, float, float, int]:
    """F(after) - F(before) of ``label`` on the articles both runs scored, its interval at
    ``level`` (the same articles drawn for both) and how many articles' counts differ."""
    ids = sorted(set(before) & set(after))
    if not ids:
        return 0.0, 0.0, 0.0, 0
    a = _matrix([before[i] for i in ids], label)
    b = _matrix([after[i] for i in ids], label)
    changed = int((a != b).any(axis=1).sum())
    delta = float(_f(b.sum(axis=0)) - _f(a.sum(axis=0)))
    draws = _draws(len(ids), rounds, seed)
    d = _f(b[draws].sum(axis=1)) - _f(a[draws].sum(axis=1))
    lo, hi = np.quantile(d, [(1 - level) / 2, (1 + level) / 2])
    return delta, float(lo), float(hi), changed
