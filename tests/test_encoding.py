import codecs

import pytest

from pipeline.ingest.encoding import DecodeError, decode

TEXT = "# 成都高新区新增企业１２０家\n\n本报讯 成都高新区今年新增高新技术企业。\n"


@pytest.mark.parametrize("encoded, name", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("utf-16"), "utf-16"),            # with BOM
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
])
def test_decodes_common_encodings(encoded, name):
    text, enc = decode(encoded)
    assert text == TEXT
    assert enc == name


def test_binary_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_undecodable_bytes_are_refused():
    junk = bytes([0x80, 0xFF, 0xFE, 0x81, 0x30, 0xFF] * 50)
    with pytest.raises(DecodeError, match="undecodable"):
        decode(junk)
