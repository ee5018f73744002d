"""Reading the amount groups of patterns.amount: one amount, or a range of two."""

from __future__ import annotations

import re

from pipeline.numbers.candidate import tidy
from pipeline.numbers.numerals import digit_pair_range, parse_numeral

Amount = tuple[float, float | None, str]  # (value, high end or None, approx)


def amount_range(m: re.Match, shared_multiplier: bool, allow_pair: bool = True,
                 signs: tuple[int, int] = (1, 1)) -> Amount | None:
    """(value, high, approx) of amount ``a``, with ``b`` as the high end of a range
    (20-30万元, 5%-10%); None when a part does not read or an unsigned range runs
    backwards.  `signs` are each end's own sign (-3亿至5亿元: -3e8 to 5e8); a signed
    range is put in order (-七八百元: -800 to -700), so value <= high always."""
    a = amount(m, "a", allow_pair)
    if a is None:
        return None
    value, high, approx = a
    if signs[0] < 0:  # a sign is its own number's: both ends of a digit pair (七八百), not b
        value, high = (-value, None) if high is None else (-high, -value)
    if m.group("b") is None:
        return value, high, approx
    b = amount(m, "b", allow_pair)
    if b is None:
        return None
    hb = b[0] * signs[1] + 0.0  # + 0.0: no -0.0
    if shared_multiplier and not (m.group("a_big") or "").strip() and (m.group("b_big") or "").strip():
        # 20-30万元: the multiplier written once applies to both ends; but not to a low end
        # written in full, ten times the high end's digits or more (从3000到2万港元)
        mult = parse_numeral("1" + m.group("b_big").strip()) or 1.0
        if not (abs(value * mult) > abs(hb) and abs(value) >= 10 * abs(hb) / mult):
            value = tidy(value * mult)
    if signs == (1, 1):
        if hb <= value:
            return None
        return value, hb, approx
    if hb == value:
        return None
    return min(value, hb), max(value, hb), approx


def amount(m: re.Match, name: str, allow_pair: bool = True) -> Amount | None:
    """(value, high end of a digit-pair range, approx) for amount group ``name``."""
    num = m.group(name)
    if num is None:
        return None
    big = (m.group(f"{name}_big") or "").strip()
    approx = "more_than" if (m.group(f"{name}_q1") or m.group(f"{name}_q2")) else "exact"
    if num == "":  # 过亿: the implied 一
        num = "一"
    pair = digit_pair_range(num) if allow_pair else None
    if pair:
        mult = parse_numeral("1" + big) if big else 1.0
        if mult is None:
            return None
        return pair[0] * mult, pair[1] * mult, approx
    val = parse_numeral(num + big)
    if val is None:
        return None
    return tidy(val), None, approx
