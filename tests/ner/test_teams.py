"""Sports teams and bodies named 某某组织 (issue 13: general news), on sentences written for
these tests."""

from __future__ import annotations

import pytest

from pipeline.ner import LacTagger, find_orgs_and_people
from pipeline.ner.teams import team_orgs


def _orgs(tagger: LacTagger, text: str) -> set[str]:
    return {m.text for m in find_orgs_and_people(text, tagger=tagger) if m.label == "ORG"}


@pytest.mark.parametrize("text, team", [
    ("昨晚，伊朗队以二比一战胜对手。", "伊朗队"),
    ("半决赛中国队对丹麦队。", "中国队"),
    ("她在决赛中战胜了印尼女队的主力。", "印尼女队"),   # the country's team, not 女队
])
def test_a_places_team(tagger: LacTagger, text: str, team: str) -> None:
    assert team in _orgs(tagger, text)


def test_a_team_word_of_its_own_is_no_team() -> None:
    text = "园区组建了一支消防队和党员突击队。"
    toks = [(2, 4, "v"), (8, 11, "n"), (12, 14, "n"), (14, 17, "n")]  # 组建, 消防队, 党员, 突击队
    assert team_orgs(text, toks) == []


def test_organisation_that_calls_itself_so(tagger: LacTagger) -> None:
    # LAC: 世贸/ORG 组织/n
    assert "世贸组织" in _orgs(tagger, "他表示，中国会按照世贸组织的规则办事。")
