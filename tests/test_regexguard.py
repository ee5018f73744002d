"""regexguard: a lookahead of a pattern's first characters, and the same matches."""

from __future__ import annotations

import re
import sys

import pytest

from pipeline.regexguard import Windowed, guarded, match_chars, windowed

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


EDGES = ("花了三块5。三块5元；四块电池。打对折、半折、半成、近一半、七十 分、百分之 二十、三成半，5%-10%，"
         "-2.5‰，1/2的企业，4 1/2美分，20个比特币，3.5亿元人民币，约12个项目签约，花了三块5")


@pytest.mark.parametrize("pattern", [
    r"(?P<sign>负|(?<![0-9])-)?\d+(?:\.\d+)?%",
    r"(?:约|近|超)?[0-9０-９]+(?:个|亿元)",
    r"百分之[一二三四五六七八九十点]+|(?P<half>(?<=[近超])一半)|半成",
    r"\d+(?!元)",                      # a lookahead reading the one character past a run
    r"[一二三四五七十]+[ \t]?(?=[ \t]*分)",  # ... after characters of the run
    r"\d+块(?P<k>\d)(?![^\s,，。;；])",
])
def test_windowed_same_matches(pattern):
    rx = re.compile(pattern)
    w = windowed(rx)
    assert isinstance(w, Windowed)
    for text in (TEXT, EDGES):
        assert [(m.span(), m.groups()) for m in w.finditer(text)] == [(m.span(), m.groups()) for m in rx.finditer(text)]


@pytest.mark.parametrize("pattern", [
    r"\d+$",               # the end of the text is not the end of a run
    r"\d+(?=元钱)",        # a lookahead reading two characters past the run
    r"\d+(?=\w+元)",       # ... or any number of them
    r"[一二三四五七十]+(?=[ \t]*分)",  # ... or spaces the pattern itself never takes
    r"\d*",                # may match nothing: no character it needs
    r"[^，]+元",            # consumes characters that cannot be listed
])
def test_windowed_leaves_what_it_cannot_bound(pattern):
    rx = re.compile(pattern)
    assert windowed(rx) is rx


@pytest.mark.skipif(sys.version_info < (3, 11), reason="atomic groups came in Python 3.11")
def test_windowed_checks_lookaheads_inside_atomic_groups():
    rx = re.compile(r"(?>\d+(?=元钱))")
    assert windowed(rx) is rx


def test_number_patterns_are_windowed_with_the_same_matches():
    from pipeline.numbers import patterns
    from pipeline.numbers.vocab import load_vocab

    v = load_vocab()
    scanners = [patterns.compile_money(v), patterns.compile_minor_money(v)[0], patterns.compile_percent(v),
                patterns.compile_count(v)]
    for w in scanners:
        assert isinstance(w, Windowed)
        for text in (TEXT, EDGES):
            assert ([(m.span(), m.groups()) for m in w.finditer(text)]
                    == [(m.span(), m.groups()) for m in w.rx.finditer(text)])
