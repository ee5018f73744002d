"""Unit tests for ORG/PERSON rules on sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.mentions import Mention
from pipeline.ner import LacTagger, find_orgs_and_people
from pipeline.ner.lac import split_sentences, viterbi_batch, viterbi_pruned


@pytest.fixture(scope="module")
def tagger() -> LacTagger:
    return LacTagger()


def _found(text: str, tagger: LacTagger, label: str, zones=()) -> set[str]:
    ms = find_orgs_and_people(text, tagger=tagger, zones=zones)
    for m in ms:
        assert text[m.start : m.end] == m.text
    return {m.text for m in ms if m.label == label}


def test_suffix_org_with_place_prefix(tagger: LacTagger) -> None:
    orgs = _found("昨天,江西省人民政府与北京航空航天大学签署了合作协议。", tagger, "ORG")
    assert "北京航空航天大学" in orgs


def test_suffix_org_national_prefix(tagger: LacTagger) -> None:
    orgs = _found("该项目由中国软件行业协会牵头组织。", tagger, "ORG")
    assert "中国软件行业协会" in orgs


def test_company_short_name_rule(tagger: LacTagger) -> None:
    orgs = _found("据悉,瑞祥电子的新产品已经量产。", tagger, "ORG")
    assert "瑞祥电子" in orgs


def test_list_with_known_org(tagger: LacTagger) -> None:
    orgs = _found("园区吸引了阿里巴巴、百度、小米等企业入驻。", tagger, "ORG")
    assert {"阿里巴巴", "百度", "小米"} <= orgs


def test_title_gives_person_and_role(tagger: LacTagger) -> None:
    text = "据红光电子党委书记、总经理王建华介绍,产值增长明显。"
    ms = find_orgs_and_people(text, tagger=tagger)
    people = [m for m in ms if m.label == "PERSON"]
    assert [m.text for m in people] == ["王建华"]
    assert people[0].attrs["role"] == "党委书记、总经理"
    assert people[0].attrs.get("org") == "红光电子"
    assert "红光电子" in {m.text for m in ms if m.label == "ORG"}


def test_titles_not_in_person_span(tagger: LacTagger) -> None:
    people = _found("会上,副市长李明辉作了讲话。", tagger, "PERSON")
    assert people == {"李明辉"}


def test_generic_references_rejected(tagger: LacTagger) -> None:
    orgs = _found("该公司表示,公司将配合市政府和管委会的工作。", tagger, "ORG")
    assert not orgs & {"公司", "该公司", "市政府", "管委会"}


def test_subunit_gives_parent(tagger: LacTagger) -> None:
    text = "浙江工业大学党委副书记陈立新出席了会议。"
    assert "浙江工业大学" in _found(text, tagger, "ORG")
    assert "陈立新" in _found(text, tagger, "PERSON")


def test_zone_inside_org_kept_as_org_not_zone(tagger: LacTagger) -> None:
    text = "南宁高新区管委会发布了新政策。"
    zone = Mention("ZONE", 0, 5, "南宁高新区", "test")
    orgs = _found(text, tagger, "ORG", zones=[zone])
    assert "南宁高新区管委会" in orgs
    assert "南宁高新区" not in orgs


def test_full_width_input_offsets(tagger: LacTagger) -> None:
    text = "据ＡＢＣ公司消息，中国软件行业协会会长张志强表示。"
    ms = find_orgs_and_people(text, tagger=tagger)
    for m in ms:
        assert text[m.start : m.end] == m.text
    assert "中国软件行业协会" in {m.text for m in ms if m.label == "ORG"}
    assert "张志强" in {m.text for m in ms if m.label == "PERSON"}


def test_split_sentences_limits_length() -> None:
    text = "甲" * 600 + "。乙乙,丙丙。"
    spans = split_sentences(text)
    assert all(e - s <= 250 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text.replace("", "")[: len(text)]


def test_pruned_viterbi_equals_full() -> None:
    import numpy as np

    rng = np.random.default_rng(1)
    trans = rng.normal(0, 0.1, (7, 7)).astype(np.float32)
    em = rng.normal(0, 1.0, (5, 30, 7)).astype(np.float32)
    em[:, ::3] *= 0.05  # make some positions ambiguous
    lengths = np.array([30, 12, 1, 29, 7])
    a = viterbi_pruned(em, trans, lengths)
    b = viterbi_batch(em, trans, lengths)
    for r, n in enumerate(lengths):
        assert (a[r, :n] == b[r, :n]).all()


def test_batch_matches_single(tagger: LacTagger) -> None:
    texts = ["张三在北京工作。", "华为公司发布了新手机,李四说很好。今天天气不错。"]
    many = tagger.tag_many(texts)
    assert many[0] == tagger.tag(texts[0])
    for spans, t in zip(many, texts):
        assert all(0 <= s < e <= len(t) for s, e, _ in spans)
