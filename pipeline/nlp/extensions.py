"""Custom Doc attributes through which the stages hand results on.

Mentions keep their own character offsets: a zone inside one pkuseg token
(衡阳高新区 in 衡阳高新区管委会) is still its own mention, which token-aligned
doc.ents could not hold.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.ingest.article import Article
from pipeline.mentions import Mention, Quantity

_ATTRS = ("article", "mentions", "quantities", "facts", "sentences")


def register() -> None:
    for name in _ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def mentions(doc: Doc) -> list[Mention]:
    if doc._.mentions is None:
        doc._.mentions = []
    return doc._.mentions


def quantities(doc: Doc) -> list[Quantity]:
    if doc._.quantities is None:
        doc._.quantities = []
    return doc._.quantities


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: spaCy's Doc.text joins every token on each call,
    and the stages ask for it many times per document."""
    text = doc.user_data.get("hz_text")
    if text is None:
        text = doc.user_data["hz_text"] = doc.text
    return text


def article(doc: Doc) -> Article | None:
    return doc._.article


register()
