"""Precision by source (pipeline/evaluate/gold.py, ``score_sources``): what `eval_corpus_names.py
--by-source` prints, so analysts can tell which rows of the entities table to trust."""

from pipeline.evaluate.gold import Report, score_sources


def test_each_surface_counts_once_under_its_first_source_and_optional_ones_not_at_all():
    gold = {"entities": {"ORG": ["甲科技", "乙集团"], "PERSON": ["张三"]}, "optional": {"ORG": ["丙公司"]}}
    first = {("ORG", "甲科技"): "org_suffix", ("ORG", "乙集团"): "lac", ("ORG", "丁部"): "lac",
             ("ORG", "丙公司"): "lac", ("PERSON", "张三"): "person_title", ("PERSON", "李四"): "lac"}
    report = Report()
    score_sources(gold, first, report)
    got = {k: (v.tp, v.fp) for k, v in report.by_source.items()}
    assert got == {("ORG", "org_suffix"): (1, 0), ("ORG", "lac"): (1, 1),
                   ("PERSON", "person_title"): (1, 0), ("PERSON", "lac"): (0, 1)}


def test_sources_add_up_across_articles():
    report = Report()
    score_sources({"entities": {"ORG": ["甲"]}}, {("ORG", "甲"): "lac"}, report)
    score_sources({"entities": {"ORG": []}}, {("ORG", "乙"): "lac"}, report)
    assert (report.by_source["ORG", "lac"].tp, report.by_source["ORG", "lac"].fp) == (1, 1)
    assert report.by_source["ORG", "lac"].p == 0.5
