"""Completed work kept between runs, so a re-run or a resumed run skips what is done.

`out/.parts/` holds small Parquet files with the entities, facts and roles rows of a
run of consecutive articles (a *part*), and `manifest.jsonl` one line per part that
was completely written: its name, the fingerprint of the code and rules that made it,
and for each article its key (article id + content) and stage error, if any.  A line
is appended only after the part's files are in place, so whatever a killed run leaves
behind is either complete and listed, or unlisted and ignored.

A run looks every article's key up here; a hit replays the stored rows instead of
running the NLP stages.  Every article of a run is written into that run's own parts
(hits included, so nothing depends on older parts), and when the run completes the
manifest is rewritten to list only those parts and the rest are deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.ingest.article import Article
from pipeline.tables.schemas import SCHEMAS

DERIVED = ("entities", "facts", "roles")
PARTS_DIR = ".parts"
MANIFEST = "manifest.jsonl"

# What a stage run over one article gives: rows per derived table, or a stage error.
Outcome = dict[str, list[dict[str, Any]]] | str


def article_key(article: Article) -> str:
    """Everything the NLP stages see of an article, except where its file lies."""
    blocks = [(b.kind, b.start, b.end) for b in article.blocks]
    payload = json.dumps([article.article_id, article.content_hash, blocks, list(article.authors)],
                         ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


@dataclass
class _Entry:
    part: str
    article_id: str
    error: str | None


@dataclass
class _Pending:
    articles: list[list[Any]] = field(default_factory=list)  # [key, article_id, error]
    rows: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in DERIVED})


class PartStore:
    """`store.get(article)` -> stored Outcome or None; `store.put(article, outcome)`."""

    def __init__(self, out_dir: Path | str, fingerprint: str, *, part_articles: int = 64,
                 reuse: bool = True, cache_parts: int = 2) -> None:
        self.dir = Path(out_dir) / PARTS_DIR
        self.fingerprint = fingerprint
        self.part_articles = part_articles
        self.run_id = uuid.uuid4().hex[:8]
        self._index: dict[str, _Entry] = {}
        self._loaded: OrderedDict[str, dict[str, dict[str, list[dict]]]] = OrderedDict()
        self._cache_parts = cache_parts
        self._pending = _Pending()
        self._written: list[str] = []  # manifest lines of this run's parts
        self._n = 0
        self.dir.mkdir(parents=True, exist_ok=True)
        if reuse:
            self._read_manifest()

    def _read_manifest(self) -> None:
        path = self.dir / MANIFEST
        if not path.exists():
            return
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:  # a line cut by a crash while appending
                    continue
                if rec.get("fingerprint") != self.fingerprint:
                    continue
                if not all((self.dir / f"{rec['part']}.{t}.parquet").exists() for t in DERIVED):
                    continue
                for key, aid, error in rec["articles"]:
                    self._index[key] = _Entry(rec["part"], aid, error)

    def __len__(self) -> int:
        return len(self._index)

    def get(self, article: Article, key: str | None = None) -> Outcome | None:
        entry = self._index.get(key or article_key(article))
        if entry is None or entry.article_id != article.article_id:
            return None
        if entry.error is not None:
            return entry.error
        by_article = self._load(entry.part)
        return {t: by_article[t].get(entry.article_id, []) for t in DERIVED}

    def _load(self, part: str) -> dict[str, dict[str, list[dict]]]:
        # Articles come in the order they were stored, so a couple of parts in memory
        # serve nearly every lookup from the same part.
        if part in self._loaded:
            self._loaded.move_to_end(part)
            return self._loaded[part]
        tables: dict[str, dict[str, list[dict]]] = {}
        for t in DERIVED:
            grouped: dict[str, list[dict]] = {}
            for row in pq.read_table(self.dir / f"{part}.{t}.parquet").to_pylist():
                grouped.setdefault(row["article_id"], []).append(row)
            tables[t] = grouped
        self._loaded[part] = tables
        while len(self._loaded) > self._cache_parts:
            self._loaded.popitem(last=False)
        return tables

    def put(self, article: Article, outcome: Outcome, key: str | None = None) -> None:
        error = outcome if isinstance(outcome, str) else None
        self._pending.articles.append([key or article_key(article), article.article_id, error])
        if error is None:
            for t in DERIVED:
                self._pending.rows[t].extend(outcome[t])
        if len(self._pending.articles) >= self.part_articles:
            self.flush()

    def flush(self) -> None:
        """Write the pending articles as one part and list it in the manifest."""
        pending, self._pending = self._pending, _Pending()
        if not pending.articles:
            return
        name = f"{self.run_id}-{self._n:05d}"
        self._n += 1
        for t in DERIVED:
            final = self.dir / f"{name}.{t}.parquet"
            tmp = final.with_suffix(".tmp")
            pq.write_table(pa.Table.from_pylist(pending.rows[t], schema=SCHEMAS[t]), tmp,
                           compression="zstd")
            os.replace(tmp, final)
        line = json.dumps({"fingerprint": self.fingerprint, "part": name, "articles": pending.articles},
                          ensure_ascii=False) + "\n"
        with open(self.dir / MANIFEST, "a", encoding="utf-8") as f:
            f.write(line)
            f.flush()
            os.fsync(f.fileno())
        self._written.append(line)

    def finish(self) -> None:
        """After a complete run: keep only this run's parts."""
        self.flush()
        tmp = self.dir / (MANIFEST + ".tmp")
        tmp.write_text("".join(self._written), encoding="utf-8")
        os.replace(tmp, self.dir / MANIFEST)
        keep = {json.loads(line)["part"] for line in self._written}
        for path in self.dir.iterdir():
            if path.name.startswith(MANIFEST):
                continue
            if path.name.split(".", 1)[0] not in keep:
                path.unlink(missing_ok=True)
