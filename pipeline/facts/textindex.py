"""Per-article indexes of the text that the facts stage asks about for every number.

Walking from a number back to its clause's start, or searching a clause's head with a
regex, costs the clause's length; with thousands of numbers in one clause (N x 1个) that
was quadratic.  The clause delimiters' positions are found once, and a clause's start
or end, or the delimiters between two points, are then a bisection away.  A search for
a pattern that must start with one of a few characters begins at the first of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

CLAUSE_DELIMS = "，,；;：:。！？!?\n"
_DELIM_RE = re.compile("[" + re.escape(CLAUSE_DELIMS) + "]")


class TextIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self.delims = [m.start() for m in _DELIM_RE.finditer(text)]
        self._firsts: dict[str, list[int]] = {}

    def clause_start(self, pos: int, lo: int) -> int:
        """As `while c > lo and text[c - 1] not in CLAUSE_DELIMS: c -= 1` from `pos`."""
        if pos <= lo:
            return pos
        k = bisect_left(self.delims, pos) - 1  # the last delimiter before pos
        return max(lo, self.delims[k] + 1) if k >= 0 else lo

    def clause_end(self, pos: int, hi: int) -> int:
        """As `while c < hi and text[c] not in CLAUSE_DELIMS: c += 1` from `pos`."""
        if pos >= hi:
            return pos
        k = bisect_left(self.delims, pos)  # the first delimiter at or after pos
        return min(hi, self.delims[k]) if k < len(self.delims) else hi

    def clause_starts(self, start: int, end: int, last: int | None = None) -> list[int]:
        """`start`, then one past each delimiter in [start, end); with `last`, only the last
        `last` of those."""
        lo, hi = bisect_left(self.delims, start), bisect_left(self.delims, end)
        if last is not None and hi - lo >= last:
            return [d + 1 for d in self.delims[hi - last:hi]]
        return [start, *(d + 1 for d in self.delims[lo:hi])]

    def clause_starts_back(self, start: int, end: int):
        """reversed(clause_starts(start, end)), one at a time."""
        lo, hi = bisect_left(self.delims, start), bisect_left(self.delims, end)
        for k in range(hi - 1, lo - 1, -1):
            yield self.delims[k] + 1
        yield start

    def last_clause_start(self, start: int, end: int) -> int:
        """clause_starts(start, end)[-1]."""
        k = bisect_left(self.delims, end) - 1
        return self.delims[k] + 1 if k >= 0 and self.delims[k] >= start else start

    def last_semicolon(self, start: int, end: int) -> int:
        """Where the last ；or ; in [start, end) is, -1 without one."""
        at = self._positions("；;")
        k = bisect_left(at, end) - 1
        return at[k] if k >= 0 and at[k] >= start else -1

    def _positions(self, chars: str) -> list[int]:
        at = self._firsts.get(chars)
        if at is None:
            at = self._firsts[chars] = [i for i, ch in enumerate(self.text) if ch in chars]
        return at

    def count_delims(self, start: int, end: int) -> int:
        return max(0, bisect_left(self.delims, end) - bisect_left(self.delims, start))

    def search(self, pattern: re.Pattern[str], firsts: str, start: int, end: int) -> re.Match[str] | None:
        """pattern.search(text, start, end) for a pattern whose every match starts with one of
        the characters `firsts` (and has no lookbehind): the search begins at the first of them."""
        at = self._positions(firsts)
        k = bisect_left(at, start)
        if k == len(at) or at[k] >= end:
            return None
        return pattern.search(self.text, at[k], end)


_LAST: list = [None, None]


def text_index(text: str) -> TextIndex:
    """The index of `text`, made once for the article being read (the stages ask in turn)."""
    if _LAST[0] is not text:
        _LAST[0], _LAST[1] = text, TextIndex(text)
    return _LAST[1]
