"""Stage: sentence boundaries, as char spans on doc._.sentences.

Token-level sentence starts are not set: no stage reads them, and setting them one
token at a time cost a tenth of the run time (measured by scripts/bench.py).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.extensions import text_of
from pipeline.nlp.sentences import sentence_spans


@Language.component("hz_sentences")
def mark_sentences(doc: Doc) -> Doc:
    found = doc.user_data.pop("hz_sentences", None)
    doc._.sentences = sentence_spans(text_of(doc)) if found is None else found
    return doc
