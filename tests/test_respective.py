"""分别 lists pair names and numbers in order (pipeline.facts.respective), on our own sentences."""

from pipeline.facts.respective import respective_subject
from pipeline.mentions import Mention


def _mentions(text, names):
    ms = [Mention("ORG", text.index(n), text.index(n) + len(n), n, "test") for n in names]
    return ms, [m.start for m in ms]


def _paired(text, names, number):
    ms, starts = _mentions(text, names)
    m = respective_subject(text, text.index(number), (0, len(text)), ms, starts)
    return m.text if m else None


def test_names_and_numbers_pair_in_order():
    text = "甲集团、乙科技和丙重工营收分别增长12.5%、8%、3.1%。"
    names = ["甲集团", "乙科技", "丙重工"]
    assert [_paired(text, names, n) for n in ("12.5%", "8%", "3.1%")] == names


def test_lists_that_do_not_line_up_pair_nothing():
    # two names, three numbers: a name was missed, so no pairing is trusted
    text = "甲集团、乙科技营收分别增长12.5%、8%、3.1%。"
    assert _paired(text, ["甲集团", "乙科技"], "8%") is None
    # 分别 in an earlier clause does not reach the number
    text = "甲集团、乙科技分别签约，总投资5亿元。"
    assert _paired(text, ["甲集团", "乙科技"], "5亿元") is None
    # one number: nothing to pair
    text = "甲集团、乙科技分别投资5亿元。"
    assert _paired(text, ["甲集团", "乙科技"], "5亿元") is None


def test_names_not_joined_as_a_list_pair_nothing():
    text = "甲集团联合乙科技，营收分别增长12.5%、8%。"
    assert _paired(text, ["甲集团", "乙科技"], "8%") is None


def test_pairing_reaches_the_facts_table(nlp):
    from pipeline.ingest.sources import article_from_record
    from pipeline.run import annotate

    text = "今年园区企业逆势而上，华星集团、远航智能、红光电子有限公司产值比上年分别增长12.4%、8.6%、3.9%。"
    art = article_from_record({"id": "t", "title": "园区企业产值增长", "text": text}, source="t", seq=0)
    subjects = {f["surface"]: f["subject"] for f in annotate(nlp, art)._.facts}
    assert subjects == {"12.4%": "华星集团", "8.6%": "远航智能", "3.9%": "红光电子有限公司"}
