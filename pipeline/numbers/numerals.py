"""Reading numerals: Arabic, Chinese (simple, financial, traditional) and mixtures.

cn2an does the Chinese arithmetic; this layer feeds it only what it reads right and handles
what it rejects: a bare leading unit (千, 百亿), a decimal before a multiplier (1.2万亿,
一点五万), Arabic digits with Chinese multipliers, 兆, k/w suffixes, separators and spaces.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import cn2an

from pipeline.textnorm import to_halfwidth

# Traditional and financial forms cn2an does not know, mapped one to one.
_TRAD = str.maketrans({
    "萬": "万", "億": "亿", "點": "点", "兩": "两", "陸": "六", "貳": "二", "贰": "二",
    "壹": "一", "叁": "三", "參": "三", "肆": "四", "伍": "五", "陆": "六", "柒": "七",
    "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千", "〇": "零", "两": "二",
    "负": "-", "負": "-", "倆": "二", "幺": "一",
})

CN_DIGITS = "零〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖兩"
CN_UNITS = "十百千拾佰仟"
CN_BIG = "万亿萬億兆"
CN_POINT = "点點"
DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}

_MULT = {"万": 1e4, "亿": 1e8, "兆": 1e12, "千": 1e3, "百": 1e2, "十": 10.0,
         "k": 1e3, "K": 1e3, "w": 1e4, "W": 1e4, "M": 1e6}
_ARABIC = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_ARABIC_HEAD = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)")
# A decimal (Arabic or Chinese) followed by multipliers only: 1.2万亿, 一点五万, 二十点一万.
_DECIMAL_THEN_BIG = re.compile(r"(.*点[零一二三四五六七八九]+)([十百千万亿兆]+)")


def _clean(s: str) -> str:
    s = to_halfwidth(s).translate(_TRAD)
    s = re.sub(r"\s+", "", s)
    # Thousands separators only between digit groups of three; a lone comma is punctuation.
    s = re.sub(r"(?<=\d),(?=\d{3}(?:\D|$))", "", s)
    return s


def _big_suffix_value(suffix: str) -> float | None:
    """万亿 -> 1e12, 千万 -> 1e7; None when the suffix holds anything else."""
    value = 1.0
    for ch in suffix:
        if ch not in _MULT:
            return None
        value *= _MULT[ch]
    return value


def _chinese(s: str) -> float | None:
    if not s:
        return None
    if "兆" in s:  # 四十九兆九千五百九十二亿: 兆 is 10^12 here, cn2an does not know it
        head, _, tail = s.partition("兆")
        hv = _chinese(head) if head else 1.0
        tv = _chinese(tail) if tail else 0.0
        return None if hv is None or tv is None else hv * 1e12 + tv
    m = _DECIMAL_THEN_BIG.fullmatch(s)
    if m:
        head = _chinese(m.group(1))
        mult = _big_suffix_value(m.group(2))
        return None if head is None or mult is None else head * mult
    if s[0] in "十百千万亿":  # cn2an rejects a bare leading unit except 十
        s = "一" + s
    try:
        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, IndexError, TypeError, OverflowError):
        return None  # OverflowError: 一 一 一 ... past float's range


_TOKEN = re.compile(r"\d+(?:\.\d+)?|[零一二三四五六七八九]|[十百千]|[万亿]")
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_MIXED_FRACTION = re.compile(r"\s*([+-]?\d+)\s+(\d+)\s*/\s*(\d+)\s*")
_SCI = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+")


def _sectioned(s: str) -> float | None:
    """Mixed Arabic digits and Chinese units: 5亿1万4千6百, 7万5千4百, 四万万.

    The usual section algorithm: 十百千 scale the number before them inside a section,
    万 and 亿 close a section and scale what came before.
    """
    pos, result, section, number = 0, 0.0, 0.0, None
    for m in _TOKEN.finditer(s):
        if m.start() != pos:
            return None
        pos = m.end()
        tok = m.group()
        if tok in _SMALL_UNIT:
            section += (1 if number is None else number) * _SMALL_UNIT[tok]
            number = None
        elif tok == "万":
            part = section + (number or 0)
            result = result * 1e4 if part == 0 else result + part * 1e4
            section, number = 0.0, None
        elif tok == "亿":
            result = (result + section + (number or 0)) * 1e8
            section, number = 0.0, None
        elif tok in DIGIT_VALUE:
            number = float(DIGIT_VALUE[tok]) if tok != "零" else number
        else:
            number = float(tok)
    if pos != len(s):
        return None
    return result + section + (number or 0)


@lru_cache(maxsize=4096)
def parse_numeral(s: str) -> float | None:
    """Read one numeral; None when ``s`` is not a single finite number.

    >>> parse_numeral("1.2万亿"), parse_numeral("一千二百万"), parse_numeral("36，110")
    (1200000000000.0, 12000000.0, 36110.0)
    """
    v = _parse(s)
    return v if v is None or math.isfinite(v) else None  # 1e999, 9 x 400 digits: no amount


def _parse(s: str) -> float | None:
    mixed = _MIXED_FRACTION.fullmatch(to_halfwidth(s).replace("／", "/"))
    if mixed:  # "1 4/3": a whole number, a space, a fraction
        whole, num, den = (float(x) for x in mixed.groups())
        return None if den == 0 else whole + (num / den if whole >= 0 else -num / den)
    s = _clean(s)
    if "又" in s:  # 三又五分之一, 1又1/5
        whole, _, frac = s.partition("又")
        w, f = parse_numeral(whole), parse_numeral(frac)
        return None if w is None or f is None else w + (f if w >= 0 else -f)
    if s == "半百":
        return 50.0
    if len(s) > 1 and s.endswith("打"):  # dozens
        v = parse_numeral(s[:-1])
        return None if v is None else v * 12
    if s.count("/") == 1:
        num, _, den = s.partition("/")
        n, d = parse_numeral(num), parse_numeral(den)
        return None if n is None or not d else n / d
    # 十多万, 五百余万, 二十几万: the qualifier says nothing about the stated value
    s = re.sub(r"(?<=.)[余多几幾]", "", s) if len(s) > 1 else s
    if not s:
        return None
    if "分之" in s:
        den, _, num = s.partition("分之")
        d, n = parse_numeral(den), parse_numeral(num)
        return None if not d or n is None else n / d
    if _SCI.fullmatch(s):
        return float(s)
    sign = 1.0
    if s[0] in "+-":
        sign, s = (-1.0 if s[0] == "-" else 1.0), s[1:]
    if not s:
        return None
    m = _ARABIC_HEAD.fullmatch(s)
    if m and m.group(1) not in ("", ".", "+", "-"):
        base = float(m.group(1))
        rest = m.group(2)
        if not rest:
            return sign * base
        mult = _big_suffix_value(rest)
        if mult is None:
            v = _sectioned(s)
            return None if v is None else sign * v
        return sign * base * mult
    v = _chinese(s)
    if v is None:
        v = _sectioned(s.replace("两", "二"))
    return None if v is None else sign * v


def digit_pair_range(s: str) -> tuple[float, float] | None:
    """一两百 -> (100, 200), 七百三四十 -> (730, 740), 十五六 -> (15, 16); else None.

    Two neighbouring digits written together are a rough range in Chinese, but not after a
    decimal point: 三点四五 is 3.45, 百分之十二点一二 is 12.12%.
    """
    c = _clean(s)
    point = min((i for i, ch in enumerate(c) if ch in "点."), default=len(c))
    for i in range(point - 1):
        a, b = c[i], c[i + 1]
        da, db = DIGIT_VALUE.get(a.replace("二", "二")), DIGIT_VALUE.get(b)
        if a == "一" and b == "二":
            da, db = 1, 2
        if da is None or db is None or db != da + 1 or da == 0:
            continue
        lo = parse_numeral(c[:i] + a + c[i + 2:])
        hi = parse_numeral(c[:i] + b + c[i + 2:])
        if lo is not None and hi is not None and lo < hi:
            return lo, hi
    return None
