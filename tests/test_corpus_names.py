"""The blind labels of corpus articles (data/labels/corpus_names.json) and their figures.

The file holds names only (no text of the third-party articles); its figures are a floor
against regressions like tests/test_eval_gold.py, with the ``check`` and ``check2`` batches held out
(``check2``: 70 articles labelled on 2026-12-05 by a second annotator, blind to the pipeline; ``fit``:
90 more by the same hand, whose errors are read like ``find``'s; ``fit2`` and ``check3``: 40 + 40 more
on the same day; ``fit3``: 60 more, read; ``fit4``: 60 business articles labelled on 2026-12-05 by three
helper agents blind to the pipeline, scored once before their errors were read; ``fit5`` and ``fit6``: 60 more
each the same way later that session; ``check4``: the last 55 such business articles, labelled the same way at the
session's end and held out like ``check``; ``check5``: 35 more labelled by three helper agents in session 22, held out)."""

import importlib.util
import json

from tests.conftest import ROOT

# the scorer names the batches and the labels file; the tests read them from it rather than copy them
_spec = importlib.util.spec_from_file_location("eval_corpus_names", ROOT / "scripts" / "eval_corpus_names.py")
EVAL = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(EVAL)
MARGIN = 0.02
# reached on 2026-12-05 (session 13 of issue 13) on the 114 articles: F per batch over both corpora
FLOORS = {
    ("find", "ORG"): 0.843, ("find", "PERSON"): 0.947, ("find", "ZONE"): 0.953,
    ("check", "ORG"): 0.837, ("check", "PERSON"): 0.955, ("check", "ZONE"): 0.989,
    # the second annotator's batches (session 14 of 2026-12-05: check2 70 articles, fit 90)
    ("check2", "ORG"): 0.804, ("check2", "PERSON"): 0.919, ("check2", "ZONE"): 0.955,
    ("fit", "ORG"): 0.858, ("fit", "PERSON"): 0.945, ("fit", "ZONE"): 0.964,
    # session 15 of 2026-12-05: 40 zone articles read (fit2), 40 business articles held out (check3);
    # check3 has no zone, so its ZONE floor is 0
    ("fit2", "ORG"): 0.820, ("fit2", "PERSON"): 0.937, ("fit2", "ZONE"): 0.919,
    ("check3", "ORG"): 0.781, ("check3", "PERSON"): 0.941, ("check3", "ZONE"): 0.0,
    # 60 more read later that session (40 zone, 20 business articles), at 13aec1d before any was read
    ("fit3", "ORG"): 0.794, ("fit3", "PERSON"): 0.964, ("fit3", "ZONE"): 0.909,
    # session 17: 60 business articles (no zone), at 64a3d47 before any was read
    ("fit4", "ORG"): 0.816, ("fit4", "PERSON"): 0.900, ("fit4", "ZONE"): 0.0,
    # 60 more business articles later in session 17, at 47c453e before any was read
    ("fit5", "ORG"): 0.833, ("fit5", "PERSON"): 0.971, ("fit5", "ZONE"): 0.0,
    # and 60 more at a7d6a97, before any was read
    ("fit6", "ORG"): 0.763, ("fit6", "PERSON"): 0.950, ("fit6", "ZONE"): 0.0,
    # held out, labelled at the session's end and first scored at cec90f1
    ("check4", "ORG"): 0.812, ("check4", "PERSON"): 0.871, ("check4", "ZONE"): 0.0,
    # session 22: 35 articles (9 zone, 26 business), held out, first scored at c9d64c5
    ("check5", "ORG"): 0.877, ("check5", "PERSON"): 1.0, ("check5", "ZONE"): 0.952,
}


def test_labels_are_names_only_and_well_formed():
    gold = json.loads(EVAL.LABELS_FILE.read_text(encoding="utf-8"))
    ids = [g["id"] for g in gold]
    assert len(ids) == len(set(ids)) == 684
    for g in gold:
        assert g["batch"] in EVAL.BATCHES and g["corpus"] in ("zones_modern", "news_2011")
        assert set(g["entities"]) <= set(EVAL.LABELS) and set(g["optional"]) <= set(EVAL.LABELS)
        for names in (*g["entities"].values(), *g["optional"].values()):
            # a name, not a passage: nothing of the article's text beyond what names an entity
            assert all(0 < len(n) <= 48 and "。" not in n and "，" not in n for n in names), names
        for lab, names in g["entities"].items():
            assert not set(names) & set(g["optional"].get(lab, [])), (g["id"], lab)


def test_corpus_names_floor(nlp, shared):
    reports = EVAL.score(shared, nlp=nlp)
    low = {}
    for batch in EVAL.BATCHES:
        for lab, prf in EVAL.batch_totals(reports, batch).items():
            if prf.f < FLOORS[(batch, lab)] - MARGIN:
                low[(batch, lab)] = (round(prf.f, 3), FLOORS[(batch, lab)])
    assert not low, f"below floor - {MARGIN} (got, floor): {low}"
    # the held-out total is 257 articles (222 before check5; sessions 15-17 printed 197 and 252: a miscount)
    held = EVAL.article_counts(reports, *EVAL.HELD_OUT)
    assert len(held) == 257 and len(EVAL.article_counts(reports, *EVAL.BATCHES)) == 684
    assert all(set(c) == set(EVAL.LABELS) for c in held.values())
