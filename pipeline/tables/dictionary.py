"""The data dictionary: what every table and column means, kept as data in one place.

The writer puts each column's description (and allowed values) into the Parquet field
metadata (`describe`), and `python -m pipeline.tables.dictionary` (`make docs`) renders
docs/tables.md from this module and the schemas; a test keeps the committed file current.
Columns of the facts contract that a branch may not have yet are described here too:
only the columns a schema holds are rendered.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline.tables.schemas import SCHEMA_VERSION, SCHEMAS

KINDS = ["money", "percent", "count"]
APPROX = ["exact", "about", "nearly", "more_than", "at_least", "at_most"]
LABELS = ["ZONE", "ORG", "PERSON", "GPE", "MONEY", "PERCENT", "COUNT", "DATE"]
MEASURES = ["level", "change", "share", "target", "cumulative", "threshold", "price"]
GRAINS = ["year", "half", "quarter", "months", "month", "multi-year"]
PERIOD_FROM = ["clause", "sentence", "paragraph", "event", "article_date"]
ZONE_KINDS = ["hitech", "etdz", "dev_zone", "ftz", "ftz_area", "idz", "new_area", "park", "demo_zone", "bonded", "zone"]

TABLES: dict[str, dict[str, Any]] = {
    "articles": {
        "about": "One row per article read from the inputs.",
        "key": ["article_id"],
        "columns": {
            "article_id": "Article id: the JSON Lines `id`, else 'a' and a digest of the text (the same on any machine).",
            "source": "The input file's name (a JSON Lines record's `source` when it has one).",
            "seq": "Position of the article in its source, from 0.",
            "title": "The `# ` title line (pages) or `title` (JSON Lines).",
            "date": "ISO date of the article: JSON Lines `date`, a date in the file name, or `--date`.",
            "authors": "Byline names.",
            "text": "The cleaned text every offset of every table indexes (title line first).",
            "n_chars": "len(text).",
            "blocks": "Blocks of the text: kind (title, reporter, subheading, paragraph, caption, credit, byline), start, end.",
            "content_hash": "Digest of date and text; a re-run reuses an article's rows while it is unchanged.",
            "script": ("The article's script: traditional articles are analysed through a same-length simplified mirror, their rows keep the text as written.", ["simplified", "traditional"]),
        },
    },
    "entities": {
        "about": "One row per mention (ZONE, ORG, PERSON, GPE, MONEY, PERCENT, COUNT, DATE).",
        "key": ["article_id", "label", "start", "end"],
        "columns": {
            "article_id": "The article (articles.article_id).",
            "label": ("Entity label (ANNOTATION.md).", LABELS),
            "text": "The mention as written: articles.text[start:end].",
            "start": "Character offset into articles.text, from 0.",
            "end": "Character offset, exclusive.",
            "sentence": "Index of the sentence in the article, from 0 (facts.sentence_index counts the same way).",
            "norm": "Normalised form: a zone's listed name, a number as 'value unit approx', a date's period.",
            "entity_id": "Shared by the mentions of one real entity across the run (null for numbers and dates): a short form takes its full name's id (纳维思 of 苏州纳维思生物医药有限公司), a department or unit keeps its own (财政部 and 财政部政府采购管理办公室).",
            "source": "The rule or model that decided the mention.",
            "zone_id": "ZONE rows: the zone (zones.zone_id); null for other labels.",
        },
    },
    "facts": {
        "about": "One row per MONEY, PERCENT or COUNT mention, with what it measures, whom it is about and when.",
        "key": ["article_id", "start", "end"],
        "columns": {
            "article_id": "The article (articles.article_id).",
            "fact_id": "'{article_id}:{start}-{end}': the fact's key.",
            "kind": ("money, percent or count.", KINDS),
            "surface": "The mention as written: articles.text[start:end].",
            "start": "Character offset into articles.text.",
            "end": "Character offset, exclusive.",
            "value": "The number: money in units of `unit` (yuan for CNY), percent in points, count as a number.",
            "value_high": "Upper bound of a range (20-30万元), else null; never below value.",
            "unit": "CNY or another ISO currency code (never converted), % for percents, the measure word for counts.",
            "per": "What a rate or unit price is per (股, 吨, 年), else null.",
            "approx": ("How exact the figure is.", APPROX),
            "subject": "The zone or organisation the number is about, as the article names it; null when unnamed.",
            "subject_label": ("Label of the subject.", ["ZONE", "ORG", "PERSON"]),
            "subject_id": "The subject's entity_id (entities.entity_id; ZONE:<zone id> for a listed zone).",
            "zone_id": "The zone (zones.zone_id) when the subject is a listed zone, else null.",
            "metric": "The words of the sentence that say what is measured.",
            "metric_key": "A normalised key for the metric, comparable across articles.",
            "measure": ("What kind of figure it is.", MEASURES),
            "period": "The year or period the figure refers to, as a label (2019, 2022二季度); null when unknown.",
            "period_start": "First day of the period.",
            "period_end": "Last day of the period.",
            "period_grain": ("Grain of the period.", GRAINS),
            "period_from": ("Where the period was read.", PERIOD_FROM),
            "value_cny": "value converted to CNY where the currency is known, else null.",
            "restates": "The fact_id this row repeats (the same figure stated again), else null.",
            "sentence": "The text of the sentence the fact stands in.",
            "sentence_index": "Index of that sentence in the article (as entities.sentence).",
        },
    },
    "roles": {
        "about": "One row per person and title (党委书记、董事长 gives two rows).",
        "key": ["article_id", "person_entity_id", "role", "org"],
        "columns": {
            "article_id": "The article (articles.article_id).",
            "person": "The person's name as written.",
            "role": "One title (董事长), without the organisation.",
            "org": "The organisation (or place) whose title it is, as written before it; null when not named.",
            "start": "Offset of the title: articles.text[start:end] == role.",
            "end": "End of the title, exclusive.",
            "person_start": "Offset of the person's mention (an entities row).",
            "person_end": "End of the person's mention, exclusive.",
            "sentence_index": "Index of the sentence in the article (as entities.sentence).",
            "person_entity_id": "The person's entities.entity_id.",
            "org_entity_id": "The organisation's entities.entity_id, when it is a mention.",
        },
    },
    "errors": {
        "about": "One row per input problem or article that could not be annotated; the rest of the batch goes on.",
        "key": [],
        "columns": {
            "file": "The input file's name, as articles.source gives it.",
            "line": "Line number in a JSON Lines file, from 1; null for a whole file. Read with "
                    "pipeline.tables.read_table (or dtype_backend='numpy_nullable') to keep it an integer.",
            "article_id": "The article concerned, when known.",
            "reason": "What went wrong.",
        },
    },
    "zones": {
        "about": "The zone dimension: every listed zone of rules/zones.jsonl and every zone the run found in "
                 "its text (source text), parks tied to their parent.",
        "key": ["zone_id"],
        "columns": {
            "zone_id": "Zone id: kind:name (hitech:合肥高新技术产业开发区, park:新经济产业园).",
            "name": "Canonical name.",
            "kind": ("hitech 高新区, etdz 经开区, ftz 自贸区, ftz_area 片区, idz, new_area 新区, park, ...", ZONE_KINDS),
            "level": "national or provincial, where the list says.",
            "province": "Province (a park takes its parent's).",
            "city": "City (a park takes its parent's).",
            "parent_zone_id": "The zone a park or 片区 belongs to (zones.zone_id), else null.",
            "source": ("list: from rules/zones.jsonl; text: found in this run's articles.", ["list", "text"]),
        },
    },
    "zone_metrics": {
        "about": "One row per zone x metric_key x period x measure x unit: the facts about a zone consolidated. "
                 "Restatements count once; units are never mixed.",
        "key": ["zone_id", "metric_key", "period", "period_start", "measure", "unit"],
        "columns": {
            "zone_id": "The zone (zones.zone_id).",
            "metric_key": "facts.metric_key, or facts.metric where the key is not there.",
            "period": "Period label (facts.period of the first fact); null when the facts give none.",
            "period_start": "First day of the period.",
            "period_end": "Last day of the period.",
            "measure": ("facts.measure; null where the facts give none.", MEASURES),
            "unit": "facts.unit, with '/per' for rates (CNY/股).",
            "value": "The value most articles give (a tie: an exact figure, then the larger).",
            "value_min": "Smallest value stated.",
            "value_max": "Largest value stated.",
            "spread": "value_max - value_min.",
            "conflict": "The facts disagree (values differ by more than 1e-6 relative).",
            "n_facts": "Facts counted: a figure repeated in one article, or a restatement, counts once.",
            "n_articles": "Articles behind the row.",
            "fact_ids": "The counted facts (facts.fact_id, '{article_id}:{start}-{end}').",
            "article_ids": "Their articles (articles.article_id).",
        },
    },
}

# Joins that keep one row per row of the left table (no fan-out).
SAFE_JOINS = [
    ("entities, facts, roles", "articles", "article_id", "many-to-one"),
    ("entities (label ZONE)", "zones", "zone_id", "many-to-one"),
    ("facts", "zones", "zone_id", "many-to-one"),
    ("zone_metrics", "zones", "zone_id", "many-to-one"),
    ("zones", "zones (parent)", "parent_zone_id = zone_id", "many-to-one"),
    ("facts", "entities", "article_id, start, end (and label = upper(kind))", "one-to-one"),
    ("roles", "entities", "article_id, person_start = start, person_end = end, label = 'PERSON'", "one-to-one"),
    ("unnest(zone_metrics.fact_ids)", "facts", "fact_id (or article_id || ':' || start || '-' || end)",
     "one-to-one"),
]
UNSAFE = ("Joining facts to entities on text, or on entity_id alone, fans out: a name is mentioned many "
          "times. Join on zone_id, or on article_id with offsets.")


def column_doc(table: str, column: str) -> tuple[str, list[str] | None]:
    entry = TABLES[table]["columns"][column]
    return (entry[0], entry[1]) if isinstance(entry, tuple) else (entry, None)


def describe(schema: pa.Schema, table: str) -> pa.Schema:
    """`schema` with each field's description (and allowed values) as field metadata."""
    fields = []
    for f in schema:
        meta = dict(f.metadata or {})
        if f.name in TABLES.get(table, {}).get("columns", {}):
            desc, allowed = column_doc(table, f.name)
            meta[b"description"] = desc.encode()
            if allowed:
                meta[b"allowed_values"] = json.dumps(allowed, ensure_ascii=False).encode()
        fields.append(f.with_metadata(meta) if meta else f)
    return pa.schema(fields, metadata=schema.metadata)


def render() -> str:
    """docs/tables.md."""
    out = [f"# Tables (schema version {SCHEMA_VERSION})", "",
           "Generated from `pipeline/tables/dictionary.py` and `pipeline/tables/schemas.py` by `make docs`: "
           "do not edit by hand. The same descriptions are in each Parquet file's field metadata "
           "(`pq.read_schema(path).field('value').metadata`).", "",
           "Offsets are characters into `articles.text`, end exclusive (`text[start:end]`). "
           "Nullable integer columns (`errors.line`, `roles.start`) come back as float from a plain "
           "`pd.read_parquet`: read with `pipeline.tables.read_table(out, name)` or "
           "`pd.read_parquet(path, dtype_backend='numpy_nullable')`.", "",
           "## Safe joins", "", "| from | to | on | cardinality |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {on.replace('|', chr(92) + '|')} | {card} |" for a, b, on, card in SAFE_JOINS]
    out += ["", UNSAFE, ""]
    for table, schema in SCHEMAS.items():
        info = TABLES[table]
        key = ", ".join(info["key"]) or "none"
        out += [f"## {table}", "", info["about"], "", f"Key (unique): {key}", "",
                "| column | type | null | meaning | allowed values |", "|---|---|---|---|---|"]
        for f in schema:
            desc, allowed = column_doc(table, f.name)
            values = ", ".join(allowed) if allowed else ""
            out.append(f"| {f.name} | {f.type} | {'yes' if f.nullable else 'no'} | {desc.replace('|', '/')} "
                       f"| {values} |")
        out.append("")
    return "\n".join(out)


DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "tables.md"


def main() -> None:
    DOC_PATH.parent.mkdir(exist_ok=True)
    DOC_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
