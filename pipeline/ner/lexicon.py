"""Word lists for the ORG and PERSON rules, read once from rules/*.txt."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"


def _read_words(name: str) -> tuple[str, ...]:
    words: list[str] = []
    for line in (RULES_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.extend(line.split())
    return tuple(dict.fromkeys(words))


@lru_cache(maxsize=None)
def org_suffixes() -> tuple[str, ...]:
    """Longest first, so 股份有限公司 wins over 公司."""
    return tuple(sorted(_read_words("org_suffixes.txt"), key=len, reverse=True))


@lru_cache(maxsize=None)
def state_bodies() -> tuple[str, ...]:
    """The central government's bodies whose names LAC cuts (rules/org_state_bodies.txt), longest first."""
    return tuple(sorted(_read_words("org_state_bodies.txt"), key=len, reverse=True))


@lru_cache(maxsize=None)
def industry_words() -> tuple[str, ...]:
    return tuple(sorted(_read_words("org_industry_words.txt"), key=len, reverse=True))


@lru_cache(maxsize=None)
def generic_orgs() -> frozenset[str]:
    return frozenset(_read_words("org_generic.txt"))


def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def _description_sections() -> dict[str, tuple[str, ...]]:
    """rules/name_descriptions.txt by its [sections]."""
    sections: dict[str, list[str]] = {}
    cur = None
    for ln in (RULES_DIR / "name_descriptions.txt").read_text(encoding="utf-8").splitlines():
        ln = ln.strip()
        if not ln or ln.startswith("#"):
            continue
        if ln.startswith("[") and ln.endswith("]"):
            cur = sections.setdefault(ln[1:-1], [])
        elif cur is not None:
            cur.append(ln)
    return {k: tuple(v) for k, v in sections.items()}


@lru_cache(maxsize=None)
def descriptions() -> tuple[frozenset[str], tuple[str, ...]]:
    """rules/name_descriptions.txt: the words that describe an organisation whole (当局, 子公司)
    and the modifiers that describe one before its type word (大, 知名, 国际), longest first."""
    sections = _description_sections()
    return frozenset(sections["whole"]), _longest_first(sections["modifier"])


@lru_cache(maxsize=None)
def apposition_heads() -> tuple[str, ...]:
    """rules/name_descriptions.txt [apposition]: the nouns that close a description standing
    before a firm's name (矿业巨头 + 力拓公司, 零部件供应商 + 天纳克公司), longest first."""
    return _longest_first(_description_sections()["apposition"])


@lru_cache(maxsize=None)
def latin_terms() -> frozenset[str]:
    """rules/latin_terms.txt: Latin words of technology and business that name no firm (LED, IPO)."""
    return frozenset(_read_words("latin_terms.txt"))


@lru_cache(maxsize=None)
def subunits() -> tuple[str, ...]:
    return tuple(sorted(_read_words("org_subunits.txt"), key=len, reverse=True))


@lru_cache(maxsize=None)
def person_titles() -> tuple[str, ...]:
    return tuple(sorted(_read_words("person_titles.txt"), key=len, reverse=True))


@lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    return frozenset(_read_words("person_surnames.txt"))


@lru_cache(maxsize=None)
def zone_endings() -> tuple[str, ...]:
    return _read_words("org_zone_endings.txt")


@lru_cache(maxsize=None)
def place_prefixes() -> dict[str, tuple[str, ...]]:
    """Sections of rules/org_place_prefixes.txt ([foreign], [province]), longest first."""
    sections: dict[str, list[str]] = {}
    cur = ""
    for line in (RULES_DIR / "org_place_prefixes.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            cur = line[1:-1]
            continue
        sections.setdefault(cur, []).extend(line.split())
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in sections.items()}


@lru_cache(maxsize=None)
def _place_rows() -> tuple[dict, ...]:
    """The rows of rules/zone_places.jsonl (read only): name, short, level."""
    import json

    path = RULES_DIR / "zone_places.jsonl"
    if not path.exists():
        return ()
    return tuple(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@lru_cache(maxsize=None)
def place_names() -> frozenset[str]:
    """Chinese place names and their short forms."""
    return frozenset(x for row in _place_rows() for x in (row.get("name"), row.get("short")) if x)


def opens_with_place(w: str, lengths: tuple[int, ...] = (2, 3, 4), rest: int = 1) -> bool:
    """``w`` opens with a place name of one of ``lengths`` characters and goes on for at
    least ``rest`` more."""
    places = place_names()
    return any(len(w) >= k + rest and w[:k] in places for k in lengths)


@lru_cache(maxsize=None)
def county_short_forms() -> frozenset[str]:
    """Short forms of counties and districts (吉利 of 吉利区, 方正 of 方正县) that name no city or
    province: many are also a company's name."""
    county = {row.get("short") for row in _place_rows() if row.get("level") == "county"}
    other = {row.get("short") for row in _place_rows() if row.get("level") != "county"}
    other |= {row.get("name") for row in _place_rows()}
    return frozenset(x for x in county - other if x)


@lru_cache(maxsize=None)
def industry_terms() -> tuple[str, ...]:
    return tuple(sorted(_read_words("org_industry_terms.txt"), key=len, reverse=True))


class Affixes:
    """Longest-match lookup of a word's ending or beginning in a word list.

    The rules ask this for every LAC token; a scan over the whole list cost a fifth
    of the NER stage, a set probe per distinct length costs a few lookups.
    """

    def __init__(self, words: tuple[str, ...]) -> None:
        self._words = frozenset(words)
        self._lengths = sorted({len(w) for w in words}, reverse=True)
        # Cheap tests callers can make before a lookup: most words end (or begin) with
        # no listed word
        self.last_chars = frozenset(w[-1] for w in words if w)
        self.first_chars = frozenset(w[0] for w in words if w)

    def __contains__(self, w: str) -> bool:
        return w in self._words

    def ending_at(self, text: str, end: int) -> int | None:
        """Start of the longest listed word that ends at text[end], if any."""
        # most positions end no word: one set probe instead of one per length
        if end == 0 or text[end - 1] not in self.last_chars:
            return None
        for k in self._lengths:
            if k <= end and text[end - k : end] in self._words:
                return end - k
        return None

    def ending(self, w: str) -> str | None:
        start = self.ending_at(w, len(w))
        return None if start is None else w[start:]

    def beginning(self, w: str) -> str | None:
        """The longest listed word ``w`` starts with, if any."""
        if not w or w[0] not in self.first_chars:
            return None
        n = len(w)
        for k in self._lengths:
            if k <= n and w[:k] in self._words:
                return w[:k]
        return None


class FirstPrefix:
    """The earliest word of an ordered list that a string starts with: what
    ``next((x for x in words if w.startswith(x)), None)`` gives, by one dict probe per
    distinct word length instead of a startswith per word."""

    def __init__(self, words: Sequence[str]) -> None:
        self._words = tuple(words)
        self._index: dict[str, int] = {}
        for i, x in enumerate(self._words):
            self._index.setdefault(x, i)
        self._lengths = sorted({len(x) for x in self._words})

    def __call__(self, w: str) -> str | None:
        best = None
        for k in self._lengths:
            if k > len(w):
                break
            i = self._index.get(w[:k])
            if i is not None and (best is None or i < best):
                best = i
        return None if best is None else self._words[best]


@lru_cache(maxsize=None)
def affixes(name: str) -> Affixes:
    """Affixes over one of the lists above, by its function name: affixes("org_suffixes")."""
    return Affixes(tuple(globals()[name]()))
