"""A re-run skips unchanged articles; a killed run, run again, ends as if never stopped."""

import shutil

import pyarrow.parquet as pq
import pytest

from pipeline import run
from pipeline.tables import SCHEMAS
from tests.conftest import SAMPLE

REAL_ROWS_FOR = run.rows_for


def tables(out):
    return {t: pq.read_table(out / f"{t}.parquet").to_pylist() for t in SCHEMAS}


def counting(monkeypatch, fail_after=None):
    calls = {"n": 0}

    def rows_for(nlp_, article):
        calls["n"] += 1
        if fail_after is not None and calls["n"] > fail_after:
            raise RuntimeError("killed")
        return REAL_ROWS_FOR(nlp_, article)

    monkeypatch.setattr(run, "rows_for", rows_for)
    return calls


@pytest.fixture(scope="module")
def full(nlp, tmp_path_factory):
    out = tmp_path_factory.mktemp("full")
    summary = run.extract([SAMPLE], out, nlp, max_chars=300_000, progress=False, part_articles=4)
    return out, summary, tables(out)


def test_rerun_skips_unchanged_articles(nlp, full, tmp_path, monkeypatch):
    out, first, expected = full
    shutil.copytree(out, tmp_path / "out")
    calls = counting(monkeypatch)
    again = run.extract([SAMPLE], tmp_path / "out", nlp, max_chars=300_000, progress=False, part_articles=4)
    assert calls["n"] == 0
    assert again.reused == first.articles and again.line().startswith(first.line())
    assert tables(tmp_path / "out") == expected


def test_changed_article_is_the_only_one_annotated(nlp, full, tmp_path, monkeypatch):
    out, first, expected = full
    shutil.copytree(out, tmp_path / "out")
    shutil.copytree(SAMPLE, tmp_path / "raw")
    page = next(p for p in sorted((tmp_path / "raw").iterdir()) if p.suffix == ".txt")
    page.write_text(page.read_text(encoding="utf-8") + "\n# 新增一篇\n\n成都高新区今年新增企业12家。\n",
                    encoding="utf-8")
    calls = counting(monkeypatch)
    again = run.extract([tmp_path / "raw"], tmp_path / "out", nlp, max_chars=300_000, progress=False)
    assert calls["n"] == 1 and again.articles == first.articles + 1


def test_killed_run_resumes_without_duplicates_or_losses(nlp, full, tmp_path, monkeypatch):
    _, first, expected = full
    out = tmp_path / "out"
    calls = counting(monkeypatch, fail_after=9)
    # a kill loses the chunk in progress; one article per chunk, so the first nine count
    with pytest.raises(RuntimeError, match="killed"):
        run.extract([SAMPLE], out, nlp, max_chars=300_000, progress=False, part_articles=4, chunk_chars=1)
    assert not (out / "facts.parquet").exists()  # nothing published by the killed run

    calls = counting(monkeypatch)
    resumed = run.extract([SAMPLE], out, nlp, max_chars=300_000, progress=False, part_articles=4)
    assert resumed.reused == 8  # two complete parts of four articles survived the kill
    assert calls["n"] == first.articles - 8
    assert tables(out) == expected
    for t in ("entities", "facts"):
        rows = expected[t]
        assert len({tuple(sorted(r.items())) for r in rows}) == len(rows)


def test_no_reuse_annotates_everything(nlp, full, tmp_path, monkeypatch):
    out, first, expected = full
    shutil.copytree(out, tmp_path / "out")
    calls = counting(monkeypatch)
    run.extract([SAMPLE], tmp_path / "out", nlp, max_chars=300_000, progress=False, reuse=False)
    assert calls["n"] == first.articles
    assert tables(tmp_path / "out") == expected
