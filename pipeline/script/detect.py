"""Which script an article is written in, and its simplified mirror of the same length.

Both rest on OpenCC (the `opencc` wheel ships its dictionaries; nothing is fetched):
its Taiwan converter with phrases (tw2sp), then its Hong Kong one (hk2s), which reads
Hong Kong variant forms (衞, 綫) as well as OpenCC's standard traditional ones.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"

# Taiwan phrases first (軟體 -> 软件, 網路 -> 网络), then Hong Kong and standard forms
# (衞 -> 卫, which tw2sp leaves); on text already simplified each is a no-op.
_CONFIGS = ("tw2sp", "hk2s")
# Characters alone go through hk2s only: the Taiwan step adds phrases, not characters
# to speak of, and costs ten times as much over every Han character (1 s at start-up).
_CHAR_CONFIGS = ("hk2s",)
# An article is traditional when at least this share of its Han characters, and at
# least _MIN_CHANGED of them, are characters the conversion changes.  Traditional news
# runs at 15-30%; simplified news at 0 (a quoted 於 or the 乾 of 乾隆: under 2% on the
# ../shared corpus, once the characters of rules/script_shared_chars.txt are set
# aside), so the threshold sits far from both.
_MIN_SHARE = 0.08
_MIN_CHANGED = 3
_SHARED_CHARS = Path(__file__).resolve().parents[2] / "rules" / "script_shared_chars.txt"
# Corner quotes are traditional punctuation; the rules know “” and ‘’ (one for one).
_QUOTES = {ord("「"): "“", ord("」"): "”", ord("『"): "‘", ord("』"): "’"}
# 參 is also the financial numeral three (參拾萬元), which simplified text writes 叁, but
# OpenCC makes every 參 a 参 (参加): between financial numerals and units it is 叁.
_FINANCIAL_THREE = re.compile("(?<=[壹贰叁肆伍陆柒捌玖拾佰仟零])参|参(?=[拾佰仟万亿元圆角分])")
# Blocks of Han characters whose conversion is looked up one by one (BMP, compatibility, SIP).
_HAN_BLOCKS = ((0x3400, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2FA20))
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
# Conversion goes a line, else a sentence at a time: OpenCC's phrases never cross one.
_LINE_END = re.compile(r"(?<=\n)")
_SEGMENT_END = re.compile(r"(?<=[。！？!?；;\n])")


class _Chain:
    def __init__(self, configs: tuple[str, ...]) -> None:
        import opencc  # here, only when needed

        self.steps = [opencc.OpenCC(c) for c in configs]

    def convert(self, text: str) -> str:
        for step in self.steps:
            text = step.convert(text)
        return text


@cache
def _converter() -> _Chain:
    return _Chain(_CONFIGS)


@cache
def char_table() -> dict[int, str]:
    """OpenCC's conversion of every Han character taken alone (a str.translate table):
    characters whose conversion is one other character.  Built once, from one call."""
    chars = [chr(c) for lo, hi in _HAN_BLOCKS for c in range(lo, hi)]
    converted = _Chain(_CHAR_CONFIGS).convert("\n".join(chars)).split("\n")
    table: dict[int, str] = {}
    if len(converted) == len(chars):
        table = {ord(c): t for c, t in zip(chars, converted) if t != c and len(t) == 1}
    return table


def _shared_chars(path: Path = _SHARED_CHARS) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@cache
def _signs() -> frozenset[str]:
    """The characters whose presence says traditional: those the conversion changes,
    less those simplified text writes too."""
    shared = _shared_chars()
    return frozenset(chr(c) for c in char_table() if chr(c) not in shared)


def script_of(text: str) -> str:
    """TRADITIONAL or SIMPLIFIED.  Simplified text costs the set of its characters,
    which shares none (or a few) with the signs: no conversion, no regex."""
    present = _signs().intersection(text)
    if len(present) == 0:
        return SIMPLIFIED
    need = max(_MIN_CHANGED, _MIN_SHARE * len(_HAN.findall(text)))
    n = 0
    for c in present:  # a pass a character: stop as soon as there are enough
        n += text.count(c)
        if n >= need:
            return TRADITIONAL
    return SIMPLIFIED


def to_simplified(text: str) -> str:
    """The simplified mirror: same length, position for position.

    Each line is converted whole (OpenCC's phrases choose 乾燥 -> 干燥 but keep 乾隆;
    a call per line costs a quarter of a call per sentence); a line whose conversion
    changes its length (a rare phrase that maps to more or fewer characters: 記憶體 ->
    内存) is converted a sentence at a time, and a sentence that still does, or that
    OpenCC cannot take (a lone surrogate), character by character.  (Two phrases of one
    line that lengthen and shorten it alike would shift the characters between them:
    the stages would read those a character askew, while every offset and surface still
    holds, as both come from the original.)"""
    out = []
    for line in _LINE_END.split(text):
        conv = _convert(line)
        if len(conv) != len(line):
            conv = "".join(_same_length(seg) for seg in _SEGMENT_END.split(line))
        out.append(conv)
    mirror = "".join(out).translate(_QUOTES)
    return _FINANCIAL_THREE.sub("叁", mirror) if "参" in mirror else mirror


def _same_length(seg: str) -> str:
    conv = _convert(seg)
    return conv if len(conv) == len(seg) else seg.translate(char_table())


def _convert(text: str) -> str:
    if not text:
        return text
    try:
        return _converter().convert(text)
    except (UnicodeError, RuntimeError):
        return ""  # not its length: the caller goes on in smaller pieces
