"""zones.parquet and zone_metrics.parquet: the zone dimension and the consolidated figures."""

from __future__ import annotations

import datetime as dt

import pyarrow.parquet as pq

from pipeline.tables.zone_metrics import zone_metric_rows
from pipeline.tables.zones import listed_zones, zone_rows

HF = "hitech:合肥高新技术产业开发区"
JN = "hitech:济南高新技术产业开发区"


def _mention(aid, text, start, zone_id, norm=None):
    return {"article_id": aid, "label": "ZONE", "text": text, "norm": norm or text, "start": start,
            "end": start + len(text), "zone_id": zone_id, "entity_id": zone_id}


def _fact(aid, start, value, *, subject="济南高新区", metric="高企总数", period="2019", unit="家", **extra):
    return {"article_id": aid, "start": start, "end": start + 4, "value": value, "unit": unit, "per": None,
            "approx": "exact", "subject": subject, "subject_label": "ZONE", "metric": metric,
            "period": period, **extra}


def test_listed_zones_carry_kind_place_and_ftz_parent():
    rows = {r["zone_id"]: r for r in listed_zones()}
    assert len(rows) == 689
    assert rows[HF]["kind"] == "hitech" and rows[HF]["city"] == "合肥市"
    area = rows["ftz_area:中国(上海)自由贸易试验区陆家嘴金融片区"]
    assert area["parent_zone_id"] == "ftz:中国(上海)自由贸易试验区" and area["parent_zone_id"] in rows


def test_park_written_after_its_zone_is_tied_to_it():
    mentions = [_mention("a", "合肥高新区", 0, HF, "合肥高新技术产业开发区"),
                _mention("a", "新经济产业园", 5, "park:新经济产业园"),
                _mention("b", "中关村海淀园", 0, "park:中关村海淀园")]
    found = {r["zone_id"]: r for r in zone_rows(mentions) if r["source"] == "text"}
    assert found["park:新经济产业园"]["parent_zone_id"] == HF
    assert found["park:新经济产业园"]["province"] == "安徽省"
    assert found["park:中关村海淀园"]["parent_zone_id"] == "hitech:中关村科技园区"


def test_pipeline_ties_the_park_to_its_zone(nlp, tmp_path):
    from pipeline.run import extract

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.txt").write_text("# 园区简讯\n\n合肥高新区新经济产业园新增企业120家。\n", encoding="utf-8")
    extract([tmp_path / "in"], tmp_path / "out", nlp, max_chars=10_000, progress=False)
    ents = pq.read_table(tmp_path / "out" / "entities.parquet").to_pylist()
    assert {e["zone_id"] for e in ents if e["label"] == "ZONE"} >= {HF}
    assert all(e["zone_id"] is None for e in ents if e["label"] != "ZONE")
    zones = {r["zone_id"]: r for r in pq.read_table(tmp_path / "out" / "zones.parquet").to_pylist()}
    parks = [z for z in zones.values() if z["name"].endswith("新经济产业园")]
    assert parks and parks[0]["parent_zone_id"] == HF


def test_repeated_figure_counts_once_and_disagreement_is_flagged():
    mentions = [_mention(a, "济南高新区", 0, JN) for a in ("a", "b")]
    facts = [_fact("a", 10, 1217), _fact("a", 50, 1000, approx="about"), _fact("a", 90, 1000),
             _fact("b", 10, 1217), _fact("b", 30, 5, metric="新增", unit="家"),
             _fact("b", 40, 3e8, metric="投资", unit="CNY"), _fact("b", 60, 1e7, metric="投资", unit="USD")]
    rows = zone_metric_rows(facts, mentions)
    [gq] = [r for r in rows if r["metric_key"] == "高企总数"]
    assert gq["zone_id"] == JN and gq["period_start"] == dt.date(2019, 1, 1)
    assert gq["n_facts"] == 3 and gq["n_articles"] == 2       # 千家 twice in article a counts once
    assert gq["conflict"] and gq["spread"] == 217 and gq["value"] == 1217
    assert gq["fact_ids"] == ["a:10-14", "a:50-54", "b:10-14"]
    # currencies are never summed together: one row per unit
    assert sorted(r["unit"] for r in rows if r["metric_key"] == "投资") == ["CNY", "USD"]


def test_contract_columns_are_used_when_present():
    facts = [_fact("a", 10, 1217, subject=None, subject_label=None, zone_id=JN, metric="高企总数达",
                   metric_key="hitech_enterprises", measure="level", fact_id="a:10-14", restates=None,
                   period_start="2019-01-01", period_end="2019-12-31"),  # ISO strings are read as dates
             _fact("a", 90, 1217, subject=None, subject_label=None, zone_id=JN, metric="高企",
                   metric_key="hitech_enterprises", measure="level", fact_id="a:90-94", restates="a:10-14",
                   period_start=dt.date(2019, 1, 1), period_end=dt.date(2019, 12, 31))]
    [row] = zone_metric_rows(facts, [])
    assert row["metric_key"] == "hitech_enterprises" and row["measure"] == "level"
    assert row["n_facts"] == 1 and row["fact_ids"] == ["a:10-14"] and not row["conflict"]
    assert row["period_end"] == dt.date(2019, 12, 31)


def test_sample_zone_metrics_keys_are_unique(sample_run):
    out, _ = sample_run
    rows = pq.read_table(out / "zone_metrics.parquet").to_pylist()
    assert rows
    keys = [(r["zone_id"], r["metric_key"], r["period"], r["period_start"], r["measure"], r["unit"]) for r in rows]
    assert len(keys) == len(set(keys))
    zone_ids = set(pq.read_table(out / "zones.parquet", columns=["zone_id"]).column(0).to_pylist())
    assert {r["zone_id"] for r in rows} <= zone_ids
    assert all(r["n_facts"] == len(r["fact_ids"]) for r in rows)
