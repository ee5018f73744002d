"""Zones on no list: a name followed by a zone-kind word (…高新区, …产业园, …保税区).

The hard part is the left edge, since Chinese has no spaces.  The few characters before
the kind word are segmented with a small lexicon (places, stop words, generic
modifiers); the name is what lies after the last stop.  Then:

* a name that contains a place starts at the last run of places (沧州纵横黄骅新区 →
  黄骅新区: the company name in between is not part of the zone), and a place written
  with its 省/市/县/区 is a GPE outside the zone (江苏省 + 常州滨江化学工业园);
* a name with no known place is accepted only for parks (新经济产业园), or as a short
  name right after a hard boundary, and never when it is all generic words
  (国家高新区, 专业产业园, 化工园区).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from pipeline.mentions import Mention
from pipeline.zones.rules import ZoneRules
from pipeline.zones.trie import trie_regex

# kind word -> (zone_type, what the name before it must be)
#   "place": must contain a known place
#   "short": a known place, or 2-3 chars of non-generic name after a hard boundary
#   "park":  a known place, or 2-8 chars of non-generic name after a hard boundary
KINDS: dict[str, tuple[str, str]] = {
    "高新技术产业开发区": ("hitech", "short"),
    "高新技术产业园区": ("hitech", "short"),
    "高技术产业开发区": ("hitech", "short"),
    "高新区": ("hitech", "short"),
    "经济技术开发区": ("etdz", "short"),
    "经济开发区": ("dev_zone", "short"),
    "工业开发区": ("dev_zone", "short"),
    "经开区": ("etdz", "short"),
    "开发区": ("dev_zone", "short"),
    "特殊综合保税区": ("bonded", "short"),
    "综合保税港区": ("bonded", "short"),
    "综合保税区": ("bonded", "short"),
    "保税港区": ("bonded", "short"),
    "保税区": ("bonded", "short"),
    "综保区": ("bonded", "short"),
    "汽开区": ("dev_zone", "short"),
    "自由贸易试验区": ("ftz", "place"),
    "自贸试验区": ("ftz", "place"),
    "自贸区": ("ftz", "place"),
    "新区": ("new_area", "short"),
    "自贸片区": ("ftz_area", "park"),
    "片区": ("ftz_area", "place"),
    "示范区": ("demo_zone", "place"),
    # A 示范区 for innovation is named by its theme (军民融合, 传感网) as often as by a
    # place; the theme words themselves are generic, so a name needs more than them.
    "创新示范区": ("demo_zone", "park"),
    "主题园区": ("park", "park"),
    "高科技园区": ("park", "park"),
    "科技园区": ("park", "park"),
    "科技园": ("park", "park"),
    "工业园区": ("park", "park"),
    "工业园": ("park", "park"),
    "产业园区": ("park", "park"),
    "产业园": ("park", "park"),
    "软件园": ("park", "park"),
    # development areas approved by a name of their own kind (孟连边境经济合作区, 张江科学城, 丝路科学城):
    # optional ZONEs of the gold, a 合作区 named by a place as a 示范区 is.  (试验区 as a kind took
    # facts from the gold's subjects, the optional 金融商务发展试验区 of 南沙: eval-subjects .872 → .853)
    "合作区": ("zone", "place"),
    "科学城": ("zone", "park"),
}

# Words that end a name when read leftwards: verbs and function words that introduce a
# zone in running text.  Places are segmented first, so 和林格尔 keeps its 和.
STOP_WORDS = """建设 打造 位于 落户 入驻 依托 标志着 成立 设立 推进 支持 加快 申报 获批 批准 成为 包括
进入 来到 前往 考察 调研 走进 举行 举办 召开 签约 投资 规划 新建 筹建 启动 扩建 共建 以及 还是 就是
作为 通过 围绕 聚焦 对接 引进 发展 服务 依靠 借助 携手 联手 推动 促进 实施 面向 结合 所在 其中 目前
近年来 今年 去年 日前 近日 同时 已经 正在 计划 拟在 将在 承建 入选 获评 授予 荣获 认定 创建 申请 晋升
升级 获得 上下游 企业 公司 集团 正东 正西 正南 正北 东侧 西侧 南侧 北侧 附近 旁边 境内 以东 以西 以南
以北 毗邻 紧邻 邻近 项目 若干 助力 现有 方面 领域 期间 阶段 过程 当中 之间
实现 拉动 带动 占 同期 季度 扎根 建立 稳居 位居 跻身 所在地 其他 其它 各类 各级 多个 这些 那些""".split()
# (The last line: verbs and time words that stand before a bare kind word used as a
# reference, 占同期新区进口值, 一季度新区共有, 扎根新区, 稳居全国高新区前列; and
# determiners, which make a place + kind word a class of zones: 湖南其他综保区.)
STOP_CHARS = set("暨最一批片些类种座多几数若各我的在和与将是等及或为从到于向对由把被让给着了过即并且也都就还又而以其该此这那个家所项名已要会可能至使据年月日")

# Modifiers that describe a kind of zone instead of naming one.
GENERIC_WORDS = """国家 国家级 省级 市级 县级 区级 全国 中国 世界 一流 国际 专业 化工 化学 特色 重点 现代 综合
新型 大型 小型 各类 各级 多个 其他 相关 示范 创新 高新 高新技术 高科技 科技 产业 工业 经济技术 经济 农业
物流 生物 医药 软件 电子 信息 文化 创意 生态 海洋 智慧 数字 总部 转型 升级 转型升级 循环经济 低碳 出口加工
保税 保税物流 自由贸易 自主创新 沿海 沿江 沿边 西部 东部 中部 东北 边境 城市 城区 市区 周边 当地 本地
各地 各省 各市 本区 全区 全县 我国 我省 我市 境外 海外 首批 首个 第一 一批 新兴 优秀 先进 全省 全市 本市 本省 省内 市内 国内 境内 同类 这些 那些
治理 配套 承接 加工 制造 研发 孵化 双创 高端 绿色 民营 台资 外资 港澳 台湾
动漫 汽车 汽配 光伏 新能源 新材料 服装 家具 食品 纺织 化纤 钢铁 机械 装备 电子信息 物联网 云计算 大数据
人工智能 半导体 集成电路 生物医药 节能环保 环保 节能 能源 光电 创业 创客 电商 电子商务 跨境电商 健康 大健康
旅游 互联网 数字经济 金融 港口 航空 航天 航空航天 石化 冶金 建材 陶瓷 印刷 包装 商贸 大学 科研 留学生
创意产业 文化创意 影视 传媒 软件和信息服务 公园 花园 广场
自主 军民融合 协同 协同创新 科技创新 技术创新 开放 融合 产城融合 区域 中西部 东中西部 大众 万众 临空
全面 改革 体制 机制 制度 试点 区内 园内 县内
智能 储能 氢能 动能 数据 数控 家电 家居 会展 日化 可再生能源
现代化 专业化 规模化 国际化 综合性 战略性 价值 技术 主题 地区
领先 知名 著名 顶尖 功能性 型 大 千亿级 百亿级 万亿级 千亿 百亿 万亿 亿级 可降解 飞地 合作 深度合作 高效 跨市 跨省 跨境 跨区域""".split()
# (The line before the last also keeps a stop character inside an industry word from
# cutting a name: the 能 of 智能网联汽车产业园, the 据 of 数据.  The last: typology and
# scale words describe a park, 城市型生态产业园, 3大千亿级产业园区, 飞地工业园, 可降解 keeps
# its 可; 合作 describes a zone's purpose, 粤澳合作产业园, 深度合作示范区.)

_CJK = re.compile(r"[\u3400-\u9fff·]")
# a count of more than one just before a kind word's name (多个, 13家, 几座): a kind of zone, not one
_COUNTED = re.compile(r"(?:\d+|[二两三四五六七八九十百千几多数各]+)[个家座批]$")
# China and one country by their one-character abbreviations (中马钦州产业园区, 中德, 中新合作)
COUNTRY_PAIR = re.compile(r"中[美日韩朝俄德法英意新马泰越老柬印巴哈吉塔乌白非阿以欧澳加蒙缅菲沙瑞荷比葡西希土伊埃古]")
# A name followed by its administration is a zone whatever it holds (通州湾示范区党工委):
# the text itself says the area is governed as one.
ADMIN_WORDS = ("管理委员会", "管委会", "党工委")
# A free-trade zone's kind word right before an area's name belongs to the area's name
# (自贸试验区南宁片区, as ANNOTATION's 中国(安徽)自由贸易试验区合肥片区).
_FTZ_BEFORE = re.compile(r"(?:自由贸易试验区|自贸试验区|自贸区)$")
WINDOW = 12


_GENERIC = frozenset(GENERIC_WORDS)
_KIND_RE = re.compile("|".join(sorted(KINDS, key=len, reverse=True)))
_LEXICON_CACHE: dict[int, tuple[ZoneRules, re.Pattern[str]]] = {}


def lexicon_re(rules: ZoneRules) -> re.Pattern[str]:
    """Places, stop words and generic words as one pattern, compiled once per rules."""
    hit = _LEXICON_CACHE.get(id(rules))
    if hit is None or hit[0] is not rules:
        # A two-character district (西区, 城区, 矿区) is a word before it is a place, as
        # for GPE tagging: 东中西区域合作示范区 is no 西区 + 域合作.
        places = {s for s, p in rules.places.items() if not (p.suffixed and len(s) < 3 and s.endswith("区"))}
        lexicon = places | set(STOP_WORDS) | set(GENERIC_WORDS)
        hit = _LEXICON_CACHE[id(rules)] = (rules, trie_regex(lexicon))
    return hit[1]


def _segments(w: str, lex_re: re.Pattern[str]) -> list[tuple[int, int]]:
    """Cover ``w`` with lexicon words (leftmost-longest) and single characters."""
    segs: list[tuple[int, int]] = []
    i = 0
    for m in lex_re.finditer(w):
        segs.extend((j, j + 1) for j in range(i, m.start()))
        segs.append((m.start(), m.end()))
        i = m.end()
    segs.extend((j, j + 1) for j in range(i, len(w)))
    return segs


def _without_generic_tail(name: str, lex_re: re.Pattern[str]) -> str:
    segs = _segments(name, lex_re)
    while segs and name[segs[-1][0] : segs[-1][1]] in _GENERIC:
        segs.pop()
    return name[: segs[-1][1]] if segs else ""


def _is_generic(name: str, lex_re: re.Pattern[str]) -> bool:
    """True when ``name`` is made of generic modifiers only (or is empty)."""
    return all(name[a:b] in _GENERIC for a, b in _segments(name, lex_re))


def generic_only(name: str, rules: ZoneRules) -> bool:
    """``name`` is made of the generic modifiers only (sectors, scales, kinds of zones)."""
    return _is_generic(name, lexicon_re(rules))


# LAC's tags of words that never open a zone's name: verbs, function words, numbers and
# measure words, time words (符合新区, 参评高新区, 本次高新区, 亿元科技园).  Words of two or
# more characters only: LAC cuts an unknown name into single characters (增/v 材 制造产业园),
# and the one-character function words are STOP_CHARS already; not locality words, which
# open names (北部/f 产业园)
_NAME_TAGS = frozenset({"LOC", "ORG", "PER", "nz", "nw"})
NOT_NAME_TAGS = frozenset({"v", "vd", "p", "c", "u", "d", "r", "m", "q", "TIME", "w", "xc"})
# a number word is made of these (五大, 亿元, 一批); LAC also reads a name that opens with a
# numeral as one (两亭/m 循环经济科技工业园)
_NUMBER_WORD_CHARS = frozenset("0123456789.零〇一二两三四五六七八九十百千万亿几多余数个批大家元类项座")


def find_unlisted(t: str, rules: ZoneRules, taken: list[Mention],
                  tokens: Sequence[tuple[int, int, str]] | None = None) -> list[Mention]:
    """Zones named by a kind word, outside the spans in ``taken`` (sorted listed zones).
    ``tokens``, LAC's words of ``t`` where the caller has them, stop a name's left edge
    after a word LAC reads as a verb or function word (issue 13: no left edge walks
    across one), whatever the word lists know."""
    kind_re, lex_re = _KIND_RE, lexicon_re(rules)
    words = sorted(tokens or ())
    word_starts = [w[0] for w in words]
    taken_spans = [(m.start, m.end) for m in taken]
    out: list[Mention] = []
    governed: set[str] = set()
    ti = 0
    for km in kind_re.finditer(t):
        ks, ke = km.start(), km.end()
        while ti < len(taken_spans) and taken_spans[ti][1] <= ks:
            ti += 1
        if ti < len(taken_spans) and taken_spans[ti][0] < ke:
            continue  # inside a listed zone
        prev_end = max([0] + [e for s, e in taken_spans[max(0, ti - 1):ti]] +
                       [m.end for m in out[-1:]])
        m = _decide(t, ks, ke, km.group(), prev_end, rules, lex_re)
        if m is None and out and out[-1].end == prev_end and out[-1].attrs.get("zone_type") == "zone" \
                and _is_generic(t[prev_end:ks], lex_re):
            # a park named after a science city (平安科学城 + 大健康 + 科技园): the city's name
            # opens the park's, whose theme alone names nothing
            m = _decide(t, ks, ke, km.group(), out[-1].start, rules, lex_re)
        if m is None and words and KINDS[km.group()][1] == "park" and prev_end > 0:
            m = _theme_park(t, words, word_starts, prev_end, ks, ke, taken_spans, out)
        if m is None and words:
            # LAC read the zone as one name whose left edge our word lists cannot see
            # (核心/n 区/n 临港经济技术开发区/LOC): its word starts the name
            s0 = _name_word_start(words, word_starts, ks, ke, prev_end)
            if s0 is not None:
                m = _decide(t, ks, ke, km.group(), s0, rules, lex_re)
        lac_place = False
        if m is None and words and km.group() in _LAC_PLACE_KINDS:
            s0 = _lac_place_start(t, words, word_starts, ks, ke, prev_end, rules, lex_re)
            if s0 is not None:
                m = _decide(t, ks, ke, km.group(), s0, rules, lex_re, lac_place=True)
                lac_place = m is not None
        if m and words and not lac_place:
            after = _after_opening_words(t, words, word_starts, m.start, ks, lex_re)
            if after > prev_end:
                m = _decide(t, ks, ke, km.group(), after, rules, lex_re)
        if m and words and KINDS[km.group()][1] == "park" and m.attrs.get("zone_id", "").startswith("park:"):
            m = _owner_opens(t, m, words, word_starts, prev_end, rules)
        if m and words:
            m = _first_character_back(t, m, words, word_starts, prev_end)
        if m and _COUNTED.search(t, max(0, m.start - 6), m.start):
            m = None  # 多个手机产业园, 13家国家加工贸易产业园: a count of zones names a kind of them
        if m:
            if out and out[-1].end > m.start:
                out.pop()  # 自贸区X片区: the area's name took the zone in
            out.append(m)
            if t.startswith(ADMIN_WORDS, ke):
                governed.add(m.text)
    out = _one_name_per_zone(out, taken)
    return _same_names(t, out, taken_spans, governed & {m.text for m in out})


def _first_character_back(t: str, m: Mention, words: list[tuple[int, int, str]], starts: list[int],
                          prev_end: int) -> Mention:
    """A name whose left edge leaves behind one character of a place or name LAC reads as one
    word with it (皖/江城市带…, 皖江/LOC; 可/克达拉…, 可克达拉经济技术开发区/LOC): the word
    lists took 江城 for a place, 可 for a stop; LAC's word is the name's first."""
    k = bisect_right(starts, m.start) - 1
    if k < 0:
        return m
    s, e, tag = words[k]
    if not (s == m.start - 1 and e > m.start and s >= prev_end and tag in _NAME_TAGS and _CJK.match(t[s])):
        return m
    surface = t[s : m.end]
    attrs = dict(m.attrs)
    if attrs.get("zone_id") == f"{attrs.get('zone_type')}:{m.text}":
        attrs["zone_id"] = f"{attrs.get('zone_type')}:{surface}"
    return replace(m, start=s, text=surface, norm=surface, attrs=attrs)


def _after_opening_words(t: str, words: list[tuple[int, int, str]], starts: list[int], a: int, ks: int,
                         lex_re: re.Pattern[str]) -> int:
    """Where a name found at ``a`` starts once the words LAC reads as verbs, function or
    number words that open it are left out (进一步/d 巩固/v 高新区, 有力/ad 支撑/v 青禾产业园);
    ``a`` itself when none opens it.  Only the opening words: verbs inside a name stay
    (承接产业转移示范区, 自动驾驶示范区)."""
    k = bisect_right(starts, a) - 1  # the word holding a
    if k < 0:
        return a
    cut = a
    s, e, tag = words[k]
    if s < a < e < ks and e - s >= 2 and tag not in _NAME_TAGS:
        # the name opens inside a word LAC read: the left edge cut it (若干/m 千亿级产业园区,
        # 项目/n 万洋产业园); the name, if any, starts after it
        cut = e
        k += 1
    elif s == a and e - s == 1 and tag == "v" and _is_generic(t[e:ks], lex_re):
        # a one-character verb and generic words (居/v 全国高新区, 设/v 智慧产业园); LAC also
        # tags a character of an unknown name so (增/v 材制造产业园), which is not generic
        cut = e
        k += 1
    while k < len(words) and words[k][1] <= ks:
        s, e, tag = words[k]
        if _not_name_word(t, s, e, tag):
            cut = e
        elif not (tag == "ad" or e <= a):  # an adverb before a verb (有力 支撑) is passed over
            break
        k += 1
    return cut


def _theme_park(t: str, words: list[tuple[int, int, str]], starts: list[int], prev_end: int, ks: int, ke: int,
                taken: list[tuple[int, int]], out: list[Mention]) -> Mention | None:
    """A park named by its theme right after the zone it lies in (合肥高新区 + 新经济产业园,
    合肥经开区 + 智能装备科技园): the zone before it names its place, so the theme alone
    names the park (ANNOTATION: both are named parts).  Not past a verb, a function or
    number word (经开区新建产业园), nor a theme under three characters (经开区工业园)."""
    if not any(e == prev_end for _, e in taken) and not (out and out[-1].end == prev_end):
        return None
    theme = t[prev_end:ks]
    if not 3 <= len(theme) <= 8 or not all(_CJK.match(c) for c in theme):
        return None
    k = bisect_left(starts, prev_end)  # (a word LAC ran over from the zone is no verb)
    while k < len(words) and words[k][0] < ks:
        if words[k][2] in NOT_NAME_TAGS:
            return None
        k += 1
    return _zone(t, prev_end, ke, "park", None)


def _name_word_start(words: list[tuple[int, int, str]], starts: list[int], ks: int, ke: int,
                     prev_end: int) -> int | None:
    """Where LAC's name word ending with the kind word at ``ke`` starts, if it opens after
    ``prev_end`` and holds more than the kind word."""
    k = bisect_right(starts, ks - 1) - 1
    if k < 0:
        return None
    s, e, tag = words[k]
    return s if e == ke and prev_end < s < ks and tag in ("LOC", "ORG", "nz") else None


# the kinds a local name LAC knows as a place may open: a free-trade zone or its area is on the lists
# or named by a province (沪苏浙自贸试验区 is three), a 片区 is as often a quarter of a city (城南商贸片区)
_LAC_PLACE_KINDS = frozenset({"示范区", "合作区"})


def _lac_place_start(t: str, words: list[tuple[int, int, str]], starts: list[int], ks: int, ke: int,
                     prev_end: int, rules: ZoneRules, lex_re: re.Pattern[str]) -> int | None:
    """Where a zone's name starts when a word LAC reads as a place opens it and the place lists
    do not know that word (京津/LOC 合作示范区, 京南/LOC 国家科技成果转移转化示范区, 新桥科创/LOC 示范区,
    皖江示范区/LOC): an abbreviated pair of places or a local name names the zone as a listed place
    would.  Not a place written with its suffix (a GPE), a country, nor a generic word."""
    a, w, _, b, hard = _walk_left(t, ks, prev_end, rules, lex_re)
    s = a + b
    k = bisect_left(starts, s)
    if not hard or k >= len(words) or starts[k] != s:
        return None
    _, e, tag = words[k]
    word = t[s : min(e, ks)]
    if tag != "LOC" or not (e <= ks or e == ke) or len(word) < 2 or not all(_CJK.match(c) for c in word) \
            or word[-1] in _PLACE_SUFFIX_CHARS or _is_generic(word, lex_re):
        return None
    from pipeline.ner.lexicon import place_prefixes

    return None if word in place_prefixes().get("foreign", ()) else s


def _owner_opens(t: str, m: Mention, words: list[tuple[int, int, str]], starts: list[int], prev_end: int,
                 rules: ZoneRules) -> Mention:
    """A park named from a place keeps the company LAC reads right before it (富士康/ORG +
    晋城科技工业园; 中南高科/LOC, no place, + 马鞍山创智科技园): the owner opens its park.  A
    place read inside a company's name (京|东方 of 京东方信息医学/ORG) starts none: the name is
    the company's (not past a suffixed city: 温州市 + 欣乐加… keeps the city out)."""
    k = bisect_right(starts, m.start) - 1
    if k >= 0 and starts[k] < m.start < words[k][1]:
        s = starts[k]
        if words[k][2] in ("ORG", "nz") and s >= prev_end and not _PLACE_SUFFIX_CHARS & set(t[s : m.start]):
            return _zone(t, s, m.end, "park", m.attrs.get("province"))
        return m
    k = bisect_right(starts, m.start - 1) - 1
    if k < 0:
        return m
    from pipeline.ner.lexicon import place_prefixes  # (a country is no owner: 中国—马来西亚 + 钦州产业园)

    s, e, tag = words[k]
    w = t[s:e]
    if e != m.start or s < prev_end or e - s < 2 or not all(_CJK.match(c) for c in w) \
            or not (tag in ("ORG", "nz") or (tag == "LOC" and w not in rules.places and w[-1] not in _PLACE_SUFFIX_CHARS
                                             and w not in place_prefixes().get("foreign", ()))):
        return m
    return _zone(t, s, m.end, "park", m.attrs.get("province"), owner=w)


def _not_name_word(t: str, s: int, e: int, tag: str) -> bool:
    return (tag in NOT_NAME_TAGS and e - s >= 2
            and (tag not in ("m", "q") or all(c in _NUMBER_WORD_CHARS for c in t[s:e])))


def _same_names(t: str, out: list[Mention], taken: list[tuple[int, int]], names: set[str]) -> list[Mention]:
    """A zone the text names before its 管委会 is that zone wherever the text writes its
    name (寒冷的天气挡不住通州湾示范区…), where nothing else was found."""
    if not names:
        return out
    spans = taken + [(m.start, m.end) for m in out]
    by_name = {m.text: m for m in out}
    added: list[Mention] = []
    for name in sorted(names):
        for hit in re.finditer(re.escape(name), t):
            s, e = hit.span()
            if any(a < e and s < b for a, b in spans):
                continue
            spans.append((s, e))
            added.append(replace(by_name[name], start=s, end=e))
    return sorted(out + added, key=lambda m: m.start)


def _is_place(piece: str, rules: ZoneRules) -> bool:
    """A place that is also a generic word (合作 of 合作市, 新建, 港口) is a place before a
    kind word only when it is a province or prefecture (台湾)."""
    p = rules.places.get(piece)
    if p is None:
        return False
    return piece not in _GENERIC or p.level in ("province", "prefecture")


_CLOSE, _OPEN = ")）", "(（"
_PLACE_SUFFIX_CHARS = frozenset("省市县区镇乡村州旗盟")
_DIRECTIONS = frozenset("东西南北")
_TOPONYM_ENDS = frozenset("洲湖山岛湾桥河江坝滩岭峰塘溪沟坪庄屯堡峪寨墩")


def _zone(t: str, start: int, end: int, zone_type: str, province: str | None, zone_id: str | None = None,
          **extra: str) -> Mention:
    """A zone the kind word found, named ``t[start:end]``; its own id unless a listed one is given."""
    surface = t[start:end]
    attrs = {"province": province, "zone_id": zone_id or f"{zone_type}:{surface}", "zone_type": zone_type, **extra}
    return Mention("ZONE", start, end, surface, "zone_suffix", norm=surface, attrs=attrs)


def _walk_left(t: str, end: int, prev_end: int, rules: ZoneRules, lex_re: re.Pattern[str],
               window: int = WINDOW) -> tuple[int, str, list[tuple[int, int]], int, bool]:
    """The name material before ``end``: the run of characters ``w`` from ``a`` within
    ``window`` (not before ``prev_end``), its segments, the index ``b`` in it after the last
    stop word or stop character, and whether the boundary is hard: the name cannot run on
    further left (the start of the text, punctuation, a digit, the end of another zone, a
    stop)."""
    lo = max(prev_end, end - window)
    a = end
    while a > lo and _CJK.match(t[a - 1]):
        a -= 1
    hard = a > lo or a == prev_end or a == 0 or not _CJK.match(t[a - 1])
    w = t[a:end]
    segs = _segments(w, lex_re)
    b = len(w)
    for s, e in reversed(segs):
        piece = w[s:e]
        if piece in STOP_WORDS or (e - s == 1 and piece in STOP_CHARS and piece not in rules.places
                                   and not COUNTRY_PAIR.fullmatch(w[max(0, s - 1) : e])):
            # (the 日 of 中日 is a country's, not a date's: 中日生态科技产业园)
            hard = True
            break
        b = s
    return a, w, segs, b, hard


def _name_before(t: str, end: int, prev_end: int, rules: ZoneRules, lex_re: re.Pattern[str],
                 window: int = WINDOW) -> int | None:
    """Where the name material ending at ``end`` starts, after a place written with its
    suffix (江苏省); None when no hard boundary lies within ``window`` characters
    (市政府副市长昌邑…: no stop word, but no name either)."""
    a, w, segs, b, hard = _walk_left(t, end, prev_end, rules, lex_re, window)
    if not hard:
        return None
    for s, e in segs:
        p = rules.places.get(w[s:e])
        if s != b or p is None or not p.suffixed:
            break
        b = e
    return a + b


def _bracketed(t: str, a: int, ks: int, ke: int, kind: str, prev_end: int, rules: ZoneRules,
               lex_re: re.Pattern[str]) -> Mention | None:
    """A zone whose name holds a place in brackets: 中德(沈阳)高端装备制造产业园,
    潍坊(寿光)高新技术产业开发区, 江淮建工(合肥)绿色建材产业园 (the name before the
    bracket is the park's, as a company's 达运精密(厦门)有限公司 is the company's).
    ``a`` is just after the closing bracket; what lies between it and the kind word is
    name material without a stop.  A park's name before the bracket is any name that is
    not generic; another kind needs a place before or inside the bracket."""
    zone_type, need = KINDS[kind]
    o = a - 2
    while o >= max(prev_end, a - 8) and t[o] not in _OPEN:
        o -= 1
    if o < max(prev_end, a - 8) or not 2 <= a - 1 - (o + 1) <= 6 or not all(_CJK.match(c) for c in t[o + 1 : a - 1]):
        return None
    start = _name_before(t, o, prev_end, rules, lex_re, window=6)
    if start is None:
        return None
    front, inner = t[start:o], t[o + 1 : a - 1]
    # (a region or the country before a place in brackets names the zone: 西部(重庆)科学城,
    # 中国(驻马店)国际农产品加工产业园)
    regional = front in _REGION_FRONTS and _is_place(inner, rules)
    if len(front) < 2 or (_is_generic(front, lex_re) and not regional) \
            or (_is_generic(inner, lex_re) and not _is_place(inner, rules)):
        return None  # (西宁(国家级)经济技术开发区: a level in brackets, not a place)
    places = [t[x:y] for x, y in _segments(front, lex_re) if _is_place(front[x:y], rules)]
    if need != "park" and not (places or _is_place(inner, rules)):
        return None
    province = next((rules.places[p].province for p in places + [inner] if p in rules.places), None)
    return _zone(t, start, ke, zone_type, province)


_REGION_FRONTS = frozenset({"西部", "东部", "中部", "北部", "南部", "东北", "西北", "西南", "东南", "中国"})


# A body's type word right before a kind word that is not a park's: the kind word opens
# another phrase (广州海关自贸区和特殊区域发展处, 上海财经大学自贸区研究院); a university's
# 科技园 is a park of its own (武汉理工大学科技园)
_BODY_ENDS = ("海关", "大学", "学院", "研究院", "研究所", "公司", "集团", "银行", "协会", "商会", "政府")


# kinds a county's or district's zone is named with (沭阳县经济开发区, 苍南县工业园区)
_COUNTY_KINDS = frozenset({"dev_zone", "etdz", "hitech", "park", "bonded"})


def _county_zone(t: str, at: int, ke: int, kind: str, name: str, segs: list[tuple[int, int]],
                 rules: ZoneRules) -> Mention | None:
    """A kind word right after a county or district written with its suffix: the county's
    own zone, named by it (沭阳县经济开发区, 苍南县工业园区; issue 13: county and township
    zones are missing from the official lists), the listed one when the lists know it
    without the suffix (昆山市经济技术开发区 is 昆山经济技术开发区).  After a province or a
    prefecture the kind word stays a reference (某某市高新区: a GPE and a generic word)
    unless the lists know the city's zone of that kind (杭州市高新区 is 杭州高新区).
    ``name`` is what stands at ``at`` before the kind word, ``segs`` its segments."""
    zone_type, _ = KINDS[kind]
    if not segs or zone_type not in _COUNTY_KINDS:
        return None
    ps, pe = segs[-1]
    place = rules.places.get(name[ps:pe])
    if place is None or not place.suffixed or len(name) - pe:
        return None
    stem = name[ps : pe - 1]
    listed = rules.by_surface.get(stem + kind)
    if place.level != "county" and not listed:
        return None
    if listed:
        zone_type = listed.split(":", 1)[0]
    # a province or region written without its suffix right before the county is part of the
    # name (dev NOTES §2: 陕西 + 富县经济技术开发区, as 陕西潼关经济技术开发区 beside it)
    k = len(segs) - 2
    while k >= 0 and segs[k][1] == ps and (p := rules.places.get(name[segs[k][0] : segs[k][1]])) is not None \
            and not p.suffixed and p.level in ("province", "region"):
        ps = segs[k][0]
        k -= 1
    return _zone(t, at + ps, ke, zone_type, place.province, listed, county=stem)


def _one_name_per_zone(out: list[Mention], taken: list[Mention]) -> list[Mention]:
    """A county's zone named by the county (交城县开发区) where the article also names a zone
    that opens with the county's name (交城经济开发区) is that zone written another way; one
    zone keeps one name in the article, the one it is given without the suffix."""
    others = [m.text for m in out + taken if "county" not in m.attrs]
    return [m for m in out if "county" not in m.attrs
            or not any(o.startswith(m.attrs["county"]) for o in others)]


def _decide(t: str, ks: int, ke: int, kind: str, prev_end: int, rules: ZoneRules,
            lex_re: re.Pattern[str], use_admin: bool = True, lac_place: bool = False) -> Mention | None:
    zone_type, need = KINDS[kind]
    if need != "park" and t.endswith(_BODY_ENDS, max(0, ks - 3), ks):
        return None
    admin = use_admin and t.startswith(ADMIN_WORDS, ke)
    if admin and need != "park":
        need = "park"
    a, w, segs, b, hard = _walk_left(t, ks, prev_end, rules, lex_re)
    if b == 0 and a > prev_end and t[a - 1] in _CLOSE:
        named = _bracketed(t, a, ks, ke, kind, prev_end, rules, lex_re)
        if named is not None:
            return named
    name = w[b:]
    segs = [(s - b, e - b) for s, e in segs if s >= b]
    # Find the last run of places; within it, start after the last suffixed one.
    place_idx = [k for k, (s, e) in enumerate(segs) if _is_place(name[s:e], rules)]
    province = None
    if place_idx:
        k = place_idx[-1]
        while True:
            if k - 1 in place_idx:
                k -= 1
            elif k - 2 in place_idx and name[segs[k - 1][0]:segs[k - 1][1]] in _DIRECTIONS:
                k -= 2  # 常州 + 西 + 太湖: a quarter of a city, named with it (常州西太湖科技产业园)
            else:
                break
        run = [j for j in place_idx if j >= k]
        start_seg = k
        for j in run:
            if rules.places[name[segs[j][0]:segs[j][1]]].suffixed:
                start_seg = j + 1
        first_place = next((j for j in run if j >= start_seg), None)
        if first_place is not None:
            province = rules.places[name[segs[first_place][0]:segs[first_place][1]]].province
        if start_seg >= len(segs):
            return _county_zone(t, a + b, ke, kind, name, segs, rules)
        run_places = [rules.places[name[segs[j][0]:segs[j][1]]] for j in run if j >= start_seg]
        after_run = name[segs[run[-1]][1]:]
        # (a municipality is a city: 上海保税区 is one zone)
        if (need != "park" and run_places
                and all(p.level == "region" or (p.level == "province" and not p.full.endswith("市")) for p in run_places)
                and _is_generic(after_run, lex_re)
                and not (zone_type in ("ftz", "ftz_area") and all(p.level == "province" for p in run_places))):
            # 安徽(国家级)开发区, 新疆首个综合保税区, 长三角地区自贸试验区: a class of zones (a
            # park so named is one park: 重庆软件园, 台湾工业园)
            return None
        before, name = name[: segs[start_seg][0]], name[segs[start_seg][0]:]
        if first_place is not None:
            rest = len(name) - (segs[run[-1]][1] - segs[first_place][0])
            if rest == 1 and not admin and not (zone_type == "bonded" and name.endswith("港")) \
                    and name[-1] not in _TOPONYM_ENDS:
                # (a port's bonded zone keeps its 港: 天津港保税区; a place and a feature of the
                # land is another place's name: 白沙洲工业园)
                return None  # 贵州大片区: a one-character word after a place is a modifier
            if COUNTRY_PAIR.fullmatch(before[-2:]):
                name = before[-2:] + name  # two countries' park opens with them: 中马 + 钦州产业园区
        if first_place is None:
            # Only the words after a suffixed place: 上海市外高桥保税区 → 外高桥.
            if len(name) < 2 or _is_generic(name, lex_re):
                return None
    else:
        # an area named right after its zone is the zone's (济南高新区 + 章锦片区), as a
        # free-trade zone's 片区 after it
        area_of_zone = kind == "片区" and a + b == prev_end > 0
        if (need == "place" and not (area_of_zone or lac_place)) or not hard or (lac_place and b):
            return None
        limit = 3 if need == "short" else 4 if area_of_zone else WINDOW if lac_place else 8
        # a park's name may run on with its theme (创力国际 + 新型绿色建材 + 产业园): past the
        # limit, it holds for what precedes the generic words
        head = _without_generic_tail(name, lex_re) if need == "park" and len(name) > limit else name
        if not 2 <= len(head) <= limit or _is_generic(name, lex_re):
            return None
    start = ks - len(name)
    # named_by: found by what the text says around the name, not by its form alone
    # (pipeline.facts.subject_names weighs such a zone as one the text itself names)
    named_by = None
    if zone_type == "ftz_area":
        ftz = _FTZ_BEFORE.search(t, 0, start)
        if ftz and ftz.start() >= prev_end:
            start, named_by = ftz.start(), "area"
        elif kind == "自贸片区" and not place_idx:
            named_by = "area"  # no place in it: the kind word alone made it (前海蛇口自贸片区)
    if admin and _decide(t, ks, ke, kind, prev_end, rules, lex_re, use_admin=False) is None:
        named_by = "admin"
    extra = {"named_by": named_by} if named_by else {}
    if lac_place:
        extra["opened_by"] = "lac_place"
    return _zone(t, start, ke, zone_type, province, **extra)
