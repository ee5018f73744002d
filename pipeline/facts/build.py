"""Assemble one facts row per number mention (the columns of ANNOTATION.md)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from pipeline.facts.currency import value_cny
from pipeline.facts.measure import measure_of
from pipeline.facts.metric import KeyFinder, MetricReader
from pipeline.facts.period import PeriodResolver
from pipeline.facts.restate import restated
from pipeline.facts.subject import SubjectResolver
from pipeline.facts.textindex import text_index


def build_facts(doc: Doc, text: str | None = None) -> list[dict[str, Any]]:
    """`text` is doc.text when the caller has it (spaCy rebuilds doc.text on each call)."""
    text = doc.text if text is None else text
    article = doc._.article
    mentions = doc._.mentions or []
    quantities = doc._.quantities or []
    if not quantities:
        return []
    blocks = [(b.start, b.end, b.kind) for b in article.blocks] if article else [(0, len(text), "paragraph")]
    running = [(s, e) for s, e, k in blocks if k == "paragraph"]  # topics carry over in paragraphs only
    title = next(((s, e) for s, e, k in blocks if k == "title"), None)
    resolver = SubjectResolver(text, mentions, running=running, title=title)
    dates = [m for m in mentions if m.label == "DATE"]
    lead = next(((s, e) for s, e, k in blocks if k == "paragraph"), None)
    article_date = article.date if article else None
    sentences = doc._.sentences
    periods = PeriodResolver(text, dates, article_date, sentences, lead)
    article_year = int(article_date[:4]) if article_date and article_date[:4].isdigit() else None
    s_starts = [s for s, _ in sentences]
    b_starts = [b[0] for b in blocks]
    # names, dates and numbers are not what a number measures; a number's own span
    # never lies inside the text its metric is read from, so it can stay in the list
    skip = [(m.start, m.end) for m in mentions if m.label in ("ZONE", "ORG", "PERSON", "GPE", "DATE")]
    skip += [(o.start, o.end) for o in quantities]
    metrics = MetricReader(doc, skip)
    keys = KeyFinder(text)
    texts: dict[tuple[int, int], str] = {}

    def sentence_text(span: tuple[int, int]) -> str:
        # one string per sentence (and clause), shared by its facts: a sentence of 20,000 characters and
        # 10,000 numbers made 10,000 copies of it (400 MB)
        if span not in texts:
            texts[span] = text[span[0]:span[1]]
        return texts[span]
    facts, places = [], []
    for q in quantities:
        sentence = sentences[max(0, bisect_right(s_starts, q.start) - 1)]
        b = blocks[max(0, bisect_right(b_starts, q.start) - 1)]
        block = (b[0], b[1])
        clause = _clause(text, q.start, q.end, lo=max(sentence[0], block[0]), hi=min(sentence[1], block[1]))
        prev_clause = _clause(text, clause[0] - 2, clause[0] - 1, lo=max(sentence[0], block[0]), hi=clause[0] - 1) \
            if clause[0] - 1 > max(sentence[0], block[0]) else None
        subject = resolver.resolve(q.start, sentence, block, end=q.end)
        measure = measure_of(q.kind, q.per, text, q.start, q.end, clause, max(sentence[0], block[0]),
                             bounded=q.approx in ("more_than", "at_least") or q.value_high is not None,
                             sentence_end=min(sentence[1], block[1]), article_year=article_year)
        period = periods.resolve(q.start, q.end, sentence, clause, block if b[2] == "paragraph" else None,
                                 target=measure == "target")
        metric = metrics.clause_metric(text, clause, q.start, q.end, prev_clause, kind=q.kind)
        facts.append({
            "kind": q.kind,
            "surface": q.text,
            "start": q.start,
            "end": q.end,
            "value": q.value,
            "value_high": q.value_high,
            "unit": q.unit,
            "per": q.per,
            "approx": q.approx,
            "subject": subject.text if subject else None,
            "subject_label": subject.label if subject else None,
            "metric": metric,
            "period": period.text,
            "sentence": sentence_text(sentence),
            "subject_id": subject.entity_id if subject else None,
            "zone_id": subject.zone_id if subject else None,
            "metric_key": keys.key(metric, q.kind, clause[0], q.start),
            "measure": measure,
            "period_start": period.start,
            "period_end": period.end,
            "period_grain": period.grain,
            "period_from": period.source,
        })
        places.append((block, sentence_text(clause), bisect_right(s_starts, q.start)))
    _carry_per(facts, places)
    for i, f in enumerate(facts):
        f["measure"] = "price" if f["per"] else f["measure"]  # a per carried over makes a price
        if (f["metric_key"] is None and f["kind"] == "percent" and i and facts[i - 1]["sentence"] == f["sentence"]
                and not _BARE_CHANGE.sub("", f["metric"] or "").strip()):
            # 营业收入860亿元，同比增长15%: a percent whose clause names nothing measures the figure before it
            f["metric_key"] = facts[i - 1]["metric_key"]
        if (f["kind"] == "percent" and f["measure"] == "change" and i and facts[i - 1]["measure"] == "target"
                and facts[i - 1]["sentence"] == f["sentence"] and not _BARE_CHANGE.sub("", f["metric"] or "").strip()):
            # 产值将超1000亿元，同比增长超过20%: the move of a planned figure is planned too
            f["measure"] = "target"
        year = f["period_start"].year if f["period_start"] else article_year
        f["value_cny"] = value_cny(f["kind"], f["value"], f["unit"], year)
    # `restates` holds the start-end of the repeated fact; rows.fact_rows makes it a fact_id
    for f, j in zip(facts, restated(facts, text, title)):
        f["restates"] = None if j is None else f"{facts[j]['start']}-{facts[j]['end']}"
        if j is not None and facts[j]["period"] is None and title and title[0] <= facts[j]["start"] < title[1]:
            # a headline has no time of its own: its figure's period is that of the body's statement
            for k in _PERIOD_COLUMNS:
                facts[j][k] = f[k]
        elif j is not None and f["period"] is None and facts[j]["period"] is not None:
            # a figure told again with no time of its own (a sub-heading 8个项目涉及四大领域): the same fact
            for k in _PERIOD_COLUMNS:
                f[k] = facts[j][k]
    return facts


# a percent's metric that names only a move or a share (同比增长, 占比, 增速): it measures the figure before it
_BARE_CHANGE = re.compile(r"同比|环比|分别|增长|增速|增幅|提高|提升|下降|减少|上涨|增加|占比|比重|占|达到|达|约|为|了|较|上年|去年|同期"
                          r"|连续[一二三四五六七八九十\d]*年|保持|总量|总数|规模")
_PERIOD_COLUMNS = ("period", "period_start", "period_end", "period_grain", "period_from")


# A price moving on from a unit price: its clause names a price or a move, not a total.
_PRICE_WORDS = ("价", "涨", "跌", "升至", "降至", "回落", "报收", "收于")
_NOT_PRICE_WORDS = ("额", "总", "投资", "收入", "利润", "资金", "营收")
_PER_SENTENCES = 2  # how many sentences on a unit price still carries over


def _carry_per(facts: list[dict[str, Any]], places: list[tuple]) -> None:
    """NOTES 21: an amount without a unit takes the ``per`` of a unit price shortly before it in
    the same paragraph (…顺丁橡胶9000为33400元/吨。…顺丁橡胶已涨到35000元 -> per 吨) when it is a
    price of the same currency and of the same order (0.5-2x)."""
    last = None
    for f, (block, clause, sent) in zip(facts, places):
        if f["kind"] != "money":
            continue
        if f["per"]:
            last = (f, block, sent)
            continue
        if last is None:
            continue
        price, p_block, p_sent = last
        if (p_block == block and sent - p_sent <= _PER_SENTENCES and f["unit"] == price["unit"]
                and f["value_high"] is None and price["value"] > 0
                and 0.5 <= f["value"] / price["value"] <= 2
                and any(w in clause for w in _PRICE_WORDS) and not any(w in clause for w in _NOT_PRICE_WORDS)):
            f["per"] = price["per"]


def _clause(text: str, start: int, end: int, *, lo: int, hi: int) -> tuple[int, int]:
    """From `start` back to the last clause delimiter (not before lo), from `end` on to the
    next (not past hi); by bisection in the article's delimiters (pipeline.facts.textindex)."""
    index = text_index(text)
    return index.clause_start(start, lo), index.clause_end(end, hi)
