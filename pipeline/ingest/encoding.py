"""Bytes -> str for pages of Chinese news: UTF-8, GB18030/GBK, UTF-16/32 with a BOM,
and UTF-16 without one when the bytes can be nothing else."""

from __future__ import annotations

import codecs
import unicodedata

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = {9, 10, 12, 13}


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > max(2, len(sample) // 100)


def _odd(ch: str) -> bool:
    # Private use (Co), unassigned (Cn) or surrogate (Cs) code points: what bytes of
    # another encoding decode to.  Emoji and CJK Extension B-G (rare-plane, but
    # assigned) are text: news writes names with them.
    if ch < "\u3000":
        return False  # fast path: ASCII, Latin, punctuation
    return unicodedata.category(ch) in ("Co", "Cn", "Cs")


def _plausible(text: str) -> bool:
    # GB18030 decodes almost any byte string; real Chinese text is mostly CJK,
    # ASCII and CJK punctuation, not private-use or unassigned code points.
    if not text:
        return True
    odd = sum(1 for ch in text if _odd(ch))
    return odd <= len(text) // 200


def sniff_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when `data` (without a BOM) reads as UTF-16 text,
    else None.  ASCII in UTF-16 puts a NUL byte in every other position, all on one
    side; the decoded text must then be plausible: no control characters but line
    breaks and tabs, almost nothing private-use or unassigned."""
    sample = data[:8192]
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # ASCII (markup, digits, line ends) is a tenth of Chinese text at the least
    if max(even, odd) < max(2, len(sample) // 20) or min(even, odd) * 2 > max(even, odd):
        return None
    name = "utf-16-le" if odd > even else "utf-16-be"
    # an incremental decoder leaves a pair cut by the end of the sample undecoded
    try:
        text = codecs.getincrementaldecoder(name)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    if not text.strip() or any(ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS for ch in text):
        return None
    return name if _plausible(text) else None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeError."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable bytes after a {name} byte-order mark: {exc.reason}") from exc
            return text.lstrip("\ufeff"), name
    if b"\x00" in data[:8192] and (utf16 := sniff_utf16(data)) is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise DecodeError(f"undecodable bytes in what reads as {utf16} without a byte-order mark: "
                              f"{exc.reason}") from exc
    if looks_binary(data):
        raise DecodeError("binary file (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible(text):
        return text, "gb18030"
    return _fallback(data)


def _fallback(data: bytes) -> tuple[str, str]:
    # charset-normalizer weighs many encodings by how coherent the result reads;
    # we only reach it when neither UTF-8 nor GB18030 decodes cleanly.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable bytes: not UTF-8, GB18030 or any encoding charset-normalizer knows")
    text = str(best)
    if not _plausible(text):
        raise DecodeError(f"undecodable bytes: best guess {best.encoding} gives implausible text")
    return text, best.encoding
