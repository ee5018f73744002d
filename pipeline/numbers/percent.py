"""Percent candidates: 5%, 5%-10%, 百分之二十, 3个百分点, 三分之一, 七成半, 八折, 一半."""

from __future__ import annotations

import re
from typing import Any

from pipeline.numbers import patterns
from pipeline.numbers.amounts import amount, amount_range
from pipeline.numbers.candidate import Cand, tidy
from pipeline.numbers.numerals import digit_pair_range, parse_numeral


class PercentFinder:
    def __init__(self, v: dict[str, Any]) -> None:
        self.v = v
        self.percent = patterns.compile_percent(v)

    def find(self, t: str) -> list[Cand]:
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
                sgn = -1 if g("sign1") or g("ssign") else 1  # 负百分之五, 百分之负五
                out.append(Cand("percent", s, e, tidy(sgn * val), "%", approx, high))
            elif g("a") is not None:
                # each end's own sign (-5%至3%, -3%~-1%)
                signs = (-1 if g("sign2") else 1, -1 if g("bsign") else 1)
                r = None if digit_pair_range(g("a")) else amount_range(m, False, allow_pair=False, signs=signs)
                if r is None:
                    continue
                val, high, approx = r
                if g("permille") is not None:
                    val, high = tidy(val / 10), (None if high is None else tidy(high / 10))
                out.append(Cand("percent", s, e, tidy(val), "%", approx, high))
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
