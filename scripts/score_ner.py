"""Score ORG and PERSON on the seed page, the dev set and (optionally) MSRA test.

    python scripts/score_ner.py [--shared /work/shared] [--msra] [--no-bylines] [--errors]

Seed and dev: per article, sets of distinct surfaces vs gold, optional surfaces ignored,
micro-averaged.  MSRA: mention-level exact span match for PER and ORG.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.ner import LacTagger, find_orgs_and_people  # noqa: E402

LABELS = ("ORG", "PERSON")


def seed_articles(path: Path) -> list[tuple[str, str]]:
    """(title, block) per '# ' article of a seed page."""
    out: list[tuple[str, str]] = []
    title, lines = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            if title is not None:
                out.append((title, "\n".join(lines)))
            title, lines = line[2:].strip(), [line]
        elif title is not None:
            lines.append(line)
    if title is not None:
        out.append((title, "\n".join(lines)))
    return out


_BYLINE = re.compile(r"^[\u4e00-\u9fff]{2,4}(\s+[\u4e00-\u9fff]{2,4}){0,2}$")


def drop_bylines(block: str) -> str:
    """Blank short lines of 1-3 names (byline lines), keeping offsets irrelevant here."""
    keep = []
    for line in block.splitlines():
        s = line.strip().replace("本报记者", " ").replace("记者", " ")
        keep.append("" if _BYLINE.match(" ".join(s.split())) and not line.startswith("#") else line)
    return "\n".join(keep)


class Tally:
    def __init__(self) -> None:
        self.tp = {l: 0 for l in LABELS}
        self.fp = {l: 0 for l in LABELS}
        self.fn = {l: 0 for l in LABELS}
        self.errors: list[str] = []

    def add(self, key: str, pred: dict[str, set[str]], gold: dict, optional: dict, byline_gold: set[str] = frozenset()) -> None:
        for l in LABELS:
            g = set(gold.get(l) or []) - (byline_gold if l == "PERSON" else set())
            o = set(optional.get(l) or [])
            p = pred[l] - o
            self.tp[l] += len(p & g)
            self.fp[l] += len(p - g)
            self.fn[l] += len(g - p)
            for x in sorted(p - g):
                self.errors.append(f"{key}\t{l}\tFP\t{x}")
            for x in sorted(g - p):
                self.errors.append(f"{key}\t{l}\tFN\t{x}")

    def report(self, name: str) -> dict[str, tuple[float, float, float]]:
        res = {}
        for l in LABELS:
            tp, fp, fn = self.tp[l], self.fp[l], self.fn[l]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            res[l] = (p, r, f)
            print(f"{name:10s} {l:7s} P={p:.3f} R={r:.3f} F={f:.3f}  (tp={tp} fp={fp} fn={fn})")
        return res


def predict(text: str, tagger: LacTagger) -> dict[str, set[str]]:
    pred: dict[str, set[str]] = {l: set() for l in LABELS}
    for m in find_orgs_and_people(text, tagger=tagger):
        pred[m.label].add(m.text)
    return pred


def score_seed(shared: Path, tagger: LacTagger, no_bylines: bool = False) -> Tally:
    gold = json.loads((shared / "gold" / "seed_gold.json").read_text(encoding="utf-8"))
    tally = Tally()
    for title, block in seed_articles(shared / "seeds" / "000_3faaaf77bf122049.txt"):
        g = next((x for x in gold if x.get("title_has") and x["title_has"] in title), None)
        if g is None:
            continue
        text = drop_bylines(block) if no_bylines else block
        byline_names: set[str] = set()
        if no_bylines:
            byline_names = {n for n in (g["entities"].get("PERSON") or []) if n not in text}
        tally.add(title[:12], predict(text, tagger), g["entities"], g.get("optional", {}), byline_names)
    return tally


def score_dev(shared: Path, tagger: LacTagger) -> Tally:
    gold = {x["id"]: x for x in json.loads((shared / "dev" / "dev_gold.json").read_text(encoding="utf-8"))}
    tally = Tally()
    with open(shared / "dev" / "dev_articles.jsonl", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            g = gold.get(a["id"])
            if g is None:
                continue
            tally.add(a["id"][-8:], predict(a["title"] + "\n" + a["text"], tagger), g["entities"], g.get("optional", {}))
    return tally


def _bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    spans, start, label = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                spans.add((start, i, label))
            start, label = (i, t[2:]) if t != "O" else (None, None)
    return spans


def score_msra(shared: Path, tagger: LacTagger, limit: int | None = None) -> None:
    d = shared / "ner" / "msra"
    sents = (d / "test_sentences.txt").read_text(encoding="utf-8").splitlines()
    tags = (d / "test_tags.txt").read_text(encoding="utf-8").splitlines()
    if limit:
        sents, tags = sents[:limit], tags[:limit]
    texts = ["".join(s.split()) for s in sents]
    tp = {"PER": 0, "ORG": 0}
    fp = dict(tp)
    fn = dict(tp)
    t0 = time.process_time()
    toks = tagger.tag_many(texts)
    for text, tg, tk in zip(texts, tags, toks):
        gold = {x for x in _bio_spans(tg.split()) if x[2] in tp}
        pred = set()
        for m in find_orgs_and_people(text, tagger=tagger, tokens=tk):
            pred.add((m.start, m.end, "PER" if m.label == "PERSON" else "ORG"))
        for l in tp:
            g = {x for x in gold if x[2] == l}
            p = {x for x in pred if x[2] == l}
            tp[l] += len(g & p)
            fp[l] += len(p - g)
            fn[l] += len(g - p)
    dt = time.process_time() - t0
    for l in tp:
        p = tp[l] / max(1, tp[l] + fp[l])
        r = tp[l] / max(1, tp[l] + fn[l])
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"msra-test  {l:7s} P={p:.3f} R={r:.3f} F={f:.3f}")
    print(f"msra-test  {sum(map(len, texts)) / dt:.0f} chars/s CPU (tag + rules)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--msra", action="store_true")
    ap.add_argument("--no-bylines", action="store_true", help="seed: drop byline lines and their gold names")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    tagger = LacTagger()
    for name, tally in (
        ("seed", score_seed(args.shared, tagger, args.no_bylines)),
        ("dev", score_dev(args.shared, tagger)),
    ):
        tally.report(name)
        if args.errors:
            print("\n".join(tally.errors))
    if args.msra:
        score_msra(args.shared, tagger)


if __name__ == "__main__":
    main()
