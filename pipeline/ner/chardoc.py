"""Character Docs for the trained name model (pipeline.ner.model).

The model reads one token per character, not LAC's words: LAC's word edges are where
the rules lose names (在园区建立XX产业园 -> 区建立XX产业园: the name starts inside a
word), and a character model can start a name anywhere.  Its Doc is its own, built
from the half-width text, so a span's token offsets are character offsets into the
article text (pipeline.textnorm keeps every offset).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab

LABELS = ("ZONE", "ORG", "PERSON")
# Pieces longer than this are cut at the last sentence mark or comma before it: the
# parser's state is per Doc, and short Docs batch evenly
MAX_PIECE = 300
_BREAKS = "\n。！？!?；;"


def char_doc(vocab: Vocab, text: str) -> Doc:
    """One token per character, no spaces between: doc[i] is text[i].  Each token's
    LEMMA is its character bigram (the character and the next; the last one's is the
    character and "\\0"): a model whose config embeds LEMMA (configs/ner_char_bigram.cfg)
    sees word-like pairs, which a character alone does not give; other models ignore
    it (about 2 microseconds a character)."""
    chars = list(text)
    return Doc(vocab, words=chars, spaces=[False] * len(chars),
               lemmas=[a + b for a, b in zip(chars, chars[1:] + ["\0"])] if chars else None)


def pieces(text: str, max_len: int = MAX_PIECE) -> Iterator[tuple[int, int]]:
    """(start, end) of the sentence pieces of ``text``: each ends after a line break or
    a sentence mark; one longer than max_len is cut after its last comma (else at
    max_len).  Whitespace-only pieces are skipped."""
    start, n = 0, len(text)
    while start < n:
        end = start
        while end < n and end - start < max_len:
            end += 1
            if text[end - 1] in _BREAKS:
                break
        if end - start >= max_len and text[end - 1] not in _BREAKS:
            k = max(text.rfind("，", start, end), text.rfind(",", start, end), text.rfind("、", start, end))
            if k > start:
                end = k + 1
        if text[start:end].strip():
            yield start, end
        start = end
