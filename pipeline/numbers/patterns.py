"""Regexes built from the vocabularies; each small function names one piece."""

from __future__ import annotations

import re
from typing import Iterable

from pipeline.numbers.numerals import CN_BIG, CN_DIGITS, CN_POINT, CN_UNITS
from pipeline.regexguard import Scanner, guarded, windowed

SP = r"[ \t]*"  # numerals and units may be spaced out ("百 分 之 2.4")


def alternation(words: Iterable[str]) -> str:
    """Longest first, so 人次 is tried before 人."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def spaced(word: str) -> str:
    return SP.join(re.escape(ch) for ch in word)


def arabic_numeral() -> str:
    return r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


def chinese_numeral() -> str:
    ch = f"(?:[{CN_DIGITS}]|[{CN_UNITS}](?!{SP}分))"  # 七十百分位: 百分 starts a word
    # A big unit inside the numeral only when more digits follow (一万零三百); a trailing
    # one is the multiplier group, so 七十五万 reads as 七十五 × 万.
    body = f"{ch}(?:{SP}(?:{ch}|[{CN_BIG}](?={SP}{ch})))*"
    decimal = f"(?:{SP}[{CN_POINT}]{SP}[{CN_DIGITS}](?:{SP}[{CN_DIGITS}])*)?"
    return body + decimal


def amount(name: str, allow_ge: bool = False) -> str:
    """A numeral with its inner qualifier and multiplier: 4600余万, 1.2万亿, 十多, 12k."""
    num = f"{arabic_numeral()}(?:{SP}[十百千拾佰仟])?|{chinese_numeral()}"
    if allow_ge:  # ge: 过亿元, 超万人 — the implied 一
        num += r"|(?<=[过超逾破])[万亿]"
    big = f"{SP}[kKwW](?![A-Za-z])|(?:{SP}[{CN_BIG}]){{0,2}}"
    # 3个亿: 个 between a number and its multiplier, as speech has it
    return (f"(?P<{name}>{num})(?P<{name}_q1>[余多])?(?:[个個](?=[{CN_BIG}]))?(?P<{name}_big>{big})"
            f"(?P<{name}_q2>[余多](?![少么]))?")


# -, --, ——, ~, 到, 至: doubled dashes first, so 2万元--6万元 is one range, not 2万元 and -6万元
RANGE_SEP = "--|——|[-—–~]|到|至"


def range_tail(name: str, unit: str = "", signed: bool = False, cur: str = "") -> str:
    """-30, 到20%, ~2000亿 : the high end of a range.  `signed`: the high end may carry its own
    sign (-3亿至-1亿元); `cur`: the low end may repeat the unit and say it is included
    (2万元--6万元, 2万(含)-6万元)."""
    low = f"(?:{SP}(?P<cur0>{cur}))?(?:{SP}\\((?:不)?含\\))?" if cur else ""
    sign = f"(?P<{name}sign>负|-)?" if signed else ""
    return f"(?:{low}{SP}(?P<sep>{RANGE_SEP}){SP}{sign}{amount(name)}{unit})?"


def compile_money(v: dict) -> Scanner:
    cur = alternation(v["currency_words"])
    after_yuan = alternation(v["currency_words_after_yuan"])
    sym = alternation(v["currency_symbols"])
    per = alternation(v["per_units"])
    d = "[0-9一二三四五六七八九两壹贰貳叁參肆伍陆陸柒捌玖兩]"  # one digit of 角 or 分 (叁拾元伍角)
    sub = (f"(?:{SP}(?:零{SP})?(?P<jiao>{d}){SP}[角毛]钱?)?(?:{SP}(?:零{SP})?(?P<fen>{d}){SP}分(?!钟|鐘)钱?)?"
           f"(?P<zheng>{SP}整(?![\u4e00-\u9fff]))?")  # 贰仟伍佰圆整, 壹元零贰分: one amount, 整 in it
    kuai_tail = f"(?:(?<=块)(?P<kuai>[0-9一二三四五六七八九])(?![^\\s,，。;；!！?？]))?"  # at the end, or before these
    jiao = f"|(?P<jsign>负)?(?P<j>{arabic_numeral()}){SP}(?P<junit>[角毛])"
    return windowed(guarded(re.compile(
        f"(?P<rmbpre>人民币{SP})?(?:(?P<sym>{sym}){SP})?(?P<msign>负|(?<![0-9A-Za-z%.])-)?{amount('a', True)}"
        f"{range_tail('b', signed=True, cur=cur)}{SP}(?P<ge>[个個]{SP})?(?P<cur>{cur})(?:{SP}(?P<cur2>{after_yuan}))?"
        f"{sub}{kuai_tail}"
        f"(?P<per>/{SP}(?:{per}))?"
        f"|(?P<sym2>{sym}){SP}{amount('c')}" + jiao
    )))


def compile_minor_money(v: dict) -> tuple[Scanner, re.Pattern]:
    """3美分, 5分钱: an amount in a minor unit; and the tail that completes a major amount
    in the same currency (又3美分 after 2美元, 5日本銭 after 10日元)."""
    minor = alternation(v["minor_currency_words"])
    per = alternation(v["per_units"])
    alone = windowed(guarded(re.compile(f"{amount('a')}{SP}(?P<minor>{minor})(?P<per>/{SP}(?:{per}))?")))
    tail = re.compile(f"{SP}(?:[又零]{SP})?(?P<n>{arabic_numeral()}|{chinese_numeral()}){SP}(?P<minor>{minor})")
    return alone, tail


def compile_fraction_money(v: dict) -> re.Pattern:
    """4 1/2美分, 1/4美元, 7.36 1/2美元: a (mixed) fraction of a currency unit, as futures are
    quoted; after decimals the fraction is of the last decimal place (7.36 1/2 = 7.365)."""
    cur = alternation(list(v["currency_words"]) + list(v["minor_currency_words"]))
    per = alternation(v["per_units"])
    return guarded(re.compile(r"(?<![0-9./])(?:(?P<whole>\d+(?:\.(?P<dec>\d+))?)[ \t]+)?(?P<num>\d+)/(?P<den>\d+)"
                              f"{SP}(?P<cur>{cur})(?P<per>/{SP}(?:{per}))?"))


def compile_bare_money() -> re.Pattern:
    """70亿, 80个亿, 420多万: an amount with a multiplier and no unit; the caller checks cues."""
    num = f"{arabic_numeral()}|{chinese_numeral()}"
    return guarded(re.compile(
        f"(?P<a>{num}|(?<=[过超逾破])(?=[万亿]))(?P<a_q1>[余多])?(?:个)?(?P<a_big>(?:[{CN_BIG}]){{1,2}})(?P<a_q2>[余多])?"
    ))


def compile_percent(v: dict) -> Scanner:
    shares = alternation(v["percent_share_words"])
    def sign(name: str) -> str:
        return f"(?P<{name}>负的?|(?<![0-9A-Za-z%.])-)?"
    share_pct = (f"{sign('sign1')}(?<![{CN_DIGITS}{CN_UNITS}])(?P<share>{'|'.join(spaced(w) for w in sorted(v['percent_share_words'], key=len, reverse=True))})"
                 f"{SP}(?P<ssign>负的?)?(?P<sbare>百(?![分万亿千]))?(?:{amount('s')})?"
                 f"(?:{SP}(?P<ssep>{RANGE_SEP}){SP}(?:{'|'.join(spaced(w) for w in v['percent_share_words'])})?{SP}(?:(?P<s2bare>百(?![分万亿千]))|{amount('t')}))?")
    # 5%-10% and 5-10%: the sign may be written once, on the high end
    plain = (f"{sign('sign2')}{amount('a')}(?:{SP}(?P<pct1>%)?{SP}(?P<sep>{RANGE_SEP}){SP}(?P<bsign>负|-)?{amount('b')})?{SP}(?:%|‰(?P<permille>))")
    points = f"{amount('p')}{SP}[个個]{SP}百{SP}分{SP}[点點]"
    cheng = f"{amount('c')}{SP}成(?:{SP}(?P<chalf>半)|{SP}(?P<cdig>[一二三四五六七八九1-9])(?![十百千万亿0-9.]))?|(?P<halfcheng>半成)"
    # 7 2 折: two spaced digits before 折 are one discount (七二折), not a 2 after a stray 7
    zhe = (f"(?P<duizhe>(?<=打)[对對]折)|(?P<halfzhe>半折)|(?<![0-9.])(?P<zsp>[1-9][ \\t]+\\d){SP}折"
           f"|{amount('z')}{SP}折")
    frac = (f"(?P<fd>[{CN_DIGITS}{CN_UNITS}]+)分之(?P<fn>[{CN_DIGITS}{CN_UNITS}]+(?:[{CN_POINT}][{CN_DIGITS}]+)?)"
            r"|(?<![0-9/.])(?P<an>\d{1,2})/(?P<ad>\d{1,2})(?![0-9/.-])")
    half = r"(?P<half>(?<=[近超逾过])一半)|(?P<baifenbai>百分百)"
    return windowed(guarded(re.compile("|".join(f"(?:{p})" for p in (share_pct, plain, points, frac, half, cheng, zhe)))))


def compile_count(v: dict) -> Scanner:
    mw = alternation(v["measure_words"])
    return windowed(guarded(re.compile(f"{amount('a', True)}{range_tail('b')}{SP}(?P<mw>{mw})")))
