"""LAC tags made by a helper process while the pipeline loads (pipeline.ner.early)."""

import os

from pipeline.ner import default_tagger, early
from pipeline.ner.lac import LacTagger

TEXTS = [
    "苏州工业园区管委会主任张明表示，园区今年新增高新技术企业312家。",
    "杭州高新区（滨江）企业研发投入达到185.6亿元，占营业收入的8.9%。",
    "本次招商推介会共签约项目46个，总投资额约320亿元。",
]


def test_the_helpers_tags_are_taken_and_equal_tagging_here():
    tagger = default_tagger()
    want = tagger.tag_many(TEXTS)
    fresh = LacTagger()
    with early.tagging_meanwhile(fresh, TEXTS):
        pass  # the block may end before the helper starts: it still sends what it tagged
    got_early = dict(fresh._early)
    assert set(got_early) <= set(TEXTS)
    assert fresh.tag_many(TEXTS) == want
    assert all(got_early[t] == w for t, w in zip(TEXTS, want) if t in got_early)
    assert fresh._early == {}  # taken, not kept


def test_a_helper_given_time_tags_every_text(monkeypatch):
    fresh = LacTagger()
    monkeypatch.setattr(early, "GROUP_CHARS", 1)  # one text a group
    with early.tagging_meanwhile(fresh, TEXTS):
        import time

        time.sleep(3)  # session start-up and three short texts
    assert set(fresh._early) == set(TEXTS)


def test_texts_that_never_come_are_let_go():
    fresh = LacTagger()
    fresh.add_early({"早先标注的文本": [(0, 6, "n")]})
    fresh.tag_many(["另一篇文章。"])
    assert fresh._early == {}


def test_a_helper_that_dies_costs_nothing_but_its_tags(monkeypatch):
    def die(*args):
        os._exit(3)

    monkeypatch.setattr(early, "_tag_groups", die)
    fresh = LacTagger()
    with early.tagging_meanwhile(fresh, TEXTS):
        pass
    assert fresh._early == {}
    assert fresh.tag_many(TEXTS) == default_tagger().tag_many(TEXTS)
