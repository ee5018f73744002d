"""`pipeline report --out DIR`: one self-contained HTML file over a run's tables.

Per zone its consolidated figures (zone_metrics) with a small inline-SVG chart for each
metric stated for two or more periods, and its facts; per article its text with the
mentions highlighted in displaCy's span style, and its facts; the errors; the run's
metadata. No script, font or style sheet is fetched: it opens offline.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

COLORS = {"ZONE": "#f4c542", "ORG": "#7aecec", "PERSON": "#aa9cfc", "GPE": "#feca74", "MONEY": "#e4e7d2",
          "PERCENT": "#c2f0c2", "COUNT": "#ffb3b3", "DATE": "#bfe1d9"}
FACT_COLUMNS = ["surface", "kind", "value", "unit", "approx", "subject", "metric", "period", "measure"]
STYLE = """
body{font-family:sans-serif;margin:2em;max-width:70em}
table{border-collapse:collapse;margin:.5em 0 1.5em}
td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%;text-align:left;vertical-align:top}
th{background:#f3f3f3} h2{border-bottom:2px solid #444;margin-top:2em} .conflict{color:#b00}
section.article,section.zone{margin-bottom:2em} .meta td{font-family:monospace}
"""


def _read(out: Path, table: str) -> list[dict[str, Any]]:
    path = out / f"{table}.parquet"
    if not path.exists():
        path = out / table  # dataset layout
    if not path.exists():
        return []
    return pq.read_table(path).to_pylist()


def _metadata(out: Path) -> dict[str, str]:
    path = out / "articles.parquet"
    if not path.exists():
        path = next((out / "articles").glob("*.parquet"), path)
    meta = pq.read_schema(path).metadata or {}
    return {k.decode(): v.decode() for k, v in meta.items()
            if k.startswith(b"hitech_ie.") and k != b"hitech_ie.table"}


def _table(rows: list[dict[str, Any]], columns: list[str], css: str = "") -> str:
    if not rows:
        return "<p><em>none</em></p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for r in rows:
        cls = ' class="conflict"' if r.get("conflict") else ""
        cells = "".join(f"<td>{html.escape(_fmt(r.get(c)))}</td>" for c in columns)
        body.append(f"<tr{cls}>{cells}</tr>")
    return f'<table class="{css}"><tr>{head}</tr>{"".join(body)}</table>'


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.6g}" if abs(v) < 1e6 else f"{v:,.0f}"
    if isinstance(v, list):
        return ", ".join(map(str, v))
    return str(v)


def highlighted(text: str, entities: list[dict[str, Any]], start: int = 0, end: int | None = None) -> str:
    """text[start:end] with the mentions inside it in displaCy's span style."""
    from spacy import displacy

    end = len(text) if end is None else end
    inside = [e for e in entities if start <= e["start"] and e["end"] <= end]
    cuts = sorted({start, end, *(e["start"] for e in inside), *(e["end"] for e in inside)})
    tokens = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    index = {a: i for i, (a, _) in enumerate(tokens)}
    index_end = {b: i + 1 for i, (_, b) in enumerate(tokens)}
    spans = [{"start_token": index[e["start"]], "end_token": index_end[e["end"]], "label": e["label"]}
             for e in inside if e["end"] > e["start"]]
    doc = {"text": text[start:end], "tokens": [text[a:b] for a, b in tokens], "spans": spans}
    return displacy.render(doc, style="span", manual=True, page=False, options={"colors": COLORS})


def svg_chart(points: list[tuple[str, float]], unit: str, width: int = 360, height: int = 140) -> str:
    """A bar chart of (period, value), inline SVG."""
    top = max(v for _, v in points) or 1.0
    bw = (width - 20) / len(points)
    bars = []
    for i, (label, v) in enumerate(points):
        h = max(1.0, (height - 40) * v / top)
        x = 10 + i * bw
        bars.append(f'<rect x="{x + 4:.1f}" y="{height - 20 - h:.1f}" width="{bw - 8:.1f}" height="{h:.1f}" '
                    f'fill="#4a7fb5"><title>{html.escape(label)}: {_fmt(v)} {html.escape(unit)}</title></rect>'
                    f'<text x="{x + bw / 2:.1f}" y="{height - 6}" font-size="10" text-anchor="middle">'
                    f'{html.escape(label)}</text>'
                    f'<text x="{x + bw / 2:.1f}" y="{height - 24 - h:.1f}" font-size="10" text-anchor="middle">'
                    f'{html.escape(_fmt(v))}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">'
            + "".join(bars) + "</svg>")


def render_report(out: Path | str, max_articles: int = 200) -> str:
    """The report's HTML; the text of the first `max_articles` articles is shown (the
    zones and facts tables cover all of them)."""
    out = Path(out)
    articles = _read(out, "articles")
    entities = _read(out, "entities")
    facts = _read(out, "facts")
    zones = {z["zone_id"]: z for z in _read(out, "zones")}
    metrics = _read(out, "zone_metrics")
    errors = _read(out, "errors")
    ents_by_article: dict[str, list] = defaultdict(list)
    for e in entities:
        ents_by_article[e["article_id"]].append(e)
    facts_by_article: dict[str, list] = defaultdict(list)
    for f in facts:
        facts_by_article[f["article_id"]].append(f)
    fact_by_id = {f.get("fact_id") or f"{f['article_id']}:{f['start']}-{f['end']}": f for f in facts}
    titles = {a["article_id"]: a["title"] for a in articles}

    parts = [f"<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>hitech-zone-ie report"
             f"</title><style>{STYLE}</style></head><body>", "<h1>hitech-zone-ie report</h1>"]
    meta = _metadata(out) if articles else {}
    meta_rows = [{"key": k, "value": v} for k, v in sorted(meta.items())]
    meta_rows += [{"key": "rows", "value": json.dumps(
        {"articles": len(articles), "entities": len(entities), "facts": len(facts), "zones_with_figures":
         len({m["zone_id"] for m in metrics}), "errors": len(errors)})}]
    parts += ['<h2 id="run">Run</h2>', _table(meta_rows, ["key", "value"], "meta")]

    parts.append('<h2 id="zones">Zones</h2>')
    by_zone: dict[str, list] = defaultdict(list)
    for m in metrics:
        by_zone[m["zone_id"]].append(m)
    for zid in sorted(by_zone, key=lambda z: (-sum(m["n_facts"] for m in by_zone[z]), z)):
        z = zones.get(zid, {"name": zid})
        rows = by_zone[zid]
        parent = zones.get(z.get("parent_zone_id") or "", {}).get("name")
        where = " · ".join(x for x in (z.get("kind"), z.get("province"), z.get("city"),
                                       f"in {parent}" if parent else None) if x)
        parts.append(f'<section class="zone" id="zone-{html.escape(zid)}"><h3>{html.escape(z["name"])}</h3>'
                     f"<p>{html.escape(where)}</p>")
        series: dict[tuple, list] = defaultdict(list)
        for m in rows:
            if m["period"]:
                series[(m["metric_key"], m["measure"], m["unit"])].append((m["period"], m["value"]))
        for (metric, measure, unit), points in sorted(series.items(), key=lambda kv: str(kv[0])):
            if len(points) >= 2:
                parts.append(f"<figure><figcaption>{html.escape(metric)} ({html.escape(unit)}"
                             f"{', ' + html.escape(measure) if measure else ''})</figcaption>"
                             f"{svg_chart(sorted(points), unit)}</figure>")
        parts.append(_table(rows, ["metric_key", "period", "measure", "value", "unit", "n_facts", "n_articles",
                                   "conflict", "spread"]))
        zone_facts = [fact_by_id[i] for m in rows for i in m["fact_ids"] if i in fact_by_id]
        for f in zone_facts:
            f["title"] = titles.get(f["article_id"])
        parts.append("<details><summary>facts</summary>" + _table(zone_facts, ["title", *FACT_COLUMNS])
                     + "</details></section>")

    parts.append('<h2 id="articles">Articles</h2>')
    if len(articles) > max_articles:
        parts.append(f"<p>The first {max_articles} of {len(articles)} articles (report --articles N).</p>")
    for a in articles[:max_articles]:
        aid = a["article_id"]
        ents = ents_by_article[aid]
        blocks = a.get("blocks") or [{"start": 0, "end": len(a["text"])}]
        body = "".join(highlighted(a["text"], ents, b["start"], b["end"]) for b in blocks)
        parts.append(f'<section class="article" id="article-{html.escape(aid)}"><h3>{html.escape(a["title"] or aid)}'
                     f"</h3><p>{html.escape(aid)} · {html.escape(a['source'])} · {html.escape(a.get('date') or 'no date')}"
                     f"</p>{body}<h4>Facts</h4>{_table(facts_by_article[aid], FACT_COLUMNS)}</section>")

    parts += ['<h2 id="errors">Errors</h2>', _table(errors, ["file", "line", "article_id", "reason"])]
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(out: Path | str, path: Path | str | None = None, max_articles: int = 200) -> Path:
    target = Path(path) if path else Path(out) / "report.html"
    target.write_text(render_report(out, max_articles), encoding="utf-8")
    return target
