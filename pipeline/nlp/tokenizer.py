"""The Chinese tokenizer: spaCy's zh language with the pkuseg segmenter.

spacy-pkuseg would fetch its model from a hub; we point it at the copy that
`make setup` took from the pkuseg source distribution (scripts/fetch_pkuseg_model.py).

Segmentation is the second most expensive stage, and only the facts stage reads
tokens, in the clauses of a number's own sentence.  So the tokenizer first finds the
numbers (they need no tokens), segments with pkuseg only the sentences that hold one
(a quarter of news text), and leaves the rest as single characters.  The numbers and
the sentence spans are kept on the Doc for the stages that would otherwise search
again.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import spacy
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.sentences import sentence_spans
from pipeline.numbers import find_quantities

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = ROOT / "models" / "pkuseg-default"


def pkuseg_model_dir() -> Path:
    path = Path(os.environ.get("HITECH_PKUSEG_MODEL", DEFAULT_MODEL))
    if not (path / "weights.npz").exists():
        raise FileNotFoundError(
            f"pkuseg model not found in {path}: run `make setup` "
            "(or set HITECH_PKUSEG_MODEL to a folder with features.pkl and weights.npz)")
    return path


class NumberLineTokenizer:
    """pkuseg on the sentences that hold a MONEY/PERCENT/COUNT, characters elsewhere."""

    def __init__(self, base) -> None:  # base: spacy.lang.zh.ChineseTokenizer, initialised
        self.base = base
        self.vocab = base.vocab

    def __call__(self, text: str) -> Doc:
        found = find_quantities(text)
        starts = sorted(q.start for q in found)
        sentences = sentence_spans(text)
        words: list[str] = []
        pos, k = 0, 0
        for s, e in sentences:
            words.extend(ch for ch in text[pos:s] if not ch.isspace())
            while k < len(starts) and starts[k] < s:
                k += 1
            if k < len(starts) and starts[k] < e:
                words.extend(w for w in self.base.pkuseg_seg.cut(text[s:e]) if w)
            else:
                words.extend(ch for ch in text[s:e] if not ch.isspace())
            pos = e
        words.extend(ch for ch in text[pos:] if not ch.isspace())
        words, spaces = util.get_words_and_spaces(words, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["hz_quantities"] = found
        doc.user_data["hz_sentences"] = sentences
        doc.user_data["hz_text"] = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy calls these when a pipeline is saved or loaded; the model stays where it is
    def to_bytes(self, **kwargs) -> bytes:
        return self.base.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs):
        self.base.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs) -> None:
        self.base.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.base.from_disk(path, **kwargs)
        return self


def blank_zh(model_dir: Path | None = None) -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    # spacy-pkuseg prints a notice when it falls back from msgpack to pickle features
    with contextlib.redirect_stderr(io.StringIO()):
        nlp.tokenizer.initialize(pkuseg_model=str(model_dir or pkuseg_model_dir()), pkuseg_user_dict="default")
    nlp.tokenizer = NumberLineTokenizer(nlp.tokenizer)
    return nlp
