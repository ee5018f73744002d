"""The shared LAC tagger, and LAC's reading of a word by itself (its tags with no context), which
several rules ask of a name and which is remembered across articles."""

from __future__ import annotations

from typing import Callable, Sequence

from .lac import LacTagger


_TAGGER: LacTagger | None = None


def default_tagger() -> LacTagger:
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = LacTagger()
    return _TAGGER


_ALONE: dict[str, str] = {}
_ALONE_TAGS: dict[str, tuple[str, ...]] = {}


def _alone(tagger: LacTagger | None, words: Sequence[str] = ()):
    """LAC's tag of a word read by itself ("" for more than one word), remembered across
    articles; ``words`` are tagged at once, in one batch, ahead of the questions."""
    todo = sorted({w for w in words if w not in _ALONE})
    if todo:
        for w, k in zip(todo, (tagger or default_tagger()).tag_aside(todo)):
            _ALONE[w] = k[0][2] if len(k) == 1 else ""
            _ALONE_TAGS[w] = tuple(t[2] for t in k)

    def tag(w: str) -> str:
        if w not in _ALONE:
            _alone(tagger, [w])
        return _ALONE[w]
    return tag


def _alone_tags(tagger: LacTagger | None) -> Callable[[str], tuple[str, ...]]:
    """LAC's tags of a text read by itself, one a word."""
    def tags(w: str) -> tuple[str, ...]:
        if w not in _ALONE_TAGS:
            _alone(tagger, [w])
        return _ALONE_TAGS[w]
    return tags
