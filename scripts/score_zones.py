"""Document-level ZONE precision/recall/F1 on the seed page and the dev set.

    python scripts/score_zones.py [--shared ../shared] [-v]

Per article the distinct predicted surfaces are compared with the gold ``entities.ZONE``
set; strings under ``optional.ZONE`` count neither way; counts are summed over articles
(micro average).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.zones import find_zones  # noqa: E402


def seed_articles(page: Path) -> list[tuple[str, str]]:
    """(title, text) for each '# ' article of a seed page; text includes the title line."""
    arts: list[tuple[str, list[str]]] = []
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            arts.append((line[2:].strip(), [line[2:]]))
        elif arts:
            arts[-1][1].append(line)
    return [(title, "\n".join(lines)) for title, lines in arts]


def score(pairs: list[tuple[str, str, dict]], verbose: bool = False) -> dict:
    """pairs: (article key, text, gold object). Returns tp/fp/fn/p/r/f and the errors."""
    tp = fp = fn = 0
    errors = []
    for key, text, gold in pairs:
        want = set(gold.get("entities", {}).get("ZONE", []))
        optional = set((gold.get("optional") or {}).get("ZONE", []))
        got = {m.text for m in find_zones(text)} - optional
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        if got != want:
            errors.append({"article": key, "missed": sorted(want - got), "false": sorted(got - want)})
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f": f, "errors": errors}


def seed_pairs(shared: Path) -> list[tuple[str, str, dict]]:
    gold = json.loads((shared / "gold" / "seed_gold.json").read_text(encoding="utf-8"))
    pairs = []
    for page in sorted((shared / "seeds").glob("*.txt")):
        for title, text in seed_articles(page):
            g = next((g for g in gold if g.get("title_has") and g["title_has"] in title), None)
            if g is not None:
                pairs.append((title, text, g))
    return pairs


def dev_pairs(shared: Path) -> list[tuple[str, str, dict]]:
    gold = {g["id"]: g for g in json.loads((shared / "dev" / "dev_gold.json").read_text(encoding="utf-8"))}
    pairs = []
    for line in (shared / "dev" / "dev_articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            if a["id"] in gold:
                pairs.append((a["id"], a["title"] + "\n" + a["text"], gold[a["id"]]))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    for name, pairs in (("seed", seed_pairs(args.shared)), ("dev", dev_pairs(args.shared))):
        s = score(pairs)
        print(f"{name}: {len(pairs)} articles  ZONE P={s['p']:.3f} R={s['r']:.3f} F={s['f']:.3f} "
              f"(tp={s['tp']} fp={s['fp']} fn={s['fn']})")
        if args.verbose:
            for e in s["errors"]:
                print("   ", e)


if __name__ == "__main__":
    main()
