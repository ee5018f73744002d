"""Organisations and people in running text: LAC tags plus rules over its tokens."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Callable, Sequence

from pipeline.mentions import Mention
from pipeline.textnorm import to_halfwidth

from . import lexicon, list_check, org_check, orgs, people, person_bounds, person_check
from .outlets import outlet_orgs, split_at_datelines, titled_sites
from .teams import team_orgs
from .lac import LacTagger
from .check import coordinated
from .lac_confidence import word_probabilities
from .list_check import ListCheck, list_items
from .lists import coordinated_orgs, firm_list_items, sector_list_items
from .merge import is_description
from .org_check import OrgCheck, RuleContext, RuleOrgCheck
from .person_bounds import PersonBounds
from .person_check import PersonCheck

__all__ = ["LacTagger", "find_orgs_and_people", "default_tagger"]

_TAGGER: LacTagger | None = None

# Rule sources win over the tagger on overlap; among equals the longer span wins.
_PRIORITY = {"org_outlet": 4, "org_team": 3, "org_latin": 3, "org_suffix": 3, "org_short": 2, "org_list": 2, "lac": 1}


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


def _check_people(h: str, toks: Sequence[tuple[int, int, str]], found: dict[tuple[int, int], Mention],
                  tagger: LacTagger | None, check: PersonCheck | None | str) -> None:
    """Drops the people only LAC names (no title, no byline, no honorific, no form named
    otherwise here) that the learned check does not keep at any of their mentions: a name
    the check keeps once is a name everywhere in the article."""
    if check == "default":
        check = person_check.default_check()
    if check is None or isinstance(check, str):
        return
    vouched = {m.norm for m in found.values() if m.source != "lac" or m.attrs.get("role")
               or person_check.exempt(m.norm) or person_check.honoured(h, m.start, m.end)}
    starts = [t[0] for t in toks]
    # a run of names LAC reads one after another with nothing between (主席团名单: 贾春旺顾浩顾秀莲),
    # a byline's names, a signature on its own line
    vouched |= {m.norm for m in found.values() if person_check.in_name_run(h, toks, starts, m.start, m.end)
                or person_check.signs_a_line(h, m.start, m.end)}
    todo = [k for k, m in found.items() if m.norm not in vouched]
    if not todo:
        return
    # (a mention's span, not its key: a longer form or a cut third character moved its end)
    kept = _kept_names(h, toks, [(found[k].start, found[k].end) for k in todo], check, tagger, "PER")
    kept |= coordinated(h, [(m.start, m.end) for m in found.values()], vouched | kept)
    for k in todo:
        if found[k].norm not in kept:
            del found[k]


def _check_rule_orgs(h: str, toks: Sequence[tuple[int, int, str]], org_spans: list[tuple[int, int, str]],
                     cands: Sequence[tuple[int, int, str]], tagger: LacTagger | None, check: RuleOrgCheck | None | str,
                     listed: Sequence[list_check.Item]) -> tuple[list[tuple[int, int, str]], list[Mention]]:
    """Drops the organisations only the short-name or the list rule names (no stronger source
    names them, or a longer name holding them, anywhere in the article) that the learned rule
    check keeps at none of their mentions; LAC's organisations inside a dropped name come back
    for the LAC check (中兴/ORG of 中兴智能手机).  Returns the organisations and the dropped names
    with their sources (no list item for the list check to judge again)."""
    if check == "default":
        check = org_check.default_rule_check()
    if check is None or isinstance(check, str):
        return org_spans, []
    weak = set(org_check.RULE_SOURCES) | {"lac"}
    strong = {h[s:e] for s, e, src in org_spans if src not in weak}
    # (a short form of a name a stronger rule found, 云岫数据 of 贵州云岫数据服务有限公司, is that name's)
    todo = [(s, e) for s, e, src in org_spans
            if src in org_check.RULE_SOURCES and not any(h[s:e] in n for n in strong)]
    if not todo:
        return org_spans, []
    ctx = RuleContext({(s, e): src for s, e, src in org_spans}, frozenset(h[s:e] for s, e, _ in org_spans),
                      list_check.list_context(h, toks, [(s, e) for s, e, _ in org_spans], listed))
    kept = _kept_names(h, toks, todo, check.in_context(ctx), tagger, "ORG")
    gone = {(s, e) for s, e in todo if h[s:e] not in kept}
    if not gone:
        return org_spans, []
    out = [c for c in org_spans if (c[0], c[1]) not in gone]
    spans = _Spans((s, e) for s, e, _ in out)
    out += [c for c in cands if c[2] == "lac" and any(a <= c[0] and c[1] <= b for a, b in gone)
            and not spans.overlaps(c[0], c[1])]
    src = {(s, e): c for s, e, c in org_spans}
    return sorted(out), [Mention("ORG", s, e, h[s:e], src[(s, e)]) for s, e in sorted(gone)]


def _check_orgs(h: str, toks: Sequence[tuple[int, int, str]], org_spans: list[tuple[int, int, str]],
                tagger: LacTagger | None, check: OrgCheck | None | str
                ) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Drops the organisations only LAC names (no type word, list, dateline or other rule finds
    the name anywhere in the article) that the learned check keeps at none of their mentions: a
    name the check keeps once is a name everywhere in the article.  Returns the organisations
    kept and the spans dropped (no person's either: LAC read them as organisations)."""
    if check == "default":
        check = org_check.default_check()
    if check is None or isinstance(check, str):
        return org_spans, []
    vouched = {h[s:e] for s, e, src in org_spans if src != "lac" or _vouched_by_what_follows(h, s, e)}
    todo = [(s, e) for s, e, src in org_spans if src == "lac" and h[s:e] not in vouched]
    if not todo:
        return org_spans, []
    kept = _kept_names(h, toks, todo, check, tagger, "ORG")
    dropped = [(s, e) for s, e in todo if h[s:e] not in kept]
    gone = set(dropped)
    return [c for c in org_spans if (c[0], c[1]) not in gone], dropped


def _vouched_by_what_follows(h: str, s: int, e: int) -> bool:
    """What stands right after a LAC name says it is an organisation's: an event it hosts (上海合作组织/ORG
    峰会), a department of it (国家发改委体改司/ORG 副司长), or what it has under its banner (某某乳业/ORG 旗下)."""
    return _hosts_event(h, s, e) or orgs.department_after(h, s, e) or h.startswith("旗下", e)


# the events a body hosts, right after its name (not 会议 alone: 某某会议 is often the meeting's
# own name, and LAC's reading of the words before it is less sure)
_HOSTED = ("峰会", "年会", "论坛", "博览会", "理事会", "代表大会")


def _hosts_event(h: str, s: int, e: int) -> bool:
    return e - s >= 4 and h.startswith(_HOSTED, e)


def _listed_orgs(h: str, toks: Sequence[tuple[int, int, str]], org_spans: list[tuple[int, int, str]],
                 taken: Sequence[Mention], titled: Sequence[tuple[int, int, int]], tagger: LacTagger | None,
                 check: ListCheck | None | str, sectors: set[tuple[int, int]],
                 listed: Sequence[list_check.Item]) -> list[tuple[int, int, str]]:
    """The items of lists of firms (甲乙科技、丙丁智能等20个项目) that no rule named and
    the learned check keeps; ``taken``: zones, and names a check has dropped; not the items of a
    list of sectors or products (``sectors``: 天籁、奇骏等车型)."""
    if check == "default":
        check = list_check.default_check()
    if check is None or isinstance(check, str):
        return []
    others = [(z.start, z.end) for z in taken] + [(s, e) for s, e, _ in titled]
    items = [it for it in list_check.candidates(h, toks, [(s, e) for s, e, _ in org_spans], others, listed)
             if (it.start, it.end) not in sectors]
    if not items:
        return []
    _alone(tagger, [h[i.start : i.end] for i in items])
    starts = [t[0] for t in toks]
    out = []
    for it in items:
        w = h[it.start : it.end]
        x = list_check.features(h, toks, starts, it, _ALONE_TAGS.get(w, ()))
        if check.keep(x, Mention("ORG", it.start, it.end, w, "org_list_check", norm=w)):
            out.append((it.start, it.end, "org_list_check"))
    return out


def _kept_names(h: str, toks: Sequence[tuple[int, int, str]], spans: Sequence[tuple[int, int]],
                check: OrgCheck | PersonCheck, tagger: LacTagger | None, label: str) -> set[str]:
    """The names of ``spans`` (LAC's words of ``label``) the learned check keeps at one of their
    mentions at least, reading LAC's tags of each word alone and its probability of the word."""
    tagger = tagger or default_tagger()
    _alone(tagger, [h[s:e] for s, e in spans])
    sure = word_probabilities(tagger, h, spans, label=label)
    starts = [t[0] for t in toks]
    kept: set[str] = set()
    for (s, e), p in zip(spans, sure):
        w = h[s:e]
        if w not in kept and check.keep(check.features(h, toks, starts, s, e, _ALONE_TAGS.get(w, ()), p),
                                        Mention("PERSON" if label == "PER" else label, s, e, w, "lac", norm=w)):
            kept.add(w)
    return kept


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


_TITLED_SOURCES = frozenset({"person_title", "person_titled_elsewhere"})
# LAC's tags of a token that a person's name found elsewhere cannot be (a place, a body, a number)
_NOT_PERSON_TAGS = frozenset({"LOC", "ORG", "m", "q", "w", "TIME", "p", "u", "c"})


def _people_elsewhere(
    h: str, text: str, toks: Sequence[tuple[int, int, str]], people_found: list[Mention],
    other_names: list[tuple[int, int]],
) -> list[Mention]:
    """One name, one label for people too: a name found after a title is the person where the
    article writes it again as LAC's whole token or tokens and no other name covers it
    (主任宋军表示… 宋军/n 继/v 介绍: the second is the person LAC did not tag)."""
    # (from a titled name only: LAC's own person tags of common words, 常温, 盲评, would spread)
    names = sorted({m.norm for m in people_found if m.norm and len(m.norm) >= 2 and m.source in _TITLED_SOURCES},
                   key=len, reverse=True)
    if not names:
        return []
    index = _TokenIndex(toks)
    blocked = _Spans(other_names + [(m.start, m.end) for m in people_found])
    out = []
    for n in names:
        i = h.find(n)
        while i >= 0:
            e = i + len(n)
            t = index.starting(i)
            if t is not None and t[2] not in _NOT_PERSON_TAGS and index.ends_at(e) and not blocked.overlaps(i, e):
                out.append(Mention("PERSON", i, e, text[i:e], "person_propagated", norm=n))
                blocked.add(i, e)
            i = h.find(n, i + 1)
    return out


def _SUBUNIT_SET() -> set[str]:
    return set(lexicon.subunits())


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, ...]] | _Spans) -> bool:
    if isinstance(spans, _Spans):
        return spans.overlaps(s, e)
    return any(s < b and a < e for a, b, *_ in spans)


class _Spans:
    """Spans kept sorted by start, with the longest length: the spans a span may overlap
    start less than that length before it, found by bisection (a pass over all of them
    for every person was quadratic in an article naming many)."""

    def __init__(self, spans=()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        k = bisect_right(self.starts, a)
        self.starts.insert(k, a)
        self.ends.insert(k, b)
        self.longest = max(self.longest, b - a)

    def overlaps(self, s: int, e: int) -> bool:
        """any(s < b and a < e) over the spans."""
        k = bisect_left(self.starts, e) - 1  # spans starting before e
        while k >= 0 and self.starts[k] > s - self.longest - 1:
            if s < self.ends[k]:
                return True
            k -= 1
        return False


_ALONE: dict[str, str] = {}
_ALONE_TAGS: dict[str, tuple[str, ...]] = {}


def _alone(tagger: LacTagger | None, words: Sequence[str] = ()):
    """LAC's tag of a word read by itself ("" for more than one word), remembered across
    articles; ``words`` are tagged at once, in one batch, ahead of the questions."""
    todo = sorted({w for w in words if w not in _ALONE})
    if todo:
        for w, k in zip(todo, (tagger or default_tagger()).tag_aside(todo)):
            _ALONE[w] = k[0][2] if len(k) == 1 else ""
            _ALONE_TAGS[w] = tuple(t[2] for t in k)

    def tag(w: str) -> str:
        if w not in _ALONE:
            _alone(tagger, [w])
        return _ALONE[w]
    return tag


def _alone_tags(tagger: LacTagger | None) -> Callable[[str], tuple[str, ...]]:
    """LAC's tags of a text read by itself, one a word."""
    def tags(w: str) -> tuple[str, ...]:
        if w not in _ALONE_TAGS:
            _alone(tagger, [w])
        return _ALONE_TAGS[w]
    return tags


# what LAC reads a word as when it is a common word, not a name (自有/v, 咨询/v, 宜居/a, 中重/f)
_ALONE_COMMON_TAGS = frozenset({"v", "vd", "vn", "d", "ad", "a", "an", "f"})


def _common_words(h: str, cands: list[tuple[int, int, str]], alone) -> set[str]:
    """LAC's two-character ORGs that LAC alone reads as common words (自有品牌, 临空产业): LAC took
    the word for a name by its context.  A noun (品牌影响力, 焦煤) too, unless LAC reads it as a name
    three times or more here (味千/n, the company the article is about).  Not a word that opens a
    longer name here (光明 of 光明乳业, 通用 of 通用汽车): the article uses it as a name."""
    short = Counter(h[s:e] for s, e, src in cands if src == "lac" and e - s == 2)
    heads = {h[s : s + 2] for s, e, _ in cands if e - s > 2}
    return {w for w, n in short.items() if w not in heads
            and (alone(w) in _ALONE_COMMON_TAGS or (alone(w) == "n" and n < 3))}


_AFTER_NAME_TAGS = frozenset({"w", "u", "c", "p", "v", "d", "vd", "ad", "TIME"})


def _places_named_as_orgs(h: str, toks: Sequence[tuple[int, int, str]], cands: list[tuple[int, int, str]],
                          alone: Callable[[str], str]) -> frozenset[str]:
    """County short forms LAC reads as an organisation here and as one alone (吉利, 方正, 东风,
    三元: the carmaker, not 吉利区), where the article never writes the county with its suffix nor
    LAC reads it as a place; not those LAC reads alone as a place or a person's name (长丰, 孟连)."""
    shorts = lexicon.county_short_forms()
    hits = [(s, e) for s, e, src in cands if src == "lac" and h[s:e] in shorts]
    if not hits:
        return frozenset()  # (most articles)
    out = set()
    starts = {t[0]: k for k, t in enumerate(toks)}
    places = {h[a:b] for a, b, tag in toks if tag == "LOC"}  # (LAC reads it as the place elsewhere here)
    for s, e in hits:
        w = h[s:e]
        if w in places or any(w + k in h for k in "县区市旗"):
            continue
        if 0 < s and e < len(h) and h[s - 1] in "“\"'「" and h[e] in "”\"'」":
            continue  # (送来了“东风”: a word in quotes alone is a figure of speech)
        # alone, not the head of a longer name (中原/ORG 内配, 平安/ORG 城市) nor among places (金门、马祖:
        # a place two tokens away across a 、)
        k = starts.get(s)
        if k is None or (k + 1 < len(toks) and toks[k + 1][2] not in _AFTER_NAME_TAGS) \
                or any(0 <= j < len(toks) and toks[j][2] == "LOC" and h[toks[(j + k) // 2][0]] == "、"
                       for j in (k - 2, k + 2)):
            continue
        if alone(w) == "ORG":
            out.add(w)
    return frozenset(out)


def _resolve(
    h: str,
    cands: list[tuple[int, int, str]],
    zones: Sequence[Mention],
    taken: Sequence[tuple[int, int, str]] = (),
    named_places: frozenset[str] = frozenset(),
    tags_alone: Callable[[str], tuple[str, ...]] | None = None,
) -> list[tuple[int, int, str]]:
    """Clean candidates, then keep a non-overlapping set: rules first, longer first."""
    cleaned = []
    zone_spans = {(z.start, z.end) for z in zones}
    owners = {(z.start, z.start + len(z.attrs["owner"])) for z in zones if z.attrs.get("owner")}
    for s, e, src in cands:
        # a name never spans a line break (page furniture, captions, cut paragraphs)
        s = max(s, h.rfind("\n", s, e) + 1)
        s, e = orgs.strip_subunit(h, s, e)
        if src != "org_outlet":  # (印度教徒报, 北京青年报: a paper's place is in its name)
            s, e = orgs.strip_place_prefix(h, s, e, tags_alone)
        s = orgs.strip_apposition(h, s, e)
        if h[e - 1 : e + 1] == "旗下":  # 松下旗/下: LAC cut 旗下 in two
            e -= 1
        name = h[s:e]
        if src in _WEAK_ORG_SOURCES and orgs.generic_words_only(h[s:e]):
            continue
        s = orgs.strip_leading_time(h, s, e)
        if src == "lac":
            e = orgs.strip_dangling_char(h, s, orgs.strip_glued_conjunction(h, s, orgs.strip_trailing_verb(h, s, e)))
            e = orgs.strip_glued_title(h, s, e)
        if src in ("lac", "org_short"):
            e = orgs.cut_project_theme(h, s, e)
        e = orgs.cut_at_belongs(h, s, e)
        e = orgs.strip_trailing_title(h, s, e)
        name = h[s:e]
        if e - s < 2 or orgs.zone_then_sector(name):
            continue
        if e - s < 2 or orgs.is_generic(name) or orgs.is_kind(name) or orgs.is_zone(name) or (orgs.is_place(name) and name not in named_places) or orgs.is_descriptive(name) \
                or orgs.is_event(name) or orgs.is_country_pair(name) or orgs.counted_kind(h, s, e) \
                or orgs.sector_kind(name) or is_description(name) \
                or orgs.centre_of_area(h, s, e) or orgs.role_centre(name) or orgs.centre_project(h, s, e) \
                or orgs.facility_centre(name) \
                or orgs.unnamed_bureau(h, s, e) or orgs.procurement_term(h, s, e) \
                or orgs.technical_term(name) or orgs.unit_of_figure(h, s) or orgs.modal_hui(h, s, e) \
                or orgs.in_china_kind(h, s, e):
            continue
        # (the company that opens its park's name is a named part: 铁建重工 of 铁建重工长沙第三产业园)
        if ((s, e) in zone_spans or any(z.start <= s and e <= z.end for z in zones)) \
                and (s, e) not in owners:
            continue
        cleaned.append((s, e, src))
    cleaned.sort(key=lambda c: (-_PRIORITY.get(c[2], 0), -(c[1] - c[0]), c[0]))
    kept: list[tuple[int, int, str]] = []
    kept_spans, taken_spans = _Spans(), _Spans((t[0], t[1]) for t in taken)
    for c in cleaned:
        if not kept_spans.overlaps(c[0], c[1]) and not taken_spans.overlaps(c[0], c[1]):
            kept.append(c)
            kept_spans.add(c[0], c[1])
    return kept


def _firm_list_names(h: str, toks: Sequence[tuple[int, int, str]], spans: list[tuple[int, int, str]],
                     zones: Sequence[Mention]) -> list[tuple[int, int, str]]:
    """A list closed by 等 and a word for firms names one firm per item: the whole item
    replaces what weak sources read inside it (易通/ORG 跨境/ORG 供应链 -> 易通跨境供应链)."""
    strong = [c for c in spans if c[2] not in _WEAK_ORG_SOURCES]
    same = {(a, b) for a, b, _ in spans}
    items = [c for c in _resolve(h, [(a, b, "org_list") for a, b in firm_list_items(h, toks, spans)], zones, taken=strong)
             if (c[0], c[1]) not in same]
    if not items:
        return spans
    found = _Spans((a, b) for a, b, _ in items)
    return [c for c in spans if c[2] not in _WEAK_ORG_SOURCES or not found.overlaps(c[0], c[1])] + items


def _without_departments(h: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """财政部/ORG 国库司/ORG: a generic department LAC names right after its body is the body's
    (NOTES §7: the parent required, the joined string optional), not a name of its own."""
    ends = {e: s for s, e, _ in spans}
    return [(s, e, src) for s, e, src in spans
            if not (src == "lac" and s in ends and orgs.strip_subunit(h, ends[s], e) == (ends[s], s))]


# what LAC reads a name's glued tail as when it ends a name: a verb, an adverb, a function word
# (not vn, a, n or m: 通信/vn, 重型/a, 发展/vn end the names 信维通信, 徐工重型, 五矿发展)
_GLUED_TAGS = frozenset({"v", "vd", "d", "ad", "p", "c", "u", "r"})


def _cut_to_known(h: str, spans: list[tuple[int, int, str]], tagger: LacTagger | None) -> list[tuple[int, int, str]]:
    """中粮高调/ORG 联手, 新华联接盘/ORG 未定, 国家发改委会同/ORG 有关部门: a name LAC ran on into the
    word after it, where the article names the shorter one on its own elsewhere; LAC, given the
    tail and what follows it alone, reads the tail as a verb, an adverb or a function word (a
    brand stays: 一汽丰田, 格力空调)."""
    names = {h[s:e] for s, e, _ in spans}
    out = []
    for s, e, src in spans:
        if src != "lac" or e - s < 3:
            out.append((s, e, src))
            continue
        n = h[s:e]
        # (the shorter name stands on its own elsewhere: not 益力 of 益力多 alone)
        cut = next((k for k in (1, 2) if len(n) - k >= 2 and n[:-k] in names and h.count(n[:-k]) > h.count(n)), 0)
        if cut:
            ctx = h[e - cut : e + 6]
            ctx = ctx[: next((i for i, c in enumerate(ctx) if not c.isalnum()), len(ctx))]
            first = (tagger or default_tagger()).tag_aside([ctx])[0][:1]
            # (the tail may open a longer word: 国家发改委会/ORG 同 → 会同/v)
            if first and first[0][0] == 0 and first[0][1] >= cut and first[0][2] in _GLUED_TAGS:
                e -= cut
        out.append((s, e, src))
    return out


def _extend_to_known(h: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """必和必 -> 必和必拓, 固特 -> 固特异: a span that is the start of a longer name the
    article uses elsewhere, with that name written out here, is that name."""
    names = sorted({h[s:e] for s, e, _ in spans}, key=len, reverse=True)
    # the names by their first two characters, in the same order: a name starting with n
    # is among those of n's first two (a pass over all names per span was quadratic)
    by_head: dict[str, list[str]] = {}
    for m in names:
        by_head.setdefault(m[:2], []).append(m)
    out = []
    for i, (s, e, src) in enumerate(spans):
        n = h[s:e]
        for m in (by_head.get(n[:2], ()) if len(n) >= 2 else names):
            if len(m) > len(n) and m.startswith(n) and h.startswith(m, s):
                ne = s + len(m)
                others = spans[:i] + spans[i + 1 :]
                if not _overlaps(s, ne, others):
                    e = ne
                break
        out.append((s, e, src))
    return out


# organisation sources that read a name by its form or LAC's tag alone, which a title
# before the same name elsewhere in the article outweighs
_WEAK_ORG_SOURCES = frozenset({"lac", "org_list", "org_short"})


def _titled_names_are_people(
    h: str, org_spans: list[tuple[int, int, str]], titled: Sequence[tuple[int, int, int]]
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """One name, one label per article: a name that stands right after a person's title
    (双汇集团董事长万隆, 英特尔首席执行官欧德宁) is a person wherever the article writes it,
    where LAC or a list read it as an organisation (万隆称…, 杨万刚与州医院…).  Returns the
    organisations kept and the spans taken from them."""
    names = {h[s:e] for s, e, _ in titled}
    if not names:
        return org_spans, []
    # the given name of a titled person LAC read as an organisation (研究员 向/p 健军/ORG) is no
    # organisation anywhere in the article
    given = {h[s:e] for s, e, src in org_spans
             if src in _WEAK_ORG_SOURCES and any(a <= s and e <= b and (a, b) != (s, e) for a, b, _ in titled)}
    kept, demoted = [], []
    for s, e, src in org_spans:
        if src in _WEAK_ORG_SOURCES and h[s:e] in names:
            demoted.append((s, e))
        elif not (src in _WEAK_ORG_SOURCES and h[s:e] in given):
            kept.append((s, e, src))
    return kept, demoted


def _propagate(
    h: str, toks: Sequence[tuple[int, int, str]], org_spans: list[tuple[int, int, str]], zones: Sequence[Mention] = ()
) -> list[tuple[int, int, str]]:
    """One name, one label per article: ``org_spans`` with the names spread.

    A name found as ORG, or one of its short forms (胜华 for 胜华科技, 华富 for 江苏华富
    能源股份有限公司; 九洲韵 for 九洲韵茶叶公司 only where LAC reads it as a name), is an ORG
    wherever else it stands at a token start: as the
    same token, or as the start of a token LAC cut wrongly (萨固/PER 密 for 萨固密)."""
    names = {h[s:e] for s, e, _ in org_spans}
    heads: set[str] = set()
    guessed: set[str] = set()
    for n in names:
        heads.update(orgs.name_heads(n))
        guessed.update(orgs.trade_heads(n))
    heads -= names
    guessed -= names | heads
    index = _TokenIndex(toks)
    # the characters inside a span so far: an overlap test is one find, not a scan of spans
    inside = bytearray(len(h))
    for s, e, _ in org_spans:
        inside[s:e] = b"\x01" * (e - s)
    # nor inside a zone's name, as no candidate is (粤海 of 粤海产业园, 中马钦州 of 中马钦州产业园区)
    in_zone = bytearray(len(h))
    for z in zones:
        in_zone[z.start : z.end] = b"\x01" * (z.end - z.start)
    out = list(org_spans)
    # LAC's own names by their start: a longer name of the article found there takes the place of
    # the shorter (正兴/ORG 车轮 where the article names 正兴车轮集团: the name is 正兴车轮)
    lac_at = {s: (s, e, src) for s, e, src in org_spans if src == "lac"}
    weak = _read_as_words_more_often(h, toks, org_spans)
    for n in sorted(names | heads | guessed, key=len, reverse=True):
        if len(n) < 2 or n in weak:
            continue
        is_head = n in heads or n in guessed
        i = h.find(n)
        while i >= 0:
            e = i + len(n)
            short = lac_at.get(i)
            if short is not None and short[1] < e and inside.find(1, short[1], e) < 0 and in_zone.find(0, i, e) >= 0 \
                    and n not in guessed and index.ends_at(e):
                out.remove(short)
                del lac_at[i]
                out.append((i, e, "org_propagated"))
                inside[i:e] = b"\x01" * (e - i)
            else:
                free = inside.find(1, i, e) < 0 and in_zone.find(0, i, e) >= 0
                if free and (t := index.starting(i)) is not None and _propagation_ok(t, e, index, is_head) \
                        and (n not in guessed or t[2] in _GUESSED_TAGS):
                    out.append((i, e, "org_propagated"))
                    inside[i:e] = b"\x01" * (e - i)
            i = h.find(n, i + 1)
    return out


_WEAK_SOURCES = frozenset({"lac", "org_list", "org_list_check"})
# LAC's tags of common words (a brand's or a company's short name it reads as nz, PER or LOC)
_COMMON_TAGS = frozenset({"n", "vn", "v", "a", "an", "ad", "d", "m", "q", "f", "s"})


def _read_as_words_more_often(
    h: str, toks: Sequence[tuple[int, int, str]], org_spans: list[tuple[int, int, str]]
) -> set[str]:
    """Names only LAC's tag (or a list's neighbours) made, which the article writes at least
    twice as often as a word LAC reads as common (LED/ORG once, LED/n twice; 焦煤, 三七): the
    name is one reading of a common word, so it is not spread to the others (a brand LAC
    reads as n as often as ORG, 大众, still is)."""
    seeds: dict[str, int] = {}
    strong: set[str] = set()
    for s, e, src in org_spans:
        n = h[s:e]
        seeds[n] = seeds.get(n, 0) + 1
        if src not in _WEAK_SOURCES:
            strong.add(n)
    weak = {n for n in seeds if n not in strong}
    if not weak:
        return set()
    lengths = {len(n) for n in weak}
    others: dict[str, int] = {}
    for s, e, tag in toks:
        if e - s in lengths and tag in _COMMON_TAGS and (n := h[s:e]) in weak:
            others[n] = others.get(n, 0) + 1
    return {n for n, k in others.items() if k >= 2 * seeds[n]}


class _TokenIndex:
    """The token starting at a position, and whether one ends there, by bisection over
    the tokens (LAC's do not overlap); sorted on first use, which most articles'
    propagation never reaches (their names stand only where they were found)."""

    def __init__(self, toks: Sequence[tuple[int, int, str]]) -> None:
        self._toks = toks
        self._sorted: list[tuple[int, int, str]] = []
        self._starts: list[int] = []
        self._ends: list[int] = []

    def starting(self, i: int) -> tuple[int, int, str] | None:
        self._index()
        k = bisect_left(self._starts, i)
        return self._sorted[k] if k < len(self._starts) and self._starts[k] == i else None

    def ends_at(self, e: int) -> bool:
        self._index()
        k = bisect_left(self._ends, e)
        return k < len(self._ends) and self._ends[k] == e

    def _index(self) -> None:
        if not self._sorted and self._toks:
            self._sorted = sorted(self._toks)
            self._starts = [t[0] for t in self._sorted]
            self._ends = sorted(t[1] for t in self._sorted)


# the tags of a word a guessed short form may be (达芬奇/PER, 江铜/PER): a name, not a place or
# a product (葡萄酒/nz of a description 葡萄酒业务公司)
_GUESSED_TAGS = frozenset({"PER", "ORG"})


def _propagation_ok(t: tuple[int, int, str], e: int, index: _TokenIndex, is_head: bool) -> bool:
    s, te, tag = t
    if e == te:
        # the same token: a common noun only when it is the exact name (中钢集团); an
        # exact name of four or more characters whatever LAC tagged it (中钢国际/f)
        return tag in ("PER", "nz", "ORG", "LOC", "nw") or (not is_head and (tag in ("n", "vn") or e - s >= 4))
    if tag not in ("PER", "nz", "ORG", "LOC", "nw") and (is_head or tag not in ("n", "vn")):
        return False
    if e > te:
        # the name runs over the token end: it must end at a token boundary
        return index.ends_at(e)
    # the name ends inside the token (固特 in 固特异公司 is handled by the suffix walk)
    return False
