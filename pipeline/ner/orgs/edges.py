"""Where an organisation's name starts and ends: a place or a country before it, a sub-unit, a title or a
verb after it, words LAC ran into it, a bracketed place, a relation between two names."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Callable, Sequence

from .. import lexicon
from ..teams import TEAM_WORDS
from .common import (
    Cand, Tok, _CONJ, _INNER_TAGS, _RELATION_WORDS, _ends_with_suffix, _is_name_start, _only_type_words,
    is_place,
)
from .filters import is_descriptive, is_generic


def _balance(h: str, s: int, e: int) -> tuple[int, int]:
    """Drop a dangling bracket at either end of a span."""
    seg = h[s:e]
    if seg.count("(") != seg.count(")"):
        if seg.startswith("("):
            s += 1
        elif seg.startswith(")"):
            s += 1
        elif seg.count("(") > seg.count(")") and seg.rfind("(") > seg.rfind(")"):
            # 张某(人民日报: the name opens inside the bracket, after what it glosses
            s += seg.rfind("(") + 1
        else:
            # (记者 王某)中国(广西)…管理委员会: a byline's bracket closed inside the span ends
            # it, and the name starts after it (天津)电子…有限公司 is a legal name's place, joined later)
            depth, cut = 0, -1
            for i, c in enumerate(seg):
                depth += (c == "(") - (c == ")")
                if depth < 0:
                    depth, cut = 0, i
            if cut >= 0 and _BYLINE.search(h, h.rfind("(", 0, s + cut) + 1, s + cut):
                s += cut + 1
    return s, e


_BYLINE = re.compile(r"记者|通讯员|摄影|编辑")


# a department of a company (某某电梯有限公司营业部, 某某集团宣传部, 某某公司门卫处): a generic
# sub-unit, as NOTES §7 has 泰豪通信党委; after a university or a ministry it may be named
_DEPARTMENT = re.compile(r"(?:公司|集团|\(集团\)|厂)([\u4e00-\u9fff]{1,5}[部处科室厅局])$")


# a body's functional department (广东省工商局办公室, 重庆市消费者协会投诉部, 兰溪市安监局危化科):
# a generic sub-unit, NOTES §7; an office of a committee or a leading group is an agency of its own
# (国务院食品安全委员会办公室), and a cadre (管委会副县级干部) or a head office is no department
_BODY_DEPARTMENT = re.compile(r"(?:局|厅|协会|商会|联合会|管委会|海关)([\u4e00-\u9fff]{1,5}[部处科]|办公室)$")
_NOT_DEPARTMENTS = ("干部", "总部", "本部", "全部", "内部", "分部")
# a ministry's or a commission's department (铁道部运输局, 国家发改委产业司, 某管委会政策法规局):
# a generic sub-unit too, NOTES §7; not a company (零部件有限公司) nor a research bureau
_MINISTRY_DEPARTMENT = re.compile(r"(?:部|委员会|管委会|委(?![会员])|总局|署)([\u4e00-\u9fff]{1,6}(?:司|局))$")


def department_after(h: str, s: int, e: int) -> bool:
    """h[s:e] is followed by a generic sub-unit that ``strip_subunit`` cuts back to it (国家发改委 +
    体改司, 某某集团 + 宣传部): the name is an organisation's, whose department the text names."""
    return any(strip_subunit(h, s, e + k) == (s, e) for k in range(1, 8) if e + k <= len(h))


def strip_subunit(h: str, s: int, e: int) -> tuple[int, int]:
    """泰豪通信党委 -> 泰豪通信: a generic sub-unit after a name is a named part."""
    seg = h[s:e]
    if (m := _DEPARTMENT.search(seg)) and m.start(1) >= 3:
        return s, s + m.start(1)
    if (m := _BODY_DEPARTMENT.search(seg)) and m.start(1) >= 3 and not m.group(1).endswith(_NOT_DEPARTMENTS) \
            and not (m.group(1) == "办公室" and not seg[: m.start(1)].endswith(("局", "厅"))):
        return s, s + m.start(1)
    if (m := _MINISTRY_DEPARTMENT.search(seg)) and m.start(1) >= 2 and not m.group(1).endswith(("公司", "研究局")):
        return s, s + m.start(1)
    for sub in lexicon.subunits():
        if seg.endswith(sub) and len(seg) - len(sub) >= 2:
            rest = seg[: len(seg) - len(sub)]
            if rest[-1] in "省市县区州" or is_place(rest):
                return s, e  # 宿迁市纪委, 黑龙江省纪委: a place's own committee, not a sub-unit of a name
            return s, e - len(sub)
    return s, e


_CITY_START = re.compile(r"^[\u4e00-\u9fff]{1,4}?[市县州盟旗]")
# the State Council, its national bureaus and commissions, and its ministries (a ministry's name is
# short: 移动终端部 after 中国 is a company's department, 中国移动 + 终端部)
_NATIONAL_BODY = re.compile(r"国务院[\u4e00-\u9fff]*|国家[\u4e00-\u9fff]{2,10}(?:局|委|委员会|署)|[\u4e00-\u9fff]{1,3}部|海关总署")


def strip_place_prefix(h: str, s: int, e: int,
                       tags_alone: Callable[[str], tuple[str, ...]] | None = None) -> tuple[int, int]:
    """美国波音公司 -> 波音公司, 内蒙古包头市公安局 -> 包头市公安局 (dev NOTES §6): a
    country or region word before a name is a named part, not the name; a province
    word only when a city or county name follows it.  ``tags_alone`` (LAC's tags of a text
    read by itself) tells a body named by common words alone, which keeps its country."""
    seg = h[s:e]
    if seg.startswith("中国") and _NATIONAL_BODY.fullmatch(seg, 2) and not seg.endswith(_NOT_DEPARTMENTS + ("事业部",)):
        return s + 2, e  # 中国国务院, 中国国家统计局, 中国商务部: the state's bodies are named without it
    if seg[:1] in _COUNTRY_INITIALS and seg[1:] in _MINISTRIES:
        return s + 1, e  # 俄农业部, 美财政部: a country's one-character name before its ministry (NOTES §6)
    pre = lexicon.place_prefixes()
    for p in pre.get("foreign", ()):
        if seg.startswith(p) and len(seg) - len(p) >= 2 and not seg.startswith(p + "的"):
            # 韩国汽车工业协会 (a country's trade body), 加拿大矿业公司 (a description):
            # the country word is part of what names it
            rest = seg[len(p) :]
            if rest in TEAM_WORDS or rest in _STATE_WORDS or (rest.startswith(("国家", "国际")) and p not in _REGIONS):
                # 印尼女队: the country's team, not a team called 女队; 德国联邦政府: its government;
                # 印度国家铝业公司, 日本国际协力银行: the nation's own body, named with it
                return s, e
            # (a country's ministry or agency is named by its field: 美国能源部 -> 能源部, NOTES §6)
            if p not in _REGIONS and _starts_with_industry(rest) and not rest.endswith(_STATE_BODIES):
                if rest.endswith(_BODY_TYPES) or _only_type_words(rest):
                    return s, e
            if tags_alone is not None and p not in _REGIONS and rest.endswith(_NATION_BODY_TYPES) \
                    and _common_words_only(_without_type_words(rest), tags_alone):
                # 秘鲁 + 出口商协会, 马来西亚 + 衍生品交易所, 韩国 + 联合通讯社: a country's association,
                # exchange or agency named by common words alone is named by its country (a company
                # named so keeps its own name: 英国 + 精密技术集团, NOTES §6)
                return s, e
            return s + len(p), e
    for p in pre.get("province", ()):
        if seg.startswith(p):
            rest = seg[len(p) :]
            for q in ("省", "自治区", "市"):
                if rest.startswith(q) and p + q != "重庆市":
                    rest = rest[len(q) :]
                    break
            if len(rest) >= 3 and _CITY_START.match(rest):
                return e - len(rest), e
            break
    return s, e


_REGIONS = ("台湾", "大陆")
# the one-character names news gives countries (美, 俄) and the ministries named by their field alone
_COUNTRY_INITIALS = frozenset("美日俄英法德韩印澳加意泰越朝巴")
_MINISTRIES = frozenset(f + "部" for f in (
    "农业", "财政", "外交", "国防", "商务", "能源", "内政", "司法", "教育", "卫生", "劳工", "交通", "经济", "工业",
    "环境", "贸易", "国土", "外贸", "通商", "经产", "防卫", "国土安全"))
# a state's government, named by its country alone; and the endings of its ministries and agencies
_STATE_WORDS = ("政府", "联邦政府", "中央政府")
_STATE_BODIES = ("部", "署", "局", "厅")
_BODY_TYPES = ("协会", "学会", "商会", "联合会", "委员会", "联盟")
_NATION_BODY_TYPES = _BODY_TYPES + ("交易所", "通讯社", "总会", "办公室", "国会", "议会", "基金会")


# LAC's tags of common words: nouns, verbs and adjectives, no name, place or proper noun
_COMMON_WORD_TAGS = frozenset({"n", "vn", "v", "a", "an", "ad", "vd", "d"})


def _without_type_words(w: str) -> str:
    """风险管理服务公司 -> 风险管理服务, 出口商协会 -> 出口商: up to three type words off the end, never
    all of it (the longest type word of w[1:] is the longest shorter than w)."""
    for _ in range(3):
        x = _ends_with_suffix(w[1:])
        if x is None:
            break
        w = w[: -len(x)]
    return w


def _common_words_only(w: str, tags_alone: Callable[[str], tuple[str, ...]]) -> bool:
    tags = tags_alone(w)
    return bool(tags) and all(t in _COMMON_WORD_TAGS for t in tags)


def _starts_with_industry(w: str) -> bool:
    return lexicon.affixes("industry_words").beginning(w) is not None or _TYPE_WORDS_2.beginning(w) is not None


# type words of two or more characters, as a word list for prefix probes
_TYPE_WORDS_2 = lexicon.Affixes(tuple(x for x in lexicon.org_suffixes() if len(x) >= 2))


# verbs of joint action that never stand inside a name (郑州大学共建超硬材料研究院)
_JOINING_VERBS = ("共建", "合建", "组建", "设立", "成立", "牵头", "依托", "引进", "打造", "建设", "联合建设", "合作")
_BELONGS = ("所属", "下属", "直属", "旗下")
# the one-character verbs of being and having, which name nothing (是, 有, 占, 为, 属, 在)
_COPULAS = frozenset("是有占为属在")
_COMMON_TYPE_NOUNS = frozenset({"公司", "政府", "银行", "集团"})
# function characters LAC glues to the end of a name (中钢另/ORG 一家子公司, 中钢从一/ORG 家)
_TRAILING_FUNCTION = ("从一", "另", "从", "向", "把", "被", "对")

_TRAILING_VERBS = ("投资", "收购", "并购", "联合", "联手", "携手", "牵手", "入股", "签约", "拟", "将", "斥资", "依据",
                   "主办", "承办", "协办", "联办", "指导")  # (an event's organisers: 某某集团协办)
# a broker's research note LAC reads as one name with the broker (国泰君安研报/ORG 显示)
_TRAILING_NOUNS = ("研报", "声明", "公告")  # (某某声明/ORG 称: its statement, 某某公告/ORG 显示)


def strip_trailing_verb(h: str, s: int, e: int) -> int:
    """中石化投资/ORG (a title: 中石化投资超千亿建...): LAC joined the verb after a name (or
    a note of the name's: 长江证券研报/ORG)."""
    seg = h[s:e]
    for v in _TRAILING_FUNCTION + _TRAILING_NOUNS:
        if seg.endswith(v) and len(seg) - len(v) >= 2:
            return e - len(v)
    for v in _TRAILING_VERBS + _JOINING_VERBS:
        if seg.endswith(v) and len(seg) - len(v) >= 2 and not _ends_with_suffix(seg):
            return e - len(v)
    return e


# the first characters of the words LAC runs a name into: function words, and verbs and
# nouns that begin the next phrase (中石化比/去年, 国土资源部下/属, 国家发改委方/面)
_DANGLING = set("在下比借对向将已也都又还就和与及把被让给从由为于等方派居处明")


@lru_cache(maxsize=1)
def _name_enders() -> lexicon.Affixes:
    return lexicon.Affixes(lexicon.industry_words() + lexicon.org_suffixes())


# time words LAC runs into the name after them (当天省政府新闻办/ORG); not 今日 or 明天, which
# open names (今日头条, 明天控股)
_LEADING_TIME = ("当天", "当日", "昨天", "昨日", "今天", "日前", "近日", "此前", "随后", "如今", "目前",
                 "以上", "以下")  # (and the end of a level: 县级以上/市人民政府)


def strip_leading_time(h: str, s: int, e: int) -> int:
    """The start of a name after a time word LAC joined to it."""
    for w in _LEADING_TIME:
        if h.startswith(w, s) and e - s - len(w) >= 2:
            return s + len(w)
    return s


@lru_cache(maxsize=1)
def _apposition_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, lexicon.apposition_heads())))  # (longest first)


def strip_apposition(h: str, s: int, e: int) -> int:
    """The start of a firm's name after a description that stands before it (国际矿业巨头 + 力拓公司,
    汽车零部件供应商 + 天纳克公司): LAC often reads the two as one word, or cuts the description
    word itself (供应/商莱尼公司).  Not when what follows is a type word alone or a description
    (中国汽车厂商联合会, 龙头企业协会), nor after a place alone, where the word is part of the name
    (瑞安 + 龙头洁具有限公司), nor in a tap (水龙头)."""
    seg = h[s:e]
    for m in reversed(list(_apposition_re().finditer(h, max(0, s - 3), e))):
        if m.end() <= s:
            break
        i = m.start() - s
        if i > 0 and is_place(seg[:i]) or h[m.start() - 1 : m.start() + 2] == "水龙头":
            continue
        rest = h[m.end() : e]
        suf = _ends_with_suffix(rest)
        if len(rest) < 2 or (suf and (len(rest) - len(suf) < 2 or is_descriptive(rest[: -len(suf)]))):
            continue
        return m.end()
    return s


def strip_dangling_char(h: str, s: int, e: int) -> int:
    """中石化比/ORG 去年, 国土资源部下/ORG 属, 中兴通讯居/ORG 首: LAC ran the name into the
    first character of the next word; a name that ends in such a character one after its
    industry or type word ends at that word (中国石化报, 光谷生物城, 阳光电源 keep theirs)."""
    seg = h[s:e]
    enders = _name_enders()
    if len(seg) < 4 or enders.ending(seg) or seg[-1] not in _DANGLING:
        return e
    w = enders.ending(seg[:-1])
    return e - 1 if w and len(seg) - 1 - len(w) >= 1 else e


def join_bracketed(h: str, spans: list[Cand], toks: Sequence[Tok] = ()) -> list[Cand]:
    """达运精密 + 厦门)有限公司 -> 达运精密(厦门)有限公司: a name that opens inside a bracket
    joins the name right before the bracket.  With none found there, the words before the
    bracket are the name when they can be one (光辉/a 材料/n + (中国)有限公司: a company's
    legal name with its place in brackets, whatever LAC made of its words); else the span
    is no name of its own."""
    by_end = {e: i for i, (s, e, _) in enumerate(spans)}
    drop: set[int] = set()
    out = []
    for i, (s, e, src) in enumerate(spans):
        seg = h[s:e]
        if s > 0 and h[s - 1] == "(" and seg.count(")") > seg.count("("):
            j = by_end.get(s - 1)
            if j is not None and j not in drop:
                drop.add(j)
                out.append((spans[j][0], e, src))
            elif j is None and src == "org_suffix" and (a := _words_before(h, toks, s - 1)) is not None:
                out.append((a, e, src))
            drop.add(i)
    return [x for i, x in enumerate(spans) if i not in drop] + out


def _words_before(h: str, toks: Sequence[Tok], end: int) -> int | None:
    """Start of the name LAC's words make right before ``end`` (an opening bracket): name
    material back to a verb, a function word or a mark, at most 10 characters, two at
    least, and not a sector alone (贸易(上海)有限公司 names no company)."""
    k = bisect_right([t[1] for t in toks], end) - 1
    if k < 0 or toks[k][1] != end:
        return None
    last = k
    while k >= 0 and toks[k][2] in _INNER_TAGS and toks[k][2] != "v" and end - toks[k][0] <= 10:
        w = h[toks[k][0] : toks[k][1]]
        if w in ("的", "等") or w in lexicon.affixes("person_titles"):
            break
        k -= 1
    walked = toks[k + 1 : last + 1]

    def named(t: Tok) -> bool:
        name = h[t[0] : end]
        return len(name) >= 2 and not (is_generic(name) or is_descriptive(name) or _ends_with_suffix(name))

    # from the first word that can open a name (股东/n 陕西省投资/ORG); with none, from the
    # first that is not a sector word and leaves more than sector words (光辉/a 材料/n;
    # 出光/vn 电子 材料: LAC reads the name's head as a verb; 贸易/vn (上海)有限公司 is none)
    opener = next((t for t in walked if _is_name_start(h, t)), None)
    if opener is None:
        opener = next((t for t in walked if t[2] != "vn"), None)
        if opener is None or not named(opener):
            # (a word LAC reads as a verb opens a name only with more words after it)
            opener = next((t for t in walked[:-1] if named(t)), None)
    return opener[0] if opener is not None and named(opener) else None


def strip_glued_conjunction(h: str, s: int, e: int) -> int:
    """中国黄金集团公司与/ORG -> 中国黄金集团公司: LAC glued the conjunction on (two characters stay)."""
    return e - 1 if e - s >= 3 and h[e - 1] in _CONJ else e


def strip_glued_title(h: str, s: int, e: int) -> int:
    """国海证券分析师/ORG, 诺基亚CEO/ORG -> 国海证券, 诺基亚: a title LAC read into the name of the
    body the person works for is the person's (a one-character title word, 局 or 委, may end a name)."""
    at = lexicon.affixes("person_titles").ending_at(h[s:e], e - s)
    return s + at if at is not None and at >= 2 and e - s - at >= 2 else e


def strip_trailing_title(h: str, s: int, e: int) -> int:
    """长沙市委常委, 呼和浩特市委书记 -> 长沙市委, 呼和浩特市委: a person's title after a
    body's name is the person's, not the body's (the name itself must still end in a
    type word, so 党委书记处 or a company called 某某主席 is left alone)."""
    seg = h[s:e]
    titles = lexicon.affixes("person_titles")
    for _ in range(2):  # 党委常委副书记: two titles
        at = titles.ending_at(seg, len(seg))
        if at is None or at < 3 or not _ends_with_suffix(seg[:at]):
            break
        seg = seg[:at]
    return s + len(seg)


# the words that may follow a company's name inside a project's (东方电气|智慧能源产业基地项目):
# no function word or verb between (中联重科进行项目洽谈, 萨固密集团的项目, 等8个项目)
_PROJECT_AFTER = re.compile(r"[^\W的等个和与及、进行并将在为是对向把被已了签引落开投建]{0,10}?"
                            r"(?:产业基地|生产基地|产业园|基地|生产线|工厂)?(?:[一二三四五]期)?(?:建设)?项目")
# a name ending in one of these is a whole company's (德维斯电子, 丹康生物科技), not a theme
_COMPANY_ENDS = ("科技", "电子", "实业", "控股", "股份", "重工", "智造", "药业")


@lru_cache(maxsize=1)
def _theme_words() -> lexicon.Affixes:
    return lexicon.Affixes(lexicon.industry_terms() + lexicon.industry_words())


def cut_project_theme(h: str, s: int, e: int) -> int:
    """东方电气智慧能源产业基地项目 -> 东方电气, 德鑫科技新能源汽车轻量化项目 -> 德鑫科技: a project
    named after its company goes on with what it makes; the industry words LAC ran into the
    name are the project's.  Cut while more than four characters are left (a short name is a
    brand and an industry word: 泰豪通信) and at least two stay."""
    seg = h[s:e]
    if seg.endswith(_COMPANY_ENDS) or _ends_with_suffix(seg) or not _PROJECT_AFTER.match(h, e):
        return e
    themes = _theme_words()
    while len(seg) > 4:
        at = themes.ending_at(seg, len(seg))
        if at is None or at < 2:
            break
        seg = seg[:at]
    return s + len(seg)


def cut_at_belongs(h: str, s: int, e: int) -> int:
    """铁道部所属信息中心 -> 铁道部: the unit after 所属/下属 is unnamed (NOTES §8)."""
    seg = h[s:e]
    for b in _BELONGS:
        i = seg.find(b)
        if i >= 2:
            return s + i
    # 某大学共建某研究院/ORG: two bodies and the verb between them; keep the first
    for v in _JOINING_VERBS:
        i = seg.find(v)
        if i >= 2 and _ends_with_suffix(seg[:i]):
            return s + i
    return e


# a company's relation to another written between their names (某电器子公司浙江某电器股份有限公司,
# 纳斯达克上市公司美国某传媒有限公司): two names, or the first alone when nothing named follows
_RELATIONS = ("全资子公司", "控股子公司", "其子公司", "子公司", "母公司", "上市公司", "关联公司", "大股东", "生产厂家")


def split_at_relations(h: str, toks: Sequence[Tok], cands: list[Cand]) -> list[Cand]:
    """The names candidates hold around a relation word: the one after it when it ends in a
    type word, and the one before it unless that is only a market or a place (纳斯达克上市公司…).
    A bare 子公司 opens a word of LAC's or follows a type or industry word (某电器子公司; 三星电子公司,
    西门子公司 hold none)."""
    starts = {t[0] for t in toks}
    out: list[Cand] = []
    for s, e, src in cands:
        seg = h[s:e]
        for r in _RELATIONS:
            i = seg.find(r)
            if i < 2:
                continue
            after, before = seg[i + len(r) :], seg[:i]
            # (中粮集团澳大利亚子公司: the place is where the subsidiary is)
            before = next((before[:-k] for k in range(2, 6) if k < len(before) - 1 and is_place(before[-k:])
                           and _ends_with_suffix(before[:-k])), before)
            if r == "子公司" and s + i not in starts and not _ends_with_suffix(before) \
                    and not before.endswith(lexicon.industry_words()):
                continue
            if not (is_place(before) or before in _MARKETS):
                out.append((s, s + len(before), src))
            lead = next((w for w in _RELATION_WORDS if after.startswith(w)), "")  # (大股东控股某公司)
            if len(after) - len(lead) >= 4 and _ends_with_suffix(after):
                out.append((e - len(after) + len(lead), e, src))
            break
        else:
            out.append((s, e, src))
    return out


_MARKETS = ("纳斯达克", "香港", "美国", "A股", "港股", "上交所", "深交所", "纽交所")
