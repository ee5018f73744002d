"""The Chinese tokenizer: spaCy's zh language with the pkuseg segmenter.

spacy-pkuseg would fetch its model from a hub; we point it at the copy that
`make setup` took from the pkuseg source distribution (scripts/fetch_pkuseg_model.py).
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import spacy
from spacy.language import Language

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = ROOT / "models" / "pkuseg-default"


def pkuseg_model_dir() -> Path:
    path = Path(os.environ.get("HITECH_PKUSEG_MODEL", DEFAULT_MODEL))
    if not (path / "weights.npz").exists():
        raise FileNotFoundError(
            f"pkuseg model not found in {path}: run `make setup` "
            "(or set HITECH_PKUSEG_MODEL to a folder with features.pkl and weights.npz)")
    return path


def blank_zh(model_dir: Path | None = None) -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    # spacy-pkuseg prints a notice when it falls back from msgpack to pickle features
    with contextlib.redirect_stderr(io.StringIO()):
        nlp.tokenizer.initialize(pkuseg_model=str(model_dir or pkuseg_model_dir()), pkuseg_user_dict="default")
    return nlp
