"""The trained name model's pieces, its merge with the rules, and the shipped model."""

from __future__ import annotations

import pytest

from pipeline.mentions import Mention
from pipeline.ner.chardoc import char_doc, pieces
from pipeline.ner.merge import MODES, is_description, merge

TEXT = "星河高新区引进了青松光电科技有限公司。\n一家大公司在园区落户，王晓明出席。"


def test_pieces_cover_the_text_at_sentence_ends():
    got = list(pieces(TEXT))
    assert got[0] == (0, TEXT.index("。") + 1)
    assert "".join(TEXT[s:e] for s, e in got).replace("\n", "") == TEXT.replace("\n", "")
    long = "甲" * 250 + "，" + "乙" * 200 + "。"
    spans = list(pieces(long, max_len=300))
    assert spans[0] == (0, 251)  # cut after the comma, not inside a word run
    assert max(e - s for s, e in spans) <= 300


def test_char_doc_offsets_are_characters():
    import spacy

    doc = char_doc(spacy.blank("zh").vocab, TEXT)
    assert len(doc) == len(TEXT)
    assert doc[3:5].text == TEXT[3:5]
    # each token's LEMMA is its bigram (configs/ner_char_bigram.cfg embeds it)
    assert [t.lemma_ for t in doc[:3]] == [TEXT[0:2], TEXT[1:3], TEXT[2:4]]
    assert doc[-1].lemma_ == TEXT[-1] + "\0"
    assert len(char_doc(spacy.blank("zh").vocab, "")) == 0


def test_stage_drops_labels_the_pipeline_has_no_name_for():
    from pipeline.nlp.components.name_model import name_spans

    assert name_spans([(0, 2, "LOC"), (2, 5, "ORG"), (5, 8, "PERSON"), (8, 12, "ZONE")]) == \
        [(2, 5, "ORG"), (5, 8, "PERSON"), (8, 12, "ZONE")]


def test_descriptions_are_not_names():
    assert is_description("大公司") and is_description("股份制公司") and is_description("当局")
    assert is_description("世界500强企业")
    assert not is_description("青松光电科技有限公司") and not is_description("华为")


def _rules():
    s = TEXT.index("星河")
    return [Mention("ZONE", s, s + 5, TEXT[s:s + 5], "zone_suffix", norm=TEXT[s:s + 5]),
            Mention("ORG", 8, 10, TEXT[8:10], "lac", norm=TEXT[8:10])]


def test_merge_modes():
    org = (TEXT.index("青松"), TEXT.index("。"), "ORG")
    big = (TEXT.index("大公司"), TEXT.index("大公司") + 3, "ORG")
    per = (TEXT.index("王晓明"), TEXT.index("王晓明") + 3, "PERSON")
    spans = [org, big, per]
    assert merge(TEXT, TEXT, _rules(), spans, "rules") == _rules()
    partner = {(m.start, m.end, m.label) for m in merge(TEXT, TEXT, _rules(), spans, "partner")}
    assert org in partner and per in partner
    assert big not in partner  # a description, not a name
    assert (8, 10, "ORG") not in partner  # LAC alone, the model did not confirm it
    assert any(lab == "ZONE" for _, _, lab in partner)  # zones stay with the zone rules
    union = {(m.start, m.end, m.label) for m in merge(TEXT, TEXT, _rules(), spans, "union")}
    assert (8, 10, "ORG") in union
    with pytest.raises(ValueError):
        merge(TEXT, TEXT, _rules(), spans, "both")
    assert "partner" in MODES


def test_partner_propagates_a_model_name():
    text = "青松光电发布新品。青松光电表示，"
    out = merge(text, text, [], [(0, 4, "ORG")], "partner")
    assert [(m.start, m.end) for m in out] == [(0, 4), (9, 13)]


def test_missing_model_is_a_clear_error(tmp_path):
    from pipeline.ner.model import NameModel

    with pytest.raises(FileNotFoundError, match="make train"):
        NameModel(tmp_path)


def test_shipped_model_finds_names():
    from pipeline.ner.model import SHIPPED, NameModel

    if not (SHIPPED / "meta.json").exists():
        pytest.skip("no shipped name model")
    spans = NameModel(SHIPPED).spans(TEXT)
    assert all(0 <= s < e <= len(TEXT) for s, e, _ in spans)
    assert {lab for *_, lab in spans} <= {"ZONE", "ORG", "PERSON"}
    assert any(TEXT[s:e] == "王晓明" and lab == "PERSON" for s, e, lab in spans)
