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
ARTICLES = {"seed": 8, "dev": 20}


@pytest.mark.parametrize("name", ["seed", "dev"])
def test_zone_f(name):
    from score_zones import score_set

    report = score_set(SHARED, name)
    assert report.unmatched_gold == []
    assert report.labels["ZONE"].tp + report.labels["ZONE"].fn > 0
    assert report.labels["ZONE"].f >= RATCHET[name], report.errors
