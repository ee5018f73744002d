"""ZONE and GPE mentions: listed zones, zones named by a kind word, and places.

    find_zones(text) -> [Mention(label="ZONE", ...)]
    find_places(text) -> [Mention(label="GPE", ...)]
    find_zones_and_places(text) -> (zones, places), the zones found once for both
    prepare() -> the rules loaded and compiled now, not on the first text

Matching runs on ``to_halfwidth(text)`` (same length, so offsets hold for ``text``);
mention texts are cut from the original ``text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.mentions import Mention
from pipeline.textnorm import to_halfwidth
from pipeline.zones.gazetteer import find_listed
from pipeline.zones.places import find_gpe
from pipeline.zones.rules import ZoneRules, load_zone_rules
from pipeline.zones.stems import zone_stems
from pipeline.zones.suffix import find_unlisted, lexicon_re

Tokens = Sequence[tuple[int, int, str]]

__all__ = ["find_zones", "find_places", "find_zones_and_places", "prepare", "load_zone_rules", "ZoneRules"]


def prepare() -> None:
    """Load and compile what the finders use now, not on the first text: a pipeline
    loaded before workers are forked hands it to all of them."""
    lexicon_re(load_zone_rules())


def _zones_halfwidth(t: str, rules: ZoneRules, tokens: Tokens | None = None) -> list[Mention]:
    listed = find_listed(t, rules)
    unlisted = _joined_by_dash(t, find_unlisted(t, rules, listed, tokens), rules)
    zones = _areas_of_listed_zones(t, sorted(listed + unlisted, key=lambda m: m.start))
    return sorted(zones + zone_stems(t, zones, tokens or (), rules), key=lambda m: m.start)


_DASHES = "—–-"


def _joined_by_dash(t: str, zones: list[Mention], rules: ZoneRules) -> list[Mention]:
    """中国—上海合作组织地方经贸合作示范区, 滨海—中关村科技园: a place and a single dash before a zone's
    name join two partners in it (a double dash, ——, sets off an apposition: 新区——某某产业园)."""
    out = []
    for m in zones:
        s = m.start
        if s >= 3 and t[s - 1] in _DASHES and t[s - 2] not in _DASHES:
            k = next((k for k in (4, 3, 2) if s - 1 - k >= 0 and (t[s - 1 - k : s - 1] in rules.places
                                                                  or t[s - 1 - k : s - 1] == "中国")), None)
            if k is not None:
                s -= k + 1
                name = t[s : m.end]
                # (the partners name the zone, not the place its second name opens with: 上海 of 上海合作组织)
                attrs = {**m.attrs, "zone_id": f"{m.attrs.get('zone_type', 'zone')}:{name}", "province": None}
                m = replace(m, start=s, text=name, norm=name, attrs=attrs)
        out.append(m)
    return out


def _areas_of_listed_zones(t: str, zones: list[Mention]) -> list[Mention]:
    """A free-trade zone the lists know and the 片区 the text names right after it are one
    zone (天津自贸试验区 + 东疆片区, as ANNOTATION's 中国(安徽)自由贸易试验区合肥片区 and the
    areas the lists know whole); its canonical name is the zone's with the area's."""
    out: list[Mention] = []
    for m in zones:
        prev = out[-1] if out else None
        if prev is not None and prev.end == m.start and prev.attrs.get("zone_type") == "ftz" \
                and m.attrs.get("zone_type") == "ftz_area" and m.source == "zone_suffix":
            norm = prev.norm + m.text
            out[-1] = replace(m, start=prev.start, text=t[prev.start : m.end], norm=norm,
                              attrs={**m.attrs, "province": prev.attrs.get("province"), "zone_id": f"ftz_area:{norm}"})
            continue
        out.append(m)
    return out


def _restore(text: str, mentions: list[Mention]) -> list[Mention]:
    return [replace(m, text=text[m.start:m.end]) for m in mentions]


def find_zones(text: str, tokens: Tokens | None = None) -> list[Mention]:
    """ZONE mentions of ``text``, non-overlapping, in text order; ``tokens``: LAC's
    words of the text, where the caller has them (see suffix.find_unlisted)."""
    rules = load_zone_rules()
    return _restore(text, _zones_halfwidth(to_halfwidth(text), rules, tokens))


def find_places(text: str) -> list[Mention]:
    """GPE mentions of ``text`` outside zone names, non-overlapping, in text order."""
    return find_zones_and_places(text)[1]


def find_zones_and_places(text: str, tokens: Tokens | None = None) -> tuple[list[Mention], list[Mention]]:
    """``(find_zones(text, tokens), find_places(text))``, finding the zones only once:
    places are looked for outside them."""
    rules = load_zone_rules()
    t = to_halfwidth(text)
    zones = _zones_halfwidth(t, rules, tokens)
    return _restore(text, zones), _restore(text, find_gpe(t, rules, zones))
