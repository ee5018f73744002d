"""One compiled regex for many literal words (for short windows: the suffix rules'
lexicon; long texts are faster with pipeline.zones.words.WordSet).

Python's ``re`` tries the branches of a plain alternation one after another at every
position, which is slow with thousands of names.  Folding the words into a trie first
gives a pattern whose branches share their prefixes, so a position is rejected after one
character test in the usual case.  Children are tried before the end of a word, so a
match at a given start is the longest word there.
"""

from __future__ import annotations

import re
from typing import Iterable


def _pattern(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return ("(?:" + body + ")?") if len(branches) == 1 and len(body) > 1 else body + "?"
    return body


def trie_regex(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of ``words``, longest first at each start."""
    root: dict = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not root:
        return re.compile(r"(?!x)x")
    return re.compile(_pattern(root))
