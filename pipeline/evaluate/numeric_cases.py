"""Score a quantity finder on the third-party cases of ../shared/numeric/cases.jsonl.

Follows numeric/README.md: a case is scored for a kind only when its ``scope`` holds the
kind; spans must match exactly and values within 1e-6 relative (a range on both ends);
``optional`` items are neither rewarded nor penalised; ``negative`` cases expect nothing.

Strict figures (tp, fp, fn, F1) are exactly that. Where a case disagrees with our contract
(../shared/ANNOTATION.md) in one of the documented ways below, the pair is also counted as a
*contract difference* (``cd``) and ``F1c`` scores it as agreement; the strict figures never do.

- qualifier: the contract puts 约 近 超 过 逾 before and 余 多 左右 以上 以下 以内 出头 after inside the
  span (超1亿元, 400元左右); a case that marks the qualifier but leaves it out of the span
  (``qualifier`` set) matches a prediction of the same kind and value whose span only adds it.
- share: the contract reads a fraction as a share, a PERCENT (1/2 -> 50); a case's ``number``
  fraction (1/3, 五分之一) matches a percent prediction of 100 x its value over the same span
  (modulo a qualifier). The case lists no percent there, so this only cancels a false positive.
- range: the contract reads 5-20% as one range mention (value 5, value_high 20); a case listing
  the high end alone (20%) matches a range prediction that ends with it and has it as value_high.
- measure word: a COUNT needs one of the contract's measure words; a case count with another
  (5条, 999朵, 583分) is not counted as missed.

    python -m pipeline.evaluate.numeric_cases ../shared/numeric/cases.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from pipeline.mentions import Quantity
from pipeline.numbers import find_quantities

GROUPS = {"money_percent": ("money", "percent"), "count": ("count",)}
REL_TOL = 1e-6

# ANNOTATION.md, span rules: one-character qualifiers before, suffix qualifiers after.
CONTRACT_PREFIXES = ("约", "近", "超", "过", "逾")
CONTRACT_SUFFIXES = ("余", "多", "左右", "以上", "以下", "以内", "出头")
# ANNOTATION.md: "A COUNT needs a measure word that counts discrete things: ..."
CONTRACT_MEASURE_WORDS = ("家", "个", "项", "人", "名", "所", "场", "次", "台", "套", "辆", "件", "批", "笔",
                          "股", "手", "人次", "场次")


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


def _only_qualifier_added(text: str, q: Quantity, item: dict, need_one: bool) -> bool:
    """q's span is item's span with contract qualifiers added before and/or after."""
    if q.start > item["start"] or q.end < item["end"]:
        return False
    before, after = text[q.start:item["start"]], text[item["end"]:q.end]
    if need_one and not (before or after):
        return False
    return before in ("",) + CONTRACT_PREFIXES and after in ("",) + CONTRACT_SUFFIXES


def _is_fraction(item: dict) -> bool:
    return "/" in item["surface"] or "分之" in item["surface"]


def _contract_difference(text: str, q: Quantity, item: dict) -> str | None:
    """Which documented contract difference pairs prediction q with the case's gold item, if any."""
    if item["kind"] == "number" and q.kind == "percent" and _is_fraction(item) and item.get("value") is not None:
        if _only_qualifier_added(text, q, item, need_one=False) and close(q.value, 100 * item["value"]):
            return "share"
        return None
    if q.kind != item["kind"]:
        return None
    lo, hi = _gold_values(item)
    if item.get("qualifier") and hi is None and close(q.value, lo) and q.value_high is None \
            and _only_qualifier_added(text, q, item, need_one=True):
        return "qualifier"
    if hi is None and q.value_high is not None and q.end == item["end"] and q.start < item["start"] \
            and close(q.value_high, lo):
        return "range"
    return None


@dataclass
class CaseScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    notes: list[str] = field(default_factory=list)
    cd: Counter = field(default_factory=Counter)  # contract differences by rule
    cd_pair: int = 0  # a false positive and a miss that are one mention read by the contract
    cd_fp: int = 0  # a false positive alone the contract explains (share)
    cd_fn: int = 0  # a miss alone the contract explains (measure word)


def score_case(case: dict, preds: list[Quantity], kinds: Iterable[str]) -> CaseScore:
    kinds = set(kinds) & set(case["scope"])
    res = CaseScore()
    if not kinds:
        return res
    gold = [e for e in case["expected"] if e["kind"] in kinds]
    required = [e for e in gold if not e.get("optional")]
    optional = [e for e in gold if e.get("optional")]
    mine = [q for q in preds if q.kind in kinds]
    used, wrong = set(), []
    for q in mine:
        hit = next((i for i, e in enumerate(required) if i not in used and _matches(q, e)), None)
        if hit is not None:
            used.add(hit)
            res.tp += 1
        elif any(q.start == e["start"] and q.end == e["end"] for e in optional):
            continue
        else:
            res.fp += 1
            wrong.append(q)
    missed = [i for i in range(len(required)) if i not in used]
    res.fn = len(missed)
    # contract differences: pair the remaining errors where a documented rule explains them
    numbers = [e for e in case["expected"] if e["kind"] == "number" and not e.get("optional")]
    explained: set[int] = set()
    for q in wrong:
        rule = next(((i, r) for i in missed if i not in explained
                     for r in [_contract_difference(case["text"], q, required[i])] if r), None)
        if rule:
            explained.add(rule[0])
            res.cd[rule[1]] += 1
            res.cd_pair += 1
            res.notes.append(f"CD {rule[1]} {q.kind} {q.text!r} ~ {required[rule[0]]['surface']!r}")
            continue
        share = next((e for e in numbers if _contract_difference(case["text"], q, e) == "share"), None)
        if share is not None and "percent" in kinds:
            res.cd["share"] += 1
            res.cd_fp += 1
            res.notes.append(f"CD share {q.kind} {q.text!r} ~ number {share['surface']!r}")
            continue
        res.notes.append(f"FP {q.kind} {q.text!r} {q.value} {q.value_high}")
    for i in missed:
        if i in explained:
            continue
        e = required[i]
        if e["kind"] == "count" and e.get("unit") and e["unit"] not in CONTRACT_MEASURE_WORDS:
            res.cd["measure word"] += 1
            res.cd_fn += 1
            res.notes.append(f"CD measure word {e['surface']!r}")
            continue
        res.notes.append(f"FN {e['kind']} {e['surface']!r} {_gold_values(e)}")
    return res


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": f}


def _with_cd(tp: int, fp: int, fn: int, cd_pair: int, cd_fp: int, cd_fn: int) -> dict:
    """Strict figures plus ``cd`` and ``f1c``: F1 with contract differences scored as agreement
    (an explained pair of false positive and miss becomes a true positive; an explained lone
    false positive or miss is dropped)."""
    out = _prf(tp, fp, fn)
    out.update(cd=cd_pair + cd_fp + cd_fn,
               f1c=_prf(tp + cd_pair, fp - cd_pair - cd_fp, fn - cd_pair - cd_fn)["f1"])
    return out


def score_cases(path: str | Path, find: Callable[[str], list[Quantity]] = find_quantities) -> dict:
    """{group: {"sources": {source: prf}, "overall": prf, "errors": [...], "contract": {rule: n}}}
    for money_percent and count; prf holds strict tp/fp/fn/p/r/f1 and cd/f1c (module doc)."""
    cases = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    result = {}
    preds = {c["id"]: find(c["text"]) for c in cases}
    for group, kinds in GROUPS.items():
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
        errors = []
        rules: Counter = Counter()
        for c in cases:
            if not set(kinds) & set(c["scope"]):
                continue
            r = score_case(c, preds[c["id"]], kinds)
            acc = counts[c["source"]]
            for i, x in enumerate((r.tp, r.fp, r.fn, r.cd_pair, r.cd_fp, r.cd_fn)):
                acc[i] += x
            rules.update(r.cd)
            errors += [f"{c['id']} {c['source']} {c['text'][:60]!r}: {n}" for n in r.notes]
        total = [sum(v[i] for v in counts.values()) for i in range(6)]
        result[group] = {"sources": {s: _with_cd(*v) for s, v in sorted(counts.items())},
                         "overall": _with_cd(*total), "errors": errors, "contract": dict(sorted(rules.items()))}
    return result


def format_report(result: dict) -> str:
    lines = []
    for group, res in result.items():
        lines.append(f"== {group}")
        lines.append(f"{'source':32} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6} {'cd':>4} {'F1c':>6}")
        rows = list(res["sources"].items()) + [("OVERALL", res["overall"])]
        for s, m in rows:
            lines.append(f"{s:32} {m['tp']:5d} {m['fp']:5d} {m['fn']:5d} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f}"
                         f" {m['cd']:4d} {m['f1c']:6.3f}")
        if res["contract"]:
            lines.append("contract differences (ANNOTATION.md; counted in cd/F1c, never in F1): "
                         + ", ".join(f"{k} {v}" for k, v in res["contract"].items()))
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
