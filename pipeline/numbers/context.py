"""The words around a candidate: those before it that rule it out (第, KP488, 上百), and the
qualifiers that widen its span or make it approximate (超过, 约, 以上, 左右)."""

from __future__ import annotations

from typing import Any

from pipeline.numbers.candidate import CLAUSE_END, NUMERAL_CHARS, Cand

_BOUNDS = ("more_than", "at_most")


class Context:
    def __init__(self, v: dict[str, Any]) -> None:
        self.v = v
        # longest first, so 不超过 is tried before 超过
        self.verbs = sorted(v["verbs_before"].items(), key=lambda kv: -len(kv[0]))
        self.after = sorted(v["words_after"].items(), key=lambda kv: -len(kv[0]))
        # Each verb, bare or with a filler (超过了), as the text right before a number
        # would spell it; the earliest verb in `verbs` wins, as a scan in order would.
        self._verb_forms: dict[str, tuple[int, str]] = {}
        for i, (w, ap) in enumerate(self.verbs):
            for form in (w, *(w + f for f in v["verb_fillers"])):
                self._verb_forms.setdefault(form, (i, ap))
        self._verb_lengths = sorted({len(f) for f in self._verb_forms})

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
        if prev == "第" or (prev == "之" and c.kind != "percent"):
            return True  # 第三, 之一 (企业之一——三元: 之一 is "one of", not the low end of a range)
        if prev == "前" and not any(t.endswith(w, 0, c.start) for w in v["front_words_allowed"]["前"]):
            return c.kind == "count"
        if prev == "每" and c.kind == "count":
            return True
        return False

    def qualify(self, t: str, c: Cand) -> str:
        """Extend the span over one-character prefixes and suffix qualifiers; return approx."""
        v = self.v
        verb = self.verb_before(t, c)
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

    def verb_before(self, t: str, c: Cand) -> str | None:
        """The approx of a qualifier verb outside the span (超过, 不超过, 约占 ...), if any."""
        best = None
        for n in self._verb_lengths:
            if n > c.start:
                break
            hit = self._verb_forms.get(t[c.start - n:c.start])
            if hit is not None and (best is None or hit[0] < best[0]):
                best = hit
        if best is not None:
            return best[1]
        # 最高补助60万元, 至少补贴5000元: a bound verb a short word before the number
        window = t[max(0, c.start - 5):c.start]
        cut = [x.end() for x in CLAUSE_END.finditer(window)]
        window = window[cut[-1]:] if cut else window
        for w, ap in self.verbs:
            if len(w) >= 2 and ap in ("at_most", "at_least") and w in window:
                return ap
        if c.start and t[c.start - 1] == "的":
            # 约占家电总能耗的10%, 接近全区总量的30%: the verb governs the whole phrase
            clause = t[max(0, c.start - 16):c.start]
            cut = [x.end() for x in CLAUSE_END.finditer(clause)]
            clause = clause[cut[-1]:] if cut else clause
            for w, ap in self.verbs:
                if len(w) >= 2 and ap != "exact" and w in clause:
                    return ap
        return None
