"""A zone named again by its stem alone: 天津东疆保税港区 … 东疆已经培育…

Document consistency for zones (issue 13): once the article names a zone in full, the
name without its place and kind, standing as a name of its own, is that zone again.  A
stem LAC reads as a common word is not (新经济 of 新经济产业园), nor one that opens
another name (东疆港, 张江科学城, 天府总部商务区), nor an administrative place (南昌 of 南昌高新区),
nor a company a park is named after (苏科高新 of 苏科高新产业园, unless LAC reads it as a place).
Before the zone's body (管委会, 党工委) the stem, or the name without its kind, is the zone
whatever LAC read (天津东疆管委会/ORG: 天津东疆 is a named part, as 衡阳高新区 of 衡阳高新区管委会).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from pipeline.mentions import Mention
from pipeline.zones.rules import ZoneRules
from pipeline.zones.suffix import ADMIN_WORDS, _is_generic, lexicon_re

# a zone's kind as its name ends, longest first (a 片区 is named with its zone: no stem)
_KIND_END = re.compile(r"(?:国家高新技术产业开发区|高新技术产业开发区|国家高新区|高新区|经济技术开发区|经济开发区|经开区|"
                       r"开发区|综合保税区|保税港区|保税区|自由贸易试验区|自贸试验区|自贸区|新区|示范区|产业园|科技园|"
                       r"工业园区|工业园|园区)$")
# what may not follow a stem written alone: the start of another kind or place word
# (张江科学城, 东疆港, 临港大道), so the stem there names something else
NOT_AFTER_STEM = frozenset("区园城镇县市街路港湾村片新高经保开自综示科工产大学院岛山河湖")
_ADMIN_LEVELS = ("province", "prefecture", "county")
_NAME_TAGS = ("LOC", "ORG", "nz")
# what follows a stem standing for its zone: a verb, a function word, punctuation (东疆/LOC 已经/d,
# 在洋浦/LOC 落地/v), not a noun that makes it part of another name
_AFTER_TAGS = frozenset({"v", "vd", "d", "ad", "p", "c", "u", "w", "f", "xc", "r"})


def _place_cut(stem: str, rules: ZoneRules) -> int:
    """The length of the administrative places that open a zone's stem (天津 of 天津东疆)."""
    return max((k for k in range(2, len(stem) - 1) if stem[:k] in rules.places
                and rules.places[stem[:k]].level in _ADMIN_LEVELS), default=0)


def stem_of(name: str, rules: ZoneRules) -> str | None:
    """A zone's name without its kind and the administrative places that open it (天津东疆保税港区
    -> 东疆, 上海张江高新区 -> 张江); None for a name with no kind at its end."""
    kind = _KIND_END.search(name)
    if kind is None:
        return None
    stem = name[: kind.start()]
    return stem[_place_cut(stem, rules) :]


def _without_place(name: str, rules: ZoneRules) -> str | None:
    """包头稀土高新区 -> 稀土高新区: the name without the places that open it, its designation
    kept; None when no place opens it or no designation ends it."""
    kind = _DESIGNATION_END.search(name)
    cut = _place_cut(name[: kind.start()], rules) if kind else 0
    return name[cut:] if cut else None


# the state's designations, which a theme before them does not make a kind of park (稀土高新区,
# 医药高新区), as it does before 产业园 or 示范区 (智能制造产业园, 临空经济示范区)
_DESIGNATION_END = re.compile(r"(?:国家高新技术产业开发区|高新技术产业开发区|国家高新区|高新区|经济技术开发区|经开区|"
                              r"综合保税区|保税港区|保税区)$")


def zone_stems(t: str, zones: Sequence[Mention], tokens: Sequence[tuple[int, int, str]],
               rules: ZoneRules) -> list[Mention]:
    """Mentions of ``zones`` by their stems elsewhere in half-width ``t``, where LAC reads the
    stem as a name word of its own."""
    if not tokens:
        return []
    stems: dict[str, Mention] = {}
    whole: set[str] = set()  # names with their kind: no test of LAC's tags (稀土/n 高新区/n)
    for z in zones:
        rest = _without_place(z.text, rules)
        if rest is not None and len(rest) >= 4 and rest not in stems:
            stems[rest] = z
            whole.add(rest)
        stem = stem_of(z.text, rules)
        place = rules.places.get(stem or "")
        if stem is None or not 2 <= len(stem) <= 4 or (place is not None and place.level in _ADMIN_LEVELS) \
                or _is_generic(stem, lexicon_re(rules)) or z.attrs.get("opened_by") == "lac_place":
            # (a zone named by a place only LAC knows: that word alone is the place, 上合 of 上合组织)
            continue
        stems.setdefault(stem, z)
        # the name without its kind too, its place kept (天津东疆 … 管委会)
        head = _KIND_END.sub("", z.text)
        if head != stem:
            stems.setdefault(head, z)
    if not stems:
        return []
    words = sorted(tokens)
    starts = [w[0] for w in words]
    ends = {w[1] for w in words}
    taken = bytearray(len(t))
    for z in zones:
        taken[z.start : z.end] = b"\x01" * (z.end - z.start)
    out: list[Mention] = []
    for name, z in sorted(stems.items(), key=lambda x: -len(x[0])):  # (a stem or a head: 东疆, 天津东疆)
        for hit in re.finditer(re.escape(name), t):
            s, e = hit.span()
            if any(taken[s:e]):
                continue
            k = bisect_left(starts, s)
            admin = t.startswith(ADMIN_WORDS, e)  # (a zone's body names the zone: 天津东疆管委会/ORG)
            if k >= len(words) or starts[k] != s or (e not in ends and not admin):
                continue  # not words of their own
            if not admin and name not in whole:
                # a name of up to four characters is one name word of LAC's; a longer head starts with one
                if (len(name) <= 4 and words[k][:2] != (s, e)) or words[k][2] not in _NAME_TAGS:
                    continue
                if z.attrs.get("zone_type") == "park" and words[k][2] != "LOC":
                    continue  # a park named after its company (苏科高新产业园): the name alone is the company
                if e < len(t) and t[e] in NOT_AFTER_STEM:
                    continue
                j = bisect_left(starts, e)
                if j < len(words) and words[j][2] not in _AFTER_TAGS:
                    continue  # a noun after it: the stem opens another name (天府总部商务区, 粤海银瓶…)
            out.append(replace(z, start=s, end=e, text=name, source="zone_stem", norm=z.norm))
            taken[s:e] = b"\x01" * (e - s)
    return out
