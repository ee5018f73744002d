"""Bad input never crashes the batch: each problem is a row of errors.parquet."""

import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import Article, Problem, iter_inputs

GOOD_PAGE = "# 西安高新区新增企业\n\n本报讯 西安高新区今年新增高新技术企业320家,同比增长15%。\n\n刘洋\n"


def _problems(items):
    return [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n \n", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("junk.md", bytes([0x80, 0xFF, 0xFE, 0x81, 0x30, 0xFF] * 40), "undecodable"),
])
def test_unreadable_files_become_problems(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    [problem] = _problems(iter_inputs([tmp_path / name]))
    assert reason in problem.reason
    assert problem.file.endswith(name)


def test_bad_jsonl_lines_are_counted_and_the_rest_read(tmp_path):
    lines = [
        json.dumps({"id": "ok-1", "title": "成都高新区签约", "text": "成都高新区签约项目12个。"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "no-text", "title": "只有标题"}, ensure_ascii=False),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps([1, 2, 3]),
        json.dumps({"title": "没有编号", "text": "苏州工业园区新增企业5家。"}, ensure_ascii=False),
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([path]))
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.article_id for a in arts][0] == "ok-1"
    assert arts[1].article_id.startswith("a") and len(arts) == 2
    problems = _problems(items)
    assert [(p.line, p.reason.split(":")[0]) for p in problems] == [
        (2, "not JSON"), (3, "no text"), (4, "no text"), (5, "JSON line is not an object")]


def test_article_over_the_limit_is_skipped_and_recorded(tmp_path):
    big = "# 超长文章\n\n" + ("高新区企业持续加大研发投入。" * 75_000) + "\n"  # about 1 MB of text
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    [problem] = _problems(iter_inputs([tmp_path / "big.txt"], max_chars=300_000))
    assert "over the limit" in problem.reason and problem.article


def test_page_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    from pipeline.ingest import sources

    monkeypatch.setattr(sources, "MAX_PAGE_BYTES", 100)
    (tmp_path / "big.txt").write_text("# 标题\n\n" + "高新区企业增长。" * 20, encoding="utf-8")
    (tmp_path / "small.txt").write_text("# 标题\n\n成都高新区新增企业12家。", encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    [problem] = [i for i in items if isinstance(i, Problem)]
    assert problem.file.endswith("big.txt") and "over the limit" in problem.reason
    assert [a.title for a in items if isinstance(a, Article)] == ["标题"]


def test_file_that_disappears_mid_run(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD_PAGE.replace("320", "321"), encoding="utf-8")
    items = iter_inputs([tmp_path])
    first = next(items)
    assert isinstance(first, Article)
    (tmp_path / "b.txt").unlink()
    [problem] = _problems(items)
    assert problem.file.endswith("b.txt") and "cannot read" in problem.reason


def test_missing_input_path_is_a_problem(tmp_path):
    [problem] = _problems(iter_inputs([tmp_path / "nope.txt"]))
    assert "no such file" in problem.reason


def test_batch_carries_on_and_writes_errors_table(nlp, tmp_path):
    from pipeline.run import extract

    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD_PAGE, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "image.md").write_bytes(b"\x00\x01\x02" * 100)
    (src / "bad.jsonl").write_text('{"id": 1\n', encoding="utf-8")
    summary = extract([src], tmp_path / "out", nlp, max_chars=300_000, progress=False)
    assert summary.articles == 1 and summary.problems == 3
    errors = pq.read_table(tmp_path / "out" / "errors.parquet").to_pylist()
    assert sorted(e["file"].rsplit("/", 1)[-1] for e in errors) == ["bad.jsonl", "empty.txt", "image.md"]
    assert pq.read_table(tmp_path / "out" / "facts.parquet").num_rows >= 1


def test_cli_exit_code_and_summary(nlp, tmp_path, monkeypatch):
    import pipeline.nlp

    monkeypatch.setattr(pipeline.nlp, "load_pipeline", lambda: nlp)
    runner = CliRunner()
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o1")])
    assert result.exit_code == 1
    assert "0 articles" in result.output and "1 problems" in result.output

    (tmp_path / "good.txt").write_text(GOOD_PAGE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "good.txt"), "--out", str(tmp_path / "o2")])
    assert result.exit_code == 0, result.output
    assert "1 sources, 1 articles" in result.output


def test_cli_help_stands_on_its_own():
    result = CliRunner().invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "JSON Lines" in result.output and "--out" in result.output


def test_an_undecodable_jsonl_line_costs_that_line_only(tmp_path):
    good = json.dumps({"id": "ok", "title": "合肥高新区", "text": "合肥高新区新增企业8家。"}, ensure_ascii=False)
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(good.encode("utf-8") + b"\n" + b'{"id": "bad", "text": "\xff\xfe\x80"}\n' + good.replace('"ok"', '"ok2"').encode("utf-8") + b"\n")
    items = list(iter_inputs([path]))
    assert [i.article_id for i in items if isinstance(i, Article)] == ["ok", "ok2"]
    [problem] = _problems(items)
    assert problem.line == 2 and "undecodable" in problem.reason


def test_jsonl_with_utf16_bom_is_read(tmp_path):
    good = json.dumps({"id": "u16", "title": "成都高新区", "text": "成都高新区新增企业8家。"}, ensure_ascii=False)
    (tmp_path / "u16.jsonl").write_bytes((good + "\n").encode("utf-16"))
    [art] = list(iter_inputs([tmp_path / "u16.jsonl"]))
    assert art.article_id == "u16"


def test_a_tagger_failure_costs_that_article_only(nlp, tmp_path, monkeypatch):
    """LAC runs in the tokenizer: an error there is the article's, recorded, not the batch's."""
    from pipeline.run import extract

    tagger = nlp.tokenizer.tagger
    tag_many = tagger.tag_many

    def fragile(texts):
        if any("故障" in t for t in texts):
            raise RuntimeError("tagger broke")
        return tag_many(texts)

    monkeypatch.setattr(tagger, "tag_many", fragile)
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "ok", "title": "园区动态", "text": "青峰高新区新增企业12家。"}\n'
                   '{"id": "bad", "title": "设备故障", "text": "设备故障导致停产两天。"}\n', encoding="utf-8")
    summary = extract([src], tmp_path / "out", nlp, max_chars=300_000, progress=False, workers=1)
    assert summary.articles == 1 and summary.problems == 1
    errors = pq.read_table(tmp_path / "out" / "errors.parquet").to_pylist()
    assert errors[0]["article_id"] == "bad" and "tokenizer failed" in errors[0]["reason"]
