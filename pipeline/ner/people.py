"""People: LAC PER tokens, and names right after a title (副市长姚卿), with role and org."""

from __future__ import annotations

import re
from typing import Sequence

from . import lexicon

Tok = tuple[int, int, str]

_BAD_NAME_TAGS = {"v", "p", "w", "u", "c", "d", "m", "q", "TIME", "r", "xc", "f", "ad", "vd"}
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff·]{2,6}$")


def _among_places(h: str, toks: Sequence[Tok], i: int) -> bool:
    """钦州/LOC 钦南/PER, 龙沙、铁锋/PER、建华: a place name in a run or list of places."""
    if i > 0 and toks[i - 1][2] == "LOC" and toks[i - 1][1] == toks[i][0]:
        return True
    for a, b in ((i - 2, i - 1), (i + 2, i + 1)):
        if 0 <= a < len(toks) and h[toks[b][0] : toks[b][1]] == "、" and (toks[a][2] == "LOC" or h[toks[a][0] : toks[a][1]] in lexicon.place_names()):
            return True
    return False


def lac_people(h: str, toks: Sequence[Tok]) -> list[tuple[int, int]]:
    out = []
    for i, (s, e, tag) in enumerate(toks):
        if tag == "PER" and _among_places(h, toks, i):
            continue
        # 铁锋区, 钦南区: a place name LAC read as a person
        if h[e : e + 1] in _PLACE_AFTER:
            continue
        if tag == "PER" and _NAME_CHARS.match(h[s:e]) and (e - s <= 4 or "·" in h[s:e]):
            out.append((s, e))
    return out


_PLACE_AFTER = set("区县市镇乡村路街省州")
_NOT_NAME_ENDINGS = ("企", "企业", "公司", "集团", "方面", "同志")


def plausible_name(w: str) -> bool:
    """A PER surface that is really a title, a generic word or a kind of firm (董秘, 高企, 韩企)."""
    if w in lexicon.person_titles() or w in lexicon.generic_orgs():
        return False
    return not w.endswith(_NOT_NAME_ENDINGS)


def _title_ending_at(h: str, p: int) -> int | None:
    """Start of the longest title that ends at p, if any."""
    titles, lengths = _title_index()
    for n in lengths:
        if n <= p and h[p - n : p] in titles:
            return p - n
    return None


def _title_index() -> tuple[frozenset[str], tuple[int, ...]]:
    global _TITLES
    if _TITLES is None:
        ts = frozenset(lexicon.person_titles())
        _TITLES = (ts, tuple(sorted({len(t) for t in ts}, reverse=True)))
    return _TITLES


_TITLES: tuple[frozenset[str], tuple[int, ...]] | None = None


def role_start(h: str, p: int) -> int | None:
    """Walk left over titles joined by 、 (党委书记、总经理); start of the role or None."""
    s = _title_ending_at(h, p)
    if s is None:
        return None
    while True:
        q = s
        # titles can also be stacked without a separator (党委书记总经理) or after 、
        if q > 0 and h[q - 1] == "、":
            nxt = _title_ending_at(h, q - 1)
        else:
            nxt = _title_ending_at(h, q)
        if nxt is None:
            return s
        s = nxt


def titled_people(h: str, toks: Sequence[Tok]) -> list[tuple[int, int, int]]:
    """(name_start, name_end, role_start) for names that follow a title."""
    surnames = lexicon.surnames()
    out = []
    for i, (s, e, tag) in enumerate(toks):
        rs = role_start(h, s)
        if rs is None:
            continue
        w = h[s:e]
        if tag == "PER" and _NAME_CHARS.match(w):
            out.append((s, e, rs))
            continue
        if tag in _BAD_NAME_TAGS:
            # 总经理应/v 海峰/PER: a one-character surname LAC read as a verb or adverb
            if e - s == 1 and h[s] in surnames and i + 1 < len(toks):
                ns, ne, ntag = toks[i + 1]
                if ntag == "PER" and ne - ns <= 2 and _NAME_CHARS.match(h[s:ne]):
                    out.append((s, ne, rs))
            continue
        first2 = h[s : s + 2]
        sur = 2 if first2 in surnames else 1 if h[s] in surnames else 0
        if not sur:
            continue
        if 2 <= len(w) <= 3 and _NAME_CHARS.match(w) and len(w) > sur:
            out.append((s, e, rs))
            continue
        # LAC split an unknown name into single characters: take them, at most 3
        k = i
        while k < len(toks) and toks[k][1] - toks[k][0] == 1 and toks[k][1] - s <= 3 and _NAME_CHARS.match(h[toks[k][0]] * 2):
            k += 1
        if k - i >= 2:
            out.append((s, toks[k - 1][1], rs))
    return out
