"""What the name tests share: one LAC tagger (its model loads once for the whole directory)."""

from __future__ import annotations

import pytest

from pipeline.ner import LacTagger


@pytest.fixture(scope="session")
def tagger() -> LacTagger:
    return LacTagger()
