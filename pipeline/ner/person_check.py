"""A learned check on the people LAC names with nothing else to vouch for them (issue 13).

LAC tags a word PER by its context, and on news it takes herbs, commodities and nicknames for
people (野黄芩, 白糖, 红魔) as often as it misses nothing.  A title, a byline or a list of
people settles most names before this; what is left is LAC's word alone.  This check is a
logistic model over the mention's form (length, surname, transliteration, LAC's reading of the
word by itself) and its neighbours (a verb of saying after it, a preposition or a list before
it, how often the words beside it stand beside names in the training text), fitted by ``scripts/train_person_check.py`` on MSRA and CLUENER (general news, nothing of
../shared/train, dev or seed), with its weights in ``rules/person_check.json``.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from . import lexicon, people
from .check import LogisticCheck, quoted, set_alone, set_bounds, set_sureness, shipped, tok_class

Tok = tuple[int, int, str]
WEIGHTS = Path(__file__).resolve().parents[2] / "rules" / "person_check.json"

_AGENT_ENDS = frozenset("员人家手师星")

FEATURES = (
    "bias", "lac_logit", "lac_p", "len1", "len2", "len3", "len4+", "dot", "surname", "surname2", "translit",
    "alone_PER", "alone_ORG", "alone_LOC", "alone_n", "alone_nz", "alone_common", "alone_other",
    "alone_PER+", "alone_split",
    "prev_start", "prev_punct", "prev_list", "prev_v", "prev_p", "prev_u", "prev_noun", "prev_name", "prev_per",
    "prev_num", "prev_other", "prev_agent",
    "next_end", "next_say", "next_title", "next_punct", "next_list", "next_u", "next_v", "next_noun",
    "next_name", "next_per", "next_pc", "next_other",
    "repeated", "quoted", "glued_before", "glued_after",
    "char_surname", "char_inner_mean", "char_inner_min", "word_before", "word_after",
)


class CharStats:
    """How often each character opens a name, or stands inside one, among all its uses in the
    training text: what makes 云朵 or 赭红 unlike 云峰 or 赵红."""

    def __init__(self, table: dict[str, Sequence[int]]) -> None:
        self.table = table  # char -> (uses, uses opening a name, uses inside a name after its start)

    def surname(self, c: str) -> float:
        n, first, _ = self.table.get(c, (0, 0, 0))
        return math.log((first + 1) / (n + 20)) / 5

    def inner(self, c: str) -> float:
        n, _, inner = self.table.get(c, (0, 0, 0))
        return math.log((inner + 1) / (n + 20)) / 5


class WordStats:
    """How often each word LAC reads stands right before a name, or right after one, among all
    its uses in the training text: what a title list cannot hold (顾问, 编剧, 守门员 before a name;
    说, 一行 after one), learnt rather than listed.  Each rate is read against the rate of all
    words, shrunk toward it for a word seldom seen; a word never seen reads 0."""

    PRIOR = 10.0  # uses' worth of the rate of all words that each word's rate starts from

    def __init__(self, table: dict[str, Sequence[int]], totals: Sequence[int]) -> None:
        self.table = table  # word -> (uses, uses right before a name, uses right after one)
        self.totals = totals  # the same counts over all words
        n, before, after = totals
        self.base = (before / n, after / n)

    def counts(self, w: str) -> Sequence[int]:
        return self.table.get(w, (0, 0, 0))

    def _rate(self, w: str, k: int) -> float:
        c = self.counts(w)
        if not c[0]:
            return 0.0
        r = self.base[k - 1]
        return math.log((c[k] + self.PRIOR * r) / (c[0] + self.PRIOR) / r)

    def before(self, w: str) -> float:
        return self._rate(w, 1)

    def after(self, w: str) -> float:
        return self._rate(w, 2)


def features(h: str, toks: Sequence[Tok], starts: Sequence[int], s: int, e: int, alone: Sequence[str],
             chars: CharStats, lac_p: float, words: WordStats | None = None) -> list[float]:
    """The mention h[s:e] among LAC's words ``toks`` (``starts`` their starts), LAC's tags of
    the word read by itself (``alone``), its characters' use in names (``chars``), its
    neighbours' (``words``) and LAC's probability that it is one PER word here (``lac_p``,
    pipeline.ner.lac_confidence)."""
    w = h[s:e]
    f = dict.fromkeys(FEATURES, 0.0)
    set_sureness(f, lac_p)
    f["char_surname"] = chars.surname(w[0])
    inner = [chars.inner(c) for c in w[1:] if c not in people.NAME_DOTS]
    if inner:
        f["char_inner_mean"] = sum(inner) / len(inner)
        f["char_inner_min"] = min(inner)
    f["bias"] = 1.0
    f["len1" if len(w) == 1 else "len2" if len(w) == 2 else "len3" if len(w) == 3 else "len4+"] = 1.0
    f["dot"] = float(people.dotted(w))
    sur = lexicon.surnames()
    f["surname"] = float(w[:1] in sur)
    f["surname2"] = float(w[:2] in sur)
    f["translit"] = float(people.transliterated(w) or people.foreign_name(w))
    set_alone(f, alone, "PER")
    p, n = set_bounds(f, toks, starts, s, e)
    if p is not None:
        pw = h[p[0] : p[1]]
        # a noun for what someone is or does (代言人, 足球运动员, 歌手) before a name, as a title is
        agent = p[2] in ("n", "nz", "vn") and len(pw) >= 2 and pw[-1] in _AGENT_ENDS
        f["prev_agent" if agent else "prev_" + tok_class(p[2], pw)] = 1.0
        if words is not None:
            f["word_before"] = words.before(pw)
    if n is not None:
        nw = h[n[0] : n[1]]
        if words is not None:
            f["word_after"] = words.after(nw)
        if nw.startswith(people.SAYING) and n[2] in ("v", "vd", "p", "n", "vn"):
            f["next_say"] = 1.0
        elif people.title_after(h, s, e) or lexicon.affixes("person_titles").beginning(h[e : e + 5]) is not None:
            f["next_title"] = 1.0
        else:
            f["next_" + tok_class(n[2], nw)] = 1.0
    f["repeated"] = float(h.count(w) > 1)
    f["quoted"] = float(quoted(h, s))
    return [f[k] for k in FEATURES]


class PersonCheck(LogisticCheck):
    """Keeps a person LAC named when the model's probability is at least ``threshold``."""

    FEATURES = FEATURES

    def __init__(self, weights: Sequence[float], chars: CharStats, threshold: float = 0.5,
                 words: WordStats | None = None) -> None:
        super().__init__(weights, threshold)
        self.chars = chars
        self.words = words

    def features(self, h: str, toks: Sequence[Tok], starts: Sequence[int], s: int, e: int,
                 alone: Sequence[str], lac_p: float) -> list[float]:
        return features(h, toks, starts, s, e, alone, self.chars, lac_p, self.words)


@lru_cache(maxsize=None)
def default_check() -> PersonCheck | None:
    """The shipped check, or None when rules/person_check.json is absent (before training)."""
    d = shipped(WEIGHTS, FEATURES, "train-person-check")
    if d is None:
        return None
    return PersonCheck(d["weights"], CharStats(d["chars"]), d["threshold"], WordStats(d["words"], d["word_totals"]))


# (not people._HONORIFICS whole: 老 and 总 after a longer name open words too, 总投资, 老字号)
_HONORIFICS = ("先生", "女士", "小姐", "老师", "医生", "师傅")


def honoured(h: str, s: int, e: int) -> bool:
    """A name an honorific follows (于先生, 金女士; a surname alone before 总: 夏总, 贾总)."""
    return h.startswith(_HONORIFICS, e) or (e - s == 1 and h.startswith("总", e))


def in_name_run(h: str, toks: Sequence[Tok], starts: Sequence[int], s: int, e: int) -> bool:
    """The name is one of three or more LAC reads as names with nothing between them, or one
    of a byline's names parted by spaces."""
    i = bisect_left(starts, s)
    if i >= len(toks) or toks[i][0] != s or toks[i][1] != e:
        return False
    before = i > 0 and toks[i - 1][2] == "PER" and toks[i - 1][1] == s
    after = i + 1 < len(toks) and toks[i + 1][2] == "PER" and toks[i + 1][0] == e
    twice_before = before and i > 1 and toks[i - 2][2] == "PER" and toks[i - 2][1] == toks[i - 1][0]
    twice_after = after and i + 2 < len(toks) and toks[i + 2][2] == "PER" and toks[i + 2][0] == toks[i + 1][1]
    return (before and after) or twice_before or twice_after or _spaced_byline(h, toks, i)


_REPORTER = ("记者", "通讯员", "摄影", "摄", "实习生", "/文", "/图")
_ROLE_AFTER = ("记者", "通讯员", "实习生", "摄影")  # (吴某/文 周某 实习生 邓某/图)


def _spaced_byline(h: str, toks: Sequence[Tok], i: int) -> bool:
    """Names a space parts from a reporter's role or from another name (记者 曲某 通讯员 张某,
    (陈某 罗某)): a byline, whatever the bracket or the line around it.  (``toks`` holds no
    whitespace: the caller dropped it.)"""
    s, e = toks[i][0], toks[i][1]
    prev = toks[i - 1] if i > 0 and toks[i - 1][1] < s and h[toks[i - 1][1] : s].isspace() else None
    nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1][0] > e and h[e : toks[i + 1][0]].isspace() else None
    return (prev is not None and (prev[2] == "PER" or h[prev[0] : prev[1]].endswith(_REPORTER))) \
        or (nxt is not None and (nxt[2] == "PER" or h[nxt[0] : nxt[1]].startswith(_ROLE_AFTER)))




def signs_a_line(h: str, s: int, e: int) -> bool:
    """The name is all its line holds: an article's signature (…新动能。\n\n某某\n\n)."""
    a = h.rfind("\n", 0, s) + 1
    b = h.find("\n", e)
    return not h[a:s].strip(" \t\u3000(（") and not h[e : len(h) if b < 0 else b].strip(" \t\u3000)）")


def exempt(w: str) -> bool:
    """Forms whose reading the contract settles elsewhere (老王, 小李, 王某): not the model's."""
    return (len(w) == 2 and w[0] in "老小") or w.endswith("某")
