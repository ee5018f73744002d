"""find_quantities: MONEY, PERCENT and COUNT mentions with their values read."""

from __future__ import annotations

import re

from pipeline.mentions import Quantity
from pipeline.numbers import patterns
from pipeline.numbers.amounts import amount, amount_range
from pipeline.numbers.bare_money import BareMoneyFinder, carry_currency
from pipeline.numbers.money import MoneyFinder
from pipeline.numbers.candidate import CLAUSE_END, NUMERAL_CHARS, Cand, tidy
from pipeline.numbers.numerals import digit_pair_range, parse_numeral
from pipeline.numbers.vocab import load_vocab
from pipeline.textnorm import to_halfwidth

_BOUNDS = ("more_than", "at_most")
_URL = re.compile(r"(?:https?://|www\.)[^\s\u4e00-\u9fff，。]+")
_FW_COMMA_IN_ASCII = re.compile(r"(?<=[0-9])，(?=[0-9])")
_DIGIT_STRING = re.compile(r"[零〇一二两三四五六七八九]{2,}")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PRIORITY = {"money": 0, "percent": 1, "count": 2}


class _Reader:
    def __init__(self) -> None:
        v = load_vocab()
        self.v = v
        self.money = MoneyFinder(v)
        self.bare = BareMoneyFinder(v)
        self.percent = patterns.compile_percent(v)
        self.count = patterns.compile_count(v)
        self.verbs = sorted(v["verbs_before"].items(), key=lambda kv: -len(kv[0]))
        self.after = sorted(v["words_after"].items(), key=lambda kv: -len(kv[0]))
        self.negatives = re.compile(patterns.alternation(v["negative_contexts"]))
        self.per_before = re.compile(f"每(?:{patterns.alternation(v['per_units'])})$")
        self.mw_block = {k: tuple(x) for k, x in v["measure_word_blockers"].items() if not k.startswith("_")}

    # -- finders -------------------------------------------------------------------------
    def percent_cands(self, t: str) -> list[Cand]:
        out = []
        v = self.v
        for m in self.percent.finditer(t):
            s, e = m.start(), m.end()
            g = m.group
            if g("share"):
                scale = v["percent_share_words"][re.sub(r"\s", "", g("share"))]
                if g("sbare"):
                    a = (100.0, None, "exact")
                elif g("s") is not None:
                    a = amount(m, "s", allow_pair=False)
                    if a and digit_pair_range(g("s")):
                        continue  # 百分之二三十: vague
                else:
                    continue
                if a is None:
                    continue
                val, high, approx = a[0] * scale, None, a[2]
                if g("ssep"):
                    hb = 100.0 if g("s2bare") else (amount(m, "t", allow_pair=False) or (None,))[0]
                    if hb is None:
                        continue
                    high = tidy(hb * scale)
                sgn = -1 if g("sign1") else 1
                out.append(Cand("percent", s, e, tidy(sgn * val), "%", approx, high))
            elif g("a") is not None:
                r = None if digit_pair_range(g("a")) else amount_range(m, False, allow_pair=False)
                if r is None:
                    continue
                val, high, approx = r
                if g("permille") is not None:
                    val, high = tidy(val / 10), (None if high is None else tidy(high / 10))
                sgn = -1 if g("sign2") else 1
                out.append(Cand("percent", s, e, tidy(sgn * val), "%", approx, high))
            elif g("p") is not None:
                a = amount(m, "p", allow_pair=False)
                if a and not digit_pair_range(g("p")):
                    out.append(Cand("percent", s, e, a[0], "%", a[2]))
            elif g("fd"):
                den, num = parse_numeral(g("fd")), parse_numeral(g("fn"))
                if den and num is not None and 0 < num < den <= 10:
                    out.append(Cand("percent", s, e, tidy(100 * num / den), "%"))
            elif g("ad"):
                num, den = int(g("an")), int(g("ad"))
                if 0 < num < den <= 10:
                    out.append(Cand("percent", s, e, tidy(100 * num / den), "%"))
            elif g("half"):
                out.append(Cand("percent", s, e, 50.0, "%"))
            elif g("baifenbai"):
                out.append(Cand("percent", s, e, 100.0, "%"))
            elif g("halfcheng"):
                out.append(Cand("percent", s, e, 5.0, "%"))
            elif g("c") is not None:
                if t.startswith(tuple(v["percent_cheng_blockers"]), e) and not t.startswith("员工", e):
                    continue
                a = amount(m, "c", allow_pair=False)
                if a is None or digit_pair_range(g("c")) or not 0 < a[0] <= 10:
                    continue
                val = a[0] * 10 + (5 if g("chalf") else 0) + (parse_numeral(g("cdig")) or 0 if g("cdig") else 0)
                out.append(Cand("percent", s, e, tidy(val), "%", a[2]))
            elif g("duizhe") or g("halfzhe"):
                out.append(Cand("percent", s, e, 50.0, "%"))
            elif g("z") is not None or g("zsp"):
                if t.startswith(tuple(v["percent_zhe_blockers"]), e):
                    continue
                if g("zsp"):
                    out.append(Cand("percent", s, e, float(re.sub(r"\s", "", g("zsp"))), "%"))
                    continue
                a = amount(m, "z", allow_pair=False)
                if a is None or not 0 < a[0] < 100 or a[0] == 10:
                    continue
                val = a[0] * 10 if a[0] < 10 else a[0]
                out.append(Cand("percent", s, e, tidy(val), "%"))
        return out

    def count_cands(self, t: str) -> list[Cand]:
        out = []
        for m in self.count.finditer(t):
            s, e = m.start(), m.end()
            mw = m.group("mw")
            if t.startswith(self.mw_block.get(mw, ()), e):
                continue
            num = re.sub(r"\s", "", m.group("a"))
            if _DIGIT_STRING.fullmatch(num) and not digit_pair_range(num):
                continue  # 唯一一家: digits without units are not a count
            if num in ("一", "壹") and not m.group("a_q1") and not m.group("a_q2") and m.group("b") is None:
                continue  # 一家, 一名: an article, not a count
            r = amount_range(m, shared_multiplier=False)
            if r is None:
                continue
            value, high, approx = r
            out.append(Cand("count", s, e, value, mw, approx, high))
        return out

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
        cands = self.money.find(t) + self.bare.find(t) + self.percent_cands(t) + self.count_cands(t)
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

