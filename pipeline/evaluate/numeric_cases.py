"""Score a quantity finder on the third-party cases of ../shared/numeric/cases.jsonl.

Follows numeric/README.md: a case is scored for a kind only when its ``scope`` holds the
kind; spans must match exactly and values within 1e-6 relative (a range on both ends);
``optional`` items are neither rewarded nor penalised; ``negative`` cases expect nothing.

    python -m pipeline.evaluate.numeric_cases ../shared/numeric/cases.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable

from pipeline.mentions import Quantity
from pipeline.numbers import find_quantities

GROUPS = {"money_percent": ("money", "percent"), "count": ("count",)}
REL_TOL = 1e-6


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1e-12)


def _gold_values(item: dict) -> tuple[float | None, float | None]:
    if item.get("value") is None and item.get("value_range"):
        lo, hi = item["value_range"][:2]
        return lo, hi
    return item.get("value"), None


def _matches(q: Quantity, item: dict) -> bool:
    if q.kind != item["kind"] or q.start != item["start"] or q.end != item["end"]:
        return False
    lo, hi = _gold_values(item)
    return close(q.value, lo) and (hi is None or close(q.value_high, hi))


def score_case(case: dict, preds: list[Quantity], kinds: Iterable[str]) -> tuple[int, int, int, list[str]]:
    kinds = set(kinds) & set(case["scope"])
    if not kinds:
        return 0, 0, 0, []
    gold = [e for e in case["expected"] if e["kind"] in kinds]
    required = [e for e in gold if not e.get("optional")]
    optional = [e for e in gold if e.get("optional")]
    mine = [q for q in preds if q.kind in kinds]
    tp, fp, used, notes = 0, 0, set(), []
    for q in mine:
        hit = next((i for i, e in enumerate(required) if i not in used and _matches(q, e)), None)
        if hit is not None:
            used.add(hit)
            tp += 1
        elif any(q.start == e["start"] and q.end == e["end"] for e in optional):
            continue
        else:
            fp += 1
            notes.append(f"FP {q.kind} {q.text!r} {q.value} {q.value_high}")
    for i, e in enumerate(required):
        if i not in used:
            notes.append(f"FN {e['kind']} {e['surface']!r} {_gold_values(e)}")
    return tp, fp, len(required) - len(used), notes


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": f}


def score_cases(path: str | Path, find: Callable[[str], list[Quantity]] = find_quantities) -> dict:
    """{group: {"sources": {source: prf}, "overall": prf, "errors": [...]}} for money_percent and count."""
    cases = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    result = {}
    preds = {c["id"]: find(c["text"]) for c in cases}
    for group, kinds in GROUPS.items():
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        errors = []
        for c in cases:
            if not set(kinds) & set(c["scope"]):
                continue
            tp, fp, fn, notes = score_case(c, preds[c["id"]], kinds)
            acc = counts[c["source"]]
            acc[0] += tp
            acc[1] += fp
            acc[2] += fn
            errors += [f"{c['id']} {c['source']} {c['text'][:60]!r}: {n}" for n in notes]
        total = [sum(v[i] for v in counts.values()) for i in range(3)]
        result[group] = {"sources": {s: _prf(*v) for s, v in sorted(counts.items())},
                         "overall": _prf(*total), "errors": errors}
    return result


def format_report(result: dict) -> str:
    lines = []
    for group, res in result.items():
        lines.append(f"== {group}")
        lines.append(f"{'source':32} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}")
        rows = list(res["sources"].items()) + [("OVERALL", res["overall"])]
        for s, m in rows:
            lines.append(f"{s:32} {m['tp']:5d} {m['fp']:5d} {m['fn']:5d} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path = argv[1] if len(argv) > 1 else str(Path(__file__).resolve().parents[2].parent / "shared/numeric/cases.jsonl")
    result = score_cases(path)
    print(format_report(result))
    if "-v" in argv:
        for group, res in result.items():
            print(f"\n== errors {group}")
            print("\n".join(res["errors"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))


def score_dev(articles: str | Path, gold: str | Path,
              find: Callable[[str], list[Quantity]] = find_quantities) -> dict:
    """MONEY/PERCENT/COUNT entity sets of the number finder alone on gold articles."""
    from pipeline.evaluate.gold import score_stage

    report = score_stage(Path(gold), Path(articles), find, labels=("MONEY", "PERCENT", "COUNT"))
    return {"labels": {k: _prf(v.tp, v.fp, v.fn) for k, v in sorted(report.labels.items())},
            "errors": report.errors}
