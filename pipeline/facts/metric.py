"""What a number measures: the content words of its clause, before the number.

研发费用高达6069万元 -> 研发费用; 济南高新区高企总数达1217家 -> 高企总数 (the subject is
left out).  Words of one token run are written together, runs are separated by a
space (ANNOTATION: "key words from the sentence, separated by spaces").  A percent
whose clause says only 占比 borrows the metric of the clause before it.  A number
at the start of its clause takes the word after it instead (188家企业 -> 企业).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

RULES = Path(__file__).resolve().parents[2] / "rules" / "metric_stopwords.txt"
MAX_RUNS = 3
_WEAK = {"占比", "比重", "比例", "占"}
_NOT_WORD = re.compile(r"^[\W\d._%％]+$|\d")


@lru_cache(maxsize=1)
def stopwords(path: Path = RULES) -> frozenset[str]:
    words = (ln.strip() for ln in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def metric_words(doc: Doc, start: int, end: int, skip: list[tuple[int, int]] = ()) -> list[str]:
    """Content-word runs of the tokens inside [start, end), skipping the spans in `skip`."""
    stop = stopwords()
    runs: list[str] = []
    current = ""
    for tok in doc:
        t_start, t_end = tok.idx, tok.idx + len(tok.text)
        if t_end <= start:
            continue
        if t_start >= end:
            break
        inside_skip = any(s <= t_start and t_end <= e for s, e in skip)
        word = tok.text.strip()
        if not word or inside_skip or word in stop or _NOT_WORD.search(word) or tok.is_punct:
            if current:
                runs.append(current)
            current = ""
            continue
        current += word
    if current:
        runs.append(current)
    return runs


def clause_metric(doc: Doc, clause: tuple[int, int], q_start: int, q_end: int,
                  skip: list[tuple[int, int]], prev_clause: tuple[int, int] | None = None) -> str | None:
    runs = metric_words(doc, clause[0], q_start, skip)
    if all(r in _WEAK for r in runs) and prev_clause is not None:
        runs = metric_words(doc, prev_clause[0], prev_clause[1], skip) + runs
    if not runs:
        after = metric_words(doc, q_end, clause[1], skip)
        runs = after[:1]
    runs = [r for r in runs if len(r) > 1 or r not in _WEAK][-MAX_RUNS:]
    return " ".join(runs) or None
