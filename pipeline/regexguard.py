"""Cheaper scans with the same matches: character sets read off a regex's parse tree.

`finditer` tries a pattern at every position of the text.  A pattern that opens with
optional groups or a wide alternation (the number finders, the gazetteer tries) pays
for every branch at every position, though nearly all positions hold a character no
match can start with.  `guarded` puts a one-character lookahead of exactly those
starting characters in front of the pattern, which fails in one set lookup; the
matches are the same by construction, and where the set cannot be bounded (a
negated class, `.`, a back-reference, case folding inside the pattern) the pattern
is returned unchanged.  `match_chars` gives every character a match can contain.

`windowed` goes further for patterns whose matches are rare: it scans only the runs of
characters a match can contain that also hold one a match cannot do without (the %
of 5%), and runs the pattern inside those alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


def repeated_chars(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern of the characters `rx` may consume inside an unbounded repeat (`\\d+`,
    `[十百千]*`), or None when they cannot be bounded or there are none.

    One match attempt reads a bounded number of other characters, so it spans only a
    few runs of these: where those runs are short, the attempts from every position
    cost time linear in the text (pipeline.numbers caps its number runs so)."""
    try:
        chars, cats = _repeated(_parser.parse(rx.pattern, rx.flags))
    except _Unbounded:
        return None
    if not (chars or cats):
        return None
    return re.compile(f"[{_class(chars, cats)}]", rx.flags)


def _repeated(seq) -> _Chars:
    parts = []
    for op, av in seq:
        if op in _REPEATS and av[1] == C.MAXREPEAT:
            parts.append(_all(av[2]))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            parts.append(_repeated(av[1]))  # a lookahead's repeat reads as far as a consuming one
        else:
            parts.extend(_repeated(part) for part in _parts(op, av))
    return _union(parts)


def windowed(rx: re.Pattern[str]) -> Scanner:
    """`rx`, scanned only over the stretches of text a match can lie in (same matches).

    A match consumes only the characters `match_chars` names, and holds at least one of
    a few it cannot do without (the % of 5%, the 成 of 三成: read off the parse tree as
    the cheapest set some mandatory part of every branch draws from).  So it lies inside
    a maximal run of consumable characters holding one of those, and the scan skips the
    rest of the text.  Returned unchanged when either set cannot be bounded."""
    try:
        tree = _parser.parse(rx.pattern, rx.flags)
        inside = _all(tree)
        needed = _required(tree)
        _check_edges(tree, inside)
    except _Unbounded:
        return rx
    if needed is None or not (needed[0] or needed[1]):
        return rx
    i, n = _class(*inside), _class(*needed)
    # A maximal run of `inside` holding a `needed` character.  The match may open only at a
    # run's first character (the lookbehind), so a run with no needed character costs one
    # pass and a backtrack, not one per position (a gate [i]*[n][i]* tried each position
    # of 20,000 x 到 again: quadratic); opening with the class lets sre skip to its characters.
    gate = re.compile(f"[{i}](?<![{i}].)(?:(?<=[{n}])|(?:(?![{n}])[{i}])*[{n}])[{i}]*", rx.flags)
    return Windowed(rx, gate)


class Windowed:
    """A pattern whose `finditer` runs only inside the runs `gate` finds (see `windowed`)."""

    def __init__(self, rx: re.Pattern[str], gate: re.Pattern[str]) -> None:
        self.rx = rx
        self.gate = gate
        self.pattern = rx.pattern
        self.groupindex = rx.groupindex

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for run in self.gate.finditer(text):
            # One character past the run: a lookahead at its end sees what it would in
            # the whole text (the patterns' lookaheads test one character past their
            # consumable ones; tests/test_regexguard.py holds the equality)
            yield from self.rx.finditer(text, run.start(), run.end() + 1)


Scanner = re.Pattern[str] | Windowed  # what windowed returns: both have finditer(text)


_SAFE_ANCHORS = {C.AT_BOUNDARY, C.AT_NON_BOUNDARY, C.AT_BEGINNING, C.AT_BEGINNING_STRING}


def _check_edges(seq, inside: _Chars, in_lookahead: bool = False) -> None:
    """Raise _Unbounded unless a scan that stops one character past a run of `inside`
    characters decides every lookahead as the whole text would: a lookahead may read
    past its run only in its last, one-character item, and no `$` may test the end."""
    for op, av in seq:
        if op is C.AT:
            if av not in _SAFE_ANCHORS or in_lookahead:
                raise _Unbounded
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, body = av
            if direction < 0:  # a lookbehind sees the text before the run as it is
                continue
            items = list(body)
            for item in items[:-1]:
                if not _within([item], inside):
                    raise _Unbounded
                _check_edges([item], inside, True)
            if items:
                last = _parser.SubPattern(body.state, [items[-1]])
                if last.getwidth()[1] > 1:
                    raise _Unbounded
                if _within(last, inside):  # it cannot read the character past the run
                    _check_edges(last, inside, True)
                else:
                    _no_lookarounds(last)
        else:
            for part in _parts(op, av):
                _check_edges(part, inside, in_lookahead)


def _within(seq, inside: _Chars) -> bool:
    try:
        chars, cats = _all(seq)
    except _Unbounded:
        return False
    return chars <= inside[0] and cats <= inside[1]


def _no_lookarounds(seq) -> None:
    for op, av in seq:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            raise _Unbounded
        for part in _parts(op, av):
            _no_lookarounds(part)


def _parts(op, av) -> list:
    """The sequences inside a branch, group, repeat or atomic group (none in a leaf)."""
    if op is C.BRANCH:
        return list(av[1])
    if op is C.SUBPATTERN:
        return [av[3]]
    if op in _REPEATS:
        return [av[2]]
    if hasattr(C, "ATOMIC_GROUP") and op is C.ATOMIC_GROUP:
        return [av]
    return []


def _required(seq) -> _Chars | None:
    """Characters every match of `seq` holds one of: the cheapest set among its
    mandatory items (later items win ties: closing markers, like %, come last)."""
    best = None
    for op, av in seq:
        need = _required_item(op, av)
        if need is not None and (best is None or _cost(need) <= _cost(best)):
            best = need
    return best


def _required_item(op, av) -> _Chars | None:
    if op is C.LITERAL or op is C.IN:
        try:
            return _chars(op, av)
        except _Unbounded:  # a negated class: no set to name
            return None
    if op is C.BRANCH:
        parts = [_required(alt) for alt in av[1]]
        return None if any(p is None for p in parts) else _union(parts)
    if op is C.SUBPATTERN:
        return _required(av[3])
    if op in _REPEATS:
        return _required(av[2]) if av[0] >= 1 else None
    if hasattr(C, "ATOMIC_GROUP") and op is C.ATOMIC_GROUP:
        return _required(av)
    return None  # zero-width, or what _all refuses


def _cost(chars: _Chars) -> int:
    return len(chars[0]) + 50 * len(chars[1])


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
