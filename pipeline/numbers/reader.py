"""find_quantities: MONEY, PERCENT and COUNT mentions with their values read."""

from __future__ import annotations

import re

from pipeline.mentions import Quantity
from pipeline.numbers import patterns
from pipeline.numbers.amounts import amount, amount_range
from pipeline.numbers.bare_money import BareMoneyFinder, carry_currency
from pipeline.numbers.count import CountFinder
from pipeline.numbers.money import MoneyFinder
from pipeline.numbers.percent import PercentFinder
from pipeline.numbers.candidate import CLAUSE_END, NUMERAL_CHARS, Cand, tidy
from pipeline.numbers.numerals import digit_pair_range, parse_numeral
from pipeline.numbers.vocab import load_vocab
from pipeline.textnorm import to_halfwidth

_BOUNDS = ("more_than", "at_most")
_URL = re.compile(r"(?:https?://|www\.)[^\s\u4e00-\u9fff，。]+")
_FW_COMMA_IN_ASCII = re.compile(r"(?<=[0-9])，(?=[0-9])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PRIORITY = {"money": 0, "percent": 1, "count": 2}


class _Reader:
    def __init__(self) -> None:
        v = load_vocab()
        self.v = v
        self.money = MoneyFinder(v)
        self.bare = BareMoneyFinder(v)
        self.percent = PercentFinder(v)
        self.count = CountFinder(v)
        self.verbs = sorted(v["verbs_before"].items(), key=lambda kv: -len(kv[0]))
        self.after = sorted(v["words_after"].items(), key=lambda kv: -len(kv[0]))
        self.negatives = re.compile(patterns.alternation(v["negative_contexts"]))
        self.per_before = re.compile(f"每(?:{patterns.alternation(v['per_units'])})$")

    # -- context ---------------------------------------------------------------------------
    def blocked_before(self, t: str, c: Cand) -> bool:
        prev = t[c.start - 1] if c.start else ""
        if prev in NUMERAL_CHARS and c.kind != "percent":
            return True
        v = self.v
        for w in v["vague_before"]:
            if t.endswith(w, 0, c.start):
                return True
        if prev and prev in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" and c.kind != "percent":
            return True  # KP488, model and code names
        if prev == "-" and c.start >= 2 and t[c.start - 2].isascii() and t[c.start - 2].isalnum():
            return True  # KP-488
        if prev == "/" and c.kind != "percent" and c.start >= 2 and t[c.start - 2].isdigit():
            return True  # the denominator of 5/4美元 is no amount
        if t[c.start:c.start + 1] in "百千万亿" and any(t.endswith(w, 0, c.start) for w in v["vague_before_round_number"]):
            return True  # 上百家, 成千
        if prev == "第":
            return True
        if prev == "前" and not any(t.endswith(w, 0, c.start) for w in v["front_words_allowed"]["前"]):
            return c.kind == "count"
        if prev == "每" and c.kind == "count":
            return True
        return False

    def qualify(self, t: str, c: Cand) -> str:
        """Extend the span over one-character prefixes and suffix qualifiers; return approx."""
        v = self.v
        verb = None
        for w, ap in self.verbs:
            if t.endswith(w, 0, c.start) or any(t.endswith(w + f, 0, c.start) for f in v["verb_fillers"]):
                verb = ap
                break
        if verb is None:
            # 最高补助60万元, 至少补贴5000元: a bound verb a short word before the number
            window = t[max(0, c.start - 5):c.start]
            cut = [x.end() for x in CLAUSE_END.finditer(window)]
            window = window[cut[-1]:] if cut else window
            for w, ap in self.verbs:
                if len(w) >= 2 and ap in ("at_most", "at_least") and w in window:
                    verb = ap
                    break
        if verb is None and c.start and t[c.start - 1] == "的":
            # 约占家电总能耗的10%, 接近全区总量的30%: the verb governs the whole phrase
            clause = t[max(0, c.start - 16):c.start]
            cut = [x.end() for x in CLAUSE_END.finditer(clause)]
            clause = clause[cut[-1]:] if cut else clause
            for w, ap in self.verbs:
                if len(w) >= 2 and ap != "exact" and w in clause:
                    verb = ap
                    break
        c.verb = verb
        prefix = None
        if verb is None and c.start:
            ch = t[c.start - 1]
            before = t[c.start - 2] if c.start >= 2 else ""
            if ch in v["in_span_prefixes"] and before not in v["prefix_blockers"].get(ch, ()):
                prefix = v["in_span_prefixes"][ch]
                c.start -= 1
        suffix = None
        for w, ap in v["in_span_suffixes"].items():
            if t.startswith(w, c.end):
                suffix = ap
                c.end += len(w)
                break
        if c.kind == "money" and c.unit == "CNY" and t.startswith("人民币", c.end) and not c.bare:
            c.end += 3
        after = None
        for w, ap in self.after:
            if t.startswith(w, c.end):
                after = ap
                break
        if suffix == "at_least" and prefix is not None:
            suffix = None  # 超100亿元以上: the explicit prefix wins
        order = [prefix, verb, c.approx if c.approx != "exact" else None, suffix, after]
        found = [a for a in order if a]
        for a in found:
            if a in _BOUNDS:
                return a
        for a in found:
            if a != "exact":
                return a
        return "exact"

    def find(self, text: str) -> list[Quantity]:
        t = to_halfwidth(text)
        if "，" in text:
            # A full-width comma between half-width digits is a clause break (价格$20，300美圆)
            chars = list(t)
            for m in _FW_COMMA_IN_ASCII.finditer(text):
                chars[m.start()] = "，"
            t = "".join(chars)
        cands = self.money.find(t) + self.bare.find(t) + self.percent.find(t) + self.count.find(t)
        kept = []
        for c in cands:
            if self.blocked_before(t, c):
                continue
            kept.append(c)
        kept.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.kind], c.start))
        chosen: list[Cand] = []
        taken = bytearray(len(t) + 1)
        for c in kept:
            if any(taken[c.start:c.end]):
                continue
            chosen.append(c)
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        neg = [(m.start(), m.end()) for m in self.negatives.finditer(t)]
        neg += [(m.start(), m.end()) for m in _URL.finditer(t)]
        chosen = [c for c in chosen if not any(s < c.end and c.start < e for s, e in neg)]
        chosen.sort(key=lambda c: c.start)
        out = []
        for c in chosen:
            c.final = self.qualify(t, c)
            prev = out[-1] if out else None
            if (prev is not None and prev.kind == c.kind and prev.verb and c.final == "exact"
                    and t[prev.end:c.start] in ("、", "，", ",")):
                c.final = prev.final  # (约合1.37亿美元，8.8亿元人民币): one verb, a list of amounts
            if c.kind == "money" and c.per is None:
                m = self.per_before.search(t, max(0, c.start - 4), c.start)
                if m:
                    c.per = m.group()[1:]
            out.append(c)
        carry_currency(t, out)
        out = [c for c in out if c.unit]  # a bare amount with no cue and no currency nearby
        return [self._emit(text, c) for c in out]

    @staticmethod
    def _emit(text: str, c: Cand) -> Quantity:
        return Quantity(kind=c.kind, start=c.start, end=c.end, text=text[c.start:c.end], value=c.value,
                        unit=c.unit, approx=c.final, value_high=c.value_high, per=c.per)


_READER: _Reader | None = None


def find_quantities(text: str) -> list[Quantity]:
    """Every MONEY, PERCENT and COUNT mention in ``text``, sorted and non-overlapping."""
    global _READER
    if _READER is None:
        _READER = _Reader()
    return _READER.find(text)

