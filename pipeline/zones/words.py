"""Many literal words found in a text: leftmost, then longest, as a trie regex finds them.

A trie regex (pipeline.zones.trie) is still slow to scan with thousands of names: at
every position whose character starts some name, ``re`` tries the top-level branches
one after another.  Here numpy finds, for the whole text at once, the few positions
where a name's first two characters stand (under 1% of positions in news text), and
a set lookup per length decides each of those.  Building one is quick too: no
pattern to compile.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from pipeline.textnorm import code_points


class WordSet:
    """``finditer(text)``: the (start, end) of every listed word in ``text``, scanning
    left to right: at each position the longest word there, then on from its end."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self._lengths = sorted({len(w) for w in self.words}, reverse=True)
        self._pairs = np.unique(np.array(
            [(ord(w[0]) << 21) | ord(w[1]) for w in self.words if len(w) > 1], dtype=np.int64))
        self._singles = np.array(sorted(ord(w) for w in self.words if len(w) == 1), dtype=np.int64)

    def __len__(self) -> int:
        return len(self.words)

    def match(self, text: str, pos: int = 0) -> int | None:
        """The end of the longest listed word starting at ``pos``, else None."""
        n = len(text)
        for k in self._lengths:
            if pos + k <= n and text[pos : pos + k] in self.words:
                return pos + k
        return None

    def finditer(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        last = 0
        for i in self._starts(text).tolist():
            if i < last:
                continue
            end = self.match(text, i)
            if end is not None:
                out.append((i, end))
                last = end
        return out

    def _starts(self, text: str) -> np.ndarray:
        """Positions where some listed word could start: its first two characters are
        there (or, for a one-character word, its character)."""
        cps = code_points(text).astype(np.int64)  # room for two in one pair key
        hit = np.zeros(len(cps), dtype=bool)
        if len(cps) > 1 and len(self._pairs):
            pairs = (cps[:-1] << 21) | cps[1:]
            idx = np.searchsorted(self._pairs, pairs)
            idx[idx == len(self._pairs)] = 0
            hit[:-1] = self._pairs[idx] == pairs
        if len(self._singles):
            hit |= np.isin(cps, self._singles)
        return np.flatnonzero(hit)
