"""An annotated Doc -> rows of the articles, entities, facts and roles tables."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any

from pipeline.ingest.article import Article
from pipeline.mentions import Mention, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc


def article_row(article: Article) -> dict[str, Any]:
    return {
        "article_id": article.article_id,
        "source": article.source,
        "seq": article.seq,
        "title": article.title,
        "date": article.date,
        "authors": list(article.authors),
        "text": article.text,
        "n_chars": len(article.text),
        "blocks": [{"kind": b.kind, "start": b.start, "end": b.end} for b in article.blocks],
        "content_hash": article.content_hash,
    }


def final_mentions(doc: Doc) -> list[Mention | Quantity]:
    """All mentions, one label never overlapping itself (the longest wins, then the first)."""
    pool: list[Mention | Quantity] = list(doc._.mentions or []) + list(doc._.quantities or [])
    kept: list[Mention | Quantity] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in sorted(pool, key=lambda m: (-(m.end - m.start), m.start)):
        same = spans.setdefault(m.label, [])
        if any(s < m.end and m.start < e for s, e in same):
            continue
        same.append((m.start, m.end))
        kept.append(m)
    kept.sort(key=lambda m: (m.start, m.end, m.label))
    return kept


def entity_rows(doc: Doc, article_id: str) -> list[dict[str, Any]]:
    starts = [s for s, _ in doc._.sentences]
    rows = []
    for m in final_mentions(doc):
        norm = m.norm if isinstance(m, Mention) else _quantity_norm(m)
        rows.append({
            "article_id": article_id,
            "label": m.label,
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "sentence": max(0, bisect_right(starts, m.start) - 1),
            "norm": norm,
            "entity_id": _entity_id(m) if isinstance(m, Mention) else None,
            "source": m.source,
        })
    return rows


def fact_rows(doc: Doc, article_id: str) -> list[dict[str, Any]]:
    """fact_id is "{article_id}:{start}-{end}"; `restates` names the repeated fact by it."""
    return [{"article_id": article_id, "fact_id": f"{article_id}:{f['start']}-{f['end']}", **f,
             "restates": f"{article_id}:{f['restates']}" if f.get("restates") else None}
            for f in (doc._.facts or [])]


def role_rows(doc: Doc, article_id: str) -> list[dict[str, Any]]:
    rows, seen = [], set()
    for m in doc._.mentions or []:
        if m.label != "PERSON" or not (m.attrs.get("role") or m.attrs.get("org")):
            continue
        key = (m.text, m.attrs.get("role"), m.attrs.get("org"))
        if key not in seen:
            seen.add(key)
            rows.append({"article_id": article_id, "person": m.text,
                         "role": m.attrs.get("role"), "org": m.attrs.get("org")})
    return rows


def _entity_id(m: Mention) -> str | None:
    if m.label in ("DATE",):
        return None
    return m.attrs.get("entity_id") or f"{m.label}:{m.attrs.get('zone_id') or m.norm or m.text}"


def _quantity_norm(q: Quantity) -> str:
    value = f"{q.value:g}" if q.value_high is None else f"{q.value:g}-{q.value_high:g}"
    per = f"/{q.per}" if q.per else ""
    return f"{value} {q.unit}{per} {q.approx}"
