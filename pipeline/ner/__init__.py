"""Organisations and people in running text: LAC tags plus rules over its tokens."""

from __future__ import annotations

from typing import Sequence

from pipeline.mentions import Mention
from pipeline.textnorm import to_halfwidth

from . import orgs, people
from .lac import LacTagger
from .lists import coordinated_orgs

__all__ = ["LacTagger", "find_orgs_and_people", "default_tagger"]

_TAGGER: LacTagger | None = None

# Rule sources win over the tagger on overlap; among equals the longer span wins.
_PRIORITY = {"org_suffix": 3, "org_short": 2, "org_list": 2, "lac": 1}


def default_tagger() -> LacTagger:
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = LacTagger()
    return _TAGGER


def find_orgs_and_people(
    text: str,
    *,
    tagger: LacTagger | None = None,
    zones: Sequence[Mention] = (),
    tokens: Sequence[tuple[int, int, str]] | None = None,
) -> list[Mention]:
    """ORG and PERSON mentions in ``text``; ``tokens`` lets a caller pass LAC output
    it already computed (``LacTagger.tag_many`` over many articles is faster)."""
    h = to_halfwidth(text)
    toks = list(tokens) if tokens is not None else (tagger or default_tagger()).tag(h)
    toks = [t for t in toks if not h[t[0] : t[1]].isspace()]

    cands = orgs.lac_orgs(h, toks) + orgs.suffix_orgs(h, toks) + orgs.short_name_orgs(h, toks)
    org_spans = _resolve(h, cands, zones)
    org_spans += _resolve(h, coordinated_orgs(h, toks, org_spans), zones, taken=org_spans)

    org_spans += _propagate(h, toks, org_spans)
    out: list[Mention] = [
        Mention("ORG", s, e, text[s:e], src, norm=h[s:e]) for s, e, src in sorted(org_spans)
    ]

    taken = [(s, e) for s, e, _ in org_spans]
    found: dict[tuple[int, int], Mention] = {}
    for s, e, rs in people.titled_people(h, toks):
        if _overlaps(s, e, taken):
            continue
        attrs = {"role": h[rs:s]}
        org = next((m for m in out if m.end == rs or (m.end < rs and h[m.end:rs] in _SUBUNIT_SET())), None)
        if org is not None:
            attrs["org"] = org.text
        found[(s, e)] = Mention("PERSON", s, e, text[s:e], "person_title", norm=h[s:e], attrs=attrs)
    for s, e in people.lac_people(h, toks):
        if (s, e) in found or _overlaps(s, e, taken) or _overlaps(s, e, list(found)):
            continue
        found[(s, e)] = Mention("PERSON", s, e, text[s:e], "lac", norm=h[s:e])
    out.extend(found.values())
    out.sort(key=lambda m: (m.start, m.label))
    return out


def _SUBUNIT_SET() -> set[str]:
    from . import lexicon

    return set(lexicon.subunits())


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, ...]]) -> bool:
    return any(s < b and a < e for a, b, *_ in spans)


def _resolve(
    h: str,
    cands: list[tuple[int, int, str]],
    zones: Sequence[Mention],
    taken: Sequence[tuple[int, int, str]] = (),
) -> list[tuple[int, int, str]]:
    """Clean candidates, then keep a non-overlapping set: rules first, longer first."""
    cleaned = []
    zone_spans = {(z.start, z.end) for z in zones}
    for s, e, src in cands:
        # a name never spans a line break (page furniture, captions, cut paragraphs)
        s = max(s, h.rfind("\n", s, e) + 1)
        s, e = orgs.strip_subunit(h, s, e)
        name = h[s:e]
        if e - s < 2 or orgs.is_generic(name) or orgs.is_zone(name):
            continue
        if (s, e) in zone_spans or any(z.start <= s and e <= z.end for z in zones):
            continue
        cleaned.append((s, e, src))
    cleaned.sort(key=lambda c: (-_PRIORITY.get(c[2], 0), -(c[1] - c[0]), c[0]))
    kept: list[tuple[int, int, str]] = []
    for c in cleaned:
        if not _overlaps(c[0], c[1], kept) and not _overlaps(c[0], c[1], taken):
            kept.append(c)
    return kept


def _propagate(h: str, toks: Sequence[tuple[int, int, str]], org_spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One name, one label per article: a PER/nz token equal to a found ORG name, or to
    its head before an industry or type word (胜华 for 胜华科技), is that ORG too."""
    from . import lexicon

    names = {h[s:e] for s, e, _ in org_spans}
    heads = set()
    for n in names:
        for w in lexicon.industry_words() + lexicon.org_suffixes():
            if n.endswith(w) and len(n) - len(w) >= 2:
                heads.add(n[: -len(w)])
                break
    out = []
    for s, e, tag in toks:
        if tag in ("PER", "nz", "ORG", "n") and (h[s:e] in names or (tag in ("PER", "nz") and h[s:e] in heads)):
            if not _overlaps(s, e, org_spans):
                out.append((s, e, "org_propagated"))
    return out
