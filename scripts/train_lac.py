"""Fine-tune LAC's GRUs and tag layer on this project's labelled articles; write
models/lac-tuned/weights.npz, which the pipeline runs with when HZ_LAC_WEIGHTS names it (issue 13:
can a trained model replace LAC's BiGRU?  Held out, not yet: docs/names-history.md).

    .venv/bin/python scripts/train_lac.py [--shared ../shared] [--leave-out fit6] [--out x.npz]

The training paths are LAC's own, corrected by the gold names: ../shared/train and the read
batches of data/labels/corpus_names.json (document-level sets of ORG and PERSON names, found at
every place their article writes them, longest first); never the held-out check batches, nor dev
or seed (train's name figures were no longer held out: rules were written from its errors).  A
gold name becomes one ORG or PER word (the word LAC ran on with starts after it); an ORG or PER
word of LAC's that holds no gold name of either label, nor an optional one or a zone, becomes a
common noun; every other character keeps LAC's tag, so what it knows of words and parts of
speech is kept.  The loss is the CRF's with LAC's own transitions; the embedding is frozen and
the weights are held near LAC's (an L2 anchor).  Needs torch (`make train-lac` installs it in
models/torch-train); about a minute on two cores.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
# torch lives apart from the venv (`make train-lac`), last on the path: the venv's packages win
TORCH_DIR = ROOT / "models" / "torch-train"
if TORCH_DIR.is_dir():
    sys.path.append(str(TORCH_DIR))

from eval_corpus_names import HELD_OUT, LABELS_FILE, READ  # noqa: E402
from pipeline.evaluate.gold import load_articles  # noqa: E402
from pipeline.ner.lac import LacTagger, _lac_dir, _load_tsv, split_sentences  # noqa: E402
from pipeline.ner.lac_model import ENCODER, wired_encoder  # noqa: E402
from pipeline.textnorm import to_halfwidth  # noqa: E402

EPOCHS, LR, ANCHOR, BATCH, SEED = 2, 3e-4, 1e-2, 32, 0


def tag_ids() -> dict[str, int]:
    """LAC's tag names (PER-B, n-I, O ...) and ids; tag.dic's later rows win (PER over nr)."""
    return {v: int(k) for k, v in _load_tsv(_lac_dir() / "tag.dic")}


def _occurrences(h: str, names: list[str]) -> list[tuple[int, int]]:
    """Where ``h`` writes the names, longest first, none inside another."""
    spans, taken = [], bytearray(len(h))
    for n in sorted({to_halfwidth(x) for x in names if len(x) >= 2}, key=len, reverse=True):
        for m in re.finditer(re.escape(n), h):
            s, e = m.span()
            if not any(taken[s:e]):
                spans.append((s, e))
                taken[s:e] = b"\x01" * (e - s)
    return spans


def corrected_path(h: str, toks: list[tuple[int, int, str]], entities: dict, optional: dict,
                   ids: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(LAC's path, the path the gold names correct it to) over the characters of ``h``."""
    def bi(label: str) -> tuple[int, int]:
        return (ids["O"], ids["O"]) if label == "O" else (ids[label + "-B"], ids[label + "-I"])

    inside = {v for k, v in ids.items() if k.endswith("-I")}
    path = np.full(len(h), ids["O"], dtype=np.int64)
    for s, e, lab in toks:
        path[s], path[s + 1 : e] = bi(lab)
    lac = path.copy()
    gold = [(s, e, "ORG") for s, e in _occurrences(h, entities.get("ORG", []))]
    gold += [(s, e, "PER") for s, e in _occurrences(h, entities.get("PERSON", []))]
    named, kept = bytearray(len(h)), bytearray(len(h))
    for s, e, _ in gold:
        named[s:e] = b"\x01" * (e - s)
    for s, e in _occurrences(h, optional.get("ORG", []) + optional.get("PERSON", []) + entities.get("ZONE", [])
                             + optional.get("ZONE", [])):
        kept[s:e] = b"\x01" * (e - s)
    for s, e, lab in toks:
        if lab in ("ORG", "PER") and not any(named[s:e]) and not any(kept[s:e]):
            path[s], path[s + 1 : e] = bi("n")
    for s, e, lab in gold:
        if e < len(h) and int(path[e]) in inside:
            path[e] -= 1  # (an -I id is its -B id + 1)
        path[s], path[s + 1 : e] = bi(lab)
    return lac, path


def training_rows(shared: Path, leave_out: set[str]) -> list[dict]:
    """One row per LAC sentence of the read batches (less ``leave_out``): characters' ids and paths."""
    tagger, ids = LacTagger(original=True), tag_ids()
    inside = {v for k, v in ids.items() if k.endswith("-I")}
    labels = [r for r in json.loads(LABELS_FILE.read_text(encoding="utf-8"))
              if r["batch"] in READ and r["batch"] not in leave_out]
    assert not {r["batch"] for r in labels} & set(HELD_OUT)
    texts = {a.article_id: a.text for c in ("zones_modern", "news_2011")
             for a in load_articles(shared / "corpus" / f"{c}.jsonl")}
    if "train" not in leave_out:
        gold = json.loads((shared / "train" / "train_gold.json").read_text(encoding="utf-8"))
        texts.update({a.article_id: a.text for a in load_articles(shared / "train" / "train_articles.jsonl")})
        labels += [{"id": g["id"], "entities": g["entities"], "optional": g.get("optional", {})} for g in gold]
    rows = []
    for r in labels:
        h = to_halfwidth(texts[r["id"]])
        lac, path = corrected_path(h, tagger.tag(h), r["entities"], r.get("optional", {}), ids)
        x = tagger._encode(h)
        for s, e in split_sentences(h):
            y = path[s:e].copy()
            if int(y[0]) in inside:
                y[0] -= 1  # a sentence opens a word
            rows.append({"x": x[s:e], "y": y, "changed": bool((y != lac[s:e]).any())})
    return rows


def fine_tune(rows: list[dict], *, epochs: int = EPOCHS, lr: float = LR, anchor: float = ANCHOR,
              batch: int = BATCH, seed: int = SEED) -> dict[str, np.ndarray]:
    import torch

    from lac_torch import LacEncoder, crf_loss

    torch.set_num_threads(2)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    source = wired_encoder(_lac_dir() / ENCODER)
    model = LacEncoder(source.read_bytes() if isinstance(source, Path) else source)
    trans = torch.tensor(np.load(_lac_dir() / "lac_crf_transitions.npy"), dtype=torch.float32)
    start = {n: p.detach().clone() for n, p in model.named_parameters() if p.requires_grad}
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=lr)
    for epoch in range(epochs):
        t0, total, n = time.time(), 0.0, 0
        # batches of like lengths, in random order
        order = sorted(range(len(rows)), key=lambda i: len(rows[i]["x"]) + rng.random())
        batches = [order[i : i + batch] for i in range(0, len(order), batch)]
        rng.shuffle(batches)
        for b in batches:
            lens = torch.tensor([len(rows[i]["x"]) for i in b])
            x = torch.zeros(len(b), int(lens.max()), dtype=torch.long)
            y = torch.zeros_like(x)
            for k, i in enumerate(b):
                x[k, : lens[k]] = torch.from_numpy(rows[i]["x"].astype(np.int64))
                y[k, : lens[k]] = torch.from_numpy(rows[i]["y"].astype(np.int64))
            loss = crf_loss(model(x, lens), y, lens, trans)
            drift = sum(((p - start[name]) ** 2).sum() for name, p in model.named_parameters() if p.requires_grad)
            opt.zero_grad()
            (loss + anchor * drift).backward()
            opt.step()
            total, n = total + loss.item(), n + 1
        print(f"epoch {epoch + 1}: loss {total / n:.4f} ({time.time() - t0:.0f} s)", flush=True)
    return model.arrays()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--leave-out", default="",
                    help="read batches left out, comma-separated ('train' for ../shared/train)")
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "lac-tuned" / "weights.npz")
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    a = ap.parse_args()
    try:
        import torch  # noqa: F401
    except ImportError:
        raise SystemExit("scripts/train_lac.py needs torch: `make train-lac` installs it in models/torch-train")
    rows = training_rows(a.shared, set(a.leave_out.split(",")) - {""})
    print(f"{len(rows)} sentences, {sum(r['changed'] for r in rows)} with a gold name LAC did not tag so")
    arrays = fine_tune(rows, epochs=a.epochs)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(a.out, **arrays)
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
