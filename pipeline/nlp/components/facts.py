"""Stage: one fact per number, with subject, metric and period (pipeline.facts)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.facts import build_facts
from pipeline.nlp.extensions import text_of


@Language.component("hz_facts")
def attach_facts(doc: Doc) -> Doc:
    doc._.facts = build_facts(doc, text_of(doc))
    return doc
