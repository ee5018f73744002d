"""Bare amounts (70亿, 80个亿, 420多万): money only with a cue nearby, or in the currency
named elsewhere in the sentence (NOTES 18)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from pipeline.numbers import patterns
from pipeline.numbers.amounts import amount
from pipeline.numbers.candidate import CLAUSE_END, Cand
from pipeline.numbers.money import CurrencyBefore

_SENTENCE_END = re.compile(r"[。！!？?；;\n]")


class BareMoneyFinder:
    def __init__(self, v: dict[str, Any]) -> None:
        self.bare = patterns.compile_bare_money()
        self.bare_block = tuple(sorted(v["measurement_units"], key=len, reverse=True))
        self.cues_after = tuple(v["money_cues_after"])
        self.cues = re.compile(patterns.alternation(v["money_cues"]))
        self.currency_before = CurrencyBefore(v)

    def find(self, t: str) -> list[Cand]:
        """Cued amounts are CNY; clause-final ones have no unit until carry_currency gives one;
        one after a currency word is in that currency (人民币12万, 港币3500万)."""
        out = []
        for m in self.bare.finditer(t):
            s, e = m.start(), m.end()
            if t.startswith(self.bare_block, e):
                continue
            pre = self.currency_before(t, s)
            if pre is not None:
                a = amount(m, "a")
                if a:
                    out.append(Cand("money", s - len(pre[0]), e, a[0], pre[1], a[2], a[1]))
                continue
            if not (self.has_cue(t, s) or t.startswith(self.cues_after, e) or clause_final(t, e)):
                continue
            a = amount(m, "a")
            if a:
                cued = self.has_cue(t, s) or t.startswith(self.cues_after, e)
                out.append(Cand("money", s, e, a[0], "CNY" if cued else "", a[2], a[1], bare=True))
        return out

    def has_cue(self, t: str, start: int) -> bool:
        window = t[max(0, start - 12):start]
        cut = [x.end() for x in CLAUSE_END.finditer(window)]
        if cut:
            window = window[cut[-1]:]
        return bool(self.cues.search(window))


def clause_final(t: str, e: int) -> bool:
    """Candidate for a sentence-level currency (NOTES 18): kept only if carry_currency finds one."""
    return e >= len(t) or bool(CLAUSE_END.match(t, e))


def carry_currency(t: str, cands: list[Cand]) -> None:
    """A bare amount takes a foreign currency named in the same sentence (NOTES 18): the
    nearest one, the earlier on a tie.  Bisection over sentence ends and the foreign
    amounts' starts, so an article of thousands of amounts costs no more than its length."""
    bare = [c for c in cands if c.bare]
    if not bare:
        return
    foreign = sorted((o for o in cands if o.kind == "money" and not o.bare and o.unit != "CNY"),
                     key=lambda o: o.start)
    if not foreign:
        return
    starts = [o.start for o in foreign]
    ends = [m.start() for m in _SENTENCE_END.finditer(t)]
    for c in bare:
        k = bisect_left(ends, c.start)
        s = ends[k - 1] + 1 if k else 0
        k = bisect_left(ends, c.end)
        e = ends[k] if k < len(ends) else len(t)
        lo, hi = bisect_left(starts, s), bisect_left(starts, e)
        if lo == hi:
            continue
        i = bisect_left(starts, c.start, lo, hi)
        left = foreign[i - 1] if i > lo else None
        right = foreign[i] if i < hi else None
        if right is None or (left is not None and c.start - left.start <= right.start - c.start):
            c.unit = left.unit
        else:
            c.unit = right.unit
