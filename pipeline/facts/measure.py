"""What kind of figure a number is (ANNOTATION.md, `measure`), from the words around it.

price      a unit price or rate: the fact has a `per` unit (4.32元/股)
threshold  the bound in 10亿元以上项目 / 亿元级项目: money that qualifies what follows it
target     a planned or expected figure: 计划, 目标, 力争, 预计, 拟, 将 ... earlier in the
           sentence, or 到2027年 before it
cumulative 累计, 共计, 截至…, …以来 in its clause (截至 also from the sentence's start)
share      a percent read as a part of a whole: 占, 占比, 比重, 比例, …率
change     增长15.2%, 新增9家, 下降3%, 同比: the cue closest before the number decides
           between share and change (占比提高到30% is a share)
level      everything else: a total or a stock (营业收入860亿元, 高企1217家)

The order is the precedence: a planned growth (力争增长15%) is a target, a cumulative
addition (累计新增企业500家) cumulative.
"""

from __future__ import annotations

import re

_THRESHOLD = re.compile(r"^(?:以上|及以上|级|规模)?的?(?:重大|重点|大|产业|工业|制造业|优质|好)?"
                        r"(?:项目|企业|产业集群|集群|工程|园区|产业链|平台)")
_TARGET = re.compile(r"计划|目标|力争|预计|争取|有望|预期|拟|将|规划|确保|到(?:19|20)\d\d年|至(?:19|20)\d\d年")
_CUMULATIVE = re.compile(r"累计|共计|总计|累积|以来|迄今|至今|先后")
_CUMULATIVE_OPEN = re.compile(r"^[^，,。；;]{0,4}(?:截至|截止|到目前)")
_SHARE = re.compile(r"占|比重|比例|份额|(?<!增长)(?<![增涨])率")
# 增至 / 增长到 / 提高至: the figure reached, a level (or share), not the change
_TO_LEVEL = re.compile(r"(?:增长|增加|提高|提升|上升|下降|降低|减少|扩大|降|增|升)(?:至|到)$")
_CHANGE = re.compile(r"增长|增加|增速|增幅|提高|提升|上升|上涨|下降|下滑|减少|降低|下跌|回落|同比|环比|新增|净增|增|降|涨|跌|减")
_CHANGE_AFTER = re.compile(r"^(?:的)?(?:增长|增幅|增速|涨幅|降幅)")


def measure_of(kind: str, per: str | None, text: str, pos: int, end: int,
               clause: tuple[int, int], sentence_start: int) -> str:
    """`text` is the article text; [pos, end) the number; `clause` its clause's bounds."""
    if per:
        return "price"
    after = text[end:min(clause[1], end + 10)]
    if kind == "money" and _THRESHOLD.match(after):
        return "threshold"
    head = text[clause[0]:pos]
    sentence_head = text[sentence_start:pos]
    if _TARGET.search(sentence_head):
        return "target"
    if _CUMULATIVE.search(head) or _CUMULATIVE_OPEN.match(sentence_head):
        return "cumulative"
    if _TO_LEVEL.search(head[-4:]):
        return "share" if kind == "percent" and _SHARE.search(head) else "level"
    share = _last(_SHARE, head) if kind == "percent" else -1
    change = _last(_CHANGE, head)
    if change < 0 and _CHANGE_AFTER.match(after):
        change = len(head)
    if share < 0 and change < 0:
        return "share" if kind == "percent" and not _CHANGE_AFTER.match(after) else "level"
    return "share" if share > change else "change"


def _last(pattern: re.Pattern[str], s: str) -> int:
    """Where the last match of `pattern` in `s` ends, -1 without one."""
    last = -1
    for m in pattern.finditer(s):
        last = m.end()
    return last
