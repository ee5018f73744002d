"""The numbers of the gold sets with what the subject resolver sees of them, for training
and scoring the subject ranker (scripts/train_subjects.py, scripts/eval_subjects.py).

Each set is annotated once by the pipeline; for every number we keep the resolver's inputs
(text, mentions, paragraphs, title; the number's offsets, sentence and block) and the gold
fact it matches (kind, value and unit as pipeline.evaluate.gold matches them).  The cases are
cached in build/subject_cases.pkl: nothing of ../shared enters the repository.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "subject_cases.pkl"
# (set name, gold file, articles) relative to ../shared, or to the repository for the sample
SETS = (
    ("train", "shared", "train/train_gold.json", "train/train_articles.jsonl"),
    ("dev", "shared", "dev/dev_gold.json", "dev/dev_articles.jsonl"),
    ("seed", "shared", "gold/seed_gold.json", "seeds/000_3faaaf77bf122049.txt"),
    ("sample", "repo", "tests/fixtures/sample_gold.json", "data/raw"),
)


def _annotate_set(nlp, gold_path: Path, articles_path: Path, name: str) -> list[dict[str, Any]]:
    import pipeline.facts.build as build
    from pipeline.evaluate.gold import load_articles, load_gold, match_articles
    from pipeline.facts.subject import SubjectResolver
    from pipeline.run import annotate

    seen: list[dict[str, Any]] = []

    class Recording(SubjectResolver):
        def __init__(self, text, mentions, *, running, title=None, ranker=False):
            super().__init__(text, mentions, running=running, title=title, ranker=False)
            seen.append({"text": text, "mentions": list(mentions), "running": list(running),
                         "title": title, "calls": []})

        def resolve(self, pos, sentence, block, end=None):
            seen[-1]["calls"].append((pos, sentence, block))
            return super().resolve(pos, sentence, block, end=end)

    original = build.SubjectResolver
    build.SubjectResolver = Recording
    out = []
    try:
        for gold, article in match_articles(load_gold(gold_path), load_articles(articles_path)):
            if article is None:
                continue
            seen.clear()
            doc = annotate(nlp, article)
            facts = doc._.facts or []
            if not facts:
                continue
            rec = seen[-1]
            assert len(rec["calls"]) == len(facts)
            numbers = []
            for f, (pos, sentence, block) in zip(facts, rec["calls"]):
                numbers.append({"pos": pos, "end": f["end"], "sentence": sentence, "block": block,
                                "kind": f["kind"], "value": f["value"], "unit": f["unit"],
                                "surface": f["surface"], "approx": f["approx"], "period": f["period"],
                                "metric": f["metric"]})
            out.append({"set": name, "article": f"{name}:{gold.get('id') or gold.get('title_has')}",
                        "text": rec["text"], "mentions": rec["mentions"], "running": rec["running"],
                        "title": rec["title"], "numbers": numbers, "gold": gold.get("facts", []),
                        "optional": gold.get("optional", {})})
    finally:
        build.SubjectResolver = original
    return out


def match_gold(art: dict[str, Any]) -> list[dict[str, Any] | None]:
    """The gold fact each number stands for (None: spurious or a repeat), matched as
    pipeline.evaluate.gold does, choosing among equal values by the attributes other than
    the subject (so the matching does not depend on the subject being scored)."""
    from pipeline.evaluate.gold import _same_value, attr_right

    golds = art["gold"]
    used: set[int] = set()
    out: list[dict[str, Any] | None] = []
    for n in art["numbers"]:
        free = [i for i, g in enumerate(golds) if i not in used and g["kind"] == n["kind"]
                and g["unit"] == n["unit"] and _same_value(g["value"], n["value"])]
        if not free:
            out.append(None)
            continue
        best = max(free, key=lambda i: sum(attr_right(a, golds[i], n) for a in ("approx", "period", "metric")))
        used.add(best)
        out.append(golds[best])
    return out


def load_cases(shared: Path, refresh: bool = False) -> list[dict[str, Any]]:
    if CACHE.exists() and not refresh:
        return pickle.loads(CACHE.read_bytes())
    from pipeline.nlp import load_pipeline

    nlp = load_pipeline()
    cases: list[dict[str, Any]] = []
    for name, base, gold, articles in SETS:
        root = shared if base == "shared" else ROOT
        if not (root / gold).exists():
            print(f"skipped {name}: {root / gold} missing", file=sys.stderr)
            continue
        cases += _annotate_set(nlp, root / gold, root / articles, name)
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_bytes(pickle.dumps(cases))
    return cases


if __name__ == "__main__":
    cs = load_cases(ROOT.parent / "shared" if len(sys.argv) < 2 else Path(sys.argv[1]), refresh=True)
    print(len(cs), "articles", sum(len(a["numbers"]) for a in cs), "numbers")
