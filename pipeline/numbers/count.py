"""Count candidates: a number and its measure word (300多家, 5-10名)."""

from __future__ import annotations

import re
from typing import Any

from pipeline.numbers import patterns
from pipeline.numbers.amounts import amount_range
from pipeline.numbers.candidate import Cand
from pipeline.numbers.numerals import digit_pair_range

_DIGIT_STRING = re.compile(r"[零〇一二两三四五六七八九]{2,}")


class CountFinder:
    def __init__(self, v: dict[str, Any]) -> None:
        self.count = patterns.compile_count(v)
        self.mw_block = {k: tuple(x) for k, x in v["measure_word_blockers"].items() if not k.startswith("_")}

    def find(self, t: str) -> list[Cand]:
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
