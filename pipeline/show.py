"""`pipeline show ARTICLE_ID --out DIR`: one article in the terminal, its mentions
coloured by label and its facts and roles as tables (rich)."""

from __future__ import annotations

from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table
from rich.text import Text

STYLES = {"ZONE": "bold black on yellow", "ORG": "black on cyan", "PERSON": "black on magenta",
          "GPE": "black on bright_yellow", "MONEY": "bold green", "PERCENT": "bold blue",
          "COUNT": "bold red", "DATE": "underline"}


def _rows(out: Path, table: str, article_id: str) -> list[dict]:
    path = out / f"{table}.parquet"
    if not path.exists():
        path = out / table
    t = pq.read_table(path)
    return t.filter(pc.equal(t["article_id"], article_id)).to_pylist()


def show(article_id: str, out: Path, console: Console | None = None) -> bool:
    """Print the article; False when the tables hold no such article."""
    console = console or Console()
    articles = _rows(out, "articles", article_id)
    if not articles:
        return False
    a = articles[0]
    text = Text(a["text"])
    # longer mentions first, so a ZONE inside an ORG keeps its own colour on top
    for e in sorted(_rows(out, "entities", article_id), key=lambda e: e["start"] - e["end"]):
        text.stylize(STYLES.get(e["label"], "bold"), e["start"], e["end"])
    # a Text, not a str: rich would read the square brackets as markup
    console.rule(Text(f"{a['title'] or article_id}  [{article_id} · {a['source']} · {a.get('date') or 'no date'}]"),
                 characters="=")
    console.print(text)
    legend = Text()
    for label, style in STYLES.items():
        legend.append(f" {label} ", style=style).append(" ")
    console.print(legend)
    facts = Table(title="facts", show_lines=False)
    for col in ("surface", "kind", "value", "unit", "approx", "subject", "metric", "period"):
        facts.add_column(col)
    for f in sorted(_rows(out, "facts", article_id), key=lambda f: f["start"]):
        facts.add_row(*[_cell(f.get(c)) for c in ("surface", "kind", "value", "unit", "approx", "subject",
                                                    "metric", "period")])
    console.print(facts)
    roles = _rows(out, "roles", article_id)
    if roles:
        t = Table(title="roles")
        for col in ("person", "role", "org"):
            t.add_column(col)
        for r in roles:
            t.add_row(*(Text(r[c] or "") for c in ("person", "role", "org")))
        console.print(t)
    return True


def _cell(v: object) -> Text:
    """A cell as Text: rich would read square brackets in a str as markup."""
    if v is None:
        return Text("")
    if isinstance(v, float):
        return Text(f"{v:,.0f}" if abs(v) >= 1e4 else f"{v:g}")
    return Text(str(v))
