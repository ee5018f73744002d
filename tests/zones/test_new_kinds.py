"""Sub-parks of multi-park zones, 综合保税区 kinds, themed 创新示范区, and the left edge
inside industry words.  Sentences are written for these tests."""

import pytest

from pipeline.zones import find_zones, load_zone_rules


def texts(text):
    return [m.text for m in find_zones(text)]


@pytest.mark.parametrize("text,want", [
    # zone + place + 园 is one park of the zone (一区多园)
    ("上周中关村朝阳园新增两家独角兽企业", ["中关村朝阳园"]),
    ("企业总部设在中关村科技园区昌平园内", ["中关村科技园区昌平园"]),
    ("中关村大兴园区和中关村通州园签订合作协议", ["中关村大兴园区", "中关村通州园"]),
    # not a sub-park: no place, or 园林 / 园艺
    ("中关村企业家论坛昨日开幕", ["中关村"]),
])
def test_sub_parks(text, want):
    assert texts(text) == want


def test_sub_park_attrs():
    [m] = find_zones("中关村朝阳园新增企业")
    assert m.source == "zone_sub_park" and m.attrs["zone_type"] == "park"
    assert m.attrs["parent_zone"] == "hitech:中关村科技园区"


def test_official_name_beats_alias_of_other_zone():
    rules = load_zone_rules()
    assert rules.by_surface["中关村国家自主创新示范区"] == "idz:中关村国家自主创新示范区"
    assert texts("这家公司落户中关村国家自主创新示范区") == ["中关村国家自主创新示范区"]


def test_an_innovation_zone_is_its_stem_and_shifanqu_where_the_stem_is_no_place():
    """中关村示范区 is 中关村国家自主创新示范区; 成都示范区 could be any of the city's 示范区."""
    rules = load_zone_rules()
    assert rules.by_surface["中关村示范区"] == "idz:中关村国家自主创新示范区"
    assert rules.by_surface["苏南示范区"] == "idz:苏南国家自主创新示范区"
    assert "成都示范区" not in rules.by_surface and "深圳示范区" not in rules.by_surface
    assert texts("前七个月,中关村示范区企业的专利申请量增长") == ["中关村示范区"]


@pytest.mark.parametrize("text,want", [
    ("货物进入宁波梅山综合保税区后", ["宁波梅山综合保税区"]),
    ("去年在西永综合保税区新增加工贸易", ["西永综合保税区"]),
    ("运往洋山特殊综合保税区的设备", ["洋山特殊综合保税区"]),
    ("在重庆某综合保税港区内", []),
    # kinds without a name are references
    ("全国首个特殊综合保税区", []),
    ("新设立的综合保税区", []),
    ("中西部综合保税区数量增加", []),
    ("入驻区内综合保税港区的企业", []),
])
def test_bonded_kinds(text, want):
    assert texts(text) == want


@pytest.mark.parametrize("text,want", [
    ("该市是南湖软件创新示范区所在地", ["南湖软件创新示范区"]),
    ("依托青峰军民融合创新示范区建设研发基地", ["青峰军民融合创新示范区"]),
    # theme words alone do not name one
    ("积极申报军民融合创新示范区", []),
    ("打造科技创新示范区", []),
    ("获批开放创新示范区", []),
    ("申报区域创新示范区", []),
    ("建设大众创业万众创新示范区", []),
    ("成为产城融合创新示范区", []),
    ("努力建设国家自主创新示范区", []),
    ("被评为国家级示范区", []),
])
def test_themed_innovation_demo_zones(text, want):
    assert texts(text) == want


@pytest.mark.parametrize("text,want", [
    # 能 of 智能, 据 of 数据 do not cut the name
    ("宁波高新区智能传感器产业园昨日揭牌", ["宁波高新区", "智能传感器产业园"]),
    ("合肥高新区智能语音产业园", ["合肥高新区", "智能语音产业园"]),
    # generic park words stay rejected
    ("推进智能产业园建设", []),
    ("建设数据产业园", []),
    ("一座新能源汽车产业园", []),
    ("建设专业产业园和产业园区", []),
    ("全省已有二十家国家高新区", []),
])
def test_left_edge_inside_industry_words(text, want):
    assert texts(text) == want


@pytest.mark.parametrize("text,want", [
    # a place in brackets inside a park's name: the name before the bracket is the park's
    ("双方共建的中法(武汉)先进制造产业园正式揭牌", ["中法(武汉)先进制造产业园"]),
    ("江淮建工（合肥）绿色建材智造产业园项目开工", ["江淮建工（合肥）绿色建材智造产业园"]),
    ("今天，云岭(滨江)特色产业园举行签约仪式", ["云岭(滨江)特色产业园"]),
    # another kind needs a place before or inside the bracket
    ("项目位于潍坊(寿光)高新技术产业开发区", ["潍坊(寿光)高新技术产业开发区"]),
    # a suffixed place before the name is a GPE outside it
    ("江苏省中德(太仓)产业园", ["中德(太仓)产业园"]),
    # a region before the place in brackets names a zone too
    ("西部（重庆）科学城新一批项目集中开工", ["西部（重庆）科学城"]),
    # and so does the country (中国(某市) + a park of national standing)
    ("拟入驻中国(汝南)国际食品加工产业园的项目8个", ["中国(汝南)国际食品加工产业园"]),
    # a level in brackets is no place, and a title run into the name gives no left edge
    ("该园区后来并入青州(国家级)经济技术开发区", []),
    ("市委常委副市长青州滨海(东营)经济开发区党工委书记讲话", []),
])
def test_place_in_brackets_inside_a_name(text, want):
    assert [z for z in texts(text) if "(" in z or "（" in z] == want


def test_conjunction_暨_ends_a_name():
    assert texts("项目推介会暨青禾高新区年会在上海举行") == ["青禾高新区"]


@pytest.mark.parametrize("text,want", [
    ("日前，孟连边境经济合作区挂牌成立。", ["孟连边境经济合作区"]),
    ("项目主要服务张江科学城的集成电路企业。", ["张江科学城"]),
    ("两地将深化合作区建设。", []),            # a bare kind after a generic word names none
    ("企业位于康宁科学城大健康科技园一期。", ["康宁科学城大健康科技园"]),  # a park named after the city
])
def test_cooperation_zones_and_science_cities(text, want):
    assert texts(text) == want
