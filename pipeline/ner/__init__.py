"""Organisations and people in running text: LAC tags plus rules over its tokens.

``find_orgs_and_people`` runs the steps in order; each lives in its own module: ``tagging`` (the shared
tagger, words read alone), ``orgs`` (candidates, edges, filters, short forms), ``resolve`` (choosing among
candidates), ``checking`` (the learned checks), ``consistency`` (a name found once, found everywhere),
``people`` (titles, bylines, LAC's person words)."""

from __future__ import annotations

import re
from typing import Sequence

from pipeline.mentions import Mention
from pipeline.textnorm import to_halfwidth

from . import lexicon, list_check, org_check, orgs, people, person_bounds, person_check
from .outlets import outlet_orgs, split_at_datelines, titled_sites
from .teams import team_orgs
from .lac import LacTagger
from .list_check import ListCheck, list_items
from .lists import coordinated_orgs, sector_list_items
from .org_check import OrgCheck, RuleOrgCheck
from .person_bounds import PersonBounds
from .person_check import PersonCheck
from .checking import _check_orgs, _check_people, _check_rule_orgs, _listed_orgs
from .consistency import _people_elsewhere, _propagate
from .resolve import (
    _Spans, _WEAK_ORG_SOURCES, _common_words, _cut_to_known, _extend_to_known, _firm_list_names, _overlaps,
    _places_named_as_orgs, _resolve, _titled_names_are_people, _without_departments,
)
from .tagging import _alone, _alone_tags, default_tagger


__all__ = ["LacTagger", "find_orgs_and_people", "default_tagger"]


def find_orgs_and_people(
    text: str,
    *,
    tagger: LacTagger | None = None,
    zones: Sequence[Mention] = (),
    tokens: Sequence[tuple[int, int, str]] | None = None,
    person_check: PersonCheck | None | str = "default",
    org_check: OrgCheck | None | str = "default",
    list_check: ListCheck | None | str = "default",
    rule_check: RuleOrgCheck | None | str = "default",
    bounds: PersonBounds | None | str = "default",
) -> list[Mention]:
    """ORG and PERSON mentions in ``text``; ``tokens`` lets a caller pass LAC output
    it already computed (``LacTagger.tag_many`` over many articles is faster).
    ``person_check`` decides on the people LAC alone names (pipeline.ner.person_check):
    the shipped model by default, None for none; ``org_check`` likewise on the organisations
    LAC alone names (pipeline.ner.org_check), ``rule_check`` on those only the short-name and
    list rules name (the same module), ``list_check`` on the items of lists of firms nothing
    else names (pipeline.ner.list_check); ``bounds`` moves the edges of LAC's person words
    before any rule reads them (pipeline.ner.person_bounds)."""
    h = people.same_dots(to_halfwidth(text))
    toks = list(tokens) if tokens is not None else (tagger or default_tagger()).tag(h)
    toks = [t for t in toks if not h[t[0] : t[1]].isspace()]
    if bounds == "default":
        bounds = person_bounds.default_bounds()
    if isinstance(bounds, PersonBounds):
        toks = bounds.repair(h, toks, tagger or default_tagger())

    alone = _alone(tagger, [h[s:e] for s, e, tag in toks if tag == "ORG" and e - s == 2])
    cands = (orgs.lac_orgs(h, toks, alone) + orgs.suffix_orgs(h, toks, alone) + orgs.short_name_orgs(h, toks) + outlet_orgs(h)
             + orgs.bodies_before_titles(h, toks) + orgs.bracket_tails(h, toks) + team_orgs(h, toks) + titled_sites(h, toks)
             + orgs.state_bodies(h))
    cands = orgs.split_at_relations(h, toks, split_at_datelines(h, cands))
    common = _common_words(h, cands, alone)
    cands = [c for c in cands if not (c[2] == "lac" and h[c[0] : c[1]] in common)]
    org_spans = _resolve(h, cands, zones, named_places=_places_named_as_orgs(h, toks, cands, alone),
                         tags_alone=_alone_tags(tagger))
    org_spans += _resolve(h, coordinated_orgs(h, toks, org_spans), zones, taken=org_spans)
    org_spans = _firm_list_names(h, toks, org_spans, zones)
    org_spans = _without_departments(h, org_spans)
    # (a list closed by 等产业 lists sectors, whatever LAC or a neighbour made of its items)
    sectors = set(sector_list_items(h, toks))
    org_spans = [c for c in org_spans if not (c[2] in _WEAK_ORG_SOURCES and (c[0], c[1]) in sectors)]
    latin = orgs.latin_orgs(h, org_spans, toks)
    # (a Latin name LAC also read is the rule's, not LAC's alone: 巨头 + LGDisplay/ORG)
    same = {(a, b) for a, b, _ in latin}
    org_spans = [(a, b, "org_latin" if src == "lac" and (a, b) in same else src) for a, b, src in org_spans]
    org_spans += _resolve(h, latin, zones, taken=org_spans)
    org_spans = _extend_to_known(h, orgs.join_bracketed(h, sorted(org_spans), toks))
    org_spans = _cut_to_known(h, org_spans, tagger)
    titled = people.titled_people(h, toks)
    org_spans, demoted = _titled_names_are_people(h, org_spans, titled)
    listed = list_items(h, toks)  # (read once for both checks that use the lists)
    org_spans, judged = _check_rule_orgs(h, toks, org_spans, cands, tagger, rule_check, listed)
    org_spans, unsure = _check_orgs(h, toks, org_spans, tagger, org_check)
    # (a name and an industry word the check dropped names a product or a sector, not a person:
    # 韦尔/PER of 韦尔半导体; a list item it dropped may be one, 黄耀星)
    unsure += [(m.start, m.end) for m in judged if m.source == "org_short"]
    org_spans += _listed_orgs(h, toks, org_spans, [*zones, *judged], titled, tagger, list_check, sectors, listed)

    org_spans = _propagate(h, toks, org_spans, zones)
    org_names = {h[s:e] for s, e, _ in org_spans}
    # (a common word is no one's name either: 焦煤/PER 现在是; nor is a word LAC read as an
    # organisation the check dropped, nor one inside it or holding it: 徐福/ORG of 徐福记,
    # 米久 of 米久株式会社同/ORG)
    unsure_names = {h[s:e] for s, e in unsure}
    # (nor is a name that opens with one LAC read as an organisation: 徐福/ORG 记 … 徐福记/PER)
    lac_org_names = tuple({h[s:e] for s, e, src in org_spans if src in ("lac", "org_propagated") and e - s >= 2})
    not_people = set(org_names) | common | unsure_names
    for n in org_names:
        not_people.update(orgs.name_heads(n))
    inside = list(org_names | unsure_names) + [h[z.start : z.end] for z in zones]
    out: list[Mention] = [
        Mention("ORG", s, e, text[s:e], src, norm=h[s:e]) for s, e, src in sorted(org_spans)
    ]

    taken = _Spans([(s, e) for s, e, _ in org_spans] + unsure)
    found: dict[tuple[int, int], Mention] = {}
    found_spans = _Spans()
    # the organisation before a title: the first (in `out`'s order) ending at the title or a
    # sub-unit word before it, looked up by its end (a pass over every organisation, with the
    # word set built anew for each, was quadratic in an article listing many people)
    subunits = _SUBUNIT_SET()
    longest = max(map(len, subunits), default=0)
    by_end: dict[int, list[int]] = {}
    for i, m in enumerate(out):
        by_end.setdefault(m.end, []).append(i)
    for s, e, rs in titled:
        if _overlaps(s, e, taken):
            continue
        attrs = {"role": h[rs:s]}
        hits = [i for end in range(rs - longest, rs + 1) for i in by_end.get(end, ())
                if end == rs or h[end:rs] in subunits]
        org = out[min(hits)] if hits else None
        if org is not None:
            attrs["org"] = org.text
        found[(s, e)] = Mention("PERSON", s, e, text[s:e], "person_title", norm=h[s:e], attrs=attrs)
        found_spans.add(s, e)
    for s, e, role in people.byline_people(h):
        # (记者 某某): a reporter, whatever LAC read the name as
        if (s, e) not in found and not _overlaps(s, e, taken) and not found_spans.overlaps(s, e):
            found[(s, e)] = Mention("PERSON", s, e, text[s:e], "person_byline", norm=h[s:e], attrs={"role": role})
            found_spans.add(s, e)
    for s, e in demoted:
        # the rest of a titled name's mentions LAC read as an organisation (万隆称…)
        if (s, e) not in found and not _overlaps(s, e, taken) and not found_spans.overlaps(s, e):
            found[(s, e)] = Mention("PERSON", s, e, text[s:e], "person_titled_elsewhere", norm=h[s:e])
            found_spans.add(s, e)
    for s, e in people.lac_people(h, toks):
        if (s, e) in found or _overlaps(s, e, taken) or found_spans.overlaps(s, e):
            continue
        # 胡经理: a title after the name is the person's role as one before it is
        role = people.title_after(h, s, e)
        found[(s, e)] = Mention("PERSON", s, e, text[s:e], "lac", norm=h[s:e],
                                attrs={"role": role, "role_after": True} if role else {})
        found_spans.add(s, e)
    # one label per surface: a name the article uses for an organisation (or inside
    # one, 萨固 in 萨固密集团) is not a person; a name LAC cut short elsewhere in the
    # article (罗清 for 罗清启) takes its full form
    full = {m.norm for m in found.values()}
    for key, m in list(found.items()):
        # (a surname alone, 江 of 江主席, is in many names without being theirs)
        if m.norm in not_people or (len(m.norm) > 1 and any(m.norm in n for n in inside)) or not people.plausible_name(m.norm) \
                or any(u in m.norm for u in unsure_names) or m.norm.startswith(lac_org_names):
            del found[key]
            continue
        longer = next((q for q in full if len(q) > len(m.norm) and q.startswith(m.norm) and h.startswith(q, m.start)), None)
        if longer is not None:
            e = m.start + len(longer)
            if not _overlaps(m.start, e, taken):
                # (a title after the short form is then inside the name: 焦 + 经理 where the
                # article writes 负责人焦经理)
                attrs = {} if m.attrs.get("role_after") else m.attrs
                found[key] = Mention("PERSON", m.start, e, text[m.start : e], m.source, norm=longer, attrs=attrs)
    _cut_glued_third(h, text, found)
    _check_people(h, toks, found, tagger, person_check)
    # (吴先生, 焦经理, 老刘: a surname alone names no one; the checks above still read it, so that
    # the organisation or place it is not stays one)
    # (3,438林吉特, 8.5亿蒲式耳, 美元/蒲式耳: a word right after a figure is its unit, as for organisations)
    out.extend(m for m in found.values() if not people.surname_alone(m.norm) and not orgs.unit_of_figure(h, m.start))
    others = [(s, e) for s, e, _ in org_spans] + [(z.start, z.end) for z in zones]
    out.extend(_people_elsewhere(h, text, toks, list(found.values()), others))
    out.extend(_latin_surnames(h, text, [m for m in out if m.label == "PERSON"], others))
    out.sort(key=lambda m: (m.start, m.label))
    return out


_LATIN_WORD = re.compile(r"(?<![A-Za-z\-'])[A-Z][a-z]{2,}(?![A-Za-z\-'])")


def _latin_surnames(h: str, text: str, people_found: list[Mention], others: list[tuple[int, int]]) -> list[Mention]:
    """Owen Hegarty表示 … Hegarty称: news names a Western person by the surname after the full
    name, so the last word of a Latin name found is that person wherever it stands alone."""
    surnames = {m.norm.split()[-1] for m in people_found
                if " " in m.norm and m.norm.isascii() and len(m.norm.split()[-1]) >= 3}
    if not surnames:
        return []
    taken = _Spans(others + [(m.start, m.end) for m in people_found])
    out = []
    for w in _LATIN_WORD.finditer(h):
        if w.group() in surnames and not taken.overlaps(w.start(), w.end()):
            out.append(Mention("PERSON", w.start(), w.end(), text[w.start() : w.end()], "person_propagated",
                               norm=w.group()))
    return out


def _cut_glued_third(h: str, text: str, found: dict[tuple[int, int], Mention]) -> None:
    """总经理助理龙啸时/PER ，他… 龙啸深有感触: a three-character name the article writes once,
    whose first two characters it names as a person elsewhere with no such third character after
    them, is that person and a word LAC glued on (时, 欲: a Chinese name is written whole)."""
    ends: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    for m in found.values():
        counts[m.norm] = counts.get(m.norm, 0) + 1
        if len(m.norm) == 2:
            ends.setdefault(m.norm, []).append(m.end)
    for key, m in list(found.items()):
        n = m.norm
        if len(n) == 3 and counts[n] == 1 and n[:2] in ends and all(h[e : e + 1] != n[2] for e in ends[n[:2]]):
            found[key] = Mention("PERSON", m.start, m.start + 2, text[m.start : m.start + 2], m.source,
                                 norm=n[:2], attrs=m.attrs)


def _SUBUNIT_SET() -> set[str]:
    return set(lexicon.subunits())
