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
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from . import lexicon
from .check import LogisticCheck, quoted, set_alone, set_bounds, set_sureness, tok_class

Tok = tuple[int, int, str]
WEIGHTS = Path(__file__).resolve().parents[2] / "rules" / "org_check.json"

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
    set_sureness(f, lac_p)
    n = len(w)
    f["len2" if n <= 2 else "len3" if n == 3 else "len4" if n == 4 else "len5_6" if n <= 6 else "len7+"] = 1.0
    f["latin"] = float(any("a" <= c.lower() <= "z" for c in w))
    f["type_word"] = float(bool(lexicon.affixes("org_suffixes").ending(w)))
    f["place_head"] = float(_place_head(w))
    set_alone(f, alone, "ORG")
    pt, nx = set_bounds(f, toks, starts, s, e)
    if pt is not None:
        f["prev_" + tok_class(pt[2], h[pt[0] : pt[1]])] = 1.0
    if nx is not None:
        if lexicon.affixes("person_titles").beginning(h[e : e + 6]) is not None:
            f["next_title"] = 1.0  # (某集团董事长: an organisation's officer)
        else:
            f["next_" + tok_class(nx[2], h[nx[0] : nx[1]])] = 1.0
    f["repeated"] = float(h.count(w) > 1)
    f["quoted"] = float(quoted(h, s))
    return [f[k] for k in FEATURES]


class OrgCheck(LogisticCheck):
    """Keeps an organisation LAC named when the model's probability is at least ``threshold``."""

    FEATURES = FEATURES

    def features(self, h: str, toks: Sequence[Tok], starts: Sequence[int], s: int, e: int,
                 alone: Sequence[str], lac_p: float) -> list[float]:
        return features(h, toks, starts, s, e, alone, lac_p)


@lru_cache(maxsize=None)
def default_check() -> OrgCheck | None:
    """The shipped check, or None when rules/org_check.json is absent (before training)."""
    if not WEIGHTS.exists():
        return None
    d = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if tuple(d["weights"]) != FEATURES:
        raise ValueError(f"{WEIGHTS}: its features are not this module's; rerun make train-org-check")
    return OrgCheck([d["weights"][k] for k in FEATURES], d["threshold"])
