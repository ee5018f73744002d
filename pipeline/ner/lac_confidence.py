"""How sure LAC is of a word: the probability its CRF gives to a span being exactly one word of
a label, summed over every tagging of the sentence (forward-backward), not just the best one.

LAC's best path says 华夏 or 聚力 is an ORG as firmly as it says 华为 is; the probability says
how close the other readings came.  The organisation check (``pipeline.ner.org_check``) reads it
as a feature.  Only the few sentences holding a candidate are scored again, so the cost is small.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .lac import LacTagger, split_sentences

WINDOW = 8


def _tag_ids(tagger: LacTagger, label: str) -> tuple[int, int]:
    """The ids of ``label``'s begin and inside tags."""
    labels, inside = tagger._label, tagger._inside
    b = next(i for i, t in enumerate(labels) if t == label and not inside[i])
    i = next(i for i, t in enumerate(labels) if t == label and inside[i])
    return b, i


class _Lattice:
    """Scaled forward and backward sums of sentences' CRF, in probability space (each step
    normalised, its scale kept): any word's probability is then a few products.  The sentences
    are stepped through together, rows padded to the longest."""

    def __init__(self, emissions: Sequence[np.ndarray], m: np.ndarray) -> None:
        lens = np.array([len(x) for x in emissions])
        n, k = int(lens.max()), m.shape[0]
        psi = np.ones((len(lens), n, k))
        for r, x in enumerate(emissions):
            psi[r, : len(x)] = np.exp(x - x.max(axis=1, keepdims=True))
        alpha = np.empty_like(psi)
        beta = np.ones_like(psi)
        scale = np.ones((len(lens), n))
        a = psi[:, 0]
        scale[:, 0] = a.sum(axis=1)
        alpha[:, 0] = a / scale[:, 0, None]
        for t in range(1, n):
            a = (alpha[:, t - 1] @ m) * psi[:, t]
            scale[:, t] = a.sum(axis=1)
            alpha[:, t] = a / scale[:, t, None]
        for t in range(n - 2, -1, -1):
            live = lens > t + 1  # (a row's last position keeps beta 1)
            step = ((psi[:, t + 1] * beta[:, t + 1]) @ m.T) / scale[:, t + 1, None]
            beta[:, t] = np.where(live[:, None], step, 1.0)
        self.m, self.psi, self.alpha, self.beta, self.scale, self.lens = m, psi, alpha, beta, scale, lens

    def word(self, row: int, start: int, end: int, b: int, i: int) -> float:
        """P(row's positions start..end-1 are tags b, i, i, ... and position ``end`` is not i)."""
        m, psi, scale = self.m, self.psi[row], self.scale[row]
        p = self.alpha[row, start, b]
        prev = b
        for t in range(start + 1, end):
            p *= m[prev, i] * psi[t, i] / scale[t]
            prev = i
        if end < self.lens[row]:
            nxt = m[prev] * psi[end] * self.beta[row, end] / scale[end]
            p *= nxt.sum() - nxt[i]
        else:
            p *= self.beta[row, end - 1, prev]
        return float(min(max(p, 0.0), 1.0))


def _transitions(trans: np.ndarray) -> np.ndarray:
    tr = trans.astype(np.float64)
    return np.exp(tr - tr.max())


def word_probability(emissions: np.ndarray, trans: np.ndarray, start: int, end: int, b: int, i: int) -> float:
    """P(positions start..end-1 are tags b, i, i, ... and position ``end`` does not go on with
    i) under the linear-chain CRF of one sentence: ``emissions`` (T, K) scores, ``trans`` (K, K)
    from-to scores, no start or stop scores (LAC has none)."""
    return _Lattice([emissions], _transitions(trans)).word(0, start, end, b, i)


def word_probabilities(tagger: LacTagger, h: str, spans: Sequence[tuple[int, int]], label: str = "ORG") -> list[float]:
    """For each (start, end) of half-width text ``h``, LAC's probability that it is exactly one
    ``label`` word (NaN for a span across LAC's sentence pieces)."""
    if not spans:
        return []
    pieces = split_sentences(h)
    starts = [s for s, _ in pieces]
    where: list[int | None] = []
    for s, e in spans:
        j = int(np.searchsorted(starts, s, side="right")) - 1
        where.append(j if j >= 0 and pieces[j][0] <= s and e <= pieces[j][1] else None)
    need = sorted({j for j in where if j is not None})
    scores = dict(zip(need, tagger.piece_emissions(h, [pieces[j] for j in need])))
    b, i = _tag_ids(tagger, label)
    m = _transitions(tagger._trans)
    # Each span's lattice covers its piece WINDOW characters either side: LAC's chain forgets
    # faster than that (on 1,017 corpus candidates the windowed probability is the whole
    # sentence's within 1e-10), and the forward-backward steps are a tenth as many.  Spans whose
    # windows overlap share one row (a name's other edges, a list's items): a row per cluster.
    rows: list[np.ndarray] = []
    row_of: dict[tuple[int, int], tuple[int, int]] = {}  # span -> (row, its piece offset + row start)
    order = sorted((j, s, e) for (s, e), j in zip(spans, where) if j is not None)
    k = 0
    while k < len(order):
        j, s0, e0 = order[k]
        last = k
        while last + 1 < len(order) and order[last + 1][0] == j and order[last + 1][1] - WINDOW <= e0 + WINDOW:
            last += 1
            e0 = max(e0, order[last][2])
        off = pieces[j][0]
        a0 = max(0, s0 - off - WINDOW)
        rows.append(scores[j][a0 : e0 - off + WINDOW])
        for _, s, e in order[k : last + 1]:
            row_of[(s, e)] = (len(rows) - 1, off + a0)
        k = last + 1
    lattice = _Lattice(rows, m) if rows else None
    out: list[float] = []
    for (s, e), j in zip(spans, where):
        if j is None or lattice is None:
            out.append(float("nan"))
            continue
        r, base = row_of[(s, e)]
        out.append(lattice.word(r, s - base, e - base, b, i))
    return out
