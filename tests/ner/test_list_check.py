"""The learned check on the items of lists of firms no rule names (pipeline/ner/list_check.py),
on sentences written for these tests, and its trainer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.ner import LacTagger, find_orgs_and_people
from pipeline.ner import list_check as lc

ROOT = Path(__file__).resolve().parents[2]


def _orgs(text: str, tagger: LacTagger, **kw) -> dict[str, str]:
    return {m.text: m.source for m in find_orgs_and_people(text, tagger=tagger, **kw) if m.label == "ORG"}


def test_shipped_weights_fit_the_features() -> None:
    data = json.loads(lc.WEIGHTS.read_text(encoding="utf-8"))
    assert list(data["weights"]) == list(lc.FEATURES)
    assert 0 < data["threshold"] < 1
    check = lc.default_check()
    assert check is not None and len(check.weights) == len(lc.FEATURES)


def _toks(words: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    h, toks = "", []
    for w, tag in words:
        toks.append((len(h), len(h) + len(w), tag))
        h += w
    return h, toks


def test_list_items_have_edges_places_and_closers() -> None:
    """The first item opens after the verb, a join closes the list's second-last item, and 等
    with a count of projects closes the list."""
    h, toks = _toks([("园区", "n"), ("引进", "v"), ("甲乙", "nz"), ("科技", "n"), ("、", "w"), ("丙丁", "ORG"),
                     ("和", "c"), ("戊己", "LOC"), ("电子", "n"), ("等", "u"), ("12个", "m"), ("项目", "n")])
    items = [(h[i.start : i.end], i.pos, i.closer, i.n_items) for i in lc.list_items(h, toks)]
    assert items == [("甲乙科技", "first", "project", 3), ("丙丁", "middle", "project", 3),
                     ("戊己电子", "last", "project", 3)]


def test_candidates_are_the_unnamed_items_of_lists_of_firms() -> None:
    h, toks = _toks([("走访", "v"), ("甲乙科技", "ORG"), ("、", "w"), ("丙丁", "v"), ("电子", "n"), ("、", "w"),
                     ("市委常委", "n"), ("等", "u"), ("企业", "n")])
    found = [(2, 6)]
    names = [h[i.start : i.end] for i in lc.candidates(h, toks, found)]
    assert names == ["丙丁电子"]  # (the found name is no candidate, nor is a title)
    # a list closed by neither firms nor projects, with no found name in it, is no list of firms
    h2, toks2 = _toks([("涉及", "v"), ("生物", "n"), ("医药", "n"), ("、", "w"), ("节能", "vn"), ("环保", "vn"),
                       ("等", "u"), ("领域", "n")])
    assert lc.candidates(h2, toks2, []) == []


def test_the_check_adds_firms_lac_reads_as_common_words(tagger: LacTagger) -> None:
    text = "今年园区新引进了华擎航空、卓越物流、远方电子、聚力科技等12个项目。"
    without = _orgs(text, tagger, list_check=None)
    assert "卓越物流" not in without and "远方电子" not in without
    found = _orgs(text, tagger)
    assert found["卓越物流"] == found["远方电子"] == "org_list_check"


@pytest.mark.parametrize("text", [
    "今年共签约生物医药、节能环保、电子信息等12个项目。",  # sectors
    "本届车展上,华擎汽车集团、远方、卓越、星辰等车型悉数亮相。",  # a list closed by 等车型 lists products
    "园区将加快推进华擎航空总部、科学会堂、体育公园、人才公寓等项目建设。",  # buildings
])
def test_the_check_leaves_sectors_and_buildings(text: str, tagger: LacTagger) -> None:
    assert not [s for s in _orgs(text, tagger).values() if s == "org_list_check"]


def test_training_reproduces_the_shipped_weights(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "list_check.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "train_list_check.py"), "--shared", str(shared),
                    "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(lc.WEIGHTS.read_text(encoding="utf-8"))
