"""Coordination: items listed with 、/和/及 beside a known organisation are organisations.

中兴、华为、腾讯、京东、帝斯曼 -> LAC may call 帝斯曼 a person; the list says otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from . import lexicon, people

Tok = tuple[int, int, str]

_SEPARATORS = {"、", "和", "及", "与", "以及"}
_LINKS = _SEPARATORS | {"等"}
_LINK_CHARS = re.compile("|".join(sorted({w[0] for w in _LINKS})))
_ITEM_TAGS = {"PER", "ORG", "nz", "LOC"}
# an item LAC cut into words (山河/智能 between 三一集团、 and 、中联工起): words of these tags, at
# most _MAX_PARTS of them and _MAX_CHARS characters, closed by a separator on both sides
_PART_TAGS = {"n", "nz", "vn", "ORG", "PER", "LOC", "an", "j"}
_MAX_PARTS = 3
_MAX_CHARS = 6
_PLACE_ENDS = "省市县区镇乡村州"


_FIRM_WORDS = ("企业", "公司", "集团", "车企", "厂商", "巨头", "银行", "机构", "品牌商", "供应商", "跨国公司",
               "配套商", "制造商", "服务商", "运营商", "厂家", "单位")


def _openings(h: str, toks: Sequence[Tok], org_starts: dict[int, tuple[int, int]]) -> list[int]:
    """Where a list can open: the tokens of found ORGs' starts, and those before a
    separator or 等 (the loop jumps between them while no list is open)."""
    starts = [t[0] for t in toks]
    found: set[int] = set()
    for m in _LINK_CHARS.finditer(h):
        k = bisect_left(starts, m.start())
        if 0 < k < len(toks) and starts[k] == m.start() and h[m.start() : toks[k][1]] in _LINKS:
            found.add(k - 1)
    for a in org_starts:
        k = bisect_left(starts, a)
        if k < len(toks) and starts[k] == a:
            found.add(k)
    return sorted(found)


def _firms_follow(h: str, toks: Sequence[Tok], i: int) -> bool:
    """等 then, within three words and a count, a word for firms (等知名企业, 等一流汽车厂商,
    等近40家配套供应商); not past a conjunction (等基础设施和企业设备)."""
    if h[toks[i][0] : toks[i][1]] != "等":
        return False
    count = 0
    while (i + 1 + count < len(toks) and count < 2
           and (toks[i + 1 + count][2] == "m" or h[toks[i + 1 + count][0] : toks[i + 1 + count][1]] in ("近", "约", "超"))):
        count += 1
    for k in range(i + 1 + count, min(i + 4 + count, len(toks))):
        w = h[toks[k][0] : toks[k][1]]
        if w.endswith(_FIRM_WORDS):
            return True
        # after a count a verb is the firms' modifier (40家配套/v 供应商); else it acts
        # and 的 only after 这样 (等这样的公司), not after a noun (等服务的供应商)
        if toks[k][2] in ("w", "p", "c") or (toks[k][2] == "v" and not count) \
                or (toks[k][2] == "u" and toks[k - 1][2] != "r"):
            return False
    return False


def _parts_end(h: str, toks: Sequence[Tok], i: int) -> int | None:
    """The index after an item of 2..._MAX_PARTS words starting at token i, between 、 and
    、 or 等 within _MAX_CHARS characters; its last word a noun, not an action (项目路演) or a
    place word (璜土镇), and 及/和 do not close it (东西设备及发动机部件有限公司 is one name)."""
    if i == 0 or h[toks[i - 1][0] : toks[i - 1][1]] != "、":
        return None
    for j in range(i + 1, min(i + _MAX_PARTS, len(toks)) + 1):
        if toks[j - 1][2] not in _PART_TAGS or toks[j - 1][1] - toks[i][0] > _MAX_CHARS:
            return None
        if j < len(toks) and h[toks[j][0] : toks[j][1]] in ("、", "等"):
            last = toks[j - 1]
            ok = j > i + 1 and last[2] != "vn" and h[last[1] - 1] not in _PLACE_ENDS
            return j if ok else None
    return None


# what a building, an estate or a place is called by (a project's list names them beside
# companies: 云望广场、美辰花园、清水社区); not organisations
_FACILITY_ENDS = ("广场", "花园", "大厦", "公寓", "公园", "会堂", "苑", "社区", "风情园", "二期", "三期")


def _may_name_org(h: str, toks: Sequence[Tok], starts: list[int], s: int, e: int) -> bool:
    """A list item that can be an organisation's name: not a facility or a place by its
    last word, and an item ending in an organisation's type word opens with a name, as
    the suffix rule asks (营销中心、供应链中心 are units, not names)."""
    w = h[s:e]
    if w.endswith(_FACILITY_ENDS) or w[-1] in _PLACE_ENDS:
        return False
    if lexicon.affixes("org_suffixes").ending(w):
        k = bisect_left(starts, s)
        return k < len(toks) and toks[k][0] == s and (toks[k][2] in _ITEM_TAGS or toks[k][1] >= e)
    return True


def _titled_person_after(h: str, toks: Sequence[Tok], i: int, end: int) -> int | None:
    """A title that runs from ``end`` (an organisation's end) over the next tokens, and the
    name after it if there is one (某集团负责人, 某管委会副主任黄某): the index of the last
    token of the person so named, if any."""
    for k in range(i, min(i + 3, len(toks))):
        if toks[k][2] == "w":
            return None
        if people.role_start(h, toks[k][1]) == end:
            return k + 1 if k + 1 < len(toks) and toks[k + 1][2] == "PER" else k
    return None


def coordinated_orgs(h: str, toks: Sequence[Tok], found: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Single-token list items next to a found ORG in the same 、-list."""
    spans = {(s, e) for s, e, _ in found}
    found_ends = {e for _, e, _ in found}
    generic = lexicon.generic_orgs()
    out: list[tuple[int, int, str]] = []
    items: list[tuple[int, int, str]] = []

    def flush(nxt: int = -1) -> None:
        # 韩泰、浦项等知名企业: a list that ends in 等 + a word for firms names firms
        if items and 0 <= nxt < n and _firms_follow(h, toks, nxt):
            for k, (s, e, tag) in enumerate(items):
                # a first item run on from a noun is the tail of a longer name (阿里山联兴/茶叶)
                tail = k == 0 and (p := bisect_left(starts, s)) > 0 and toks[p - 1][1] == s and toks[p - 1][2] in _PART_TAGS
                # (an item that is itself a kind of firm describes: 芯片供应商等企业)
                if (s, e) not in spans and tag in _ITEM_TAGS | {"n", "parts"} and h[s:e] not in generic and 2 <= e - s <= 8 \
                        and h[s:e] not in lexicon.place_names() and not tail and not h[s:e].endswith(_FIRM_WORDS) \
                        and _may_name_org(h, toks, starts, s, e):
                    out.append((s, e, "org_list"))
            items.clear()
            return
        n_orgs = sum((s, e) in spans for s, e, _ in items)
        # 比亚迪的F3、F3DM以及吉利…: a list opened by an organisation and 的 lists its products
        first = items[0][0] if items else 0
        if first > 0 and h[first - 1] == "的" and first - 1 in found_ends:
            items.clear()
            return
        if len(items) >= 2 and n_orgs:
            # a list with a titled person in it (市领导梁某、戴某及某集团负责人, 梁某、戴某以及
            # 某某管委会副主任黄某) lists people
            titled = any(tag == "titled" for _, _, tag in items)
            for s, e, tag in items:
                if (s, e) not in spans and tag in _ITEM_TAGS | {"parts"} and h[s:e] not in generic and 2 <= e - s <= 8 \
                        and (tag != "parts" or h[s:e] not in lexicon.place_names()) \
                        and not (tag == "PER" and titled) and _may_name_org(h, toks, starts, s, e):
                    out.append((s, e, "org_list"))
        items.clear()

    by_start = {a: (a, b) for a, b, _ in found}
    n = len(toks)
    starts = [t[0] for t in toks]
    opens = _openings(h, toks, by_start)
    next_open = 0
    i = 0
    while i < n:
        if not items:
            while next_open < len(opens) and opens[next_open] < i:
                next_open += 1
            if next_open == len(opens):
                break
            i = opens[next_open]
        # an item is a found ORG span or a single token
        s, e, tag = toks[i]
        org = by_start.get(s)
        if org is not None:
            i += 1
            while i < n and toks[i][1] <= org[1]:
                i += 1
            person = _titled_person_after(h, toks, i, org[1])
            if person is not None:
                # …、陆某以及某某管委会副主任黄某: the item is a person, by the body's title
                items.append((org[0], toks[person][1], "titled"))
                i = person + 1
            else:
                items.append((org[0], org[1], "ORG"))
        elif tag == "PER" and people.role_start(h, s) is not None:
            # 销售副总庄渊棋和深圳IC产业基地: a name after a title is a person
            items.append((s, e, "titled"))
            i += 1
        elif items and (j := _parts_end(h, toks, i)) is not None:
            # a body and its title (市总工会/ORG 主席/n) name a person's office, not a firm
            titled_body = (people.role_start(h, toks[j - 1][1]) or s) > s
            items.append((s, toks[j - 1][1], "titled" if titled_body else "parts"))
            i = j
        else:
            items.append((s, e, tag))
            i += 1
        nxt = h[toks[i][0] : toks[i][1]] if i < n else ""
        if nxt in _SEPARATORS:
            i += 1
            continue
        if len(items) == 1 and nxt != "等":
            items.clear()  # what flush does with a lone item not followed by 等 (most tokens)
        else:
            flush(i)
    flush()
    return out


# what a list closed by 等 names when these follow: sectors or products, not firms (新能源、海洋经济、
# 港航物流等产业; 凯美瑞、蒙迪欧等车型; 路由器和防火墙等产品)
_SECTOR_WORDS = ("产业", "行业", "领域", "业态", "板块", "产业链", "产业集群", "门类")
_PRODUCT_WORDS = ("车型", "产品", "品种", "机型", "型号", "商品", "车辆", "药品", "线路")
_FIRMS_AFTER = re.compile("企业|公司|项目|巨头|龙头|集团|厂商|品牌")


def sector_list_items(h: str, toks: Sequence[Tok]) -> list[tuple[int, int]]:
    """The items of 、-lists closed by 等 and a word for sectors or products (…、港航物流/ORG、
    文化旅游等产业; 天籁、奇骏等车型): each the run of words between two separators, read back
    from 等."""
    out: list[tuple[int, int]] = []
    for i, (s, e, _) in enumerate(toks):
        if h[s:e] != "等" or i + 1 >= len(toks):
            continue
        k = i + 1
        while k < len(toks) and k < i + 3 and toks[k][2] in ("m", "q", "a"):
            k += 1  # 等 + a count or a modifier (等五大产业, 等新兴产业)
        if k >= len(toks) or not h[toks[k][0] : toks[k][1]].startswith(_SECTOR_WORDS + _PRODUCT_WORDS) \
                or "家" in h[s : toks[k][0]] or _FIRMS_AFTER.search(h[toks[k][0] : toks[min(k + 1, len(toks) - 1)][1]]):
            continue  # (等多家行业龙头企业, 等行业巨头, 等产业项目: firms after all)
        items, end, j = [], s, i - 1
        while j >= 0:
            w, tag = h[toks[j][0] : toks[j][1]], toks[j][2]
            if w in _SEPARATORS:
                items.append((toks[j][1], end))
                end = toks[j][0]
            elif tag in ("w", "v", "p", "u", "d", "c", "r") or end - toks[j][0] > 10:
                break
            j -= 1
        items.append((toks[j + 1][0], end))
        if len(items) >= 2:
            out.extend((a, b) for a, b in items if a < b)
    return out


# what may part a firm list's items besides 、 (甲、乙和丙等三家企业), when LAC reads it as a word of its own
_ITEM_JOINS = {"和", "及", "与", "以及"}
# words that make an item a phrase, not a name (兵库县的藤野肉鸡, 节能灯主要被美国GE, 东风科技这类背靠上汽)
_PHRASE_TAGS = {"w", "p", "u", "d", "c", "r", "m", "q", "TIME", "f", "xc"}
_MAX_ITEM = 10
_DENG = re.compile("等")


def firm_list_items(h: str, toks: Sequence[Tok], found: Sequence[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The items of lists closed by 等 and a word for firms, one of them a found name
    (申鹭达、辉煌水暖等15家企业): each item after a separator the whole text up to the next,
    whatever LAC made of its words (辉煌/a 水暖/n, 打望/v 科技/n, 盟/n 和/c 磁业/n).  The first
    item has no separator to mark its left edge and is left to the other rules; an item
    that is one common word (造纸, 加油) or holds a function word is no name."""
    out: list[tuple[int, int]] = []
    starts = [t[0] for t in toks]
    for hit in _DENG.finditer(h):  # (the tokens that are 等, found from the text: most words are not)
        i = bisect_left(starts, hit.start())
        if i >= len(toks) or starts[i] != hit.start() or not _firms_follow(h, toks, i):
            continue
        s = toks[i][0]
        items: list[tuple[int, int]] = []  # right to left, each with a separator before it
        end, j = s, i - 1
        while j >= 0:
            w, tag = h[toks[j][0] : toks[j][1]], toks[j][2]
            # (a join after a single character is inside a name: 盟和磁业, 必和必拓)
            if w == "、" or (w in _ITEM_JOINS and tag in ("c", "p") and j > 0 and toks[j - 1][1] - toks[j - 1][0] > 1):
                items.append((toks[j][1], end))
                end = toks[j][0]
            elif tag == "w" or end - toks[j][0] > _MAX_ITEM:
                break
            j -= 1
        first = toks[j + 1][0] if j + 1 < len(toks) else s
        if not items or not any(first <= a < s for a, _, _ in found):
            continue
        if j < 0 or toks[j][2] == "w":
            items += _first_item(h, toks, starts, j + 1, items[-1][0] - 1)
        for a, b in items:
            if 2 <= b - a <= _MAX_ITEM and _item_is_name(h, toks, starts, a, b):
                out.append((a, b))
    return out


# what may stand before the first item's name in its clause: a verb, an adverb or a preposition
# (促进/v 某某开发、…等企业), nothing that could be more of the name
_BEFORE_FIRST = {"v", "vd", "d", "ad", "p", "c"}


def _first_item(h: str, toks: Sequence[Tok], starts: list[int], k: int, end: int) -> list[tuple[int, int]]:
    """The first item of a firm list from the clause's start (token ``k``) to its separator at
    ``end``: from its first word that can open a name (中华/ORG 开发/v、…等企业), the words before
    it only verbs, adverbs and prepositions; none where a noun stands there (its edge unsure)."""
    j = bisect_left(starts, end)
    m = k
    while m < j and toks[m][2] in _BEFORE_FIRST:
        m += 1
    if m < j and toks[m][2] == "LOC" and h[toks[m][0] : toks[m][1]] not in lexicon.place_names():
        m += 1  # (在/p 华设有/LOC 一汽/ORG 丰田/ORG: a place LAC ran into the verb after it opens no name)
    if m >= j or toks[m][2] not in _ITEM_TAGS | {"nw"}:
        return []
    # a name after a verb or a kind of firm inside the clause is where the item starts (华/LOC
    # 拥有/v 某某本田/ORG, 本土/n 企业/n TCL): what stands before it is its clause's
    for x in range(m + 1, j):
        w = h[toks[x - 1][0] : toks[x - 1][1]]
        if toks[x][2] in _ITEM_TAGS | {"nw"} and (toks[x - 1][2] in _BEFORE_FIRST or w.endswith(_FIRM_WORDS)):
            m = x
    return [(toks[m][0], end)]


def _item_is_name(h: str, toks: Sequence[Tok], starts: list[int], a: int, b: int) -> bool:
    k, j = bisect_left(starts, a), bisect_left(starts, b)
    if k >= len(toks) or toks[k][0] != a or (j < len(toks) and toks[j][0] != b) or toks[j - 1][1] != b:
        return False  # LAC's words cross the item's edges
    words, w = list(toks[k:j]), h[a:b]
    # a time word or a function word makes a phrase (当前/TIME 白炽灯, 兵库县的藤野肉鸡), as does a
    # kind of firm (软件平台供应商); a number may open a name (九三油脂) and 和 join one (盟和磁业)
    if words[0][2] in _PHRASE_TAGS - {"m"} or w.endswith(_FIRM_WORDS) \
            or any(t[2] in _PHRASE_TAGS and h[t[0] : t[1]] not in _ITEM_JOINS for t in words[1:]):
        return False
    if words[0][2] == "LOC":
        words = words[1:]  # (日本/LOC 肉鸡/n: a common word after a country)
    if len(words) == 1 and words[0][2] not in _ITEM_TAGS:
        return False
    return bool(words) and w not in lexicon.generic_orgs() and w not in lexicon.place_names() \
        and _may_name_org(h, toks, starts, a, b)
