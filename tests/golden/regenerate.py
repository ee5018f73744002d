"""Rewrite tests/golden/*.jsonl from a fresh run over data/raw (`make golden`).

Read the diff before committing it: every changed row is a change in behaviour.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent
SAMPLE = ROOT / "data" / "raw"
TABLES = {
    # table: (columns kept, sort key)
    "articles": (["article_id", "source", "seq", "title", "date", "authors", "n_chars", "blocks", "script"],
                 ["source", "seq"]),
    "entities": (["article_id", "label", "text", "start", "end", "sentence", "norm", "entity_id", "source",
                  "zone_id"],
                 ["article_id", "start", "end", "label"]),
    "facts": (["article_id", "kind", "surface", "start", "end", "value", "value_high", "unit", "per", "approx",
               "subject", "subject_label", "metric", "period", "sentence_index",
               "fact_id", "subject_id", "zone_id", "metric_key", "measure", "period_start", "period_end", "period_grain", "period_from",
               "value_cny", "restates"],
              ["article_id", "start", "end"]),
    "roles": (["article_id", "person", "role", "org", "start", "end", "person_start", "person_end",
               "sentence_index", "person_entity_id", "org_entity_id"], ["article_id", "person_start", "start"]),
    "errors": (["file", "line", "article_id", "reason"], ["file", "line"]),
    "zone_metrics": (["zone_id", "metric_key", "period", "period_start", "period_end", "measure", "unit", "value",
                      "value_min", "value_max", "spread", "conflict", "n_facts", "n_articles", "fact_ids",
                      "article_ids"],
                     ["zone_id", "metric_key", "period", "measure", "unit"]),
}


def table_rows(out_dir: Path, table: str) -> list[dict]:
    columns, key = TABLES[table]
    rows = pq.read_table(out_dir / f"{table}.parquet", columns=columns).to_pylist()
    for r in rows:  # date32 columns as ISO strings, as JSON has no dates
        for k, v in r.items():
            if hasattr(v, "isoformat"):
                r[k] = v.isoformat()
    if table == "errors":
        for r in rows:
            r["file"] = Path(r["file"]).name  # folders differ between machines
    return sorted(rows, key=lambda r: [str(r[k]) if r[k] is not None else "" for k in key])


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)


def run_sample(out_dir: Path, nlp=None) -> None:
    from pipeline.nlp import load_pipeline
    from pipeline.run import extract

    extract([SAMPLE], out_dir, nlp or load_pipeline(), max_chars=300_000, progress=False)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        run_sample(Path(tmp))
        for table in TABLES:
            (GOLDEN / f"{table}.jsonl").write_text(dump(table_rows(Path(tmp), table)), encoding="utf-8")
    print(f"golden files rewritten in {GOLDEN}")


if __name__ == "__main__":
    main()
