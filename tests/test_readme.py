"""The README's Python and SQL examples run as written on the sample output, and the
DuckDB join on ids gives one row per counted fact (no fan-out)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pyarrow.parquet as pq

README = Path(__file__).resolve().parents[1] / "README.md"


def _blocks(lang: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    return [b for b in re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S) if "data/out" in b]


def test_python_examples_run(sample_run):
    out, _ = sample_run
    blocks = _blocks("python")
    assert blocks
    for block in blocks:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(block.replace("data/out", str(out)), "README.md", "exec"), {})  # noqa: S102
        assert "CNY" in buf.getvalue()


def test_sql_examples_run_without_fan_out(sample_run):
    import duckdb

    out, _ = sample_run
    blocks = _blocks("sql")
    assert len(blocks) >= 2
    results = [duckdb.sql(b.replace("data/out", str(out))).fetchall() for b in blocks]
    assert all(results)
    n_facts = sum(pq.read_table(out / "zone_metrics.parquet", columns=["n_facts"]).column(0).to_pylist())
    assert len(results[0]) == n_facts
    assert len(results[1]) == pq.read_metadata(out / "roles.parquet").num_rows
