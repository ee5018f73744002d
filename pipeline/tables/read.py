"""Reading the tables back with their types: nullable integers stay integers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def read_table(out_dir: Path | str, table: str, **kwargs) -> pd.DataFrame:
    """`out_dir/<table>.parquet` (or the dataset folder `out_dir/<table>/`) as a DataFrame.

    A plain `pd.read_parquet` turns an int32 column holding nulls (errors.line,
    roles.start) into float64; numpy_nullable keeps it Int32, with <NA> for null."""
    path = Path(out_dir) / f"{table}.parquet"
    if not path.exists():
        path = Path(out_dir) / table
    return pd.read_parquet(path, dtype_backend="numpy_nullable", **kwargs)
