"""One run at a time into an output folder, and its tables published all or none."""

import os

import pyarrow.parquet as pq
import pytest

from pipeline.tables import SCHEMAS, OutputWriter


def write_run(out, name, partitioned=False):
    with OutputWriter(out, {"run": name}, partitioned=partitioned) as w:
        w.add("errors", [{"file": name, "line": None, "article": None, "reason": name}])


def runs_seen(out, partitioned=False):
    """Which run wrote each table, by the metadata every table file carries."""
    seen = {}
    for t in SCHEMAS:
        path = out / t / "part-00000.parquet" if partitioned else out / f"{t}.parquet"
        seen[t] = pq.read_schema(path).metadata[b"run"].decode()
    return seen


@pytest.mark.parametrize("partitioned", [False, True])
def test_a_publish_killed_between_renames_is_finished_by_the_next_run(tmp_path, monkeypatch, partitioned):
    write_run(tmp_path, "A", partitioned)
    real = os.replace
    moved = []

    def dies_after_two_tables(src, dst):
        # the first renames of the publish move tables into the output folder
        if os.path.dirname(str(dst)) == str(tmp_path) and not os.path.basename(str(dst)).startswith("."):
            if len(moved) == 2:
                raise KeyboardInterrupt  # as a kill would stop it (no cleanup runs after a SIGKILL either)
            moved.append(dst)
        return real(src, dst)

    monkeypatch.setattr(os, "replace", dies_after_two_tables)
    with pytest.raises(KeyboardInterrupt):
        write_run(tmp_path, "B", partitioned)
    monkeypatch.setattr(os, "replace", real)
    # mid-publish: marked, so that a reader can tell
    assert (tmp_path / ".publishing").is_dir()
    if not partitioned:  # (a dataset folder may be missing altogether at this point)
        assert set(runs_seen(tmp_path).values()) == {"A", "B"}

    from pipeline.tables.outdir import locked

    with locked(tmp_path):  # what every run does first
        pass
    assert set(runs_seen(tmp_path, partitioned).values()) == {"B"}
    assert not (tmp_path / ".publishing").exists()


def test_a_failure_before_the_commit_point_leaves_the_old_tables(tmp_path, monkeypatch):
    write_run(tmp_path, "A")
    from pipeline.tables import outdir

    def broken(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outdir, "_write_synced", broken)
    with pytest.raises(OSError):
        write_run(tmp_path, "B")
    assert set(runs_seen(tmp_path).values()) == {"A"}
    assert not list(tmp_path.glob(".staging-*")) and not (tmp_path / ".publishing").exists()


def test_a_second_run_into_the_same_folder_is_refused(nlp, tmp_path):
    from pipeline.run import extract
    from pipeline.tables.outdir import OutputError, locked

    (tmp_path / "a.txt").write_text("# 标题\n\n成都高新区新增企业12家。\n", encoding="utf-8")
    with locked(tmp_path / "out"):  # as another process's run would hold it
        with pytest.raises(OutputError, match=r"another run \(pid \d+\) is writing into"):
            extract([tmp_path / "a.txt"], tmp_path / "out", nlp, max_chars=300_000, progress=False)
    # released: the next run goes ahead
    summary = extract([tmp_path / "a.txt"], tmp_path / "out", nlp, max_chars=300_000, progress=False)
    assert summary.articles == 1


def test_the_lock_of_a_killed_run_does_not_block(nlp, tmp_path):
    from pipeline.run import extract

    out = tmp_path / "out"
    out.mkdir()
    (out / ".lock").write_text("999999\n")  # left by a run killed with SIGKILL: the file, no flock
    (out / ".staging-dead").mkdir()
    (tmp_path / "a.txt").write_text("# 标题\n\n成都高新区新增企业12家。\n", encoding="utf-8")
    assert extract([tmp_path / "a.txt"], out, nlp, max_chars=300_000, progress=False).articles == 1
    assert not (out / ".staging-dead").exists()


def test_a_lock_held_by_another_process_is_seen(tmp_path):
    import subprocess
    import sys

    from pipeline.tables.outdir import OutputError, locked

    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time\nfrom pipeline.tables.outdir import locked\n"
                               f"with locked({str(tmp_path)!r}):\n    print('held', flush=True)\n    time.sleep(60)\n"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(OutputError, match=f"pid {holder.pid}"):
            with locked(tmp_path):
                pass
    finally:
        holder.kill()
        holder.wait()
    with locked(tmp_path):  # the kernel dropped the lock with the process
        pass
