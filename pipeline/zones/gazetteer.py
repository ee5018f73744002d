"""Listed zones: every surface of the official lists, matched in one pass."""

from __future__ import annotations

import re

from pipeline.mentions import Mention
from pipeline.zones.rules import ZoneRules

KIND_AT_END = re.compile(r"(区|园|城|港)$")

# A park of a multi-park zone is written as the zone, a place and 园 (中关村海淀园,
# 中关村科技园区海淀园, 张江高新区嘉定园): the 一区多园 pattern.
SUB_PARK_END = re.compile(r"(分园|园区|园)(?![林艺])")


def _extend_left(t: str, start: int, rules: ZoneRules) -> int:
    """Take in a bare province or city name written right before the zone (湖南衡阳高新区).

    Without its 省/市 the place is part of the zone's name; with it, it is a GPE of its
    own and stays out.  Counties are not taken: a bare county name before a zone is
    more often the end of some other word.
    """
    while True:
        for n in (3, 2, 4):
            if start - n < 0:
                continue
            p = rules.places.get(t[start - n:start])
            if p and not p.suffixed and p.level in ("province", "prefecture"):
                start -= n
                break
        else:
            return start


def _crosses_place(t: str, start: int, rules: ZoneRules) -> bool:
    """A place name runs across ``start`` (上海泰阳: 上海 swallows the 海 of 海泰)."""
    for k in (1, 2, 3):
        for n in range(k + 1, k + 4):
            if start - k >= 0 and t[start - k:start - k + n] in rules.places:
                return True
    return False


def find_listed(t: str, rules: ZoneRules) -> list[Mention]:
    """Listed zones in half-width text ``t``; offsets index ``t``, texts are ``t``'s."""
    out: list[Mention] = []
    for m_start, m_end in rules.surface_words.finditer(t):
        surface = t[m_start:m_end]
        zid = rules.by_surface[surface]
        zone = rules.zones[zid]
        # A listed name without a kind word (海泰, 光谷) is trusted only where it does not
        # start in the middle of another name.
        if not KIND_AT_END.search(surface) and _crosses_place(t, m_start, rules):
            continue
        start = _extend_left(t, m_start, rules)
        if out and start < out[-1].end:
            start = m_start
        source = "zone_gazetteer" if surface == zone["name"] else "zone_alias"
        end = _sub_park_end(t, m_end, rules)
        if end:
            park = t[start:end]
            out.append(Mention("ZONE", start, end, park, "zone_sub_park", norm=park,
                               attrs={"province": zone.get("province"), "zone_id": f"park:{park}",
                                      "zone_type": "park", "parent_zone": zid}))
            continue
        out.append(Mention("ZONE", start, m_end, t[start:m_end], source, norm=zone["name"],
                           attrs={"province": zone.get("province"), "zone_id": zid,
                                  "zone_type": zone["zone_type"]}))
    return out


def _sub_park_end(t: str, end: int, rules: ZoneRules) -> int | None:
    """End of ``place + 园`` right after a listed zone ending at ``end``, else None."""
    place_end = rules.place_words.match(t, end)
    if place_end is None or rules.places[t[end:place_end]].suffixed:
        return None
    k = SUB_PARK_END.match(t, place_end)
    return k.end() if k else None
