"""Data tests over the sample output: keys, nulls, accepted values, ranges, offsets, references;
and the data dictionary (docs/tables.md) kept in step with the schemas."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from pipeline.tables import SCHEMAS, read_table
from pipeline.tables.dictionary import DOC_PATH, TABLES, column_doc, render


def _rows(out, table):
    return pq.read_table(out / f"{table}.parquet").to_pylist()


def test_every_column_is_described():
    for table, schema in SCHEMAS.items():
        assert table in TABLES, table
        for f in schema:
            desc, _ = column_doc(table, f.name)
            assert desc, (table, f.name)
        assert set(TABLES[table]["key"]) <= set(schema.names) | set(TABLES[table]["columns"])


def test_committed_dictionary_is_current():
    assert DOC_PATH.read_text(encoding="utf-8") == render(), "docs/tables.md is stale: run `make docs`"


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_descriptions_in_field_metadata(sample_run, table):
    out, _ = sample_run
    schema = pq.read_schema(out / f"{table}.parquet")
    for f in schema:
        assert f.metadata and f.metadata[b"description"], (table, f.name)


@pytest.mark.parametrize("table", [t for t in SCHEMAS if TABLES[t]["key"]])
def test_keys_unique(sample_run, table):
    out, _ = sample_run
    rows = _rows(out, table)
    key = [k for k in TABLES[table]["key"] if k in SCHEMAS[table].names]
    keys = [tuple(r[k] for k in key) for r in rows]
    assert len(keys) == len(set(keys)), f"{table}: duplicate {key}"


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_not_null_and_accepted_values(sample_run, table):
    out, _ = sample_run
    rows = _rows(out, table)
    for f in SCHEMAS[table]:
        values = [r[f.name] for r in rows]
        if not f.nullable:
            assert None not in values, (table, f.name)
        _, allowed = column_doc(table, f.name)
        if allowed:
            assert set(values) - {None} <= set(allowed), (table, f.name, set(values) - set(allowed))


def test_ranges_and_offsets(sample_run):
    out, _ = sample_run
    texts = {r["article_id"]: r["text"] for r in _rows(out, "articles")}
    for f in _rows(out, "facts"):
        assert f["value_high"] is None or f["value_high"] >= f["value"], f
        assert texts[f["article_id"]][f["start"]:f["end"]] == f["surface"]
    ents = _rows(out, "entities")
    for e in ents:
        assert texts[e["article_id"]][e["start"]:e["end"]] == e["text"]
    roles = _rows(out, "roles")
    assert roles
    for r in roles:
        text = texts[r["article_id"]]
        assert r["role"] is None or text[r["start"]:r["end"]] == r["role"]
        assert text[r["person_start"]:r["person_end"]] == r["person"]
    # facts.sentence_index counts sentences as entities.sentence does
    sent = {(e["article_id"], e["start"], e["end"]): e["sentence"] for e in ents}
    for f in _rows(out, "facts"):
        assert sent[(f["article_id"], f["start"], f["end"])] == f["sentence_index"]


def test_references(sample_run):
    out, _ = sample_run
    articles = {r["article_id"] for r in _rows(out, "articles")}
    zones = {r["zone_id"]: r for r in _rows(out, "zones")}
    for table in ("entities", "facts", "roles"):
        assert {r["article_id"] for r in _rows(out, table)} <= articles, table
    assert {e["zone_id"] for e in _rows(out, "entities")} - {None} <= set(zones)
    assert {z["parent_zone_id"] for z in zones.values()} - {None} <= set(zones)
    for m in _rows(out, "zone_metrics"):
        assert m["zone_id"] in zones and set(m["article_ids"]) <= articles


def test_errors_line_reads_back_as_integer(nlp, tmp_path):
    from pipeline.run import extract

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "w.jsonl").write_text('{"id": "x", "title": "t", "text": "合肥高新区新增企业12家。"}\nnot json\n',
                                            encoding="utf-8")
    extract([tmp_path / "in"], tmp_path / "out", nlp, max_chars=10_000, progress=False)
    errors = read_table(tmp_path / "out", "errors")
    assert list(errors.line) == [2] and str(errors.line.dtype) == "Int32"
    assert list(errors.file) == ["w.jsonl"]
