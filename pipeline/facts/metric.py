"""What a number measures: the content words of its clause, before the number.

研发费用高达6069万元 -> 研发费用; 济南高新区高企总数达1217家 -> 高企总数 (the subject is
left out).  Words of one token run are written together, runs are separated by a
space (ANNOTATION: "key words from the sentence, separated by spaces").  A percent
whose clause says only 占比 borrows the metric of the clause before it.  A number
at the start of its clause takes the word after it instead (188家企业 -> 企业).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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


def metric_words(doc: Doc, start: int, end: int, skip: list[tuple[int, int]] | SkipIndex = ()) -> list[str]:
    """Content-word runs of the tokens inside [start, end), skipping the spans in `skip`.

    A token that crosses a skipped span keeps only its parts outside it: a segmenter
    may join the end of a zone name or a date to the next word, and those characters
    are not words of the metric.  A token crossing the window's edge stays whole (the
    window's end after a count is a guess, 扩建…产线 must not lose 线)."""
    return _runs(_items(doc, start, end, _as_index(skip))[0])


def _items(doc: Doc, start: int, end: int, skip: SkipIndex) -> tuple[list[str | None], list[tuple[int, int]]]:
    """The words of the tokens inside [start, end) in order, None for each break between runs
    (a stopword, a number, punctuation, a skipped span), and (token start, items so far)
    after each token: the items of a window [start, e) for any e <= end are a prefix of them."""
    stop = stopwords()
    items: list[str | None] = []
    marks: list[tuple[int, int]] = []
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
                items.append(None)
            else:
                items.append(word)
        marks.append((t_start, len(items)))
    return items, marks


def _runs(items: list[str | None]) -> list[str]:
    runs: list[str] = []
    current = ""
    for word in items:
        if word is None:
            if current:
                runs.append(current)
            current = ""
        else:
            current += word
    if current:
        runs.append(current)
    return runs


class SkipIndex:
    """The skipped spans sorted, with the running maximum of their ends, so the spans a
    token overlaps are found by bisection instead of a pass over all of them (an article
    with thousands of numbers made that pass, for every token of every clause, cubic)."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach: list[int] = []
        top = -1
        for _, e in self.spans:
            top = max(top, e)
            self.reach.append(top)

    def overlapping(self, t_start: int, t_end: int) -> list[tuple[int, int]]:
        """The spans with s < t_end and e > t_start, sorted as `sorted(spans)` sorts them."""
        j = bisect_left(self.starts, t_end) - 1
        out = []
        while j >= 0 and self.reach[j] > t_start:  # no span at or before j ends past t_start otherwise
            if self.spans[j][1] > t_start:
                out.append(self.spans[j])
            j -= 1
        out.reverse()
        return out


def _as_index(skip) -> SkipIndex:
    return skip if isinstance(skip, SkipIndex) else SkipIndex(skip)


def _pieces(t_start: int, t_end: int, skip: list[tuple[int, int]] | SkipIndex) -> list[tuple[int, int] | None]:
    """The parts of a token outside every skipped span, in order; None for each
    skipped span, which separates them."""
    cuts = _as_index(skip).overlapping(t_start, t_end) if skip else ()
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


class _ClauseRuns:
    """The runs of a clause read once, answering "the runs of [clause start, e)" for every
    number of the clause from prefixes of them: reading from the clause's start to each
    number again was quadratic in the numbers of one clause (N x 1个 is one clause)."""

    def __init__(self, doc: Doc, start: int, end: int, skip: SkipIndex) -> None:
        self.items, marks = _items(doc, start, end, skip)
        self.mark_starts = [m[0] for m in marks]
        self.mark_items = [m[1] for m in marks]
        self.lo: list[int] = []    # first item of each run
        self.hi: list[int] = []    # one past its last
        self.text: list[str] = []
        lo = None
        for i, word in enumerate([*self.items, None]):
            if word is None:
                if lo is not None:
                    self.lo.append(lo)
                    self.hi.append(i)
                    self.text.append("".join(self.items[lo:i]))
                lo = None
            elif lo is None:
                lo = i
        # index of the last strong (not _WEAK) and last weak run at or before each run
        self.last_strong, self.last_weak = [], []
        strong = weak = -1
        for k, t in enumerate(self.text):
            if t in _WEAK:
                weak = k
            else:
                strong = k
            self.last_strong.append(strong)
            self.last_weak.append(weak)

    def short(self, end: int) -> list[str]:
        """A list of at most three runs standing for all the runs of [start, end) in
        clause_metric's reading: the same length up to 2 (length 1 or 2 when longer), all weak
        exactly when they all are, and the same last two strong runs."""
        k = bisect_left(self.mark_starts, end)  # tokens starting before `end`
        p = self.mark_items[k - 1] if k else 0
        n = bisect_left(self.lo, p)  # runs starting inside the prefix
        if n == 0:
            return []
        last = n - 1
        last_text = self.text[last] if self.hi[last] <= p else "".join(self.items[self.lo[last]:p])
        if n == 1:
            return [last_text]
        prev = last - 1
        if n == 2:
            return [self.text[prev], last_text]
        strong = [last_text] if last_text not in _WEAK else []
        k = self.last_strong[prev]
        while k >= 0 and len(strong) < 2:
            strong.insert(0, self.text[k])
            k = self.last_strong[k - 1] if k else -1
        if not strong:
            return [self.text[self.last_weak[prev]], last_text]  # all weak: two of them
        if len(strong) == 1:
            weak = last_text if last_text in _WEAK else self.text[self.last_weak[prev]]
            return [strong[0], weak]
        return strong


class MetricReader:
    """clause_metric for every number of one article, with the article's skip list indexed
    once and each clause's runs read once."""

    def __init__(self, doc: Doc, skip: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.skip = SkipIndex(skip)
        self._clauses: dict[tuple[int, int], _ClauseRuns] = {}

    def before(self, start: int, end: int, clause_end: int) -> list[str]:
        key = (start, clause_end)
        runs = self._clauses.get(key)
        if runs is None:
            runs = self._clauses[key] = _ClauseRuns(self.doc, start, clause_end, self.skip)
        return runs.short(end)

    def clause_metric(self, text: str, clause: tuple[int, int], q_start: int, q_end: int,
                      prev_clause: tuple[int, int] | None = None, kind: str = "money") -> str | None:
        """As the function clause_metric, from short lists of runs (the same result)."""
        after: list[str] = []
        if q_end < clause[1] and text[q_end] not in "，,。；;、":
            a_start = q_end + 1 if text[q_end] == "的" else q_end
            after = metric_words(self.doc, a_start, _after_end(text, a_start, clause[1]), self.skip)
        before = self.before(clause[0], q_start, clause[1])
        if all(r in _WEAK for r in before) and prev_clause is not None:
            before = self.before(prev_clause[0], prev_clause[1], prev_clause[1]) + before
        return _choose(before, after, kind)


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
    return _choose(before, after, kind)


def _choose(before: list[str], after: list[str], kind: str) -> str | None:
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


class KeyFinder:
    """metric_key with the context read from the article: where each vocabulary word occurs
    is found once, and the last occurrence inside a clause's head by bisection (rfind in the
    head of every number was quadratic in a clause of many numbers)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: list[tuple[str, str, frozenset[str], bool, list[int]]] | None = None

    def key(self, metric: str | None, kind: str, start: int, end: int) -> str | None:
        """metric_key(metric, kind, text[start:end])."""
        found = metric_key(metric, kind) if metric else None
        if found is not None or start >= end:
            return found
        if self._at is None:
            self._at = [(w, k, kinds, generic, _occurrences(self.text, w))
                        for w, k, kinds, generic in _key_words()]
            self._at = [x for x in self._at if x[4]]
        best = None
        for word, key, kinds, generic, starts in self._at:
            if kind not in kinds:
                continue
            j = bisect_right(starts, end - len(word)) - 1
            if j < 0 or starts[j] < start:
                continue
            rank = (generic, -len(word), -(starts[j] - start + len(word)))
            if best is None or rank < best[0]:
                best = (rank, key)
        return best[1] if best is not None else None


def _occurrences(text: str, word: str) -> list[int]:
    """Every start of `word` in `text`, overlapping ones too (as rfind finds them)."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


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
        amounts = []  # (end, key) of words naming an amount (kinds with money)
        for word, key, kinds, generic in _key_words():
            if kind not in kinds:
                continue
            at = where.rfind(word)
            if at < 0:
                continue
            rank = (generic, -len(word), -(at + len(word)))
            if best is None or rank < best[0]:
                best = (rank, key, kinds)
            if "money" in kinds and not generic:
                amounts.append((at + len(word), key))
        if best is not None:
            # a percent of the firms' revenue (高新技术企业总收入…占近四成): the amount named after
            # a count of things is the head of the phrase, not the count
            if kind == "percent" and "money" not in best[2] and amounts:
                end, key = max(amounts)
                if end > -best[0][2]:
                    return key
            return best[1]
    return None
