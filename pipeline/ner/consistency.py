"""Document consistency: a name found once is a name at its other mentions in the article (its short
forms included) unless LAC reads the string there as words; a person found once is found elsewhere."""

from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

from pipeline.mentions import Mention

from . import orgs
from .resolve import _Spans


_TITLED_SOURCES = frozenset({"person_title", "person_titled_elsewhere"})
# LAC's tags of a token that a person's name found elsewhere cannot be (a place, a body, a number)
_NOT_PERSON_TAGS = frozenset({"LOC", "ORG", "m", "q", "w", "TIME", "p", "u", "c"})


def _people_elsewhere(
    h: str, text: str, toks: Sequence[tuple[int, int, str]], people_found: list[Mention],
    other_names: list[tuple[int, int]],
) -> list[Mention]:
    """One name, one label for people too: a name found after a title is the person where the
    article writes it again as LAC's whole token or tokens and no other name covers it
    (主任宋军表示… 宋军/n 继/v 介绍: the second is the person LAC did not tag)."""
    # (from a titled name only: LAC's own person tags of common words, 常温, 盲评, would spread)
    names = sorted({m.norm for m in people_found if m.norm and len(m.norm) >= 2 and m.source in _TITLED_SOURCES},
                   key=len, reverse=True)
    if not names:
        return []
    index = _TokenIndex(toks)
    blocked = _Spans(other_names + [(m.start, m.end) for m in people_found])
    out = []
    for n in names:
        i = h.find(n)
        while i >= 0:
            e = i + len(n)
            t = index.starting(i)
            if t is not None and t[2] not in _NOT_PERSON_TAGS and index.ends_at(e) and not blocked.overlaps(i, e):
                out.append(Mention("PERSON", i, e, text[i:e], "person_propagated", norm=n))
                blocked.add(i, e)
            i = h.find(n, i + 1)
    return out


def _propagate(
    h: str, toks: Sequence[tuple[int, int, str]], org_spans: list[tuple[int, int, str]], zones: Sequence[Mention] = ()
) -> list[tuple[int, int, str]]:
    """One name, one label per article: ``org_spans`` with the names spread.

    A name found as ORG, or one of its short forms (胜华 for 胜华科技, 华富 for 江苏华富
    能源股份有限公司; 九洲韵 for 九洲韵茶叶公司 only where LAC reads it as a name), is an ORG
    wherever else it stands at a token start: as the
    same token, or as the start of a token LAC cut wrongly (萨固/PER 密 for 萨固密)."""
    names = {h[s:e] for s, e, _ in org_spans}
    heads: set[str] = set()
    guessed: set[str] = set()
    for n in names:
        heads.update(orgs.name_heads(n))
        guessed.update(orgs.trade_heads(n))
    heads -= names
    guessed -= names | heads
    index = _TokenIndex(toks)
    # the characters inside a span so far: an overlap test is one find, not a scan of spans
    inside = bytearray(len(h))
    for s, e, _ in org_spans:
        inside[s:e] = b"\x01" * (e - s)
    # nor inside a zone's name, as no candidate is (粤海 of 粤海产业园, 中马钦州 of 中马钦州产业园区)
    in_zone = bytearray(len(h))
    for z in zones:
        in_zone[z.start : z.end] = b"\x01" * (z.end - z.start)
    out = list(org_spans)
    # LAC's own names by their start: a longer name of the article found there takes the place of
    # the shorter (正兴/ORG 车轮 where the article names 正兴车轮集团: the name is 正兴车轮)
    lac_at = {s: (s, e, src) for s, e, src in org_spans if src == "lac"}
    weak = _read_as_words_more_often(h, toks, org_spans)
    for n in sorted(names | heads | guessed, key=len, reverse=True):
        if len(n) < 2 or n in weak:
            continue
        is_head = n in heads or n in guessed
        i = h.find(n)
        while i >= 0:
            e = i + len(n)
            short = lac_at.get(i)
            if short is not None and short[1] < e and inside.find(1, short[1], e) < 0 and in_zone.find(0, i, e) >= 0 \
                    and n not in guessed and index.ends_at(e):
                out.remove(short)
                del lac_at[i]
                out.append((i, e, "org_propagated"))
                inside[i:e] = b"\x01" * (e - i)
            else:
                free = inside.find(1, i, e) < 0 and in_zone.find(0, i, e) >= 0
                if free and (t := index.starting(i)) is not None and _propagation_ok(t, e, index, is_head) \
                        and (n not in guessed or t[2] in _GUESSED_TAGS):
                    out.append((i, e, "org_propagated"))
                    inside[i:e] = b"\x01" * (e - i)
            i = h.find(n, i + 1)
    return out


_WEAK_SOURCES = frozenset({"lac", "org_list", "org_list_check"})
# LAC's tags of common words (a brand's or a company's short name it reads as nz, PER or LOC)
_COMMON_TAGS = frozenset({"n", "vn", "v", "a", "an", "ad", "d", "m", "q", "f", "s"})


def _read_as_words_more_often(
    h: str, toks: Sequence[tuple[int, int, str]], org_spans: list[tuple[int, int, str]]
) -> set[str]:
    """Names only LAC's tag (or a list's neighbours) made, which the article writes at least
    twice as often as a word LAC reads as common (LED/ORG once, LED/n twice; 焦煤, 三七): the
    name is one reading of a common word, so it is not spread to the others (a brand LAC
    reads as n as often as ORG, 大众, still is)."""
    seeds: dict[str, int] = {}
    strong: set[str] = set()
    for s, e, src in org_spans:
        n = h[s:e]
        seeds[n] = seeds.get(n, 0) + 1
        if src not in _WEAK_SOURCES:
            strong.add(n)
    weak = {n for n in seeds if n not in strong}
    if not weak:
        return set()
    lengths = {len(n) for n in weak}
    others: dict[str, int] = {}
    for s, e, tag in toks:
        if e - s in lengths and tag in _COMMON_TAGS and (n := h[s:e]) in weak:
            others[n] = others.get(n, 0) + 1
    return {n for n, k in others.items() if k >= 2 * seeds[n]}


class _TokenIndex:
    """The token starting at a position, and whether one ends there, by bisection over
    the tokens (LAC's do not overlap); sorted on first use, which most articles'
    propagation never reaches (their names stand only where they were found)."""

    def __init__(self, toks: Sequence[tuple[int, int, str]]) -> None:
        self._toks = toks
        self._sorted: list[tuple[int, int, str]] = []
        self._starts: list[int] = []
        self._ends: list[int] = []

    def starting(self, i: int) -> tuple[int, int, str] | None:
        self._index()
        k = bisect_left(self._starts, i)
        return self._sorted[k] if k < len(self._starts) and self._starts[k] == i else None

    def ends_at(self, e: int) -> bool:
        self._index()
        k = bisect_left(self._ends, e)
        return k < len(self._ends) and self._ends[k] == e

    def _index(self) -> None:
        if not self._sorted and self._toks:
            self._sorted = sorted(self._toks)
            self._starts = [t[0] for t in self._sorted]
            self._ends = sorted(t[1] for t in self._sorted)


# the tags of a word a guessed short form may be (达芬奇/PER, 江铜/PER): a name, not a place or
# a product (葡萄酒/nz of a description 葡萄酒业务公司)
_GUESSED_TAGS = frozenset({"PER", "ORG"})


def _propagation_ok(t: tuple[int, int, str], e: int, index: _TokenIndex, is_head: bool) -> bool:
    s, te, tag = t
    if e == te:
        # the same token: a common noun only when it is the exact name (中钢集团); an
        # exact name of four or more characters whatever LAC tagged it (中钢国际/f)
        return tag in ("PER", "nz", "ORG", "LOC", "nw") or (not is_head and (tag in ("n", "vn") or e - s >= 4))
    if tag not in ("PER", "nz", "ORG", "LOC", "nw") and (is_head or tag not in ("n", "vn")):
        return False
    if e > te:
        # the name runs over the token end: it must end at a token boundary
        return index.ends_at(e)
    # the name ends inside the token (固特 in 固特异公司 is handled by the suffix walk)
    return False
