"""The zone and place data, loaded and compiled once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.zones.words import WordSet

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"

# Administrative endings: a place written with one of them is a GPE in its own right.
ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "县", "区", "旗", "盟")


_RANK = {"province": 0, "prefecture": 1, "region": 2, "county": 3, "zone_stem": 4}


@dataclass(frozen=True)
class Place:
    name: str          # as written in the text
    full: str          # with its administrative suffix
    level: str         # province | prefecture | county | region | zone_stem (燕郊 of 燕郊高新区)
    province: str
    suffixed: bool     # the surface carries the administrative suffix


@dataclass
class ZoneRules:
    zones: dict[str, dict]          # zone_id -> record
    by_surface: dict[str, str]      # half-width surface -> zone_id
    surface_words: WordSet          # the surfaces, to find in a text
    places: dict[str, Place]        # surface -> place (with and without suffix)
    place_words: WordSet            # every place surface, for zone prefixes
    gpe_words: WordSet              # the subset precise enough to tag as GPE


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _gpe_worthy(p: Place) -> bool:
    """Precision first: full names, and bare names only for provinces and prefectures."""
    if p.level == "region":
        return True
    if p.level == "zone_stem":
        return False
    if p.suffixed:
        # 城区, 郊区, 矿区 are words before they are districts; 浦东新区 is tagged as a zone.
        return len(p.name) >= 3 and not p.name.endswith("新区")
    return p.level in ("province", "prefecture") and len(p.name) >= 2


@lru_cache(maxsize=4)
def load_zone_rules(path: str | Path | None = None) -> ZoneRules:
    """Load rules/zones.jsonl and rules/zone_places.jsonl (or those in ``path``)."""
    base = Path(path) if path else RULES_DIR
    if base.is_file():
        base = base.parent
    zones: dict[str, dict] = {}
    by_surface: dict[str, str] = {}
    for row in _read_jsonl(base / "zones.jsonl"):
        zones[row["zone_id"]] = row
        for s in row["surfaces"]:
            by_surface.setdefault(s, row["zone_id"])
    places: dict[str, Place] = {}
    for row in _read_jsonl(base / "zone_places.jsonl"):
        rank = _RANK[row["level"]]
        # The full name carries its suffix (横县, 衡阳市); the short form does not (衡阳).
        cands = [(row["name"], row["level"] not in ("region", "zone_stem") and row["name"] != row.get("short"))]
        if row.get("short") and row["short"] != row["name"]:
            cands.append((row["short"], False))
        for surface, suffixed in cands:
            old = places.get(surface)
            old_rank = _RANK[old.level] if old else 9
            if rank < old_rank:
                places[surface] = Place(surface, row["name"], row["level"], row["province"] or row["name"],
                                        suffixed)
    return ZoneRules(
        zones=zones,
        by_surface=by_surface,
        surface_words=WordSet(by_surface),
        places=places,
        place_words=WordSet(places),
        gpe_words=WordSet(s for s, p in places.items() if _gpe_worthy(p)),
    )
