"""The way back from the simplified mirror to the article as written.

Offsets need nothing: the mirror has the original's length, position for position.
What the stages copied out of the mirror as text is taken from the original instead:
a mention's text (sliced at its offsets), a fact's surface and sentence (sliced), and
the words a stage chose (a subject's name, a metric, a role, an organisation), found
in the mirror near the number they belong to and sliced at the same place.  Norms and
ids stay simplified: they name the entity (a listed zone's canonical name), and one
company written in both scripts keeps one id.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.ingest.article import Article
from pipeline.script.detect import TRADITIONAL, script_of, to_simplified

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Mention attributes that hold words of the text (the rest are ids, norms, provinces).
_TEXT_ATTRS = ("role", "org", "display", "subject_of")
_FACT_WORDS = ("subject", "metric")


def mirror_article(article: Article) -> Article | None:
    """The article as the stages should see it: None when it is simplified already,
    else a copy with its text, title and authors in simplified characters (same id)."""
    if script_of(article.text) != TRADITIONAL:
        return None
    return replace(article, text=_mirror_text(article.text), title=to_simplified(article.title),
                   authors=[to_simplified(a) for a in article.authors], given_id=article.article_id)


# The mirrors of the last traditional texts: a chunk's texts are mirrored for LAC's
# batches (tag_ahead) and again when each article is annotated; converting costs
# about 1.5 us a character, a tenth of the stages' time.  Bounded in characters.
_MIRRORS: dict[str, str] = {}
_MIRRORS_MAX_CHARS = 1_000_000
_mirrors_chars = 0


def _mirror_text(text: str) -> str:
    global _mirrors_chars
    mirror = _MIRRORS.pop(text, None)
    if mirror is None:
        mirror = to_simplified(text)
        _mirrors_chars += len(text)
    _MIRRORS[text] = mirror  # the newest last
    while _mirrors_chars > _MIRRORS_MAX_CHARS and len(_MIRRORS) > 1:
        oldest = next(iter(_MIRRORS))
        del _MIRRORS[oldest]
        _mirrors_chars -= len(oldest)
    return mirror


class _Back:
    """Words of the mirror -> the same words as the original writes them."""

    def __init__(self, original: str, mirror: str) -> None:
        self.original, self.mirror = original, mirror
        self._chars: dict[str, str] | None = None

    def __call__(self, words: str | None, near: int = 0) -> str | None:
        if not words:
            return words
        at = self._nearest(words, near)
        if at is not None:
            return self.original[at:at + len(words)]
        # words a stage put together (a metric's words joined by spaces): character by
        # character, as this article writes each one
        if self._chars is None:
            self._chars = {m: o for m, o in zip(self.mirror, self.original) if m != o}
        return "".join(self._chars.get(c, c) for c in words)

    def _nearest(self, words: str, near: int) -> int | None:
        before = self.mirror.rfind(words, 0, near + len(words))
        after = self.mirror.find(words, near)
        found = [i for i in (before, after) if i >= 0]
        return min(found, key=lambda i: abs(i - near)) if found else None


def restore(doc: Doc, original: Article) -> None:
    """Give the Doc's mentions, quantities and facts the original's text (in place);
    `doc` was annotated from `mirror_article(original)`."""
    text = original.text
    back = _Back(text, doc._.article.text)
    if doc._.mentions:
        doc._.mentions = [
            replace(m, text=text[m.start:m.end],
                    attrs={k: back(v, m.start) if k in _TEXT_ATTRS and isinstance(v, str) else v
                           for k, v in m.attrs.items()})
            for m in doc._.mentions]
    if doc._.quantities:
        doc._.quantities = [replace(q, text=text[q.start:q.end]) for q in doc._.quantities]
    sentences = doc._.sentences or []
    starts = [s for s, _ in sentences]
    for fact in doc._.facts or []:
        start = fact["start"]
        fact["surface"] = text[start:fact["end"]]
        for key in _FACT_WORDS:
            fact[key] = back(fact.get(key), start)
        if sentences:
            s, e = sentences[max(0, bisect_right(starts, start) - 1)]
            fact["sentence"] = text[s:e] if back.mirror[s:e] == fact["sentence"] else back(fact["sentence"], s)
    doc._.article = original
