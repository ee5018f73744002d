"""The records every extraction stage hands on.

Stages find mentions as character offsets into the article text (end exclusive), so
``text[m.start:m.end] == m.text`` always holds, whatever the tokenizer did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LABELS = ("ZONE", "ORG", "PERSON", "GPE", "MONEY", "PERCENT", "COUNT", "DATE")
APPROX = ("exact", "about", "nearly", "more_than", "at_least", "at_most")


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention.

    ``source`` names the model or rule that decided it (``gazetteer``, ``zone_suffix``,
    ``lac``, ``org_suffix``, ``byline`` ...); ``norm`` is the normalised name (a zone's
    canonical full name, a person's name without title), ``attrs`` anything else a stage
    knows (province, zone id).
    """

    label: str
    start: int
    end: int
    text: str
    source: str
    norm: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def role_start(m: Mention) -> int:
    """Where a titled person's title starts: before the name (副市长姚卿), or right after it
    when the stage marked it so (胡经理: attrs role_after).  What stands before
    min(role_start(m), m.start) is what precedes the person and the title together."""
    return m.end if m.attrs.get("role_after") else m.start - len(m.attrs.get("role") or "")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A MONEY, PERCENT or COUNT with its value read.

    ``value`` is normalised as ANNOTATION.md says: money in whole currency units
    (6069万元 -> 60690000), percent in points (1/2 -> 50), counts as numbers.
    ``unit`` is an ISO currency code, ``%`` or the measure word; ``per`` the unit of a
    rate or unit price (元/吨 -> 吨).  ``approx`` is one of APPROX and already folds in
    qualifier verbs that stand outside the span (超过, 突破, 不超过 ...).
    """

    kind: str  # "money" | "percent" | "count"
    start: int
    end: int
    text: str
    value: float
    unit: str
    approx: str = "exact"
    value_high: float | None = None
    per: str | None = None
    source: str = "quantity"

    @property
    def label(self) -> str:
        return self.kind.upper()
