"""Where the learned checks are asked (``org_check``, ``person_check``, ``list_check``): the names that
nothing but LAC, a short-name rule or a list vouches for, and what is kept of them."""

from __future__ import annotations

from typing import Sequence

from pipeline.mentions import Mention

from . import list_check, org_check, orgs, person_check
from .lac import LacTagger
from .check import coordinated
from .lac_confidence import word_probabilities
from .list_check import ListCheck
from .org_check import OrgCheck, RuleContext, RuleOrgCheck
from .person_check import PersonCheck
from .resolve import _Spans
from .tagging import _ALONE_TAGS, _alone, default_tagger


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
