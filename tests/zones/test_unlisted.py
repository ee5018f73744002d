"""Zones on no list: kind words, the left boundary, GPE split and generic references."""

import pytest

from pipeline.zones import find_zones


def texts(text):
    return [m.text for m in find_zones(text)]


@pytest.mark.parametrize("text,want", [
    ("产品出口经宁波保税区转运", ["宁波保税区"]),
    ("与连云港徐圩新区招商局签约", ["连云港徐圩新区"]),
    ("天津东疆保税港区发布数据", ["天津东疆保税港区"]),
    ("据介绍,苏州新区已有多家外资企业", ["苏州新区"]),
    ("推动苏州吴中经济开发区转型", ["苏州吴中经济开发区"]),
    ("青岛某工业园区内", []),
])
def test_place_plus_kind_word(text, want):
    assert texts(text) == want


def test_unlisted_zone_attrs():
    [m] = find_zones("产品出口经宁波保税区转运")
    assert m.source == "zone_suffix" and m.norm == "宁波保税区"
    assert m.attrs == {"province": "浙江省", "zone_id": "bonded:宁波保税区", "zone_type": "bonded"}


def test_suffixed_place_is_gpe_not_zone():
    assert texts("工厂位于江苏省常州滨江化学工业园") == ["常州滨江化学工业园"]
    assert texts("南京市江宁开发区") == ["江宁开发区"]


def test_place_after_company_name_starts_the_zone():
    # A company name between two places is not part of the zone.
    assert texts("由中冶承建的沧州纵横黄骅新区项目") == ["黄骅新区"]


def test_left_boundary_stops_at_verbs_and_particles():
    assert texts("标志着园区升级,此次揭牌的智造谷产业园") == ["智造谷产业园"]
    assert texts("企业纷纷入驻泰山科技园") == ["泰山科技园"]


@pytest.mark.parametrize("text", [
    "各地开发区", "全国169家国家高新区", "三家企业入选江苏省高新区", "山东省国家高新区",
    "湖南省级高新区", "丽江市高新区", "一个产业园", "该产业园", "多个工业园区", "这个新区",
    "国家级新区", "城市新区", "本市的新区", "依托四个专业产业园", "建设世界一流高科技园区",
    "辐射全省的智慧治理示范区", "中国高新区研究中心", "综合保税区", "化工园区", "在动漫产业园工作",
    "拉动西南、贵州大片区的经济", "高新区", "保税区", "开发区", "园区",
])
def test_generic_references_are_not_zones(text):
    assert texts(text) == []


def test_named_part_after_listed_zone_keeps_national_prefix():
    assert texts("围绕齐齐哈尔高新区国家精密超精密主题园区新增企业12家") == ["齐齐哈尔高新区", "国家精密超精密主题园区"]


def test_kind_word_right_after_listed_zone_is_not_a_new_zone():
    assert texts("中国(湖北)自由贸易试验区武汉片区高新区上下游企业") == ["中国(湖北)自由贸易试验区武汉片区"]


def test_mentions_do_not_overlap():
    text = "重庆两江新区内的两江新区片区与天津滨海新区中心商务片区,以及滨海高新区科技园"
    ms = find_zones(text)
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start
    for m in ms:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", [
    "出口额占同期新区出口总额的三成",      # a verb and a time word before a bare 新区
    "一季度新区共签约项目十个",
    "近年来多家企业纷纷扎根新区",
    "该区综合实力稳居全国高新区前列",
    "主要以城市型生态产业园为目标",        # a park described by type
    "形成3大千亿级产业园区",              # or by scale
    "打造东西部深度合作示范区",            # 合作 names a purpose (合作 is also a county)
    "这是全国最大的跨省合作飞地工业园",
])
def test_descriptions_and_references_are_no_zone(text):
    assert texts(text) == []


def test_zone_named_before_its_administration():
    # no known place in the name, but the text says the area has a 管委会/党工委
    text = "上午,青石湾示范区举行签约仪式。青石湾示范区党工委书记出席"
    assert texts(text) == ["青石湾示范区", "青石湾示范区"]


def test_free_trade_areas():
    assert texts("近日,东港北岸自贸片区新增企业百家") == ["东港北岸自贸片区"]
    assert texts("会上,城东新区(自贸试验区南宁片区)签约") == ["城东新区", "自贸试验区南宁片区"]
    assert texts("中国最北自贸片区迎来新项目") == []


def test_named_park_keeps_its_theme_words():
    assert texts("。金石可降解新材料产业园项目开工") == ["金石可降解新材料产业园"]
    assert texts("项目进入“闽澳合作产业园”") == ["闽澳合作产业园"]


def test_abbreviated_and_port_bonded_zones():
    assert texts("今年以来,衢州综保区进出口增长") == ["衢州综保区"]
    assert texts("推动长春汽开区发展") == ["长春汽开区"] and texts("推动汽开区发展") == []
    assert texts("货物经大连港保税区转运") == ["大连港保税区"]
    assert texts("货物运往湖南其他综保区") == []   # a determiner: a class of zones


def _with_lac(text: str) -> list[str]:
    from pipeline.ner import default_tagger
    from pipeline.textnorm import to_halfwidth

    return [m.text for m in find_zones(text, default_tagger().tag(to_halfwidth(text)))]


@pytest.mark.parametrize("text, zone", [
    ("这些项目将有力支撑青禾产业园的发展。", "青禾产业园"),    # a verb before the name
    ("此外，今天云溪环普工业园项目也签约落户。", "云溪环普工业园"),  # a time word
])
def test_left_edge_stops_after_a_verb_or_time_word_lac_reads(text: str, zone: str) -> None:
    assert zone in _with_lac(text)


@pytest.mark.parametrize("text", [
    "两家企业的做法符合新区的产业导向。",   # 符合/v + a bare kind: a reference, not a name
    "临近年终，盘点开发区产业发展成果。",
    "商贸物流园区等五大产业园，重点发展电子信息。",
])
def test_verb_or_number_word_and_bare_kind_is_no_zone(text: str) -> None:
    assert _with_lac(text) == []


def test_lac_name_word_gives_the_left_edge_the_word_lists_miss() -> None:
    # 核心区 + 临港: five characters before a kind that needs a short name; LAC reads
    # 临港经济技术开发区 as one place name, so the name starts with it
    assert _with_lac("该市核心区临港经济技术开发区再获表彰。") == ["临港经济技术开发区"]
    assert texts("该市核心区临港经济技术开发区再获表彰。") == []   # without LAC's words


def test_two_countries_open_their_park_before_its_place() -> None:
    # 中马 + 钦州 (a place) + 产业园: the name ran from the place and lost its countries
    assert texts("中马钦州产业园再迎新项目。") == ["中马钦州产业园"]
    assert texts("由中冶承建的沧州纵横黄骅新区项目") == ["黄骅新区"]   # what else stands there still goes


@pytest.mark.parametrize("text, zone", [
    ("项目将重点引进富士康晋城科技工业园。", "富士康晋城科技工业园"),          # 富士康/ORG before the place
    ("投资建设的中南高科马鞍山创智科技园昨日开园。", "中南高科马鞍山创智科技园"),  # 中南高科/LOC, no place
    ("中国—马来西亚钦州产业园更是参访焦点。", "钦州产业园"),                  # a country is no owner
])
def test_the_company_before_its_park_opens_the_parks_name(text: str, zone: str) -> None:
    assert zone in _with_lac(text)


def test_the_owner_stays_an_organisation_inside_its_park() -> None:
    from pipeline.ner import default_tagger, find_orgs_and_people
    from pipeline.textnorm import to_halfwidth

    text = "项目将重点引进富士康晋城科技工业园。"
    tokens = default_tagger().tag(to_halfwidth(text))
    zones = find_zones(text, tokens)
    assert "富士康" in {m.text for m in find_orgs_and_people(text, zones=zones, tokens=tokens) if m.label == "ORG"}


def test_a_place_read_inside_a_companys_name_does_not_start_its_park() -> None:
    # LAC: 京东方信息医学/ORG 产业园; 东方 is also a city of Hainan
    assert _with_lac("以及京东方信息医学产业园等项目。") == ["京东方信息医学产业园"]


def test_a_direction_between_two_places_keeps_the_city_in_the_name() -> None:
    # 常州 + 西 + 太湖 (a county elsewhere): the city's western quarter, not the county
    assert texts("常州西太湖科技产业园引进项目。") == ["常州西太湖科技产业园"]


def test_name_opening_with_a_numeral_stays() -> None:
    # LAC reads 两亭 as a number word; it is not made of number characters
    assert "两亭循环经济科技工业园" in _with_lac("宝鸡麟游县两亭循环经济科技工业园建成投产。")


@pytest.mark.parametrize("text", [
    "去年园区专精特新企业达40家、居全国高新区第9位。",     # 居/v + generic words
    "规划面积约80平方公里，设智慧产业园、装备制造园。",     # 设/v + generic words
    "推动若干千亿级产业园区建设。",                         # the 干 of 若干
    "在巩固提升现有产业园区功能的同时，发展新业态。",
    "荣获“最具投资价值开发区”称号。",
])
def test_left_edge_inside_a_word_or_a_verb_and_generic_words_is_no_zone(text: str) -> None:
    assert _with_lac(text) == []


def test_name_after_a_word_the_left_edge_cut() -> None:
    assert "青禾产业园" in _with_lac("招商项目青禾产业园项目签约。")   # 项目/n, not 目青禾


@pytest.mark.parametrize("text", [
    "走进安徽国家级开发区系列发布会举行。",        # a province and generic words: a class
    "新疆首个综合保税区获批。",
    "推动长三角地区自贸试验区协同发展。",           # a region: no free-trade zone of its own
    "海关自贸区和特殊区域发展处负责人介绍。",       # a body's type word: 海关 + 自贸区…处
    "财经大学自贸区研究院副院长发言。",
])
def test_classes_of_zones_and_phrases_after_a_body_are_no_zone(text: str) -> None:
    assert find_zones(text) == []


def test_province_park_and_municipality_zone_stay() -> None:
    assert [m.text for m in find_zones("重庆软件园与上海保税区签约。")] == ["重庆软件园", "上海保税区"]
    assert [m.text for m in find_zones("安徽自贸试验区新设企业增长。")] == ["安徽自贸试验区"]


def test_a_countys_own_zone_is_named_with_the_county() -> None:
    # a kind word right after a county written with its suffix: the county's zone, named so
    zones = {m.text: m.attrs for m in find_zones("沭阳县经济开发区和苍南县工业园区签约，丽江市高新区也派员参加。")}
    assert set(zones) == {"沭阳县经济开发区", "苍南县工业园区"}   # a prefecture's 高新区 stays a reference
    # ... unless the lists know the city's zone of that kind (the gold's optional 杭州市高新区)
    [m] = find_zones("衡阳市高新区也派员参加。")
    assert m.attrs["zone_id"] == "hitech:衡阳高新技术产业开发区"
    # the lists know it without the suffix: that zone's id and kind
    [m] = find_zones("昆山市经济技术开发区引进项目")
    assert m.attrs["zone_id"] == "etdz:昆山经济技术开发区" and m.attrs["zone_type"] == "etdz"


def test_a_zone_keeps_one_name_in_an_article() -> None:
    # the article names the county's zone without the suffix too: that is its name
    text = "交城经济开发区今年引进项目8个。交城县开发区管委会主任介绍了情况。"
    assert [m.text for m in find_zones(text)] == ["交城经济开发区"]


def test_a_parks_name_runs_on_with_its_theme() -> None:
    # a company and generic theme words past the eight characters of a park's own name
    assert texts("包括远航国际新型绿色建材产业园项目在内") == ["远航国际新型绿色建材产业园"]
    assert texts("长沙高新区新经济产业园今天开园") == ["长沙高新区", "新经济产业园"]
    assert texts("要建设世界领先科技园区") == []  # 领先 describes, it names nothing


def test_a_place_and_a_feature_of_the_land_name_a_park() -> None:
    # 白沙 is a county, 白沙洲 another place; 贵州大片区 stays a modifier
    assert texts("该区设在衡阳市白沙洲工业园") == ["白沙洲工业园"]
    assert texts("贵州大片区发展迅速") == []


def test_an_area_named_right_after_its_zone_is_the_zones() -> None:
    assert texts("近日,济南高新区章锦片区举行签约仪式") == ["济南高新区", "章锦片区"]
    assert texts("近日,章锦片区举行签约仪式") == []  # no place, no zone before it


def test_a_word_of_aspect_ends_the_name_before_a_kind() -> None:
    assert texts("在对外开放建设方面新区仍有短板") == []


@pytest.mark.parametrize("text, zones", [
    # a theme park right after the zone it lies in: both are named parts
    ("今天上午,合肥经开区智能装备科技园举行项目签约仪式。", ["合肥经开区", "智能装备科技园"]),
    ("青禾经开区智能制造产业园三期开工。", ["青禾经开区", "智能制造产业园"]),
    # not past a verb, nor a theme of one word
    ("长沙高新区新建产业园三个。", ["长沙高新区"]),
])
def test_a_theme_park_after_its_zone_is_named_by_the_theme(text: str, zones: list[str]) -> None:
    assert _with_lac(text) == zones


@pytest.mark.parametrize("text, zone", [
    ("据悉,皖江城市带承接产业转移示范区今年引进项目五十个。", "皖江城市带承接产业转移示范区"),  # 皖江/LOC; 江城 a place
    ("今年,可克达拉经济技术开发区新建厂房十座。", "可克达拉经济技术开发区"),  # one LOC word; 可 a stop character
])
def test_a_name_keeps_the_first_character_of_the_word_lac_reads(text: str, zone: str) -> None:
    assert _with_lac(text) == [zone]


@pytest.mark.parametrize("text", [
    "正威、酷派等多个手机产业园已开工建设。",
    "首批13家国家加工贸易产业园名单公布。",
])
def test_a_count_of_zones_names_a_kind_of_them(text: str) -> None:
    assert _with_lac(text) == []


def test_the_ri_of_two_countries_is_no_date() -> None:
    """日 stops a name as a date's day (3月5日), not as 日本's in 中日."""
    assert texts("规划中的中日生态科技产业园明年动工。") == ["中日生态科技产业园"]
    assert texts("今日生态科技产业园开园。") == []


def test_a_province_without_its_suffix_opens_a_county_zone() -> None:
    from pipeline.zones import find_zones

    text = "省政府批复设立陕西石泉县经济技术开发区和陕西柞水县工业园区。"
    names = {m.text for m in find_zones(text)}
    assert {"陕西石泉县经济技术开发区", "陕西柞水县工业园区"} <= names


def test_an_area_named_after_a_listed_free_trade_zone_is_one_zone() -> None:
    from pipeline.zones import find_zones

    ms = find_zones("天津自贸试验区临港片区新设企业200家。")
    assert [m.text for m in ms] == ["天津自贸试验区临港片区"]
    assert ms[0].attrs["zone_id"] == "ftz_area:中国(天津)自由贸易试验区临港片区"


def test_a_place_and_a_single_dash_open_a_zones_name():
    # two partners joined by a dash name the zone; a double dash sets off an apposition
    ms = find_zones("据悉,中国—上海合作组织地方经贸合作示范区今年新增企业300家。首个省级新区——宜宾三江新区也在招商。")
    assert [m.text for m in ms] == ["中国—上海合作组织地方经贸合作示范区", "宜宾三江新区"]
    assert ms[0].attrs["zone_id"] == "demo_zone:中国—上海合作组织地方经贸合作示范区" and ms[0].attrs["province"] is None
