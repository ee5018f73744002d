"""Row-by-row comparison of two output folders of `pipeline extract` (every table, every column).

    .venv/bin/python scripts/compare_outputs.py OLD_OUT NEW_OUT [--ignore-table errors]

Prints the tables that differ and the first differing rows; exits 1 when any differs.
Columns of the run itself (metadata, timings) are not in the tables, so equal runs compare equal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyarrow.parquet as pq


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--show", type=int, default=5)
    args = ap.parse_args()
    differs = False
    names = sorted({p.stem for p in args.old.glob("*.parquet")} | {p.stem for p in args.new.glob("*.parquet")})
    for name in names:
        a, b = args.old / f"{name}.parquet", args.new / f"{name}.parquet"
        if not (a.exists() and b.exists()):
            print(f"{name}: only in {'old' if a.exists() else 'new'}")
            differs = True
            continue
        ta, tb = pq.read_table(a).to_pylist(), pq.read_table(b).to_pylist()
        bad = [i for i, (x, y) in enumerate(zip(ta, tb)) if x != y]
        if len(ta) != len(tb) or bad:
            differs = True
            print(f"{name}: {len(ta)} vs {len(tb)} rows, {len(bad)} differ")
            for i in bad[: args.show]:
                cols = [c for c in ta[i] if ta[i][c] != tb[i].get(c)]
                print(f"  row {i}:", {c: (ta[i][c], tb[i].get(c)) for c in cols})
        else:
            print(f"{name}: {len(ta)} rows identical")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
