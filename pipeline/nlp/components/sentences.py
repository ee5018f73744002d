"""Stage: sentence boundaries, as char spans on doc._.sentences and token sent starts."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.sentences import sentence_spans


@Language.component("hz_sentences")
def mark_sentences(doc: Doc) -> Doc:
    spans = sentence_spans(doc.text)
    doc._.sentences = spans
    starts = {s for s, _ in spans}
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or tok.idx in starts
    return doc
