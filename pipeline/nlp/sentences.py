"""Sentence boundaries by punctuation and line breaks (news prose needs no model)."""

from __future__ import annotations

import re

# A sentence ends at 。！？ (and ASCII !?) plus any closing quotes or brackets right
# after them, or at a line break.  Semicolons do not end one: clauses joined by ；
# share their subject.
_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _END.finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        if end > start:
            spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
