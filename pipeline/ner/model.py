"""The trained name model: ZONE, ORG and PERSON spans from spaCy's `ner` over characters.

Trained by `make train` (scripts/train_ner.py, configs/ner_char.cfg); the shipped copy
is pipeline/ner/model/ (model card: pipeline/ner/model/README.md).  It runs on its own
character Docs (pipeline.ner.chardoc), so its spans are character offsets into the
article text whatever the pipeline's words are.  Loaded from disk only: nothing is
fetched at run time.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pipeline.ner.chardoc import char_doc, pieces
from pipeline.textnorm import to_halfwidth

SHIPPED = Path(__file__).resolve().parent / "model"


def model_dir() -> Path:
    return Path(os.environ.get("HITECH_NER_MODEL", SHIPPED))


class NameModel:
    def __init__(self, path: Path | str | None = None) -> None:
        import spacy

        self.path = Path(path) if path else model_dir()
        if not (self.path / "meta.json").exists():
            raise FileNotFoundError(f"name model not found in {self.path}: run `make train` "
                                    "or set HITECH_NER_MODEL to a trained model folder")
        self.nlp = spacy.load(self.path)
        self.version = self.nlp.meta.get("version", "0")

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        return self.spans_many([text])[0]

    def spans_many(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """(start, end, label) per text, offsets into the text as given."""
        docs, where = [], []
        for i, text in enumerate(texts):
            h = to_halfwidth(text)
            for s, e in pieces(h):
                docs.append(char_doc(self.nlp.vocab, h[s:e]))
                where.append((i, s))
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        for doc, (i, off) in zip(self.nlp.pipe(docs, batch_size=256), where):
            out[i].extend((off + e.start, off + e.end, e.label_) for e in doc.ents)
        return out


_MODEL: NameModel | None = None


def default_model() -> NameModel:
    global _MODEL
    if _MODEL is None:
        _MODEL = NameModel()
    return _MODEL
