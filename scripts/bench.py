"""Throughput of `extract` end to end (`make bench`): characters per second, the share of
each stage, peak memory, a pkuseg-only yardstick, 1 vs N workers, and memory at 10x.

Each measured run is a fresh Python process (start-up and model loading included)
writing into a fresh output folder with --no-reuse.  Figures are printed, never
asserted: the machine is shared and the stages keep changing.

    python scripts/bench.py ../shared/corpus/news_2011.jsonl [--limit 200] [--repeat 10]
    python scripts/bench.py --number-runs     # the number finder on long runs (make bench-numbers)
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script, from any folder


def child(out_json: str, inputs: list[str], out_dir: str, workers: int) -> None:
    """In the measured process: what `python -m pipeline extract` does, plus the figures."""
    from pipeline.run import extract

    summary = extract(inputs, Path(out_dir), None, max_chars=300_000, progress=False,
                      workers=workers, reuse=False)
    who = {"self": resource.getrusage(resource.RUSAGE_SELF),
           "children": resource.getrusage(resource.RUSAGE_CHILDREN)}
    usage = {k: r.ru_maxrss / 1024 for k, r in who.items()}  # kB -> MB on Linux
    cpu = sum(r.ru_utime + r.ru_stime for r in who.values())
    Path(out_json).write_text(json.dumps({
        "line": summary.line(), "chars": summary.annotated_chars, "articles": summary.articles,
        "stage_seconds": dict(summary.stage_seconds), "rss_mb": usage, "cpu": cpu}))
    gc.freeze()  # as the CLI does at exit (pipeline/cli.py main)


def measure(inputs: list[Path], workers: int, tmp: Path, label: str) -> dict:
    out_json = tmp / f"{label}.json"
    cmd = [sys.executable, __file__, "--child", str(out_json), "--workers", str(workers),
           "--out", str(tmp / f"out-{label}"), *map(str, inputs)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT)
    pss = _peak_pss_mb(proc)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    wall = time.perf_counter() - t0
    res = json.loads(out_json.read_text())
    res.update(wall=wall, workers=workers, cps=res["chars"] / wall, pss_mb=pss,
               peak_mb=res["rss_mb"]["self"] + res["rss_mb"]["children"])
    print(f"[{label}] {workers} worker(s): {res['line']}\n"
          f"    {res['chars']:,} chars in {wall:.1f} s = {res['cps']:,.0f} chars/s end to end; "
          f"peak memory {pss:.0f} MB (PSS of all its processes; RSS: parent {res['rss_mb']['self']:.0f} "
          f"+ largest worker {res['rss_mb']['children']:.0f}, pages forked workers share counted twice)\n"
          f"    CPU {res['cpu']:.0f} s (parent + workers) over {wall:.0f} s: {res['cpu'] / wall:.2f} cores busy "
          f"on average; {os.getloadavg()[0]:.1f} load average after the run (the machine is shared)",
          flush=True)
    return res


def _peak_pss_mb(proc: subprocess.Popen, every: float = 2.0) -> float:
    """Wait for proc; the highest sum of PSS over it and its descendants while it ran.

    PSS splits a page shared by n processes n ways, so pages that forked workers share
    with their parent count once, which a sum of RSS would not.  Reading smaps_rollup
    of a 1 GB process costs a few milliseconds; every 2 s keeps the sampler off the
    cores being measured."""
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, sum(_pss_kb(pid) for pid in _tree(proc.pid)) / 1024)
        try:
            proc.wait(timeout=every)
        except subprocess.TimeoutExpired:
            pass
    return peak


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _median(runs: list[dict]) -> dict:
    """The run with the median speed (the lower middle one for an even count)."""
    return sorted(runs, key=lambda r: r["cps"])[(len(runs) - 1) // 2]


def print_shares(res: dict) -> None:
    seconds = res["stage_seconds"]
    # Stage times are summed over workers; against wall x workers the rest is start-up,
    # reading, ordering, writing and idle workers.
    budget = res["wall"] * res["workers"]
    print(f"    time by stage (of {budget:.1f} process-seconds):")
    for stage, s in sorted(seconds.items(), key=lambda kv: -kv[1]):
        print(f"      {stage:16s} {s:7.1f} s  {s / budget:6.1%}")
    rest = budget - sum(seconds.values())
    print(f"      {'(start-up, I/O)':16s} {rest:7.1f} s  {rest / budget:6.1%}")


def pkuseg_alone(corpus: Path, limit: int | None) -> None:
    """Yardstick: pkuseg segmentation only, one core, each line of each article."""
    import spacy_pkuseg

    t0 = time.perf_counter()
    seg = spacy_pkuseg.pkuseg(str(ROOT / "models" / "pkuseg-default"))
    load = time.perf_counter() - t0
    chars, t0 = 0, time.perf_counter()
    for article in _articles(corpus, limit):
        for line in (article.get("title") or "", *article["text"].split("\n")):
            if line.strip():
                seg.cut(line)
                chars += len(line)
    cut = time.perf_counter() - t0
    print(f"[pkuseg alone] {chars:,} chars cut in {cut:.1f} s = {chars / cut:,.0f} chars/s "
          f"on one core (model load {load:.1f} s, not counted)", flush=True)


def _articles(corpus: Path, limit: int | None):
    with open(corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            if line.strip():
                yield json.loads(line)


def write_corpus(corpus: Path, limit: int | None, times: int, path: Path) -> None:
    """The corpus `times` over, one file, ids made distinct; streamed, not held."""
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(times):
            for article in _articles(corpus, limit):
                if times > 1:
                    article["id"] = f"{article.get('id')}#{copy}"
                out.write(json.dumps(article, ensure_ascii=False) + "\n")


NUMBER_RUNS = {  # issue 16: quadratic before the run cap (10k x 十 25.8 s, 20k x 亿 17.8 s)
    "亿 x n": "亿", "十 x n": "十", "digits x n": "1", "一+space x n": "一 ", "1,000,... x n": "1,",
    "到 x n (no numeral)": "到", "1个 x n (a count each)": "1个",
    "48 十 + a, repeated (runs at the cap)": "十" * 48 + "a", "47 十 + % (a percent each)": "十" * 47 + "%",
}


def number_runs(sizes: tuple[int, ...] = (10_000, 20_000, 40_000)) -> None:
    """`make bench-numbers`: find_quantities on long runs of number characters, CPU seconds
    per size; linear when each doubling of n doubles the time (ratio about 2)."""
    from pipeline.numbers import find_quantities
    from pipeline.numbers import finder

    finder.prepare()
    finder._FINDER.cap.counting = True  # for the longest run read
    print(f"number runs: find_quantities CPU seconds at n = {', '.join(f'{n:,}' for n in sizes)} characters "
          "(ratio: time(2n) / time(n); 2 is linear, 4 quadratic)", flush=True)
    for label, unit in NUMBER_RUNS.items():
        secs = []
        for n in sizes:
            text = "园区营收" + unit * (n // len(unit)) + "元。"
            t0 = time.process_time()
            qs = find_quantities(text)
            secs.append(time.process_time() - t0)
        ratios = ", ".join(f"{b / a:.1f}" if a > 1e-3 else "-" for a, b in zip(secs, secs[1:]))
        print(f"  {label:40s} " + "  ".join(f"{x:7.3f}" for x in secs)
              + f"   ratio {ratios}; {len(qs):,} found, {secs[-1] / sizes[-1] * 1e6:.1f} us/char; "
              f"longest run read {finder._FINDER.cap.longest_seen}", flush=True)


def main() -> None:
    if "--number-runs" in sys.argv[1:]:
        number_runs()
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (development)")
    ap.add_argument("--repeat", type=int, default=10, help="the memory run uses the corpus this many times (0: skip)")
    ap.add_argument("--repeat-limit", type=int, default=None,
                    help="repeat only the first N articles (a shorter memory run)")
    ap.add_argument("--workers", type=int, default=None, help="the parallel run [default: the cores available]")
    ap.add_argument("--runs", type=int, default=1,
                    help="measure the 1-worker and N-worker runs this many times each, alternating, "
                         "and compare medians (the machine is shared: single runs vary by 10%%)")
    ap.add_argument("--pkuseg-only", action="store_true", help="only the pkuseg yardstick")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("inputs", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, [str(args.corpus), *args.inputs], args.out, args.workers)
        return
    if args.pkuseg_only:
        pkuseg_alone(args.corpus, args.limit)
        return

    from pipeline.parallel import available_cores

    workers = args.workers or available_cores()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        once = tmp / "corpus.jsonl"
        write_corpus(args.corpus, args.limit, 1, once)
        print(f"bench: {args.corpus}{f' (first {args.limit})' if args.limit else ''}, "
              f"{workers} cores available (os.sched_getaffinity)", flush=True)
        ones, manys = [], []
        for run in range(args.runs):
            ones.append(measure([once], 1, tmp, f"x1-1w#{run + 1}"))
            print_shares(ones[-1])
            manys.append(measure([once], workers, tmp, f"x1-{workers}w#{run + 1}"))
            print_shares(manys[-1])
        one, many = _median(ones), _median(manys)
        if args.runs > 1:
            for label, runs in (("1 worker", ones), (f"{workers} workers", manys)):
                print(f"[runs] {label}: " + ", ".join(f"{r['cps']:,.0f}" for r in runs)
                      + f" chars/s; median {_median(runs)['cps']:,.0f}", flush=True)
        print(f"[scaling] {workers} workers / 1 worker = {many['cps'] / one['cps']:.2f}x"
              + (" (medians)" if args.runs > 1 else ""), flush=True)
        # its own process: a parent holding the model would pass its peak RSS on to every
        # process it starts afterwards (Linux keeps ru_maxrss across fork and exec)
        subprocess.run([sys.executable, __file__, str(args.corpus), "--pkuseg-only",
                        *(["--limit", str(args.limit)] if args.limit else [])], check=True, cwd=ROOT)
        if args.repeat > 1:
            big = tmp / f"corpus-x{args.repeat}.jsonl"
            base = many
            if args.repeat_limit:  # the same slice once, to compare like with like
                write_corpus(args.corpus, args.repeat_limit, 1, tmp / "slice.jsonl")
                base = measure([tmp / "slice.jsonl"], workers, tmp, f"slice-{workers}w")
            write_corpus(args.corpus, args.repeat_limit or args.limit, args.repeat, big)
            rep = measure([big], workers, tmp, f"x{args.repeat}-{workers}w")
            growth = rep["pss_mb"] / base["pss_mb"] - 1
            print(f"[memory] peak PSS x{args.repeat} corpus {rep['pss_mb']:.0f} MB vs x1 "
                  f"{base['pss_mb']:.0f} MB: {growth:+.1%} (RSS parent + largest worker "
                  f"{rep['peak_mb']:.0f} vs {base['peak_mb']:.0f} MB)", flush=True)


if __name__ == "__main__":
    main()
