"""The Chinese tokenizer: spaCy's zh language with the pkuseg segmenter.

spacy-pkuseg would fetch its model from a hub; we point it at the copy that
`make setup` took from the pkuseg source distribution (scripts/fetch_pkuseg_model.py).

Segmentation is the second most expensive stage, and only the facts stage reads
tokens, in the clause around a number.  So the tokenizer first finds the numbers
(they need no tokens), segments with pkuseg only the lines that hold one, and
leaves other lines as single characters.  pkuseg cuts each whitespace-separated
piece on its own, so a segmented line gets exactly the tokens it would get in a
fully segmented document.  The numbers found are kept on the Doc for the
quantities stage, which then does not search again.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import spacy
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.numbers import find_quantities

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = ROOT / "models" / "pkuseg-default"
_LINE = re.compile(r"[^\n]*\n?")


def pkuseg_model_dir() -> Path:
    path = Path(os.environ.get("HITECH_PKUSEG_MODEL", DEFAULT_MODEL))
    if not (path / "weights.npz").exists():
        raise FileNotFoundError(
            f"pkuseg model not found in {path}: run `make setup` "
            "(or set HITECH_PKUSEG_MODEL to a folder with features.pkl and weights.npz)")
    return path


class NumberLineTokenizer:
    """pkuseg on the lines that hold a MONEY/PERCENT/COUNT, characters elsewhere."""

    def __init__(self, base) -> None:  # base: spacy.lang.zh.ChineseTokenizer, initialised
        self.base = base
        self.vocab = base.vocab

    def __call__(self, text: str) -> Doc:
        found = find_quantities(text)
        starts = sorted(q.start for q in found)
        words: list[str] = []
        pos, k = 0, 0
        for m in _LINE.finditer(text):
            line = m.group()
            if not line:
                break
            end = pos + len(line)
            while k < len(starts) and starts[k] < pos:
                k += 1
            if k < len(starts) and starts[k] < end:
                words.extend(w for w in self.base.pkuseg_seg.cut(line) if w)
            else:
                words.extend(ch for ch in line if not ch.isspace())
            pos = end
        words, spaces = util.get_words_and_spaces(words, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["hz_quantities"] = found
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
