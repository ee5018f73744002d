"""Train the name model (configs/ner_char.cfg) on the data of scripts/train_ner_data.py.

    python scripts/train_ner.py --base --fold 0 --fold 1 --fold 2 --fold 3 --full --ship

Two steps, so that k-fold costs little more than one model:
1. base: `spacy train` with configs/ner_char.cfg on CLUENER train, a fixed sample of MSRA
   (--msra-docs) and the silver sentences; no ../shared/train article (models/ner-runs/base);
   then --base-more-chars more characters of the same data through the fine-tune loop.
2. fine-tune: the base model trained further on ../shared/train articles (--ft-epochs),
   each epoch mixed with as many characters of the general data again so that it keeps
   what it knew.  Fold k leaves out the articles whose index in id order is k modulo
   --folds (scripts/eval_ner.py uses the same split) -> models/ner-runs/foldK/model;
   --full uses all 48 -> models/ner-runs/full/model, which --ship copies to
   pipeline/ner/model (the committed model; its card README.md there is kept).
The trainer's dev set is MSRA val, which no reported figure uses; the last model is
kept, not the best on that dev set.  Single-threaded (OMP_NUM_THREADS=1), niced by make.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "configs" / "ner_char.cfg"
SHIPPED = ROOT / "pipeline" / "ner" / "model"


def gold_ids(data: Path) -> list[str]:
    return sorted(p.name[len("gold-"):-len(".spacy")] for p in data.glob("gold-*.spacy"))


def fold_of(ids: list[str], folds: int) -> dict[str, int]:
    return {a: i % folds for i, a in enumerate(sorted(ids))}


def msra_sample(data: Path, n: int, seed: int = 13) -> Path:
    import spacy
    from spacy.tokens import DocBin

    out = data / f"msra-{n}.spacy"
    if not out.exists():
        nlp = spacy.blank("zh")
        docs = list(DocBin().from_disk(data / "msra.spacy").get_docs(nlp.vocab))
        random.Random(seed).shuffle(docs)
        DocBin(docs=docs[:n]).to_disk(out)
    return out


def train_base(data: Path, run: Path, args: argparse.Namespace) -> Path:
    """The general model: CLUENER, the MSRA sample and silver, no ../shared/train article,
    through `spacy train` with configs/ner_char.cfg."""
    tdir = run / "train"
    shutil.rmtree(run, ignore_errors=True)
    tdir.mkdir(parents=True)
    parts = [data / "cluener.spacy", msra_sample(data, args.msra_docs)]
    if (data / "silver.spacy").exists() and args.silver:
        parts.append(data / "silver.spacy")
    for p in parts:
        (tdir / p.name).symlink_to(p.resolve())
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(run / "out"),
           "--paths.train", str(tdir), "--paths.dev", str(data / "msra-val.spacy"),
           "--training.max_steps", str(args.max_steps), "--training.eval_frequency", str(args.max_steps // 2)]
    subprocess.run(cmd, check=True, env=env)
    return run / "out" / "model-last"


def _general_docs(nlp, data: Path, args: argparse.Namespace) -> list:
    from spacy.tokens import DocBin

    msra = "msra.spacy" if args.msra_docs <= 0 else f"msra-{args.msra_docs}.spacy"
    docs = []
    for name in ("cluener.spacy", msra, "silver.spacy"):
        if (data / name).exists() and (args.silver or name != "silver.spacy"):
            docs += list(DocBin().from_disk(data / name).get_docs(nlp.vocab))
    return docs


def _example(nlp, d):
    from spacy.training import Example

    from pipeline.ner.chardoc import char_doc

    # the predicted side is built as the pipeline builds it (its bigram LEMMAs included)
    return Example(char_doc(nlp.vocab, d.text), d)


def _update(nlp, optimizer, docs: list, losses: dict, size: int = 800) -> None:
    from spacy.training.batchers import minibatch_by_words

    for batch in minibatch_by_words(docs, size=size):
        nlp.update([_example(nlp, d) for d in batch], sgd=optimizer, drop=0.1, losses=losses)


def _dev_scores(nlp, dev: dict[str, list]) -> dict[str, dict]:
    """P/R/F per label on each of the trainer's dev sets (MSRA val, held CLUENER train)."""
    out = {}
    for name, docs in dev.items():
        scores = nlp.evaluate([_example(nlp, d) for d in docs])
        out[name] = {lab: scores["ents_per_type"].get(lab, {"p": 0, "r": 0, "f": 0})
                     for lab in ("ORG", "PERSON", "LOC")}
    return out


def scratch_base(data: Path, out: Path, args: argparse.Namespace) -> Path:
    """--scratch: the base model from --config with this script's own loop, not `spacy train`:
    epochs over all of CLUENER train (less its held slice), the whole MSRA (msra.spacy, test
    sentences already dropped) and silver, shuffled each epoch, until --epochs or the wall
    clock reaches --until (UTC HH:MM); after each --eval-chars characters the model is
    scored on MSRA val and cluener-held.spacy and saved to out/ckpt-N; out/best is the
    checkpoint with the best mean ORG+PERSON F over both (early stopping on dev sets no
    reported figure uses)."""
    import datetime as dt
    import json
    import time

    import spacy
    from spacy.tokens import DocBin
    from spacy.util import fix_random_seed, load_config, load_model_from_config

    fix_random_seed(args.seed)
    config = load_config(args.config)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    general = []
    for name in ("cluener.spacy", "msra.spacy", "silver.spacy"):
        if (data / name).exists() and (args.silver or name != "silver.spacy"):
            general += list(DocBin().from_disk(data / name).get_docs(nlp.vocab))
    dev = {n: list(DocBin().from_disk(data / f).get_docs(nlp.vocab))
           for n, f in (("msra-val", "msra-val.spacy"), ("cluener-held", "cluener-held.spacy")) if (data / f).exists()}
    rng = random.Random(args.seed)
    optimizer = nlp.initialize(lambda: [_example(nlp, d) for d in rng.sample(general, 2000)])
    optimizer.learn_rate = args.learn_rate
    until = None
    if args.until:
        h, m = map(int, args.until.split(":"))
        now = dt.datetime.now(dt.timezone.utc)
        until = now.replace(hour=h, minute=m, second=0, microsecond=0)
    n_chars = sum(map(len, general))
    print(f"scratch base: {len(general)} docs, {n_chars} chars an epoch; dev {list(dev)}", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    log = (out / "log.jsonl").open("a", encoding="utf-8")
    done, since, best, ck, t0 = 0, 0, -1.0, 0, time.time()
    stop = False
    for epoch in range(args.epochs):
        if epoch and args.lr_decay:
            optimizer.learn_rate *= args.lr_decay
        rng.shuffle(general)
        losses: dict[str, float] = {}
        step = 0
        while step < len(general) and not stop:
            chunk, n = [], 0
            while step < len(general) and n < 100_000:
                chunk.append(general[step])
                n += len(general[step])
                step += 1
            _update(nlp, optimizer, chunk, losses, size=args.batch_chars)
            done += n
            since += n
            stop = until is not None and dt.datetime.now(dt.timezone.utc) >= until
            if since >= args.eval_chars or stop or step >= len(general):
                since = 0
                ck += 1
                with nlp.use_params(optimizer.averages):
                    sc = _dev_scores(nlp, dev)
                    path = out / f"ckpt-{ck}"
                    nlp.to_disk(path)
                mean = sum(sc[d][lab]["f"] for d in sc for lab in ("ORG", "PERSON")) / max(1, 2 * len(sc))
                rec = {"ckpt": ck, "epoch": epoch, "chars": done, "cpu_min": round(time.process_time() / 60, 1),
                       "wall_min": round((time.time() - t0) / 60, 1), "loss": round(float(losses.get("ner", 0)), 1),
                       "mean_f": round(float(mean), 4), **{f"{d}_{lab}": {k: round(float(v), 3) for k, v in sc[d][lab].items()}
                                                    for d in sc for lab in sc[d]}}
                print(json.dumps(rec), flush=True)
                log.write(json.dumps(rec) + "\n")
                log.flush()
                if mean > best:
                    best = mean
                    shutil.rmtree(out / "best", ignore_errors=True)
                    shutil.copytree(path, out / "best")
                for old in out.glob("ckpt-*"):
                    if old != path:
                        shutil.rmtree(old)
                losses = {}
        if stop:
            print(f"stopped at {args.until} UTC in epoch {epoch}", flush=True)
            break
    return out / "best"


def continue_base(base: Path, data: Path, out: Path, args: argparse.Namespace) -> Path:
    """More of the base model's training, on the same general data (--base-more-chars
    characters, shuffled), with the loop the fine-tunes use: `spacy train`'s steps cost
    its evaluations and start-up, this costs only the updates."""
    import spacy
    from spacy.util import fix_random_seed

    fix_random_seed(args.seed)
    nlp = spacy.load(base)
    general = _general_docs(nlp, data, args)
    rng = random.Random(args.seed)
    optimizer = nlp.resume_training()
    optimizer.learn_rate = args.ft_learn_rate
    done, losses = 0, {}
    while done < args.base_more_chars:
        rng.shuffle(general)
        take, n = [], 0
        for d in general:
            if done + n >= args.base_more_chars:
                break
            take.append(d)
            n += len(d)
        _update(nlp, optimizer, take, losses)
        done += n
        print(f"  base, more: {done} chars, loss {losses.get('ner', 0):.1f}", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return out


def finetune(base: Path, data: Path, out: Path, held: set[str], args: argparse.Namespace) -> Path:
    """The base model trained further on the ../shared/train articles not in ``held``,
    mixed with as many characters of its general data again, so it keeps what it knew."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.util import fix_random_seed

    fix_random_seed(args.seed)
    nlp = spacy.load(base)
    gold = []
    for a in gold_ids(data):
        if a not in held:
            gold += list(DocBin().from_disk(data / f"gold-{a}.spacy").get_docs(nlp.vocab))
    general = _general_docs(nlp, data, args)
    rng = random.Random(args.seed)
    n_gold = sum(map(len, gold))
    optimizer = nlp.resume_training()
    optimizer.learn_rate = args.ft_learn_rate
    for epoch in range(args.ft_epochs):
        mix, chars = list(gold), 0
        for d in rng.sample(general, len(general)):
            if chars >= n_gold * args.ft_general:
                break
            mix.append(d)
            chars += len(d)
        rng.shuffle(mix)
        losses: dict[str, float] = {}
        _update(nlp, optimizer, mix, losses)
        print(f"  fine-tune epoch {epoch}: {len(mix)} docs, loss {losses.get('ner', 0):.1f}", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "hitech_names"
    nlp.meta["version"] = args.version
    nlp.to_disk(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT / "models/ner-data")
    ap.add_argument("--runs", type=Path, default=ROOT / "models/ner-runs")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--fold", type=int, action="append", default=[])
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--msra-docs", type=int, default=8000)
    ap.add_argument("--max-steps", type=int, default=700)
    ap.add_argument("--no-silver", dest="silver", action="store_false")
    ap.add_argument("--ship", action="store_true", help="copy the full model to pipeline/ner/model")
    ap.add_argument("--base", action="store_true", help="train the base model again even if it exists")
    ap.add_argument("--base-more-chars", type=int, default=2_100_000)
    ap.add_argument("--ft-epochs", type=int, default=3)
    ap.add_argument("--ft-general", type=float, default=2.0, help="general characters per gold character")
    ap.add_argument("--ft-learn-rate", type=float, default=0.001)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--version", default="0.1.0")
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("--scratch", action="store_true",
                    help="base model by this script's epochs over all the general data (scratch_base), "
                         "not spacy train; with --msra-docs 0 the whole MSRA")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--until", default="", help="--scratch: stop at this UTC time (HH:MM)")
    ap.add_argument("--eval-chars", type=int, default=1_000_000)
    ap.add_argument("--batch-chars", type=int, default=1000)
    ap.add_argument("--learn-rate", type=float, default=0.002)
    ap.add_argument("--lr-decay", type=float, default=0.0, help="--scratch: learn rate x this each epoch after the first")
    args = ap.parse_args()
    base = args.runs / "base" / "out" / "model-last"
    if args.scratch:
        base = args.runs / "base" / "scratch" / "best"
        if args.base or not (base / "meta.json").exists():
            base = scratch_base(args.data, args.runs / "base" / "scratch", args)
    elif args.base or not (base / "meta.json").exists():
        base = train_base(args.data, args.runs / "base", args)
    more = args.runs / "base" / "more"
    if args.base_more_chars and (args.base or not (more / "meta.json").exists()):
        continue_base(base, args.data, more, args)
    if args.base_more_chars:
        base = more
    folds = fold_of(gold_ids(args.data), args.folds)
    for k in args.fold:
        held = {a for a, f in folds.items() if f == k}
        print(f"fold {k}: {len(held)} articles held out", flush=True)
        finetune(base, args.data, args.runs / f"fold{k}" / "model", held, args)
    if args.full:
        print("full: every ../shared/train article", flush=True)
        finetune(base, args.data, args.runs / "full" / "model", set(), args)
    if args.ship:
        ship(args.runs / "full" / "model", SHIPPED)


def ship(model: Path, dest: Path) -> None:
    """Replace the shipped model's files with ``model``'s; the model card (README.md) stays."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in dest.iterdir():
        if p.name != "README.md":
            shutil.rmtree(p) if p.is_dir() else p.unlink()
    for p in model.iterdir():
        shutil.copytree(p, dest / p.name) if p.is_dir() else shutil.copy2(p, dest / p.name)
    prune_strings(dest / "vocab" / "strings.json")
    print(f"shipped {model} -> {dest}")


def prune_strings(path: Path) -> None:
    """Drop the character bigrams (LEMMA) from the saved string store: the embedding
    reads their hashes, which do not need the strings, and they are most of its size."""
    import json

    if not path.exists():
        return
    strings = json.loads(path.read_text(encoding="utf-8"))
    keep = [s for s in strings if not (len(s) == 2 and (not s.isascii() or "\0" in s))]
    path.write_text(json.dumps(keep, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
