"""Word lists for the ORG and PERSON rules, read once from rules/*.txt."""

from __future__ import annotations

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
def industry_words() -> tuple[str, ...]:
    return tuple(sorted(_read_words("org_industry_words.txt"), key=len, reverse=True))


@lru_cache(maxsize=None)
def generic_orgs() -> frozenset[str]:
    return frozenset(_read_words("org_generic.txt"))


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
