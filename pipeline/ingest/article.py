"""What ingest hands to the NLP stages."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

# Kinds of block an article's text is made of.  Captions, image credits and bylines
# stay in the text (so names in them get offsets) but are kept apart by kind; a fact's
# subject is carried over only within paragraphs.
BLOCK_KINDS = ("title", "subheading", "paragraph", "reporter", "caption", "credit", "byline")

# A lone surrogate (JSON's "\ud800", a file name's undecodable byte) is a str Python
# holds but cannot encode: the tables (UTF-8) could not be written.
_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def without_surrogates(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (the replacement character)."""
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    start: int
    end: int


@dataclass(slots=True)
class Article:
    source: str          # file name the article came from
    seq: int             # position in that file, from 0
    title: str
    text: str            # title line, then the blocks, joined by newlines
    blocks: list[Block] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    given_id: str | None = None

    @property
    def article_id(self) -> str:
        """The given id, else a content hash: the same article gets the same id on any
        machine and in any run, wherever its file lies."""
        if self.given_id:
            return self.given_id
        # surrogatepass: the same bytes as UTF-8 for any text that has no lone surrogate,
        # and no exception for one that has (ingest replaces them; other callers may not)
        return "a" + hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:15]

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(f"{self.date}\x00{self.text}".encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the input that could not be used; a row of errors.parquet."""

    file: str
    reason: str
    line: int | None = None
    article: str | None = None
