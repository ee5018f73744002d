"""Stage: group mentions of one zone or organisation and give them one entity id."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.link import link_mentions
from pipeline.nlp.extensions import mentions, text_of


@Language.component("hz_link")
def link_entities(doc: Doc) -> Doc:
    doc._.mentions = link_mentions(mentions(doc), text_of(doc))
    return doc
