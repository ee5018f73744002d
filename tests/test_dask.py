"""The dask engine writes the same tables as the local one."""

import json

import pyarrow.parquet as pq
import pytest

from pipeline.tables import SCHEMAS
from tests.conftest import SAMPLE

distributed = pytest.importorskip("distributed")


def rows(path):
    """The rows of a table as a sorted list of canonical dicts (order does not matter)."""
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False, default=str)
                  for r in pq.read_table(path).to_pylist())


def _pipeline_loaded():
    import pipeline.dask_engine

    return pipeline.dask_engine._NLP is not None


def test_dask_engine_writes_the_tables_of_a_local_run(sample_run, tmp_path):
    from pipeline.dask_engine import WorkerMismatch, _work, extract

    local_out, local_summary = sample_run
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, local_directory=str(tmp_path / "dask")) as cluster:
        # small chunks, so that both workers get some
        summary = extract([SAMPLE], tmp_path / "out", scheduler=cluster.scheduler_address,
                          max_chars=300_000, progress=False, chunk_chars=2_000, partitioned=True)
        with distributed.Client(cluster) as client:
            loaded = client.run(_pipeline_loaded)
            with pytest.raises(WorkerMismatch):  # a worker set up from other code refuses the work
                client.submit(_work, [], "0" * 16, pure=False).result()
    assert summary.line() == local_summary.line()
    assert list(loaded.values()) == [True, True]  # both workers did some of the work
    for table in SCHEMAS:
        # the dask run wrote the dataset layout: a folder of part files per table
        dask_parts, local_file = tmp_path / "out" / table, local_out / f"{table}.parquet"
        first = next(dask_parts.glob("part-*.parquet"))
        assert pq.read_schema(first).equals(pq.read_schema(local_file), check_metadata=True), table
        assert rows(dask_parts) == rows(local_file), table


def test_extract_command_takes_engine_and_scheduler():
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["extract", "--help"])
    assert result.exit_code == 0 and "--engine" in result.output and "--scheduler" in result.output
    result = CliRunner().invoke(app, ["extract", "data/raw", "--scheduler", "tcp://nowhere:8786"])
    assert result.exit_code == 2  # --scheduler needs --engine dask
