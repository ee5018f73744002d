"""A cap on runs of number characters, which keeps the number finder linear in the text.

The patterns repeat only number characters without bound (digits, 十百千万亿, 零一二,
the commas and spaces between them: regexguard.repeated_chars reads the set off them),
so an attempt at one position reads at most a few runs of them.  A run of 20,000 亿
made every position's attempt read to its end: quadratic (20k x 亿 17.8 s).  A run
holding more than `max_number_run` number characters (spaces and tabs not counted)
is no number anyone writes (the longest in the corpus, dev, seed and numeric cases
holds 31); it is masked in the text the patterns see, so it is not read as a number,
and every attempt then reads a bounded stretch.  Offsets are unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.regexguard import repeated_chars

# Stands for a masked number character: a private-use character no pattern consumes,
# counted a numeral character by candidate.NUMERAL_CHARS, so a candidate right after a
# masked run is taken as the tail of a longer number and dropped.
MASK = "\ue000"


class RunCap:
    def __init__(self, patterns: Iterable[re.Pattern[str]], max_run: int) -> None:
        classes = []
        for rx in patterns:
            chars = repeated_chars(rx)
            if chars is not None:
                classes.append(chars.pattern[1:-1])
        self.max_run = max_run
        cls = "".join(classes)
        # Only runs longer than the cap can hold too many number characters; the lookbehind
        # starts a match at a run's first character alone, so finding them is linear
        # (the class opens the pattern, so sre skips to its characters without trying the rest)
        self.long_runs = re.compile(f"[{cls}](?<![{cls}].)[{cls}]{{{max_run},}}") if cls else None
        self.runs = re.compile(f"[{cls}]+") if cls else None
        # Work counters of the last call when `counting` is set (tests, the bench): the
        # longest run (number characters) left to the patterns, and the characters their
        # attempts may read in the runs left (a run's number characters, each an attempt,
        # times its length)
        self.counting = False
        self.longest_seen = 0
        self.reach = 0

    def __call__(self, t: str) -> str:
        """`t` with every run of more than `max_run` number characters masked."""
        if self.long_runs is None:
            return t
        cut: list[tuple[int, int]] = []
        for m in self.long_runs.finditer(t):
            s, e = m.span()
            if e - s - _blanks(t, s, e) > self.max_run:
                cut.append((s, e))
        if cut:
            parts, pos = [], 0
            for s, e in cut:
                parts.append(t[pos:s])
                parts.append(MASK * (e - s))
                pos = e
            parts.append(t[pos:])
            t = "".join(parts)
        if self.counting:
            self._count(t)
        return t

    def _count(self, t: str) -> None:
        self.longest_seen = self.reach = 0
        for m in self.runs.finditer(t):
            s, e = m.span()
            weight = e - s - _blanks(t, s, e)
            self.longest_seen = max(self.longest_seen, weight)
            self.reach += weight * (e - s)


def _blanks(t: str, s: int, e: int) -> int:
    return t.count(" ", s, e) + t.count("\t", s, e)
