"""The candidate mention every finder produces, and the character classes they share."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters a numeral goes on with: a candidate right after one is the tail of a longer
# number, and one after 块 makes it money (三块五)
NUMERAL_CHARS = set("0123456789.零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩陸\ue000")  # \ue000: runs.MASK
CLAUSE_END = re.compile(r"[，,。；;：:！!？?\n、（）()“”\"]")


@dataclass
class Cand:
    kind: str
    start: int
    end: int
    value: float
    unit: str
    approx: str = "exact"  # from inside the numeral (余, 多)
    value_high: float | None = None
    per: str | None = None
    bare: bool = False
    final: str = "exact"
    verb: str | None = None  # approx after prefixes, suffixes and verbs


def tidy(x: float) -> float:
    """4.6亿 in binary floating point is 459999999.99999994; round off the noise."""
    return float(f"{x:.12g}")
