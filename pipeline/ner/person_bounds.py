"""A learned choice of where a person LAC names begins and ends (issue 13).

LAC cuts a three-character name after two characters when the third also opens a word (孙立/PER
和/c, 陈明/PER 有/v), runs a name into the word after it (周志远真/PER 要), or leaves a surname
before a given name it reads as the name (向/p 晓兰/PER).  For each of LAC's PER words this
module weighs three other edges, one character longer, shorter or begun one earlier, and takes
the best when its model is sure enough, before any rule reads the words.  The models are logistic,
one for each edge, over how sure LAC's CRF is of each reading (pipeline.ner.lac_confidence), how
often the character moved is part of a name and the words beside either reading stand beside
names in the training text (the person check's tables), and LAC's tags around; fitted by
``scripts/train_person_bounds.py`` on MSRA and CLUENER train with their weights in
``rules/person_bounds.json``.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from . import lexicon, people
from .check import tok_class
from .lac import LacTagger
from .lac_confidence import word_probabilities
from .person_check import CharStats, WordStats

Tok = tuple[int, int, str]
WEIGHTS = Path(__file__).resolve().parents[2] / "rules" / "person_bounds.json"
EDGES = ("end+1", "end-1", "start-1")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLASSES = ("v", "p", "pc", "u", "punct", "list", "noun", "num", "name", "per", "other", "none")

FEATURES = (
    ("bias", "alt_logit", "keep_logit", "moved_in_names", "moved_joins", "moved_alone", "moved_splits",
     "len2", "len3", "len4+", "surname", "translit", "word_after_alt", "word_after_keep",
     "word_before_alt", "word_before_keep")
    + tuple("next_" + c for c in _CLASSES) + tuple("moved_" + c for c in _CLASSES)
)


class Joins:
    """How often the character each edge moves did join (or leave) the name in the training
    text, among the times it stood there: 成 after 周跃/PER mostly joins, 则 after 刘华/PER never.
    Read against the edge's rate over all characters, shrunk toward it for a character seldom
    seen; a character never seen there reads 0."""

    PRIOR = 5.0

    def __init__(self, table: dict[str, dict[str, Sequence[int]]]) -> None:
        self.table = table  # edge -> char -> (times it stood there, times it moved with the name)
        self.base = {edge: (sum(v[1] for v in t.values()) + 1) / (sum(v[0] for v in t.values()) + 2)
                     for edge, t in table.items()}

    def counts(self, edge: str, c: str) -> Sequence[int]:
        return self.table.get(edge, {}).get(c, (0, 0))

    def rate(self, edge: str, c: str) -> float:
        n, k = self.counts(edge, c)
        if not n:
            return 0.0
        r = self.base[edge]
        return math.log((k + self.PRIOR * r) / (n + self.PRIOR) / r)


def moved_char(h: str, tok: Tok, edge: str) -> str:
    """The character an edge adds to or takes from LAC's word ``tok``."""
    return h[tok[1]] if edge == "end+1" else h[tok[1] - 1] if edge == "end-1" else h[tok[0] - 1]


_IN_NAMES = frozenset({"PER", "nz", "n", "nw"})  # (the tags LAC gives a piece of a transcribed name)
_DOTTED = re.compile(r"^[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)+$")


def join_dotted(h: str, toks: Sequence[Tok]) -> list[Tok]:
    """LAC reads a transcribed name written with middle dots in pieces (安德烈·/PER 卡尔·米勒/PER,
    马克/PER ·/w 伯恩/PER): words that touch at a dot, one of them PER and each a name or a
    noun to LAC (苏科高新/PER ·/w 绵阳/LOC is a firm and a city; 安德烈·/PER 说/v a name and a
    verb), and make a dotted name are one person's name.  A PER word left ending at a dot gives the dot back."""
    if "·" not in h:
        return _join_hyphened(h, toks) if "-" in h else list(toks)

    def piece(t: Tok) -> bool:
        return t[2] in _IN_NAMES or h[t[0] : t[1]] == "·"

    def joins(a: Tok, b: Tok) -> bool:
        return b[0] == a[1] and "·" in (h[a[1] - 1], h[b[0]]) and piece(a) and piece(b)

    out: list[Tok] = []
    i = 0
    while i < len(toks):
        j = i
        while j + 1 < len(toks) and joins(toks[j], toks[j + 1]):
            j += 1
        # the longest run from i that makes a dotted name holding a PER word
        k = j
        while k > i and not (_DOTTED.match(h[toks[i][0] : toks[k][1]]) and any(t[2] == "PER" for t in toks[i : k + 1])):
            k -= 1
        if k > i:
            out.append((toks[i][0], toks[k][1], "PER"))
            i = k + 1
            continue
        s, e, tag = toks[i]
        if tag == "PER" and e - s > 1 and h[e - 1] == "·":
            out += [(s, e - 1, "PER"), (e - 1, e, "w")]
        else:
            out.append(toks[i])
        i += 1
    return _join_hyphened(h, out) if "-" in h else out


def _join_hyphened(h: str, toks: Sequence[Tok]) -> list[Tok]:
    """A transcribed name some papers write with a hyphen for the dot (安娜/PER -/w 史密斯/PER):
    stricter than a dot, which only names join (一汽-大众, 梅赛德斯-奔驰 are firms, 广州-深圳 a
    route): two PER words, or a transcribed given name and a short noun LAC gave the surname's
    tag to (伊莎贝/PER -/w 雷/n)."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        if i + 2 < len(toks) and toks[i][2] == "PER" and h[toks[i + 1][0] : toks[i + 1][1]] == "-" \
                and toks[i + 1][0] == toks[i][1] and toks[i + 2][0] == toks[i + 1][1]:
            left, right = h[toks[i][0] : toks[i][1]], h[toks[i + 2][0] : toks[i + 2][1]]
            if _CJK_RUN.match(left) and _CJK_RUN.match(right) and (
                    toks[i + 2][2] == "PER"
                    or (toks[i + 2][2] in ("n", "nz") and len(right) <= 4 and people.foreign_name(left))):
                out.append((toks[i][0], toks[i + 2][1], "PER"))
                i += 3
                continue
        out.append(toks[i])
        i += 1
    return out


_CJK_RUN = re.compile(r"^[\u4e00-\u9fff]+$")


def _logit(p: float) -> float:
    p = min(max(p if p == p else 0.0, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p)) / 4


def _cls(h: str, tok: Tok | None) -> str:
    return "none" if tok is None else tok_class(tok[2], h[tok[0] : tok[1]])


def alternatives(h: str, toks: Sequence[Tok], i: int) -> list[tuple[str, int, int]]:
    """The other edges of LAC's PER word ``toks[i]`` worth weighing: (edge, start, end)."""
    s, e, _ = toks[i]
    out = []
    if e < len(h) and _HAN.match(h[e]) and i + 1 < len(toks) and toks[i + 1][0] == e and e - s <= 3:
        out.append(("end+1", s, e + 1))
    if e - s >= 3 and _HAN.match(h[e - 1]):
        out.append(("end-1", s, e - 1))
    if s > 0 and _HAN.match(h[s - 1]) and i > 0 and toks[i - 1][1] == s and e - s <= 3:
        out.append(("start-1", s - 1, e))
    return out


def features(h: str, toks: Sequence[Tok], i: int, edge: str, s2: int, e2: int, p_keep: float, p_alt: float,
             chars: CharStats, words: WordStats, joins: Joins) -> list[float]:
    s, e, _ = toks[i]
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    f["moved_joins"] = joins.rate(edge, moved_char(h, toks[i], edge))
    f["alt_logit"], f["keep_logit"] = _logit(p_alt), _logit(p_keep)
    n = e - s
    f["len2" if n <= 2 else "len3" if n == 3 else "len4+"] = 1.0
    f["surname"] = float(h[s2] in lexicon.surnames() or h[s2 : s2 + 2] in lexicon.surnames())
    f["translit"] = float(people.transliterated(h[s:e]) or people.foreign_name(h[s:e]))
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    prev = toks[i - 1] if i > 0 else None
    if edge == "end+1":
        moved = nxt
        f["moved_in_names"] = chars.inner(h[e])
        after_alt = (e + 1, nxt[1], nxt[2]) if nxt[1] > e + 1 else (toks[i + 2] if i + 2 < len(toks) else None)
    elif edge == "end-1":
        moved = (e - 1, e, "xc")
        f["moved_in_names"] = chars.inner(h[e - 1])
        after_alt = (e - 1, e, "xc")
    else:
        moved = prev
        f["moved_in_names"] = chars.surname(h[s - 1])
        after_alt = nxt
    if moved is not None:
        f["moved_alone"] = float(moved[1] - moved[0] == 1)
        f["moved_splits"] = float(moved[1] - moved[0] > 1 and edge != "end-1")
    f["moved_" + _cls(h, moved)] = 1.0
    f["next_" + _cls(h, after_alt)] = 1.0
    if after_alt is not None:
        f["word_after_alt"] = words.after(h[after_alt[0] : after_alt[1]])
    if nxt is not None:
        f["word_after_keep"] = words.after(h[nxt[0] : nxt[1]])
    if prev is not None:
        f["word_before_keep"] = words.before(h[prev[0] : prev[1]])
        if edge != "start-1":
            f["word_before_alt"] = f["word_before_keep"]
        elif prev[1] - prev[0] > 1:
            f["word_before_alt"] = words.before(h[prev[0] : prev[1] - 1])
    if edge == "start-1" and prev is not None and prev[1] - prev[0] == 1 and i > 1:
        f["word_before_alt"] = words.before(h[toks[i - 2][0] : toks[i - 2][1]])
    return [f[k] for k in FEATURES]


def _prob(w: Sequence[float], x: Sequence[float]) -> float:
    z = sum(a * b for a, b in zip(w, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class PersonBounds:
    """Moves the edges of LAC's PER words where an edge's model gives its reading at least its
    threshold (the likeliest when more than one does)."""

    def __init__(self, weights: dict[str, Sequence[float]], thresholds: dict[str, float],
                 chars: CharStats, words: WordStats, joins: Joins) -> None:
        for edge, w in weights.items():
            if len(w) != len(FEATURES):
                raise ValueError(f"PersonBounds: {len(w)} weights for {len(FEATURES)} features ({edge})")
        self.weights, self.thresholds, self.chars, self.words, self.joins = weights, thresholds, chars, words, joins

    def candidates(self, h: str, toks: Sequence[Tok], tagger: LacTagger
                   ) -> list[tuple[int, str, int, int, list[float]]]:
        """(word index, edge, start, end, features) of every other edge of every PER word."""
        todo = [(i, a) for i, t in enumerate(toks) if t[2] == "PER" for a in alternatives(h, toks, i)]
        if not todo:
            return []
        keeps = sorted({i for i, _ in todo})
        spans = [(toks[i][0], toks[i][1]) for i in keeps] + [(s2, e2) for _, (_, s2, e2) in todo]
        probs = word_probabilities(tagger, h, spans, "PER")
        p_keep = dict(zip(keeps, probs))
        return [(i, edge, s2, e2, features(h, toks, i, edge, s2, e2, p_keep[i], p, self.chars, self.words, self.joins))
                for (i, (edge, s2, e2)), p in zip(todo, probs[len(keeps) :])]

    def repair(self, h: str, toks: Sequence[Tok], tagger: LacTagger) -> list[Tok]:
        """``toks`` with dotted names joined (join_dotted) and the PER words' edges moved where the
        models say so, the neighbours shortened to match (a character cut off a name becomes a word
        of its own, tagged xc)."""
        toks = join_dotted(h, toks)
        best: dict[int, tuple[float, str, int, int]] = {}
        for i, edge, s2, e2, x in self.candidates(h, toks, tagger):
            p = _prob(self.weights[edge], x)
            if p >= self.thresholds[edge] and p > best.get(i, (0.0,))[0]:
                best[i] = (p, edge, s2, e2)
        if not best:
            return list(toks)
        out = [list(t) for t in toks]
        extra: list[list] = []
        for i, (_, edge, s2, e2) in sorted(best.items()):
            s, e, _ = toks[i]
            if edge == "end+1" and out[i + 1][0] == e and out[i][1] == e:
                out[i][1] = e2
                out[i + 1][0] = e2
            elif edge == "end-1" and out[i][1] == e:
                out[i][1] = e2
                extra.append([e2, e, "xc"])
            elif edge == "start-1" and out[i - 1][1] == s and out[i][0] == s:
                out[i][0] = s2
                out[i - 1][1] = s2
        kept = [tuple(t) for t in out + extra if t[1] > t[0]]
        return sorted(kept)


@lru_cache(maxsize=None)
def default_bounds() -> PersonBounds | None:
    """The shipped models, or None before ``make train-person-bounds`` wrote them (or before the
    person check's tables exist)."""
    from .person_check import default_check

    check = default_check()
    if not WEIGHTS.exists() or check is None or check.words is None:
        return None
    d = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if tuple(d["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS}: its features are not this module's; rerun make train-person-bounds")
    return PersonBounds(d["weights"], d["thresholds"], check.chars, check.words, Joins(d["joins"]))
