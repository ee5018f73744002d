"""People: LAC PER tokens, and names right after a title (副市长姚卿), with role and org."""

from __future__ import annotations

import re
from typing import Sequence

from . import lexicon

Tok = tuple[int, int, str]

_BAD_NAME_TAGS = {"v", "p", "w", "u", "c", "d", "m", "q", "TIME", "r", "xc", "f", "ad", "vd"}
# the tags LAC gives a three-character name whose surname is also a word (连/d, 应/v, 和/c)
_MISREAD_NAME_TAGS = {"d", "v", "c", "ad", "vd", "p"}
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff·\-]{2,12}$")
# what joins a transcribed name's parts: the middle dot, or a hyphen some papers write for it
NAME_DOTS = ("·", "-")
# the middle dot's look-alikes web text writes between a name's parts (路西•安德森, 本・拉登)
_OTHER_DOTS = re.compile("(?<=[\u4e00-\u9fff])[•‧・∙⋅](?=[\u4e00-\u9fff])")


def same_dots(h: str) -> str:
    """``h`` with the middle dot's look-alikes between two Chinese characters written as the
    middle dot, one character for one: the rules read one dot."""
    return _OTHER_DOTS.sub("·", h)


def _among_places(h: str, toks: Sequence[Tok], i: int) -> bool:
    """钦州/LOC 钦南/PER, 龙沙、铁锋/PER、建华: a place name in a run or list of places."""
    if i > 0 and toks[i - 1][2] == "LOC" and toks[i - 1][1] == toks[i][0]:
        return True
    for a, b in ((i - 2, i - 1), (i + 2, i + 1)):
        if 0 <= a < len(toks) and h[toks[b][0] : toks[b][1]] == "、" and (toks[a][2] == "LOC" or h[toks[a][0] : toks[a][1]] in lexicon.place_names()):
            return True
    return False


def _among_things(h: str, toks: Sequence[Tok], i: int) -> bool:
    """木槿、紫薇/PER、红叶石楠; 东丽、帝人/PER 在内: a word that closes its item of a 、-list whose
    other items are all common nouns, product or firm names is one of their kind (a plant, a
    brand, a firm), not a person.  Not when any item holds a person (张某 导演、李某/PER) or the
    word runs on into its item (课本、王某/PER 带着…, 文件、李某某/PER 讲话)."""
    if i + 1 < len(toks) and not (h[toks[i + 1][0] : toks[i + 1][1]] in _LIST_ENDS or toks[i + 1][2] == "w"):
        return False
    lo = i
    while lo > 0 and i - lo < 12 and (toks[lo - 1][2] in _ITEM_TAGS or h[toks[lo - 1][0] : toks[lo - 1][1]] == "、"):
        lo -= 1
    hi = i
    while hi + 1 < len(toks) and hi - i < 12 and (toks[hi + 1][2] in _ITEM_TAGS or h[toks[hi + 1][0] : toks[hi + 1][1]] == "、"):
        hi += 1
    items: list[list[Tok]] = [[]]
    own = 0
    for k in range(lo, hi + 1):
        if h[toks[k][0] : toks[k][1]] == "、":
            items.append([])
        else:
            items[-1].append(toks[k])
            if k == i:
                own = len(items) - 1
    others = [it for j, it in enumerate(items) if j != own]
    # (the list closes: 梅门/n 造/v runs on into a verb, a name LAC cut)
    closed = hi + 1 >= len(toks) or h[toks[hi + 1][0] : toks[hi + 1][1]] in _LIST_ENDS or toks[hi + 1][2] == "w"
    if lo > 0 and h[toks[lo - 1][0] : toks[lo - 1][1]] == "(" and hi + 1 < len(toks) and h[toks[hi + 1][0]] == ")":
        return False  # (某某、某某): a bracket of names is a byline
    titles = lexicon.affixes("person_titles")
    return closed and bool(others) and all(
        it and any(t[2] in _THING_TAGS for t in it) and all(t[2] in _THING_TAGS | {"a", "m", "q"} for t in it)
        and not any(titles.ending(h[t[0] : t[1]]) for t in it) for it in others)


_LIST_ENDS = frozenset({"、", "等", "和", "及", "与"})
# the words a list item of things is made of, and what may stand in a list at all
_THING_TAGS = frozenset({"n", "nz", "vn", "an", "nw", "ORG"})
_ITEM_TAGS = _THING_TAGS | {"PER", "LOC", "a", "j", "s", "m", "q"}


_PROVINCE_CHARS = frozenset("京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔贵云滇陕秦甘陇青宁藏桂蒙港澳台")


def _two_lands(w: str) -> bool:
    return all(c in _PROVINCE_CHARS for c in w) or (w[0] in "江河湖陆" and w[1] == "海")


# a bracket in running text holding a reporter's byline: (记者 某某), (湖南日报记者 某某 通讯员 某某)
_BRACKETED = re.compile(r"[(（]([^()（）\n]{4,40})[)）]")
_ROLE_WORD = re.compile(r"(?:本报|特约|实习|见习|首席)?(?:记者|通讯员)")


def byline_people(h: str) -> list[tuple[int, int, str]]:
    """Reporters named in a bracketed byline inside the text, whatever LAC read them as
    (记者 修/v 从涛/m): the bracket holds only roles and names after its outlet, or only names
    right after a dateline (某某网成都4月1日电 (邹某 汤某)).  Each with the role written before it."""
    from pipeline.ingest.page import byline_names, reporter_names

    out = []
    for m in _BRACKETED.finditer(h):
        role = _ROLE_WORD.search(m.group(1))
        if role is None:
            continue
        at = m.start(1) + role.start()
        # (记者/某某: a slash between role and name)
        for name in reporter_names(h[at : m.end(1)].replace("/", " ")):
            at = _add_reporter(h, name, at, m.end(1), m.start(1), out)
    for m in _DATELINE_NAMES.finditer(h):
        at = m.start(1)
        for name in byline_names(m.group(1)):
            at = _add_reporter(h, name, at, m.end(1), m.start(1), out)
    return out


# names alone in brackets right after a dateline's 电 (some agencies write no role there)
_DATELINE_NAMES = re.compile(r"\d{1,2}日电\s*[(（]([^()（）\n]{2,20})[)）]")


def _add_reporter(h: str, name: str, at: int, end: int, bracket: int, out: list[tuple[int, int, str]]) -> int:
    """One name of a byline (two where the line runs two names together: 周某张某), if it opens
    with a surname; returns where the next is looked for."""
    s = h.find(name, at, end)
    if s < 0:
        return at
    surnames = lexicon.surnames()
    if len(name) == 4 and name[:2] not in surnames and name[0] in surnames and name[2] in surnames:
        parts = [(s, s + 2), (s + 2, s + 4)]
    elif name[0] in surnames or name[:2] in surnames:
        parts = [(s, s + len(name))]
    else:
        return s + len(name)
    roles = list(_ROLE_WORD.finditer(h, bracket, s))
    for a, b in parts:
        out.append((a, b, roles[-1].group() if roles else ""))
    return s + len(name)


def lac_people(h: str, toks: Sequence[Tok]) -> list[tuple[int, int]]:
    out = []
    for i, (s, e, tag) in enumerate(toks):
        if tag == "PER" and (_among_places(h, toks, i) or _among_things(h, toks, i)):
            continue
        # 铁锋区, 钦南区: a place name LAC read as a person; 井开区/PER: with its suffix; 太忻一体化,
        # 兰新铁路, 岳常高速: two places' first characters before what joins them
        if h[e : e + 1] in _PLACE_AFTER or (tag == "PER" and e - s >= 3 and h[e - 1] in _PLACE_SUFFIXES) \
                or h.startswith(_JOINING_PLACES, e):
            continue
        if tag == "PER" and (ne := _surname_then_given_name(h, toks, i)):
            out.append((s, ne))  # 于/PER 大勇/PER: LAC cut one name in two
            continue
        if tag == "PER" and (sur := _surname_before_title(h[s:e])):
            # 吴先生, 江主席/PER: the title is no part of the name (ANNOTATION), the surname is
            out.append((s, s + sur))
            continue
        if tag == "PER" and e - s == 2 and (h[s] == h[s + 1] or _two_lands(h[s:e])):
            # untitled: a doubled character is a sound or a manner (隆隆作响, 炎炎夏季); two
            # provinces or two kinds of land are a region (云贵, 川渝, 陆海相连, 江海大地)
            continue
        if tag == "PER" and _NAME_CHARS.match(h[s:e]) and (e - s <= 4 or dotted(h[s:e]) or _long_foreign(h[s:e])):
            # 贝克 for 盖瑞·贝克 written out elsewhere in the article stays a person; a short
            # transliteration alone is as often a company (摩比斯, 贝恩), a long one a person
            # (奥尔布赖特, 内塔尼亚胡)
            if e - s <= 4 and transliterated(h[s:e]) and "·" + h[s:e] not in h \
                    and role_start(h, s) is None and lexicon.affixes("person_titles").beginning(h[e : e + 5]) is None:
                continue
            if _names_a_thing(h, toks, i) or _project_item(h, toks, i):
                continue
            out.append((s, extend_name(h, toks, i)))
        elif tag in ("LOC", "nz") and name_before_title(h, toks, i):
            out.append((s, e))
    return out


def _surname_then_given_name(h: str, toks: Sequence[Tok], i: int) -> int:
    """The end of a three-character name LAC tagged as two people, a one-character
    surname and a two-character given name (记者 于/PER 大勇/PER, 处长宾/PER 燕渝/PER); 0
    when it is not one.  The surname must not end a title (首席执行官/PER 任大: 官 is the title's)."""
    s, e, _ = toks[i]
    if e - s != 1 or h[s] not in lexicon.surnames() or i + 1 >= len(toks):
        return 0
    ns, ne, ntag = toks[i + 1]
    if ntag != "PER" or ns != e or ne - ns != 2 or not _NAME_CHARS.match(h[ns:ne]):
        return 0
    titles = lexicon.affixes("person_titles")
    if any(h[max(0, e - n) : e] in titles for n in (2, 3, 4, 5)):
        return 0
    return ne


# the polite titles, which also follow a given name written without a surname (大卫先生: extend_name)
_POLITE = ("先生", "女士", "小姐")
_HONORIFICS = _POLITE + ("老", "总", "老师", "医生", "师傅")


def title_after(h: str, s: int, e: int) -> str:
    """A title written right after a name (胡 + 经理, 姚某国 + 局长): the person's role."""
    for n in (5, 4, 3, 2):
        t = h[e : e + n]
        if len(t) == n and t in lexicon.affixes("person_titles") and _surname_before_title(h[s : e + n]) == e - s:
            return t
    return ""


def surname_alone(w: str) -> bool:
    """A surname with no given name, bare or before an honorific, a title or 氏 (刘, 欧阳, 焦经理, 王先生, 徐氏):
    no person's name (ANNOTATION.md's PERSON), however LAC tags it; a title after it stays a role."""
    if len(w) == 1:
        return True
    for n in (2, 1):
        rest = w[n:]
        # (徐氏: the family or clan of that surname)
        if w[:n] in lexicon.surnames() and (not rest or rest == "氏" or rest in _HONORIFICS
                                             or rest in lexicon.affixes("person_titles")):
            return True
    return False


def _surname_before_title(w: str) -> int:
    """The length of the name when a person-tagged word is a surname, or a surname and a
    given name, and then an honorific or a title (吴先生, 林老, 江主席, 欧阳先生, 姚某国局长);
    else 0.  The shortest name with a title after it: a title may hold a shorter one (副市长,
    市长), and 江某副 is no name."""
    for n in (1, 2, 3):
        rest = w[n:]
        if (w[:1] in lexicon.surnames() or w[:2] in lexicon.surnames()) and rest \
                and (rest in _HONORIFICS or rest in lexicon.affixes("person_titles")):
            return n
    return 0


# What a project, shop or plant is called ends with; a name right before its words names
# the thing, not a person (富思特新材料项目, 某某蒙式火锅旗舰店项目)
_THING_ENDS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,14}?(?:项目|基地|工厂|车间|门店|旗舰店|平台|产业园)")
# (蒙式火锅/a 旗舰店: LAC reads a descriptive word of the thing's name as an adjective)
_NOUN_TAGS = {"n", "nz", "nw", "vn", "an", "ORG", "a"}


def _names_a_thing(h: str, toks: Sequence[Tok], i: int) -> bool:
    """A person-tagged word followed at once by nouns that run into 项目/基地/平台...: the
    name of a company's project or plant (the company's name, not a person's)."""
    if i + 1 >= len(toks) or toks[i + 1][0] != toks[i][1] or toks[i + 1][2] not in _NOUN_TAGS:
        return False
    nxt = h[toks[i + 1][0] : toks[i + 1][1]]
    if nxt in lexicon.affixes("person_titles") or nxt in _PERSON_NOUNS:
        return False
    return bool(_THING_ENDS.match(h, toks[i][1]))


# what a project's name may hold between a company and 项目 (甲与Acme GmbH战略合作项目):
# nouns, foreign words, words LAC reads as numbers (肇琦/PER 半硼/m 钢轮毂项目), 与/和 joining
# the partners; no verb, so 王某牵头项目 is a person's
_PROJECT_NAME_TAGS = {"n", "nz", "nw", "vn", "an", "ORG", "LOC", "xc", "a", "j", "m"}


# verbs that open a list (项目分别为 某某电线电缆设备、…)
_LIST_VERBS = ("为", "是", "包括", "有")


def _project_item(h: str, toks: Sequence[Tok], i: int) -> bool:
    """A person-tagged word opening a list item of nouns that is a project's name: it ends
    in 项目 (凯梅瑟与Acme GmbH战略合作项目、…) or the list is closed by 等 + a count of
    projects (金麟锂电新材料、…等156个新建项目): a company's name, not a person's."""
    if i == 0 or h[toks[i - 1][0] : toks[i - 1][1]] not in ("、", ",", ":", "，", "：", *_LIST_VERBS) \
            and toks[i - 1][2] not in ("TIME", "d"):
        return False
    for k in range(i + 1, min(i + 12, len(toks))):
        w, tag = h[toks[k][0] : toks[k][1]], toks[k][2]
        if w in ("、", "等", "以及", "及"):
            # or two nouns or more run on from it, none joining partners (沛顿/PER 存储/vn
            # 先进封测/n、): the maker heading what it makes
            run_on = k > i + 2 and all(toks[j][2] in _PROJECT_NAME_TAGS for j in range(i + 1, k))
            return k > i + 1 and (run_on or h[toks[k - 1][0] : toks[k - 1][1]].endswith("项目")
                                  or bool(_PROJECTS_COUNTED.match(h, toks[k][0])))
        if tag not in _PROJECT_NAME_TAGS and not (tag in ("p", "c") and w in ("与", "和")) and not (tag == "w" and w.isspace() or w in "+&-"):
            return False
    return False


# the rest of a list of projects: …等156个新建项目, …等11个项目
_PROJECTS_COUNTED = re.compile(r"[^，,。；;!?！？]{0,40}?等[近约超]?[\d一二三四五六七八九十百千]+[个项][^，,。；;、]{0,6}?项目")


# nouns that follow a person's name (张某同志, 王某一行)
_PERSON_NOUNS = {"同志", "先生", "女士", "一行", "本人", "团队", "家人", "夫妇", "个人", "工作室"}


# Characters of transliterated foreign names (摩比斯, 贝恩) and continent abbreviations
# (欧亚美); a Chinese name is not made of these alone.
_TRANSLIT = set("斯贝欧摩比恩亚美尔克特德拉莱伯夫维默索菲普奥卡诺萨迪蒂塔泰兰尼莫纳博布吉埃奇")
# the characters Chinese writes foreign names with, more widely (Xinhua's transcription tables)
_TRANSLIT_WIDE = _TRANSLIT | set("里利罗洛舍米霍鲁津热胡加迈森基科格列茨什娃娅丽莉娜琳玛马巴蒙伊安乌图哈达戈谢"
                                 "耶约翰詹姆逊穆阿艾瓦沃西希雷勒杜托多内根丹汉赫赖廷蒂皮帕波佩")


def _long_foreign(w: str) -> bool:
    """Five or six characters of a transliterated name (米洛舍维奇, 布热津斯基): most of them
    are transliteration characters, which a Chinese name of that length is not."""
    return len(w) <= 6 and sum(c in _TRANSLIT_WIDE for c in w) >= len(w) - 1


def dotted(w: str) -> bool:
    """A transcribed name written in parts (安德烈·米勒, 安娜-史密斯)."""
    return any(d in w for d in NAME_DOTS)


def transliterated(w: str) -> bool:
    return not dotted(w) and len(w) >= 2 and all(c in _TRANSLIT for c in w)


def foreign_name(w: str) -> bool:
    """A word that reads as a transcribed foreign name (福格茨, 基里延科, 阿加尼亚): two
    characters of the narrow set, or three to six with at most one character outside the wide one."""
    if not _NAME_CHARS.match(w) or dotted(w):
        return False
    return transliterated(w) if len(w) == 2 else _long_foreign(w)


# one-character tokens that end a name rather than continue it (吴文/PER 好/ad 表示 is
# 吴文好, but 王明/PER 等/u, 王明/PER 说/v are not)
_NOT_NAME_CHAR = set("的了着过等说称和与及是在也都就还又曾已将对向为被把让给则却便才再并而或即之其所以于"
                     "刚正很更最只仍共均亦早先一不没未常总多首要会能可应另同亲当")
_NAME_END_TAGS = {"v", "p", "w", "d", "c", "u", "vd", "ad"}
# words after a person's name that nothing else is followed by (王某一行, 王某同志), and the
# characters that stand between a name and them without being part of it (王某等一行)
_GROUP_AFTER = ("一行", "同志", "先生", "女士")
_NOT_BEFORE_GROUP = set("等和与及率带陪同")


def extend_name(h: str, toks: Sequence[Tok], i: int) -> int:
    """吴文/PER 好/ad 表示: LAC cut a three-character name after two characters; take the
    next character when it is a one-character content token and a verb, function word
    or punctuation follows it."""
    s, e, _ = toks[i]
    polite = next((x for x in _POLITE if h.endswith(x, s, e) and 2 <= e - s - len(x) <= 4), None)
    if polite is not None:
        return e - len(polite)  # 主席 大卫先生/PER: the honorific is no part of the name (ANNOTATION.md)
    if e - s == 4 and h[s] in lexicon.surnames() and h[s : s + 2] not in lexicon.surnames() and (
            h[e - 1] in _NOT_NAME_CHAR or (h[e - 1] == "作" and i + 1 < len(toks) and toks[i + 1][2] in ("n", "vn", "nz"))):
        # 主任 鲁某某作/PER 管委会/n 工作报告: a function word or 作 (made a report) LAC glued to a
        # three-character name (池田大作/PER 表示/v is a name)
        return e - 1
    if e - s != 2 or h[s] not in lexicon.surnames() or i + 2 >= len(toks):
        return e
    ns, ne, ntag = toks[i + 1]
    if ne - ns == 1 and ns == e and h.startswith(_GROUP_AFTER, ne) and _NAME_CHARS.match(h[ns] * 2) \
            and h[ns] not in _NOT_BEFORE_GROUP:
        return ne  # 丁大/PER 为/v 一行: the character before 一行 ends the name
    if ne - ns != 1 or ns != e or not _NAME_CHARS.match(h[ns] * 2) or h[ns] in _NOT_NAME_CHAR:
        return e
    if ntag not in ("a", "ad", "d", "n", "ng", "an", "nz", "vn"):
        return e
    if toks[i + 2][2] not in _NAME_END_TAGS or toks[i + 2][1] - toks[i + 2][0] < 2 and toks[i + 2][2] != "w":
        return e
    return ne


def name_before_title(h: str, toks: Sequence[Tok], i: int) -> bool:
    """江凌/LOC 副市长: a surname-first word LAC read as a place, right before a title."""
    s, e, _ = toks[i]
    w = h[s:e]
    if not 2 <= len(w) <= 3 or h[s] not in lexicon.surnames() or not _NAME_CHARS.match(w):
        return False
    if w in lexicon.place_names() or w[-1] in _PLACE_AFTER or i + 1 >= len(toks):
        return False
    ns, ne, _ = toks[i + 1]
    if ns != e or h[ns:ne] not in lexicon.affixes("person_titles"):
        return False
    # 副市长 after a city is that city's: a person only when a verb or adverb follows
    return i + 2 < len(toks) and toks[i + 2][2] in ("v", "d", "p", "w", "vd", "ad")


_PLACE_AFTER = set("区县市镇乡村路街省州")
_JOINING_PLACES = ("一体化", "同城化", "都市圈", "城市群", "经济圈", "经济带", "高速", "铁路", "城际", "两地")
_PLACE_SUFFIXES = set("区县市镇乡省")
_NOT_NAME_ENDINGS = ("企", "企业", "公司", "集团", "方面", "同志")


def plausible_name(w: str) -> bool:
    """A PER surface that is really a title, a generic word or a kind of firm (董秘, 高企, 韩企)."""
    if w in lexicon.affixes("person_titles") or w in lexicon.generic_orgs():
        return False
    if w[:1] in "周月日年" and w[1:] in _RATES:
        return False  # 周环比, 周跌幅: a week's change in a market report, 周 no surname there
    return not w.endswith(_NOT_NAME_ENDINGS)


# what a market report measures over a period
_RATES = frozenset(("环比", "同比", "跌幅", "涨幅", "降幅", "增幅", "均价", "均值", "成交", "成交量", "涨跌", "涨跌幅",
                    "跌", "涨", "增长", "下跌", "上涨"))


def _title_ending_at(h: str, p: int) -> int | None:
    """Start of the longest title that ends at p, if any."""
    return lexicon.affixes("person_titles").ending_at(h, p)


def role_start(h: str, p: int) -> int | None:
    """Walk left over titles joined by 、 (党委书记、总经理); start of the role or None."""
    s = _title_ending_at(h, p)
    if s is None:
        return None
    while True:
        q = s
        # titles can also be stacked without a separator (党委书记总经理) or after 、
        if q > 0 and h[q - 1] == "、":
            nxt = _title_ending_at(h, q - 1)
        else:
            nxt = _title_ending_at(h, q)
        if nxt is None:
            return s
        s = nxt


# a two-character word after a title that opens with a surname's character is a common word when
# LAC reads it as one and no verb, preposition or stop follows it as one follows a person who
# acts or speaks (专家范围和, 总理车队的, 工程师文化颇为: 范, 车, 文 are surnames too; 副省长宋军/n 继/v 介绍)
_COMMON_WORD_TAGS = frozenset({"n", "vn", "v", "a", "an"})


def _common_word_after_title(toks: Sequence[Tok], i: int) -> bool:
    s, e, tag = toks[i]
    if e - s != 2 or tag not in _COMMON_WORD_TAGS:
        return False
    return i + 1 < len(toks) and toks[i + 1][2] not in ("v", "p", "w")


_GIVEN_NAME_TAGS = frozenset({"n", "nz", "a", "an", "ng", "PER"})


def _given_name_after(h: str, toks: Sequence[Tok], i: int, tags: frozenset[str] = _GIVEN_NAME_TAGS) -> int:
    """The end of the two-character given name after the surname that ends token ``i``, which LAC
    read as a word (史/PER 高领/n 在/p): a word of ``tags`` (noun-like), not a title, honorific or
    word for people, before a verb, function word or stop; 0 when there is none."""
    e = toks[i][1]
    if h[e - 1] not in lexicon.surnames() or i + 2 >= len(toks):
        return 0
    ns, ne, ntag = toks[i + 1]
    w = h[ns:ne]
    if ns != e or ne - ns != 2 or ntag not in tags or not _NAME_CHARS.match(w) \
            or w in lexicon.affixes("person_titles") or w in _HONORIFICS or w in _PERSON_NOUNS or w in _GROUP_AFTER:
        return 0
    return ne if toks[i + 2][2] in _NAME_END_TAGS else 0


# a transcribed name after a title is a person's whatever LAC tagged it, when nothing but a
# verb, function word or stop follows (总统 库奇马/n 等/u); two characters only when LAC read a name
_FOREIGN_TAGS = frozenset({"PER", "ORG", "LOC", "nz", "n", "nw", "a", "c", "d", "v"})
_NAMED_TAGS = frozenset({"PER", "ORG", "LOC", "nz"})


def _ends_name(toks: Sequence[Tok], i: int) -> bool:
    return i + 1 >= len(toks) or toks[i + 1][2] in _NAME_END_TAGS or toks[i + 1][2] == "TIME"


def _foreign_after_title(h: str, toks: Sequence[Tok], i: int) -> bool:
    s, e, tag = toks[i]
    w = h[s:e]
    if tag not in _FOREIGN_TAGS or not foreign_name(w) or (len(w) == 2 and tag not in _NAMED_TAGS):
        return False
    return w not in lexicon.place_names() and _ends_name(toks, i)


def _foreign_after_glued_title(h: str, toks: Sequence[Tok], i: int) -> int:
    """The start of a transcribed name of three or more characters LAC wrote as one word with
    the title before it (总理基里延科/n), or 0."""
    s, e, tag = toks[i]
    if e - s < 5 or tag in _BAD_NAME_TAGS:
        return 0
    title = lexicon.affixes("person_titles").beginning(h[s:e])
    if title is None or e - s - len(title) < 3 or not foreign_name(h[s + len(title) : e]):
        return 0
    return s + len(title) if _ends_name(toks, i) else 0


# a name in Latin letters (Tim Wilson, Jean-Marie Hurtiger, DavidFlanagan, Park Jong-seok) right
# after its title
_LATIN_NAME = re.compile(r"(?<=[\u4e00-\u9fff])[A-Z][a-z]+(?:[ \-]?[A-Z][a-z]+){0,2}(?:-[a-z]+)?(?![A-Za-z])")


# verbs of saying, which follow the people they quote (also a feature of the person check)
SAYING = ("说", "表示", "认为", "指出", "介绍", "称", "告诉", "坦言", "透露", "强调", "预计", "解释", "分析",
          "回忆", "提出", "建议", "笑", "问", "答", "道", "承认", "补充", "举例", "相信", "希望", "感慨")
# what may stand between a name and its verb of saying without being part of the name (王某也表示)
_BEFORE_SAYING = frozenset("也还则就又均都亦便再曾已将并即却更乃仍正刚首先后")


def _third_char(h: str, toks: Sequence[Tok], i: int) -> int:
    """The end of a two-character name after its title, or of three where LAC cut the last
    character off as a word of its own right before a verb of saying (副省长 宋某/n 继/v 介绍/v):
    no word of one character stands there but an adverb (王某也表示)."""
    e = toks[i][1]
    if i + 2 >= len(toks) or toks[i + 1][1] - toks[i + 1][0] != 1 or h[e] in _BEFORE_SAYING \
            or not "\u4e00" <= h[e] <= "\u9fff" or not h.startswith(SAYING, toks[i + 2][0]):
        return e
    return toks[i + 1][1]


def _surname_in_titles_last_word(h: str, toks: Sequence[Tok], i: int) -> int:
    """Where LAC cut a title inside its words and glued the surname after it to the title's last
    characters (党工委副书/n 记励/v 成杰/PER): the surname's start, when a two-character given name
    LAC read as a person follows; else 0."""
    s, e, _ = toks[i]
    if e - s < 2 or i + 1 >= len(toks) or toks[i + 1][2] != "PER" or toks[i + 1][0] != e:
        return 0
    p = e - 1
    # (the surname may be a rare one no list holds: LAC's person word after it and the title before
    # it say enough)
    if toks[i + 1][1] - toks[i + 1][0] != 2 or not "\u4e00" <= h[p] <= "\u9fff" or role_start(h, p) is None \
            or role_start(h, e) is not None:  # (董事/长 陈某: the character closes a longer title)
        return 0
    return p


def _given_name_after_surname_word(h: str, toks: Sequence[Tok], i: int) -> int:
    """The end of a name after a title whose surname LAC read as a word of its own, a noun or a
    function word (向/p, 和/c, 麻/n), and whose two-character given name as another word: a name's
    tag after a function word (研究员 向/p 健军/ORG), after a noun also a verb's (CEO 车/n 建新/v
    担任), then what ends a name; not a verb of saying (专家 都/d 表示); 0 when there is none."""
    s, e, tag = toks[i]
    # (时 after a title closes a clause of time, 面对记者时感叹, more often than it opens a name)
    if e - s != 1 or h[s] == "时" or tag not in ("n", "p", "c", "d"):
        return 0
    ne = _given_name_after(h, toks, i, _GIVEN_AFTER_NOUN if tag == "n" else _GIVEN_AFTER_WORD)
    w = h[e:ne]
    # and the article never writes the given name without that surname (专家 和/c 泛亚/ORG 的, where
    # 由泛亚设计 says 泛亚 is a firm)
    return ne if ne and not w.startswith(SAYING) and h.count(w) == h.count(h[s] + w) else 0


# what LAC reads such a given name as: a name's tag, and after a surname read as a noun a verb's too
_GIVEN_AFTER_WORD = frozenset({"ORG", "PER", "nz"})
_GIVEN_AFTER_NOUN = _GIVEN_AFTER_WORD | {"v", "vn"}


def titled_people(h: str, toks: Sequence[Tok]) -> list[tuple[int, int, int]]:
    """(name_start, name_end, role_start) for names that follow a title."""
    surnames = lexicon.surnames()
    out = [(m.start(), m.end(), rs) for m in _LATIN_NAME.finditer(h) if (rs := role_start(h, m.start())) is not None]
    title_ends = lexicon.affixes("person_titles").last_chars
    for i, (s, e, tag) in enumerate(toks):
        if e - s >= 3 and h[e - 2] in title_ends and (rs := role_start(h, e - 1)) is not None and rs >= s \
                and (ne := _given_name_after(h, toks, i)):
            out.append((e - 1, ne, rs))  # 副主任史/n 高领/n 在/p: LAC glued the surname to the title
            continue
        if (ns := _surname_in_titles_last_word(h, toks, i)):
            out.append((ns, toks[i + 1][1], role_start(h, ns) or ns))  # 副书/n 记励/v 成杰/PER
            continue
        if (ns := _foreign_after_glued_title(h, toks, i)):
            out.append((ns, e, s))  # 总理基里延科/n: LAC glued the name to its title
            continue
        if s == 0 or h[s - 1] not in title_ends:
            continue  # no title ends right before this token (most tokens)
        rs = role_start(h, s)
        if rs is None:
            continue
        w = h[s:e]
        if tag == "PER" and _NAME_CHARS.match(w):
            out.append((s, extend_name(h, toks, i), rs))
            continue
        if tag == "PER" and e - s == 1 and (ne := _given_name_after(h, toks, i)):
            out.append((s, ne, rs))  # 副主任史/PER 高领/n 在/p: LAC cut the surname off
            continue
        # 总经理应/v 海峰/PER, 副局长时/n 金凤/PER: a one-character surname LAC read as another word
        if e - s == 1 and h[s] in surnames and i + 1 < len(toks):
            ns, ne, ntag = toks[i + 1]
            if ntag == "PER" and ne - ns <= 2 and _NAME_CHARS.match(h[s:ne]):
                out.append((s, ne, rs))
                continue
        if _foreign_after_title(h, toks, i):
            out.append((s, e, rs))  # 教练 福格茨/ORG 对/p, 总统 库奇马/n 等/u
            continue
        if tag in _MISREAD_NAME_TAGS and e - s == 3 and h[s] in surnames and _NAME_CHARS.match(w) \
                and i + 1 < len(toks) and toks[i + 1][2] in ("p", "v", "w", "u", "d"):
            out.append((s, e, rs))  # 副司长 连启华/d 在/p: a surname LAC reads as an adverb or a verb opens it
            continue
        if (ne := _given_name_after_surname_word(h, toks, i)):
            out.append((s, ne, rs))  # 研究员 向/p 健军/ORG 表示, 总经理 麻/n 立志/v 等
            continue
        if tag in _BAD_NAME_TAGS:
            continue
        first2 = h[s : s + 2]
        sur = 2 if first2 in surnames else 1 if h[s] in surnames else 0
        if not sur:
            continue
        if 2 <= len(w) <= 3 and _NAME_CHARS.match(w) and len(w) > sur and not _common_word_after_title(toks, i):
            out.append((s, _third_char(h, toks, i) if len(w) == 2 and sur == 1 else e, rs))
            continue
        # LAC split an unknown name into single characters: take them, at most 3
        k = i
        while k < len(toks) and toks[k][1] - toks[k][0] == 1 and toks[k][1] - s <= 3 and _NAME_CHARS.match(h[toks[k][0]] * 2):
            k += 1
        if k - i >= 2:
            out.append((s, toks[k - 1][1], rs))
    return out
