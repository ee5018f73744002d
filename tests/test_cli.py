"""The CLI's output: problems listed, help text whole, --date, sources counted once."""

from __future__ import annotations

import pyarrow.parquet as pq
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.run import extract


def test_help_keeps_square_brackets():
    result = CliRunner().invoke(app, ["extract", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "[default: lac]" in result.output
    assert "dask[distributed]" in result.output


def test_problems_are_listed_with_the_count_of_the_rest(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "table.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "in" / "bad.jsonl").write_text("not json\n[1]\n{\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), str(tmp_path / "gone.txt"),
                                      "--out", str(tmp_path / "out"), "--show-problems", "4", "--no-progress"])
    assert result.exit_code == 1  # no article could be processed
    out = result.output
    assert "5 problems" in out and " s\n" in out.split("problems", 1)[1]  # elapsed time
    assert "table.csv: not an input file type (.csv)" in out
    assert "bad.jsonl:1: not JSON" in out
    assert "and 1 more problem in" in out
    errors = pq.read_table(tmp_path / "out" / "errors.parquet").to_pylist()
    assert {e["file"] for e in errors} == {"table.csv", "bad.jsonl", "gone.txt"}


def test_date_for_undated_inputs_and_sources_counted_once(nlp, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "w.jsonl").write_text(
        '{"id": "a", "title": "t", "text": "今年合肥高新区新增企业12家。"}\nnot json\n'
        '{"id": "b", "title": "t", "text": "今年新增企业9家。", "date": "2020-03-01"}\n', encoding="utf-8")
    (tmp_path / "in" / ".hidden.csv").write_text("x", encoding="utf-8")
    summary = extract([tmp_path / "in"], tmp_path / "out", nlp, max_chars=10_000, progress=False,
                      date="2023-06-30")
    assert len(summary.files) == 1 and summary.problems == 1
    dates = {r["article_id"]: r["date"] for r in pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()}
    assert dates == {"a": "2023-06-30", "b": "2020-03-01"}
    periods = {r["article_id"]: r["period"] for r in pq.read_table(tmp_path / "out" / "facts.parquet").to_pylist()}
    assert periods["a"] == "2023" and periods["b"] == "2020"
