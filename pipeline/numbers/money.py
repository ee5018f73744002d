"""Money with its currency written: 20-30万元, $5, 2美元又3美分, 5分钱, 4 1/2美分, 5角."""

from __future__ import annotations

import re
from typing import Any

from pipeline.numbers import patterns
from pipeline.numbers.amounts import amount, amount_range
from pipeline.numbers.candidate import NUMERAL_CHARS, Cand, tidy
from pipeline.numbers.numerals import digit_pair_range, parse_numeral


class CurrencyBefore:
    """A currency word right before an amount (港币3500元, 新台币 58.2 亿元, 人民币12万)."""

    def __init__(self, v: dict[str, Any]) -> None:
        self.codes = v["currency_words_before"]
        self.words = sorted(self.codes, key=len, reverse=True)  # longest first: 新台币, 台币
        self.longest = max(map(len, self.codes))

    def __call__(self, t: str, start: int) -> tuple[str, str] | None:
        """(the text from a currency word to `start`, its ISO code) when one ends right
        before it, spaces allowed; a lookup here, not a branch of the pattern, which would
        try it at every 日, 美 and 新 of the text."""
        head = t[max(0, start - self.longest - 8):start]
        body = head.rstrip(" \t")
        for w in self.words:
            if body.endswith(w):
                at = start - len(head) + len(body) - len(w)
                if at and t[at - 1] in NUMERAL_CHARS:
                    return None  # 4人民币 5美元: the word closes the amount before
                return head[len(body) - len(w):], self.codes[w]
        return None


class MoneyFinder:
    def __init__(self, v: dict[str, Any]) -> None:
        self.money = patterns.compile_money(v)
        self.minor, self.minor_tail = patterns.compile_minor_money(v)
        self.minor_words = v["minor_currency_words"]
        self.fraction_money = patterns.compile_fraction_money(v)
        self.ge_currencies = set(v["currency_words_after_ge"])
        self.cur_words = v["currency_words"]
        self.cur_symbols = v["currency_symbols"]
        self.currency_before = CurrencyBefore(v)
        self.cur_after_yuan = v["currency_words_after_yuan"]
        self.generic = set(v["currency_words_generic"])
        self.change_verbs = tuple(v["change_verbs"])
        self.cur_blockers = {k: tuple(x) for k, x in v["currency_word_blockers"].items() if not k.startswith("_")}
        self.price_cues = re.compile(patterns.alternation(v["price_cues"]))

    def find(self, t: str) -> list[Cand]:
        """Candidates in a major unit, then a minor one, then fractions (the order breaks ties)."""
        return self._major(t) + self._minor(t) + self._fractions(t)

    def _major(self, t: str) -> list[Cand]:
        out: list[Cand] = []
        for m in self.money.finditer(t):
            self._read(t, m, out)
        return out

    def _by_then_to(self, t: str, m: re.Match) -> bool:
        """上涨40元到650元, 收跌226美元至9124美元: after a verb of change, X元到Y元 is a change
        by X to Y, two amounts; with a dash (下调200元—300元) or the unit once it is a range."""
        if not m.group("cur0") or m.group("sep") not in ("到", "至"):
            return False
        head = t[max(0, m.start() - 4):m.start()].rstrip(" \t了")
        return head.endswith(self.change_verbs)

    def _read(self, t: str, m: re.Match, out: list[Cand]) -> None:
        if m.group("b") is not None and self._by_then_to(t, m):
            low = amount(m, "a")
            if low is not None and low[1] is None:
                sign = -1 if m.group("msign") else 1
                out.append(Cand("money", m.start(), m.end("cur0"), sign * low[0],
                                self.unit(m, m.group("cur0")), low[2]))
            rx = getattr(self.money, "rx", self.money)  # the pattern itself, windowed or not
            high = rx.match(t, m.start("bsign") if m.group("bsign") else m.start("b"))
            if high is not None:
                self._read(t, high, out)
            return
        if m.group("j"):
            val = float(m.group("j")) * 0.1 * (-1 if m.group("jsign") else 1)
            out.append(Cand("money", m.start(), m.end(), tidy(val), "CNY"))
            return
        if m.group("sym2"):
            a = amount(m, "c")
            if a:
                out.append(Cand("money", m.start(), m.end(), a[0], self.cur_symbols[m.group("sym2")], a[2], a[1]))
            return
        signs = (-1 if m.group("msign") else 1, -1 if m.group("bsign") else 1)
        r = amount_range(m, shared_multiplier=True, signs=signs)
        if r is None:
            return
        value, high, approx = r
        cur = m.group("cur")
        if cur == "块" and not self.kuai_is_money(t, m):
            return  # 四块电池: 块 counts things unless it ends the amount
        if m.group("ge") and cur not in self.ge_currencies:
            return  # 个 before a currency only for those counted like things (20个比特币)
        if t.startswith(self.cur_blockers.get(cur, ()), m.end("cur")):
            return  # 三圆桌: the currency word is the head of another word
        unit = self.unit(m)
        sub = 0.0
        for g, f in (("jiao", 0.1), ("fen", 0.01), ("kuai", 0.1)):
            if m.group(g):
                sub += (parse_numeral(m.group(g)) or 0) * f
        if sub:  # 叁拾元伍角: the fraction goes the way of the sign
            value = tidy(value - sub if value < 0 else value + sub)
        per = m.group("per")
        end = m.end()
        if high is None and not per and not m.group("msign") and not m.group("zheng"):
            tail = self.minor_tail.match(t, end)
            if tail and self.minor_words[tail.group("minor")][0] == unit:
                n = parse_numeral(tail.group("n"))
                if n is not None:  # 2美元又3美分, 10日元5日本銭
                    value = tidy(value + n * self.minor_words[tail.group("minor")][1])
                    end = tail.end()
        start = m.start()
        if not m.group("sym") and not m.group("rmbpre"):
            pre = self.currency_before(t, start)
            if pre is not None:  # 港币3500元: the word before is in the span, and the unit if 元 says none
                start -= len(pre[0])
                if cur in self.generic and not m.group("cur2"):
                    unit = pre[1]
        out.append(Cand("money", start, end, value, unit, approx, high, _per_unit(per)))

    def _minor(self, t: str) -> list[Cand]:
        out = []
        for m in self.minor.finditer(t):
            a = amount(m, "a", allow_pair=False)
            if a is None or digit_pair_range(m.group("a")):
                continue
            unit, factor = self.minor_words[m.group("minor")]
            out.append(Cand("money", m.start(), m.end(), tidy(a[0] * factor), unit, a[2],
                            per=_per_unit(m.group("per"))))
        return out

    def _fractions(self, t: str) -> list[Cand]:
        out = []
        for m in self.fraction_money.finditer(t):
            num, den = int(m.group("num")), int(m.group("den"))
            cur = m.group("cur")
            unit, factor = self.minor_words[cur] if cur in self.minor_words else (self.cur_words[cur], 1.0)
            if not 0 < num < den or (cur in ("块", "块钱") and not self.price_cues.search(t, max(0, m.start() - 10), m.start())):
                continue
            value = float(m.group("whole") or 0) + num / den * 10.0 ** -len(m.group("dec") or "")
            out.append(Cand("money", m.start(), m.end(), tidy(value * factor), unit,
                            per=_per_unit(m.group("per"))))
        return out

    def unit(self, m: re.Match, cur: str | None = None) -> str:
        """$, then a currency after 元 (995亿元新台币), else the word after the number (a
        currency word before it is read by currency_before)."""
        if m.group("sym"):
            return self.cur_symbols[m.group("sym")]
        if m.group("cur2") and cur is None:
            return self.cur_after_yuan[m.group("cur2")]
        return self.cur_words[cur or m.group("cur")]

    def kuai_is_money(self, t: str, m: re.Match) -> bool:
        """块 is yuan in speech but also counts pieces (四块电池, 每组(四块))."""
        e = m.end()
        if m.group("a").strip() == "一" and not t.startswith("钱", e):
            return False  # 也是一块不小的成本: an article
        if m.group("jiao") or m.group("kuai") or e >= len(t) or t[e] in NUMERAL_CHARS:
            return True
        return bool(self.price_cues.search(t, max(0, m.start() - 10), m.start()))


def _per_unit(per: str | None) -> str | None:
    """元/吨 -> 吨."""
    return per.lstrip("/").strip() if per else None
