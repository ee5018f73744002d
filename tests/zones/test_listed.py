"""Listed zones: official names, derived short forms, aliases, brackets, left extension."""

from pipeline.zones import find_zones


def zones(text):
    return [(m.text, m.norm) for m in find_zones(text)]


def test_short_form_maps_to_official_name():
    [m] = find_zones("记者走访了衡阳高新区管委会。")
    assert m.text == "衡阳高新区" and m.norm == "衡阳高新技术产业开发区"
    assert m.attrs == {"province": "湖南省", "zone_id": "hitech:衡阳高新技术产业开发区", "zone_type": "hitech"}
    assert m.source == "zone_alias"


def test_full_name_is_gazetteer_source():
    [m] = find_zones("济南高新技术产业开发区发布新政策")
    assert m.source == "zone_gazetteer" and m.norm == m.text


def test_offsets_hold():
    text = "今年以来,烟台高新区和合肥高新区都在招商。"
    for m in find_zones(text):
        assert text[m.start:m.end] == m.text


def test_special_short_forms_and_aliases():
    assert zones("杨凌示范区出台办法") == [("杨凌示范区", "杨凌农业高新技术产业示范区")]
    assert zones("企业扎根中关村") == [("中关村", "中关村科技园区")]
    assert zones("东湖高新区又称光谷") == [("东湖高新区", "武汉东湖新技术开发区"), ("光谷", "武汉东湖新技术开发区")]


def test_etdz_short_forms():
    assert zones("项目落户大连开发区") == [("大连开发区", "大连经济技术开发区")]
    assert zones("九江经济开发区与九江经开区") == [("九江经济开发区", "九江经济技术开发区"),
                                                  ("九江经开区", "九江经济技术开发区")]


def test_new_area_with_and_without_city():
    assert zones("重庆两江新区和两江新区") == [("重庆两江新区", "重庆两江新区"), ("两江新区", "重庆两江新区")]
    assert [m.attrs["zone_type"] for m in find_zones("滨海新区")] == ["new_area"]


def test_ftz_area_full_and_half_width_brackets():
    half = find_zones("中国(安徽)自由贸易试验区合肥片区举行签约")
    full = find_zones("中国（安徽）自由贸易试验区合肥片区举行签约")
    assert [m.text for m in half] == ["中国(安徽)自由贸易试验区合肥片区"]
    assert [m.text for m in full] == ["中国（安徽）自由贸易试验区合肥片区"]
    assert half[0].norm == full[0].norm == "中国(安徽)自由贸易试验区合肥片区"
    assert full[0].attrs["zone_type"] == "ftz_area"


def test_ftz_short_forms():
    assert zones("上海自贸区扩区") == [("上海自贸区", "中国(上海)自由贸易试验区")]
    assert zones("临港新片区成立") == [("临港新片区", "中国(上海)自由贸易试验区临港新片区")]


def test_bare_province_or_city_before_listed_zone_joins_it():
    assert zones("湖南衡阳高新区") == [("湖南衡阳高新区", "衡阳高新技术产业开发区")]


def test_suffixed_place_before_listed_zone_stays_out():
    assert zones("湖南省衡阳高新区") == [("衡阳高新区", "衡阳高新技术产业开发区")]
    assert zones("上海市外高桥保税区") == [("外高桥保税区", "中国(上海)自由贸易试验区上海外高桥保税区")]


def test_short_alias_inside_another_name_is_ignored():
    # 海泰 is an alias of 天津高新区, but here 上海 owns the 海.
    assert zones("上海泰阳绿色能源公司") == []


def test_zone_followed_by_named_part():
    text = "合肥高新区新经济产业园启航"
    assert [m.text for m in find_zones(text)] == ["合肥高新区", "新经济产业园"]
