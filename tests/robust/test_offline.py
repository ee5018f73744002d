"""A run makes no network attempt and writes nothing in the home folder (ONNX Runtime telemetry off)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a child process, so that onnxruntime is first imported there, as in a real run
GUARDED_RUN = """
import socket, sys

def refuse(*args, **kwargs):
    print("NETWORK ATTEMPT", args[:2], file=sys.stderr, flush=True)
    raise OSError("no network at run time")

socket.socket.connect = socket.socket.connect_ex = refuse
socket.getaddrinfo = socket.gethostbyname = socket.create_connection = refuse
sys.argv = ["pipeline", *sys.argv[1:]]
from pipeline.cli import main
main()
"""


def test_a_run_is_offline_and_leaves_home_alone(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "page.txt").write_text("# 成都高新区新增企业\n\n成都高新区今年新增企业12家,投资3亿元。\n",
                                       encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ORT_"))}
    env.update(HOME=str(home), OMP_NUM_THREADS="1")
    result = subprocess.run([sys.executable, "-c", GUARDED_RUN, "extract", str(tmp_path / "page.txt"),
                             "--out", str(tmp_path / "out"), "--workers", "1", "--no-progress"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "NETWORK ATTEMPT" not in result.stderr
    # ONNX Runtime's telemetry keeps a device id and an events database in ~/.cache/Microsoft
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == []
