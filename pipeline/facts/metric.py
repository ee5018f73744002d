"""What a number measures: the content words of its clause, before the number.

研发费用高达6069万元 -> 研发费用; 济南高新区高企总数达1217家 -> 高企总数 (the subject is
left out).  Words of one token run are written together, runs are separated by a
space (ANNOTATION: "key words from the sentence, separated by spaces").  A percent
whose clause says only 占比 borrows the metric of the clause before it.  A number
at the start of its clause takes the word after it instead (188家企业 -> 企业).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

RULES = Path(__file__).resolve().parents[2] / "rules" / "metric_stopwords.txt"
MAX_RUNS = 3
_WEAK = {"占比", "比重", "比例", "占"}
_NOT_WORD = re.compile(r"^[\W\d._%％]+$|^[^A-Za-z]*\d[^A-Za-z]*$")


@lru_cache(maxsize=1)
def stopwords(path: Path = RULES) -> frozenset[str]:
    words = (ln.strip() for ln in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def metric_words(doc: Doc, start: int, end: int, skip: list[tuple[int, int]] = ()) -> list[str]:
    """Content-word runs of the tokens inside [start, end), skipping the spans in `skip`.

    A token that crosses a skipped span keeps only its parts outside it: a segmenter
    may join the end of a zone name or a date to the next word, and those characters
    are not words of the metric.  A token crossing the window's edge stays whole (the
    window's end after a count is a guess, 扩建…产线 must not lose 线)."""
    stop = stopwords()
    runs: list[str] = []
    current = ""
    starts = _token_starts(doc)
    for i in range(max(0, bisect_right(starts, start) - 1), len(doc)):
        tok = doc[i]
        t_text = tok.text
        t_start, t_end = tok.idx, tok.idx + len(t_text)
        if t_end <= start:
            continue
        if t_start >= end:
            break
        for piece in _pieces(t_start, t_end, skip):
            word = t_text[piece[0] - t_start:piece[1] - t_start].strip() if piece else ""
            whole = piece == (t_start, t_end)
            if not word or word in stop or _NOT_WORD.search(word) or (whole and tok.is_punct):
                if current:
                    runs.append(current)
                current = ""
                continue
            current += word
    if current:
        runs.append(current)
    return runs


def _pieces(t_start: int, t_end: int, skip: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """The parts of a token outside every skipped span, in order; None for each
    skipped span, which separates them."""
    cuts = sorted((s, e) for s, e in skip if s < t_end and e > t_start)
    pos, last = t_start, t_end
    if not cuts:
        return [(pos, last)]
    out: list[tuple[int, int] | None] = []
    for s, e in cuts:
        if s > pos:
            out.append((pos, min(s, last)))
        out.append(None)
        pos = max(pos, e)
    if pos < last:
        out.append((pos, last))
    return out


def _token_starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get("hz_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = [t.idx for t in doc]
        doc.user_data["hz_token_starts"] = starts
    return starts


def clause_metric(doc: Doc, text: str, clause: tuple[int, int], q_start: int, q_end: int,
                  skip: list[tuple[int, int]], prev_clause: tuple[int, int] | None = None,
                  kind: str = "money") -> str | None:
    after: list[str] = []
    if q_end < clause[1] and text[q_end] not in "，,。；;、":
        # 3个境外投资项目, 两亿元B轮融资, 50万元的房租补贴: the noun after a number names it
        a_start = q_end + 1 if text[q_end] == "的" else q_end
        after = metric_words(doc, a_start, _after_end(text, a_start, clause[1]), skip)
    before = metric_words(doc, clause[0], q_start, skip)
    if all(r in _WEAK for r in before) and prev_clause is not None:
        before = metric_words(doc, prev_clause[0], prev_clause[1], skip) + before
    before = [r for r in before if r not in _WEAK or len(before) == 1]
    if kind == "count" and after:
        runs = after[:2]
    else:
        runs = before[-2:] + after[:1]
    return " ".join(runs[:MAX_RUNS]) or None


def _after_end(text: str, start: int, clause_end: int) -> int:
    """The noun phrase right after a count ends at a verb-like break: 的, 在, 入选 ... are
    cheap cues; without POS tags we stop at the first of them or 12 characters."""
    for i in range(start, min(clause_end, start + 12)):
        if text[i] in "的在与和及并于将已被为是":
            return i
    return min(clause_end, start + 12)


METRIC_KEYS = Path(__file__).resolve().parents[2] / "rules" / "metrics.json"


@lru_cache(maxsize=1)
def _key_words(path: Path = METRIC_KEYS) -> tuple[tuple[str, str, frozenset[str], bool], ...]:
    """(word, key, kinds, generic), specific words first, longest first."""
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    generic = frozenset(data.get("generic", ()))
    words = [(w, key, frozenset(spec["kinds"]), w in generic) for key, spec in data["keys"].items()
             for w in spec["patterns"]]
    return tuple(sorted(words, key=lambda x: (x[3], -len(x[0]))))


def metric_key(metric: str | None, kind: str, context: str = "") -> str | None:
    """The vocabulary key (rules/metrics.json) of the word that names what is measured: in the
    free metric text first, else in `context` (the clause before the number); None where none
    fits.  The longest word wins (营业收入 over 收入), of two as long the one ending last (a noun
    phrase ends in its head: 出口产品价格 is a price); generic words (企业, 项目) only where no
    other word is found."""
    for where in (metric or "", context):
        if not where:
            continue
        best = None  # (generic, -length, -end) of the best word so far, and its key
        for word, key, kinds, generic in _key_words():
            if kind not in kinds:
                continue
            at = where.rfind(word)
            if at < 0:
                continue
            rank = (generic, -len(word), -(at + len(word)))
            if best is None or rank < best[0]:
                best = (rank, key)
        if best is not None:
            return best[1]
    return None
