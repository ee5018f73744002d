"""Subject candidates the entity stages leave out: zone names the text writes that are no
ZONE mention, and a company named with its zone in front.

Measured on ../shared/train (scripts/eval_subjects.py): 16% of the gold subjects were no
candidate.  The classes mended here, each by what the text itself writes:

* a zone named only inside its administration (通州湾示范区党工委, X新区管委会) whose kind
  word the zone finder did not take without a known place: the name before 党工委 /
  管委会 is the zone, and every other place the text writes that name is a mention of it;
* a zone's area or branch (片区, 自贸片区, 分区) named after a zone (济南高新区章锦片区,
  霍尔果斯经济开发区兵团分区) or standing alone after punctuation, a year or 此次
  (前海蛇口自贸片区注册企业…, 2016年喀什兵团分区完成…);
* an organisation whose span opens with a zone the article names on its own
  (交城经济开发区华庆新材料科技有限公司): the company is the rest.

These mentions are for choosing subjects only: the entities table is the NER's.  A
subject found here alone has no entity row, so its subject_id stays null.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from pipeline.mentions import Mention

SOURCE = "subject_name"
_ADMIN = ("管理委员会", "管委会", "党工委")
# ANNOTATION.md's zone kinds, as a name before 管委会 may end
_ZONE_KIND = re.compile(r"(?:高新区|开发区|经开区|示范区|自贸区|自由贸易试验区|自贸试验区|片区|新区|保税区|保税港区|"
                        r"产业园|科技园|工业园|园区|分区)$")
_AREA = re.compile(r"(?:自贸片区|片区|分区)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# what may stand between a hard boundary and an area's name: a year's 年, a quarter, 此次 …
_LEAD = re.compile(r"(?:年|月|日|季度|年度|此次|本次|目前|据悉|其中|同时|截至目前|近年来)*")
# characters no area name holds (function words, verbs that introduce a place)
_NOT_IN_NAME = set("各区的在和与将是等及或为从到于向对由把被让给着了过并且也都就还又而以其该此这那个家所项已要会可能至使据年月日共")
_COMPANY_END = ("公司", "集团", "有限公司", "股份有限公司")


def subject_mentions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The ZONE and ORG mentions of the article with those above added (and a zone-opened
    company's span cut to the company)."""
    # zones the zone stage found by what the text says around them (before a 管委会, a
    # 自贸片区) are weighed as named here, keeping their entity's id
    zones = [replace(m, source=SOURCE, attrs={**m.attrs, "entity_id": f"ZONE:{m.attrs.get('zone_id') or m.text}"})
             if m.attrs.get("named_by") else m for m in mentions if m.label == "ZONE"]
    orgs = [m for m in mentions if m.label == "ORG"]
    added: list[Mention] = []
    names: set[str] = set()
    out_orgs: list[Mention] = []
    zone_texts = {z.text for z in zones}
    for o in orgs:
        inner = any(o.start <= z.start and z.end <= o.end for z in zones)
        prefix = next((o.text[: -len(a)] for a in _ADMIN if o.text.endswith(a)), None)
        named = prefix and any(z.start == o.start and z.text == prefix and z.attrs.get("named_by") == "admin"
                               for z in zones)
        if named:  # the zone stage found it before its administration
            o = replace(o, attrs={**o.attrs, "subject_of": prefix, "subject_label": "ZONE"})
        elif prefix and not inner and _ZONE_KIND.search(prefix) and len(_ZONE_KIND.sub("", prefix)) >= 2:
            z = Mention("ZONE", o.start, o.start + len(prefix), prefix, SOURCE, norm=prefix,
                        attrs={"display": prefix})
            added.append(z)
            names.add(prefix)
            o = replace(o, attrs={**o.attrs, "subject_of": prefix, "subject_label": "ZONE"})
        elif not inner or "subject_of" in o.attrs:
            pass
        else:
            head = next((z for z in zones if z.start == o.start and z.end < o.end), None)
            rest = o.text[head.end - o.start:] if head else ""
            if head is not None and head.text in zone_texts and len(rest) >= 6 and rest.endswith(_COMPANY_END) \
                    and sum(z.text == head.text for z in zones) >= 2:
                o = replace(o, start=head.end, text=rest, source=SOURCE,
                            attrs={**o.attrs, "display": rest})
        out_orgs.append(o)
    added += _areas(text, zones, orgs)
    names.update(m.text for m in added if m.start >= 0)
    taken = sorted([(m.start, m.end) for m in zones + out_orgs + added])
    for name in names:
        for hit in re.finditer(re.escape(name), text):
            s, e = hit.span()
            if any(a < e and s < b for a, b in taken):
                continue
            added.append(Mention("ZONE", s, e, name, SOURCE, norm=name, attrs={"display": name}))
            taken.append((s, e))
    others = [m for m in mentions if m.label not in ("ZONE", "ORG")]
    out_orgs = _short_forms(text, out_orgs, zones + added, [m for m in others if m.label == "GPE"])
    added += _zone_stems(text, zones, [*out_orgs, *added, *others])
    added += _with_place_inside(text, [*zones, *out_orgs], [m for m in others if m.label == "GPE"])
    return sorted(zones + out_orgs + added + others, key=lambda m: (m.start, -m.end))


_BEFORE_STEM = set("在和与及至从对由据将")  # words a stem may follow


def _zone_stems(text: str, zones: Sequence[Mention], others: Sequence[Mention]) -> list[Mention]:
    """张江高新区 … 张江已集聚…: the text goes on naming a zone by its stem alone (the name
    without its place and kind); those uses are mentions of it.  The zone stage takes the
    stems LAC reads as names (pipeline/zones/stems.py: 东疆/LOC, entities of their own); here,
    for choosing subjects, also those it reads otherwise, but only stems rules/zone_places.jsonl
    lists as zone stems: a stem that is a place (南昌 of 南昌高新区, 杨凌) names the place, other
    stems are words (新经济产业园)."""
    from pipeline.zones.rules import load_zone_rules
    from pipeline.zones.stems import NOT_AFTER_STEM, stem_of

    rules = load_zone_rules()
    places = rules.places
    stems: dict[str, Mention] = {}
    for z in zones:
        stem = stem_of(z.text, rules)
        if stem is None or stem not in places or places[stem].level != "zone_stem":
            continue  # only the stems the zone lists know (张江, 金普): 杨凌 is a place, 新经济 a word
        stems.setdefault(stem, z)
    if not stems:
        return []
    # the characters names already hold, so that each use is checked in its own length (a
    # text naming a stem thousands of times is read in linear time)
    taken = bytearray(len(text))
    for m in [*zones, *others]:
        taken[max(m.start, 0):m.end] = b"\x01" * (m.end - max(m.start, 0))
    out: list[Mention] = []
    for stem, z in stems.items():
        for hit in re.finditer(re.escape(stem), text):
            s, e = hit.span()
            if e < len(text) and text[e] in NOT_AFTER_STEM:
                continue  # 张江科学城: the stem opens another name
            if s > 0 and _CJK.match(text[s - 1]) and text[s - 1] not in _BEFORE_STEM:
                continue  # inside a longer word
            if any(taken[s:e]):
                continue
            out.append(replace(z, start=s, end=e, text=stem,
                               attrs={**z.attrs, "display": z.attrs.get("display", z.text)}))
            taken[s:e] = b"\x01" * (e - s)
    return out


def _short_forms(text: str, orgs: list[Mention], zones: Sequence[Mention], places: Sequence[Mention]) -> list[Mention]:
    """厦门光屿显示科技有限公司 … 光屿显示今年计划…: the text goes on with the company's name
    without its place and its trade (纳维思, 海澄供应链, 康瑞达); those uses are mentions of it,
    and the company is named the way the text names it most (ties: the shorter)."""
    spans = [(m.start, m.end) for m in [*orgs, *zones, *places]]
    known = {m.text for m in [*orgs, *zones, *places]}
    added: list[Mention] = []
    for o in orgs:
        if len(o.text) < 8 or not o.text.endswith("公司") or o.source == SOURCE:
            continue
        offsets = [0] + [g.end - o.start for g in places if g.start == o.start and g.end < o.end]
        short = None
        for off in reversed(offsets):
            for n in range(min(6, len(o.text) - off - 4), 2, -1):
                cand = o.text[off:off + n]
                if cand in known or "公司" in cand or cand.startswith(("中国", "国家")) \
                        or not all(_CJK.match(ch) for ch in cand):
                    continue
                hits = [h.span() for h in re.finditer(re.escape(cand), text)
                        if not any(a < h.end() and h.start() < b for a, b in spans)]
                if hits:
                    short = (cand, hits)
                    break
            if short:
                break
        if short is None:
            continue
        ident = o.attrs.get("entity_id")
        for s, e in short[1]:
            added.append(Mention("ORG", s, e, short[0], SOURCE, norm=short[0], attrs={"entity_id": ident}))
            spans.append((s, e))
        known.add(short[0])
    if not added:
        return orgs
    # one name per company: the one the text writes most, mentions found here included
    out = orgs + added
    ident_of = lambda m: m.attrs.get("entity_id") or m.text  # noqa: E731
    names: dict[str, dict[str, int]] = {}
    for m in out:
        c = names.setdefault(ident_of(m), {})
        c[m.text] = c.get(m.text, 0) + 1
    changed = {i for i in (ident_of(m) for m in added)}
    return [replace(m, attrs={**m.attrs, "display": min(names[ident_of(m)].items(), key=lambda kv: (-kv[1], len(kv[0])))[0]})
            if ident_of(m) in changed else m for m in out]


def _areas(text: str, zones: Sequence[Mention], orgs: Sequence[Mention]) -> list[Mention]:
    """片区 / 分区 names: after a zone (the whole string), or after a hard boundary."""
    ends = {z.end: z for z in zones}
    spans = [(m.start, m.end) for m in list(zones) + list(orgs)]
    out: list[Mention] = []
    for km in _AREA.finditer(text):
        ks, ke = km.span()
        if any(a < ke and ks < b for a, b in spans):
            continue  # the zone finder or the NER has it
        a = ks
        while a > 0 and ks - a < 10 and _CJK.match(text[a - 1]) and a not in ends:
            a -= 1
        zone = ends.get(a)
        if zone is not None:
            start = zone.start
            name = text[a:ks]
        else:
            if a > 0 and (_CJK.match(text[a - 1]) or text[a - 1] in "”」』)）"):
                continue  # no boundary within reach, or the end of a quoted name (“两港一区”国铁片区综合开发项目)
            lead = _LEAD.match(text, a)
            a = lead.end() if lead else a
            start, name = a, text[a:ks]
        if not 2 <= len(name) <= 6 or any(ch in _NOT_IN_NAME for ch in name):
            continue
        surface = text[start:ke]
        out.append(Mention("ZONE", start, ke, surface, SOURCE, norm=surface, attrs={"display": surface}))
    # 济南高新区章锦片区 where the text also writes 章锦片区 alone: one area, named the short way
    alone = {m.text for m in out if m.start not in {z.start for z in zones}}
    for i, m in enumerate(out):
        short = next((n for n in alone if len(n) < len(m.text) and m.text.endswith(n)), None)
        if short:
            out[i] = replace(m, attrs={"display": short})
    return out


# 中德(沈阳)高端装备制造产业园, 达运精密(厦门)有限公司: a name with its place in brackets, which the
# entity stages cut at the bracket; the rest runs to a zone kind or a company ending
_BRACKETED_REST = re.compile(r"[)）]([\u4e00-\u9fff]{0,14}?(?:(产业园|科技园|工业园|园区|开发区|高新区|新区|片区|示范区)|"
                             r"(股份有限公司|有限责任公司|有限公司|集团)))")


# function words and verb endings no name holds after its bracket (…(新市区)再次扩大了新区)
_NOT_IN_REST = set("了的在和与将是等及或为从到于向对由把被让给着过并且也都就还又而以其该此这那已")


def _with_place_inside(text: str, names: Sequence[Mention], places: Sequence[Mention]) -> list[Mention]:
    """A zone or company named `NAME(PLACE)REST` where NAME is a mention ending at the bracket
    and PLACE a place mention: the whole string, a ZONE or an ORG by how REST ends (the
    mentions inside it give way to it as the outermost)."""
    at_place = {p.start: p for p in places}
    # the farthest end of the names starting at or before each name's start: a name there
    # reaching past the bracketed one holds it already (one pass, not a scan per name)
    ordered = sorted(names, key=lambda n: n.start)
    starts = [n.start for n in ordered]
    reach: list[int] = []
    for n in ordered:
        reach.append(max(n.end, reach[-1]) if reach else n.end)
    out: list[Mention] = []
    for m in names:
        if m.end >= len(text) or text[m.end] not in "(（":
            continue
        place = at_place.get(m.end + 1)
        if place is None:
            continue
        if m.label == "ZONE" and _ZONE_KIND.search(m.text):
            continue  # 乌鲁木齐高新区(新市区): a whole zone and the district it is
        rest = _BRACKETED_REST.match(text, place.end)
        if rest is None or any(ch in _NOT_IN_REST for ch in text[place.end + 1:rest.end()]):
            continue
        full = text[m.start:rest.end()]
        if reach[bisect_right(starts, m.start) - 1] >= rest.end():
            continue  # already a name as a whole
        label = "ZONE" if rest.group(2) else "ORG"
        attrs = {"display": full}
        if label == "ORG" and m.label == "ORG" and m.attrs.get("entity_id"):
            attrs["entity_id"] = m.attrs["entity_id"]
        out.append(Mention(label, m.start, rest.end(), full, SOURCE, norm=full, attrs=attrs))
    return out
