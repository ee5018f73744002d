"""A learned check on the items of lists of firms that no other rule names (issue 13).

Zone news lists the firms a zone signed or brought in, and most of them are named nowhere else
(甲乙科技、丙丁智能等20个项目; 戊己、庚辛半导体等9个产业项目).  LAC reads such short names as a
verb and a noun (联暻/v 半导体/n) or a common word, so nothing finds them, while
the same lists hold sectors, buildings and projects (生物医药、科学会堂、中车交通城市运维装备北方基地).
A candidate is an item of a 、-list that holds a found organisation or is closed by 等 and a word
for firms or projects, and that no rule has named; this check is a logistic model over the item's
form (its words, its tail: an industry word or a place's, LAC's reading of it alone) and its list
(how it is closed, how many of its items are found names), fitted by
``scripts/train_list_check.py`` on candidates of ``../shared/corpus`` labelled by hand
(``data/labels/list_items.jsonl``), with its weights in ``rules/list_check.json``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from . import lexicon
from .check import LogisticCheck, set_alone, shipped

Tok = tuple[int, int, str]
WEIGHTS = Path(__file__).resolve().parents[2] / "rules" / "list_check.json"

_MAX_ITEM = 10
_JOINS = {"和", "及", "与", "以及"}
# words an item's edge may not be: where a list opens or closes (引进/v 宇球科技, 冠捷/ 之后/f)
_EDGE_STOPS = {"w", "p", "u", "c", "d", "r", "f", "m", "q", "TIME", "xc", "v", "vd", "ad", "PER"}
_NAME_TAGS = {"ORG", "PER", "LOC", "nz"}
_NOUN_TAGS = {"n", "vn", "an", "nw", "s", "j"}
_REGISTERED = ("有限公司", "有限责任公司", "股份公司", "集团公司")
_PROJECT_WORDS = ("项目", "产业项目", "重点项目", "重大项目")
_FIRM_CLOSERS = ("企业", "公司", "集团", "车企", "厂商", "巨头", "银行", "机构", "供应商", "制造商", "服务商",
                 "运营商", "厂家", "品牌", "龙头", "翘楚", "单位", "客户", "伙伴")
# tails of what a list of firms also holds: places, buildings, projects, sectors
_THING_ENDS = ("项目", "工程", "基地", "产业园", "园区", "园", "中心", "广场", "大厦", "花园", "社区", "城", "谷",
               "馆", "楼", "港", "站", "线", "厂", "车间", "平台", "产业", "行业", "制造", "加工", "服务", "二期", "三期",
               "一期", "学校", "小学", "中学", "医院", "大道", "路", "街")

CLASSES = ("name", "noun", "other")
FEATURES = (
    "bias", "len2", "len3", "len4", "len5_6", "len7+", "latin",
    "ntok1", "ntok2", "ntok3+", *(f"first_{c}" for c in CLASSES), "first_char", "last_char",
    "industry_tail", "thing_tail", "sector", "type_word", "place_head",
    "alone_ORG", "alone_LOC", "alone_PER", "alone_n", "alone_nz", "alone_common", "alone_other",
    "alone_ORG+", "alone_split",
    "pos_first", "pos_middle", "pos_last",
    "close_firm", "close_project", "close_deng", "close_none",
    "found_any", "found_share", "items2", "items3_4", "items5+", "repeated",
)


@dataclass(frozen=True)
class Item:
    """An item of a list: its span, its list (an index), its place in the list, the list's
    closer and size, and how many of the list's items are found organisations."""
    start: int
    end: int
    list_id: int
    pos: str  # first | middle | last
    closer: str  # firm | project | deng | none
    n_items: int
    n_found: int


def _tag_class(tag: str) -> str:
    return "name" if tag in _NAME_TAGS else "noun" if tag in _NOUN_TAGS else "other"


def _closer(h: str, toks: Sequence[Tok], i: int) -> str:
    """What closes a list whose last item ends before token i: 等 and a word for firms, 等 and
    projects (等32个项目, 等12个产业项目), 等 and anything else, or no 等."""
    if i >= len(toks) or h[toks[i][0] : toks[i][1]] != "等":
        return "none"
    after = h[toks[i][1] : toks[i][1] + 14]
    k = 0
    while k < len(after) and (after[k].isdigit() or after[k] in "一二三四五六七八九十百千余多近约超个家批大余"):
        k += 1
    after = after[k:]
    if any(w in after[:8] for w in _PROJECT_WORDS):
        return "project"
    if any(w in after[:8] for w in _FIRM_CLOSERS):
        return "firm"
    return "deng"


def _walk(h: str, toks: Sequence[Tok], i: int, step: int) -> int:
    """From token i, the last token (going by ``step``) of a run of words that can make an
    item's edge, within _MAX_ITEM characters; i - step when there is none."""
    j, edge = i, i - step
    while 0 <= j < len(toks) and toks[j][2] not in _EDGE_STOPS and h[toks[j][0] : toks[j][1]] != "、":
        lo, hi = (toks[i][0], toks[j][1]) if step > 0 else (toks[j][0], toks[i][1])
        if hi - lo > _MAX_ITEM:
            break
        edge = j
        j += step
    return edge


def list_items(h: str, toks: Sequence[Tok]) -> list[Item]:
    """Every item of every 、-list in ``h`` (items 2 to _MAX_ITEM characters, on LAC's word
    edges), found or not; n_found is filled in by ``list_context``."""
    # (the separators found in the text, then their words: most words are none)
    starts = [t[0] for t in toks]
    seps = []
    i = h.find("、")
    while i >= 0:
        k = bisect_left(starts, i)
        if k < len(toks) and toks[k][0] == i and toks[k][1] == i + 1:
            seps.append(k)
        i = h.find("、", i + 1)
    out: list[Item] = []
    g = lid = 0
    while g < len(seps):
        # a run of separators with an item of no punctuation and at most _MAX_ITEM characters between each two
        run = [seps[g]]
        while g + 1 < len(seps):
            a, b = seps[g], seps[g + 1]
            if b - a < 2 or toks[b][0] - toks[a][1] > _MAX_ITEM or any(t[2] == "w" for t in toks[a + 1 : b]):
                break
            run.append(b)
            g += 1
        g += 1
        spans: list[tuple[int, int, str]] = []
        first = _walk(h, toks, run[0] - 1, -1)
        if first <= run[0] - 1:
            spans.append((toks[first][0], toks[run[0] - 1][1], "first"))
        for a, b in zip(run, run[1:]):
            spans.append((toks[a + 1][0], toks[b - 1][1], "middle"))
        last = _walk(h, toks, run[-1] + 1, 1)
        nxt, n = last + 1, len(run) + 1
        if last >= run[-1] + 1:
            span = (toks[run[-1] + 1][0], toks[last][1])
            # (甲、乙和丙: the join ends the item before it, and the item after it is the last;
            # before a registered name the join may be inside it: 东西设备及发动机部件有限公司)
            if nxt < len(toks) and h[toks[nxt][0] : toks[nxt][1]] in _JOINS:
                end = _walk(h, toks, nxt + 1, 1)
                after = h[toks[nxt + 1][0] : toks[end][1]] if end >= nxt + 1 else ""
                if not after.endswith(_REGISTERED):
                    spans.append((*span, "middle"))
                if after:
                    spans.append((toks[nxt + 1][0], toks[end][1], "last"))
                    nxt, n = end + 1, n + 1
            else:
                spans.append((*span, "last"))
        closer = _closer(h, toks, nxt)
        lid += 1
        out.extend(Item(s, e, lid, pos, closer, n, 0) for s, e, pos in spans if 2 <= e - s <= _MAX_ITEM)
    return out


def list_context(h: str, toks: Sequence[Tok], orgs: Sequence[tuple[int, int]],
                 items: Sequence[Item] | None = None) -> dict[tuple[int, int], Item]:
    """Every list item by its span, with how many of its list's items hold one of ``orgs``
    (the organisations found so far); ``items``: ``list_items(h, toks)`` when the caller has them."""
    org_spans = sorted(orgs)
    org_starts = [a for a, _ in org_spans]
    groups: dict[int, list[Item]] = {}
    for it in list_items(h, toks) if items is None else items:
        groups.setdefault(it.list_id, []).append(it)
    out = {}
    for grp in groups.values():
        n_found = sum(_hits(it.start, it.end, org_spans, org_starts) for it in grp)
        out.update(((it.start, it.end), replace(it, n_found=n_found)) for it in grp)
    return out


def _hits(s: int, e: int, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    """[s, e) overlaps one of ``spans`` (sorted, ``starts`` their starts)."""
    k = bisect_left(starts, e)
    return any(a < e and s < b for a, b in spans[max(0, k - 8) : k])


def candidates(h: str, toks: Sequence[Tok], orgs: Sequence[tuple[int, int]],
               others: Sequence[tuple[int, int]] = (), items: Sequence[Item] | None = None) -> list[Item]:
    """The list items no rule has named (``orgs``: the organisations found so far; ``others``:
    zones, people and names already judged) in lists that hold a found organisation or are
    closed by 等 and firms or projects."""
    taken = sorted(list(orgs) + list(others))
    starts = [a for a, _ in taken]
    return [it for it in list_context(h, toks, orgs, items).values()
            if (it.n_found or it.closer in ("firm", "project"))
            and not _hits(it.start, it.end, taken, starts) and _may_name(h[it.start : it.end])]


def _sector(w: str) -> bool:
    """Made of the zone rules' generic words: sectors, scales, kinds (生物医药, 节能环保)."""
    from pipeline.zones import load_zone_rules
    from pipeline.zones.suffix import generic_only

    return generic_only(w, load_zone_rules())


def _may_name(w: str) -> bool:
    """Not a title (市委常委, 副书记), a place, or a body named by no name (管委会)."""
    return lexicon.affixes("person_titles").ending(w) is None and w not in lexicon.place_names() \
        and w not in lexicon.generic_orgs()


def features(h: str, toks: Sequence[Tok], starts: Sequence[int], it: Item, alone: Sequence[str]) -> list[float]:
    """The item ``it`` among LAC's words ``toks`` (``starts`` their starts), with LAC's tags of
    the item read by itself (``alone``)."""
    s, e = it.start, it.end
    w = h[s:e]
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    n = len(w)
    f["len2" if n <= 2 else "len3" if n == 3 else "len4" if n == 4 else "len5_6" if n <= 6 else "len7+"] = 1.0
    f["latin"] = float(any("a" <= c.lower() <= "z" for c in w))
    k, j = bisect_left(starts, s), bisect_left(starts, e)
    words = list(toks[k:j])
    f["ntok1" if len(words) == 1 else "ntok2" if len(words) == 2 else "ntok3+"] = 1.0
    if words:
        f["first_" + _tag_class(words[0][2])] = 1.0
        f["first_char"] = float(words[0][1] - words[0][0] == 1)
        f["last_char"] = float(words[-1][1] - words[-1][0] == 1)
    f["industry_tail"] = float(len(w) > 2 and w.endswith(lexicon.industry_words()))
    f["thing_tail"] = float(w.endswith(_THING_ENDS))
    f["sector"] = float(_sector(w))
    f["type_word"] = float(bool(lexicon.affixes("org_suffixes").ending(w)))
    places = lexicon.place_names()
    f["place_head"] = float(any(w[:m] in places for m in (2, 3) if len(w) > m))
    set_alone(f, alone, "ORG")
    f["pos_" + it.pos] = 1.0
    f["close_" + it.closer] = 1.0
    f["found_any"] = float(it.n_found > 0)
    f["found_share"] = it.n_found / max(1, it.n_items - 1)
    f["items2" if it.n_items == 2 else "items3_4" if it.n_items <= 4 else "items5+"] = 1.0
    f["repeated"] = float(h.count(w) > 1)
    return [f[x] for x in FEATURES]


class ListCheck(LogisticCheck):
    """Keeps a list item as an organisation when the model's probability is at least ``threshold``."""

    FEATURES = FEATURES


@lru_cache(maxsize=None)
def default_check() -> ListCheck | None:
    """The shipped check, or None when rules/list_check.json is absent (before training)."""
    d = shipped(WEIGHTS, FEATURES, "train-list-check")
    return None if d is None else ListCheck(d["weights"], d["threshold"])
