"""Organisation candidates cleaned and chosen: each span's edges and filters (``pipeline.ner.orgs``),
then a set that does not overlap, rules before LAC and longer before shorter; names the article writes
longer or shorter elsewhere; LAC's words that are common words or places."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Callable, Sequence

from pipeline.mentions import Mention

from . import lexicon, orgs
from .lac import LacTagger
from .lists import firm_list_items
from .merge import is_description
from .tagging import default_tagger


# Rule sources win over the tagger on overlap; among equals the longer span wins.
_PRIORITY = {"org_outlet": 4, "org_team": 3, "org_latin": 3, "org_suffix": 3, "org_short": 2, "org_list": 2, "lac": 1}


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
