"""A learned choice among a number's possible subjects.

Every zone or organisation the article names is a candidate (mentions of one entity
grouped, a zone's administration counted as its zone), and so is "no subject".  Each
candidate is described by a few features of where its mentions stand relative to the
number (same clause, sentence, paragraph, title; before or after; distance; at the head
of a clause), what it is (zone or organisation, how often and where the article names
it) and the words around it (an anaphor in the number's clause, 据/表示 that make it a
source, 等 that make it an example, 投资/与 that make it an investor or partner).  The
rule resolver's own answer is one feature.  A linear score over the features picks the
candidate (a conditional logit, trained by scripts/train_subjects.py on the gold facts
of ../shared/train, dev, the seed page and tests/fixtures/sample_gold.json; k-fold figures
by article in scripts/eval_subjects.py).  The weights are data: rules/subject_ranker.json.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipeline.facts.subject_names import SOURCE as NAMED_HERE
from pipeline.facts.textindex import text_index
from pipeline.mentions import Mention
from pipeline.regexguard import match_chars

WEIGHTS = Path(__file__).resolve().parents[2] / "rules" / "subject_ranker.json"
DELIMS = "，,；;：:。！？!?\n"

FEATURES = (
    # candidates
    "rule_pick", "clause_before", "clause_after", "clause_head", "owner_gap",
    "sentence_before", "sentence_after", "sentence_head", "paragraph_before", "paragraph_after",
    "nearest_before", "nearest_in_sentence", "log_dist", "clauses_between",
    "title", "lead", "zone", "log_count", "main", "main_zone", "main_org", "first_named",
    "org_anaphor_last", "zone_anaphor_zone", "zone_anaphor_main", "kind_anaphor_last",
    "reports_after", "source_before", "authority", "example_after", "partner_after", "invest_after",
    "admin_of_zone", "zone_x_title", "zone_x_main", "earlier_paragraph", "later_only",
    "sentence_zone_anaphor", "paragraph_zone_anaphor", "anaphor_suffix_match", "zone_share",
    "main_zone_no_sentence_cand", "main_zone_no_block_cand", "short_name", "once_org", "org_lac_only",
    "zone_listed", "zone_suffix_only", "odd_start", "main_listed_zone",
    "rule_x_clause", "rule_x_sentence", "rule_x_carried", "rule_x_zone", "rule_x_odd",
    "sentence_pick", "clause_pick", "null_sentence_null",
    "article_anaphors", "suffix_anaphors", "main_zone_rule_null", "main_org_anaphors", "zone_article",
    "null_zone_article", "rule_x_headline", "named_here", "only_zone", "name_in_title", "text_count",
    "admin_unlisted_kind", "project_owner", "title_number_title_name", "counted_example",
    # the null candidate
    "null", "null_rule", "null_no_sentence_cand", "null_no_block_cand", "null_scope", "null_other_subject",
    "null_not_running", "null_no_zone", "null_field_clause", "head_anaphor_main",
    "null_zone_field", "null_place_head", "zone_project_head", "null_project_head",
)
_INDEX = {f: i for i, f in enumerate(FEATURES)}

_FILLER = re.compile(
    r"^(?:\s|本报讯|日前|近日|目前|当前|此外|同时|另外|其中|其次|随后|今年|去年|近年来|近几年|多年来|"
    r"截至|截止|\d{4}年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?|"
    r"上半年|下半年|前不久|据|由|而|但|并|且|还|也|则|此次|本次|“|”|\(|\)|（|）)*$")
_ORG_ANAPHOR = re.compile(r"(?:该公司|该企业|该集团|公司|集团|企业)")
_ZONE_ANAPHOR = re.compile(r"(?:该高新区|高新区|该园区|园区|开发区|该区|全区|新区|示范区|本区|区内|区里|片区|全市|试验区|经开区|保税区|综保区|自贸区)")
MAX_CANDIDATES = 48  # groups ranked per number in an article naming more (news articles name fewer)
_ZONE_FIRSTS = "该高园开全新示本区片试经保综自"  # the first characters of _ZONE_ANAPHOR's words
_KIND_ANAPHOR = re.compile(r"(?:该|这家|这个|这所|此)(?:[^，,。；;：:“”]{0,16}?的)?"
                           r"(公司|企业|集团|研究院|研究所|银行|大学|学院|基金|协会|项目)")
_REPORTS = re.compile(r"[^，,。；;：:\n]{0,24}?(?:表示|介绍|透露|指出|称|说|认为|预计|预测|统计|显示|通报|公布|"
                      r"发布|宣布|披露|报道|获悉|了解到)")
_SOURCE = re.compile(r"(?:据|根据|来自|引自|援引)[^，,。；;]{0,4}$")
_AUTHORITY_ENDS = ("署", "局", "部", "委", "会", "办", "办公室", "中心", "院", "所", "处", "厅", "政府", "组", "社",
                   "报", "网", "台")
_EXAMPLE = re.compile(r"(?:、[^，,。；;、]{1,12}?)*等")
# 甲科技、乙智能、丙电子等12个项目: a name in a list that a count follows is one of the
# things counted (there and for the figures after it in the sentence), not their subject
_COUNTED_LIST = re.compile(r"([^，,。；;、：:]{0,10}?)(?:、[^，,。；;、：:]{1,14}?)*等[\d０-９一二两三四五六七八九十百千数几]")
_PARTNER = re.compile(r"\s*[和与及、同]")
_INVEST = re.compile(r"[^，,。；;]{0,10}?(?:投资|出资|签约|签署|引进|收购|入股|合作|携手|落户)")
_OWNER_GAP = re.compile(r"^(?:[(（][^()（）]{1,12}[)）])?(?:的?(?:下属|旗下|所属)的?)?(?:共|有|拥有|共有|已有|达)?$")
# the whole field, anywhere in the number's clause before it (全国高新区营业收入…, 我国…)
_FIELD = re.compile(r"全国|全省|我国|全球|全世界|全行业|国内|世界")
# 高新区光电产业…完成产值949亿元 / 全区实现…: a zone word opening the clause or the sentence (after
# time words) speaks of the zone the article is about, wherever the article names it
_HEAD_ZONE_WORD = re.compile(r"(?:\s|目前|当前|同时|此外|其中|另外|今年|去年|全年|据了解|据悉|据统计|数据显示|截至目前|"
                             r"[一二三四]季度|前三季度|[上下]半年|\d{1,2}(?:-\d{1,2})?月份?|\d{4}年度?|[，,])*"
                             r"(?:该高新区|高新区|该园区|园区|开发区|经开区|该区|全区|新区|示范区|本区|区内|片区|试验区)")
# a count of zones (在178个国家高新区中, 我市的4家高新区) or figures of each of several zones
# (吕梁市各开发区“签约一批”项目11个): about no one zone
_ZONES_COUNTED = re.compile(r"(?:省级|国家级|国家|省|市级)?(?:高新区|开发区|经开区|园区|产业园|新区|片区|示范区|自贸区|保税区|综保区)")
_EACH_ZONE = re.compile(r"各(?:类)?(?:开发区|园区|高新区|新区|片区|县区|县市区|区县)")
_SCOPE = re.compile(r"(?:全国|全省|全球|全世界|全行业)(?:共有|共|有)?$")
_ONE_OF = re.compile(r"[^，,。；;：:\n]{1,16}?(?<!分)之一")
# a name found by its suffix that opens with a function word (占同期新区, 季度新区, 本次高新区,
# 季度全市工业园区) is no name: no gold zone or subject of train, dev, seed or sample opens so
_ODD_START = re.compile(r"^(?:占|季度|本次|本届|本年|实现|全市|全省|全区|全国|全县|该|这|此|从|在|对|为|与|其|各|"
                        r"拉动|同期|以及|及|年|月|日|其中|位于|依托|围绕|推动|加快|建设|打造)")
# a sentence about "the project" (该项目占地64亩，总投资1.3亿元 / 项目建成后…) after a sentence
# naming a company's project (…华庆新材料科技有限公司年产6000吨…项目培土奠基): the company's figures
_PROJECT_HEAD = re.compile(r"(?:\s|目前|此外|同时|其中|据悉|据了解|[，,])*(?:该|此|这个|这一|上述)?(?:一期)?项目")
_OTHER_SUBJECT = re.compile(r"(?:此次|本次|本届|这次|这些|那些|上述)")
_FILLER_RUN = match_chars(_FILLER)  # no filler reaches past the first character outside it


_ADMIN = ("管委会", "管理委员会", "党工委")
_UNLISTED_KIND = re.compile(r"(?:试验区|实验区|起步区|经济区|新城|合作区)$")


def _bare_name(g: Candidate) -> str:
    """A candidate's name, a zone administration's without 管委会."""
    name = g.key[1]
    for a in _ADMIN:
        if name.endswith(a) and len(name) > len(a) + 1:
            return name[: -len(a)]
    return name


@dataclass(frozen=True, slots=True)
class Candidate:
    """One entity of the article that could be a number's subject (key None: no subject)."""

    key: tuple[str, str] | None  # (label, subject text)
    mentions: tuple[Mention, ...]


@lru_cache(maxsize=1)
def load_weights(path: Path = WEIGHTS) -> tuple[list[float], dict] | None:
    """The shipped weights, in FEATURES order; None when the file is absent or was built
    for other features (the rule resolver is then used)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("features") != list(FEATURES):
        return None
    return data["weights"], data


def candidates(cands: Sequence[Mention]) -> list[Candidate]:
    """Mentions grouped by the subject they would give (a zone's 管委会 gives its zone)."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in cands:
        if m.label == "ZONE" and m.source == "zone_suffix" and _ODD_START.match(m.text):
            continue
        key = (m.attrs["subject_label"], m.attrs["subject_of"]) if "subject_of" in m.attrs \
            else (m.label, m.attrs.get("display", m.text))
        groups.setdefault(key, []).append(m)
    # 交城经济开发区 and 交城经开区 found by suffix and left apart: one zone, named by its commoner form
    merged: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in groups:
        merged.setdefault((key[0], _short_zone(key[1]) if key[0] == "ZONE" else key[1]), []).append(key)
    out = []
    for keys in merged.values():
        best = max(keys, key=lambda k: (len(groups[k]), -groups[k][0].start))
        out.append(Candidate(best, tuple(sorted((m for k in keys for m in groups[k]), key=lambda m: m.start))))
    return sorted(out, key=lambda c: c.mentions[0].start)


_ZONE_SHORT = (("国家高新技术产业开发区", "高新区"), ("高新技术产业开发区", "高新区"), ("国家高新区", "高新区"),
               ("经济技术开发区", "经开区"), ("经济开发区", "经开区"), ("自由贸易试验区", "自贸区"),
               ("自贸试验区", "自贸区"))


def _short_zone(name: str) -> str:
    for long, short in _ZONE_SHORT:
        if name.endswith(long):
            return name[: -len(long)] + short
    return name


class ArticleFeatures:
    """What is known of the article's candidates once; `rows()` per number."""

    def __init__(self, text: str, cands: Sequence[Mention], *, running: Sequence[tuple[int, int]],
                 title: tuple[int, int] | None, places: Sequence[Mention] = ()) -> None:
        self.text = text
        # places (GPE) standing on their own, not inside a zone's or company's name (安宁市梳理
        # 建立了260个…, 嵩明县16个…): a clause about a county or city is about no zone or company
        # (ANNOTATION: null when the number is about a place)
        c_spans = sorted((m.start, m.end) for m in cands)
        self._places = sorted((m.start, m.end) for m in places
                              if not any(a < m.end and m.start < b for a, b in c_spans))
        self._place_starts = [a for a, _ in self._places]
        self.groups = candidates(cands)
        self.running = list(running)
        self.title = title
        self.lead = self.running[0] if self.running else None
        self.all = sorted((m.start, m.end, gi) for gi, g in enumerate(self.groups) for m in g.mentions)
        self._all_starts = [s for s, _, _ in self.all]
        counts = [len(g.mentions) for g in self.groups]
        self.counts = counts
        # X特别试验区管委会, X新城管委会: the administration of a zone of a kind ANNOTATION
        # does not list stands for its zone (../shared/train README), so it is read as a zone
        self.admin_unlisted = [g.key[0] == "ORG" and not any("subject_of" in m.attrs for m in g.mentions)
                               and g.key[1].endswith(_ADMIN) and _UNLISTED_KIND.search(_bare_name(g)) is not None
                               for g in self.groups]
        self.kind = ["ZONE" if g.key[0] == "ZONE" or self.admin_unlisted[i] else g.key[0]
                     for i, g in enumerate(self.groups)]

        def top(label: str | None) -> int | None:
            idx = [i for i in range(len(self.groups)) if label is None or self.kind[i] == label]
            return max(idx, key=lambda i: (counts[i], -self.groups[i].mentions[0].start)) if idx else None
        self.main, self.main_zone, self.main_org = top(None), top("ZONE"), top("ORG")
        listed = [i for i, g in enumerate(self.groups) if g.key[0] == "ZONE"
                  and any(m.source in ("zone_gazetteer", "zone_alias") for m in g.mentions)]
        self.main_listed = max(listed, key=lambda i: (counts[i], -self.groups[i].mentions[0].start)) \
            if listed else None
        # 高新区 / 新区 / 园区 standing alone (not inside a name), over the whole article: a
        # report about one zone names it once and then says 高新区
        spans = sorted((m.start, m.end) for m in cands)
        alone: dict[str, int] = {}
        org_alone = 0
        for pattern, is_zone in ((_ZONE_ANAPHOR, True), (_ORG_ANAPHOR, False)):
            for hit in pattern.finditer(text):
                k = bisect_right(spans, (hit.start(), len(text))) - 1
                if k >= 0 and spans[k][0] <= hit.start() < spans[k][1]:
                    continue
                if is_zone:
                    alone[hit.group()] = alone.get(hit.group(), 0) + 1
                else:
                    org_alone += 1
        self.alone, self.org_alone = alone, org_alone
        title_zone = title is not None and any(
            title[0] <= m.start < title[1] for i, g in enumerate(self.groups) if self.kind[i] == "ZONE"
            for m in g.mentions)
        self.zone_article = title_zone or (self.main is not None and self.groups[self.main].key[0] == "ZONE") \
            or sum(alone.values()) >= 3
        self.first = min(range(len(self.groups)), key=lambda i: self.groups[i].mentions[0].start) \
            if self.groups else None
        # what the article as a whole is about: the only zone; a name the title writes (a
        # zone's administration by its zone's name: 粤桂合作特别试验区 / …管委会); how often
        # the text writes the name, found as a mention or not
        self.n_zones = self.kind.count("ZONE")
        title_text = text[title[0]:title[1]] if title is not None else ""
        names = [_bare_name(g) for g in self.groups]
        self.in_title = [bool(title_text) and len(n) >= 2 and n in title_text for n in names]
        self.text_counts = [math.log1p(text.count(n)) / 3 if len(n) >= 2 else 0.0 for n in names]
        self.n_zone_mentions = sum(self.counts[i] for i in range(len(self.groups)) if self.kind[i] == "ZONE") or 1
        # the last ORG and ZONE group among the first k mentions, for every k
        self._last_org, self._last_zone = [None], [None]
        self._last_org_at: list[int | None] = [None]  # the index in self.all of that ORG mention
        for j, (_, _, gi) in enumerate(self.all):
            label = self.kind[gi]
            self._last_org.append(gi if label == "ORG" else self._last_org[-1])
            self._last_zone.append(gi if label == "ZONE" else self._last_zone[-1])
            self._last_org_at.append(j if label == "ORG" else self._last_org_at[-1])
        # 公司 / 集团 / 企业 standing alone, not inside a name (公司 of 天津华钢物流有限公司 is no
        # anaphor): their spans, found once for the article
        self._org_words: list[tuple[int, int]] = []
        for hit in _ORG_ANAPHOR.finditer(text):
            k = bisect_right(self._all_starts, hit.start()) - 1
            if k < 0 or self.all[k][1] <= hit.start():
                self._org_words.append(hit.span())
        self._org_word_starts = [a for a, _ in self._org_words]
        self._word_scans: dict[tuple[int, int], tuple[list[int], list[str]]] = {}
        g_ms = [g.mentions for g in self.groups]
        self._g_starts = [[m.start for m in ms] for ms in g_ms]
        self._g_ends = [[m.end for m in ms] for ms in g_ms]
        self._g_title = [title is not None and any(title[0] <= m.start < title[1] for m in ms) for ms in g_ms]
        self._g_lead = [self.lead is not None and any(self.lead[0] <= m.start < self.lead[1] for m in ms)
                        for ms in g_ms]
        self._g_texts = [sorted({m.text for m in ms}) for ms in g_ms]
        self._g_sources = [{m.source for m in ms} for ms in g_ms]
        self._g_admin = [any("subject_of" in m.attrs for m in ms) for ms in g_ms]
        self._by_key = {g.key: gi for gi, g in enumerate(self.groups)}
        self._filler_reach: dict[int, int] = {}

    def _filler_range(self, starts: list[int], at: int, lo: int, hi: int) -> range:
        """Indexes in [lo, hi) of the mentions that may stand after filler alone from `at`:
        those starting within the run of characters _FILLER can read from `at`."""
        if _FILLER_RUN is None:
            return range(lo, hi)
        reach = self._filler_reach.get(at)
        if reach is None:
            reach = self._filler_reach[at] = _FILLER_RUN.match(self.text, at).end()
        return range(lo, min(hi, bisect_right(starts, reach, lo=lo, hi=hi)))

    def _considered(self, pos: int, end: int, k: int, keys: tuple, groups: tuple) -> list[int]:
        """The groups a number's rows are made for: all of them, or in an article of more than
        MAX_CANDIDATES, the MAX_CANDIDATES nearest the number (by their nearest mention) and
        those the rules, the nearest mentions or the article's main ones point at."""
        n = len(self.groups)
        if n <= MAX_CANDIDATES:
            return list(range(n))
        keep = {gi for gi in groups if gi is not None}
        keep |= {self._by_key[key] for key in keys if key in self._by_key}
        keep |= {gi for gi in (self.main, self.main_zone, self.main_org, self.main_listed, self.first)
                 if gi is not None}
        near: set[int] = set()
        left, right = k - 1, k
        while len(near) < MAX_CANDIDATES and (left >= 0 or right < len(self.all)):
            d_left = pos - self.all[left][1] if left >= 0 else None
            d_right = self.all[right][0] - end if right < len(self.all) else None
            if d_right is None or (d_left is not None and d_left <= d_right):
                near.add(self.all[left][2])
                left -= 1
            else:
                near.add(self.all[right][2])
                right += 1
        return sorted(keep | near)

    def _project_owner(self, s_start: int, b_start: int) -> int | None:
        """The organisation last named in the paragraph before `s_start`, when the words after
        it in its clause name a project (not an authority: 市政府引进的…项目)."""
        j = self._last_org_at[bisect_left(self._all_starts, s_start)]
        if j is None or self.all[j][0] < b_start or self.all[j][1] > s_start:
            return None
        start, end, gi = self.all[j]
        if self.text[start:end].endswith(_AUTHORITY_ENDS):
            return None
        stop = text_index(self.text).clause_end(end, s_start)
        return gi if "项目" in self.text[end:stop] else None

    def _org_word_in(self, lo: int, hi: int) -> bool:
        """A standalone 公司/集团/企业 word within [lo, hi)."""
        k = bisect_left(self._org_word_starts, lo)
        return k < len(self._org_words) and self._org_words[k][1] <= hi

    def _place_head(self, c_start: int, pos: int) -> bool:
        """A place opens the clause before the number (after time words), no name before it."""
        k = bisect_left(self._place_starts, c_start)
        if k == len(self._places) or self._places[k][1] > pos:
            return False
        p_start = self._places[k][0]
        if not _FILLER.match(self.text[c_start:p_start]):
            return False
        j = bisect_left(self._all_starts, c_start)
        return j == len(self.all) or self.all[j][0] >= p_start

    def _any_within(self, lo: int, hi: int) -> bool:
        return _within(self.all, self._all_starts, lo, hi)

    def _words_before(self, start: int, end: int, pos: int) -> set[str]:
        """{m.group() for m in _ZONE_ANAPHOR.finditer(text, start, pos)}, from one scan of
        [start, end) kept for every number in it: a match ending by `pos` is one of those
        (no zone word holds a character a number starts with, so none runs across `pos`)."""
        scan = self._word_scans.get((start, end))
        if scan is None:
            ends, words, seen = [], [], set()
            for m in _ZONE_ANAPHOR.finditer(self.text, start, end):
                if m.group() not in seen:  # each word at its first end
                    seen.add(m.group())
                    ends.append(m.end())
                    words.append(m.group())
            scan = self._word_scans[(start, end)] = (ends, words)
        ends, words = scan
        return set(words[:bisect_right(ends, pos)])

    def rows(self, pos: int, end: int, sentence: tuple[int, int], block: tuple[int, int],
             rule: tuple[str, str] | None, reading: tuple[bool, tuple[str, str] | None] = (False, None),
             clause: tuple[str, str] | None = None) -> tuple[list[Candidate], list[list[float]]]:
        """The candidates (the null one last) and their feature vectors.  `rule` is the rule
        resolver's answer, `reading` what it reads in the number's sentence alone (settled or
        not, and the subject), `clause` what it reads in the number's own clause."""
        t = self.text
        s_start, s_end = max(sentence[0], block[0]), min(sentence[1], block[1])
        # clause bounds, anaphors in the clause's head and the zone words before the number come
        # from per-article indexes (pipeline.facts.textindex, _words_before): walking and
        # searching the clause for every number was quadratic in a clause of many numbers
        index = text_index(t)
        c_start = index.clause_start(pos, s_start)
        c_end = index.clause_end(end, s_end)
        in_title = self.title is not None and self.title[0] <= pos < self.title[1]
        running = block in self.running
        org_anaphor = self._org_word_in(c_start, pos)
        zone_anaphor = bool(index.search(_ZONE_ANAPHOR, _ZONE_FIRSTS, c_start, pos))
        kind_anaphor = bool(index.search(_KIND_ANAPHOR, "该这此", c_start, pos))
        project_head = bool(_PROJECT_HEAD.match(t, s_start, pos))
        owner = self._project_owner(s_start, block[0]) if project_head else None
        head_zone_word = bool(_HEAD_ZONE_WORD.match(t, c_start, pos) or _HEAD_ZONE_WORD.match(t, s_start, pos))
        # 新区 / 示范区 / 高新区 in the sentence or paragraph before the number: the zone talked of
        s_words = self._words_before(s_start, s_end, pos)
        p_words = self._words_before(block[0], block[1], pos)
        n_zone_mentions = self.n_zone_mentions
        # the nearest mention before the number, in the paragraph and in the sentence.  The
        # candidates' mentions do not overlap (_outermost), so those ending after `pos` are the
        # last of the ones starting before it
        hi = bisect_right(self._all_starts, pos)
        k = hi
        while k > 0 and self.all[k - 1][1] > pos:
            k -= 1
        b0 = bisect_left(self._all_starts, block[0], hi=k)
        nearest = self.all[k - 1][2] if k > b0 else None
        nearest_s = self.all[k - 1][2] if k > b0 and self.all[k - 1][0] >= s_start else None
        last_org, last_zone = self._last_org[k], self._last_zone[k]
        rows: list[list[float]] = []
        # each group's mentions are sorted and disjoint: which lie before, in or after the
        # clause, sentence and paragraph is found by bisection in their starts and ends
        # (passes over every mention of every group, for every number, were quadratic)
        considered = self._considered(pos, end, k, (rule, reading[1] if reading[0] else None, clause),
                                      (nearest, nearest_s, last_org, last_zone))
        for gi in considered:
            g = self.groups[gi]
            f = [0.0] * len(FEATURES)

            def put(name: str, value: float = 1.0) -> None:
                f[_INDEX[name]] = value
            ms = g.mentions
            st, en = self._g_starts[gi], self._g_ends[gi]
            zone = self.kind[gi] == "ZONE"
            put("rule_pick", float(rule == g.key))
            put("sentence_pick", float(reading[0] and reading[1] == g.key))
            put("clause_pick", float(clause == g.key))
            n_prior = bisect_right(en, pos)     # prior = ms[:n_prior] (end <= pos)
            first_later = bisect_left(st, end)  # later = ms[first_later:] (start >= end)
            cb_lo = bisect_left(st, c_start, hi=n_prior)
            if cb_lo < n_prior:
                put("clause_before")
                if any(_FILLER.match(t[c_start:ms[j].start]) for j in self._filler_range(st, c_start, cb_lo, n_prior)):
                    put("clause_head")
                if _OWNER_GAP.match(t[ms[n_prior - 1].end:pos]):
                    put("owner_gap")
            if first_later < len(ms) and ms[first_later].end <= c_end:
                put("clause_after")
            s_lo = bisect_left(st, s_start, hi=n_prior)
            if s_lo < cb_lo:
                put("sentence_before")
            if s_lo < n_prior:
                if any(_FILLER.match(t[s_start:ms[j].start]) for j in self._filler_range(st, s_start, s_lo, n_prior)):
                    put("sentence_head")
            j = bisect_left(st, c_end, lo=first_later)
            if j < len(ms) and ms[j].end <= s_end:
                put("sentence_after")
            if bisect_left(st, block[0], hi=n_prior) < s_lo:
                put("paragraph_before")
            j = bisect_left(st, s_end, lo=first_later)
            if j < len(ms) and ms[j].end <= block[1]:
                put("paragraph_after")
            prior = n_prior > 0
            later = first_later < len(ms)
            if nearest == gi:
                put("nearest_before")
            if nearest_s == gi:
                put("nearest_in_sentence")
            near = ms[n_prior - 1] if n_prior and ms[n_prior - 1].start >= block[0] else None
            if n_prior and ms[n_prior - 1].start >= s_start:
                listed = _COUNTED_LIST.match(t, ms[n_prior - 1].end, pos + 1)
                # the words after the name up to the list's next item or 等 name no other one
                if listed and bisect_left(self._all_starts, listed.end(1)) == bisect_left(self._all_starts, listed.start(1)):
                    put("counted_example")
            if near is not None:
                put("log_dist", math.log1p(pos - near.end) / 6)
                put("clauses_between", min(index.count_delims(near.end, pos), 4) / 4)
                after = t[near.end:near.end + 30]
                if _REPORTS.match(after):
                    put("reports_after")
                if _SOURCE.search(t[max(0, near.start - 6):near.start]):
                    put("source_before")
                if _EXAMPLE.match(after):
                    put("example_after")
                if _PARTNER.match(after):
                    put("partner_after")
                if _INVEST.match(after):
                    put("invest_after")
            elif prior:
                put("earlier_paragraph")
            elif later:
                put("later_only")
            if self._g_title[gi]:
                put("title")
                if in_title and not any(self.title[0] <= m.start < pos for m in ms):
                    # 总投资136亿!章锦片区14个大项目…: a headline's figure is the name it goes on with
                    put("title_number_title_name")
                if zone:
                    put("zone_x_title")
            if self._g_lead[gi]:
                put("lead")
            if zone:
                put("zone")
            put("log_count", math.log1p(self.counts[gi]) / 3)
            if self.main == gi:
                put("main")
                if zone:
                    put("zone_x_main")
            if self.main_zone == gi:
                put("main_zone")
            if self.main_org == gi:
                put("main_org")
            if self.first == gi:
                put("first_named")
            if org_anaphor and last_org == gi:
                put("org_anaphor_last")
            if owner == gi:
                put("project_owner")
            if kind_anaphor and last_org == gi:
                put("kind_anaphor_last")
            if zone_anaphor and zone:
                put("zone_anaphor_zone")
                if self.main_zone == gi or last_zone == gi:
                    put("zone_anaphor_main")
            if zone:
                if s_words and (self.main_zone == gi or last_zone == gi):
                    put("sentence_zone_anaphor")
                if p_words and (self.main_zone == gi or last_zone == gi):
                    put("paragraph_zone_anaphor")
                if any(x.endswith(w) for w in p_words for x in self._g_texts[gi]):
                    put("anaphor_suffix_match")
                put("zone_share", self.counts[gi] / n_zone_mentions)
            if self.main_zone == gi and not self._any_within(s_start, s_end):
                put("main_zone_no_sentence_cand")
            if self.main_zone == gi and not self._any_within(block[0], block[1]):
                put("main_zone_no_block_cand")
            if zone and self._g_sources[gi] & {"zone_gazetteer", "zone_alias"}:
                put("zone_listed")
            elif zone and self._g_sources[gi] == {"zone_suffix"}:
                put("zone_suffix_only")
            if _ODD_START.match(g.key[1]):
                put("odd_start")
            if self.main_listed == gi:
                put("main_listed_zone")
            if len(g.key[1]) <= 2:
                put("short_name")
            if not zone and self.counts[gi] == 1:
                put("once_org")
            if not zone and self._g_sources[gi] == {"lac"}:
                put("org_lac_only")
            if not zone and ms[0].text.endswith(_AUTHORITY_ENDS):
                put("authority")
            if self._g_admin[gi]:
                put("admin_of_zone")
            if zone and any(m.source == NAMED_HERE for m in ms):
                put("named_here")
            if zone and self.n_zones == 1:
                put("only_zone")
            if zone and head_zone_word and (self.main_zone == gi or self.main_listed == gi):
                put("head_anaphor_main")
            if zone and project_head:
                put("zone_project_head")

            if self.in_title[gi]:
                put("name_in_title")
            put("text_count", self.text_counts[gi])
            if self.admin_unlisted[gi]:
                put("admin_unlisted_kind")
            if zone and (self.main_zone == gi or self.main_listed == gi):
                put("article_anaphors", math.log1p(sum(self.alone.values())) / 3)
                put("suffix_anaphors", math.log1p(sum(n for w, n in self.alone.items()
                                                      if any(x.endswith(w) for x in self._g_texts[gi]))) / 3)
                if rule is None:
                    put("main_zone_rule_null")
            if not zone and self.main_org == gi:
                put("main_org_anaphors", math.log1p(self.org_alone) / 3)
            if zone and self.zone_article:
                put("zone_article")
            if f[_INDEX["rule_pick"]]:
                # where the rules found their answer says how far to trust it
                put("rule_x_clause", f[_INDEX["clause_before"]])
                put("rule_x_sentence", float(bool(f[_INDEX["sentence_before"]]) and not f[_INDEX["clause_before"]]))
                put("rule_x_carried", float(not f[_INDEX["clause_before"]] and not f[_INDEX["sentence_before"]]))
                put("rule_x_zone", float(zone))
                put("rule_x_odd", f[_INDEX["odd_start"]])
                put("rule_x_headline", float(bool(f[_INDEX["title"]]) and not
                                             bisect_left(st, block[0], hi=n_prior) < n_prior))
            rows.append(f)
        f = [0.0] * len(FEATURES)
        f[_INDEX["null"]] = 1.0
        f[_INDEX["null_rule"]] = float(rule is None)
        f[_INDEX["null_zone_article"]] = float(self.zone_article)
        f[_INDEX["null_sentence_null"]] = float(reading[0] and reading[1] is None)
        # some candidate's mention lies in the sentence before the number, in the paragraph
        f[_INDEX["null_no_sentence_cand"]] = float(not self._any_within(s_start, pos))
        f[_INDEX["null_no_block_cand"]] = float(not self._any_within(block[0], block[1]))
        f[_INDEX["null_scope"]] = float(bool(_SCOPE.search(t, max(c_start, pos - 6), pos) or _ONE_OF.match(t, pos)))
        f[_INDEX["null_other_subject"]] = float(bool(index.search(_OTHER_SUBJECT, "此本这那上", c_start, pos)))
        f[_INDEX["null_not_running"]] = float(not running and not in_title)
        f[_INDEX["null_no_zone"]] = float(self.main_zone is None)
        f[_INDEX["null_field_clause"]] = float(bool(index.search(_FIELD, "全我国世", c_start, pos)))
        f[_INDEX["null_place_head"]] = float(self._place_head(c_start, pos))
        f[_INDEX["null_project_head"]] = float(project_head)
        f[_INDEX["null_zone_field"]] = float(bool(_ZONES_COUNTED.match(t, end) or index.search(_EACH_ZONE, "各", s_start, pos)))
        rows.append(f)
        return [*(self.groups[gi] for gi in considered), Candidate(None, ())], rows


_ADMIN_END = re.compile(r"(?:管委会|管理委员会|党工委)$")
# places whose name, opening a zone's, says where it is (南昌高新区): the zone is named
# with its city already, a longer form adds only a province (江西南昌高新区)
_PLACE_LEVELS = ("province", "prefecture", "county")


def _names_its_place(name: str) -> bool:
    from pipeline.zones.rules import load_zone_rules

    places = load_zone_rules().places
    return any(name[:k] in places and places[name[:k]].level in _PLACE_LEVELS for k in range(2, min(len(name), 8)))


def surface_form(cand: Candidate, pos: int, s_start: int) -> str | None:
    """How to write a zone subject for a number at `pos`: a zone named without its place
    (金普新区, 临港新片区) by the longer form its sentence writes before the number
    (大连金普新区党工委 → 大连金普新区, 中国(上海)自由贸易试验区临港新片区), as the gold
    sets write it; otherwise the name the article uses most (the candidate's key)."""
    if cand.key is None:
        return None
    name = cand.key[1]
    if cand.key[0] != "ZONE" or _names_its_place(name):
        return name
    k = bisect_left(cand.mentions, pos, key=lambda m: m.start) - 1  # mentions are sorted by start
    if k < 0 or cand.mentions[k].start < s_start or cand.mentions[k].end > pos:
        return name
    near = _ADMIN_END.sub("", cand.mentions[k].text)
    return near if near != name and near.endswith(name) else name


def _within(spans: list[tuple[int, int, int]], starts: list[int], lo: int, hi: int) -> bool:
    """Whether a span lies inside [lo, hi]: the first starting at or after lo ends first
    (the spans do not overlap)."""
    k = bisect_left(starts, lo)
    return k < len(spans) and spans[k][1] <= hi


def choose(rows: list[list[float]], weights: Sequence[float]) -> int:
    """Index of the best-scoring row (ties: the first, so a named candidate before null)."""
    return int(np.argmax(np.asarray(rows) @ np.asarray(weights)))
