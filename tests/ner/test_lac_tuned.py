"""LAC with fine-tuned weights (an experiment's switch, HZ_LAC_WEIGHTS): the weights go into the
graph by name, the graph made with them is cached by their content, LAC as shipped stays the
default; and the training paths the gold names correct (scripts/train_lac.py, no torch needed)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import numpy_helper

from pipeline.ner import lac as lac_module
from pipeline.ner.lac import LacTagger, tuned_weights
from pipeline.ner.lac_model import ENCODER, TUNED_ENCODER, with_weights, wired_encoder

from .test_lac_model import _tiny_gru_graph

ROOT = Path(__file__).resolve().parents[2]


def _w(model: bytes) -> np.ndarray:
    return next(numpy_helper.to_array(i) for i in onnx.load_from_string(model).graph.initializer if i.name == "W")


def test_weights_replace_the_initializers_they_name() -> None:
    graph = _tiny_gru_graph()
    new = np.ones_like(_w(graph))
    assert (_w(with_weights(graph, {"W": new})) == 1).all()
    with pytest.raises(ValueError, match="no initializer"):
        with_weights(graph, {"V": new})
    with pytest.raises(ValueError, match="shape"):
        with_weights(graph, {"W": new[:, :1]})


def test_the_tuned_graph_is_cached_apart_and_remade_when_the_weights_change(tmp_path: Path) -> None:
    source = tmp_path / "src.onnx"
    source.write_bytes(_tiny_gru_graph())
    weights = tmp_path / "w.npz"
    np.savez(weights, W=np.full_like(_w(source.read_bytes()), 2.0))
    cache = tmp_path / "cache"
    plain, tuned = wired_encoder(source, cache), wired_encoder(source, cache, tuned=weights)
    assert (plain.name, tuned.name) == (ENCODER, TUNED_ENCODER)
    assert (_w(tuned.read_bytes()) == 2).all() and not (_w(plain.read_bytes()) == 2).all()
    np.savez(weights, W=np.full_like(_w(source.read_bytes()), 3.0))  # same size, other content
    assert (_w(wired_encoder(source, cache, tuned=weights).read_bytes()) == 3).all()
    assert "tuned_sha256" in json.loads((cache / "source_tuned.json").read_text())


def test_lac_as_shipped_unless_the_environment_names_weights(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("HZ_LAC_WEIGHTS", raising=False)
    assert tuned_weights() is None
    monkeypatch.setenv("HZ_LAC_WEIGHTS", str(tmp_path / "missing.npz"))
    with pytest.raises(FileNotFoundError, match="HZ_LAC_WEIGHTS"):
        tuned_weights()
    with pytest.raises(FileNotFoundError):
        LacTagger()
    assert Path(LacTagger(original=True)._encoder).name == ENCODER  # what fine-tuning starts from
    monkeypatch.delenv("HZ_LAC_WEIGHTS")
    assert Path(LacTagger()._encoder).name == ENCODER
    assert lac_module.tuned_weights() is None


def _train_lac():
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location("train_lac", ROOT / "scripts" / "train_lac.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_names_correct_lacs_path() -> None:
    t = _train_lac()
    ids = t.tag_ids()
    h = "青峰合纤与大公司签约,王小明出席。"
    toks = [(0, 2, "LOC"), (2, 4, "n"), (4, 5, "p"), (5, 8, "ORG"), (8, 10, "v"), (10, 11, "w"),
            (11, 14, "PER"), (14, 16, "v"), (16, 17, "w")]
    lac, path = t.corrected_path(h, toks, {"ORG": ["青峰合纤"], "PERSON": ["王小明"]}, {}, ids)
    def tags(*names: str) -> list[int]:
        return [ids[n] for n in names]

    assert path[:4].tolist() == tags("ORG-B", "ORG-I", "ORG-I", "ORG-I")   # the name LAC cut in two
    assert path[5:8].tolist() == tags("n-B", "n-I", "n-I")                 # 大公司/ORG names nothing
    assert path[11:14].tolist() == tags("PER-B", "PER-I", "PER-I")         # kept
    assert (path[8:11] == lac[8:11]).all() and (path[14:] == lac[14:]).all()
