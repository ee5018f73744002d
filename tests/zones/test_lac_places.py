"""A 示范区 or 合作区 named by a place only LAC knows (an abbreviated pair of places, a local
name): sentences written for these tests, zone names as the zones are called."""

import pytest

from pipeline.ner import default_tagger
from pipeline.textnorm import to_halfwidth
from pipeline.zones import find_zones


def _zones(text: str) -> list[tuple[str, str]]:
    return [(z.text, z.source) for z in find_zones(text, default_tagger().tag(to_halfwidth(text)))]


@pytest.mark.parametrize("text,zone", [
    ("会议提出,重点推进京津合作示范区规划建设。", "京津合作示范区"),       # two provinces' short names
    ("开工仪式在新桥科创示范区举行。", "新桥科创示范区"),                 # a local name
    ("两年来,横琴粤澳深度合作区持续释放政策红利。", "横琴粤澳深度合作区"),
    ("新规划实施以来,皖江示范区产业加快集聚。", "皖江示范区"),             # LAC's one word, kind included
])
def test_a_place_lac_knows_opens_a_demonstration_or_cooperation_zone(text: str, zone: str) -> None:
    assert (zone, "zone_suffix") in _zones(text)


def test_a_zone_so_named_gives_no_stem() -> None:
    # 上合 alone is the organisation's short name (上合组织), not the zone's
    assert _zones("上合示范区成立五年来,带动对上合组织国家投资增长。") == [("上合示范区", "zone_suffix")]


@pytest.mark.parametrize("text", [
    "成都、长沙、杭州等地的临空经济示范区各有特色。",   # a kind of zone: 临空 is a theme, not a place
    "安徽将与沪苏浙自贸试验区对接合作。",               # free-trade zones are listed: three of them
    "规划中的城南商贸片区同步建设。",                   # a quarter of a city
])
def test_no_zone_from_a_theme_a_group_or_a_quarter(text: str) -> None:
    assert _zones(text) == []
