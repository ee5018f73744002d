"""Cheaper scans with the same matches: character sets read off a regex's parse tree.

`finditer` tries a pattern at every position of the text.  A pattern that opens with
optional groups or a wide alternation (the number finders, the gazetteer tries) pays
for every branch at every position, though nearly all positions hold a character no
match can start with.  `guarded` puts a one-character lookahead of exactly those
starting characters in front of the pattern, which fails in one set lookup; the
matches are the same by construction, and where the set cannot be bounded (a
negated class, `.`, a back-reference, case folding inside the pattern) the pattern
is returned unchanged.  `match_chars` gives every character a match can contain.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812  (sre's opcodes; stable since Python 3.11)
from re import _parser

_Chars = tuple[frozenset[str], frozenset[int]]  # literal characters, sre categories
_MAX_RANGE = 4096

_CATEGORY = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT} | ({C.POSSESSIVE_REPEAT} if hasattr(C, "POSSESSIVE_REPEAT") else set())
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}


class _Unbounded(Exception):
    pass


def guarded(rx: re.Pattern[str]) -> re.Pattern[str]:
    """`rx` behind a lookahead of the characters its matches start with (same matches)."""
    try:
        chars, cats, nullable = _first(_parser.parse(rx.pattern, rx.flags))
    except _Unbounded:
        return rx
    if nullable or not (chars or cats):
        return rx
    try:
        return re.compile(f"(?=[{_class(chars, cats)}])(?:{rx.pattern})", rx.flags)
    except re.error:  # e.g. a global inline flag, which must open the pattern
        return rx


def match_chars(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching the longest run of characters a match of `rx` may contain,
    or None when they cannot be bounded.  Text past that run is out of any match."""
    try:
        chars, cats = _all(_parser.parse(rx.pattern, rx.flags))
    except _Unbounded:
        return None
    return re.compile(f"[{_class(chars, cats)}]*", rx.flags)


def _class(chars: frozenset[str], cats: frozenset[int]) -> str:
    return "".join(re.escape(c) for c in sorted(chars)) + "".join(_CATEGORY[c] for c in sorted(cats))


def _first(seq) -> tuple[frozenset[str], frozenset[int], bool]:
    """(chars, categories, nullable): what a match of `seq` can start with."""
    chars: set[str] = set()
    cats: set[int] = set()
    for op, av in seq:
        c, k, nullable = _first_item(op, av)
        chars |= c
        cats |= k
        if not nullable:
            return frozenset(chars), frozenset(cats), False
    return frozenset(chars), frozenset(cats), True


def _first_item(op, av) -> tuple[frozenset[str], frozenset[int], bool]:
    if op is C.LITERAL or op is C.IN:
        chars, cats = _chars(op, av)
        return chars, cats, False
    if op is C.BRANCH:
        parts = [_first(alt) for alt in av[1]]
        return (frozenset().union(*(p[0] for p in parts)), frozenset().union(*(p[1] for p in parts)),
                any(p[2] for p in parts))
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            raise _Unbounded
        return _first(sub)
    if op in _REPEATS:
        lo, _hi, sub = av
        chars, cats, nullable = _first(sub)
        return chars, cats, nullable or lo == 0
    if op in _ZERO_WIDTH:
        return frozenset(), frozenset(), True
    if hasattr(C, "ATOMIC_GROUP") and op is C.ATOMIC_GROUP:
        return _first(av)
    raise _Unbounded


def _all(seq) -> _Chars:
    """Every character a match of `seq` can consume (lookarounds consume none)."""
    chars: set[str] = set()
    cats: set[int] = set()
    for op, av in seq:
        if op is C.LITERAL or op is C.IN:
            c, k = _chars(op, av)
        elif op is C.BRANCH:
            c, k = _union(_all(alt) for alt in av[1])
        elif op is C.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                raise _Unbounded
            c, k = _all(av[3])
        elif op in _REPEATS:
            c, k = _all(av[2])
        elif op in _ZERO_WIDTH:
            continue
        elif hasattr(C, "ATOMIC_GROUP") and op is C.ATOMIC_GROUP:
            c, k = _all(av)
        else:
            raise _Unbounded
        chars |= c
        cats |= k
    return frozenset(chars), frozenset(cats)


def _union(parts) -> _Chars:
    chars: set[str] = set()
    cats: set[int] = set()
    for c, k in parts:
        chars |= c
        cats |= k
    return frozenset(chars), frozenset(cats)


def _chars(op, av) -> _Chars:
    if op is C.LITERAL:
        return frozenset((chr(av),)), frozenset()
    chars: set[str] = set()
    cats: set[int] = set()
    for o, a in av:
        if o is C.LITERAL:
            chars.add(chr(a))
        elif o is C.RANGE and a[1] - a[0] <= _MAX_RANGE:
            chars.update(map(chr, range(a[0], a[1] + 1)))
        elif o is C.CATEGORY and a in _CATEGORY:
            cats.add(a)
        else:  # NEGATE, a huge range
            raise _Unbounded
    return frozenset(chars), frozenset(cats)
