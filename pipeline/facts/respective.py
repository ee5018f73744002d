"""分别 lists: names and numbers paired in order.

甲集团、乙科技、丙重工营收分别增长12.5%、8%、3.1% gives each
company its own growth.  Only when the clause lists as many names as numbers: a list that
does not line up (a name missed by the NER, numbers about something else) gives nothing,
and the number is resolved as any other.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from pipeline.mentions import Mention

_DELIM = re.compile(r"[，,；;。：:！？!?\n]")
_JOINS = ("、", "和", "及", "与", "以及")


def respective_subject(text: str, pos: int, sentence: tuple[int, int], cands: Sequence[Mention],
                       starts: Sequence[int], cache: dict[int, list[Mention] | None] | None = None) -> Mention | None:
    """The name paired with the number at `pos` by a 分别 list in its clause, or None.
    `cands` are the subject candidates sorted by start, `starts` their starts; `cache`
    keeps each 分别's list of names, so the numbers of one list read it once."""
    s_start, s_end = sentence
    k = text.rfind("分别", s_start, pos)
    if k < 0 or _DELIM.search(text, k, pos):
        return None
    cache = {} if cache is None else cache
    if k not in cache:
        cache[k] = _listed_names(text, k, s_start, s_end, cands, starts)
    run = cache[k]
    return run[text.count("、", k, pos)] if run else None


def _listed_names(text: str, k: int, s_start: int, s_end: int, cands: Sequence[Mention],
                  starts: Sequence[int]) -> list[Mention] | None:
    """The names joined by 、/和/及 right before the 分别 at k, in order, when as many as
    the items after it in its clause (at least two)."""
    after = _DELIM.search(text, k, s_end)
    n = text.count("、", k, after.start() if after else s_end) + 1
    if n < 2:
        return None
    head = max([s_start] + [m.end() for m in _DELIM.finditer(text, s_start, k)])
    j = bisect_left(starts, k) - 1
    run: list[Mention] = []
    while j >= 0 and cands[j].start >= head and len(run) <= n:
        if cands[j].end > k or (run and text[cands[j].end : run[-1].start] not in _JOINS):
            break
        run.append(cands[j])
        j -= 1
    return run[::-1] if len(run) == n else None
