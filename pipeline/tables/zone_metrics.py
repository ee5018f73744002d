"""One row per zone x metric x period x measure x unit: the facts of all articles about a
zone consolidated, with how many facts and articles stand behind a figure and whether
they disagree.

Built from the facts and entities rows of a run (the run keeps only the ZONE mentions
and the facts about a zone, a small share of the rows). It reads the facts columns of
ANNOTATION.md and uses the newer ones where a row has them:
- zone: `zone_id`, else `subject_id` (`ZONE:<zone id>` or an entity_id), else the
  `subject` text matched to the article's ZONE mentions (text or norm);
- metric: `metric_key`, else `metric`;
- period: `period_start`/`period_end`, else `period` (a bare year gives its dates);
- `measure` when present, else null;
- a restatement (`restates` set) counts once: only the fact it repeats is counted.
  Without that column, equal values of one group in one article count once (the title
  and the body giving 千家 twice).
Units are never mixed: CNY and USD of one metric are two rows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from pipeline.tables.zones import zone_rows

REL_TOL = 1e-6
YEAR = re.compile(r"^(\d{4})年?$")


def fact_id(f: dict[str, Any]) -> str:
    """The fact's id: its own `fact_id`, else `{article_id}:{start}-{end}` (the contract's form)."""
    return f.get("fact_id") or f"{f['article_id']}:{f['start']}-{f['end']}"


_FACT_KEYS = ("fact_id", "article_id", "start", "value", "unit", "per", "approx", "subject", "subject_id",
              "subject_label", "zone_id", "metric", "metric_key", "measure", "period", "period_start",
              "period_end", "restates")


class ZoneTables:
    """Collects a run's ZONE mentions and facts; `rows()` gives the zones and zone_metrics tables."""

    def __init__(self) -> None:
        self.mentions: list[dict[str, Any]] = []
        self.facts: list[dict[str, Any]] = []

    def add(self, entities: Iterable[dict[str, Any]], facts: Iterable[dict[str, Any]]) -> None:
        mentions = [m for m in entities if m.get("label") == "ZONE"]
        self.mentions.extend(mentions)
        # only what zone_metrics reads: a fact's sentence and text stay out of the run-long list
        self.facts.extend({k: f.get(k) for k in _FACT_KEYS} for f in facts
                          if f.get("zone_id") or f.get("subject_label") == "ZONE")  # what _zone_resolver can place

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        return {"zones": zone_rows(self.mentions),
                "zone_metrics": zone_metric_rows(self.facts, self.mentions)}


def zone_metric_rows(facts: Iterable[dict[str, Any]], zone_mentions: Iterable[dict[str, Any]]
                     ) -> list[dict[str, Any]]:
    resolve = _zone_resolver(zone_mentions)
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for f in facts:
        if f.get("restates"):
            continue
        zid = resolve(f)
        metric = f.get("metric_key") or f.get("metric")
        if zid is None or not metric:
            continue
        start, end = _period_dates(f)
        unit = f["unit"] + (f"/{f['per']}" if f.get("per") else "")
        key = (zid, metric, start, end, None if start else f.get("period"), f.get("measure"), unit)
        groups[key].append(f)
    rows = []
    for (zid, metric, start, end, _, measure, unit), fs in sorted(groups.items(), key=lambda kv: _sort_key(kv[0])):
        fs = _once_per_article(fs)
        values = [f["value"] for f in fs]
        lo, hi = min(values), max(values)
        rows.append({
            "zone_id": zid, "metric_key": metric,
            "period": next((f.get("period") for f in fs if f.get("period")), None),
            "period_start": start, "period_end": end, "measure": measure, "unit": unit,
            "value": _consensus(fs), "value_min": lo, "value_max": hi, "spread": hi - lo,
            "conflict": not _close(lo, hi),
            "n_facts": len(fs), "n_articles": len({f["article_id"] for f in fs}),
            "fact_ids": [fact_id(f) for f in fs],
            "article_ids": sorted({f["article_id"] for f in fs}),
        })
    return rows


def _zone_resolver(zone_mentions: Iterable[dict[str, Any]]):
    by_text: dict[tuple[str, str], str] = {}
    by_entity: dict[str, str] = {}
    for m in zone_mentions:
        zid = m.get("zone_id")
        if not zid:
            continue
        for name in (m.get("text"), m.get("norm")):
            if name:
                by_text.setdefault((m["article_id"], name), zid)
        if m.get("entity_id"):
            by_entity.setdefault(m["entity_id"], zid)

    def resolve(f: dict[str, Any]) -> str | None:
        if f.get("zone_id"):
            return f["zone_id"]
        sid = f.get("subject_id")
        if sid:
            return by_entity.get(sid) or by_entity.get(sid.removeprefix("ZONE:")) or (
                sid.removeprefix("ZONE:") if sid.startswith("ZONE:") else None)
        if f.get("subject_label") == "ZONE" and f.get("subject"):
            return by_text.get((f["article_id"], f["subject"]))
        return None

    return resolve


def _period_dates(f: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    if f.get("period_start") is not None:
        return _date(f["period_start"]), _date(f.get("period_end"))
    m = YEAR.match(f.get("period") or "")
    if m:
        y = int(m.group(1))
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    return None, None


def _date(v: Any) -> dt.date | None:
    """A date32 value: rows may carry a date, a datetime or an ISO string."""
    if v is None or isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    if isinstance(v, dt.datetime):
        return v.date()
    return dt.date.fromisoformat(str(v)[:10])


def _once_per_article(fs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One fact per article and value (a figure repeated in one article is one statement)."""
    seen, out = set(), []
    for f in sorted(fs, key=lambda f: (f["article_id"], f["start"])):
        key = (f["article_id"], round(f["value"], 6))
        if f.get("restates") is None and "restates" in f:
            key = (fact_id(f),)  # the facts stage marks restatements itself
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _consensus(fs: list[dict[str, Any]]) -> float:
    """The value most articles give; on a tie an exact figure beats an approximate one,
    then the larger."""
    votes: dict[float, list] = {}
    for f in fs:
        v = votes.setdefault(f["value"], [set(), 0])
        v[0].add(f["article_id"])
        v[1] = max(v[1], f.get("approx") == "exact")
    return max(votes, key=lambda v: (len(votes[v][0]), votes[v][1], v))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1.0)


def _sort_key(key: tuple) -> list:
    return [("" if k is None else str(k)) for k in key]
