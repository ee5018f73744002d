"""One explicit pyarrow schema per table; each table is named once, here.

Bump SCHEMA_VERSION when a column is added, removed or changes meaning: it goes into
every file's Parquet metadata so a notebook can tell which layout it reads.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1.1"

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
    pa.field("subject_id", pa.string()),  # the subject's entity_id (entities table)
    pa.field("zone_id", pa.string()),     # rules/zones.jsonl id when the subject is a listed zone
    pa.field("sentence", pa.string(), nullable=False),
])

ROLES = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("person", pa.string(), nullable=False),
    pa.field("role", pa.string()),
    pa.field("org", pa.string()),
])

ERRORS = pa.schema([
    pa.field("file", pa.string(), nullable=False),
    pa.field("line", pa.int32()),
    pa.field("article", pa.string()),
    pa.field("reason", pa.string(), nullable=False),
])

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "entities": ENTITIES,
    "facts": FACTS,
    "roles": ROLES,
    "errors": ERRORS,
}
