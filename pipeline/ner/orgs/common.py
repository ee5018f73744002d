"""What the organisation rules share: LAC's tokens and the candidates made of them, type words and
legal forms, places and sector words."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon


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


def _ends_with_suffix(w: str) -> str | None:
    return lexicon.affixes("org_suffixes").ending(w)


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


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


_FIRM_TYPES = ("有限责任公司", "股份有限公司", "有限公司", "集团公司", "公司", "集团", "企业", "厂")


def is_place(name: str) -> bool:
    pre = lexicon.place_prefixes()
    return name in lexicon.place_names() or name in pre.get("foreign", ()) or name in ("中国", "中华")
