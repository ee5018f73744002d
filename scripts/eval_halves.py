"""Document-level entity figures on the odd- and even-numbered articles of ../shared/train.

    .venv/bin/python scripts/eval_halves.py [--shared ../shared] [--show-errors]

A held-out discipline for rule work: develop on the odd half (tr-01, tr-03, …) and dev/seed,
never read the even half's errors, report the even half as held out.  The halves are written
to a temporary directory at run time (the articles are third-party text: never into the
repository) and each is scored by ``python -m pipeline eval``; errors are shown for the odd
half only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def split(shared: Path, out: Path) -> dict[str, tuple[Path, Path]]:
    """Write the odd and even halves' articles and gold under ``out``."""
    arts = [json.loads(line) for line in (shared / "train" / "train_articles.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    gold = json.loads((shared / "train" / "train_gold.json").read_text(encoding="utf-8"))
    halves = {}
    for half, parity in (("odd", 1), ("even", 0)):
        ids = {a["id"] for a in arts if int(a["id"].rsplit("-", 1)[1]) % 2 == parity}
        a_path, g_path = out / f"{half}_articles.jsonl", out / f"{half}_gold.json"
        a_path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts if a["id"] in ids),
                          encoding="utf-8")
        g_path.write_text(json.dumps([g for g in gold if g["id"] in ids], ensure_ascii=False), encoding="utf-8")
        halves[half] = (a_path, g_path)
    return halves


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--show-errors", action="store_true", help="list the odd half's errors")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for half, (a_path, g_path) in split(args.shared, Path(tmp)).items():
            cmd = [sys.executable, "-m", "pipeline", "eval", "--gold", str(g_path), "--articles", str(a_path)]
            if half == "odd" and args.show_errors:
                cmd.append("--show-errors")
            print(f"== train {half} half ({'tuned' if half == 'odd' else 'held out'})", flush=True)
            subprocess.run(cmd, check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
