"""GPE: places with their suffix, known bare names, never inside a zone's name."""

from pipeline.zones import find_places


def texts(text):
    return [m.text for m in find_places(text)]


def test_suffixed_places():
    assert texts("湖南省衡阳市天元区") == ["湖南省", "衡阳市", "天元区"]


def test_bare_provinces_cities_and_regions():
    assert texts("北京、上海、重庆和长三角") == ["北京", "上海", "重庆", "长三角"]


def test_place_inside_zone_name_is_not_gpe():
    assert texts("衡阳高新区和重庆两江新区") == []
    assert texts("上海市外高桥保税区") == ["上海市"]


def test_city_named_institution_is_not_gpe():
    assert texts("他毕业于南京大学") == []


def test_gpe_attrs_and_offsets():
    text = "来自湖南省的企业"
    [m] = find_places(text)
    assert (m.label, m.source, m.norm, m.attrs["province"]) == ("GPE", "gpe_suffix", "湖南省", "湖南省")
    assert text[m.start:m.end] == m.text
