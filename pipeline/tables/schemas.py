"""One explicit pyarrow schema per table; each table is named once, here.

Bump SCHEMA_VERSION when a column is added, removed or changes meaning: it goes into
every file's Parquet metadata so a notebook can tell which layout it reads.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "2.0"

ARTICLES = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("seq", pa.int32(), nullable=False),
    pa.field("title", pa.string()),
    pa.field("date", pa.string()),  # ISO date as given; pages carry none unless the file name has one
    pa.field("authors", pa.list_(pa.string())),
    pa.field("text", pa.string(), nullable=False),
    pa.field("n_chars", pa.int32(), nullable=False),
    pa.field("blocks", pa.list_(pa.struct([
        pa.field("kind", pa.string()), pa.field("start", pa.int32()), pa.field("end", pa.int32()),
    ]))),
    pa.field("content_hash", pa.string(), nullable=False),
    pa.field("script", pa.string(), nullable=False),  # "simplified" or "traditional" (pipeline.script)
])

ENTITIES = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("label", pa.string(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
    pa.field("start", pa.int32(), nullable=False),
    pa.field("end", pa.int32(), nullable=False),
    pa.field("sentence", pa.int32(), nullable=False),  # index of the sentence in the article, from 0
    pa.field("norm", pa.string()),                     # normalised name / value
    pa.field("entity_id", pa.string()),                # shared by mentions of one real entity
    pa.field("source", pa.string(), nullable=False),   # the model or rule that decided
    pa.field("zone_id", pa.string()),                  # ZONE rows: key of the zones table
])

FACTS = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("surface", pa.string(), nullable=False),
    pa.field("start", pa.int32(), nullable=False),
    pa.field("end", pa.int32(), nullable=False),
    pa.field("value", pa.float64(), nullable=False),
    pa.field("value_high", pa.float64()),
    pa.field("unit", pa.string(), nullable=False),
    pa.field("per", pa.string()),
    pa.field("approx", pa.string(), nullable=False),
    pa.field("subject", pa.string()),
    pa.field("subject_label", pa.string()),
    pa.field("metric", pa.string()),
    pa.field("period", pa.string()),
    pa.field("sentence", pa.string(), nullable=False),
    pa.field("sentence_index", pa.int32(), nullable=False),  # = entities.sentence of its mention
    # 2.0 (issue 14): identity, grouping keys and the period as dates
    pa.field("fact_id", pa.string()),        # "{article_id}:{start}-{end}"
    pa.field("subject_id", pa.string()),     # the subject's entity_id (entities.entity_id; a listed zone's is its zone id)
    pa.field("zone_id", pa.string()),        # rules/zones.jsonl id when the subject is a listed zone
    pa.field("metric_key", pa.string()),     # rules/metrics.json key, null where none fits
    pa.field("measure", pa.string()),        # level, change, share, target, cumulative, threshold, price
    pa.field("period_start", pa.date32()),
    pa.field("period_end", pa.date32()),
    pa.field("period_grain", pa.string()),   # year, half, quarter, months, month, multi-year
    pa.field("period_from", pa.string()),    # clause, sentence, paragraph, event, article_date
    pa.field("value_cny", pa.float64()),     # money in yuan at the year's average rate (rules/fx_rates.csv)
    pa.field("restates", pa.string()),       # fact_id of the earlier fact this row repeats
])

ROLES = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("person", pa.string(), nullable=False),
    pa.field("role", pa.string()),
    pa.field("org", pa.string()),
    pa.field("start", pa.int32()),             # the title: text[start:end] == role
    pa.field("end", pa.int32()),
    pa.field("person_start", pa.int32(), nullable=False),
    pa.field("person_end", pa.int32(), nullable=False),
    pa.field("sentence_index", pa.int32(), nullable=False),
    pa.field("person_entity_id", pa.string()),
    pa.field("org_entity_id", pa.string()),
])

ERRORS = pa.schema([
    pa.field("file", pa.string(), nullable=False),
    pa.field("line", pa.int32()),
    pa.field("article_id", pa.string()),
    pa.field("reason", pa.string(), nullable=False),
])

ZONES = pa.schema([
    pa.field("zone_id", pa.string(), nullable=False),
    pa.field("name", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("level", pa.string()),
    pa.field("province", pa.string()),
    pa.field("city", pa.string()),
    pa.field("parent_zone_id", pa.string()),
    pa.field("source", pa.string(), nullable=False),
])

ZONE_METRICS = pa.schema([
    pa.field("zone_id", pa.string(), nullable=False),
    pa.field("metric_key", pa.string(), nullable=False),
    pa.field("period", pa.string()),
    pa.field("period_start", pa.date32()),
    pa.field("period_end", pa.date32()),
    pa.field("measure", pa.string()),
    pa.field("unit", pa.string(), nullable=False),
    pa.field("value", pa.float64(), nullable=False),
    pa.field("value_min", pa.float64(), nullable=False),
    pa.field("value_max", pa.float64(), nullable=False),
    pa.field("spread", pa.float64(), nullable=False),
    pa.field("conflict", pa.bool_(), nullable=False),
    pa.field("n_facts", pa.int32(), nullable=False),
    pa.field("n_articles", pa.int32(), nullable=False),
    pa.field("fact_ids", pa.list_(pa.string()), nullable=False),
    pa.field("article_ids", pa.list_(pa.string()), nullable=False),
])

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "entities": ENTITIES,
    "facts": FACTS,
    "roles": ROLES,
    "errors": ERRORS,
    "zones": ZONES,
    "zone_metrics": ZONE_METRICS,
}
