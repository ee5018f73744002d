"""DATE mentions: years, periods and relative year words, used to give facts a period.

``norm`` encodes what the mention means independently of the article:
    "2019"            an explicit year (2019年, 2019年度, 2019年5月)
    "2020-2022"       a span of years (2020—2022年, 十四五)
    "2011上半年"       a half year; "2017一季度", "2023前三季度" quarters
    "2022年1—11月"     a span of months (1-11月, 1至11月, 前11个月); "2020-12" one month (2020年12月)
    "rel:0" / "rel:-1" / "rel:+1"   今年 / 去年 (上年, 过去一年) / 明年, resolved with the article's date
    "rel:0上半年"      今年上半年; "rel:0" also 年内, 到年底 alone; "rel:0一季度", "rel:0年1—8月" (今年前8个月, a bare 1—8月)
    "month:07"        a month opening a clause (，7月…): that month of the article's year
    "bare:四季度"      a quarter or half without a year: this year's, last year's when it begins over
                      three months after the article's date (四季度 in January)
    "day"             a day or month without a year (12月15日): it dates an event, no period

`period_bounds` reads a resolved period back into its first and last day and its grain.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.mentions import Mention
from pipeline.regexguard import guarded
from pipeline.textnorm import to_halfwidth

_CN_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
              "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}
_RELATIVE = {"今年": 0, "本年": 0, "本年度": 0, "当年": None, "去年": -1, "上年": -1, "上一年": -1,
             "过去一年": -1, "过去的一年": -1, "前年": -2, "明年": 1, "来年": 1}
# 前三季度 also as 前三个季度, 一至三季度, 1-3季度; 前两个季度 is the first half
_FIRST_THREE = r"(?:前[三3]个?季度|第?[一1]\s*[-—–~至到]\s*[三3]季度)"
_FIRST_TWO = r"(?:前[两二2]个?季度|第?[一1]\s*[-—–~至到]\s*[二2]季度)"
_QUARTER = r"(?:" + _FIRST_THREE + "|" + _FIRST_TWO + r"|第?[一二三四1-4]季度)"
_HALF = r"(?:上半年|下半年|" + _QUARTER + ")"
_N = r"(?:1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])"
# a span of months in one year: 1—11月, 1-7月份, 1至8月, 前8个月, 前十个月
_MONTHS = r"(?:(?:1|一)\s*月?\s*[-—–~至到]\s*(" + _N + r")\s*月(?:份)?|前(" + _N + r")个?月)"
# guarded: these two open with a repeat or a lookbehind, so sre tries them at every
# position (0.06 CPU-s a corpus pass each; about a third of that behind the guard)
_FIVE_YEAR = guarded(re.compile(r"(?<=[“\"])(十[一二三四五六]?)五(?=[”\"])"
                                r"|(十[一二三四五六]?)五(?=期间|时期|规划|末)"))
_YEAR = r"((?:19|20)\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(_YEAR + r"\s*(?:年\s*)?[-—–~至到]\s*" + _YEAR + r"\s*年(?:度)?")),
    ("year_months", re.compile(_YEAR + r"\s*年(?:度)?\s*" + _MONTHS)),
    ("year", re.compile(_YEAR + r"\s*年(?:度)?(?:" + _HALF + r"|(\d{1,2})月(?:份)?(\d{1,2}[日号])?)?")),
    ("cn_year", re.compile(r"([〇零一二三四五六七八九]{4})年")),
    ("relative", re.compile(r"(今年|本年度|本年|当年|去年|上一年|上年|过去的?一年|前年|明年|来年)(" + _HALF + "|" + _MONTHS
                            + r")?")),
    # 年内 / 到年底 / 年底前 alone: this year (力争年内完成投资20亿元, 预计到年底开工85个); not 三年内,
    # 2020年底, nor 年末结余 after 2010年 (the year named before it)
    ("this_year", guarded(re.compile(r"(?<![\d〇零一二三四五六七八九十两几多数半去今明前本当上周整每全年近])年内"
                                     r"|(?<=[到至])年[底末]|(?<![\d〇零一二三四五六七八九十两几多数半去今明前本当上周整每全年近])年[底末]前"))),
    ("months", re.compile(_MONTHS)),
    ("half", re.compile(_HALF)),
    # 截至7月31日 / 截至7月底: the year so far (截至2020年底 is a year, read above)
    ("to_month", guarded(re.compile(r"(?<=截至|截止)(\d{1,2})月(?:份)?(?:\d{1,2}[日号]|底|末)?"))),
    # a month opening a clause (其中，7月丁苯橡胶…; 12月示范区共有开工项目19个): its statistics
    # (进入8月以来, 价格继续上涨: that month too)
    ("month", guarded(re.compile(r"(?:(?<=[，,。；;：:\n])|(?<=进入))(\d{1,2})月(?:份)?(?![\d日号底末初中])"))),
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
    if kind == "year_months":
        return m.group(1) + _months(m.group(2), m.group(3))
    if kind == "year":
        rest = m.group(0)[m.group(0).index("年") + 1:]
        half = _half(rest)
        if half:
            return m.group(1) + half
        if m.group(2) and "月份" in rest and 1 <= int(m.group(2)) <= 12:
            # a month of statistics (2020年12月份); 2010年3月 mostly dates an event, and
            # 截至2009年12月底 a stock at the year's end: the year
            return f"{m.group(1)}-{int(m.group(2)):02d}"
        return m.group(1)
    if kind == "cn_year":
        return "".join(_CN_DIGITS[c] for c in m.group(1))
    if kind == "relative":
        shift = _RELATIVE[m.group(1)]
        if shift is None:
            return None  # 当年 refers back to a year named earlier: no safe reading
        rest = m.group(0)[len(m.group(1)):]
        h = _half(rest) or (_months(m.group(3), m.group(4)) if rest else "")
        return f"rel:{shift:+d}{h}" if shift else f"rel:0{h}"
    if kind == "this_year":
        return "rel:0"
    if kind == "months":
        return "rel:0" + _months(m.group(1), m.group(2))
    if kind == "half":
        return "bare:" + _half(m.group(0))
    if kind in ("to_month", "month"):
        n = int(m.group(1))
        if not 1 <= n <= 12:
            return None
        return f"rel:0年1—{n}月" if kind == "to_month" else f"month:{n:02d}"
    if kind == "day":
        return "day"
    if kind == "five_year":
        return five_year_plan(m.group(1) or m.group(2))
    return None


def _half(rest: str) -> str:
    """上半年 / 下半年 / 一季度 (第一季度, 1季度) / 前三季度 in `rest`, in the period's text form."""
    for h in ("上半年", "下半年", "前三季度"):
        if h in rest:
            return h
    if re.search(_FIRST_THREE, rest):
        return "前三季度"
    if re.search(_FIRST_TWO, rest):
        return "上半年"
    q = re.search(r"([一二三四1-4])季度", rest)
    if not q:
        return ""
    n = q.group(1)
    return ("一二三四"["1234".index(n)] if n.isdigit() else n) + "季度"


_FIRST_MONTH = {"下半年": 7, "二季度": 4, "三季度": 7, "四季度": 10}


def _months(to: str | None, first: str | None) -> str:
    """The end month of 1—N月 or 前N个月 -> 年1—N月."""
    n = to or first
    last = int(n) if n.isdigit() else _CN_SMALL.get(n, 0)
    return f"年1—{last}月" if 1 <= last <= 12 else ""


def resolve_period(norm: str | None, article_date: str | None) -> str | None:
    """A DATE's norm -> the facts table's period, or None where it dates an event."""
    if not norm or norm == "day":
        return None
    if not norm.startswith(("rel:", "month:", "bare:")):
        return norm
    if not article_date or not re.match(r"\d{4}", article_date):
        return None
    if norm.startswith("bare:"):
        # a quarter or half without a year: this year's, unless it begins more than three months
        # after the article's date (四季度 in a January article: last year's; 下半年 in June: to come)
        part = norm[5:]
        first = _FIRST_MONTH.get(part, 1)
        amonth = int(article_date[5:7]) if re.match(r"\d{4}-\d{2}", article_date) else 12
        return f"{int(article_date[:4]) - (first > amonth + 3)}{part}"
    if norm.startswith("month:"):
        # the last such month up to the article's date (12月 in a January article: last year's)
        month = int(norm[6:])
        amonth = int(article_date[5:7]) if re.match(r"\d{4}-\d{2}", article_date) else 12
        return f"{int(article_date[:4]) - (month > amonth)}-{month:02d}"
    m = re.match(r"rel:([+-]?\d+)(.*)", norm)
    assert m
    year = int(article_date[:4]) + int(m.group(1))
    return f"{year}{m.group(2)}"


_GRAINS: list[tuple[str, re.Pattern[str]]] = [
    ("multi-year", re.compile(r"(\d{4})-(\d{4})$")),
    ("month", re.compile(r"(\d{4})-(\d{2})$")),
    ("months", re.compile(r"(\d{4})年1—(\d{1,2})月$")),
    ("quarter", re.compile(r"(\d{4})([一二三四])季度$")),
    ("months", re.compile(r"(\d{4})(前三季度)$")),
    ("half", re.compile(r"(\d{4})([上下])半年$")),
    ("year", re.compile(r"(\d{4})$")),
]


def period_bounds(period: str | None) -> tuple[date, date, str] | None:
    """A period's text form -> (first day, last day, grain); None for forms it does not know."""
    if not period:
        return None
    for grain, pattern in _GRAINS:
        m = pattern.match(period)
        if not m:
            continue
        y = int(m.group(1))
        if grain == "multi-year":
            return date(y, 1, 1), date(int(m.group(2)), 12, 31), grain
        if grain == "year":
            return date(y, 1, 1), date(y, 12, 31), grain
        if grain == "half":
            return (date(y, 1, 1), date(y, 6, 30), grain) if m.group(2) == "上" else (date(y, 7, 1), date(y, 12, 31), grain)
        if grain == "quarter":
            q = "一二三四".index(m.group(2))
            return date(y, 3 * q + 1, 1), _month_end(y, 3 * q + 3), grain
        last = 9 if m.group(2) == "前三季度" else int(m.group(2))
        if not 1 <= last <= 12:
            return None
        first = last if grain == "month" else 1
        return date(y, first, 1), _month_end(y, last), grain
    return None


def _month_end(year: int, month: int) -> date:
    return date.fromordinal(date(year + (month == 12), month % 12 + 1, 1).toordinal() - 1)
