"""The learned check on organisations LAC alone names (pipeline/ner/org_check.py), on sentences
written for these tests, and its trainer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.ner import LacTagger, find_orgs_and_people
from pipeline.ner import org_check as oc

ROOT = Path(__file__).resolve().parents[2]


def _orgs(text: str, tagger: LacTagger, **kw) -> set[str]:
    return {m.text for m in find_orgs_and_people(text, tagger=tagger, **kw) if m.label == "ORG"}


def _sources(text: str, tagger: LacTagger, **kw) -> dict[str, str]:
    return {m.text: m.source for m in find_orgs_and_people(text, tagger=tagger, **kw) if m.label == "ORG"}


def test_shipped_weights_fit_the_features() -> None:
    data = json.loads(oc.WEIGHTS.read_text(encoding="utf-8"))
    assert list(data["weights"]) == list(oc.FEATURES)
    assert 0 < data["threshold"] < 1
    check = oc.default_check()
    assert check is not None and len(check.weights) == len(oc.FEATURES)


@pytest.mark.parametrize("text, word", [
    ("节日期间,京城卖场人头攒动。", "京城"),  # a city's old name before its shops
    ("据称,国际环保组织对此提出了批评。", "国际环保组织"),  # an unnamed body
    ("我们要实现世界光伏城、华东储能城的总体目标。", "世界光伏城"),  # a slogan
])
def test_the_check_drops_what_lac_alone_took_for_an_organisation(text: str, word: str, tagger: LacTagger) -> None:
    assert word in _orgs(text, tagger, org_check=None)
    assert word not in _orgs(text, tagger)


def test_the_check_keeps_companies_in_a_list(tagger: LacTagger) -> None:
    text = "据悉,金桥新材、华擎航空、聚源电子等企业入驻园区。"
    assert _orgs(text, tagger) == _orgs(text, tagger, org_check=None) == {"金桥新材", "华擎航空", "聚源电子"}


def test_a_name_the_check_keeps_once_is_kept_everywhere(tagger: LacTagger) -> None:
    """The article's names are one decision: a mention the check doubts stays when another
    mention of the same name passes."""
    text = "节日期间,京城卖场人头攒动。据悉,京城、华擎航空等企业入驻园区。"
    found = [m for m in find_orgs_and_people(text, tagger=tagger) if m.text == "京城"]
    assert len(found) in (0, 2)


def test_a_word_the_check_drops_is_no_persons_name_either(tagger: LacTagger) -> None:
    """LAC reads 徐福记 as an organisation, then as a person; with the organisation dropped
    (here by a check that drops everything) the person reading must not come back."""
    drop_all = oc.OrgCheck([-30.0] + [0.0] * (len(oc.FEATURES) - 1))
    text = "外资巨头将收购徐福记多数股份。徐福记回应说经营照旧。"
    found = find_orgs_and_people(text, tagger=tagger, org_check=drop_all)
    assert not [m for m in found if "徐福" in m.text]
    assert {m.text for m in find_orgs_and_people(text, tagger=tagger, org_check=None)} == {"徐福记"}


def test_training_reproduces_the_shipped_weights(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "org_check.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "train_org_check.py"), "--shared", str(shared),
                    "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(oc.WEIGHTS.read_text(encoding="utf-8"))


def test_shipped_rule_check_fits_its_features() -> None:
    data = json.loads(oc.RULE_WEIGHTS.read_text(encoding="utf-8"))
    assert list(data["weights"]) == list(oc.RULE_FEATURES)
    assert oc.default_rule_check() is not None


@pytest.mark.parametrize("text, word", [
    ("据测算,今年各地机关用车的采购已占到汽车销售总量的一成。", "占到汽车"),  # a verb before an industry word
    ("据了解,今年全球将投产一批矽晶圆材料生产线。", "矽晶圆材料"),  # a material
    ("本月初运营商宣布包销100万部华擎智能手机。", "华擎智能"),  # a phone, not a firm
])
def test_the_rule_check_drops_what_the_short_name_rule_misread(text: str, word: str, tagger: LacTagger) -> None:
    assert _sources(text, tagger, rule_check=None).get(word) == "org_short"
    assert word not in _orgs(text, tagger)


def test_the_rule_check_keeps_a_firm_the_short_name_rule_found(tagger: LacTagger) -> None:
    text = "截至目前,开发区已有鼎华重工、思拓新材、垣丰光电等企业入驻。"
    assert _sources(text, tagger).get("鼎华重工") == "org_short"


def test_rule_check_training_reproduces_the_shipped_weights(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "org_rule_check.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "train_rule_check.py"), "--shared", str(shared),
                    "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(oc.RULE_WEIGHTS.read_text(encoding="utf-8"))


def test_no_check_is_fitted_on_a_held_out_article() -> None:
    # the hand-labelled candidates include articles later drawn into the held-out name batches
    # (scripts/eval_corpus_names.py): the trainers leave them out, or those figures flatter
    sys.path.insert(0, str(ROOT / "scripts"))
    import check_training
    import eval_corpus_names

    assert check_training.HELD_OUT_BATCHES == eval_corpus_names.HELD_OUT
    held = check_training.held_out_articles()
    for name in ("org_candidates", "org_rule_candidates", "list_items"):
        path = ROOT / "data" / "labels" / f"{name}.jsonl"
        every = {json.loads(ln)["article_id"] for ln in path.read_text(encoding="utf-8").splitlines()}
        kept = {aid for _, aid, _ in check_training.read_labels(path)}
        assert every & held  # (the case arises: held-out articles are in the files)
        assert not kept & held and kept == every - held


def test_the_shipped_check_on_candidates_it_never_saw(shared: Path) -> None:
    # data/labels/org_candidates_test.jsonl: the check's candidates in 150 news_2011 articles no batch,
    # label file or fit had touched, labelled by hand on 2026-12-05 and never fitted on (a refit with
    # them scored lower on the held-out name batches, so they stay a test of the check)
    sys.path.insert(0, str(ROOT / "scripts"))
    import check_training
    import numpy as np

    data = json.loads(oc.WEIGHTS.read_text(encoding="utf-8"))
    w = np.array([data["weights"][k] for k in oc.FEATURES])
    labels = check_training.read_labels(ROOT / "data" / "labels" / "org_candidates_test.jsonl")
    fitted = {aid for _, aid, _ in check_training.read_labels(ROOT / "data" / "labels" / "org_candidates.jsonl")}
    assert not {aid for _, aid, _ in labels} & fitted
    record = check_training.recording(oc.OrgCheck, oc.FEATURES, "org_check", keep=True)
    X, y, _, _ = check_training.examples(shared, labels, record)
    p = 1 / (1 + np.exp(-(X @ w)))
    assert len(y) > 300 and check_training.auc(p, y) > 0.80
    dropped = p < data["threshold"]
    # the check earns its place: the wrong names it drops outweigh the right ones it costs, counted
    # as its trainer counts them (a right name lost is worth 1.35 wrong ones kept)
    assert ((dropped & (y == 0)).sum()) > 1.35 * ((dropped & (y == 1)).sum())
