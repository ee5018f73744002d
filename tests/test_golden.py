"""The pipeline over data/raw must give exactly the rows in tests/golden (`make golden`)."""

import json

import pytest

from tests.golden.regenerate import GOLDEN, TABLES, table_rows


@pytest.mark.parametrize("table", list(TABLES))
def test_sample_matches_golden(sample_run, table):
    out, _ = sample_run
    path = GOLDEN / f"{table}.jsonl"
    expected = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    got = [json.loads(json.dumps(r, ensure_ascii=False)) for r in table_rows(out, table)]
    missing = [r for r in expected if r not in got]
    extra = [r for r in got if r not in expected]
    assert not missing and not extra, (
        f"{table}: {len(missing)} golden rows missing, {len(extra)} new rows "
        f"(run `make golden` and read the diff)\nmissing: {missing[:5]}\nextra: {extra[:5]}")
