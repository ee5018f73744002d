"""Where organisation candidates come from: LAC's ORG words, names that end in a type word (their left
edge walked back over LAC's words), company short names before an industry word, the state's bodies,
bodies before a person's title, bracketed tails of legal names and Latin names."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Sequence

from .. import lexicon
from .common import (
    Cand, Tok, _ADMIN_LEVELS, _ADV_PREFIXES, _ASCII_NAME, _CONJ, _INNER_TAGS, _KIND_ENDINGS, _KIND_WORDS,
    _LEGAL_FORMS, _LEGAL_FORM_RE, _NATIONAL, _RELATION_WORDS, _START_TAGS, _TERM, _cjk, _ends_with_suffix,
    _is_name_start, _sector_terms, _tok_text, _zone_generic,
)
from .edges import (
    _BELONGS, _COMMON_TYPE_NOUNS, _COPULAS, _JOINING_VERBS, _TRAILING_VERBS, _balance, strip_apposition,
)
from .filters import is_descriptive


_MAX_ORG_CHARS = 32
_MAX_WALK = 12


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
def _state_bodies() -> re.Pattern[str]:
    # (not 生态环境部门, any ecology office; nor the head of 生态环境部长江流域局's own name)
    return re.compile("(?:" + "|".join(map(re.escape, lexicon.state_bodies())) + ")(?![门])")


def state_bodies(h: str) -> list[Cand]:
    """The central government's bodies LAC reads as several words (生态/n 环境部/n, 农业/n 农村部/n),
    by their canonical names."""
    return [(m.start(), m.end(), "org_suffix") for m in _state_bodies().finditer(h)]


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


def latin_orgs(h: str, org_spans: Sequence[Cand], toks: Sequence[Tok] = ()) -> list[Cand]:
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
