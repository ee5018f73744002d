"""The learned edges of LAC's person words (pipeline/ner/person_bounds.py), on sentences written
for these tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.ner import LacTagger, find_orgs_and_people
from pipeline.ner import person_bounds as pb
from pipeline.ner.person_check import CharStats, WordStats

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import train_person_bounds as tpb  # noqa: E402


def _people(text: str, tagger: LacTagger, **kw) -> set[str]:
    return {m.text for m in find_orgs_and_people(text, tagger=tagger, **kw) if m.label == "PERSON"}


def test_shipped_weights_fit_the_features() -> None:
    d = json.loads(pb.WEIGHTS.read_text(encoding="utf-8"))
    assert d["features"] == list(pb.FEATURES) and set(d["weights"]) == set(pb.EDGES)
    assert all(0 < t <= 1 for t in d["thresholds"].values())
    assert pb.default_bounds() is not None


def test_the_edges_weighed() -> None:
    h = "院长孙立和今天"
    toks = [(0, 2, "n"), (2, 4, "PER"), (4, 5, "c"), (5, 7, "TIME")]
    assert pb.alternatives(h, toks, 1) == [("end+1", 2, 5), ("start-1", 1, 4)]
    toks = [(0, 2, "n"), (2, 6, "PER"), (6, 7, "TIME")]  # (a four-character word: one shorter too)
    assert ("end-1", 2, 5) in pb.alternatives("院长孙立和今天", toks, 1)


def _always(edge: str) -> pb.PersonBounds:
    """Bounds whose ``edge`` model says yes to everything, the others no."""
    w = {e: [0.0] * len(pb.FEATURES) for e in pb.EDGES}
    w[edge][pb.FEATURES.index("bias")] = 30.0
    return pb.PersonBounds(w, {e: 0.5 for e in pb.EDGES}, CharStats({}), WordStats({}, [1, 1, 1]), pb.Joins({}))


def test_repair_moves_the_neighbours_with_the_edge(tagger: LacTagger) -> None:
    h = "院长孙立和今天"
    toks = [(0, 2, "n"), (2, 4, "PER"), (4, 5, "c"), (5, 7, "TIME")]
    assert _always("end+1").repair(h, toks, tagger) == [(0, 2, "n"), (2, 5, "PER"), (5, 7, "TIME")]
    toks = [(0, 2, "n"), (2, 6, "PER"), (6, 7, "n")]
    assert _always("end-1").repair(h, toks, tagger) == [(0, 2, "n"), (2, 5, "PER"), (5, 6, "xc"), (6, 7, "n")]
    toks = [(0, 2, "n"), (2, 5, "PER"), (5, 7, "TIME")]
    assert _always("start-1").repair(h, toks, tagger) == [(0, 1, "n"), (1, 5, "PER"), (5, 7, "TIME")]


def test_a_third_character_lac_cut_off_comes_back_and_an_adverb_does_not(tagger: LacTagger) -> None:
    # 孙立/PER 和/c: 和 ends many names; 刘华/PER 则/d 认为: 则 never does
    assert "孙立和" in _people("研究院院长孙立和今天在会上表示，园区将扩大规模。", tagger)
    assert "孙立" in _people("研究院院长孙立和今天在会上表示，园区将扩大规模。", tagger, bounds=None)
    assert "刘华" in _people("董事长刘华则认为，市场仍有空间。", tagger)


def test_joins_read_the_moved_character_against_the_edges_rate() -> None:
    j = pb.Joins({"end+1": {"和": [20, 10], "则": [40, 0], "x": [1000, 10]}})
    assert j.rate("end+1", "和") > 2 and j.rate("end+1", "则") < -1
    assert j.rate("end+1", "未见") == 0.0 and j.rate("start-1", "和") == 0.0
    assert pb.moved_char("孙立和", (0, 2, "PER"), "end+1") == "和"


def test_the_trainer_reads_a_characters_rate_less_its_own_example() -> None:
    x = [0.0] * len(pb.FEATURES)
    ex = [("end+1", x, 1.0, 0.0, "和")] + [("end+1", x, 0.0, 1.0, "则")] * 3
    table = tpb.joins_table(ex, min_seen=1)
    assert table["end+1"] == {"和": [1, 1], "则": [3, 0]}
    out = tpb.with_joins(ex, table)
    col = pb.FEATURES.index("moved_joins")
    assert out[0][1][col] == 0.0  # (its one use is its own: unseen)
    assert out[1][1][col] < 0


def test_a_dotted_name_lac_read_in_pieces_is_one_name() -> None:
    h = "主席安德烈·卡尔·米勒表示"
    toks = [(0, 2, "n"), (2, 6, "PER"), (6, 11, "PER"), (11, 13, "v")]  # 安德烈·/PER 卡尔·米勒/PER
    assert pb.join_dotted(h, toks) == [(0, 2, "n"), (2, 11, "PER"), (11, 13, "v")]
    h = "总理马克·伯恩访华"
    toks = [(0, 2, "n"), (2, 4, "PER"), (4, 5, "w"), (5, 7, "PER"), (7, 9, "v")]
    assert pb.join_dotted(h, toks) == [(0, 2, "n"), (2, 7, "PER"), (7, 9, "v")]
    # a firm and a city joined by a dot are no one's name; a name left ending at a dot gives it back
    h = "支持云帆科技·泉州产业园"
    toks = [(0, 2, "v"), (2, 6, "PER"), (6, 7, "w"), (7, 9, "LOC"), (9, 12, "n")]
    assert pb.join_dotted(h, toks) == toks
    h = "专家安德烈·说"
    assert pb.join_dotted(h, [(0, 2, "n"), (2, 6, "PER"), (6, 7, "v")]) == [(0, 2, "n"), (2, 5, "PER"), (5, 6, "w"), (6, 7, "v")]


def test_a_name_hyphened_for_its_dot_is_one_name_and_firms_stay_apart() -> None:
    h = "发言人卡特琳-莫勒表示"
    toks = [(0, 3, "n"), (3, 6, "PER"), (6, 7, "w"), (7, 9, "PER"), (9, 11, "v")]
    assert pb.join_dotted(h, toks) == [(0, 3, "n"), (3, 9, "PER"), (9, 11, "v")]
    # (a transcribed given name and a short noun LAC gave the surname's tag to)
    h = "顾问伊莎贝-雷说"
    toks = [(0, 2, "n"), (2, 5, "PER"), (5, 6, "w"), (6, 7, "n"), (7, 8, "v")]
    assert pb.join_dotted(h, toks) == [(0, 2, "n"), (2, 7, "PER"), (7, 8, "v")]
    # two firms or two cities joined by a hyphen are not one person
    h = "东风-本田工厂"
    toks = [(0, 2, "ORG"), (2, 3, "w"), (3, 5, "nz"), (5, 7, "n")]
    assert pb.join_dotted(h, toks) == toks
    h = "由王某-李某负责"
    toks = [(0, 1, "p"), (1, 3, "PER"), (3, 4, "w"), (4, 6, "n"), (6, 8, "v")]
    assert pb.join_dotted(h, toks) == toks  # (王某 is no transcribed name: a noun after it stays)


def test_a_hyphened_transcribed_name_is_a_person_in_the_stage(tagger) -> None:
    from pipeline.ner import find_orgs_and_people

    text = "公司发言人安娜-史密斯表示，订单增长。"
    assert "安娜-史密斯" in {m.text for m in find_orgs_and_people(text, tagger=tagger) if m.label == "PERSON"}
