"""Input paths -> the files to read, in a stable order; what cannot be read is a Problem."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.ingest.article import Problem, without_surrogates

PAGE_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}  # one article object, or an array of them
SUFFIXES = PAGE_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
# the pipeline's own output (tables, report) in a folder read as input: neither input nor problem
OWN_OUTPUT = {".parquet", ".html"}


def expand_inputs(inputs: Iterable[Path | str]) -> Iterator[Path | Problem]:
    """Files named and the page/JSON files inside folders named, in sorted order for
    stable runs.  What cannot be listed or followed is a Problem, never a silent skip."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield Problem(file=display_path(path), reason=_broken_link(path))
        elif path.exists():
            yield Problem(file=display_path(path), reason="not a regular file (a pipe, socket or device)")
        else:
            yield Problem(file=display_path(path), reason="no such file or folder")


def _walk(root: Path) -> Iterator[Path | Problem]:
    """Depth first, entries by name: the order of sorting every path found (by its
    parts).  Links to folders are followed, each folder once: a link back to a folder
    already entered (a loop, or a second way in) is a Problem, so is a broken link and a
    folder that cannot be listed."""
    seen: set[tuple[int, int]] = set()
    stack = [iter([root])]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if isinstance(entry, os.DirEntry):
            path = Path(entry.path)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()  # both follow links
            except OSError as exc:  # a link loop
                reason = _broken_link(path) if entry.is_symlink() else f"cannot read: {exc.strerror or exc}"
                yield Problem(file=display_path(path), reason=reason)
                continue
            if not (is_dir or is_file):
                if entry.is_symlink():
                    yield Problem(file=display_path(path), reason=_broken_link(path))
                elif path.suffix.lower() in SUFFIXES:
                    yield Problem(file=display_path(path), reason="not a regular file (a pipe, socket or device)")
                continue
            if entry.name.startswith("."):
                continue  # dot files and folders (.parts/, .lock, .DS_Store) are not inputs
            if is_file:
                suffix = path.suffix.lower()
                if suffix in SUFFIXES:
                    yield path
                elif suffix not in OWN_OUTPUT:
                    # a file of another kind in a folder is a recorded skip, not silence
                    yield Problem(file=display_path(path), reason=f"not an input file type ({suffix or 'no suffix'}): "
                                  "pages are .txt/.md, JSON Lines .jsonl/.ndjson, JSON .json")
                continue
        else:
            path = entry
        try:
            st = path.stat()
            with os.scandir(path) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield Problem(file=display_path(path), reason=f"cannot read folder: {exc.strerror or exc}")
            continue
        if (st.st_dev, st.st_ino) in seen:
            yield Problem(file=display_path(path), reason="folder already read through another path "
                          "(a link loop, or a second link to it): not read again")
            continue
        seen.add((st.st_dev, st.st_ino))
        stack.append(iter(entries))


def _broken_link(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop: not followed"
        if exc.errno == errno.ENOENT:
            return f"dangling symbolic link (to {display_path(Path(os.readlink(path)))}, which does not exist)"
        return f"cannot follow symbolic link: {exc.strerror or exc}"
    return "symbolic link to something that is neither a file nor a folder"


def display_path(path: Path | str) -> str:
    """The path as text that can be written: a byte of a file name that is not UTF-8
    (a lone surrogate in Python) becomes U+FFFD."""
    return without_surrogates(str(path))
