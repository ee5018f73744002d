"""An annotated Doc -> rows of the articles, entities, facts and roles tables."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

from pipeline.ingest.article import Article
from pipeline.mentions import Mention, Quantity, role_start
from pipeline.script import script_of

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
        "script": script_of(article.text),
    }


def final_mentions(doc: Doc) -> list[Mention | Quantity]:
    """All mentions, one label never overlapping itself (the longest wins, then the first)."""
    pool: list[Mention | Quantity] = list(doc._.mentions or []) + list(doc._.quantities or [])
    kept: list[Mention | Quantity] = []
    # the kept spans of each label, sorted and disjoint: an overlap is with a neighbour of the
    # insertion point (a pass over all of them was quadratic in an article of many mentions)
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in sorted(pool, key=lambda m: (-(m.end - m.start), m.start)):
        same = spans.setdefault(m.label, [])
        k = bisect_left(same, (m.start, m.end))
        if (k > 0 and same[k - 1][1] > m.start) or (k < len(same) and same[k][0] < m.end):
            continue
        same.insert(k, (m.start, m.end))
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
            # the zones table's key (listed id, or kind:name for a zone found in the text)
            "zone_id": (m.attrs.get("zone_id") or None) if m.label == "ZONE" and isinstance(m, Mention) else None,
        })
    return rows


def fact_rows(doc: Doc, article_id: str) -> list[dict[str, Any]]:
    """fact_id is "{article_id}:{start}-{end}"; `restates` names the repeated fact by it;
    sentence_index is the sentence's index as entities.sentence gives it (facts.sentence is its text)."""
    starts = [s for s, _ in doc._.sentences]
    return [{"article_id": article_id, "fact_id": f"{article_id}:{f['start']}-{f['end']}", **f,
             "restates": f"{article_id}:{f['restates']}" if f.get("restates") else None,
             "sentence_index": max(0, bisect_right(starts, f["start"]) - 1)}
            for f in (doc._.facts or [])]


def role_rows(doc: Doc, article_id: str) -> list[dict[str, Any]]:
    """One row per person and title (党委书记、董事长 gives two), with the title's offsets,
    the person's, the sentence index and the entity ids of person and organisation; a
    person, title and organisation repeated in the article is one row (the first)."""
    text = doc.text
    # a traditional article was read through its simplified mirror (pipeline.script):
    # titles are found in the Doc's text and sliced from the article as written
    written = doc._.article.text if doc._.article is not None else text
    starts = [s for s, _ in doc._.sentences]
    mentions = list(doc._.mentions or [])
    rows, seen = [], set()
    for m in mentions:
        role = m.attrs.get("role")
        if m.label != "PERSON" or not (role or m.attrs.get("org")):
            continue
        rs = role_start(m)
        before = min(rs, m.start)
        org, org_m = m.attrs.get("org"), None
        if org is None and role:
            org_m, org = _org_before(mentions, text, before)
        elif org is not None:
            org_m = next((o for o in reversed(mentions) if o.label in ("ORG", "GPE", "ZONE") and o.end <= before
                          and org in (o.text, o.attrs.get("display"))), None)
        for r_start, r_end in _split_roles(text, rs, rs + len(role)) if role else [(None, None)]:
            title = written[r_start:r_end] if r_start is not None else None
            key = (_entity_id(m), title, org)
            if key in seen:
                continue
            seen.add(key)
            rows.append({"article_id": article_id, "person": m.text, "role": title, "org": org,
                         "start": r_start, "end": r_end, "person_start": m.start, "person_end": m.end,
                         "sentence_index": max(0, bisect_right(starts, m.start) - 1),
                         "person_entity_id": _entity_id(m),
                         "org_entity_id": _entity_id(org_m) if org_m is not None else None})
    return rows


def _split_roles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of each title in text[start:end] (党委书记、董事长 -> two)."""
    out, s = [], start
    for i in range(start, end + 1):
        if i == end or text[i] in "、/和及兼":
            if i > s:
                out.append((s, i))
            s = i + 1
    return out


def _org_before(mentions: list, text: str, rs: int) -> tuple[Any, str | None]:
    """An organisation standing right before a title across one to three words of
    rules/role_org_gaps.txt (惠普中国副总裁 -> 惠普中国; 中信建投首席宏观分析师 -> 中信建投):
    region words join the organisation's name, title qualifiers do not."""
    region, qualifier = _role_org_gaps()
    best = None
    for o in mentions:
        if o.label == "ORG" and rs - 12 <= o.end < rs and (best is None or o.end > best.end):
            split = _gap_words(text[o.end:rs], region | qualifier)
            if split is not None and len(split) <= 3:
                best = o
                name_end = o.end + sum(len(w) for w in _leading(split, region))
    if best is None:
        return None, None
    return best, text[best.start:name_end]


def _gap_words(gap: str, words: set[str]) -> list[str] | None:
    """`gap` cut into words of `words` (longest first), or None when it cannot be."""
    if not gap:
        return None
    for n in range(min(len(gap), 5), 0, -1):
        if gap[:n] in words:
            if n == len(gap):
                return [gap]
            rest = _gap_words(gap[n:], words)
            if rest is not None:
                return [gap[:n], *rest]
    return None


def _leading(split: list[str], region: set[str]) -> list[str]:
    out = []
    for w in split:
        if w not in region:
            break
        out.append(w)
    return out


_GAPS: tuple[set[str], set[str]] | None = None


def _role_org_gaps() -> tuple[set[str], set[str]]:
    """(region words, title qualifiers) of rules/role_org_gaps.txt."""
    global _GAPS
    if _GAPS is None:
        from pathlib import Path

        path = Path(__file__).resolve().parents[1] / "rules" / "role_org_gaps.txt"
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.startswith("#")]
        _GAPS = ({ln for ln in lines if not ln.startswith("+")}, {ln[1:] for ln in lines if ln.startswith("+")})
    return _GAPS


def _entity_id(m: Mention) -> str | None:
    if m.label in ("DATE",):
        return None
    return m.attrs.get("entity_id") or f"{m.label}:{m.attrs.get('zone_id') or m.norm or m.text}"


def _quantity_norm(q: Quantity) -> str:
    value = f"{q.value:g}" if q.value_high is None else f"{q.value:g}-{q.value_high:g}"
    per = f"/{q.per}" if q.per else ""
    return f"{value} {q.unit}{per} {q.approx}"
