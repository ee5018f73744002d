"""Document-level ZONE precision/recall/F1 of the zone stage alone, on the seed page and the dev set.

    python scripts/score_zones.py [--shared ../shared] [-v]

Articles are read by pipeline.ingest and scored by pipeline.evaluate.gold, as `make eval`
does for the whole pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluate.gold import Report, score_stage  # noqa: E402
from pipeline.zones import find_zones  # noqa: E402

SETS = {
    "seed": ("gold/seed_gold.json", "seeds/000_3faaaf77bf122049.txt"),
    "dev": ("dev/dev_gold.json", "dev/dev_articles.jsonl"),
}


def score_set(shared: Path, name: str) -> Report:
    gold, articles = SETS[name]
    return score_stage(shared / gold, shared / articles, find_zones, labels=("ZONE",))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    for name in SETS:
        report = score_set(args.shared, name)
        z = report.labels["ZONE"]
        print(f"{name}: ZONE P={z.p:.3f} R={z.r:.3f} F={z.f:.3f} (tp={z.tp} fp={z.fp} fn={z.fn})")
        if args.verbose:
            for e in report.errors:
                print("   ", json.dumps(e, ensure_ascii=False))


if __name__ == "__main__":
    main()
