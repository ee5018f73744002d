"""`restates`: the earlier fact a row repeats, so that a sum over facts counts each figure once.

- the title's number restated in the body (same kind, value and unit, and the same string or approx:
  百亿 and 近百亿元 are two facts, dev NOTES 24);
- a conversion in brackets or after 约合 / 折合 (1亿欧元(约合8亿元人民币)): the amount just before it;
- the same value, unit and subject stated again in the article, with a metric sharing a word (or
  the same metric_key): 新能源汽车项目2个 and 产业基金项目2个 are two figures.
Thresholds (亿元以上项目) are bounds, not figures: they restate nothing.
"""

from __future__ import annotations

import re
from typing import Any

_OPEN = re.compile(r"[(（]\s*(?:约合|折合|约|合|相当于)?(?:人民币)?\s*$")


# How many earlier facts of the same figure and subject a fact is compared with, nearest
# first: an article stating one figure thousands of times (N x 1个) was quadratic.  News
# articles repeat a figure a few times (corpus, dev, seed, train: tables unchanged).
MAX_SAME_FIGURE = 64


def restated(facts: list[dict[str, Any]], text: str, title: tuple[int, int] | None) -> list[int | None]:
    """For each fact (in text order), the index of the earlier fact it repeats, else None.

    The earlier facts are looked up by figure (kind, unit, per, value_high and the value to 12
    digits, then _same_figure as before) instead of passing over all of them."""
    out: list[int | None] = []
    by_figure: dict[tuple, list[int]] = {}
    for i, f in enumerate(facts):
        key = _figure_key(f)
        out.append(_earlier(facts, i, f, text, title, by_figure.get(key, ())))
        by_figure.setdefault(key, []).append(i)
    return out


def _figure_key(f: dict[str, Any]) -> tuple:
    # _same_figure's tolerance is 1e-9 of the value: equal figures agree to 12 digits
    # (values read from text differ by float rounding at most, 1e-16)
    return (f["kind"], f["unit"], f["per"], f["value_high"], float(f"{f['value']:.12g}"))


def _same_figure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (a["kind"] == b["kind"] and a["unit"] == b["unit"] and a["per"] == b["per"]
            and (a["approx"] == b["approx"] or a["surface"] == b["surface"])
            and abs(a["value"] - b["value"]) <= 1e-9 * max(abs(a["value"]), 1.0)
            and a["value_high"] == b["value_high"])


def _earlier(facts: list[dict[str, Any]], i: int, f: dict[str, Any], text: str,
             title: tuple[int, int] | None, same: list[int] = ()) -> int | None:
    in_title = title is not None and title[0] <= f["start"] < title[1]
    if i > 0 and f["kind"] == "money":
        p = facts[i - 1]
        gap = text[p["end"]:f["start"]]
        if p["kind"] == "money" and len(gap) <= 6 and (
                re.search(r"约合|折合", gap) or (p["unit"] != f["unit"] and _OPEN.search(gap))):
            return i - 1
    if f["measure"] == "threshold":
        return None
    seen = 0
    for j in reversed(same):
        e = facts[j]
        if not _same_figure(e, f) or e["measure"] == "threshold":
            continue
        seen += 1
        if seen > MAX_SAME_FIGURE:
            return _in_title(facts, same, f, title) if not in_title else None
        if title is not None and title[0] <= e["start"] < title[1] and not in_title:
            return j  # the title's figure told again in the body
        if (f["subject"] is not None and e["subject"] == f["subject"] and e["sentence"] != f["sentence"]
                and ((f["metric_key"] is not None and e["metric_key"] == f["metric_key"])
                     or _bigrams(f["metric"]) & _bigrams(e["metric"]))):
            return j
    return None


def _in_title(facts: list[dict[str, Any]], same: list[int], f: dict[str, Any],
              title: tuple[int, int] | None) -> int | None:
    """The last title fact of the same figure (title facts come first in text order)."""
    if title is None:
        return None
    for j in reversed([j for j in same[:MAX_SAME_FIGURE] if title[0] <= facts[j]["start"] < title[1]]):
        if _same_figure(facts[j], f) and facts[j]["measure"] != "threshold":
            return j
    return None


def _bigrams(metric: str | None) -> set[str]:
    words = (metric or "").split()
    return {w[k:k + 2] for w in words for k in range(len(w) - 1)}
