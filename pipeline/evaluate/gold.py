"""Score a run against a gold file in the format of ANNOTATION.md.

Entities: per article, sets of distinct surface strings per label (title included);
strings under `optional` are neither rewarded nor penalised.  Facts: matched on
kind, value (relative error under 1e-6) and unit; subject, approx, period and metric
are then scored on the matched pairs.  A repeated mention of a fact already matched
is neither rewarded nor penalised.

`period` compares the first four-digit year (dev NOTES 26); `period_exact` the whole period in
its text form (2017一季度, 2022年1—11月, 2021-2023), and `measure` is scored where the gold has
one (../shared/train).  Facts are paired on the first four attributes alone, so the new scores
leave the pairing, and the older figures, as they were.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.ingest import Article, iter_inputs

if TYPE_CHECKING:
    from spacy.language import Language

SCORED_LABELS = ("ZONE", "ORG", "PERSON", "MONEY", "PERCENT", "COUNT")
FACT_ATTRS = ("subject", "approx", "period", "metric")
EXTRA_ATTRS = ("period_exact", "measure")  # scored on the pairs, not used to pair


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def add(self, other: PRF) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class Report:
    labels: dict[str, PRF] = field(default_factory=lambda: {lab: PRF() for lab in SCORED_LABELS})
    facts: PRF = field(default_factory=PRF)
    attrs: dict[str, list[int]] = field(default_factory=lambda: {a: [0, 0] for a in FACT_ATTRS + EXTRA_ATTRS})
    errors: list[dict[str, Any]] = field(default_factory=list)
    unmatched_gold: list[str] = field(default_factory=list)
    # each article's entity counts by label (for intervals by article: pipeline.evaluate.bootstrap)
    by_article: dict[str, dict[str, PRF]] = field(default_factory=dict)
    # (label, source) -> right and wrong surfaces (tp, fp), each surface by the rule or model that
    # found its first mention: how far an analyst can trust a row by its ``source`` column
    by_source: dict[tuple[str, str], PRF] = field(default_factory=dict)

    @property
    def micro(self) -> PRF:
        total = PRF()
        for prf in self.labels.values():
            total.add(prf)
        return total

    def attr_accuracy(self, name: str) -> float:
        right, n = self.attrs[name]
        return right / n if n else 0.0


def load_gold(path: Path) -> list[dict[str, Any]]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def match_articles(gold: list[dict[str, Any]], articles: list[Article]) -> list[tuple[dict, Article | None]]:
    by_id = {a.given_id: a for a in articles if a.given_id}
    pairs = []
    for g in gold:
        if "id" in g:
            pairs.append((g, by_id.get(g["id"])))
        else:
            pairs.append((g, next((a for a in articles if g["title_has"] in a.title), None)))
    return pairs


def score_entities(gold: dict[str, Any], predicted: dict[str, set[str]], report: Report, art: str,
                   labels: Sequence[str] = SCORED_LABELS) -> None:
    for label in labels:
        want = set(gold.get("entities", {}).get(label, []))
        optional = set(gold.get("optional", {}).get(label, []))
        got = predicted.get(label, set())
        prf = PRF(tp=len(got & want), fp=len(got - want - optional), fn=len(want - got))
        report.labels[label].add(prf)
        report.by_article.setdefault(art, {})[label] = prf
        if prf.fp or prf.fn:
            report.errors.append({"article": art, "label": label,
                                  "missed": sorted(want - got), "spurious": sorted(got - want - optional)})


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def _key_words(metric: str | None) -> set[str]:
    """Character bigrams of a metric's words: '研发 费用' and '研发费用' share 研发."""
    grams = set()
    for word in re.split(r"\s+", metric or ""):
        grams.update(word[i:i + 2] for i in range(len(word) - 1))
    return grams


def _year(period: str | None) -> str | None:
    m = re.search(r"\d{4}", str(period)) if period is not None else None
    return m.group() if m else None


def _period_form(period: str | None) -> str | None:
    """2022年1—11月 / 2022年1-11月 / 2022 年 1—11 月 -> one spelling; None stays None."""
    if period is None:
        return None
    return re.sub(r"[—–~至到]", "-", re.sub(r"[\s年第]", "", str(period)))


def attr_right(name: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if name == "period_exact":
        return _period_form(gold.get("period")) == _period_form(pred.get("period"))
    if name == "period":
        return _year(gold.get("period")) == _year(pred.get("period"))
    if name == "metric":
        return bool(_key_words(gold.get("metric")) & _key_words(pred.get("metric")))
    return gold.get(name) == pred.get(name)


def score_facts(gold: dict[str, Any], predicted: list[dict[str, Any]], report: Report, art: str) -> None:
    golds = gold.get("facts", [])
    optional = {s for k in ("MONEY", "PERCENT", "COUNT") for s in gold.get("optional", {}).get(k, [])}
    used: dict[int, str] = {}
    for pred in predicted:
        cands = [i for i, g in enumerate(golds)
                 if g["kind"] == pred["kind"] and g["unit"] == pred["unit"] and _same_value(g["value"], pred["value"])]
        free = [i for i in cands if i not in used]
        if free:
            best = max(free, key=lambda i: sum(attr_right(a, golds[i], pred) for a in FACT_ATTRS))
            used[best] = pred["surface"]
            report.facts.tp += 1
            for a in FACT_ATTRS + EXTRA_ATTRS:
                if a == "measure" and "measure" not in golds[best]:
                    continue
                report.attrs[a][0] += attr_right(a, golds[best], pred)
                report.attrs[a][1] += 1
                if not attr_right(a, golds[best], pred):
                    shown = "period" if a == "period_exact" else a
                    report.errors.append({"article": art, "label": f"fact.{a}", "surface": pred["surface"],
                                          "gold": golds[best].get(shown), "got": pred.get(shown)})
        elif any(used.get(i) == pred["surface"] for i in cands) or pred["surface"] in optional:
            continue  # a repeated mention of a matched fact, or an optional string
        else:
            report.facts.fp += 1
            report.errors.append({"article": art, "label": "fact.spurious", "surface": pred["surface"],
                                  "got": pred["value"]})
    missed = [i for i in range(len(golds)) if i not in used]
    report.facts.fn += len(missed)
    for i in missed:
        report.errors.append({"article": art, "label": "fact.missed", "gold": golds[i]})


def load_articles(path: Path) -> list[Article]:
    return [a for a in iter_inputs([path], max_chars=10**9) if isinstance(a, Article)]


def score_stage(gold_path: Path, articles_path: Path, find: Callable[[str], Iterable[Any]],
                labels: Sequence[str]) -> Report:
    """Entity sets of one stage alone (`find`: text -> mentions with .label and .text),
    on the same articles and by the same rules as `evaluate_file`."""
    report = Report(labels={lab: PRF() for lab in labels})
    for gold, article in match_articles(load_gold(gold_path), load_articles(articles_path)):
        name = gold.get("id") or gold.get("title_has")
        predicted: dict[str, set[str]] = defaultdict(set)
        if article is None:
            report.unmatched_gold.append(name)
        else:
            for m in find(article.text):
                predicted[m.label].add(m.text)
        score_entities(gold, predicted, report, name, labels=labels)
    return report


def evaluate_file(gold_path: Path, articles_path: Path, nlp: Language | None = None) -> Report:
    return evaluate_records(load_gold(gold_path), load_articles(articles_path), nlp)


def evaluate_records(gold_records: list[dict[str, Any]], articles: list[Article],
                     nlp: Language | None = None) -> Report:
    """``evaluate_file`` on gold records and articles already read (a caller's subset of a gold
    file, as ``scripts/eval_corpus_names.py`` scores each batch)."""
    from pipeline.nlp import load_pipeline
    from pipeline.rows import final_mentions
    from pipeline.run import annotate

    nlp = nlp or load_pipeline()
    report = Report()
    for gold, article in match_articles(gold_records, articles):
        name = gold.get("id") or gold.get("title_has")
        if article is None:
            report.unmatched_gold.append(name)
            score_entities(gold, {}, report, name)
            score_facts(gold, [], report, name)
            continue
        doc = annotate(nlp, article)
        predicted: dict[str, set[str]] = defaultdict(set)
        first_source: dict[tuple[str, str], str] = {}
        for m in final_mentions(doc):
            predicted[m.label].add(m.text)
            first_source.setdefault((m.label, m.text), m.source)
        score_entities(gold, predicted, report, name)
        score_sources(gold, first_source, report)
        score_facts(gold, doc._.facts or [], report, name)
    return report


def score_sources(gold: dict[str, Any], first_source: dict[tuple[str, str], str], report: Report) -> None:
    """Tally each predicted surface of a scored label as right or wrong under its source
    (optional surfaces are neither, as in ``score_entities``)."""
    for (label, text), source in first_source.items():
        if label not in report.labels or text in gold.get("optional", {}).get(label, ()):
            continue
        right = text in gold.get("entities", {}).get(label, ())
        report.by_source.setdefault((label, source), PRF()).add(PRF(tp=int(right), fp=int(not right)))


def format_report(report: Report, *, show_errors: bool = False) -> str:
    lines = [f"{'label':<10}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F':>8}"]
    for label, prf in [*report.labels.items(), ("micro", report.micro), ("FACTS", report.facts)]:
        lines.append(f"{label:<10}{prf.tp:>5}{prf.fp:>5}{prf.fn:>5}{prf.p:>8.3f}{prf.r:>8.3f}{prf.f:>8.3f}")
    n = report.attrs["subject"][1]
    lines.append("on %d matched facts: " % n + ", ".join(
        f"{a} {report.attr_accuracy(a):.3f}" for a in FACT_ATTRS))
    lines.append(", ".join(f"{a} {report.attr_accuracy(a):.3f} (n={report.attrs[a][1]})" for a in EXTRA_ATTRS))
    if report.unmatched_gold:
        lines.append(f"gold articles not found in the input: {report.unmatched_gold}")
    if show_errors:
        lines.append("")
        lines.extend(json.dumps(e, ensure_ascii=False) for e in report.errors)
    return "\n".join(lines)
