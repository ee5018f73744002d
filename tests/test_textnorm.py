"""to_halfwidth keeps every offset, for short texts and long ones alike."""

from pipeline.textnorm import _ARRAY_FROM, _TABLE, to_halfwidth


def test_full_width_ascii_and_spaces_become_half_width():
    assert to_halfwidth("ＡＢＣ１２３，（注）　ｘ") == "ABC123,(注) x"


def test_long_texts_map_as_short_ones_do():
    # long texts take the array path; astral characters and a lone surrogate pass through
    piece = "营收１２．５亿元，同比增长８％　𠀀😀\ud800ｚ～〜"
    long = piece * (_ARRAY_FROM // len(piece) + 1)
    assert len(long) >= _ARRAY_FROM
    assert to_halfwidth(long) == long.translate(_TABLE)
    assert to_halfwidth(long) == to_halfwidth(piece) * (len(long) // len(piece))
    assert len(to_halfwidth(long)) == len(long)
