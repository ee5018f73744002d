"""regexguard: a lookahead of a pattern's first characters, and the same matches."""

from __future__ import annotations

import re

import pytest

from pipeline.regexguard import guarded, match_chars

TEXT = "园区新签约项目约12个，总投资超３０亿元，同比增长百分之十五点五；另有半成企业、近一半岗位。Q3营收-2.5%。"


@pytest.mark.parametrize("pattern", [
    r"(?P<sign>负|(?<![0-9])-)?\d+(?:\.\d+)?%",            # optional opening group
    r"(?:约|近|超)?[0-9０-９]+(?:个|亿元)",                    # optional qualifier, then digits
    r"百分之[一二三四五六七八九十点]+|(?P<half>(?<=[近超])一半)|半成",  # lookbehind opening a branch
    r"(?<=[，。])[^，。]{1,4}",                                # negated class: left as it is
    r"(?i)q\d",                                               # global case folding
    r"(?:(?i:q)\d)",                                          # local case folding: left as it is
    r"x*",                                                    # may match nothing: left as it is
])
def test_same_matches(pattern):
    rx = re.compile(pattern)
    g = guarded(rx)
    assert [m.span() for m in g.finditer(TEXT)] == [m.span() for m in rx.finditer(TEXT)]
    assert g.groupindex == rx.groupindex


def test_guard_is_the_set_of_first_characters():
    g = guarded(re.compile(r"(?:约|近)?\d+(?P<u>个|家)"))
    assert g.pattern.startswith("(?=[")
    head = g.pattern[4:g.pattern.index("]")]
    assert set(re.findall(r"[^\\]|\\d", head)) == {"约", "近", r"\d"}


@pytest.mark.parametrize("pattern", [r"[^a]b", r".b", r"x*", r"(?:(?i:q)\d)"])
def test_unbounded_patterns_are_returned_unchanged(pattern):
    rx = re.compile(pattern)
    assert guarded(rx) is rx


def test_match_chars_bounds_a_filler_prefix():
    filler = re.compile(r"^(?:\s|近日|目前|\d{4}年)*$")
    run = match_chars(filler)
    assert run.match("2024年近日 青峰高新区").end() == len("2024年近日 ")
    assert run.match("青峰").end() == 0
    assert match_chars(re.compile(r"[^x]+")) is None
