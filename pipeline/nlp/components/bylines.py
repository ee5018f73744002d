"""Stage: reporter and byline names as PERSON mentions (ingest found the lines)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.ingest.page import byline_names
from pipeline.mentions import Mention
from pipeline.nlp.extensions import mentions, text_of


@Language.component("hz_bylines")
def byline_people(doc: Doc) -> Doc:
    article = doc._.article
    if article is None:
        return doc
    found = mentions(doc)
    for block in article.blocks:
        if block.kind not in ("reporter", "byline"):
            continue
        line = text_of(doc)[block.start:block.end]
        pos = 0
        for name in byline_names(line):
            at = line.find(name, pos)
            if at < 0:
                continue
            pos = at + len(name)
            start = block.start + at
            found.append(Mention("PERSON", start, start + len(name), name, "byline", norm=name))
    return doc
