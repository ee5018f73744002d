"""The output folder: one run at a time, and the tables published all at once.

A run holds `out/.lock` (an `flock`, released by the kernel when the process ends, so
the lock of a killed run does not block the next).  A second run into the same folder
is refused with a clear message (`OutputError`).

Publishing replaces several files, which no file system does in one step.  So it is a
roll-forward journal:

1. every table is written into a staging folder `out/.staging-*`, with a plan
   (`publish.json`: the tables and the layout) written last;
2. the staging folder is renamed `out/.publishing`: the one atomic step, after which
   the new tables are the output;
3. each table is moved into place (`os.replace`), then `out/.publishing` is removed.

A run killed before step 2 leaves the previous tables untouched (its staging folder is
removed by the next run); one killed during step 3 leaves `out/.publishing`, and the
next run into the folder (or `recover(out)`) finishes the moves before anything else.
A reader that must not see a publish half done checks that `out/.publishing` does not
exist before and after reading; `pd.read_parquet("out/facts.parquet")` reads as ever.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: no lock (documented in README)
    fcntl = None  # type: ignore[assignment]

LOCK = ".lock"
PUBLISHING = ".publishing"
PLAN = "publish.json"
STAGING_PREFIX = ".staging-"


class OutputError(RuntimeError):
    """The output folder cannot be used (a file, unwritable, another run in it)."""


@contextmanager
def locked(out_dir: Path | str) -> Iterator[Path]:
    """Hold the output folder for one run: created if need be, locked, an interrupted
    publish finished and stale staging folders removed.  Raises OutputError."""
    out = Path(out_dir)
    fd = _open_lock(out)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise OutputError(f"another run{_holder(fd)} is writing into {out}: wait for it to end, "
                                  "or give another --out") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        recover(out)
        # A run killed outright (not an exception) cannot clean up its staging folder;
        # under the lock no other run is using one.
        for stale in out.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        yield out
    finally:
        os.close(fd)  # releases the flock; the file stays (unlinking it would race a waiting run)


def _open_lock(out: Path) -> int:
    if out.exists() and not out.is_dir():
        raise OutputError(f"the output {out} is a file, not a folder: give a folder as --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
        return os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"the output {out} cannot be made: part of its path is a file") from None
    except OSError as exc:
        raise OutputError(f"cannot write into the output folder {out}: {exc.strerror or exc}") from None


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def publish(staging: Path, out_dir: Path, tables: Iterable[str], *, partitioned: bool) -> None:
    """Make the tables in `staging` the output, all or none (steps 2 and 3 above)."""
    plan = {"tables": list(tables), "layout": "dataset" if partitioned else "file"}
    _write_synced(staging / PLAN, json.dumps(plan))
    pending = out_dir / PUBLISHING
    if pending.exists():  # a writer used without `locked`, after a killed publish
        recover(out_dir)
    os.replace(staging, pending)  # the commit point
    _sync_dir(out_dir)
    recover(out_dir)


def recover(out_dir: Path | str) -> bool:
    """Finish a publish that was interrupted after its commit point; True if there was one.
    Every step can be repeated: a publish killed during recovery is finished by the next."""
    out = Path(out_dir)
    pending = out / PUBLISHING
    if not pending.is_dir():
        return False
    try:
        plan = json.loads((pending / PLAN).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # cannot be (the plan is written before the rename)
        shutil.rmtree(pending, ignore_errors=True)
        return False
    for table in plan["tables"]:
        file, folder = out / f"{table}.parquet", out / table
        if plan["layout"] == "dataset":
            new = pending / table
            if new.exists():
                # a folder cannot be replaced in one step: the old one is moved aside first
                if folder.exists():
                    old = pending / f"old-{table}"
                    shutil.rmtree(old, ignore_errors=True)
                    os.replace(folder, old)
                os.replace(new, folder)
            file.unlink(missing_ok=True)  # the other layout's table, from an earlier run
        else:
            new = pending / f"{table}.parquet"
            if new.exists():
                os.replace(new, file)
            if folder.is_dir() and next(folder.glob("part-*.parquet"), None) is not None:
                shutil.rmtree(folder)
    _sync_dir(out)
    shutil.rmtree(pending)
    return True


def _write_synced(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def _sync_dir(path: Path) -> None:
    # the renames reach the disk before the journal is dropped
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
