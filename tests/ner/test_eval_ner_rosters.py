"""The general-news scorer's reading of a roster: names written end to end with nothing between them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import eval_ner  # noqa: E402


def test_three_names_end_to_end_make_a_roster() -> None:
    # 出席的有张三李四王五: three people, no mark between them
    gold = {(5, 7, "PERSON"), (7, 9, "PERSON"), (9, 11, "PERSON")}
    assert eval_ner._is_roster(gold)


def test_names_apart_or_two_together_are_no_roster() -> None:
    assert not eval_ner._is_roster({(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "PERSON")})  # 张三、李四、王五
    assert not eval_ner._is_roster({(0, 2, "PERSON"), (2, 4, "PERSON"), (5, 9, "ORG")})
    # an organisation between two people does not join them into a run
    assert not eval_ner._is_roster({(0, 2, "PERSON"), (2, 4, "ORG"), (4, 6, "PERSON")})
    assert not eval_ner._is_roster(set())
