"""The period a number refers to: a DATE in its sentence, nearest before it.

A year stated in an earlier sentence does not carry over (2019年研发费用6069万元。
研发人员有110余人 -> the 110 has no period): news restates the year when it matters.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.dates import resolve_period
from pipeline.mentions import Mention


def period_for(pos: int, end: int, sentence: tuple[int, int], clause_end: int,
               dates: Sequence[Mention], article_date: str | None) -> str | None:
    before = [d for d in dates if sentence[0] <= d.start and d.end <= pos and d.norm != "day"]
    if before:
        return resolve_period(before[-1].norm, article_date)
    after = [d for d in dates if end <= d.start and d.end <= clause_end and d.norm != "day"]
    if after:
        return resolve_period(after[0].norm, article_date)
    return None
