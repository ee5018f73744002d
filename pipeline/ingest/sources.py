"""Input files -> Articles and Problems, streamed one file at a time."""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.ingest.article import Article, Block, Problem, has_surrogates, without_surrogates
from pipeline.ingest.encoding import DecodeError, decode, looks_binary, sniff_utf16
from pipeline.ingest.page import split_articles
# expand_inputs and the suffix sets are imported from here by callers
from pipeline.ingest.walk import (JSON_SUFFIXES, JSONL_SUFFIXES, PAGE_SUFFIXES, SUFFIXES,  # noqa: F401
                                  display_path, expand_inputs)

# Fields of a JSON record that become text of the tables
RECORD_FIELDS = ("id", "title", "text", "date", "source")
DEFAULT_MAX_CHARS = 300_000
# A page file is decoded whole (its encoding is guessed from all of it); past this size
# it is refused rather than held in memory.  A corpus that large belongs in JSON Lines,
# which stream a line at a time.
MAX_PAGE_BYTES = 64 * 2**20
_DATE_IN_NAME = re.compile(r"(20\d\d|19\d\d)[-_]?([01]\d)[-_]?([0-3]\d)")


def iter_inputs(inputs: Iterable[Path | str], *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Problem]:
    for item in expand_inputs(inputs):
        if isinstance(item, Problem):
            yield item
        else:
            yield from read_source(item, max_chars=max_chars)


def read_source(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Problem]:
    """Articles of one file; every problem is yielded, never raised."""
    file = display_path(path)
    try:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            items: Iterable[Article | Problem] = _stream_jsonl(path)
        elif suffix in JSON_SUFFIXES:
            items = _read_json_file(path)
        else:
            items = _read_page_file(path)
        for item in items:
            if isinstance(item, Article) and len(item.text) > max_chars:
                yield Problem(file=file, article=item.article_id, line=None,
                              reason=f"article of {len(item.text)} characters is over the limit of {max_chars} (--max-chars)")
            else:
                yield item
    except OSError as exc:  # vanished between listing and reading, unreadable, ...
        yield Problem(file=file, reason=f"cannot read: {exc.strerror or exc}")


def _read_whole(path: Path) -> str | Problem:
    """A page or JSON file decoded whole, or the Problem that stops it."""
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        return Problem(file=display_path(path), reason=f"file of {size:,} bytes is over the limit of "
                       f"{MAX_PAGE_BYTES:,}: split it, or give the articles as JSON Lines")
    data = path.read_bytes()
    if not data.strip():
        return Problem(file=display_path(path), reason="empty file")
    try:
        text, _encoding = decode(data)
    except DecodeError as exc:
        return Problem(file=display_path(path), reason=str(exc))
    return text


def _read_page_file(path: Path) -> Iterator[Article | Problem]:
    text = _read_whole(path)
    if isinstance(text, Problem):
        yield text
        return
    yield from _read_page(text, path)


def _read_json_file(path: Path) -> Iterator[Article | Problem]:
    """A `.json` file: one article object, or an array of article objects."""
    text = _read_whole(path)
    if isinstance(text, Problem):
        yield text
        return
    file = display_path(path)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Problem(file=file, line=exc.lineno, reason=f"not JSON: {exc.msg}")
        return
    if isinstance(obj, dict) and "text" in obj:
        obj = [obj]
    if not isinstance(obj, list):
        yield Problem(file=file, reason='JSON file is neither an article (an object with "text") '
                      "nor an array of articles")
        return
    seq = 0
    for n, item in enumerate(obj, start=1):
        for got in _from_record(item, path, line=None, seq=seq, where=f"item {n} of the array: "):
            seq += isinstance(got, Article)
            yield got


_JSON_SPACE = " \t\r\n"
_BOM_ENCODINGS = (  # UTF-32 first: its little-endian BOM starts like UTF-16's
    ((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),
    ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16"),
)


def _stream_jsonl(path: Path) -> Iterator[Article | Problem]:
    """JSON Lines are read a line at a time, so a corpus of any size streams and one
    bad line costs that line only.  UTF-8 by default; UTF-16/32 with a byte-order mark,
    or UTF-16 without one when the bytes read as nothing else.  Lines end at \\n only
    (U+2028 and U+0085 are characters of a record, as in JSON)."""
    file = display_path(path)
    with open(path, "rb") as f:
        head = f.read(65536)
        if not head.strip() and not f.read(1):
            yield Problem(file=file, reason="empty file")
            return
        encoding = next((name for boms, name in _BOM_ENCODINGS if head.startswith(boms)), None)
        if encoding is None and b"\x00" in head and not _any_record(head.split(b"\n")):
            # UTF-16 without a BOM, if its lines are records (UTF-8 with a NUL in a line is not)
            utf16 = sniff_utf16(head)
            if utf16 is not None:
                text = codecs.getincrementaldecoder(utf16)("surrogatepass").decode(head[:65536 // 2 * 2])
                encoding = utf16 if _records_ahead(text) else None
        f.seek(0)
        if encoding is not None:
            yield from _read_jsonl(_decoded_lines(f, encoding, path), path)
            return
        # A NUL byte decides about its line only; a file is binary when its first
        # 64 KB neither hold a record nor open one.
        if looks_binary(head) and not _records_ahead(head):
            yield Problem(file=file, reason="binary file (NUL or control bytes), not text")
            return
        yield from _read_jsonl(_utf8_lines(f, path), path)


def _records_ahead(head: bytes | str) -> bool:
    """Whether the head of a file reads as JSON Lines: a line that is a record, or a
    first line that opens one (a record longer than the head)."""
    if isinstance(head, bytes):
        return head.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"{" or _any_record(head.split(b"\n"))
    return head.lstrip(" \t\r\n\ufeff")[:1] == "{" or _any_record(head.split("\n"))


def _any_record(lines: Iterable[bytes | str]) -> bool:
    for line in lines:
        try:  # bytes as UTF-8 only (json.loads would guess UTF-16 from NULs)
            if isinstance(json.loads(line.decode("utf-8") if isinstance(line, bytes) else line), dict):
                return True
        except ValueError:  # not JSON, or not UTF-8
            continue
    return False


def _decoded_lines(f, encoding: str, path: Path) -> Iterator[str | Problem]:
    # surrogatepass: a lone UTF-16 surrogate reaches the record, which replaces it and
    # counts it (like JSON's "\\ud800"), instead of costing the rest of the file
    stream = io.TextIOWrapper(f, encoding=encoding, errors="surrogatepass", newline="\n")
    lineno = 0
    try:
        for lineno, line in enumerate(stream, start=1):
            yield line.lstrip("\ufeff") if lineno == 1 else line
    except UnicodeDecodeError as exc:
        yield Problem(file=display_path(path), line=lineno + 1,
                      reason=f"undecodable {encoding} ({exc.reason}) after line {lineno}: the rest of the file is not read")
    finally:
        stream.detach()


def _utf8_lines(f, path: Path) -> Iterator[str | Problem]:
    for lineno, raw in enumerate(f, start=1):
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if b"\x00" in raw:
            yield Problem(file=display_path(path), line=lineno, reason="NUL byte in line: binary, not JSON")
            continue
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield Problem(file=display_path(path), line=lineno,
                          reason="undecodable bytes in line (JSON Lines are UTF-8, or UTF-16/32)")


def _read_page(text: str, path: Path) -> Iterator[Article | Problem]:
    articles = split_articles(text, source=display_path(path.name), date=date_from_name(path.name))
    if not articles:
        yield Problem(file=display_path(path), reason="no text in page")
    yield from articles


def _read_jsonl(lines: Iterable[str | Problem], path: Path) -> Iterator[Article | Problem]:
    seq = 0
    for lineno, line in enumerate(lines, start=1):
        if isinstance(line, Problem):
            yield line
            continue
        if not line.strip(_JSON_SPACE):  # (str.strip would also take U+2028, U+001C, ...)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(file=display_path(path), line=lineno, reason=f"not JSON: {exc.msg}")
            continue
        for item in _from_record(obj, path, line=lineno, seq=seq, where=""):
            seq += isinstance(item, Article)
            yield item


def _from_record(obj: object, path: Path, *, line: int | None, seq: int, where: str) -> Iterator[Article | Problem]:
    """One JSON record -> its Article, and a Problem for what had to be mended in it;
    or the Problem that stops it.  `where` prefixes reasons (an item of an array)."""
    file = display_path(path)
    if not isinstance(obj, dict):
        yield Problem(file=file, line=line, reason=f"{where}JSON {'line' if not where else 'item'} is not an object")
        return
    # A lone surrogate ("\\ud800") is valid JSON but cannot be written to the tables:
    # replaced by U+FFFD in text, title, id and source; a date with one is no date.
    mended = [k for k in RECORD_FIELDS if isinstance(obj.get(k), str) and has_surrogates(obj[k])]
    if mended:
        obj = dict(obj)
        for k in mended:
            obj[k] = None if k == "date" else without_surrogates(obj[k])
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        yield Problem(file=file, line=line, article=_str(obj.get("id")), reason=f"{where}no text")
        return
    article = article_from_record(obj, source=_str(obj.get("source")) or display_path(path.name), seq=seq)
    yield article
    if mended:
        yield Problem(file=file, line=line, article=article.article_id,
                      reason=f"{where}lone surrogate code points (not text) in {', '.join(mended)}: "
                             + ("date dropped" if mended == ["date"] else
                                "replaced with U+FFFD" + ("; date dropped" if "date" in mended else "")))


def article_from_record(obj: dict, *, source: str, seq: int) -> Article:
    """A JSON record -> Article; its text starts with the title line like a page's."""
    # the title is the text's first line: a line break inside it would make it two
    title = (_str(obj.get("title")) or "").replace("\r\n", "\n").replace("\r", "\n")
    title = " ".join(part.strip() for part in title.split("\n") if part.strip())
    body = obj["text"].replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    parts, blocks, pos = [], [], 0
    if title:
        parts.append(title)
        blocks.append(Block("title", 0, len(title)))
        pos = len(title) + 1
    for p in paragraphs:
        parts.append(p)
        blocks.append(Block("paragraph", pos, pos + len(p)))
        pos += len(p) + 1
    return Article(source=source, seq=seq, title=title, text="\n".join(parts), blocks=blocks,
                   date=_str(obj.get("date")), given_id=_str(obj.get("id")))


def date_from_name(name: str) -> str | None:
    m = _DATE_IN_NAME.search(name)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _str(value: object) -> str | None:
    if value is None:
        return None
    return str(value)
