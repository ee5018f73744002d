"""The subject ranker and the subject_id / zone_id columns, on text written for these tests
and on the tables of data/raw."""

import json

import pyarrow.parquet as pq

from pipeline.facts.subject_rank import FEATURES, WEIGHTS, ArticleFeatures, choose, load_weights
from pipeline.ingest.sources import article_from_record
from pipeline.mentions import Mention
from pipeline.run import annotate
from pipeline.zones.rules import load_zone_rules


def facts_of(nlp, text, title="测试标题"):
    art = article_from_record({"id": "t", "title": title, "text": text}, source="t", seq=0)
    return {f["surface"]: f for f in annotate(nlp, art)._.facts}


def test_shipped_weights_fit_the_features():
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert len(data["weights"]) == len(FEATURES)
    assert load_weights() is not None


def test_null_is_a_candidate_and_wins_when_weighted_so():
    text = "甲公司与乙公司签约。项目总投资10亿元。"
    ms = [Mention("ORG", 0, 3, "甲公司", "test"), Mention("ORG", 4, 7, "乙公司", "test")]
    feats = ArticleFeatures(text, ms, running=[(0, len(text))], title=None)
    pos = text.index("10亿元")
    cands, rows = feats.rows(pos, pos + 4, (10, len(text)), (0, len(text)), None)
    assert [c.key for c in cands] == [("ORG", "甲公司"), ("ORG", "乙公司"), None]
    w = [0.0] * len(FEATURES)
    w[FEATURES.index("null")] = 1.0
    assert choose(rows, w) == 2
    w[FEATURES.index("nearest_before")] = 2.0  # 乙公司 is the name nearest before the number
    assert cands[choose(rows, w)].key == ("ORG", "乙公司")


def test_a_zone_report_without_the_name_in_the_sentence(nlp):
    f = facts_of(nlp, "2023年，苏州工业园区经济运行稳中有进。全区实现地区生产总值3686亿元，增长5.8%。",
                 title="苏州工业园区2023年经济运行情况")
    assert f["3686亿元"]["subject"] == "苏州工业园区"
    assert f["3686亿元"]["zone_id"] is not None


def test_subject_ids_join_the_entities_table(sample_run):
    out, _ = sample_run
    facts = pq.read_table(out / "facts.parquet").to_pylist()
    entities = pq.read_table(out / "entities.parquet").to_pylist()
    ids = {(e["article_id"], e["entity_id"]) for e in entities}
    listed = load_zone_rules().zones
    with_subject = [f for f in facts if f["subject"] is not None]
    assert with_subject
    for f in facts:
        if f["subject"] is None:
            assert f["subject_id"] is None and f["zone_id"] is None
            continue
        assert (f["article_id"], f["subject_id"]) in ids, f
        if f["zone_id"] is not None:
            assert f["subject_label"] == "ZONE" and f["zone_id"] in listed
    assert any(f["zone_id"] for f in with_subject)
