"""find_quantities: the candidates of every finder, overlaps resolved, qualifiers read."""

from __future__ import annotations

import re

from pipeline.mentions import Quantity
from pipeline.numbers import patterns
from pipeline.numbers.bare_money import BareMoneyFinder, carry_currency
from pipeline.numbers.candidate import Cand
from pipeline.numbers.context import Context
from pipeline.numbers.count import CountFinder
from pipeline.numbers.money import MoneyFinder
from pipeline.numbers.percent import PercentFinder
from pipeline.numbers.runs import RunCap
from pipeline.numbers.vocab import load_vocab
from pipeline.textnorm import to_halfwidth

_URL = re.compile(r"(?:https?://|www\.)[^\s\u4e00-\u9fff，。]+")
_FW_COMMA_IN_ASCII = re.compile(r"(?<=[0-9])，(?=[0-9])")
_FW_THOUSANDS = re.compile(r"(?<![0-9.A-Za-z$¥￥€£₩])[0-9]{1,3}(?:，[0-9]{3})+(?![0-9])")
_PRIORITY = {"money": 0, "percent": 1, "count": 2}


class _Finder:
    def __init__(self) -> None:
        v = load_vocab()
        self.money = MoneyFinder(v)
        self.bare = BareMoneyFinder(v)
        self.percent = PercentFinder(v)
        self.count = CountFinder(v)
        self.context = Context(v)
        self.negatives = re.compile(patterns.alternation(v["negative_contexts"]))
        self.per_before = re.compile(f"每(?:{patterns.alternation(v['per_units'])})$")
        scanners = (self.money.money, self.money.minor, self.money.minor_tail, self.money.fraction_money,
                    self.bare.bare, self.percent.percent, self.count.count)
        self.cap = RunCap((getattr(s, "rx", s) for s in scanners), v["max_number_run"])

    def find(self, text: str) -> list[Quantity]:
        t = self.cap(_halfwidth(text))  # runs of number characters no one writes: not read
        # list order matters: it breaks ties between equal spans of one kind
        cands = self.money.find(t) + self.bare.find(t) + self.percent.find(t) + self.count.find(t)
        kept = [c for c in cands if not self.context.blocked_before(t, c)]
        chosen = self._outside_negatives(t, _longest_first(kept, len(t)))
        chosen.sort(key=lambda c: c.start)
        out: list[Cand] = []
        for c in chosen:
            c.final = self.context.qualify(t, c)
            prev = out[-1] if out else None
            if (prev is not None and prev.kind == c.kind and prev.verb and c.final == "exact"
                    and t[prev.end:c.start] in ("、", "，", ",")):
                c.final = prev.final  # (约合2.1亿美元，14.5亿元人民币): one verb, a list of amounts
            if c.kind == "money" and c.per is None:
                m = self.per_before.search(t, max(0, c.start - 4), c.start)
                if m:
                    c.per = m.group()[1:]
            out.append(c)
        carry_currency(t, out)
        # a bare amount with no cue and no currency nearby has no unit and is dropped
        return [_emit(text, c) for c in out if c.unit]

    def _outside_negatives(self, t: str, cands: list[Cand]) -> list[Cand]:
        """Drop candidates touching a negative context (rules) or a URL."""
        marked = bytearray(len(t))  # one flag a character: no pairwise test of spans
        for rx in (self.negatives, _URL):
            for m in rx.finditer(t):
                marked[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        return [c for c in cands if marked.find(1, c.start, c.end) < 0]


def _halfwidth(text: str) -> str:
    """to_halfwidth (offsets unchanged), but a full-width comma between digits stays one,
    except as a thousands separator."""
    t = to_halfwidth(text)
    # A full-width comma between half-width digits is a clause break (价格$20，300美圆), but
    # in groups of three after one to three digits that no currency symbol marks as an
    # amount of their own, it separates thousands (45，600元, 1，234，567.89元)
    commas = [m.start() for m in _FW_COMMA_IN_ASCII.finditer(text)] if "，" in text else ()
    if commas:
        grouped = {i for g in _FW_THOUSANDS.finditer(text) for i in range(g.start(), g.end())}
        commas = [i for i in commas if i not in grouped]
    if commas:
        chars = list(t)
        for i in commas:
            chars[i] = "，"
        t = "".join(chars)
    return t


def _longest_first(cands: list[Cand], n: int) -> list[Cand]:
    """Non-overlapping candidates, the longest span winning, then money over percent over count."""
    cands.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.kind], c.start))
    chosen: list[Cand] = []
    taken = bytearray(n + 1)
    for c in cands:
        if any(taken[c.start:c.end]):
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    return chosen


def _emit(text: str, c: Cand) -> Quantity:
    low, high = c.value, c.value_high
    if high is not None and high < low:  # every finder's ranges in order: value <= value_high
        low, high = high, low
    return Quantity(kind=c.kind, start=c.start, end=c.end, text=text[c.start:c.end], value=low,
                    unit=c.unit, approx=c.final, value_high=high, per=c.per)


_FINDER: _Finder | None = None


def prepare() -> None:
    """Read the rules and compile the patterns now (a pipeline loaded before workers
    are forked hands them to all); else the first find_quantities does it, so that
    importing the package reads no rules and compiles nothing."""
    global _FINDER
    if _FINDER is None:
        _FINDER = _Finder()


def find_quantities(text: str) -> list[Quantity]:
    """Every MONEY, PERCENT and COUNT mention in ``text``, sorted and non-overlapping."""
    if _FINDER is None:
        prepare()
    return _FINDER.find(text)
