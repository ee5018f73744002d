"""News outlets that open a report or are named as its source: ORG mentions.

A report's dateline (央广网天津11月8日消息, 河北新闻网讯, 齐鲁网·闪电新闻10月25日讯), the outlet
before its reporter at a line's start (某某网记者 王某) and a source line (来源：某某日报) name
the outlet that publishes the figures.  LAC reads most of them as a place or a common noun,
and the type-word rules do not know 网 or 新闻 as a type word: those are too common inside
running text (互联网, 电网) to take as names anywhere else.
"""

from __future__ import annotations

import re
from typing import Sequence

from . import lexicon

Cand = tuple[int, int, str]

# What an outlet's name ends with; 本报/本网/本台 are the writer's own paper, not a name
_OUTLET_END = ("新闻网", "日报", "晚报", "时报", "商报", "早报", "新闻", "电视台", "广播电台", "客户端", "在线", "之声", "网", "报",
               "社")
_OWN = re.compile(r"^(?:本|该|我)")
_LEAD = re.compile(r"^(?:而据|根据|据|来自|转自|援引)")
_INNER = re.compile(r"本报|本台|本网|本刊|据")
# the longest outlet name taken (齐齐哈尔新闻网, 中国酒业新闻网: 7)
_MAX_NAME = 10
_HAN = r"\u4e00-\u9fff"
# line start, the outlet part (names joined by · or -) and perhaps a place, then a date and 电, 讯 or
# 消息, or 讯 alone (河北新闻网讯); 电 and 消息 without a date open ordinary lines (国家电网与南方电网电…)
_DATELINE = re.compile(
    rf"(?m)^[ \t\u3000]*[（(【\[]?(?P<head>[{_HAN}A-Za-z·•\-]{{2,24}}(?:[ \t\u3000][{_HAN}]{{2,4}})?)"
    rf"(?:(?:\d{{1,2}}月)?\d{{1,2}}日(?:电|讯|消息)|讯)")
# an outlet before its reporter at a line's start, the reporter's name after (读特记者 王某/文);
# 近日记者从…获悉 and 据某报记者了解，… have none there
_REPORTER_KINDS = ("首席", "特约", "实习", "见习", "融媒体", "全媒体")
_REPORTER = re.compile(
    rf"(?m)^[ \t\u3000]*[（(【\[]?(?P<head>[{_HAN}·•]{{2,12}}?)(?:{'|'.join(_REPORTER_KINDS)})?记者"
    rf"[ \t\u3000]*[{_HAN}]{{2,3}}(?=[ \t\u3000/、）)]|报道|摄)")
# the credit in brackets right after a dateline (…讯（某某·某某日报记者 王某）): the outlets before 记者
_CREDIT = re.compile(
    rf"(?:日电|社电|讯)[（(](?P<head>[{_HAN}·•]{{2,16}}?)(?:{'|'.join(_REPORTER_KINDS)})?记者")
# a channel's line (某某网某地频道报道（王某）): the outlet before its place and channel
_CHANNEL_LINE = re.compile(rf"(?m)^[ \t\u3000]*(?P<head>[{_HAN}·]{{2,16}}频道)(?:报道|讯|消息)")
# a channel or app of an outlet (某某网辽宁频道, 某某客户端): the outlet names it (dev NOTES §7:
# the parent required, the joined string optional); 新闻 after a place is a channel too (某某网辽宁新闻)
_CHANNELS = ("频道", "客户端")
_SOURCE = re.compile(rf"(?:来源|稿源|转自|来自)[:：][ \t\u3000]*(?P<head>[{_HAN}A-Za-z·•]{{2,16}})")
_PLACE_MAX = 4
# an outlet cited in running text: after a word of citing, before what it reports or its reporter
# (据某某网最新调查, 援引某某社报道, 告诉某某网记者, 据某某之声《晚高峰》报道, 据某某网称), or opening a line with 消息 and a
# colon (某某网消息:)
_CITED = re.compile(
    rf"(?:据|援引|根据|告诉|接受|向)(?P<head>[{_HAN}·]{{2,{_MAX_NAME}}}?)(?:《[^》\n]{{1,12}}》)?"
    rf"(?:最新)?(?:记者|报道|报导|消息|调查|统计|监测|数据|披露|称)")
# two cited outlets joined: a conjunction right after an outlet's ending
_JOINED = re.compile(f"(?<=[{''.join(sorted({w[-1] for w in _OUTLET_END}))}])[和与及、]")
# a paper before its reporter at a clause's start, the reporting after (某某商报记者在…获悉, 某某导报记者
# 从…了解到, 某某晚报记者 王某 摄): the paper's name ends in 报 and is four characters or more
_CLAUSE_REPORTER = re.compile(
    rf"(?:^|(?<=[。！？；，,：:\s”“(（]))(?:而|但|不过|此外|另外)?(?P<head>[{_HAN}]{{3,8}}报)"
    rf"(?:{'|'.join(_REPORTER_KINDS)})?记者"
    rf"(?=在|从|也|还|又|一直|于|拨打|梳理|了解|获悉|发现|注意到|采访|调查|走访|致电|联系|查阅|看到|日前|近日|昨日|昨天|今日|"
    rf"今天|第一时间|独家|多方|随机|实地|[ \t\u3000][{_HAN}]{{2,3}}(?:[ \t\u3000/、）)]|报道|摄))", re.M)
_NEWS_LINE = re.compile(rf"(?m)^[ \t\u3000]*(?P<head>[{_HAN}·]{{2,{_MAX_NAME}}}?)消息[:：]")


def _is_outlet(name: str, bare_ok: bool) -> bool:
    if not 2 <= len(name) <= _MAX_NAME or _OWN.match(name) or name in _OUTLET_END or name in _REPORTER_KINDS:
        return False
    if len(name) == 2 and name.endswith("报"):
        return False  # (据中报显示: an interim report; 导报 alone is a paper's kind)
    if name.endswith("网") and len(lexicon.affixes("org_suffixes").ending(name[:-1]) or "") >= 2 \
            and not name[:-1].endswith(_OUTLET_END):  # (某某日报网: the paper's own site, an outlet)
        return False  # 某某集团网: a company's own site, the company the name (西部网: 部 is no such word)
    return bare_ok or name.endswith(_OUTLET_END)


def _outlet_of_channel(name: str) -> str:
    """The outlet of a channel's or an app's name (某某网辽宁频道 -> 某某网, 某某网辽宁新闻 -> 某某网,
    某某客户端 -> 某某); other names, and a channel with no place before it (某某财经频道), as
    they are."""
    kind = next((k for k in (*_CHANNELS, "新闻") if name.endswith(k) and len(name) - len(k) >= 2), None)
    if kind is None:
        return name
    bare = name[: -len(kind)]
    for k in (2, 3, 4):  # the place between the outlet and its channel
        if len(bare) - k >= 2 and bare[-k:] in lexicon.place_names() and bare[:-k].endswith(_OUTLET_END):
            return bare[:-k]
    return bare if kind == "客户端" else name


def _names(h: str, start: int, head: str, bare_ok: bool, place_ok: bool) -> list[Cand]:
    """The outlets of ``head`` (at ``start``): its ·-joined parts; the last may be followed
    by a place (央广网天津, 广西新闻网南宁), the longest outlet-ending prefix winning."""
    inner = max((m.start() for m in _INNER.finditer(head)), default=0)
    if inner:  # a headline run into its dateline (…效果好本报讯, …客人据新华社电): what follows
        start, head = start + inner, head[inner:]
    lead = _LEAD.match(head)
    if lead:  # 据中新社: the outlet after a word of reporting
        start, head = start + lead.end(), head[lead.end():]
    out, at = [], start
    parts = re.split(r"[·•\-]", head)  # (经济日报-中国经济网: two outlets share a dateline)
    for k, whole in enumerate(parts):
        name = _outlet_of_channel(whole)
        if k == len(parts) - 1 and place_ok and not _is_outlet(name, False):
            cut = max((i for i in range(2, len(name) - 1) if len(name) - i <= _PLACE_MAX
                       and _is_outlet(name[:i], False) and name[i] not in "网报社台"), default=None)
            if cut is not None:
                name = name[:cut]
        if _is_outlet(name, bare_ok or name != whole):
            out.append((at, at + len(name), "org_outlet"))
        at += len(whole) + 1
    return out


# a newspaper named as a work in title marks (《人民日报》, 《东京新闻》): what its name ends with,
# less the documents and notices written with 报 (《联合公报》, 《清华大学学报》, 《天气预报》)
_PAPER_END = ("日报", "晚报", "时报", "商报", "早报", "晨报", "快报", "导报", "周报", "邮报", "新闻", "报")
_NOT_PAPER_END = ("公报", "学报", "画报", "年报", "月报", "季报", "简报", "通报", "情报", "汇报", "海报", "电报",
                  "预报", "警报", "喜报", "捷报", "战报", "板报", "墙报", "申报", "举报", "回报", "收报")
_TITLED = re.compile(rf"《(?P<head>[{_HAN}·]{{2,{_MAX_NAME}}})》")


def titled_papers(h: str) -> list[Cand]:
    """Newspapers in title marks: 《经济日报》 names the paper that reports (an optional ORG of
    the contract, dev NOTES §12; general news labels it one)."""
    return [(m.start("head"), m.end("head"), "org_outlet") for m in _TITLED.finditer(h)
            if m.group("head").endswith(_PAPER_END) and not m.group("head").endswith(_NOT_PAPER_END)
            and not _OWN.match(m.group("head"))]


# a dateline's 电 or 讯 that LAC ran into the name after it (６月２９日电德国队) or the
# outlet before it (新华社电外交部); words that open with 电 stay whole (５月１日电力公司…)
_DATELINE_MARK = re.compile(r"(?:社|日)(?:电|讯)")
_DIAN_WORDS = ("电力", "电信", "电子", "电网", "电气", "电器", "电视", "电影", "电商", "电池", "电缆", "电机",
               "电工", "电讯", "电脑", "电业", "电台", "电化", "电能", "电站", "电源", "电控", "电科", "讯飞")


def split_at_datelines(h: str, cands: list[Cand]) -> list[Cand]:
    """A dateline ends a name: the candidate's parts before and after its 电 or 讯."""
    out: list[Cand] = []
    for s, e, src in cands:
        m = _DATELINE_MARK.search(h, max(s - 1, 0), e)
        if m is None or m.end() >= e or h.startswith(_DIAN_WORDS, m.end() - 1):
            out.append((s, e, src))
            continue
        if m.start() + 1 - s >= 2 and h[m.start()] == "社":
            out.append((s, m.start() + 1, src))
        out.append((m.end(), e, src))
    return out


# a title's rank words before it (资深分析师, 首席分析师); words a site's name opens with that LAC
# reads as a word of their own
_SITE_OPENERS = ("第一", "中国", "中华", "全球", "国际")
_RANKS = ("资深", "首席", "高级", "副")


def titled_sites(h: str, toks: Sequence[tuple[int, int, str]]) -> list[Cand]:
    """A site LAC reads as one word (某某钢铁网/nz, 某某汽车网) right before a title of its staff
    (分析师, 主编, 总裁): the site's company, whose analyst or editor speaks (某某油脂网信息主编 王某).
    In running text 网 ends too many words (电网, 互联网) to be a name's end without the title."""
    titles = lexicon.affixes("person_titles")
    out: list[Cand] = []
    for i, (s, e, tag) in enumerate(toks):
        if e - s < 3 or h[e - 1] != "网" or tag not in ("nz", "n", "ORG", "nw") or _OWN.match(h[s:e]):
            continue
        at = e
        if i + 1 < len(toks) and toks[i + 1][1] - toks[i + 1][0] == 2 and titles.beginning(h[toks[i + 1][1]:toks[i + 1][1] + 6]):
            at = toks[i + 1][1]  # (某某网 信息 主编: one word of the desk before the title)
        rank = next((r for r in _RANKS if h.startswith(r, at)), "")
        if titles.beginning(h[at + len(rank) : at + len(rank) + 6]) is not None and _is_outlet(h[s:e], False):
            if i > 0 and toks[i - 1][1] == s and (toks[i - 1][2] == "LOC" or h[toks[i - 1][0] : s] in _SITE_OPENERS):
                s = toks[i - 1][0]  # (中国/LOC 猪e网/nz, 第一/m 纺织网/nz: the site's name opens before LAC's word)
            elif i > 1 and h[toks[i - 1][0] : s] in ("与", "和") and toks[i - 2][1] == toks[i - 1][0]:
                continue  # (中国采购与招标网: a name LAC cut at its conjunction, its edge unsure)
            out.append((s, e, "org_outlet"))
    return out


def outlet_orgs(h: str) -> list[Cand]:
    """Outlets in datelines, before a reporter at a line's start, in source lines, cited in
    running text, and newspapers in title marks."""
    out: list[Cand] = titled_papers(h)
    for m in _DATELINE.finditer(h):
        out += _names(h, m.start("head"), m.group("head"), False, True)
    for m in _REPORTER.finditer(h):
        out += _names(h, m.start("head"), m.group("head"), True, False)
    for m in _CREDIT.finditer(h):
        out += _names(h, m.start("head"), m.group("head"), True, False)
    for m in _CHANNEL_LINE.finditer(h):
        out += _names(h, m.start("head"), m.group("head"), True, False)
    for m in _CLAUSE_REPORTER.finditer(h):
        out += _names(h, m.start("head"), m.group("head"), False, False)
    for m in _SOURCE.finditer(h):
        out += _names(h, m.start("head"), m.group("head"), False, False)
    for rx in (_CITED, _NEWS_LINE):
        for m in rx.finditer(h):
            at = m.start("head")
            for part in _JOINED.split(m.group("head")):  # (据新华社和日本共同社报道)
                out += _names(h, at, part, False, False)
                at += len(part) + 1
    return sorted(set(out))
