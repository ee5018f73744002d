"""The learned check on people LAC alone names (pipeline/ner/person_check.py), on sentences
written for these tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from pipeline.ner import LacTagger, find_orgs_and_people
from pipeline.ner import person_check as pc
from pipeline.ner.check import quoted

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import train_person_check as tpc  # noqa: E402


def _people(text: str, tagger: LacTagger, **kw) -> set[str]:
    return {m.text for m in find_orgs_and_people(text, tagger=tagger, **kw) if m.label == "PERSON"}


def test_shipped_weights_fit_the_features() -> None:
    data = json.loads(pc.WEIGHTS.read_text(encoding="utf-8"))
    assert list(data["weights"]) == list(pc.FEATURES)
    assert 0 < data["threshold"] < 1
    check = pc.default_check()
    assert check is not None and len(check.weights) == len(pc.FEATURES)


@pytest.mark.parametrize("text, word", [
    ("罐头厂的原料主要是马口铁和白糖。", "马口铁"),  # tinplate
    ("受寒潮影响，蕉农损失不小。", "蕉农"),  # banana growers
])
def test_a_common_word_lac_takes_for_a_person_is_dropped(tagger: LacTagger, text: str, word: str) -> None:
    assert word in _people(text, tagger, person_check=None)  # LAC's reading, unchecked
    assert word not in _people(text, tagger)


@pytest.mark.parametrize("text, name", [
    ("王建军说，园区今年新增企业30家。", "王建军"),
    ("交流会上，张明远与李晓红分享了经验。", "李晓红"),
])
def test_names_read_as_names_are_kept(tagger: LacTagger, text: str, name: str) -> None:
    assert name in _people(text, tagger)


def test_spaced_byline_names_are_vouched_for(tagger: LacTagger) -> None:
    text = "新华网 南宁6月3日电 (韦小平 罗婕)园区项目集中开工。通讯员 张强 报道。"
    found = _people(text, tagger)
    assert {"罗婕", "张强"} <= found


def test_honorifics_and_name_runs_vouch() -> None:
    h = "马先生说，夏总来了。"
    assert pc.honoured(h, 0, 1) and pc.honoured(h, 5, 6)
    assert not pc.honoured("马上来", 0, 1)
    toks = [(0, 2, "PER"), (2, 5, "PER"), (5, 7, "PER"), (7, 8, "w")]
    starts = [t[0] for t in toks]
    assert pc.in_name_run("王平李德生江华。", toks, starts, 2, 5)
    assert not pc.in_name_run("王平李德生江华。", toks[1:2] + toks[3:], [2, 7], 2, 5)


def test_contract_forms_are_not_the_models() -> None:
    assert pc.exempt("老王") and pc.exempt("王某") and not pc.exempt("王强")


def test_features_see_a_word_glued_on() -> None:
    chars = pc.CharStats({})
    h = "据说王强说"
    toks = [(0, 2, "v"), (2, 5, "PER")]  # LAC's word runs past the name's end
    x = dict(zip(pc.FEATURES, pc.features(h, toks, [0, 2], 2, 4, ("PER",), chars, 0.9)))
    assert x["glued_after"] == 1.0 and x["len2"] == 1.0 and x["alone_PER"] == 1.0 and x["prev_v"] == 1.0


def test_char_table_and_fit() -> None:
    table = tpc.char_table([("王强说好", {(0, 2)}), ("王强来了", {(0, 2)})], min_uses=1)
    assert table["王"] == [2, 2, 0] and table["强"] == [2, 0, 2] and table["说"] == [1, 0, 0]
    rng = np.random.default_rng(0)
    X = np.c_[np.ones(200), rng.normal(size=(200, len(pc.FEATURES) - 1))]
    y = (X[:, 1] > 0).astype(float)
    w = tpc.fit(X, y)
    assert w[1] > 1.0  # the one informative feature carries the weight
    assert tpc.f_score(np.array([0.9, 0.1]), np.array([1.0, 0.0]), (0, 0, 1), 0.5) == 1.0


def test_a_name_alone_on_its_line_signs_the_article() -> None:
    h = "园区新增企业30家。\n\n周晓岚\n\n下一篇"
    s = h.index("周晓岚")
    assert pc.signs_a_line(h, s, s + 3)
    assert not pc.signs_a_line("周晓岚说，园区新增企业。", 0, 3)


def test_a_straight_quote_opens_and_closes() -> None:
    # (a closed "…" before a name left the old test reading the name as quoted)
    assert not quoted('他说"好的"王强来了', 8)
    assert quoted('他说"王强', 3)
    assert quoted("《王强", 1) and not quoted("《人民日报》王强", 6)
    assert not quoted("“某文\n王强", 4)  # (an open quote on the line before is not this line's)


def test_features_see_a_noun_for_what_someone_is() -> None:
    chars = pc.CharStats({})
    h = "品牌代言人王强出席"
    toks = [(0, 2, "n"), (2, 5, "n"), (5, 7, "PER"), (7, 9, "v")]
    x = dict(zip(pc.FEATURES, pc.features(h, toks, [0, 2, 5, 7], 5, 7, ("PER",), chars, 0.9)))
    assert x["prev_agent"] == 1.0 and x["prev_noun"] == 0.0
    toks = [(0, 2, "n"), (2, 5, "n"), (5, 7, "PER")]
    x = dict(zip(pc.FEATURES, pc.features("品牌包装盒王强", toks, [0, 2, 5], 5, 7, ("PER",), chars, 0.9)))
    assert x["prev_agent"] == 0.0 and x["prev_noun"] == 1.0


def test_thresholds_that_tie_go_to_precision() -> None:
    X = np.c_[np.ones(400), np.r_[np.full(200, 5.0), np.full(200, -5.0)]]  # every threshold separates them
    y = np.r_[np.ones(200), np.zeros(200)]
    assert tpc.pick_threshold([(X, y, (0, 0, 200))]) == 0.75


def test_a_name_listed_beside_a_person_is_a_person(tagger: LacTagger) -> None:
    """LAC is unsure of 丁大为 (大为 is a word), but a list holds one kind of thing."""
    text = "会后,刘文涛、丁大为一行考察了三家企业。"
    assert _people(text, tagger) == {"刘文涛", "丁大为"}


def test_coordinated_runs_along_a_list() -> None:
    from pipeline.ner.check import coordinated

    h = "甲乙、丙丁和戊己出席。"
    spans = [(0, 2), (3, 5), (6, 8)]
    assert coordinated(h, spans, {"甲乙"}) == {"丙丁", "戊己"}
    assert coordinated(h, spans, set()) == set()
    assert coordinated("甲乙的丙丁", [(0, 2), (3, 5)], {"甲乙"}) == set()


def test_a_byline_name_between_roles_is_vouched(tagger: LacTagger) -> None:
    """吴某/文 周某 实习生 邓某/图: a name a space parts from /文 before it or a role after it."""
    h = "本报记者 刘思远/文 周红声 实习生 邓可/图"
    toks = [t for t in tagger.tag(h) if not h[t[0]:t[1]].isspace()]
    starts = [t[0] for t in toks]
    i = next(k for k, t in enumerate(toks) if h[t[0]:t[1]] == "周红声")
    assert pc.in_name_run(h, toks, starts, toks[i][0], toks[i][1])


def test_neighbour_words_are_counted_beside_gold_names() -> None:
    text = "顾问王强说好"
    toks = [(0, 2, "n"), (2, 4, "PER"), (4, 5, "v"), (5, 6, "a")]
    c = tpc.neighbour_counts(text, {(2, 4)}, toks)
    assert c["顾问"] == [1, 1, 0] and c["说"] == [1, 0, 1] and c["好"] == [1, 0, 0]
    table, totals = tpc.word_table([([(text, {(2, 4)})] * 3, [toks] * 3)], min_uses=3, min_plain=20)
    assert table["顾问"] == [3, 3, 0] and totals == [12, 3, 3]


def test_a_word_seen_before_names_reads_for_a_name_and_one_never_beside_one_against() -> None:
    words = pc.WordStats({"顾问": [50, 40, 0], "包装": [200, 0, 0]}, [10000, 100, 100])
    assert words.before("顾问") > 3 and words.after("顾问") < -1
    assert words.before("包装") < -2
    assert words.before("没见过") == 0.0
    # the trainer reads a sentence's candidates as if it were not in the table
    alone = tpc.Without(pc.WordStats({"顾问": [1, 1, 0]}, [10000, 100, 100]), {"顾问": [1, 1, 0]})
    assert alone.before("顾问") == 0.0


def test_the_word_before_a_name_feeds_the_check() -> None:
    words = pc.WordStats({"顾问": [50, 40, 0]}, [10000, 100, 100])
    h = "顾问王强出席"
    toks = [(0, 2, "n"), (2, 4, "PER"), (4, 6, "v")]
    x = dict(zip(pc.FEATURES, pc.features(h, toks, [0, 2, 4], 2, 4, ("PER",), pc.CharStats({}), 0.9, words)))
    assert x["word_before"] == words.before("顾问") and x["word_after"] == 0.0
