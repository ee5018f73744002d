"""A learned check on the organisations LAC names with nothing else to vouch for them (issue 13).

LAC tags a word ORG by its context; on business and zone news it also takes a verb, a slogan, a
sector, a building or a piece of a longer name for one (聚力推进, 五园一城, 中国光学城, 西电集团大厦,
开元周游集团文旅).  What a type word, a list, a dateline or another mention of the name does not
settle is LAC's word alone.  This check is a logistic model over how sure LAC is of the word (its
CRF's probability of exactly this word, ``lac_confidence``), the word's form (length, a type word
at its end, a place at its start, LAC's reading of it alone) and its neighbours.  It is fitted by
``scripts/train_org_check.py`` on candidates of ``../shared/corpus`` labelled by hand
(``data/labels/org_candidates.jsonl``: modern zone news and 2011 business news, the text this
pipeline reads; general-news corpora name ministries and teams, not company short names), with
its weights in ``rules/org_check.json``.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from pipeline.mentions import Mention

from . import lexicon
from .person_check import _quoted, _tok_class

Tok = tuple[int, int, str]
WEIGHTS = Path(__file__).resolve().parents[2] / "rules" / "org_check.json"

_COMMON_TAGS = {"v", "vd", "vn", "d", "ad", "a", "an", "f"}
_CLASSES = ("punct", "list", "u", "p", "pc", "v", "noun", "per", "name", "num", "other")

FEATURES = (
    "bias", "lac_logit", "lac_p",
    "len2", "len3", "len4", "len5_6", "len7+", "latin", "type_word", "place_head",
    "alone_ORG", "alone_LOC", "alone_PER", "alone_n", "alone_nz", "alone_common", "alone_other",
    "alone_ORG+", "alone_split",
    "prev_start", *(f"prev_{c}" for c in _CLASSES),
    "next_end", "next_title", *(f"next_{c}" for c in _CLASSES),
    "repeated", "quoted", "glued_before", "glued_after",
)


def _place_head(w: str) -> bool:
    places = lexicon.place_names()
    return any(w[:k] in places for k in (2, 3, 4) if len(w) > k)


def features(h: str, toks: Sequence[Tok], starts: Sequence[int], s: int, e: int, alone: Sequence[str],
             lac_p: float) -> list[float]:
    """The mention h[s:e] among LAC's words ``toks`` (``starts`` their starts), LAC's tags of the
    word read by itself (``alone``) and LAC's probability that it is one ORG word here."""
    w = h[s:e]
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    p = min(max(lac_p if lac_p == lac_p else 0.0, 1e-4), 1 - 1e-4)  # (NaN: across pieces, none)
    f["lac_logit"] = math.log(p / (1 - p)) / 4
    f["lac_p"] = p
    n = len(w)
    f["len2" if n <= 2 else "len3" if n == 3 else "len4" if n == 4 else "len5_6" if n <= 6 else "len7+"] = 1.0
    f["latin"] = float(any("a" <= c.lower() <= "z" for c in w))
    f["type_word"] = float(bool(lexicon.affixes("org_suffixes").ending(w)))
    f["place_head"] = float(_place_head(w))
    if len(alone) == 1:
        a = alone[0]
        key = {"ORG": "alone_ORG", "LOC": "alone_LOC", "PER": "alone_PER", "n": "alone_n", "nz": "alone_nz"}.get(a)
        f[key or ("alone_common" if a in _COMMON_TAGS else "alone_other")] = 1.0
    else:
        f["alone_ORG+" if alone and alone[0] == "ORG" else "alone_split"] = 1.0
    i = bisect_right(starts, s) - 1  # the word holding the mention's start
    j = bisect_left(starts, e)  # the first word at or after its end
    if i < 0 or toks[i][0] < s:
        f["glued_before"] = 1.0
    if j > 0 and toks[j - 1][1] > e:
        f["glued_after"] = 1.0
    if i <= 0 or toks[i][0] < s:
        f["prev_start" if i <= 0 and s == 0 else "prev_other"] = 1.0
    else:
        pt = toks[i - 1]
        f["prev_" + _tok_class(pt[2], h[pt[0] : pt[1]])] = 1.0
    if j >= len(toks):
        f["next_end"] = 1.0
    elif lexicon.affixes("person_titles").beginning(h[e : e + 6]) is not None:
        f["next_title"] = 1.0  # (某集团董事长: an organisation's officer)
    else:
        nx = toks[j]
        f["next_" + _tok_class(nx[2], h[nx[0] : nx[1]])] = 1.0
    f["repeated"] = float(h.count(w) > 1)
    f["quoted"] = float(_quoted(h, s))
    return [f[k] for k in FEATURES]


class OrgCheck:
    """Keeps an organisation LAC named when the model's probability is at least ``threshold``."""

    def __init__(self, weights: Sequence[float], threshold: float = 0.5) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError(f"OrgCheck: {len(weights)} weights for {len(FEATURES)} features")
        self.weights = list(weights)
        self.threshold = threshold

    def probability(self, x: Sequence[float]) -> float:
        z = sum(a * b for a, b in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, x: Sequence[float], mention: Mention) -> bool:
        return self.probability(x) >= self.threshold


@lru_cache(maxsize=None)
def default_check() -> OrgCheck | None:
    """The shipped check, or None when rules/org_check.json is absent (before training)."""
    if not WEIGHTS.exists():
        return None
    d = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if tuple(d["weights"]) != FEATURES:
        raise ValueError(f"{WEIGHTS}: its features are not this module's; rerun make train-org-check")
    return OrgCheck([d["weights"][k] for k in FEATURES], d["threshold"])
