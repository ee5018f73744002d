"""find_quantities on short sentences written for these tests."""

import pytest

from pipeline.numbers import find_quantities


def one(text, kind=None):
    qs = [q for q in find_quantities(text) if kind is None or q.kind == kind]
    assert len(qs) == 1, qs
    q = qs[0]
    assert text[q.start:q.end] == q.text
    return q


# surface, kind, value, unit, approx
@pytest.mark.parametrize("text, surface, kind, value, unit, approx", [
    ("园区去年营收6069万元。", "6069万元", "money", 60690000, "CNY", "exact"),
    ("项目总投资超1亿元。", "超1亿元", "money", 1e8, "CNY", "more_than"),
    ("合同额约30亿元。", "约30亿元", "money", 3e9, "CNY", "about"),
    ("带动就业4600余万元的产值", "4600余万元", "money", 4.6e7, "CNY", "more_than"),
    ("计划投入100亿元以上。", "100亿元以上", "money", 1e10, "CNY", "at_least"),
    ("单笔补贴50万元以内。", "50万元以内", "money", 5e5, "CNY", "at_most"),
    ("营收首次过亿元。", "过亿元", "money", 1e8, "CNY", "more_than"),
    ("该企业获得融资1.2亿美元。", "1.2亿美元", "money", 1.2e8, "USD", "exact"),
    ("收购金额为5000万欧元。", "5000万欧元", "money", 5e7, "EUR", "exact"),
    ("出资20亿日圆设立工厂。", "20亿日圆", "money", 2e9, "JPY", "exact"),
    ("发行规模8亿港币。", "8亿港币", "money", 8e8, "HKD", "exact"),
    ("奖金一万英镑。", "一万英镑", "money", 1e4, "GBP", "exact"),
    ("注册资本180亿元人民币。", "180亿元人民币", "money", 1.8e10, "CNY", "exact"),
    ("年产值5亿元左右人民币。", "5亿元左右人民币", "money", 5e8, "CNY", "about"),
    ("企业计划在当地投资70亿，建设新厂。", "70亿", "money", 7e9, "CNY", "exact"),
    ("今年斥资3亿扩建车间。", "3亿", "money", 3e8, "CNY", "exact"),
    ("全年采购250多万的原料。", "250多万", "money", 2.5e6, "CNY", "more_than"),
    ("该区工业产值破千亿。", "千亿", "money", 1e11, "CNY", "more_than"),
    ("总投资达一千二百万元。", "一千二百万元", "money", 1.2e7, "CNY", "exact"),
    ("单笔补助4千万元。", "4千万元", "money", 4e7, "CNY", "exact"),
    ("园区实现税收两亿元。", "两亿元", "money", 2e8, "CNY", "exact"),
    ("总额为３６，１１０元。", "３６，１１０元", "money", 36110, "CNY", "exact"),
    ("营收超过8亿元。", "8亿元", "money", 8e8, "CNY", "more_than"),
    ("销售额突破50亿元。", "50亿元", "money", 5e9, "CNY", "more_than"),
    ("研发投入高达3亿元。", "3亿元", "money", 3e8, "CNY", "exact"),
    ("每家最高补助60万元。", "60万元", "money", 6e5, "CNY", "at_most"),
    ("单个项目不超过200万元。", "200万元", "money", 2e6, "CNY", "at_most"),
    ("每户至少补贴5000元。", "5000元", "money", 5000, "CNY", "at_least"),
    ("折合约合2亿美元。", "2亿美元", "money", 2e8, "USD", "about"),
    ("奖金总额二点一二万元。", "二点一二万元", "money", 21200, "CNY", "exact"),
])
def test_money(text, surface, kind, value, unit, approx):
    q = one(text, kind)
    assert (q.text, q.value, q.unit, q.approx) == (surface, pytest.approx(value), unit, approx)


@pytest.mark.parametrize("text, surface, value, approx", [
    ("同比增长8.18%。", "8.18%", 8.18, "exact"),
    ("占比百分之十五。", "百分之十五", 15, "exact"),
    ("市场份额三成。", "三成", 30, "exact"),
    ("出口占近三成。", "近三成", 30, "nearly"),
    ("近三成员工从事研发", "近三成", 30, "nearly"),
    ("新增数占全市的1/2。", "1/2", 50, "exact"),
    ("海外供给达到三分之一。", "三分之一", 100 / 3, "exact"),
    ("不良率控制在千分之五。", "千分之五", 0.5, "exact"),
    ("近一半的企业已经转型。", "近一半", 50, "nearly"),
    ("毛利率约30%。", "约30%", 30, "about"),
    ("毛利率不到20%。", "20%", 20, "at_most"),
    ("利用率高于100%。", "100%", 100, "more_than"),
    ("增长50%以上。", "50%以上", 50, "at_least"),
    ("负债率控制在1%以下。", "1%以下", 1, "at_most"),
    ("下降２．５％", "２．５％", 2.5, "exact"),
    ("提高1.5个百分点", "1.5个百分点", 1.5, "exact"),
    # digits after a decimal point are not a rough range (四五 in 三点四五)
    ("贷款利率为百分之三点四五。", "百分之三点四五", 3.45, "exact"),
    ("出口增长十七点八九个百分点", "十七点八九个百分点", 17.89, "exact"),
    ("抽检不合格率千分之二十三点四五六", "千分之二十三点四五六", 2.345600, "exact"),
    # two spaced digits before 折 are one discount
    ("冬装一律8 5 折", "8 5 折", 85, "exact"),
    ("会员价6 8折", "6 8折", 68, "exact"),
    ("全场打7折", "7折", 70, "exact"),
])
def test_percent(text, surface, value, approx):
    q = one(text, "percent")
    assert (q.text, q.value, q.unit, q.approx) == (surface, pytest.approx(value), "%", approx)


@pytest.mark.parametrize("text, surface, kind, lo, hi", [
    ("单价在20-30万元之间。", "20-30万元", "money", 2e5, 3e5),
    ("涨幅为5%—10%。", "5%—10%", "percent", 5, 10),
    ("降幅8%到20%不等。", "8%到20%", "percent", 8, 20),
    ("占比40%～50%。", "40%～50%", "percent", 40, 50),
    ("售价一两百元。", "一两百元", "money", 100, 200),
    ("投入一二百万元。", "一二百万元", "money", 1e6, 2e6),
    ("规模达1500亿~2000亿元。", "1500亿~2000亿元", "money", 1.5e11, 2e11),
    # the percent sign written once, on the high end
    ("毛利率预计回落至6-9%。", "6-9%", "percent", 6, 9),
    ("开工率降至65~72%，", "65~72%", "percent", 65, 72),
    ("出货量有望增长3到4%", "3到4%", "percent", 3, 4),
    ("次品率控制在2-4‰", "2-4‰", "percent", 0.2, 0.4),
])
def test_ranges(text, surface, kind, lo, hi):
    q = one(text, kind)
    assert (q.text, q.value, q.value_high) == (surface, pytest.approx(lo), pytest.approx(hi))


@pytest.mark.parametrize("text, surface, value, unit, per", [
    ("发行价4.32元/股。", "4.32元/股", 4.32, "CNY", "股"),
    ("价格升至43500元/吨。", "43500元/吨", 43500, "CNY", "吨"),
    ("转换价为每股10.67港元。", "10.67港元", 10.67, "HKD", "股"),
])
def test_unit_prices(text, surface, value, unit, per):
    q = one(text, "money")
    assert (q.text, q.value, q.unit, q.per) == (surface, pytest.approx(value), unit, per)


@pytest.mark.parametrize("text, surface, value, unit", [
    # a minor unit completes a major amount of the same currency, with or without 又/零
    ("一杯咖啡三美元又五十美分。", "三美元又五十美分", 3.5, "USD"),
    ("车票4欧元20欧分", "4欧元20欧分", 4.2, "EUR"),
    ("邮费一英镑零五便士", "一英镑零五便士", 1.05, "GBP"),
    ("找回300日元8日本钱", "300日元8日本钱", 300.08, "JPY"),
    # a minor unit on its own
    ("每股派息25美分。", "25美分", 0.25, "USD"),
    ("一根冰棍五毛钱", "五毛钱", 0.5, "CNY"),
    ("每度电便宜8分钱", "8分钱", 0.08, "CNY"),
    # a currency counted like a thing takes 个
    ("钱包里还有3个比特币。", "3个比特币", 3, "BTC"),
    ("他持有1.5个以太币", "1.5个以太币", 1.5, "ETH"),
])
def test_minor_units_and_compound_amounts(text, surface, value, unit):
    q = one(text, "money")
    assert (q.text, q.value, q.unit) == (surface, pytest.approx(value), unit)


@pytest.mark.parametrize("text, surface, value, unit, per", [
    # futures quotes: a mixed fraction of a unit; after decimals, of the last decimal place
    ("棉花期货收涨3 1/4美分。", "3 1/4美分", 0.0325, "USD", None),
    ("燕麦报收于4.12 3/4美元/蒲式耳。", "4.12 3/4美元/蒲式耳", 4.1275, "USD", "蒲式耳"),
    ("分红每股1/2美元", "1/2美元", 0.5, "USD", "股"),
    ("可可收于98.6美分/磅", "98.6美分/磅", 0.986, "USD", "磅"),
    ("汽油报每加仑2.9美元", "2.9美元", 2.9, "USD", "加仑"),
])
def test_fraction_quotes_and_per_units(text, surface, value, unit, per):
    q = one(text, "money")
    assert (q.text, q.value, q.unit, q.per) == (surface, pytest.approx(value), unit, per)


@pytest.mark.parametrize("text", ["比例为7/4美元区间", "涨幅3/2美分"])
def test_improper_fraction_of_currency_is_no_money(text):
    assert [q for q in find_quantities(text) if q.kind == "money"] == []


def test_minor_unit_of_another_currency_stays_apart():
    qs = find_quantities("报价5元又3美分")
    assert [(q.text, q.unit) for q in qs] == [("5元", "CNY"), ("3美分", "USD")]


@pytest.mark.parametrize("text", [
    "比赛中他得了5分。", "迟到了15分钟", "考试扣了8分", "他十分努力", "五角大楼发表声明", "每隔三分钟一班",
])
def test_bare_fen_and_jiao_words_are_not_money(text):
    assert [q for q in find_quantities(text) if q.kind == "money"] == []


def test_ge_before_an_ordinary_currency_is_no_money():
    assert [q.kind for q in find_quantities("换了20个美元硬币")] != ["money"]


def test_bare_amount_takes_foreign_currency_in_sentence():
    qs = find_quantities("对方报价1.38亿，另承担债务1亿欧元。")
    assert [(q.text, q.unit) for q in qs] == [("1.38亿", "EUR"), ("1亿欧元", "EUR")]


@pytest.mark.parametrize("text, surface, value, unit, approx", [
    ("研发人员有110余人。", "110余人", 110, "人", "more_than"),
    ("累计认定1217家。", "1217家", 1217, "家", "exact"),
    ("带动千家企业上云。", "千家", 1000, "家", "exact"),
    ("引进十多家配套企业。", "十多家", 10, "家", "more_than"),
    ("全球最大的四家供应商", "四家", 4, "家", "exact"),
    ("分两笔支付", "两笔", 2, "笔", "exact"),
    ("划分为三个梯队", "三个", 3, "个", "exact"),
    ("接待游客32万人次", "32万人次", 320000, "人次", "exact"),
    ("举办30多场次活动", "30多场次", 30, "场次", "more_than"),
    ("授权专利400余项", "400余项", 400, "项", "more_than"),
    ("共有5所高校", "5所", 5, "所", "exact"),
    ("交付200台设备", "200台", 200, "台", "exact"),
])
def test_counts(text, surface, value, unit, approx):
    q = one(text, "count")
    assert (q.text, q.value, q.unit, q.approx) == (surface, pytest.approx(value), unit, approx)


@pytest.mark.parametrize("text", [
    "工期6个月。", "历时8个多月。", "要求运营3年以上。", "占地200亩。", "年产5万吨。", "装机100千瓦。",
    "几家企业", "十几家企业", "数十家企业", "若干家企业", "成立一家公司", "派出一名干部", "首批一批项目",
    "在五家渠投资建厂", "排名第27位", "位列前五名", "修建河道19条", "建成污水厂21座", "惠及17户",
    "2019年", "12月15日", "2020—2022年", "第三届论坛", "建校70周年", "股票代码000792", "KP-488项目",
    "4G网络", "5G基站", "世界500强", "“十四五”规划", "PMI为48.9", "增长3倍", "实现翻一番", "比例为1:1",
    "按1∶100配比", "花了几百元", "投入数千万元", "客服电话400-800-1234",
    "访问 http://example.com/a?x=30%25 获取", "也是一块不小的成本", "是全省唯一一家试点单位", "三成员会议",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, surfaces", [
    ("1-5月出口增长12%", ["12%"]),          # a month range before a percent is no percent range
    ("2010-2012年年均增长8%", ["8%"]),
    ("由5%降至-2%", ["5%", "-2%"]),
])
def test_percent_range_needs_adjacent_ends(text, surfaces):
    assert [q.text for q in find_quantities(text) if q.kind == "percent"] == surfaces


def test_offsets_and_order():
    text = "园区有１２家企业，营收３亿元，增长１５％。"
    qs = find_quantities(text)
    assert [q.kind for q in qs] == ["count", "money", "percent"]
    assert all(text[q.start:q.end] == q.text for q in qs)
    assert [q.value for q in qs] == [12, 3e8, 15]


@pytest.mark.parametrize("text, surface, approx", [
    ("待机能耗约占家庭用电的10%。", "10%", "about"),
    ("产能接近全省总产能的30%。", "30%", "nearly"),
])
def test_verb_governs_phrase_ending_in_de(text, surface, approx):
    q = one(text, "percent")
    assert (q.text, q.approx) == (surface, approx)


def test_verb_carries_over_a_list_of_amounts():
    qs = find_quantities("本金5亿港元(约合6400万美元，4.2亿元人民币)")
    assert [(q.text, q.approx) for q in qs] == [("5亿港元", "exact"), ("6400万美元", "about"), ("4.2亿元人民币", "about")]
