"""News outlets as sources, and titles cut off the end of a body's name (issue 13), on
lines written for these tests."""

from __future__ import annotations

import pytest

from pipeline.ner import LacTagger, find_orgs_and_people
from pipeline.ner import orgs as orgs_rules
from pipeline.ner.outlets import outlet_orgs


def _outlets(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in outlet_orgs(text)]


@pytest.mark.parametrize("line, names", [
    ("东江新闻网临川3月9日讯（通讯员 方立）", ["东江新闻网"]),
    ("滨湖网讯 昨天上午，园区召开大会。", ["滨湖网"]),
    ("北岸日报·云帆新闻6月2日讯 当天", ["北岸日报", "云帆新闻"]),
    ("启明社西宁1月5日电 记者", ["启明社"]),
    ("潮声记者 罗一鸣/文", ["潮声"]),
    ("（据晨光晚报2月1日电）", ["晨光晚报"]),
    ("文章来源：江畔商报", ["江畔商报"]),
    # cited in running text: after a word of citing, before what it reports or its reporter
    ("据海湾晚报记者了解，该厂已停产", ["海湾晚报"]),
    ("据远帆光伏网最新调查，组件价格回升。", ["远帆光伏网"]),
    ("据海岬之声《晚高峰》报道，工厂复产。", ["海岬之声"]),
    ("厂长告诉云帆网记者，新线明年投产。", ["云帆网"]),
    ("据启明社和北岸日报报道，双方签约。", ["启明社", "北岸日报"]),
    ("云帆网消息：园区今天举行签约仪式。", ["云帆网"]),
])
def test_outlets_found(line: str, names: list[str]) -> None:
    assert _outlets(line) == names


@pytest.mark.parametrize("line", [
    "本报讯 记者从园区获悉",            # the writer's own paper
    "特约记者 罗一鸣 报道",              # a kind of reporter, not an outlet
    "近日记者从市科技局获悉，",          # no outlet before the reporter
    "据该报记者了解，该厂已停产",        # the paper pointed at, not named
    "据中报显示，公司营收增长",          # an interim report, no paper
    "国家电网与南方电网电力合作",        # 电 without a date is no dateline
    "城南集团网讯 公司召开年会",         # a company's own site: the company is the name
    "会上，滨湖网讯息平台上线",          # not at a line's start
])
def test_no_outlet(line: str) -> None:
    assert _outlets(line) == []


def test_outlet_is_an_org_in_the_stage(tagger: LacTagger) -> None:
    text = "东江新闻网临川3月9日讯（通讯员 方立）临川高新区昨天签约项目12个。"
    orgs = {m.text for m in find_orgs_and_people(text, tagger=tagger) if m.label == "ORG"}
    assert "东江新闻网" in orgs


def test_title_cut_from_a_body(tagger: LacTagger) -> None:
    text = "青州市委常委、青州高新区党工委书记王立新出席。"
    orgs = {m.text for m in find_orgs_and_people(text, tagger=tagger) if m.label == "ORG"}
    assert "青州市委" in orgs and "青州市委常委" not in orgs


@pytest.mark.parametrize("name, kept", [
    ("德兴市委书记", "德兴市委"),
    ("江北区党委常委副书记", "江北区党委"),   # two titles
    ("宏达主席", "宏达主席"),                 # no type word before the title: left alone
    ("市委书记", "市委书记"),                 # too short a body to be a name
])
def test_strip_trailing_title(name: str, kept: str) -> None:
    assert name[: orgs_rules.strip_trailing_title(name, 0, len(name))] == kept


@pytest.mark.parametrize("line, names", [
    ("园区新添三家孵化器本报讯", []),                  # a headline run into the writer's own dateline
    ("市长会见外国客人据启明社西宁1月3日电", ["启明社"]),  # ... into a dateline after 据
    ("启明网 昆明9月9日电 (陈某 罗某)园区发展迅速", ["启明网"]),  # a space between outlet and place
])
def test_headline_run_into_dateline(line: str, names: list[str]) -> None:
    assert _outlets(line) == names


@pytest.mark.parametrize("text, org", [
    ("会上，青州市委书记王立新作了讲话。", "青州市委"),        # 青州/ORG 市委书记/n in LAC's words
    ("长沙经开区党工委书记、长沙县委书记沈一鸣表示。", "长沙县委"),  # 长沙/LOC 县委书记/n
])
def test_committee_cut_across_lacs_words(tagger: LacTagger, text: str, org: str) -> None:
    orgs = {m.text for m in find_orgs_and_people(text, tagger=tagger) if m.label == "ORG"}
    assert org in orgs


@pytest.mark.parametrize("line, names", [
    ("据《滨江日报》报道，园区营收增长。", ["滨江日报"]),
    ("北岸《星岛新闻》与《海湾邮报》都作了报道。", ["星岛新闻", "海湾邮报"]),
    ("两国发表了《联合公报》。", []),           # a document written with 报
    ("论文刊于《江城大学学报》。", []),         # a journal
    ("请关注《天气预报》和《本报》。", []),      # a programme; the writer's own paper
])
def test_newspapers_in_title_marks(line: str, names: list[str]) -> None:
    assert _outlets(line) == names


def test_titled_paper_keeps_its_place(tagger: LacTagger) -> None:
    text = "正如《印度教徒报》所说，园区发展很快。"
    orgs = {m.text for m in find_orgs_and_people(text, tagger=tagger) if m.label == "ORG"}
    assert "印度教徒报" in orgs


@pytest.mark.parametrize("text, names", [
    ("启明社北港６月２日电南方电网公司今天宣布扩建。", {"启明社", "南方电网公司"}),  # 电 opens the next name
    ("启明社电外交部发言人今天说。", {"启明社", "外交部"}),     # LAC's one token for outlet, 电 and body
])
def test_dateline_ends_a_name(tagger: LacTagger, text: str, names: set[str]) -> None:
    orgs = {m.text for m in find_orgs_and_people(text, tagger=tagger) if m.label == "ORG"}
    assert names <= orgs and not any(o.startswith("电") or o.endswith("电") for o in orgs)


@pytest.mark.parametrize("names", [("５月１日电力公司开始检修。", "５月１日")])
def test_dateline_mark_is_not_a_word_of_the_name(names: tuple[str, str]) -> None:
    from pipeline.ner.outlets import split_at_datelines
    text, date = names
    cand = (len(date), len(date) + 4, "lac")  # 电力公司
    assert split_at_datelines(text, [cand]) == [cand]


def test_two_outlets_joined_by_a_hyphen_share_a_dateline() -> None:
    text = "东南日报-东南财经网杭州3月2日讯(记者 李明)园区一季度签约项目12个。"
    names = {text[s:e] for s, e, _ in outlet_orgs(text)}
    assert {"东南日报", "东南财经网"} <= names


def test_an_online_outlet_opens_its_dateline() -> None:
    text = "星河在线讯:近日,园区签约项目12个。"
    assert "星河在线" in {text[s:e] for s, e, _ in outlet_orgs(text)}


@pytest.mark.parametrize("line, names", [
    # a day without its month (北岸日报网滨州8日电): the dateline all the same; a paper's own site
    # (…日报网) is an outlet, not a company's site
    ("北岸日报网滨州8日电（记者 李明）园区昨天签约。", ["北岸日报网"]),
    # the outlet of a channel or an app before its place (dev NOTES §7: the parent required)
    ("云帆网江西新闻4月2日电 （记者 方立）", ["云帆网"]),
    ("星河在线湖南频道报道（方立）：园区昨天签约。", ["星河在线"]),
    ("新潮声客户端讯 当天，园区召开大会。", ["新潮声"]),
    # the credit in brackets after the dateline names the outlets before its reporter
    ("新潮声客户端讯（新潮声·北岸日报记者 罗一鸣）当天，", ["新潮声", "新潮声", "北岸日报"]),
])
def test_outlets_of_channels_and_credits(line: str, names: list[str]) -> None:
    assert _outlets(line) == names


def test_a_channel_with_no_place_stays_whole() -> None:
    # (某某财经频道 is the channel's own name: the contract's parent is not in the string)
    assert _outlets("星河财经频道报道（方立）：组件价格回升。") == ["星河财经频道"]


@pytest.mark.parametrize("text, site", [
    ("星河钢铁网分析师李明表示，钢价短期承压。", "星河钢铁网"),
    ("第一纺织网总编辑王某认为，棉价走高。", "第一纺织网"),  # LAC: 第一/m 纺织网/nz: the name opens before its word
])
def test_a_site_before_a_title_of_its_staff(text: str, site: str, tagger: LacTagger) -> None:
    orgs = {m.text for m in find_orgs_and_people(text, tagger=tagger) if m.label == "ORG"}
    assert orgs == {site}


def test_words_ending_in_wang_without_a_title_are_no_site(tagger: LacTagger) -> None:
    text = "国内有多家互联网企业，电网建设加快。"
    assert not [m for m in find_orgs_and_people(text, tagger=tagger) if m.label == "ORG"]


@pytest.mark.parametrize("line, names", [
    ("涨价传闻不断。星河商报记者在多家门店了解到，价格已上调。", ["星河商报"]),
    ("而滨江晚报记者也从厂家获悉。", ["滨江晚报"]),
    ("滨江晚报见习记者 李明 摄", ["滨江晚报"]),
    ("本报记者在现场看到，该报记者从会上获悉，早报记者在场。", []),  # the writer's own paper; 早报 alone names none
    ("他们向日报记者说明了情况。", []),
])
def test_a_paper_before_its_reporter_at_a_clauses_start(line: str, names: list[str]) -> None:
    assert _outlets(line) == names


def test_an_outlet_cited_with_what_it_says() -> None:
    # 据…称: the outlet said it (a site's, a paper's name ends as an outlet's does; a firm's does not)
    assert _outlets("据星河财经网称，棉价下跌。据该公司称，订单增加。") == ["星河财经网"]
