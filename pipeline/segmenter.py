"""Which segmenter makes the Doc's words, decided without loading spaCy or a model.

The batch runner records it in the tables' metadata before the pipeline loads
(pipeline.run), and the tokenizer builds on it (pipeline.nlp.tokenizer).
"""

from __future__ import annotations

import os

SEGMENTERS = ("lac", "pkuseg")


def default_segmenter() -> str:
    """HITECH_SEGMENTER, else "lac"."""
    name = os.environ.get("HITECH_SEGMENTER", "lac")
    if name not in SEGMENTERS:
        raise ValueError(f"HITECH_SEGMENTER={name!r}: choose one of {', '.join(SEGMENTERS)}")
    return name
