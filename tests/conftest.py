"""Shared fixtures: the pipeline is loaded once per test session (loading takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "ANNOTATION.md").exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def sample_run(nlp, tmp_path_factory):
    """The pipeline over data/raw once; tests read its tables."""
    from pipeline.run import extract

    out = tmp_path_factory.mktemp("sample_out")
    summary = extract([SAMPLE], out, nlp, max_chars=300_000, progress=False)
    return out, summary
