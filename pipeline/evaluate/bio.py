"""BIO tag sequences (MSRA, CLUENER-style corpora) -> labelled spans."""

from __future__ import annotations


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, label) of each entity in `tags` (B-X, I-X, O), end exclusive; an I-X
    that does not continue an X opens a new span."""
    spans, start, label = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                spans.add((start, i, label))
            start, label = (i, t[2:]) if t != "O" else (None, None)
    return spans
