"""Write the tables in parts, and publish them only when the run is complete.

Rows are buffered per table and flushed as Parquet row groups, so memory does not
grow with the corpus.  Files are written into a staging folder inside the output
folder and published at the end, all tables or none (pipeline.tables.outdir); a run
that fails or is interrupted leaves the previous output as it was.

Two layouts, the same rows: one file per table (`out/facts.parquet`), or a
partitioned dataset, a folder of part files per table (`out/facts/part-00000.parquet`)
that pandas (`pd.read_parquet("out/facts")`), DuckDB (`'out/facts/*.parquet'`) and
polars (`pl.read_parquet("out/facts/*.parquet")`) read as one table.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.tables.dictionary import describe
from pipeline.ingest.article import without_surrogates
from pipeline.tables.outdir import STAGING_PREFIX, publish, recover
from pipeline.tables.schemas import SCHEMA_VERSION, SCHEMAS

ROWS_PER_GROUP = 20_000
# Rows that carry a whole article text (or a sentence) are big; fewer of them to a
# group keeps the buffer to a few megabytes whatever the corpus size.
ROWS_PER_GROUP_BY_TABLE = {"articles": 500, "facts": 5_000}
# A partitioned table starts a new part file after this many rows.
ROWS_PER_PART = 200_000


class OutputWriter:
    """Context manager: `with OutputWriter(out, metadata) as w: w.add("facts", rows)`."""

    def __init__(self, out_dir: Path | str, metadata: dict[str, Any] | None = None,
                 tables: tuple[str, ...] = tuple(SCHEMAS), *, partitioned: bool = False,
                 rows_per_part: int = ROWS_PER_PART) -> None:
        self.out_dir = Path(out_dir)
        self.tables = tables
        self.partitioned = partitioned
        self.rows_per_part = rows_per_part
        self._parts: dict[str, int] = {name: 0 for name in tables}
        self._part_rows: dict[str, int] = {name: 0 for name in tables}
        self.metadata = {"hitech_ie.schema_version": SCHEMA_VERSION,
                         **{k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                            for k, v in (metadata or {}).items()}}
        self.counts = {name: 0 for name in tables}
        self._buffers: dict[str, list[dict]] = {name: [] for name in tables}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._staging: Path | None = None

    def __enter__(self) -> OutputWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        recover(self.out_dir)  # a publish killed half way is finished before a new one starts
        self._staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out_dir))
        return self

    def add(self, table: str, rows: list[dict]) -> None:
        buf = self._buffers[table]
        buf.extend(rows)
        self.counts[table] += len(rows)
        limit = ROWS_PER_GROUP_BY_TABLE.get(table, ROWS_PER_GROUP)
        if len(buf) >= (min(limit, self.rows_per_part) if self.partitioned else limit):
            self._flush(table)

    def _schema(self, table: str) -> pa.Schema:
        # column descriptions from the data dictionary go into the field metadata
        return describe(SCHEMAS[table], table).with_metadata({**self.metadata, "hitech_ie.table": table})

    def _flush(self, table: str) -> None:
        assert self._staging is not None
        rows, self._buffers[table] = self._buffers[table], []
        schema = self._schema(table)
        writer = self._writers.get(table)
        if writer is not None and self.partitioned and self._part_rows[table] >= self.rows_per_part:
            writer.close()
            self._parts[table] += 1
            self._part_rows[table] = 0
            writer = None
        if writer is None:
            writer = pq.ParquetWriter(self._file(table), schema, compression="zstd")
            self._writers[table] = writer
        if rows:
            try:
                arrow = pa.Table.from_pylist(rows, schema=schema)
            except UnicodeEncodeError:
                # A lone surrogate cannot be UTF-8.  Ingest replaces them; should one come
                # from elsewhere, it is replaced here rather than stop the batch at its end.
                arrow = pa.Table.from_pylist([_mended(r) for r in rows], schema=schema)
            writer.write_table(arrow)
            self._part_rows[table] += len(rows)

    def _file(self, table: str) -> Path:
        assert self._staging is not None
        if not self.partitioned:
            return self._staging / f"{table}.parquet"
        folder = self._staging / table
        folder.mkdir(exist_ok=True)
        return folder / f"part-{self._parts[table]:05d}.parquet"

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self._staging is not None
        try:
            if exc_type is None:
                for table in self.tables:
                    self._flush(table)  # also creates empty tables, so every file exists
                for writer in self._writers.values():
                    writer.close()
                self._publish()
        finally:
            for writer in self._writers.values():
                try:
                    writer.close()
                except Exception:  # already closed, or the run is failing anyway
                    pass
            shutil.rmtree(self._staging, ignore_errors=True)

    def _publish(self) -> None:
        assert self._staging is not None
        # all tables or none: pipeline.tables.outdir
        publish(self._staging, self.out_dir, self.tables, partitioned=self.partitioned)

def _mended(value: Any) -> Any:
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, dict):
        return {k: _mended(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mended(v) for v in value]
    return value
