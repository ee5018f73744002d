"""The period a number refers to: a DATE in its sentence, nearest before it.

A year stated in an earlier sentence does not carry over (2019年研发费用6069万元。
研发人员有110余人 -> the 110 has no period): news restates the year when it matters.
The exception is a report about one fiscal or plan period, announced in the lead
paragraph as 2010年度 / 2007-2009年度 / “十二五”: its numbers refer to that period
unless their sentence names another.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.dates import resolve_period
from pipeline.mentions import Mention


def document_period(dates: Sequence[Mention], lead: tuple[int, int] | None,
                    article_date: str | None) -> str | None:
    if lead is None:
        return None
    for d in dates:
        if lead[0] <= d.start < lead[1] and ("年度" in d.text or d.source == "date_five_year"):
            return resolve_period(d.norm, article_date)
    return None


def period_for(pos: int, end: int, sentence: tuple[int, int], clause_end: int,
               dates: Sequence[Mention], article_date: str | None, default: str | None = None) -> str | None:
    before = [d for d in dates if sentence[0] <= d.start and d.end <= pos and d.norm != "day"]
    if before:
        return resolve_period(before[-1].norm, article_date)
    after = [d for d in dates if end <= d.start and d.end <= clause_end and d.norm != "day"]
    if after:
        return resolve_period(after[0].norm, article_date)
    return default
