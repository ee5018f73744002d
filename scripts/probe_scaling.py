"""How each stage's time grows with the number of quantities, dates and mentions in one
article (not a test: timings are printed, never asserted; the machine is shared).

Builds articles of N repeats of a unit ("1个", "5亿元，", "增长5%", a company investing,
a list of names, ...) for several N, runs the loaded pipeline on each in this process
and prints the seconds of every stage (the tokenizer, each spaCy component, and the
rows of the entities, facts and roles tables), so a stage whose time grows faster than
N stands out: doubling N should about double a linear stage's seconds.

    .venv/bin/python scripts/probe_scaling.py                       # every case, N = 250..4000
    .venv/bin/python scripts/probe_scaling.py --cases count --ns 500 1000 2000
    .venv/bin/python scripts/probe_scaling.py --cases count --ns 2000 --profile   # cProfile, top 25
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script, from any folder

# name -> builder of the article text for N repeats (our own sample phrases)
CASES = {
    "count": lambda n: "1个" * n,
    "money": lambda n: "5亿元，" * n,
    "percent": lambda n: "增长5%" * n,
    "year": lambda n: "2021年" * n,
    "company": lambda n: "".join(f"华星{i}科技有限公司投资3亿元，" for i in range(n)),
    "zone": lambda n: "东湖高新区投资3亿元，" * n,
    "names": lambda n: "出席会议的有" + "、".join(f"张{_cn(i)}" for i in range(n)) + "。",
    "roles": lambda n: "".join(f"华星科技有限公司董事长张{_cn(i)}、" for i in range(n)) + "出席。",
    "no_punct": lambda n: ("高新区企业营业收入达5亿元同比增长12%其中" * (n // 4 + 1))[: 15 * n],
    "sentences": lambda n: "".join(f"{2000 + i % 20}年高新区营业收入{i}亿元。" for i in range(n)),
}
DEFAULT_NS = (250, 500, 1000, 2000, 4000)


def _cn(i: int) -> str:
    """A distinct two-character given name for each i (our own, made of common characters)."""
    chars = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
    return chars[i % len(chars)] + chars[(i // len(chars)) % len(chars)]


def run_case(nlp, text: str) -> dict[str, float]:
    from pipeline.ingest.sources import article_from_record
    from pipeline.rows import entity_rows, fact_rows, role_rows
    from pipeline.run import annotate, take_stage_seconds

    article = article_from_record({"id": "probe", "title": "探测", "text": text}, source="probe", seq=0)
    take_stage_seconds()
    doc = annotate(nlp, article)
    seconds = take_stage_seconds()
    for name, fn in (("rows_entities", entity_rows), ("rows_facts", fact_rows), ("rows_roles", role_rows)):
        t0 = time.perf_counter()
        fn(doc, "probe")
        seconds[name] = time.perf_counter() - t0
    seconds["n_quantities"] = len(doc._.quantities or [])
    seconds["n_mentions"] = len(doc._.mentions or [])
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", nargs="*", default=list(CASES), choices=list(CASES))
    ap.add_argument("--ns", nargs="*", type=int, default=list(DEFAULT_NS))
    ap.add_argument("--limit", type=float, default=60.0,
                    help="skip the larger Ns of a case once one run took longer than this (s)")
    ap.add_argument("--profile", action="store_true", help="cProfile each run, print the top functions")
    args = ap.parse_args()

    from pipeline.nlp import load_pipeline

    nlp = load_pipeline()
    run_case(nlp, "高新区营业收入5亿元。")  # warm-up: compiled on first use
    for case in args.cases:
        print(f"\n== {case}")
        header = None
        for n in args.ns:
            text = CASES[case](n)
            t0 = time.perf_counter()
            if args.profile:
                prof = cProfile.Profile()
                seconds = prof.runcall(run_case, nlp, text)
            else:
                seconds = run_case(nlp, text)
            total = time.perf_counter() - t0
            counts = {k: int(seconds.pop(k)) for k in ("n_quantities", "n_mentions")}
            if header is None:
                header = list(seconds)
                print(f"{'N':>6} {'chars':>7} {'quant':>6} {'ment':>6} {'total':>7} " +
                      " ".join(f"{h.replace('hz_', ''):>13}" for h in header))
            print(f"{n:>6} {len(text):>7} {counts['n_quantities']:>6} {counts['n_mentions']:>6} {total:>7.2f} " +
                  " ".join(f"{seconds.get(h, 0.0):>13.3f}" for h in header), flush=True)
            if args.profile:
                pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            if total > args.limit:
                print(f"   (stopping {case}: {total:.0f} s > --limit {args.limit:.0f} s)")
                break


if __name__ == "__main__":
    main()
