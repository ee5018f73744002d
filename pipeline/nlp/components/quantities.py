"""Stage: MONEY, PERCENT and COUNT mentions with their values read."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.extensions import quantities
from pipeline.numbers import find_quantities


@Language.component("hz_quantities")
def find_numbers(doc: Doc) -> Doc:
    quantities(doc).extend(find_quantities(doc.text))
    return doc
