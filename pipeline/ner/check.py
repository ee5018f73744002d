"""What the learned checks on names share (person_check, org_check, list_check): the logistic
model and its shipped weights, and the features they read the same way: how sure LAC is of the
word, its reading alone, the words around it."""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import Any, Sequence

from pipeline.mentions import Mention

Tok = tuple[int, int, str]

_NAME_TAGS = {"PER", "ORG", "LOC"}
_NOUN_TAGS = {"n", "vn", "nz", "an", "nw"}
COMMON_TAGS = {"v", "vd", "vn", "d", "ad", "a", "an", "f"}
_OPEN_QUOTES = {"“": "”", "《": "》", "「": "」", "\"": "\""}


class LogisticCheck:
    """Keeps a mention when the model's probability is at least ``threshold``; a subclass names
    its ``FEATURES``."""

    FEATURES: tuple[str, ...] = ()

    def __init__(self, weights: Sequence[float], threshold: float = 0.5) -> None:
        if len(weights) != len(self.FEATURES):
            raise ValueError(f"{type(self).__name__}: {len(weights)} weights for {len(self.FEATURES)} features")
        self.weights = list(weights)
        self.threshold = threshold

    def probability(self, x: Sequence[float]) -> float:
        z = sum(a * b for a, b in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, x: Sequence[float], mention: Mention) -> bool:
        return self.probability(x) >= self.threshold


def shipped(path: Path, features: Sequence[str], target: str) -> dict[str, Any] | None:
    """A check's weights file (``rules/*.json``) with its weights in ``features``' order, or None
    when it is absent (before training); ``target`` is the make target that writes it."""
    if not path.exists():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    if tuple(d["weights"]) != tuple(features):
        raise ValueError(f"{path}: its features are not this module's; rerun make {target}")
    return {**d, "weights": [d["weights"][k] for k in features]}


def tok_class(tag: str, w: str) -> str:
    """The neighbour classes of the features prev_* and next_*."""
    if tag == "w":
        return "list" if w == "、" else "punct"
    if tag in ("u",):
        return "u"
    if tag in ("p", "c"):
        return "p" if tag == "p" else "pc"
    if tag in ("v", "vd"):
        return "v"
    if tag in _NOUN_TAGS:
        return "noun"
    if tag == "PER":
        return "per"  # (a run of names: 贾治邦贾春旺顾浩)
    if tag in _NAME_TAGS:
        return "name"
    if tag in ("m", "q", "TIME"):
        return "num"
    return "other"


def quoted(h: str, s: int) -> bool:
    """An open quote or title mark before the name on its line, not yet closed.  A straight
    quote both opens and closes: an odd count of them before the name leaves one open."""
    lo = max(0, s - 30, h.rfind("\n", 0, s) + 1)
    seg = h[lo:s]
    for o, c in _OPEN_QUOTES.items():
        if o == c:
            if seg.count(o) % 2:
                return True
            continue
        i = seg.rfind(o)
        if i >= 0 and c not in seg[i + 1 :]:
            return True
    return False


def set_sureness(f: dict[str, float], lac_p: float) -> None:
    """lac_logit and lac_p from LAC's probability of the word (NaN, across pieces: none)."""
    p = min(max(lac_p if lac_p == lac_p else 0.0, 1e-4), 1 - 1e-4)
    f["lac_logit"] = math.log(p / (1 - p)) / 4
    f["lac_p"] = p


def set_alone(f: dict[str, float], alone: Sequence[str], own: str) -> None:
    """alone_*: LAC's tags of the word read by itself; ``own`` is the check's label (PER, ORG)."""
    if len(alone) == 1:
        a = alone[0]
        key = {"PER": "alone_PER", "ORG": "alone_ORG", "LOC": "alone_LOC", "n": "alone_n", "nz": "alone_nz"}.get(a)
        f[key or ("alone_common" if a in COMMON_TAGS else "alone_other")] = 1.0
    else:
        f[f"alone_{own}+" if alone and alone[0] == own else "alone_split"] = 1.0


def set_bounds(f: dict[str, float], toks: Sequence[Tok], starts: Sequence[int], s: int, e: int
               ) -> tuple[Tok | None, Tok | None]:
    """glued_before / glued_after (the mention cuts a word LAC read), and prev_start or
    prev_other / next_end where there is no whole word before or after it; returns the word
    before and the word after it, when there are."""
    i = bisect_right(starts, s) - 1  # the word holding the mention's start
    j = bisect_left(starts, e)  # the first word at or after its end
    if i < 0 or toks[i][0] < s:
        f["glued_before"] = 1.0
    if j > 0 and toks[j - 1][1] > e:
        f["glued_after"] = 1.0
    prev = None
    if i <= 0 or toks[i][0] < s:
        f["prev_start" if i <= 0 and s == 0 else "prev_other"] = 1.0
    else:
        prev = toks[i - 1]
    nxt = None
    if j >= len(toks):
        f["next_end"] = 1.0
    else:
        nxt = toks[j]
    return prev, nxt


_JOINS = ("、", "和", "与", "及")


def coordinated(h: str, spans: Sequence[tuple[int, int]], known: set[str]) -> set[str]:
    """Names (``h[s:e]`` of ``spans``) joined by 、/和/与/及 to a name of ``known``: a list holds
    one kind of thing, so a name beside a person is a person (孙某某、丁某某一行), however unsure
    LAC was of it.  Runs along a list: each name taken vouches for the next."""
    at = {s: (s, e) for s, e in spans}
    ends = {e: (s, e) for s, e in spans}
    out: set[str] = set()
    grew = True
    while grew:
        grew = False
        for s, e in spans:
            name = h[s:e]
            if name in known or name in out:
                continue
            before = ends.get(s - 1) if h[s - 1 : s] in _JOINS else None
            after = at.get(e + 1) if h[e : e + 1] in _JOINS else None
            if any(n is not None and h[n[0] : n[1]] in known | out for n in (before, after)):
                out.add(name)
                grew = True
    return out
