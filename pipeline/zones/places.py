"""GPE: provinces, cities, counties and districts.

Precision before recall: names with their administrative suffix at any level, bare
names only for provinces, prefecture cities and a few regions (长三角).  A place that
is the name prefix of a zone (衡阳 in 衡阳高新区) is part of the zone, not a GPE.
"""

from __future__ import annotations

from pipeline.mentions import Mention
from pipeline.zones.rules import ZoneRules

# A bare city name followed by these is an institution or street named after the city.
_NOT_AFTER = ("大学", "路", "街", "大道", "号", "学院")


def find_gpe(t: str, rules: ZoneRules, zones: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    zi = 0
    for s, e in rules.gpe_words.finditer(t):
        while zi < len(zones) and zones[zi].end <= s:
            zi += 1
        if zi < len(zones) and zones[zi].start < e:
            continue
        name = t[s:e]
        p = rules.places[name]
        if not p.suffixed and (t.startswith(_NOT_AFTER, e) or p.full.endswith("地区")):
            continue  # 阿里(地区) is far more often 阿里巴巴
        out.append(Mention("GPE", s, e, name, "gpe_gazetteer" if not p.suffixed else "gpe_suffix",
                           norm=p.full, attrs={"province": p.province, "level": p.level}))
    return out
