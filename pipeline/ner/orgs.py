"""Organisation candidates from LAC tokens: tagger ORGs, suffix names, company short names.

All functions work on the half-width text ``h`` and LAC tokens ``toks`` (start, end,
tag) and return (start, end, source) candidates; __init__ resolves overlaps.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Callable, Sequence

from pipeline.zones.suffix import COUNTRY_PAIR

from . import lexicon
from .teams import TEAM_WORDS

Tok = tuple[int, int, str]
Cand = tuple[int, int, str]

# Tokens that may stand inside a name before its type word (衡阳/企业/上市/辅导/中心).
_INNER_TAGS = {"LOC", "ORG", "PER", "nz", "nw", "n", "vn", "an", "s", "v", "a", "f"}
# A name has to start with a proper name or a national prefix, not with a verb or a
# common noun: that is what keeps 创新中心 / 投资基金 out.
_START_TAGS = {"LOC", "ORG", "PER", "nz", "nw"}
_NATIONAL = {"中国", "国家", "全国", "中华", "中央", "国务院", "中共", "国际", "世界", "亚洲", "中华全国"}
_CONJ = {"和", "与", "及"}
# (a letter in it: 32/m of 32字方针 is a number, not a name like 3M or 5G)
_ASCII_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9.\-]*$|^(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,}$|^[A-Za-z]+\d+$")
_MAX_ORG_CHARS = 32
_MAX_WALK = 12


def _tok_text(h: str, t: Tok) -> str:
    return h[t[0] : t[1]]


# Compass regions that open institute names (东北/华南 ...): LAC tags them s or LOC.
_REGION_WORDS = {"东北", "西北", "西南", "东南", "华北", "华东", "华南", "华中", "北方", "南方"}
# Modifiers LAC tags as adverbs inside a name (精密/ad 超/d 精密制造...): 超 and the
# adjective-adverbs of a technical compound, only when a noun-like part follows.
_ADV_PREFIXES = {"超"}


def _is_name_start(h: str, t: Tok) -> bool:
    w = _tok_text(h, t)
    return t[2] in _START_TAGS or w in _NATIONAL or w in _REGION_WORDS or bool(_ASCII_NAME.match(w))


# a congress's or a committee's term inside its name (广东省 十一届 人大常委会, 第九届 全国人大)
_TERM = re.compile(r"第?[一二三四五六七八九十]{1,3}届")


def _may_be_inside(h: str, t: Tok) -> bool:
    w = _tok_text(h, t)
    if t[2] == "m" and _TERM.fullmatch(w):
        return True
    if t[2] in _INNER_TAGS:
        return w not in ("的", "等")
    if t[2] == "ad" and len(w) >= 2:
        return True
    if t[2] == "d" and w in _ADV_PREFIXES:
        return True
    if t[2] in ("c", "p") and w in _CONJ:
        return True
    if w in ("(", ")", "·"):
        return True
    return bool(_ASCII_NAME.match(w))


def _ends_with_suffix(w: str) -> str | None:
    return lexicon.affixes("org_suffixes").ending(w)


def _may_join(h: str, toks: Sequence[Tok], k: int, head: Tok | None = None) -> bool:
    """Context checks for token k inside a name: a verb only inside a compound noun
    (企业/上市/辅导), a conjunction never right after a complete organisation, and
    never a title word (管委会主任薛良率...)."""
    w = _tok_text(h, toks[k])
    # (a joining verb as a verbal noun among common words is a word of the name: 某部学校 规划/vn
    # 建设/vn 发展/vn 中心; after a place or a name it is the predicate: 某高新区/LOC 建设/vn 某中心)
    inner = toks[k][2] == "vn" and k > 0 and toks[k - 1][2] in ("n", "vn") and not _tok_text(h, toks[k - 1]).endswith("区")
    if w in lexicon.affixes("person_titles") or w in _TRAILING_VERBS or (w in _JOINING_VERBS and not inner):
        return False
    # 西安高新区联合/ORG 陕西省商务厅: LAC glued a verb to the name before this one
    if len(w) > 2 and w.endswith(_TRAILING_VERBS + _JOINING_VERBS):
        return False
    # 主任 鲁某某/PER 管委会: a person named after a title is no part of a name after him
    if toks[k][2] == "PER" and lexicon.affixes("person_titles").ending_at(h, toks[k][0]) is not None:
        return False
    # 所属/下属: what follows belongs to what precedes, it does not name it
    if w in _BELONGS:
        return False
    # 宜昌高新区与/ORG 天豪数码通信有限公司: LAC glued the conjunction to the name before
    if len(w) > 2 and w[-1] in _CONJ:
        return False
    if toks[k][2] in ("v", "c") or w in _CONJ:
        if k == 0 or k + 1 >= len(toks):
            return False
        left, right = toks[k - 1], toks[k + 1]
        # (after a place a verb is the place's predicate, not part of a name: 西安/LOC 是/v
        # 国家中心城市, 荷兰/LOC 设有/v 平台公司)
        # (after a name a verb is the name's predicate, 某某网站 DigiTimes/nz 援引/v 芯片组厂商…, but
        # for a character LAC split off the name: 台博/nz 会/v 组委会)
        if toks[k][2] == "v" and (right[2] not in ("n", "vn") or left[2] not in ("n", "vn", "nz")
                                  or (left[2] == "nz" and len(w) > 1)):
            return False
        # a verb right before the type word takes it as its object: a copula or a verb of having
        # any (氢能源电池 是 公司, 远航 有 银行), any verb the bare words a text calls a company, a
        # government or a bank by (国家 推行 政府, 代表 包括 公司); not a verb that makes a unit's
        # kind with its type word (治丧 委员会, 显示 中心) or one a name LAC split holds (台博 会 组委会)
        if toks[k][2] == "v" and head is not None and right == head \
                and (w in _COPULAS or _tok_text(h, head) in _COMMON_TYPE_NOUNS):
            return False
        # 国家和地方政府, 中央及国家机关: a national word before a conjunction is a scope of its own
        if w in _CONJ and _tok_text(h, left) in _NATIONAL:
            return False
        if w in _CONJ and (
            _ends_with_suffix(_tok_text(h, left)) or right[2] == "LOC" or left[2] in ("LOC", "w", "PER", "a", "ad", "d", "v")
            or _complete_org(h, right) or (head is not None and right == head and _tok_text(h, head) == _ends_with_suffix(_tok_text(h, head)))
        ):
            # (an adverb or a verb before it ends a clause, and a bare type word after it is
            # an anaphor: 贵州茅台高分红/ORG 自然/ad 与 公司逐年利润…)
            return False
        # 中国石化与连云港港口集团: two organisations; 重庆节能与新能源汽车产业联盟 is one
        # (what follows the conjunction is only sector words and a type word)
        if w in _CONJ and left[2] in ("ORG", "nz") and head is not None:
            tail = h[right[0] : head[1]]
            suf = _ends_with_suffix(tail)
            if not suf or not is_descriptive(tail[: -len(suf)] or tail):
                return False
    return True


def _complete_org(h: str, t: Tok) -> bool:
    """贵州锦屏县委/ORG after 及: a name of its own, not the second half of one (but
    节能与新能源汽车产业联盟: sector words and a type word continue the name)."""
    w = _tok_text(h, t)
    if t[2] != "ORG" or len(w) < 4:
        return False
    suf = _ends_with_suffix(w)
    return bool(suf) and len(w) > len(suf) and not is_descriptive(w[: -len(suf)])


def lac_orgs(h: str, toks: Sequence[Tok], alone: Callable[[str], str] | None = None) -> list[Cand]:
    """LAC's ORG tokens; one followed by the noun 组织 is the name of an organisation that
    calls itself so (世贸/ORG 组织/n: 世贸组织), which LAC cut off it.  A word LAC glued to a
    name after it, which it reads alone as no name, is none (投运/ORG 剑桥大学…, 好歹/ORG 鲁花集团)."""
    out = []
    for i, (s, e, tag) in enumerate(toks):
        if tag == "ORG" and e - s >= 2:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if alone is not None and nxt is not None and nxt[0] == e and nxt[2] == "ORG" \
                    and alone(h[s:e]) not in _START_TAGS | {""}:
                continue  # (one word alone: 中国白银集团公司与/ORG is a name and a conjunction)
            if nxt is not None and nxt[0] == e and nxt[2] == "n" and h[nxt[0] : nxt[1]] == "组织":
                e = nxt[1]
            # 广东省/LOC 十一届/m 人大常委会/ORG: a place and a term before a body are its name's
            # (a rule's name then, not LAC's word)
            if i >= 2 and toks[i - 1][2] == "m" and _TERM.fullmatch(h[toks[i - 1][0] : s]) and toks[i - 2][2] == "LOC":
                out.append((toks[i - 2][0], e, "org_suffix"))
                continue
            out.append((s, e, "lac"))
    return out


def _complete_name(w: str, suf: str) -> bool:
    """A company LAC read whole (花旗集团, 双汇集团, 剑桥大学南京科创中心): two characters or more
    before a type word of two or more."""
    return len(suf) >= 2 and len(w) - len(suf) >= 2


def _joins_complete_name(h: str, t: Tok, alone: Callable[[str], str] | None) -> bool:
    """What may stand before a name LAC read whole and still be part of it: a place (郑州, 香港/ORG),
    a Latin word, a character LAC split off it (台/ORG 积电公司), a bracket, or a word LAC reads as a
    name even alone (中铝, TCL: a parent's name); not a description (投资银行/ORG 花旗集团, 央企/ORG,
    照明 先驱/n 飞利浦公司) nor a word LAC glued on (好歹/ORG 鲁花集团, 投运/ORG 剑桥大学…)."""
    w = _tok_text(h, t)
    if t[1] - t[0] == 1 or t[2] == "LOC" or w in lexicon.place_names() or _ASCII_NAME.match(w) \
            or w in ("(", ")", "·") or (t[2] == "m" and _TERM.fullmatch(w)):
        return True
    if t[2] not in _START_TAGS:
        return False
    return alone is None or alone(w) in _START_TAGS


def _trade_name_after_place(h: str, toks: Sequence[Tok], k: int, suf: str) -> bool:
    """A registered name is place, trade name, trade and legal form: a word LAC reads as a
    name between a place and a company it read whole is the trade name, whatever it reads
    the word as alone (郑州/LOC 好想你/ORG 某业商贸有限公司/ORG)."""
    return suf in _LEGAL_FORMS and k > 0 and toks[k][2] in ("ORG", "nz") and toks[k - 1][1] == toks[k][0] \
        and (toks[k - 1][2] == "LOC" or _tok_text(h, toks[k - 1]) in lexicon.place_names())


def suffix_orgs(h: str, toks: Sequence[Tok], alone: Callable[[str], str] | None = None) -> list[Cand]:
    """Names ending in an organisation type word, with a left boundary from LAC tokens.

    Walk left over name material, then drop leading tokens until one can start a
    name; a bare type word survives only when LAC itself called it ORG.  ``alone`` gives
    LAC's tag of a word read by itself (None: no such test).
    """
    out: list[Cand] = []
    suffix_ends = lexicon.affixes("org_suffixes").last_chars
    for i, t in enumerate(toks):
        if h[t[1] - 1] not in suffix_ends:
            continue  # no type word ends this token (most tokens)
        w = _tok_text(h, t)
        suf = _ends_with_suffix(w)
        # one-character type words (署, 局, 部) also end verbs and nouns: 签署, 布局
        if not suf or (len(suf) == 1 and t[2] in ("v", "vn", "a", "ad", "d", "f", "m")):
            continue
        # 依据投资银行/p: a function word LAC glued to a type word; 子公司, 新工厂: a kind
        if t[2] in _FUNCTION_TAGS or w in _KIND_WORDS or w.endswith(_KIND_ENDINGS):
            continue
        j = i
        whole = t[2] == "ORG" and _complete_name(w, suf) and not w.endswith(_BRANCHES)
        # a company LAC read whole that opens with its place has its name: what stands before
        # is where it is (正定高新区(南区) + 河北某某科技发展有限公司), not more of its name;
        # a parent's name may stand before the place (中铝 + 广西某某开发有限公司)
        settled = whole and lexicon.opens_with_place(w[: -len(suf)], (2, 3), rest=2) and i > 0 and toks[i - 1][2] not in ("ORG", "nz", "nw", "PER")
        while j > 0 and not settled and i - j < _MAX_WALK and _may_be_inside(h, toks[j - 1]):
            if t[1] - toks[j - 1][0] > _MAX_ORG_CHARS or not _may_join(h, toks, j - 1, t):
                break
            if whole and not _joins_complete_name(h, toks[j - 1], alone) \
                    and not _trade_name_after_place(h, toks, j - 1, suf):
                break
            # 德国特殊化学品集团朗盛公司: a complete name before a name of its own is
            # an apposition, not part of it
            if j == i and len(w) - len(suf) >= 2 and t[2] in ("ORG", "nz") and suf in ("公司", "集团") and _ends_with_suffix(_tok_text(h, toks[j - 1])) in ("公司", "集团"):
                break
            # 李宁公司/ORG 政府事务部, 海尔集团/ORG 内 公司: a company LAC read whole owns no body
            # named after it (a branch is its own: 某某有限公司/ORG 深圳 分公司; 某集团/ORG 公司 is one name)
            if _whole_company(h, toks[j - 1]) and not w.endswith(_BRANCHES) \
                    and not (j == i and _ends_with_suffix(_tok_text(h, toks[j - 1]) + w) != suf):
                break
            j -= 1
        while j < i and not _is_name_start(h, toks[j]):
            j += 1
        # one token: LAC's ORG, or a long nz/LOC; or whatever the tag (交城某某铁合金有限责任公司/v)
        # a legal form after a name, which nothing but a company ends with; or a description and
        # a name LAC read as one noun (巨头利乐公司/n)
        if j == i and not (t[2] == "ORG" or (t[2] in ("nz", "LOC") and len(w) > 3)
                           or (suf in _LEGAL_FORMS and _names_before_legal_form(h, t[0], w[: -len(suf)]))
                           or strip_apposition(h, t[0], t[1]) > t[0]):
            continue
        s = toks[j][0]
        s, e = _balance(h, s, t[1])
        e = _company_before_unit(h, s, e)
        if e - s >= 3:
            out.append((s, e, "org_suffix"))
    return out


def _company_before_unit(h: str, s: int, e: int) -> int:
    """Where a name that runs on past a registered company's legal form ends: at the legal form,
    when what follows is a unit of the company (某某股份有限公司 + 项目中心, + 宽甸地区技术研发中心:
    dev NOTES §7, the parent of a generic sub-unit is the name); a branch keeps its whole name
    (某某股份有限公司 + 清河某某啤酒分公司), and so does a legal form closing the name."""
    last = None
    for m in _LEGAL_FORM_RE.finditer(h, s, e):
        last = m
    if last is None or last.end() == e or h[last.end() : e].endswith(_BRANCHES) or h[last.end()] in "()":
        return e
    return last.end()


_FUNCTION_TAGS = {"p", "c", "u", "d", "r", "m", "q", "w", "xc", "TIME"}


_BRANCHES = ("分公司", "分行", "支行", "分院", "分局", "分会", "分厂", "办事处", "子公司")


def _whole_company(h: str, t: Tok) -> bool:
    """A token LAC read as a company's whole name: ORG, a name before a company's type word."""
    w = _tok_text(h, t)
    # (某某控股(集团/ORG )公司: the bracket holds part of a legal name)
    return t[2] == "ORG" and w.endswith(("公司", "集团")) and len(w) >= 4 and h[t[1] : t[1] + 1] not in ")）"


def _names_before_legal_form(h: str, s: int, head: str) -> bool:
    """The words before a legal form in one token name the company when they open with a
    place (交城某某铁合金有限责任公司/v); not when a verb LAC glued on opens them (深入交城…),
    nor a relation to another company (子公司…, 控股附属公司…), nor an unnamed one (湖南某…)."""
    return (len(head) >= 4 and "公司" not in head and not head.startswith(_RELATION_WORDS)
            and h[s - 1 : s] != "某" and (head[:2] in lexicon.place_names() or head[:3] in lexicon.place_names()))


_RELATION_WORDS = ("子", "控股", "附属", "下属", "全资", "参股", "旗下", "合资", "独资")
# the legal forms of rules/org_suffixes.txt (the longest suffix is the one found)
_LEGAL_FORMS = frozenset({"有限公司", "有限责任公司", "股份有限公司"})
_LEGAL_FORM_RE = re.compile("|".join(sorted(_LEGAL_FORMS, key=len, reverse=True)))
_KIND_WORDS = {"布局", "格局", "大局", "结局", "全局", "变局", "开局", "工厂", "新工厂", "子公司", "母公司", "分厂", "小厂", "关联公司", "主机厂", "跨国企业集团"}
_KIND_ENDINGS = ("子公司", "母公司", "关联公司", "小厂", "格局", "困局", "僵局", "骗局")


def is_kind(name: str) -> bool:
    """A kind of firm or a word a type word ends, not a name (新工厂, 子公司, 布局), whoever
    proposed it (LAC tags 新工厂 ORG); the whole word only (西门子公司, 三星电子公司 end in 子公司)."""
    return name in _KIND_WORDS


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


_SHORT_PREFIX_TAGS = {"PER", "ORG", "nz"}


# nouns after which an industry word names a sector, not a company (软件企业, 生物制造业)
_SECTOR_NOUNS = frozenset("企业 制造业 产业 行业 领域 基础设施 集群 产品 企业家 工业 总产值 产值 增加值".split())


def short_name_orgs(h: str, toks: Sequence[Tok]) -> list[Cand]:
    """Company short names: a 2-4 character name and an industry word (泰豪通信, 捷高电子).

    The name is either one token LAC sees as a proper noun, or a run of one-character
    tokens, which is how LAC splits a name it does not know.
    """
    industry = set(lexicon.industry_words())
    generic = lexicon.generic_orgs()
    heads = lexicon.affixes("industry_words")
    out: list[Cand] = []
    for i, t in enumerate(toks):
        if i == 0 or h[t[0]] not in heads.first_chars:
            continue  # no industry word starts this token (most tokens)
        w = _tok_text(h, t)
        head = heads.beginning(w)
        if head is None:
            continue
        end = t[0] + len(head) if w != head else t[1]
        if w != head and w[len(head):] not in industry:
            # the token is longer than the industry word: only accept when LAC split
            # it as the industry word itself
            continue
        if i + 1 < len(toks) and _tok_text(h, toks[i + 1]) in _SECTOR_NOUNS:
            continue  # 世界百强/软件/企业, 规上/生物/制造业: the industry word names a sector
        if (head == "数据" and i + 1 < len(toks) and toks[i + 1][2] == "v") or (
                head == "显示" and t[2] == "v" and toks[i - 1][2] != "ORG"):
            # Gartner/数据/显示, 判决书/显示/v: a source and what it shows, no company (三星移动/ORG
            # 显示/v is a name LAC cut)
            continue
        p = toks[i - 1]
        pw = _tok_text(h, p)
        # 规/n 上/v 电子 信息 制造业: the industry word opens a sector's words
        sector_on = i + 1 < len(toks) and _tok_text(h, toks[i + 1]) in _sector_terms()
        start = None
        if (p[2] in _SHORT_PREFIX_TAGS and 2 <= len(pw) <= 4 and pw not in generic and pw not in _ADMIN_LEVELS) or (
            _ASCII_NAME.match(pw) and len(pw) >= 3 and pw[0].isupper()
        ):
            start = p[0]
        elif sector_on:
            pass  # (规/n 上/v 电子 信息: one-character words before a sector are no name)
        else:
            k = i
            while k > 0 and toks[k - 1][1] - toks[k - 1][0] == 1 and i - k < 4 and _cjk(h[toks[k - 1][0]]):
                if toks[k - 1][2] in ("w", "u", "p", "c", "m", "q", "r", "d"):
                    break
                k -= 1
            if i - k >= 2:
                start = toks[k][0]
        # (generic words of the zone rules before the industry word name no company: 中国/食品
        # 领域, 环渤海/动力 煤; a place does: 安阳/钢铁)
        if start is not None and not _zone_generic(h[start : t[0]]):
            out.append((start, end, "org_short"))
    return out


@lru_cache(maxsize=1)
def _sector_terms() -> frozenset[str]:
    return frozenset(lexicon.industry_terms() + lexicon.industry_words())


# an administrative level LAC may read as a name (自治区/ORG 工业 和 信息化厅)
_ADMIN_LEVELS = frozenset({"自治区", "省", "市", "区", "县", "州", "盟", "旗", "镇", "乡"})


def _zone_generic(w: str) -> bool:
    """``w`` is made of the zone rules' generic words (sectors, scales, kinds)."""
    from pipeline.zones import load_zone_rules
    from pipeline.zones.suffix import generic_only

    return generic_only(w, load_zone_rules())


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


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


def is_generic(name: str) -> bool:
    if name in lexicon.generic_orgs() or _place_and_generic(name) or name in _SCOPE_PREFIXES or name == "国家":
        return True  # (a scope alone, 国际/ORG 环保专家, names nothing)
    if name[0] == "本" and not _this_one(name):
        return False  # 本田, 本钢, 本特勒: 本 opens names as well as 本公司
    if name[0] in "该本我其各此这那全" and len(name) <= 6:
        # 全国政协, 全国妇联: the national bodies are named so; 全区, 全市企业 are scopes
        return not (name.startswith("全国") and len(name) >= 4 and name[2:] not in lexicon.generic_orgs()
                    and not name[2:].startswith(("各", "企业", "高新区", "开发区", "园区")))
    # 国家中心(城市), 国家平台: the nation and a bare type word name no body
    if name.startswith("国家") and name[2:] in lexicon.generic_orgs():
        return True
    return _admin_level_only(name)


# where firms are from, said of many: before a bare type word they name none (中国公司, 香港公司)
_ORIGINS = ("中国", "香港", "澳门", "台湾", "外国", "国外", "海外", "国内", "本地", "跨国", "欧洲", "欧美", "日韩")
_BARE_TYPES = ("公司", "大公司", "企业", "厂", "大厂")


def _place_and_generic(name: str) -> bool:
    """香港上市公司, 广东民营企业: a place and a kind of company describe, they name none
    (a place's government or bureau, 北京市政府, is a body); nor does a country or an origin
    and a bare type word (中国公司, 日本公司, 跨国大公司), where a city's may (方正公司, 东风公司)."""
    foreign = lexicon.place_prefixes().get("foreign", ())
    for t in _BARE_TYPES:
        head = name[: -len(t)]
        if name.endswith(t) and (head in _ORIGINS or head in foreign):
            return True
    for n in (4, 3, 2):
        rest = name[n:]
        # (a place and 公司 alone may be a name: 方正公司, 金山公司, 东风公司)
        if len(name) > n and rest.endswith(("公司", "企业")) and len(rest) > 2 and rest in lexicon.generic_orgs() \
                and (is_place(name[:n]) or name[:n] in ("香港", "澳门")):
            return True
    return False


def _this_one(name: str) -> bool:
    """本 as "this": 本公司, 本市企业, 本届, 本项目 (a level, a period or a generic word after it)."""
    rest = name[1:]
    return rest[:1] in _THIS_NEXT or rest in lexicon.generic_orgs() or rest.startswith(("公司", "企业", "集团", "单位", "机构"))


_THIS_NEXT = set("市省区县镇乡村国局部委院所校厂行社司报刊台站期届次年月日轮项批地土身")


def _admin_level_only(name: str) -> bool:
    # 市工商局, 省政府, 区委: an administrative level with no place name
    return name[0] in "市省区县镇乡村" and len(name) <= 5


_NOT_ORG_ENDINGS = ("东部", "西部", "南部", "北部", "中部", "总部", "内部", "外部", "全部", "下属", "旗下", "头部", "本部")


def is_zone(name: str) -> bool:
    if name.endswith(_NOT_ORG_ENDINGS):
        return True
    return lexicon.affixes("zone_endings").ending(name) is not None


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


def _only_type_words(w: str) -> bool:
    """矿业公司, 汽车集团: industry and type words with no name in front."""
    enders = lexicon.org_suffixes() + lexicon.industry_words()
    for _ in range(5):
        x = next((x for x in enders if w.endswith(x)), None)
        if x is None:
            return False
        w = w[: -len(x)]
        if not w:
            return True
    return False


# LAC's tags of common words: nouns, verbs and adjectives, no name, place or proper noun
_COMMON_TAGS = frozenset({"n", "vn", "v", "a", "an", "ad", "vd", "d"})


def _without_type_words(w: str) -> str:
    """风险管理服务公司 -> 风险管理服务, 出口商协会 -> 出口商."""
    for _ in range(3):
        x = next((x for x in lexicon.org_suffixes() if w.endswith(x) and len(w) > len(x)), None)
        if x is None:
            break
        w = w[: -len(x)]
    return w


def _common_words_only(w: str, tags_alone: Callable[[str], tuple[str, ...]]) -> bool:
    tags = tags_alone(w)
    return bool(tags) and all(t in _COMMON_TAGS for t in tags)


def _starts_with_industry(w: str) -> bool:
    return lexicon.affixes("industry_words").beginning(w) is not None or _TYPE_WORDS_2.beginning(w) is not None


# type words of two or more characters, as a word list for prefix probes
_TYPE_WORDS_2 = lexicon.Affixes(tuple(x for x in lexicon.org_suffixes() if len(x) >= 2))


# type words whose removal leaves a company's own name (not 管委会, 政府: places)
_COMPANY_TYPES = ("公司", "集团", "控股", "股份", "工厂", "厂")


@lru_cache(maxsize=1 << 16)
def name_heads(name: str) -> tuple[str, ...]:
    """Short forms a name is also called by: 江苏华富能源股份有限公司 -> 华富能源, 华富.

    Drop a place prefix, then type words and industry words from the end, keeping each
    remainder of 2+ characters that is not itself a place or a national word.  A legal
    name with its place in brackets is also called by what stands before the bracket
    (上海梅林(荣成)食品有限公司 -> 上海梅林), and by the short forms of the name without it."""
    m = re.fullmatch(r"([^()]{2,})\([^()]{2,6}\)([^()]*)", name)
    if m:
        before, whole = m.group(1), m.group(1) + m.group(2)
        own = () if (before in lexicon.place_names() or before in _NATIONAL or is_generic(before) or is_zone(before)
                     or is_descriptive(before)) else (before,)
        return own + tuple(x for x in name_heads(whole) if x not in own and x != whole)
    pre = lexicon.place_prefixes()
    for p in pre.get("foreign", ()) + pre.get("province", ()):
        if name.startswith(p) and len(name) - len(p) >= 2:
            name = name[len(p) :]
            break
    if name.startswith("(") or name.startswith("("):
        return ()
    # a city before the name is also left out (深圳市比亚迪锂电池有限公司 -> 比亚迪锂电池), as well
    # as kept where it is the brand's (青岛啤酒股份有限公司 -> 青岛啤酒)
    city = _city_prefix(name)
    if city and _sector_word()(name[len(city):]) is None:
        own = _heads_after_place(name)
        return own + tuple(x for x in name_heads(name[len(city):]) if x not in own and not _sector_words_only(x))
    return _heads_after_place(name)


def _city_prefix(name: str) -> str:
    """A city's or a county's name (with 市/县 or without) that opens ``name`` and leaves a name of
    four characters or more after it."""
    places = lexicon.place_names()
    for k in (3, 2):
        p = name[:k]
        if p in places and p[-1] not in "省区":
            full = p + "市" if name[k : k + 1] == "市" else p + "县" if name[k : k + 1] == "县" else p
            return full if len(name) - len(full) >= 4 else ""
    return ""


def _heads_after_place(name: str) -> tuple[str, ...]:
    """Short forms of a name whose place, if any, stays: its type and industry words cut off."""
    out: list[str] = []
    if any(name.startswith(x) for x in _NATIONAL) or _starts_with_industry(name):
        return ()
    enders = tuple(x for x in lexicon.org_suffixes() if x.endswith(_COMPANY_TYPES)) + lexicon.industry_words()
    places = lexicon.place_names()
    cur = name
    for _ in range(6):
        w = next((x for x in enders if cur.endswith(x) and len(cur) - len(x) >= 2), None)
        if w is None:
            break
        cur = cur[: -len(w)].rstrip("()")
        if "(" in cur or ")" in cur:
            break
        if cur in places or cur in _NATIONAL or is_generic(cur) or is_zone(cur) or _starts_with_industry(cur) \
                or is_descriptive(cur):  # 江西稀土冶炼公司 is not also called 稀土
            break
        out.append(cur)
    return tuple(out)


@lru_cache(maxsize=1)
def _state_bodies() -> re.Pattern[str]:
    # (not 生态环境部门, any ecology office; nor the head of 生态环境部长江流域局's own name)
    return re.compile("(?:" + "|".join(map(re.escape, lexicon.state_bodies())) + ")(?![门])")


def state_bodies(h: str) -> list[Cand]:
    """The central government's bodies LAC reads as several words (生态/n 环境部/n, 农业/n 农村部/n),
    by their canonical names."""
    return [(m.start(), m.end(), "org_suffix") for m in _state_bodies().finditer(h)]


def trade_heads(name: str) -> tuple[str, ...]:
    """A company's name without a trade word no list holds (九洲韵茶叶公司 -> 九洲韵, 正兴车轮集团 ->
    正兴): the name ``name_heads`` stops at, less its last two characters, when a name of two or more
    characters is left.  A guess, so the caller spreads it only to words LAC reads as names."""
    heads = name_heads(name)
    if not heads or not name.endswith(_COMPANY_TYPES):
        return ()
    last = heads[-1]
    cur = last[:-2]
    if len(cur) < 2 or last.endswith("总") or not _CJK_ONLY.fullmatch(last) or lexicon.affixes("industry_words").ending(last):
        return ()
    if is_place(cur) or cur in _NATIONAL or is_generic(cur) or is_zone(cur) or _starts_with_industry(cur) \
            or is_descriptive(cur) or cur in heads:
        return ()
    return (cur,)


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
# (and a superlative, a rank or an indefinite count: 全球最大食品集团, 第三大乳业公司, 不少风电设备公司,
# 某区一家石油销售有限公司 describe one or some of a kind)
_RANKED = re.compile(r"\d+(?:强|部委|家|个)|最大|第[一二三四五六七八九十\d]+大|不少|[一多几数]家")
# an amount or a network generation that LAC read as the company its number names (360多米,
# 360万部, 360元, 3G网络; 360 and 361° are companies, 3G is no organisation)
_QUANTITY = re.compile(r"\d+(?:\.\d+)?[多余]?(?:万|亿)?(?:平方米|公里|千米|米|吨|亩|部|元|台|套|辆|件|个|家|项|人|G)")


# a quality of a firm or a brand (核心竞争力, 品牌知名度: LAC reads both as ORG wherever they
# stand), and eras and slogans, which the contract names as no entities (新时代, LAC's ORG too)
_QUALITY_ENDINGS = ("竞争力", "影响力", "生产力", "创新力", "创造力", "凝聚力", "吸引力", "号召力", "品牌力",
                    "知名度", "认知度", "美誉度", "满意度", "忠诚度", "内生动力")
# a scope rather than a nation before an industry word: 国际航空, 世界钢铁, 全国物流 name a sector
_SCOPE_PREFIXES = ("国际", "世界", "全国", "全球", "亚洲")
_SLOGANS = frozenset({"新时代", "新常态", "新征程", "新格局"})
# the name of a figure LAC reads as ORG (注册资本金/ORG 为10亿元; 注册资本金达/ORG)
_FIGURE_NAME = re.compile(r"注册资[本金]|资本金")


# a count or a determiner of firms: what follows is a kind of firm, not one named
# (各地铅酸电池公司, 一家生物医药公司, 北京一家生物医药公司, 第一家外资银行)
_COUNTED = re.compile(r"(?:[一两二三四五六七八九十几多数每各某这那该首]|其中一)家|各地|各类|各大")
# a count in figures (6家浙江省企业研究院, 300家铅酸电池厂): what follows is a kind of body
# whatever its type word (一家卫生部批准的企业 keeps its ministry)
_FIGURES_BEFORE = re.compile(r"\d[多余]?[家个所]$")
# a count before a kind of firm (一家汽车公司, 一个火电厂, 二十多家省级政府采购中心)
_COUNTED_BEFORE = re.compile(r"(?:[一两二三四五六七八九十几多数每各某这那该首]|其中一)[家个所]$")


def counted_kind(h: str, s: int, e: int) -> bool:
    """A candidate holding a count of firms, or after one and ending in a word for firms,
    short of a registered name (a legal form ends a name however it is introduced: 一家名为
    某某科技有限公司).  After a count, a name of its own stays (一家一汽丰田4S店, 一家卫生部
    批准的企业, 一家世纪联华超市)."""
    name = h[s:e]
    if name.endswith(tuple(_LEGAL_FORMS)):
        return False
    return bool(_COUNTED.search(name)
                or name.endswith(_FIRM_KINDS) and _COUNTED_BEFORE.search(h[max(0, s - 4) : s])
                or _FIGURES_BEFORE.search(h[max(0, s - 3) : s]) and _ends_with_suffix(name) is not None)


_FIRM_KINDS = ("公司", "集团", "企业", "厂", "中心")


# fairs, meetings and games by their usual endings, whole or abbreviated (世博会, 农高会, 投洽会,
# 广交会): events, which dev NOTES §12 keeps out of ORG (their 组委会 is one; 海贸会 is an association)
_EVENT_ENDINGS = ("博会", "洽会", "交会", "高会", "展会", "说明会", "推介会", "发布会", "博览会", "交易会",
                  "洽谈会", "展览会", "运动会", "招商会", "对接会", "年会", "峰会", "论坛", "会议")


def is_event(name: str) -> bool:
    return name.endswith(_EVENT_ENDINGS)


def is_country_pair(name: str) -> bool:
    """Two countries (中马“两国双园”, 中新合作, 中德), which LAC reads as ORG."""
    return len(name) == 2 and COUNTRY_PAIR.fullmatch(name) is not None


# firms sorted by the country they belong to (韩系面板厂, 日系车企, 台系大厂): a kind, never a name
_AFFILIATION = re.compile(r"[韩日美欧台德法陆港英意中]系")


def is_descriptive(name: str) -> bool:
    """新能源汽车, 中国航空业, 新疆水泥: place, national, industry and product words only,
    with no organisation type word at the end: a sector, not an organisation.  A ranking
    or a count in a name (世界500强企业, 国家10部委) describes a group of them, as a quality
    (核心竞争力) or a slogan (新时代) is none."""
    if _RANKED.search(name) or _QUANTITY.match(name) or name.endswith(_QUALITY_ENDINGS) or name in _SLOGANS \
            or _FIGURE_NAME.search(name) or _AFFILIATION.match(name):
        return True
    if _ends_with_suffix(name) and not name.endswith(("控股", "股份")):
        return False
    places = lexicon.place_names()
    w = name
    p = _descriptive_prefix()(w)
    if p is not None:
        w = w[len(p) :]
    else:
        # a city before the sector (江阴水泥)
        for n in (4, 3, 2):
            if w[:n] in places:
                w = w[n:]
                break
    if not w:
        return False  # 国务院, 中国: a national body or a place, decided elsewhere
    if w != name and w in lexicon.industry_words() and not name.startswith(_SCOPE_PREFIXES):
        return False  # 中国石化, 中国电信: a national prefix and one industry word (国际航空, 国际货运 describe)
    return _sector_words_only(w)


def _sector_words_only(w: str) -> bool:
    """w is made of up to six sector words (新能源汽车, 汽车金融) and nothing else."""
    sector_word = _sector_word()
    for _ in range(6):
        x = sector_word(w) if w else None
        if x is None:
            return False
        w = w[len(x) :]
        if not w:
            return True
    return False


_NATIONAL_SORTED = tuple(sorted(_NATIONAL, key=len, reverse=True))


@lru_cache(maxsize=None)
def _descriptive_prefix() -> lexicon.FirstPrefix:
    """A national, foreign or provincial prefix, in this order of preference."""
    pre = lexicon.place_prefixes()
    return lexicon.FirstPrefix(_NATIONAL_SORTED + tuple(pre.get("foreign", ())) + tuple(pre.get("province", ())))


@lru_cache(maxsize=None)
def _sector_word() -> lexicon.FirstPrefix:
    return lexicon.FirstPrefix(lexicon.industry_terms() + lexicon.industry_words())


_FIRM_TYPES = ("有限责任公司", "股份有限公司", "有限公司", "集团公司", "公司", "集团", "企业", "厂")
# words for firms that no firm's name ends with: before them a place names no firm either
# (中国肉类企业, 北京地产商)
_KIND_TYPES = ("企业", "制造商", "供应商", "运营商", "开发商", "服务商", "厂商", "商")


def sector_kind(name: str) -> bool:
    """房地产公司, 汽车金融有限公司, 风电设备公司: sector words and a firm's type word with
    nothing to name one firm; a place before them may (新加坡石油公司, 台湾半导体制造公司),
    but not before 企业 or 商 (中国肉类企业, 北京地产商)."""
    head = next((name[: -len(t)] for t in _FIRM_TYPES + _KIND_TYPES if name.endswith(t)), "")
    if name.endswith(_KIND_TYPES):
        places = lexicon.place_names()
        cut = next((n for n in (3, 2) if head[:n] in places or head[:n] in _NATIONAL), 0)
        head = head[cut:] if len(head) > cut else head
    # a scope or a quality before the sector names no firm either (国际大型石化公司, 知名软件公司);
    # a legal form is a registered name's, whatever its words
    if head and not name.endswith(tuple(_LEGAL_FORMS)):
        bare = _without_modifiers(head)
        if not bare:
            return True  # (国际知名公司: modifiers and a type word)
        # a scope and one sector word name an international body as often as they describe
        # (国际数据公司 is IDC, 国际金融公司 IFC; 国际石油公司 describes): kept, as a nation and one
        # industry word are (中国石化)
        if head[: len(head) - len(bare)] in _SCOPE_PREFIXES and _sector_word()(bare) == bare:
            return False
        head = bare
    return _sector_words_only(head)


def _without_modifiers(head: str) -> str:
    """``head`` less the scope words and descriptive modifiers that open it (国际 + 大型 + 石化)."""
    modifiers = lexicon.descriptions()[1]
    for _ in range(3):
        m = next((x for x in modifiers if head.startswith(x)), None)
        if m is None:
            break
        head = head[len(m):]
    return head


def is_place(name: str) -> bool:
    pre = lexicon.place_prefixes()
    return name in lexicon.place_names() or name in pre.get("foreign", ()) or name in ("中国", "中华")


_LATIN_CORP = re.compile(r"[A-Z][A-Za-z&+\-]*(?:[ .][A-Z][A-Za-z&+\-]*)*[ .](?:Corp|Corporation|Inc|Ltd|Co|Group|Industries|Holdings|Company|LLC|AG|GmbH|PLC)(?![A-Za-z])\.?")
_LATIN_PAREN = re.compile(r"\(([A-Z][A-Za-z0-9&\-]*(?: [A-Z][A-Za-z0-9&\-]*){0,4})\)")


# a Latin name right after the word for the kind of firm it is (市场研究机构DisplaySearch,
# 饮料巨头SABMiller, 零部件供应商Yoosung Enterprise公司); not after a bare or pointing kind word
# (，公司IPO募集资金, 该公司R134a的年产量: a product or a deal)
_LATIN_AFTER_KIND = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<![该本其各这那此])(?:公司|机构|集团|巨头|厂商|咨询商|供应商|服务商|运营商|制造商|开发商"
    r"|经销商|零售商|交易商|贸易商|生产商|分销商|集成商|提供商|研究部门|调研中心|网站|对手) ?"
    r"([A-Z][A-Za-z0-9&\-]*(?:[ .][A-Z][A-Za-z0-9&\-]*){0,3}(?:公司|集团)?)")
# a Latin name before a title of its staff (某某View分析师, 某某Chem的首席执行官, 某某 Morgan亚太区销售总裁): the
# firm whose analyst or officer speaks
_LATIN_BEFORE_TITLE = re.compile(
    r"(?<![A-Za-z0-9&\-./])(?<![A-Za-z] )([A-Z][A-Za-z0-9&\-]*(?: [A-Z][A-Za-z0-9&\-]*){0,3})(?=的?(?:亚太区|中国区|大中华区|亚洲区|全球)?"
    r"(?:销售|市场|研究)?(?:首席分析师|分析师|首席执行官|执行长|总裁|副总裁|董事长|发言人|研究员|总经理|CEO))")


def latin_orgs(h: str, org_spans, toks: Sequence[Tok] = ()) -> list[Cand]:
    """Latin names: ``Potash Corp``, ``Mag Industries Corp``; a Latin name in brackets
    right after an organisation (北环勘探咨询公司(North Rim)) is that organisation's; one after
    the word for its kind of firm (研究机构WitsView), unless it is a title (集团CEO), a term
    (子公司LED) or the head of a longer word (集团SAB米勒: where LAC's word ends, given ``toks``)."""
    out: list[Cand] = [(m.start(), m.end(), "org_latin") for m in _LATIN_CORP.finditer(h)]
    word_ends = {t[1] for t in toks}
    word_starts = {t[0] for t in toks}
    name_after = {t[0] for t in toks if t[2] in ("PER", "ORG", "nz", "nw")}  # (SAB/PER 米勒/PER)
    titles, terms = lexicon.affixes("person_titles"), lexicon.latin_terms()
    for m in _LATIN_AFTER_KIND.finditer(h):
        s, e = m.span(1)
        if h[e - 1].isdigit() and h[e : e + 1] in (".", "%"):  # (公司Manassen Foods75%: a share)
            e = s + len(h[s:e].rstrip("0123456789"))
        first = h[s:e].split(" ")[0]
        if first in titles or h[s:e] in terms or (toks and (e not in word_ends or e in name_after)):
            continue
        out.append((s, e, "org_latin"))
    for m in _LATIN_BEFORE_TITLE.finditer(h):
        s, e = m.span(1)
        if h[s:e].split(" ")[0] in titles or h[s:e] in terms or (toks and (s not in word_starts or e not in word_ends)):
            continue
        out.append((s, e, "org_latin"))
    ends = {e for _, e, *_ in org_spans}
    for m in _LATIN_PAREN.finditer(h):
        if m.start() in ends:
            out.append((m.start(1), m.end(1), "org_latin"))
    return out


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


# Party and government committees a title word opens with (县委书记, 市委常委, 党工委副书记)
_BODY_WORDS = ("党工委", "县委", "市委", "区委", "省委", "州委", "旗委", "盟委", "镇委", "乡委", "党委")
_BODY_FIRST = frozenset(b[0] for b in _BODY_WORDS)  # (a test most tokens fail at once)
_PLACE_TAGS = {"LOC", "ORG", "nz", "ns"}


def bodies_before_titles(h: str, toks: Sequence[Tok]) -> list[Cand]:
    """长沙/LOC 县委书记/n -> 长沙县委: LAC writes a committee and the title after it as one
    word, so the committee's name is cut across two; the place before it and the committee
    word are the body's name (the title stays the person's)."""
    titles = lexicon.affixes("person_titles")
    out: list[Cand] = []
    for i in range(1, len(toks)):
        s, e, tag = toks[i]
        if h[s] not in _BODY_FIRST or e - s < 3:
            continue  # (a committee word and a title: three characters at least)
        w = h[s:e]
        body = next((b for b in _BODY_WORDS if w.startswith(b)), None)
        if body is None or w[len(body):] not in titles:
            continue
        ps, pe, ptag = toks[i - 1]
        if pe == s and ptag in _PLACE_TAGS and pe - ps >= 2:
            out.append((ps, s + len(body), "org_suffix"))
    return out


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


_BRACKET_TAIL = re.compile(r"^\([\u4e00-\u9fff]{2,4}\)[\u4e00-\u9fff]*$")
_CLOSE_TAIL = re.compile(r"^\)[\u4e00-\u9fff]+$")


def bracket_tails(h: str, toks: Sequence[Tok]) -> list[Cand]:
    """LAC sometimes makes one mark-tagged word of a bracketed place and the rest of a
    legal name (宝马/ORG + (中国)汽车贸易有限公司/w), or of the closing bracket and the rest
    (奥腾/ORG ( 中国/LOC + )汽车贸易有限公司/w): the part after the opening bracket is a
    candidate, which join_bracketed joins to the name before it."""
    out: list[Cand] = []
    for k, (s, e, tag) in enumerate(toks):
        if tag != "w" or not _ends_with_suffix(h[s:e]):
            continue
        if _BRACKET_TAIL.match(h[s:e]):
            out.append((s + 1, e, "org_suffix"))
        elif (_CLOSE_TAIL.match(h[s:e]) and k >= 2 and toks[k - 1][1] == s and toks[k - 1][1] - toks[k - 1][0] <= 4
              and h[toks[k - 2][0] : toks[k - 2][1]] == "("):
            out.append((toks[k - 1][0], e, "org_suffix"))
    return out


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


def zone_then_sector(name: str) -> bool:
    """重庆两江新区智能网联汽车, 东湖高新区光: a zone name followed by sector words with
    no organisation type word at the end is a zone and an industry, not an ORG."""
    for z in lexicon.zone_endings():
        i = name.find(z)
        if i > 0 and i + len(z) < len(name):
            tail = name[i + len(z) :]
            if not _ends_with_suffix(tail):
                return True
    return False


# 中心 before a word of place is the middle of an area, not a body (东北亚中心区域, 大湾区中心腹地,
# 重庆中心城区)
_AREA_AFTER_CENTRE = ("区域", "腹地", "地带", "位置", "城区", "地区", "区位", "地段", "城市", "区")


def procurement_term(h: str, s: int, e: int) -> bool:
    """重庆市政府采购分散管理规定, 美国政府采购产品标准: 政府采购 (government procurement) is a
    term, and the place before it says whose; 政府 is its first half, not a government named.  A
    government that procures (市政府采购了200辆车) is one, and so is a body named after the term
    (政府采购中心: a longer name)."""
    return h.endswith("政府", s, e) and h.startswith("采购", e) and h[e + 2 : e + 3] not in ("了", "过", "着")


# a centre as a role a place plays (建设国际科技创新中心, 打造区域物流中心) or a part of a city (株洲市中心,
# 城市副中心, 某湾区东部地理中心): no body; the gold of every set has none required
_ROLE_CENTRE = re.compile(r"(?:国际|区域|全球|世界|亚洲)[^·]{1,10}中心|.*(?:市中心|城市中心|副中心|地理中心)")


def role_centre(name: str) -> bool:
    return _ROLE_CENTRE.fullmatch(name) is not None


# centres that are a facility, a building or a role by what they do (某某数据中心, 某某购物中心,
# 某某配送中心, 打造某某产业中心): no body; every gold record that names one has it optional
_FACILITY_CENTRES = ("数据中心", "购物中心", "商业中心", "金融中心", "体育中心", "配送中心", "分拨中心",
                     "仓储中心", "呼叫中心", "展示中心", "辐射中心", "产业中心", "供应中心", "生产主中心")


def facility_centre(name: str) -> bool:
    return name.endswith(_FACILITY_CENTRES)


# bureaus a bare field names across the country (环保局, 物价局: NOTES §8's unnamed references); a
# place names one (上海局), and a few fields have one bureau only (民航局, 商标局, 招商局 the company)
_ONE_BUREAU = frozenset({"民航局", "商标局", "招商局", "外汇局", "邮政局", "烟草局"})


def unnamed_bureau(h: str, s: int, e: int) -> bool:
    """环保局, 物价局 alone; not 上海局, nor a country's bureau its place word was cut from (澳大利亚 +
    统计局: the bare name of NOTES §6)."""
    name = h[s:e]
    if len(name) != 3 or not name.endswith("局") or name in _ONE_BUREAU or is_place(name[:2]) \
            or name[:2] in lexicon.place_names():
        return False
    return not any(h.endswith(p, 0, s) for p in lexicon.place_prefixes().get("foreign", ()))


def centre_project(h: str, s: int, e: int) -> bool:
    """某某农产品交易中心项目, 某某数据中心项目, 某某批发市场项目: a centre or a market named by its
    project is a facility to be built, not a body."""
    return h.endswith(("中心", "市场"), s, e) and h.startswith("项目", e)


def centre_of_area(h: str, s: int, e: int) -> bool:
    return h.endswith("中心", s, e) and h.startswith(_AREA_AFTER_CENTRE, e)


def generic_words_only(name: str) -> bool:
    """高新技术企业, 文化创意, 国际商贸: four characters or more of the zone rules' generic words
    (sectors, scales, kinds), and at most 企业 after them: a kind of firm or a sector, which LAC
    and lists make names of."""
    core = name[:-2] if name.endswith("企业") else name
    # (a national or regional word, or a common word a brand is named by, opens many names:
    # 中国石化, 大众, 现代汽车, 西部航空, 南方电网; is_descriptive weighs those)
    return len(name) >= 4 and not name.startswith(_BRAND_OPENINGS) and _zone_generic(core)


_BRAND_OPENINGS = ("中国", "国家", "全国", "中华", "大众", "现代", "第一", "东方", "西部", "南方", "北方", "东部", "中部")


_LATIN_HEAD = re.compile(r"[A-Za-z0-9\-]+")


def technical_term(name: str) -> bool:
    """LED, LED照明, 3G手机: a Latin word of technology (rules/latin_terms.txt) alone or before a
    product or a sector names no organisation; before a body's type word it may (某5G产业联盟)."""
    m = _LATIN_HEAD.match(name)
    if m is None or m.group() not in lexicon.latin_terms():
        return False
    rest = name[m.end():]
    return not rest or (_CJK_ONLY.fullmatch(rest) is not None and not _ends_with_suffix(rest))


# a unit after its figure (30万蒲式耳, 7.36美元/蒲式耳, 每蒲式耳): no name
_UNIT_BEFORE = re.compile(r"(?:\d[亿万千百]?|[\d元]/|每)\Z")


def unit_of_figure(h: str, s: int) -> bool:
    return _UNIT_BEFORE.search(h, max(0, s - 2), s) is not None


def modal_hui(h: str, s: int, e: int) -> bool:
    """中国会按照…, 咱们中国会变成…: 会 after a place alone is the modal verb; a place's
    association names its kind (某某商会, 某某协会), as an event names its fair (广交会)."""
    return e - s >= 3 and h[e - 1] == "会" and is_place(h[s : e - 1])


# 在华工厂, 来华企业: 华 is China after a word of being or coming there, the rest a kind of firm
_IN_CHINA = "在来访驻赴离旅留"


def in_china_kind(h: str, s: int, e: int) -> bool:
    rest = h[s + 1 : e]
    return h[s] == "华" and s > 0 and h[s - 1] in _IN_CHINA and bool(rest) \
        and (is_kind(rest) or _only_type_words(rest) or rest in _FIRM_TYPES or rest in _KIND_WORDS)
