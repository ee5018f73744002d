"""A run killed from outside (SIGKILL, SIGTERM) leaves no worker behind."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = ["青峰高新区今年新增高新技术企业{n}家,同比增长{p}%。", "园区完成固定资产投资{n}亿元。",
             "区内企业研发投入达到{n}万元,占营业收入的{p}%。", "新引进项目{n}个,总投资约{p}亿元。"]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def corpus(path, articles=400):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(articles):
            text = "".join(SENTENCES[(i + k) % 4].format(n=i + k, p=k % 30) for k in range(40))
            f.write(json.dumps({"id": f"k{i}", "title": f"园区动态{i}", "text": text}, ensure_ascii=False) + "\n")


def children(pid):
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


def alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie is dead, waiting for whoever adopted it to reap it


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_their_parent(tmp_path, sig):
    corpus(tmp_path / "in.jsonl")
    env = dict(os.environ, OMP_NUM_THREADS="1", HITECH_WORKERS_START="fork")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "in.jsonl"),
                             "--out", str(tmp_path / "out"), "--workers", "2", "--no-progress"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    workers = []
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2:  # the pool is up (the LAC helper before it is one child)
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.2)
            workers = children(proc.pid)
        time.sleep(1.0)  # working on chunks
        workers = children(proc.pid)
        proc.send_signal(sig)
        proc.wait(timeout=60)
        deadline = time.monotonic() + 15
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [w for w in workers if alive(w)], "workers outlived their parent"
    finally:
        for w in workers + children(proc.pid) + ([proc.pid] if proc.poll() is None else []):
            try:
                os.kill(w, signal.SIGKILL)
            except OSError:
                pass
    if sig == signal.SIGTERM:
        assert proc.returncode == 143, proc.stderr.read().decode()
        assert not list((tmp_path / "out").glob(".staging-*")) and not (tmp_path / "out" / "facts.parquet").exists()
