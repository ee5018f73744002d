"""A zone named again by its stem alone (sentences written for these tests)."""

import pytest

from pipeline.ner import default_tagger
from pipeline.textnorm import to_halfwidth
from pipeline.zones import find_zones


def _zones(text: str) -> list[tuple[str, str]]:
    tokens = default_tagger().tag(to_halfwidth(text))
    return [(z.text, z.source) for z in find_zones(text, tokens)]


def test_the_stem_standing_alone_is_the_zone_again() -> None:
    text = "租赁公司在天津东疆保税港区注册成立。目前,东疆已经培育租赁企业上千家。"
    zones = find_zones(text, default_tagger().tag(to_halfwidth(text)))
    full, stem = zones
    assert (full.text, stem.text, stem.source) == ("天津东疆保税港区", "东疆", "zone_stem")
    assert stem.attrs["zone_id"] == full.attrs["zone_id"]


@pytest.mark.parametrize("text", [
    "租赁公司在天津东疆保税港区注册成立。东疆港建设加快。",        # the stem opens another name
    "项目落户成都天府新区。天府总部商务区同步开工。",              # a noun after it: part of another name
])
def test_a_stem_inside_another_name_is_no_zone(text: str) -> None:
    assert [s for _, s in _zones(text)].count("zone_stem") == 0


def test_a_city_before_the_kind_is_a_place_not_a_stem() -> None:
    # 南昌 of 南昌高新区 names the city
    assert ("南昌", "zone_stem") not in _zones("南昌高新区今年新增企业。南昌已经成为产业高地。")


def test_a_company_a_park_is_named_after_stays_a_company() -> None:
    text = "推进会暨苏科高新产业园项目开工。苏科高新·绵阳智能制造产业园同步建设。"
    assert ("苏科高新", "zone_stem") not in _zones(text)


def test_the_zones_name_before_its_body_is_the_zone_too() -> None:
    # 天津东疆 (the name without its kind) and 东疆 alone before 管委会: named parts of the body
    text = "当天,天津东疆管委会与租赁公司签约。该公司在天津东疆保税港区注册成立。"
    zones = _zones(text)
    assert ("天津东疆", "zone_stem") in zones and ("天津东疆保税港区", "zone_suffix") in zones


def test_the_name_without_its_city_is_the_zone_again() -> None:
    # 稀土/n 高新区/n: a common word before the kind, the zone only because the article names 包头稀土高新区
    text = "包头稀土高新区举行项目签约仪式。这些项目契合稀土高新区发展实际。"
    zones = find_zones(text, default_tagger().tag(to_halfwidth(text)))
    assert [(z.text, z.attrs["zone_id"] == zones[0].attrs["zone_id"]) for z in zones] == [
        ("包头稀土高新区", True), ("稀土高新区", True)]


def test_a_theme_before_a_kind_of_park_is_no_name_of_the_zone() -> None:
    # 临空经济示范区 of 西安临空经济示范区 is also the kind of zone (又一临空经济示范区)
    text = "西安临空经济示范区获批。这是国家层面批复的又一临空经济示范区。"
    assert [t for t, _ in _zones(text)].count("临空经济示范区") == 0
