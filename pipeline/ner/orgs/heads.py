"""The short forms a name is also called by (江苏华富能源股份有限公司 -> 华富能源, 华富), which
document consistency finds elsewhere in the article."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from .common import _CJK_ONLY, _NATIONAL, is_place
from .edges import _starts_with_industry
from .filters import _sector_word, _sector_words_only, is_descriptive, is_generic, is_zone


# type words whose removal leaves a company's own name (not 管委会, 政府: places)
_COMPANY_TYPES = ("公司", "集团", "控股", "股份", "工厂", "厂")


@lru_cache(maxsize=1 << 16)
def name_heads(name: str) -> tuple[str, ...]:
    """Short forms a name is also called by: 江苏华富能源股份有限公司 -> 华富能源, 华富.

    Drop a place prefix, then type words and industry words from the end, keeping each
    remainder of 2+ characters that is not itself a place or a national word.  A legal
    name with its place in brackets is also called by what stands before the bracket
    (上海梅林(荣成)食品有限公司 -> 上海梅林), and by the short forms of the name without it."""
    m = re.fullmatch(r"([^()]{2,})\([^()]{2,6}\)([^()]*)", name)
    if m:
        before, whole = m.group(1), m.group(1) + m.group(2)
        own = () if (before in lexicon.place_names() or before in _NATIONAL or is_generic(before) or is_zone(before)
                     or is_descriptive(before)) else (before,)
        return own + tuple(x for x in name_heads(whole) if x not in own and x != whole)
    pre = lexicon.place_prefixes()
    for p in pre.get("foreign", ()) + pre.get("province", ()):
        if name.startswith(p) and len(name) - len(p) >= 2:
            name = name[len(p) :]
            break
    if name.startswith("(") or name.startswith("("):
        return ()
    # a city before the name is also left out (深圳市比亚迪锂电池有限公司 -> 比亚迪锂电池), as well
    # as kept where it is the brand's (青岛啤酒股份有限公司 -> 青岛啤酒)
    city = _city_prefix(name)
    if city and _sector_word()(name[len(city):]) is None:
        own = _heads_after_place(name)
        return own + tuple(x for x in name_heads(name[len(city):]) if x not in own and not _sector_words_only(x))
    return _heads_after_place(name)


def _city_prefix(name: str) -> str:
    """A city's or a county's name (with 市/县 or without) that opens ``name`` and leaves a name of
    four characters or more after it."""
    places = lexicon.place_names()
    for k in (3, 2):
        p = name[:k]
        if p in places and p[-1] not in "省区":
            full = p + "市" if name[k : k + 1] == "市" else p + "县" if name[k : k + 1] == "县" else p
            return full if len(name) - len(full) >= 4 else ""
    return ""


def _heads_after_place(name: str) -> tuple[str, ...]:
    """Short forms of a name whose place, if any, stays: its type and industry words cut off."""
    out: list[str] = []
    if any(name.startswith(x) for x in _NATIONAL) or _starts_with_industry(name):
        return ()
    enders = tuple(x for x in lexicon.org_suffixes() if x.endswith(_COMPANY_TYPES)) + lexicon.industry_words()
    places = lexicon.place_names()
    cur = name
    for _ in range(6):
        w = next((x for x in enders if cur.endswith(x) and len(cur) - len(x) >= 2), None)
        if w is None:
            break
        cur = cur[: -len(w)].rstrip("()")
        if "(" in cur or ")" in cur:
            break
        if cur in places or cur in _NATIONAL or is_generic(cur) or is_zone(cur) or _starts_with_industry(cur) \
                or is_descriptive(cur):  # 江西稀土冶炼公司 is not also called 稀土
            break
        out.append(cur)
    return tuple(out)


def trade_heads(name: str) -> tuple[str, ...]:
    """A company's name without a trade word no list holds (九洲韵茶叶公司 -> 九洲韵, 正兴车轮集团 ->
    正兴): the name ``name_heads`` stops at, less its last two characters, when a name of two or more
    characters is left.  A guess, so the caller spreads it only to words LAC reads as names."""
    heads = name_heads(name)
    if not heads or not name.endswith(_COMPANY_TYPES):
        return ()
    last = heads[-1]
    cur = last[:-2]
    if len(cur) < 2 or last.endswith("总") or not _CJK_ONLY.fullmatch(last) or lexicon.affixes("industry_words").ending(last):
        return ()
    if is_place(cur) or cur in _NATIONAL or is_generic(cur) or is_zone(cur) or _starts_with_industry(cur) \
            or is_descriptive(cur) or cur in heads:
        return ()
    return (cur,)
