"""Money in yuan: `value_cny` from the yearly average rates of rules/fx_rates.csv (source named there)."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

FX_RATES = Path(__file__).resolve().parents[2] / "rules" / "fx_rates.csv"


@lru_cache(maxsize=1)
def fx_rates(path: Path = FX_RATES) -> dict[tuple[int, str], float]:
    """(year, ISO code) -> yuan per unit."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return {(int(r["year"]), r["currency"]): float(r["cny_per_unit"]) for r in csv.DictReader(lines)}


def value_cny(kind: str, value: float, unit: str, year: int | None) -> float | None:
    """The amount in yuan: CNY as it is; another currency at its rate for `year` (the fact's
    period, else the article's); None for what is not money or has no rate in the table."""
    if kind != "money":
        return None
    if unit == "CNY":
        return value
    if year is None:
        return None
    rate = fx_rates().get((year, unit))
    return value * rate if rate is not None else None
