"""Stage: DATE mentions, which give facts their period."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.dates import find_dates
from pipeline.nlp.extensions import mentions, text_of


@Language.component("hz_dates")
def find_date_mentions(doc: Doc) -> Doc:
    mentions(doc).extend(find_dates(text_of(doc)))
    return doc
