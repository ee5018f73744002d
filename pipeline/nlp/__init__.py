"""The spaCy pipeline: zh tokenizer (LAC or pkuseg words), then every extraction stage in order."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from pipeline.nlp import components  # noqa: F401  (registers the factories)
from pipeline.nlp import extensions  # noqa: F401  (registers Doc attributes)
from pipeline.nlp.tokenizer import blank_zh

STAGES = ("hz_sentences", "hz_zones", "hz_orgs_people", "hz_bylines", "hz_link", "hz_quantities", "hz_dates", "hz_facts")


def load_pipeline(pkuseg_model: Path | None = None, *, exclude: tuple[str, ...] = (),
                  segmenter: str | None = None) -> Language:
    """Build the pipeline; `nlp.pipe_names` lists the stages in order.  ``segmenter``
    ("lac" or "pkuseg", default HITECH_SEGMENTER else "lac"): see pipeline.nlp.tokenizer."""
    nlp = blank_zh(pkuseg_model, segmenter)
    for name in STAGES:
        if name not in exclude:
            nlp.add_pipe(name)
    return nlp


__all__ = ["STAGES", "load_pipeline"]
