"""Input files -> Articles and Problems, streamed one file at a time."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.ingest.article import Article, Block, Problem
from pipeline.ingest.encoding import DecodeError, decode, looks_binary
from pipeline.ingest.page import split_articles

PAGE_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = PAGE_SUFFIXES | JSONL_SUFFIXES
OWN_OUTPUT = {".parquet", ".html"}
DEFAULT_MAX_CHARS = 300_000
# A page file is decoded whole (its encoding is guessed from all of it); past this size
# it is refused rather than held in memory.  A corpus that large belongs in JSON Lines,
# which stream a line at a time.
MAX_PAGE_BYTES = 64 * 2**20
_DATE_IN_NAME = re.compile(r"(20\d\d|19\d\d)[-_]?([01]\d)[-_]?([0-3]\d)")


def expand_inputs(inputs: Iterable[Path | str]) -> Iterator[Path | Problem]:
    """Files named and the page/JSONL files inside folders named, sorted for stable runs."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for p in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                # a file of another kind in a folder is a recorded skip, not silence
                yield p if p.suffix.lower() in SUFFIXES else Problem(
                    file=str(p), reason=f"not an input file type ({p.suffix or 'no suffix'}): "
                                        "pages are .txt/.md, JSON Lines .jsonl/.ndjson")
        elif path.is_file():
            yield path
        else:
            yield Problem(file=str(path), reason="no such file or folder")


def _hidden(p: Path, root: Path) -> bool:
    """Dot files and folders (.parts/, .DS_Store) and the pipeline's own output (tables,
    report) are not inputs and not problems."""
    return p.suffix.lower() in OWN_OUTPUT or any(part.startswith(".") for part in p.relative_to(root).parts)


def iter_inputs(inputs: Iterable[Path | str], *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Problem]:
    for item in expand_inputs(inputs):
        if isinstance(item, Problem):
            yield item
        else:
            yield from read_source(item, max_chars=max_chars)


def read_source(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | Problem]:
    """Articles of one file; every problem is yielded, never raised."""
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            items: Iterable[Article | Problem] = _stream_jsonl(path)
        else:
            items = _read_page_file(path)
        for item in items:
            if isinstance(item, Article) and len(item.text) > max_chars:
                yield Problem(file=str(path), article=item.article_id, line=None,
                              reason=f"article of {len(item.text)} characters is over the limit of {max_chars} (--max-chars)")
            else:
                yield item
    except OSError as exc:  # vanished between listing and reading, unreadable, ...
        yield Problem(file=str(path), reason=f"cannot read: {exc.strerror or exc}")


def _read_page_file(path: Path) -> Iterator[Article | Problem]:
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        yield Problem(file=str(path), reason=f"page file of {size:,} bytes is over the limit of "
                      f"{MAX_PAGE_BYTES:,}: split it, or give the articles as JSON Lines")
        return
    data = path.read_bytes()
    if not data.strip():
        yield Problem(file=str(path), reason="empty file")
        return
    try:
        text, _encoding = decode(data)
    except DecodeError as exc:
        yield Problem(file=str(path), reason=str(exc))
        return
    yield from _read_page(text, path)


def _stream_jsonl(path: Path) -> Iterator[Article | Problem]:
    """JSON Lines are UTF-8: read them a line at a time, so a corpus of any size
    streams and one undecodable line costs that line only.  A file with another
    byte-order mark is decoded whole."""
    with open(path, "rb") as f:
        head = f.read(65536)
        if not head.strip() and not f.read(1):
            yield Problem(file=str(path), reason="empty file")
            return
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            try:
                text, _ = decode(head + f.read())
            except DecodeError as exc:
                yield Problem(file=str(path), reason=str(exc))
                return
            yield from _read_jsonl(text.splitlines(), path)
            return
        if looks_binary(head):
            yield Problem(file=str(path), reason="binary file (NUL or control bytes), not text")
            return
        f.seek(0)
        yield from _read_jsonl(_utf8_lines(f, path), path)


def _utf8_lines(f, path: Path) -> Iterator[str | Problem]:
    for lineno, raw in enumerate(f, start=1):
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield Problem(file=str(path), line=lineno, reason="undecodable bytes in line (JSON Lines must be UTF-8)")


def _read_page(text: str, path: Path) -> Iterator[Article | Problem]:
    articles = split_articles(text, source=path.name, date=date_from_name(path.name))
    if not articles:
        yield Problem(file=str(path), reason="no text in page")
    yield from articles


def _read_jsonl(lines: Iterable[str | Problem], path: Path) -> Iterator[Article | Problem]:
    seq = 0
    for lineno, line in enumerate(lines, start=1):
        if isinstance(line, Problem):
            yield line
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(file=str(path), line=lineno, reason=f"not JSON: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            yield Problem(file=str(path), line=lineno, reason="JSON line is not an object")
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield Problem(file=str(path), line=lineno, article=_str(obj.get("id")), reason="no text")
            continue
        yield article_from_record(obj, source=_str(obj.get("source")) or path.name, seq=seq)
        seq += 1


def article_from_record(obj: dict, *, source: str, seq: int) -> Article:
    """A JSON record -> Article; its text starts with the title line like a page's."""
    title = (_str(obj.get("title")) or "").strip()
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
