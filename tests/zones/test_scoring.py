"""ZONE F on the seed page and the dev set, ratcheted at the measured figure minus 0.02."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
sys.path.insert(0, str(ROOT / "scripts"))

pytestmark = pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared not present")

# Measured with scripts/score_zones.py: seed F=1.000, dev F=1.000.
RATCHET = {"seed": 0.98, "dev": 0.98}


def test_seed_zone_f():
    from score_zones import score, seed_pairs
    pairs = seed_pairs(SHARED)
    assert len(pairs) == 8
    s = score(pairs)
    assert s["f"] >= RATCHET["seed"], s["errors"]


def test_dev_zone_f():
    from score_zones import dev_pairs, score
    pairs = dev_pairs(SHARED)
    assert len(pairs) == 20
    s = score(pairs)
    assert s["f"] >= RATCHET["dev"], s["errors"]
