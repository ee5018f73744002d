"""Ratchet on the shared seed and dev gold: skipped when /work/shared is absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

pytestmark = pytest.mark.skipif(not (SHARED / "dev" / "dev_gold.json").exists(), reason="no shared gold")

# measured figure minus 0.02
FLOORS = {
    ("seed", "ORG"): 0.87,
    ("seed", "PERSON"): 0.98,
    ("dev", "ORG"): 0.84,
    ("dev", "PERSON"): 0.98,
}


def test_scores_do_not_regress() -> None:
    import score_ner
    from pipeline.ner import LacTagger

    tagger = LacTagger()
    got = {}
    for name in ("seed", "dev"):
        for label, prf in score_ner.score_set(SHARED, name, tagger).labels.items():
            got[(name, label)] = prf.f
    for key, floor in FLOORS.items():
        assert got[key] >= floor, (key, got[key], floor)
