"""The tokenizer: LAC's words (default) or pkuseg's, numbers and sentences kept on the Doc."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from pipeline.facts.metric import _pieces, metric_words
from pipeline.ingest.sources import article_from_record
from pipeline.nlp.tokenizer import DEFAULT_MODEL, LastingWords, blank_zh, tokens_from_spans, words_and_spaces
from pipeline.run import annotate_many, take_stage_seconds

TEXT = ("青峰高新区管委会消息，园区今年新增高新技术企业86家，总数达到412家。\n"
        "山湖光电科技有限公司研发投入1.2亿元，占营业收入的6.5%。")


def _article(text: str, seq: int = 0):
    return article_from_record({"id": f"t{seq}", "title": "园区动态", "text": text}, source="t", seq=seq)


def test_lac_words_cover_the_text_and_cut_at_sentences(nlp):
    doc = nlp.make_doc(TEXT)
    words = [t.text for t in doc if not t.is_space]
    assert "".join(words) == "".join(TEXT.split())
    starts = {t.idx for t in doc}
    for s, e, _ in doc.user_data["hz_lac"]:
        assert s in starts and (e in starts or e == len(TEXT))
    assert all(s in starts for s, _ in doc.user_data["hz_sentences"])
    # words, not characters, and no token crosses the line break
    assert len(doc) < len(TEXT) * 0.7
    assert not any("\n" in w for w in words)


def test_lac_tags_once_per_article(nlp):
    """The tokenizer tags a chunk ahead; the organisation stage takes the tags from the Doc."""
    tagger = nlp.tokenizer.tagger
    assert nlp.get_pipe("hz_orgs_people").tagger is tagger
    calls = {"many": 0, "one": 0}
    many, one = tagger.tag_many, tagger.tag

    def count_many(texts):
        calls["many"] += 1
        return many(texts)

    def count_one(text):
        calls["one"] += 1
        return one(text)

    tagger.tag_many, tagger.tag = count_many, count_one
    try:
        arts = [_article(TEXT.replace("86", str(80 + i)), i) for i in range(3)]
        outcomes, _ = annotate_many(nlp, arts)
        take_stage_seconds()
    finally:
        del tagger.tag_many, tagger.tag
    assert calls == {"many": 1, "one": 0}
    orgs = {r["text"] for o in outcomes for r in o["entities"] if r["label"] == "ORG"}
    assert "山湖光电科技有限公司" in orgs


def test_unknown_segmenter_is_a_clear_error(monkeypatch):
    with pytest.raises(ValueError, match="lac, pkuseg"):
        blank_zh(segmenter="jieba")
    monkeypatch.setenv("HITECH_SEGMENTER", "chars")
    with pytest.raises(ValueError, match="HITECH_SEGMENTER"):
        blank_zh()


@pytest.fixture(scope="module")
def nlp_pkuseg():
    if not (DEFAULT_MODEL / "weights.npz").exists():
        pytest.skip("pkuseg model not fetched (make setup)")
    from pipeline.nlp import load_pipeline

    return load_pipeline(segmenter="pkuseg")


def test_pkuseg_segments_number_sentences_only(nlp_pkuseg):
    doc = nlp_pkuseg.make_doc("园区环境优美。今年新增企业86家。")
    first = [t.text for t in doc if t.idx < 7]
    assert first == list("园区环境优美。")
    assert any(len(t.text) > 1 for t in doc if t.idx >= 7)
    assert "hz_lac" not in doc.user_data


def test_segmenters_agree_on_entities_and_numbers(nlp, nlp_pkuseg):
    """Only the metric, read from the tokens, may differ between the two segmenters."""
    arts = [_article(TEXT)]
    (lac,), _ = annotate_many(nlp, arts)
    (pku,), _ = annotate_many(nlp_pkuseg, arts)
    take_stage_seconds()
    assert lac["entities"] == pku["entities"]
    strip = lambda rows: [{k: v for k, v in r.items() if k != "metric"} for r in rows]  # noqa: E731
    assert strip(lac["facts"]) == strip(pku["facts"])


@pytest.mark.parametrize("token, skip, pieces", [
    ((10, 14), [], [(10, 14)]),
    ((10, 14), [(4, 12)], [None, (12, 14)]),          # a zone's end joined to the next word
    ((10, 14), [(12, 20)], [(10, 12), None]),          # a word joined to a number's qualifier
    ((10, 14), [(11, 12)], [(10, 11), None, (12, 14)]),
    ((10, 14), [(0, 30)], [None]),
])
def test_token_pieces_outside_skipped_spans(token, skip, pieces):
    assert _pieces(*token, skip) == pieces


def test_metric_drops_the_part_of_a_word_inside_a_zone(nlp):
    text = "岳麓高新区规模以上工业企业产值达到800亿元。"
    doc = nlp.make_doc(text)
    zone_end = text.index("规")
    assert any(t.idx < zone_end < t.idx + len(t) for t in doc), "LAC no longer joins these: pick another"
    words = metric_words(doc, 0, text.index("800"), skip=[(0, zone_end)])
    assert words[0] == "规模以上工业企业产值"


def test_a_chunk_leaves_no_words_in_the_vocabulary(nlp, monkeypatch):
    """Words of a chunk are freed with it (spaCy memory zone): memory stays flat over a corpus."""
    monkeypatch.setattr(nlp.tokenizer, "lasting", LastingWords(keep=0))
    text = "翠微镍钴锂电材料园区今年新签约项目17个，总投资达到93亿元。"
    before = len(nlp.vocab.strings)
    (rows,), _ = annotate_many(nlp, [_article(text)])
    take_stage_seconds()
    assert rows["facts"]
    assert len(nlp.vocab.strings) == before
    doc = nlp.make_doc(text)  # outside a zone the same words do stay
    assert len(nlp.vocab.strings) > before and len(doc)


def test_the_first_words_stay_up_to_the_cap(nlp, monkeypatch):
    """Lasting words are made before the chunk's memory zone, so they outlive it."""
    monkeypatch.setattr(nlp.tokenizer, "lasting", LastingWords(keep=3))
    text = "翠微镍钴锂电材料园区今年新签约项目17个，总投资达到93亿元。"
    words = [t.text for t in nlp.make_doc(text) if not t.is_space]
    fresh = Vocab()
    assert all(w not in fresh.strings for w in words)
    kept = LastingWords(keep=3)
    kept.note(words)
    kept.promote(fresh)
    with fresh.memory_zone():
        for w in words:
            fresh[w]
    assert sum(w in fresh.strings for w in words) == 3  # the cap
    assert kept.kept == 3
    kept.note(words)
    kept.promote(fresh)
    assert kept.kept == 3


@pytest.mark.parametrize("text", [TEXT, "  前导空格 与  两个空格\n\n以及 English words, 3.5%。 ", ""])
def test_token_starts_kept_on_the_doc_are_token_offsets(nlp, text):
    doc = nlp.make_doc(text)
    assert doc.user_data["hz_token_starts"] == [t.idx for t in doc]


@pytest.mark.parametrize("words, text", [
    (["园区", "新增", "企业"], "园区 新增  企业"),
    (["  ", "A", "股", "3.5%"], "\t A股 3.5%\n"),
    ([], "   "),
    (["一"], "一"),
])
def test_words_and_spaces_as_spacy_gives_them(words, text):
    from spacy.util import get_words_and_spaces

    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)


@pytest.mark.parametrize("text", ["园区 新增  企业", "\t A股 3.5%\n", "   ", "一", "", " 两端 ", "a  b\n\nc d"])
def test_tokens_from_spans_as_from_words(text):
    import re

    from spacy.tokens import Doc
    from spacy.util import get_words_and_spaces
    from spacy.vocab import Vocab

    spans = [m.span() for m in re.finditer(r"\S{1,2}", text)]
    words, spaces = get_words_and_spaces([text[s:e] for s, e in spans], text)
    offsets = [t.idx for t in Doc(Vocab(), words=words, spaces=spaces)]
    assert tokens_from_spans(spans, text) == (words, spaces, offsets)


def test_words_that_do_not_spell_the_text_are_refused():
    with pytest.raises(ValueError):
        words_and_spaces(["园区", "企业"], "园区新增企业")


def test_tables_record_the_segmenter_of_the_pipeline_given(nlp_pkuseg, tmp_path, monkeypatch):
    """The metadata (and the reuse fingerprint) follow the pipeline, not only the environment."""
    import json

    import pyarrow.parquet as pq

    from pipeline.run import extract

    monkeypatch.delenv("HITECH_SEGMENTER", raising=False)
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "title": "园区动态", "text": "青峰高新区新增企业12家。"}\n', encoding="utf-8")
    extract([src], tmp_path / "out", nlp_pkuseg, max_chars=300_000, progress=False, workers=1)
    models = json.loads(pq.read_schema(tmp_path / "out" / "facts.parquet").metadata[b"hitech_ie.models"])
    assert models["segmenter"].startswith("pkuseg")
