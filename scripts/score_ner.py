"""Score ORG and PERSON on the seed page, the dev set and (optionally) MSRA test.

    python scripts/score_ner.py [--shared ../shared] [--msra] [--errors]

Seed and dev: the NER stage alone on articles read by pipeline.ingest, scored by
pipeline.evaluate.gold (sets of distinct surfaces per article, optional ones ignored,
micro-averaged).  MSRA: mention-level exact span match for PER and ORG.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.evaluate.bio import bio_spans  # noqa: E402
from pipeline.evaluate.gold import Report, score_stage  # noqa: E402
from pipeline.ner import LacTagger, find_orgs_and_people  # noqa: E402

LABELS = ("ORG", "PERSON")


SETS = {
    "seed": ("gold/seed_gold.json", "seeds/000_3faaaf77bf122049.txt"),
    "dev": ("dev/dev_gold.json", "dev/dev_articles.jsonl"),
}


def score_set(shared: Path, name: str, tagger: LacTagger) -> Report:
    """ORG and PERSON of the NER stage alone, read and scored as `make eval` does."""
    gold, articles = SETS[name]
    return score_stage(shared / gold, shared / articles,
                       lambda text: find_orgs_and_people(text, tagger=tagger), labels=LABELS)



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
        gold = {x for x in bio_spans(tg.split()) if x[2] in tp}
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
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    tagger = LacTagger()
    for name in SETS:
        report = score_set(args.shared, name, tagger)
        for label, prf in report.labels.items():
            print(f"{name:10s} {label:7s} P={prf.p:.3f} R={prf.r:.3f} F={prf.f:.3f}  "
                  f"(tp={prf.tp} fp={prf.fp} fn={prf.fn})")
        if args.errors:
            print("\n".join(json.dumps(e, ensure_ascii=False) for e in report.errors))
    if args.msra:
        score_msra(args.shared, tagger)


if __name__ == "__main__":
    main()
