"""Zones as a dimension: the listed zones of rules/zones.jsonl, plus the zones a run found
in its text that no list holds (parks, 示范区 named by their suffix), each tied to the zone
it belongs to where the text or the list says so.

The table is rebuilt by every run from the rules and the run's ZONE mentions, so its
`zone_id`s are exactly those of `entities.zone_id`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"

# Kinds that sit inside another zone: a park (中关村海淀园, 合肥高新区新经济产业园) and a 片区
# of a free-trade zone.
CHILD_KINDS = ("park", "ftz_area")


def listed_zones(rules_dir: Path = RULES_DIR) -> list[dict[str, Any]]:
    """One row per record of rules/zones.jsonl; a 片区's parent is its free-trade zone."""
    rows = []
    for line in (rules_dir / "zones.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        z = json.loads(line)
        parent = f"ftz:{z['ftz']}" if z.get("ftz") else None
        rows.append({"zone_id": z["zone_id"], "name": z["name"], "kind": z["zone_type"],
                     "level": z.get("level"), "province": z.get("province"), "city": z.get("city"),
                     "parent_zone_id": parent, "source": "list"})
    return rows


def zone_rows(zone_mentions: Iterable[dict[str, Any]], rules_dir: Path = RULES_DIR) -> list[dict[str, Any]]:
    """The zones table: listed zones, then the unlisted zone_ids among `zone_mentions`
    (entity rows of label ZONE with article_id, start, end, norm, zone_id).

    An unlisted zone's parent is the listed zone written right before it (合肥高新区 in
    合肥高新区新经济产业园), the one most often so written across the run, else the
    listed zone its own name starts with (中关村海淀园); its province and city are the
    parent's."""
    listed = listed_zones(rules_dir)
    by_id = {r["zone_id"]: r for r in listed}
    surfaces = _surfaces(rules_dir)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for m in zone_mentions:
        if m.get("zone_id"):
            by_article[m["article_id"]].append(m)
    names: dict[str, str] = {}
    parents: dict[str, Counter] = defaultdict(Counter)
    for mentions in by_article.values():
        ends = {m["end"]: m["zone_id"] for m in mentions if m["zone_id"] in by_id}
        for m in mentions:
            zid = m["zone_id"]
            if zid in by_id:
                continue
            names.setdefault(zid, m.get("norm") or m.get("text") or zid.split(":", 1)[-1])
            parent = ends.get(m["start"]) or _prefix_zone(names[zid], surfaces)
            parents[zid][parent] += 0 if parent is None else 1
    found = []
    for zid in sorted(names):
        parent = None
        if parents[zid]:
            parent, n = parents[zid].most_common(1)[0]
            parent = parent if n else None
        p = by_id.get(parent or "", {})
        found.append({"zone_id": zid, "name": names[zid], "kind": zid.split(":", 1)[0] if ":" in zid else "zone",
                      "level": None, "province": p.get("province"), "city": p.get("city"),
                      "parent_zone_id": parent, "source": "text"})
    return listed + found


def _surfaces(rules_dir: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (rules_dir / "zones.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            z = json.loads(line)
            for s in z["surfaces"]:
                out.setdefault(s, z["zone_id"])
    return out


def _prefix_zone(name: str, surfaces: dict[str, str]) -> str | None:
    """The listed zone whose longest surface opens `name` and leaves something after it."""
    for n in range(len(name) - 1, 1, -1):
        zid = surfaces.get(name[:n])
        if zid:
            return zid
    return None
