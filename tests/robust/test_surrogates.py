"""A lone surrogate in a JSON Lines record costs at most a counted problem row, never the batch."""

import json

import pyarrow.parquet as pq
import pytest

from pipeline.ingest import Article, Problem, iter_inputs
from pipeline.ingest.article import Article as ArticleRecord

OK = {"id": "ok", "title": "成都高新区", "text": "成都高新区新增企业12家。"}


def _write(path, records):
    # json.dumps escapes a lone surrogate as \ud800: valid JSON, a str Python cannot encode
    path.write_text("".join(json.dumps(r, ensure_ascii=True) + "\n" for r in records), encoding="utf-8")


@pytest.mark.parametrize("field", ["text", "title", "id", "date", "source"])
def test_a_lone_surrogate_in_any_field_is_replaced_and_recorded(tmp_path, field):
    bad = {"id": "bad", "title": "合肥高新区", "text": "合肥高新区新增企业8家。", "date": "2024-01-02", "source": "wire"}
    bad[field] = bad[field][:2] + "\ud800" + bad[field][2:]
    _write(tmp_path / "in.jsonl", [bad, OK])
    items = list(iter_inputs([tmp_path / "in.jsonl"]))
    arts = [i for i in items if isinstance(i, Article)]
    assert len(arts) == 2 and arts[1].article_id == "ok"
    art = arts[0]
    for value in (art.text, art.title, art.article_id, art.date or "", art.source):
        value.encode("utf-8")  # nothing left that cannot be written
    art.content_hash  # noqa: B018  (raised UnicodeEncodeError before)
    [problem] = [i for i in items if isinstance(i, Problem)]
    assert problem.line == 1 and field in problem.reason and "surrogate" in problem.reason
    if field == "date":
        assert art.date is None  # a date with a hole in it is no date
    else:
        assert "\ufffd" in getattr(art, {"id": "article_id"}.get(field, field))


def test_content_hash_and_id_never_raise():
    art = ArticleRecord(source="s", seq=0, title="t", text="x\udc80y")
    assert len(art.content_hash) == 40 and art.article_id.startswith("a")


def test_the_batch_writes_every_other_record(nlp, tmp_path):
    from pipeline.run import extract

    bad = dict(OK, id="bad\udfff", text="西安高新区\ud800新增企业320家。", title="\udc00标题")
    _write(tmp_path / "in.jsonl", [bad, OK])
    summary = extract([tmp_path / "in.jsonl"], tmp_path / "out", nlp, max_chars=300_000, progress=False)
    assert summary.articles == 2 and summary.problems == 1
    arts = pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()
    assert [a["article_id"] for a in arts] == ["bad\ufffd", "ok"]
    [err] = pq.read_table(tmp_path / "out" / "errors.parquet").to_pylist()
    assert "surrogate" in err["reason"]


def test_a_file_name_that_is_not_utf8_is_written(nlp, tmp_path):
    import os

    from pipeline.run import extract

    src = tmp_path / "in"
    src.mkdir()
    name = os.fsdecode(b"page-\xff.txt")  # a Linux file name of bytes: a lone surrogate in Python
    try:
        (src / name).write_text("# 标题\n\n成都高新区新增企业12家。\n", encoding="utf-8")
        (src / os.fsdecode(b"empty-\xfe.txt")).write_bytes(b"")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses non-UTF-8 names")
    summary = extract([src], tmp_path / "out", nlp, max_chars=300_000, progress=False)
    assert summary.articles == 1 and summary.problems == 1
    [art] = pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()
    assert art["source"] == "page-\ufffd.txt"
    [err] = pq.read_table(tmp_path / "out" / "errors.parquet").to_pylist()
    assert err["file"].endswith("empty-\ufffd.txt")


def test_the_writer_mends_a_surrogate_that_got_past_ingest(tmp_path):
    from pipeline.tables import OutputWriter

    with OutputWriter(tmp_path) as w:
        w.add("errors", [{"file": "f\udc80.txt", "line": None, "article": None, "reason": "x"}])
    [row] = pq.read_table(tmp_path / "errors.parquet").to_pylist()
    assert row["file"] == "f\ufffd.txt"
