"""DATE mentions: years, periods and relative year words, used to give facts a period.

``norm`` encodes what the mention means independently of the article:
    "2019"            an explicit year (2019年, 2019年度, 2019年5月)
    "2020-2022"       a span of years (2020—2022年, 十四五)
    "2011上半年"       a half year
    "rel:0" / "rel:-1" / "rel:+1"   今年 / 去年 / 明年, resolved with the article's date
    "rel:0上半年"      今年上半年
    "day"             a day or month without a year (12月15日): it dates an event, no period
"""

from __future__ import annotations

import re

from pipeline.mentions import Mention
from pipeline.regexguard import guarded
from pipeline.textnorm import to_halfwidth

_CN_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
              "六": "6", "七": "7", "八": "8", "九": "9"}
_RELATIVE = {"今年": 0, "本年": 0, "本年度": 0, "当年": None, "去年": -1, "上年": -1, "上一年": -1,
             "前年": -2, "明年": 1, "来年": 1}
_HALF = r"(?:上半年|下半年|一季度|二季度|三季度|四季度|第[一二三四]季度|前三季度)"
# guarded: these two open with a repeat or a lookbehind, so sre tries them at every
# position (0.06 CPU-s a corpus pass each; about a third of that behind the guard)
_FIVE_YEAR = guarded(re.compile(r"(?<=[“\"])(十[一二三四五六]?)五(?=[”\"])"
                                r"|(十[一二三四五六]?)五(?=期间|时期|规划|末)"))
_YEAR = r"((?:19|20)\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(_YEAR + r"\s*(?:年\s*)?[-—–~至到]\s*" + _YEAR + r"\s*年(?:度)?")),
    ("year", re.compile(_YEAR + r"\s*年(?:度)?(?:" + _HALF + r"|\d{1,2}月(?:份)?(?:\d{1,2}[日号])?)?")),
    ("cn_year", re.compile(r"([〇零一二三四五六七八九]{4})年")),
    ("relative", re.compile(r"(今年|本年度|本年|当年|去年|上一年|上年|前年|明年|来年)(" + _HALF + r")?")),
    ("half", re.compile(_HALF)),
    ("day", guarded(re.compile(r"\d{1,2}月(?:份)?(?:\d{1,2}[日号])?|\d{1,2}[日号]"))),
    ("five_year", _FIVE_YEAR),
]


def five_year_plan(numeral: str) -> str:
    """十二五 -> 2011-2015.  Plans run in five-year steps from the third (1966-1970)."""
    n = 10 + ("一二三四五六".index(numeral[1]) + 1 if len(numeral) > 1 else 0)
    start = 1966 + 5 * (n - 3)
    return f"{start}-{start + 4}"


def find_dates(text: str) -> list[Mention]:
    half = to_halfwidth(text)
    taken = [False] * len(text)
    found: list[Mention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(half):
            if any(taken[m.start():m.end()]):
                continue
            norm = _norm(kind, m)
            if norm is None:
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.append(Mention("DATE", m.start(), m.end(), text[m.start():m.end()], f"date_{kind}", norm=norm))
    found.sort(key=lambda x: x.start)
    return found


def _norm(kind: str, m: re.Match[str]) -> str | None:
    if kind == "range":
        return f"{m.group(1)}-{m.group(2)}"
    if kind == "year":
        rest = m.group(0)[m.group(0).index("年") + 1:]
        for h in ("上半年", "下半年"):
            if h in rest:
                return m.group(1) + h
        return m.group(1)
    if kind == "cn_year":
        return "".join(_CN_DIGITS[c] for c in m.group(1))
    if kind == "relative":
        shift = _RELATIVE[m.group(1)]
        if shift is None:
            return None  # 当年 refers back to a year named earlier: no safe reading
        h = m.group(2) or ""
        return f"rel:{shift:+d}{h}" if shift else f"rel:0{h}"
    if kind == "half":
        return f"rel:0{m.group(0)}" if m.group(0) in ("上半年", "下半年") else "day"
    if kind == "day":
        return "day"
    if kind == "five_year":
        return five_year_plan(m.group(1) or m.group(2))
    return None


def resolve_period(norm: str | None, article_date: str | None) -> str | None:
    """A DATE's norm -> the facts table's period, or None where it dates an event."""
    if not norm or norm == "day":
        return None
    if not norm.startswith("rel:"):
        return norm
    if not article_date or not re.match(r"\d{4}", article_date):
        return None
    m = re.match(r"rel:([+-]?\d+)(.*)", norm)
    assert m
    year = int(article_date[:4]) + int(m.group(1))
    suffix = m.group(2) if m.group(2) in ("上半年", "下半年") else ""
    return f"{year}{suffix}"
