"""Workers change the speed, never the tables."""

import pyarrow.parquet as pq
import pytest

from pipeline.parallel import Job, in_order
from pipeline.tables import SCHEMAS
from tests.conftest import SAMPLE


def tables(out):
    return {t: pq.read_table(out / f"{t}.parquet").to_pylist() for t in SCHEMAS}


def test_in_order_keeps_the_order_and_passes_items_through():
    jobs = [Job(i, article=None) for i in range(5)]
    got = list(in_order(jobs, workers=1, local=lambda arts: ([], {}), on_seconds=lambda s: None))
    assert [j.item for j, _ in got] == list(range(5)) and all(o is None for _, o in got)


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_two_workers_write_the_same_tables_as_one(nlp, tmp_path, monkeypatch, start):
    from pipeline.run import extract

    one = extract([SAMPLE], tmp_path / "one", nlp, max_chars=300_000, progress=False, workers=1)
    # fork (Linux): workers forked from this process and its loaded pipeline;
    # spawn (elsewhere): each worker loads its own
    monkeypatch.setenv("HITECH_WORKERS_START", start)
    # small chunks so that the sample is spread over both workers
    two = extract([SAMPLE], tmp_path / "two", nlp if start == "fork" else None, max_chars=300_000,
                  progress=False, workers=2, chunk_chars=2_000)
    assert two.line() == one.line()
    assert tables(tmp_path / "two") == tables(tmp_path / "one")
    assert {"tokenizer", *nlp.pipe_names} <= set(two.stage_seconds)



def test_workers_forked_from_a_pipeline_the_runner_loads_write_the_same_tables(nlp, tmp_path, monkeypatch):
    """While it loads, a helper tags the first two chunks with LAC and the workers take
    those tags (pipeline.ner.early): the tables do not change."""
    from pipeline.run import extract

    monkeypatch.setenv("HITECH_WORKERS_START", "fork")
    one = extract([SAMPLE], tmp_path / "one", nlp, max_chars=300_000, progress=False, workers=1)
    two = extract([SAMPLE], tmp_path / "two", None, max_chars=300_000, progress=False, workers=2,
                  chunk_chars=2_000)
    assert two.line() == one.line()
    assert tables(tmp_path / "two") == tables(tmp_path / "one")
