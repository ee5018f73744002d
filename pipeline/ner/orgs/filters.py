"""What names no organisation, whatever LAC or a rule made of it: descriptions and kinds of firm (某区一家
公司, 世界500强企业), sectors, events, facilities and roles of a place, technical terms, units (issue 13)."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.zones.suffix import COUNTRY_PAIR

from .. import lexicon
from .common import (
    _CJK_ONLY, _FIRM_TYPES, _KIND_WORDS, _LEGAL_FORMS, _NATIONAL, _ends_with_suffix, _only_type_words,
    _zone_generic, is_kind, is_place,
)


def is_generic(name: str) -> bool:
    """A word that names no one body: a scope (国际, 全区), 该/本/其 and a kind, a place and a kind of firm."""
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
