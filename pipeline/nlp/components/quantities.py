"""Stage: MONEY, PERCENT and COUNT mentions with their values read.

The tokenizer already found them (it segments only the lines that hold one); a Doc
made another way is searched here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.extensions import quantities, text_of
from pipeline.numbers import find_quantities


@Language.component("hz_quantities")
def find_numbers(doc: Doc) -> Doc:
    found = doc.user_data.pop("hz_quantities", None)
    quantities(doc).extend(find_quantities(text_of(doc)) if found is None else found)
    return doc
