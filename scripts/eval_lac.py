"""The fine-tuned LAC held out: each read batch scored by the pipeline running a LAC fine-tuned
without that batch (scripts/train_lac.py --leave-out), against the pipeline running LAC as
shipped; ZONE / ORG / PERSON document-level P/R/F per batch and over all (issue 13).

    .venv/bin/python scripts/eval_lac.py [--shared ../shared] [--batches fit6,fit3]

The check batches are the other held-out figure (`make eval-corpus-names`): the shipped weights
never saw them.  About a minute and a half a batch on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from eval_corpus_names import LABELS, LABELS_FILE, READ  # noqa: E402

sys.path.insert(0, str(ROOT))
from pipeline.evaluate.gold import PRF  # noqa: E402

PY = sys.executable


def _counts(shared: Path, weights: str, out: Path) -> dict[str, dict[str, list[int]]]:
    env = {**os.environ, "HZ_LAC_WEIGHTS": "" if weights == "original" else weights, "OMP_NUM_THREADS": "1"}
    subprocess.run([PY, str(ROOT / "scripts" / "eval_corpus_names.py"), "--shared", str(shared), "--save", str(out)],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))


def _cells(by_label: dict[str, PRF]) -> str:
    return "".join(f"{f'{x.p:.3f} {x.r:.3f} {x.f:.3f}':>20}" for x in (by_label[lab] for lab in LABELS))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--batches", default=",".join(READ))
    a = ap.parse_args()
    batch_of = {r["id"]: r["batch"] for r in json.loads(LABELS_FILE.read_text(encoding="utf-8"))}
    batches = a.batches.split(",")
    totals = {run: {lab: PRF() for lab in LABELS} for run in ("original", "tuned")}
    with tempfile.TemporaryDirectory() as tmp:
        base = _counts(a.shared, "original", Path(tmp) / "original.json")
        print(f"{'batch':<7}{'LAC':<10}" + "".join(f"{lab + ' P/R/F':>20}" for lab in LABELS), flush=True)
        for b in batches:
            weights = Path(tmp) / f"{b}.npz"
            subprocess.run([PY, str(ROOT / "scripts" / "train_lac.py"), "--shared", str(a.shared), "--leave-out", b,
                            "--out", str(weights)], check=True, stdout=subprocess.DEVNULL)
            tuned = _counts(a.shared, str(weights), Path(tmp) / f"{b}.json")
            for run, counts in (("original", base), ("tuned", tuned)):
                got = {lab: PRF() for lab in LABELS}
                for art, by_label in counts.items():
                    if batch_of.get(art) == b:
                        for lab in LABELS:
                            got[lab].add(PRF(*by_label[lab]))
                for lab in LABELS:
                    totals[run][lab].add(got[lab])
                print(f"{b:<7}{run:<10}" + _cells(got), flush=True)
    for run in ("original", "tuned"):
        print(f"{'all':<7}{run:<10}" + _cells(totals[run]))


if __name__ == "__main__":
    main()
