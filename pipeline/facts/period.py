"""The period a number refers to, with where it was read from (ANNOTATION.md, period scope).

- A time expression governs its own clause and the later clauses of its sentence: the
  nearest DATE before the number in its sentence, else the first after it in its clause.
- A year or period that opens a sentence (or a paragraph) also governs the following
  sentences of that paragraph that continue the run of statistics (增长, 达到, 实现, 完成 ...),
  until another time expression: "2021年，全区营业收入增长15.2%。规上工业产值增长12%。" -> both 2021.
  The date may follow a dateline or a reporting clause (X网北京3月5日电(记者 X), 据悉，) or the
  run's subject when its clause states a figure (园区2021年实现营收…).
- A DATE naming an event (2022年二季度重点项目集中签约仪式) dates that event's figures in the
  following sentences of its paragraph too, and a 其中 sentence breaking them down.
- A standing count (有 / 拥有 / 现有 / 共有 / 聚集) with no time of its own gets none
  (2019年研发费用6069万元。研发人员有110余人 -> null; 另有14个项目开工 counts what happened), and a
  target (its measure) without its own year is not given the year of achieved figures.
- A date after the article's year dates planned figures only (the year a target is due) and names
  no event; a planned figure takes no period ended before the article's year.
- 比上年 / 较去年同期: a comparison's base is not the number's period.
- A report about one fiscal or plan period, announced in the lead paragraph as 2010年度 /
  2007-2009年度 / “十二五”, dates its numbers unless their sentence names another.

`period_from` says which rule gave the period: clause, sentence, paragraph (carried, or the
lead's report period), event, or article_date (今年 / 去年 / 一季度 read against the article's date).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pipeline.dates import period_bounds, resolve_period
from pipeline.facts.textindex import text_index
from pipeline.mentions import Mention


@dataclass(frozen=True, slots=True)
class Period:
    text: str | None
    start: date | None = None
    end: date | None = None
    grain: str | None = None
    source: str | None = None  # the facts table's period_from


NO_PERIOD = Period(None)

# the base of a comparison (比上年增长, 较去年同期, 同比上年), not the period of the number
_COMPARED = re.compile(r"(?:比|较|相比|同比|对比|与)$")
# 从2017年的250家跃升至568家 / 从去年的零激增至127亿元: 2017 dates the 250, not the 568
_FROM = re.compile(r"从$")
_TO = re.compile(r"[至到]")
# what may stand before a date that opens its sentence (据统计，2021年，…)
# a news lead's frame counts as nothing too: 本报讯 X管委会日前公布，2024年全区…
# a dateline (X网北京11月28日讯(记者 X)) and the day of the report (7月27日，记者从X了解到，) too
_OPENER = re.compile(r"^[\s“”\"（(]*(?:本报讯|讯|[^，,。；;：:\n]{0,30}?[讯电]\s*(?:[（(][^）)\n]{0,20}[）)])?)?\s*"
                     r"(?:\d{1,2}月\d{1,2}[日号](?:[上下]午)?[，,]\s*)?"
                     r"(?:[^，,。；;：:]{0,30}?(?:公布|透露|发布|获悉|介绍|表示|显示|通报|了解到|得知|指出)[，,：:]\s*)?"
                     r"(?:据统计|据了解|数据显示|统计显示|其中|另外|此外|同时|在|截至|截止|自|从"
                     r"|据[^，,。；;：:]{0,10}?(?:统计|了解|悉|介绍|测算|数据|显示))?[，,、]?[\s“”\"]*$")
# or the run's subject before its year (园区2021年实现营收…): a short name, not a founding date
_SUBJECT_FIRST = re.compile(r"^[\s“”\"]*(?!虽然|虽|但|而|因为|因|由于|如果|若|即使|尽管|只是|不过|然而|并且|同时|此外|另外|其中|对于|随着)"
                            r"[^，,。；;：:\s]{2,12}(?<![于在自从至到截止是的为])$")
_RUN_OPEN = re.compile(r"实现|完成|达到|增长|新增|引进|签约|投资|营业收入|营收|产值|收入")
# a sentence that continues a run of statistics
_RUN = re.compile(r"增长|增速|增幅|同比|达到|达|实现|完成|突破|超过|累计|新增|下降|减少|提高|提升|占|总额|总量|规模|共计|合计"
                  r"|投资|金额|收入|产值|营收|引进|签约|为")
# a standing count: 研发人员有110余人, 园区现有企业500家, 聚集企业300家
_STANDING = re.compile(r"(?:有|拥有|现有|共有|聚集|集聚|汇聚)[^，,。；;：:]{0,12}$")
# ... unless what it counts happened (另有14个项目自行开工, 有10项举措被国务院刊发): an event's count
_HAPPENED = re.compile(r"开工|竣工|投产|签约|落地|落户|入驻|开业|获批|认定|刊发|推广|复制|引进|建成")
# since a year (自2017年4月1日挂牌成立以来, 2019年以来): up to the article's date
_SINCE = re.compile(r"[^，,。；;：:]{0,16}?(?:以来|至今)")
# a year that starts something (从今年开始, 2021年起) and how many years it lasts (为期三年)
_STARTS = re.compile(r"(?:开始|起)")
_LASTING = re.compile(r"为期([一二两三四五六七八九十2-9]|10)年")
_CN_YEARS = {**{c: i for i, c in enumerate("一二三四五六七八九十", 1)}, "两": 2, **{str(i): i for i in range(2, 11)}}
# a plan looking past the date before it
_AHEAD = re.compile(r"未来|今后|将来|以后|此后|届时|明年|下一步|[到至](?:19|20)\d\d年")
# a sentence that breaks down the figures of the one before it
_BREAKDOWN = re.compile(r"[\s“”\"]*其中[，,：:]?")
# planned figures: their period is the year they are due, never a year carried to them
_TARGET = re.compile(r"计划|目标|力争|预计|争取|有望|预期|拟|将|规划|确保")
# a time word without a year in the sentence: it is not about the year carried (2010年，… 。近期，…)
_OWN_TIME = re.compile(r"近期|近日|日前|此前|近年|如今|现在|未来|今后|随后|此后|以往|过去|当时|届时|下一步")
# a DATE naming an event: 2022年二季度重点项目集中签约仪式, 2024年一季度重大项目开工活动
_EVENT = re.compile(r"(?:[^，,。；;：:]{0,12}?|[，,]\s*在[^，,。；;：:]{0,20}?)(?:签约|开工|竣工|投产|仪式|大会|推介会|洽谈会|招商会|博览会|论坛|峰会|发布会|活动"
                    r"|(?:推进|现场|观摩|启动|动员|对接)会)")
# a meeting named with its year (2019年度招商引资工作会议)
_MEETING = re.compile(r"[^，,。；;：:]{0,12}?(?:会议|工作会|年会)")
# a sentence about the event named before (此次集中开工的项目共31个, 本次“三个一批”活动): its period
_THIS_EVENT = re.compile(r"(?:此次|本次|这次|本批|此批)")


def document_period(dates: Sequence[Mention], lead: tuple[int, int] | None,
                    article_date: str | None, text: str | None = None) -> str | None:
    """The period a report is about, announced in the lead; not a meeting's name (the
    article's `text` given: 2019年度招商引资工作会议上获悉，2018年… reports on 2018)."""
    if lead is None:
        return None
    for d in dates:
        if lead[0] <= d.start < lead[1] and ("年度" in d.text or d.source == "date_five_year"):
            if text is not None and (_EVENT.match(text, d.end) or _MEETING.match(text, d.end)):
                continue
            return resolve_period(d.norm, article_date)
    return None


class PeriodResolver:
    """Built once per article; `resolve(...)` per number."""

    def __init__(self, text: str, dates: Sequence[Mention], article_date: str | None,
                 sentences: Sequence[tuple[int, int]], lead: tuple[int, int] | None) -> None:
        self.text = text
        self.article_date = article_date
        # dates that can give a period: not a bare day, not the base of a comparison
        self.dates = [d for d in dates if d.norm != "day"
                      and not _COMPARED.search(text, max(0, d.start - 2), d.start)]
        self._starts = [d.start for d in self.dates]
        # any time expression, a bare day too, ends what a date carries (12月5日举行了签约仪式),
        # but not the base of a comparison or change (比上年, 从去年的零激增至…)
        self._all_starts = sorted(d.start for d in dates if not self._from_base(d)
                                  and not _COMPARED.search(text, max(0, d.start - 2), d.start))
        self.sentences = sentences
        self._sentence_starts = [s for s, _ in sentences]
        self._carried_by: dict[tuple, Period | None] = {}
        # the last period given to a figure: its sentence's start, paragraph and period
        self._said: tuple[int, tuple[int, int], Period] | None = None
        self.default = document_period(dates, lead, article_date, text)
        # the first DATE that names an event (2024年一季度重点项目集中开工活动); 此次 refers back to it
        self._event = next((d for d in self.dates if _EVENT.match(text, d.end) and self._when(d) != "future"), None)

    def resolve(self, pos: int, end: int, sentence: tuple[int, int], clause: tuple[int, int],
                block: tuple[int, int] | None, target: bool | None = None) -> Period:
        """`block` is the number's paragraph, None where periods do not carry (titles, headings);
        `target` whether the number is a planned figure (its measure), None to judge it here from
        the target words before it in its sentence."""
        period = self._resolve(pos, end, sentence, clause, block, target)
        if period.text is not None and block is not None:
            self._said = (sentence[0], block, period)
        return period

    def _breakdown(self, s_start: int, sentence: tuple[int, int], block: tuple[int, int]) -> Period | None:
        """其中，… breaks down the figures stated before it: the period last given to a figure of
        an earlier sentence of the paragraph, when no time expression stands between."""
        if not _BREAKDOWN.match(self.text, s_start, sentence[1]) or self._said is None:
            return None
        start, said_block, period = self._said
        if said_block != block or start >= sentence[0] or period.source != "event":
            return None
        said_end = self.sentences[max(0, bisect_right(self._sentence_starts, start) - 1)][1]
        if bisect_right(self._all_starts, s_start - 1) > bisect_right(self._all_starts, said_end - 1):
            return None  # a time expression after that sentence ends the breakdown
        return period

    def _resolve(self, pos: int, end: int, sentence: tuple[int, int], clause: tuple[int, int],
                 block: tuple[int, int] | None, target: bool | None) -> Period:
        s_start = max(sentence[0], block[0]) if block else sentence[0]
        before = [d for d in self._in(s_start, pos)
                  if not (_FROM.search(self.text, max(0, d.start - 1), d.start) and _TO.search(self.text, d.end, pos))
                  and self._fits(d, target, pos)]
        if before:
            d = before[-1]
            year = next((e.norm[:4] for e in reversed(before[:-1]) if e.norm[:4].isdigit()), None)
            if d.norm.startswith("month:") and year:  # 2004年，4月份汽车销量…: that year's April
                return _make(f"{year}-{d.norm[6:]}", "sentence")
            period = self._period(d, "clause" if d.start >= clause[0] else "sentence")
            return self._lasting(d, period, sentence) or period
        after = [d for d in self._in(end, clause[1]) if self._fits(d, target, pos)]
        if after:
            return self._period(after[0], "clause")
        if self.default:  # a report on one period: its standing counts and targets too
            return _make(self.default, "paragraph")
        # the searches of [s_start, pos) start at the first character a match can start with,
        # and _STANDING's match ends at pos (16 characters at most); what is carried is the
        # same for every number of a sentence: a sentence of many numbers is read once
        index = text_index(self.text)
        if (self._event is not None and self._event.end <= s_start
                and index.search(_THIS_EVENT, "此本这", s_start, pos)):
            return self._period(self._event, "event")
        if target is None:
            target = index.search(_TARGET, "计目力预争有拟将规确", s_start, pos) is not None
        if (block is None or target or (_STANDING.search(self.text, max(clause[0], pos - 16), pos)
                                        and not _HAPPENED.search(self.text, end, min(clause[1], end + 16)))):
            return NO_PERIOD
        key = (s_start, block, sentence[1])
        if key not in self._carried_by:
            self._carried_by[key] = (self._carried(s_start, block, self.text[s_start:sentence[1]])
                                     or self._breakdown(s_start, sentence, block))
        return self._carried_by[key] or NO_PERIOD

    def _in(self, lo: int, hi: int) -> list[Mention]:
        i = bisect_right(self._starts, lo - 1)
        out = []
        for d in self.dates[i:]:
            if d.start >= hi:
                break
            if d.end <= hi:
                out.append(d)
        return out

    def _carried(self, s_start: int, block: tuple[int, int], sentence_text: str) -> Period | None:
        """The date that opens an earlier sentence of the paragraph, when no other date stands
        between it and this sentence; an event's date, or a run's date for a sentence of the run."""
        earlier = [d for d in self._in(block[0], s_start) if not self._from_base(d)]
        if not earlier:
            return None
        d = earlier[-1]
        if bisect_right(self._all_starts, s_start - 1) > bisect_right(self._all_starts, d.start):
            return None
        if self._when(d) == "future":  # 2025年，园区将…: a plan's year dates no achieved figure
            return None
        d_sentence = self.sentences[max(0, bisect_right(self._sentence_starts, d.start) - 1)]
        opener_from = max(d_sentence[0], block[0])
        if _EVENT.match(self.text, d.end):
            return self._period(d, "event")
        if not (_OPENER.match(self.text[opener_from:d.start]) or self._subject_first(opener_from, d)):
            return None
        if not _RUN.search(sentence_text) or _OWN_TIME.search(sentence_text):
            return None
        return self._period(d, "paragraph")

    def _when(self, d: Mention) -> str | None:
        """"future" for a period after the article's year (并于2013年开工建设 in 2011), "past" for
        one ended before it, None otherwise or without the article's date."""
        if not self.article_date or not self.article_date[:4].isdigit():
            return None
        text = resolve_period(d.norm, self.article_date)
        years = re.findall(r"\d{4}", text or "")
        if not years:
            return None
        now = int(self.article_date[:4])
        if int(years[0]) > now:
            return "future"
        return "past" if int(years[-1]) < now else None

    def _lasting(self, d: Mention, period: Period, sentence: tuple[int, int]) -> Period | None:
        """从今年开始…启动为期三年的工程: a year that starts a plan of N years -> the N years."""
        if period.text is None or not re.fullmatch(r"\d{4}", period.text) or not _STARTS.match(self.text, d.end):
            return None
        m = _LASTING.search(self.text, d.end, sentence[1])
        n = _CN_YEARS.get(m.group(1)) if m else None
        if not n or n < 2:
            return None
        return _make(f"{period.text}-{int(period.text) + n - 1}", period.source or "sentence")

    def _fits(self, d: Mention, target: bool | None, pos: int) -> bool:
        """A future date gives its period to a planned figure only (the year it is due); a planned
        figure looking ahead of a past period takes none (2007-2010年…增长17.7%，预计未来达23%),
        while an estimate of a past year keeps it (2010年总产量…，预计占世界的45%)."""
        when = self._when(d)
        if target:
            return when != "past" or not _AHEAD.search(self.text, d.end, pos)
        return when != "future"

    def _subject_first(self, opener_from: int, d: Mention) -> bool:
        """园区2021年实现营收860亿元: a short subject before the year, whose clause states a figure
        (公司2019年在慕尼黑设立研发中心 dates an event, not a run)."""
        if not _SUBJECT_FIRST.match(self.text[opener_from:d.start]):
            return False
        index = text_index(self.text)
        return index.search(_RUN_OPEN, "实完达增新引签投营产收", d.end, index.clause_end(d.end, len(self.text))) is not None

    def _from_base(self, d: Mention) -> bool:
        """从去年的零激增至127亿元: the base of a change, which neither dates what follows nor ends a run."""
        return bool(_FROM.search(self.text, max(0, d.start - 1), d.start)
                    and _TO.search(self.text[d.end:d.end + 16].split("。")[0]))

    def _period(self, d: Mention, source: str) -> Period:
        text = resolve_period(d.norm, self.article_date)
        if text is None:
            return NO_PERIOD
        if d.norm.startswith(("rel:", "month:", "bare:")):
            source = "article_date"
        elif _EVENT.match(self.text, d.end):
            source = "event"
        elif (re.fullmatch(r"\d{4}", text) and self.article_date and self.article_date[:4].isdigit()
              and int(text) < int(self.article_date[:4]) and _SINCE.match(self.text, d.end)):
            text = f"{text}-{self.article_date[:4]}"  # 自2017年4月1日挂牌以来 in 2018: 2017-2018
        return _make(text, source)


def _make(text: str, source: str) -> Period:
    bounds = period_bounds(text)
    if bounds is None:
        return Period(text, source=source)
    return Period(text, bounds[0], bounds[1], bounds[2], source)
