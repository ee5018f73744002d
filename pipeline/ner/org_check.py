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

``RuleOrgCheck`` judges in the same way the names only the short-name rule (a name before an
industry word) and the list rule name, with what the rule and the list say besides: fitted by
``scripts/train_rule_check.py`` on ``data/labels/org_rule_candidates.jsonl``, its weights in
``rules/org_rule_check.json``.
"""

from __future__ import annotations

import copy
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import lexicon
from .check import LogisticCheck, quoted, set_alone, set_bounds, set_sureness, shipped, tok_class

if TYPE_CHECKING:
    from .list_check import Item

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
    f["place_head"] = float(lexicon.opens_with_place(w))
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
    d = shipped(WEIGHTS, FEATURES, "train-org-check")
    return None if d is None else OrgCheck(d["weights"], d["threshold"])


# The check on the names two weaker rules make (issue 13): a company's short name read off an
# industry word after a name (宝钢股份, but also 中兴智能 of 中兴智能手机 and 占到汽车) and an item of
# a list beside a found name (打望科技, but also 五金, 天籁); 48% and 66% of them right on
# ../shared/corpus.  The same features as the check on LAC's names, and what the rule and the
# list say (list_check.list_context).

RULE_SOURCES = ("org_short", "org_list")
RULE_WEIGHTS = Path(__file__).resolve().parents[2] / "rules" / "org_rule_check.json"
_FUNCTION_TAGS = frozenset({"v", "vd", "p", "d", "c", "u", "r", "m", "q"})
RULE_FEATURES = FEATURES + (
    "src_short", "src_list", "head_name", "head_function", "tail_glued",
    "in_list", "close_firm", "close_project", "close_deng", "found_share",
)


@dataclass(frozen=True)
class RuleContext:
    """What the rule check reads of the article beyond the name: the source of each span, the
    names found, and the lists' items by span."""
    sources: dict[tuple[int, int], str]
    names: frozenset[str]
    items: dict[tuple[int, int], "Item"]


def rule_features(h: str, toks: Sequence[Tok], starts: Sequence[int], s: int, e: int, alone: Sequence[str],
                  lac_p: float, ctx: RuleContext) -> list[float]:
    """``features`` and the rule's and the list's: the source, a head that is a name of its own,
    a function word opening the name, a noun glued after it, the list's closer and found share."""
    w = h[s:e]
    f = dict(zip(FEATURES, features(h, toks, starts, s, e, alone, lac_p)))
    f.update(dict.fromkeys(RULE_FEATURES[len(FEATURES):], 0.0))
    src = ctx.sources.get((s, e), "")
    f["src_short"] = float(src == "org_short")
    f["src_list"] = float(src == "org_list")
    tail = lexicon.affixes("industry_words").ending(w)
    head = w[: len(w) - len(tail)] if tail else ""
    # (中兴智能 of 中兴智能手机: the head is a name of its own here, the rest a product)
    f["head_name"] = float(bool(head) and head in ctx.names)
    k = bisect_left(starts, s)
    if k < len(toks) and toks[k][0] == s:
        f["head_function"] = float(toks[k][2] in _FUNCTION_TAGS)  # (占到/v 汽车, 为/p 源动力)
    j = bisect_left(starts, e)
    f["tail_glued"] = float(j < len(toks) and toks[j][0] == e and toks[j][2] in ("n", "vn", "nz"))
    it = ctx.items.get((s, e))
    if it is not None:
        f["in_list"] = 1.0
        if it.closer != "none":
            f["close_" + it.closer] = 1.0
        f["found_share"] = max(0, it.n_found - 1) / max(1, it.n_items - 1)
    return [f[k] for k in RULE_FEATURES]


class RuleOrgCheck(LogisticCheck):
    """Keeps an organisation a weaker rule named when the model's probability is at least
    ``threshold``; ``in_context`` gives a copy that reads one article's context."""

    FEATURES = RULE_FEATURES
    context: RuleContext | None = None

    def in_context(self, ctx: RuleContext) -> "RuleOrgCheck":
        c = copy.copy(self)
        c.context = ctx
        return c

    def features(self, h: str, toks: Sequence[Tok], starts: Sequence[int], s: int, e: int,
                 alone: Sequence[str], lac_p: float) -> list[float]:
        assert self.context is not None, "RuleOrgCheck.features needs in_context(...) first"
        return rule_features(h, toks, starts, s, e, alone, lac_p, self.context)


@lru_cache(maxsize=None)
def default_rule_check() -> RuleOrgCheck | None:
    """The shipped rule check, or None when rules/org_rule_check.json is absent (before training)."""
    d = shipped(RULE_WEIGHTS, RULE_FEATURES, "train-rule-check")
    return None if d is None else RuleOrgCheck(d["weights"], d["threshold"])
