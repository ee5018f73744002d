"""What kind of figure a number is (ANNOTATION.md, `measure`), from the words around it.

price      a unit price or rate: the fact has a `per` unit (4.32元/股), or 户均 / 人均 / 每亩 before it
threshold  money that qualifies what follows it: 10亿元以上项目, 产值超亿元的高新技术企业,
           100亿元以上1个, 过10亿元企业, 20-50亿元项目
target     a planned or expected figure: 计划, 预计, 拟, 将, 可达 ... in its clause, or 力争, 目标,
           到2027年, 建成后 earlier in its sentence (a semicolon ends a cue's reach); not 截至2021年底,
           提升至2022年的, a due year before the article's, 以…为目标, 完成年度计划的X% (a share);
           the bare move of a planned figure (将超1000亿元，同比增长20%: build.py) too
share      a percent read as a part of a whole (占, 比重, 比例, …率); change (增长15.2%, 同比):
           the cue closest before the number decides (占比提高到30% is a share)
cumulative 累计, 共计, 总计 in its clause; 以来, 截至目前, 先后, 至今 earlier in its sentence
change     新增9家, 增加投资5亿元: a change word in its clause (工业增加值 is not one; 增, 降 alone
           only before an amount: 可降解 is none)
level      everything else: a total or a stock (营业收入860亿元, 高企1217家)

The order is the precedence: a planned growth (力争增长15%) is a target, a cumulative
addition (累计新增企业500家) cumulative, and 增至 / 提高到 give the level reached.
Written from ANNOTATION.md and the odd-numbered articles of ../shared/train; the even-numbered
half is the held-out check.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipeline.facts.textindex import text_index

_CLASS = r"(?:项目|企业|产业集群|集群|工程|产业链|平台)"
# a bound word after the amount: 10亿元以上项目, 百亿级产业集群
_THRESHOLD = re.compile(r"^(?:以上|及以上|以下|级)(?:的[^，,。；;、]{0,8}?|(?:重大|重点|大|产业|工业|制造业|优质|好)?)" + _CLASS)
# or a bound or range on the amount and a class after it: 产值超亿元的高新技术企业, 年产值20至30亿元的企业
_CLASS_AFTER = re.compile(r"^的[^，,。；;、]{0,8}?" + _CLASS)
# a lower bound right before a class (新增过10亿元企业4家, 引进超亿元项目): which ones are counted
_BOUND_CLASS = re.compile(r"^(?:重大|重点|大|产业|工业|制造业|优质|好)?" + _CLASS)
_COUNT_AFTER = re.compile(r"^\d")  # 100亿元以上1个: a class of projects counted
# planned figures: cues in the number's clause, and cues that govern the rest of their sentence
_TARGET = re.compile(r"计划|预计|拟|将|有望|预期|争取|可达|可实现|可新增|可带动|可提供|届时")
# a sentence that opens with a plan governs all its clauses (计划在3至5年内…，届时形成500亿元的产业规模)
_TARGET_OPEN = re.compile(r"[^，,。；;]{0,4}?(?:计划|预计|拟|力争|争取|目标)")
# (以建设…为目标 frames a year's work, 完成全年目标任务 is a plan achieved: neither makes a target)
_TARGET_SENTENCE = re.compile(r"力争|(?<!为)目标(?!任务)|建成后|投产后|达产后|达效后|建成投产|确保")
# the year a target is due: 到2027年, 至2025年底; not 截至2021年底 (a stock), 2010年至2021年 (a span),
# 提升至2022年的56% (the level reached); a due year before the article's is a year achieved
_DUE_YEAR = re.compile(r"(?<![截止升长增加高大降少年])(?:到|至)((?:19|20)\d\d)年(?!的)")
# 完成年度计划的105.4%, 完成全年目标任务的73%: the share of a plan achieved, not a planned figure
_OF_PLAN = re.compile(r"完成[^，,。；;]{0,6}?(?:计划|目标|任务)[^，,。；;]{0,4}?的?$")
_CUMULATIVE = re.compile(r"累计|共计|总计|累积")
_CUMULATIVE_SENTENCE = re.compile(r"以来|迄今|至今|先后|(?:截至|截止|到)目前|累计")
_SHARE = re.compile(r"占|比重|比例|份额|(?<!增长)(?<![增涨])率")
# 增至 / 增长到 / 提高至: the figure reached, a level (or share), not the change
# (提升至2022年的56%: the level of a year)
_TO_LEVEL = re.compile(r"(?:增长|增加|提高|提升|上升|下降|降低|减少|扩大|缩减|下滑|回落|降|增|升|涨|跌)(?:至|到)了?(?:(?:19|20)\d\d年(?:底|末)?的?)?$")
# a one-character move only before its amount (同比增18.5%, 降3%, 增了): not inside a name or
# another word (可降解环保日用品项目, 减速机, 增材制造, 增资总额)
_CHANGE = re.compile(r"增长|增加|增速|增幅|涨幅|降幅|跌幅|减幅|增收|减收|涨价|降价|提价|增资|提高|提升|上升|上涨|下降|下滑"
                     r"|减少|降低|下跌|回落|同比|环比|新增|净增"
                     r"|[增降涨跌减](?=\s*(?:[\d０-９一二两三四五六七八九十百千近约超逾]|了|达|去))")
_RATE = re.compile(r"增速|增长率|增幅|涨幅|降幅|跌幅|速度")
_CHANGE_AFTER = re.compile(r"^(?:的)?(?:增长|增幅|增速|涨幅|降幅)")
# names that hold a change word without being a change (工业增加值, 增值税)
_NOT_CHANGE = re.compile(r"增加值|增值")
_PER_HEAD = re.compile(r"(?:户均|人均|亩均|每亩|每户|每人|单价|均价)[^，,。；;]{0,6}$")


def measure_of(kind: str, per: str | None, text: str, pos: int, end: int,
               clause: tuple[int, int], sentence_start: int, *, bounded: bool = False,
               sentence_end: int | None = None, article_year: int | None = None) -> str:
    """`text` is the article text; [pos, end) the number; `clause` its clause's bounds; `bounded`
    when the amount is a lower bound or a range (超亿元, 20至30亿元); `sentence_end` where the
    sentence ends (the text's end if not given); `article_year` the year the article was written
    (a 到YEAR年 before it is not a target).

    The clause before the number (`head`) and the sentence before it (`lead`) are searched
    through the matches of each cue found once per clause and per sentence (_Scans): searching
    them again for every number was quadratic in a clause of many numbers."""
    scans = _scans(text)
    c0 = clause[0]
    if per or scans.per_head(c0, pos):
        return "price"
    after = text[end:min(clause[1], end + 12)]
    surface = text[pos:end]
    if kind == "money" and (_THRESHOLD.match(after) or (surface.endswith(("以上", "以下")) and (
            _COUNT_AFTER.match(after) or _CLASS_AFTER.match(after) or re.match(_CLASS, after)))
            or (bounded and (_CLASS_AFTER.match(after) or _BOUND_CLASS.match(after)))):
        return "threshold"
    # the sentence up to the number, from its last semicolon: a list's items have their own cues
    s_end = len(text) if sentence_end is None else max(sentence_end, pos)
    lead = max(sentence_start, text_index(text).last_semicolon(sentence_start, pos) + 1)
    c_end = max(clause[1], pos)
    if kind == "percent" and _OF_PLAN.search(text, max(c0, pos - 16), pos):
        return "share"
    if (scans.exists(_TARGET, c0, pos, c_end) or scans.exists(_TARGET_SENTENCE, lead, pos, s_end)
            or _TARGET_OPEN.match(text, sentence_start, pos) or scans.due(lead, pos, s_end, article_year)):
        return "target"
    if _TO_LEVEL.search(scans.masked, max(c0, pos - 12), pos):
        if kind != "percent":
            return "level"
        # a percent reached is a share (占比提高到30%), or a growth rate's move (增速下滑至6%)
        return "change" if scans.exists(_RATE, c0, pos, c_end) else "share"
    share = scans.last(_SHARE, c0, pos, c_end) if kind == "percent" else -1
    change = scans.last(_CHANGE, c0, pos, c_end)
    if change < 0 and _CHANGE_AFTER.match(after):
        change = pos - c0
    if kind == "percent":
        if share < 0 and change < 0:
            return "share"
        return "share" if share > change else "change"
    if scans.exists(_CUMULATIVE, c0, pos, c_end):
        return "cumulative"
    if change >= 0:
        return "change"
    if scans.exists(_CUMULATIVE_SENTENCE, lead, pos, s_end):  # its breakdown too (截至目前…项目96个，其中100亿元以上1个)
        return "cumulative"
    return "level"


def _last(pattern: re.Pattern[str], s: str, start: int = 0, end: int | None = None) -> int:
    """Where the last match of `pattern` in `s` (in s[start:end]) ends, -1 without one."""
    last = -1
    for m in pattern.finditer(s, start, len(s) if end is None else end):
        last = m.end()
    return last


class _Scans:
    """The matches of each cue in the article, scanned once from each clause or sentence start
    to its end.  The text is searched with 增加值 / 增值 masked, as the head was.
    A question about [a, pos) is answered from the matches ending by pos; where a match runs
    across pos (the matches of a search stopping at pos may then differ) the search is made as
    before."""

    def __init__(self, text: str) -> None:
        self.text = text
        # masked with as many dots as characters, so positions stay the text's (the head was
        # masked with two: only _PER_HEAD counts characters, and it reads the head as before)
        self.masked = _NOT_CHANGE.sub(lambda m: "·" * len(m.group()), text)
        self._found: dict[tuple, tuple[list[int], list[int]]] = {}

    def _matches(self, pattern: re.Pattern[str], a: int, limit: int) -> tuple[list[int], list[int]]:
        key = (pattern.pattern, a, limit)
        found = self._found.get(key)
        if found is None:
            spans = [m.span() for m in pattern.finditer(self.masked, a, limit)]
            found = self._found[key] = ([s for s, _ in spans], [e for _, e in spans])
        return found

    def exists(self, pattern: re.Pattern[str], a: int, pos: int, limit: int) -> bool:
        """pattern.search(masked[a:pos]) is not None."""
        starts, ends = self._matches(pattern, a, limit)
        if not starts or starts[0] >= pos:
            return False
        if ends[0] <= pos:
            return True
        return pattern.search(self.masked[a:pos]) is not None

    def last(self, pattern: re.Pattern[str], a: int, pos: int, limit: int) -> int:
        """_last(pattern, masked[a:pos])."""
        starts, ends = self._matches(pattern, a, limit)
        j = bisect_right(ends, pos)
        if j < len(starts) and starts[j] < pos:
            return _last(pattern, self.masked[a:pos])
        return ends[j - 1] - a if j else -1

    def due(self, a: int, pos: int, limit: int, article_year: int | None) -> bool:
        """A due year (到2027年) in masked[a:pos], not before the article's year: the matches
        of [a, limit) read once, their years kept."""
        key = ("due", a, limit, article_year)
        found = self._found.get(key)
        if found is None:
            ms = [m for m in _DUE_YEAR.finditer(self.masked, a, limit)
                  if article_year is None or int(m.group(1)) >= article_year]
            found = self._found[key] = ([m.start() for m in ms], [m.end() for m in ms])
        return bool(found[1]) and found[1][0] <= pos

    def per_head(self, a: int, pos: int) -> bool:
        """_PER_HEAD.search(head masked as before): a match ends at pos (or before a last
        newline), so starts at most 9 masked characters (13 of the text) before it."""
        return _PER_HEAD.search(_NOT_CHANGE.sub("··", self.text[max(a, pos - 16):pos])) is not None


_LAST_SCANS: list = [None, None]


def _scans(text: str) -> _Scans:
    if _LAST_SCANS[0] is not text:
        _LAST_SCANS[0], _LAST_SCANS[1] = text, _Scans(text)
    return _LAST_SCANS[1]
