"""Run the NLP stages over a stream of articles in worker processes, results in input order.

The parent reads inputs lazily and hands workers chunks of articles; at most a few
chunks per worker are in flight, so memory does not grow with the corpus.  Results
are yielded in the order the jobs came in, so the tables are the same whatever the
number of workers.  On Linux the parent loads the spaCy pipeline once and forks the
workers from it; elsewhere each spawned worker loads its own (`load_pipeline`).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from pipeline.ingest.article import Article

# About a second of work per chunk: large enough that pickling and queueing are noise,
# small enough that two workers finish close together at the end of a batch.
CHUNK_CHARS = 30_000
CHUNK_JOBS = 256
IN_FLIGHT_PER_WORKER = 3
# What a helper may tag with LAC on an idle core while the parent loads the pipeline
# (2-3 s): the first chunks, read before the workers start (pipeline.ner.early).  More
# than it gets through, so it never waits for the load: told to stop, it ends its
# group; the workers tag the rest.  (At 90,000 it ran out 0.4 s early in one run of two.)
AHEAD_CHARS = 150_000

StageSeconds = dict[str, float]


@dataclass(slots=True)
class Job:
    """One item of the input stream; `article` is set when the stages must run on it."""

    item: Any
    article: Article | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def in_order(jobs: Iterable[Job], *, workers: int,
             local: Callable[[list[Article]], tuple[list[Any], StageSeconds]],
             on_seconds: Callable[[StageSeconds], None],
             chunk_chars: int = CHUNK_CHARS) -> Iterator[tuple[Job, Any]]:
    """(job, outcome) for every job, in order; outcome is None for jobs without an article.

    With one worker, or when all the work fits in one chunk, `local` runs in this
    process: starting workers costs each one a pipeline load.
    """
    chunks = _chunks(jobs, chunk_chars)
    if workers <= 1:
        for chunk in chunks:
            yield from _zip(*_call(local, chunk, on_seconds))
        return
    head = list(islice(chunks, 2))
    if len(head) < 2:
        for chunk in head:
            yield from _zip(*_call(local, chunk, on_seconds))
        return
    ahead = _articles(head)
    while sum(len(a.text) for a in ahead) < AHEAD_CHARS and (more := next(chunks, None)) is not None:
        head.append(more)
        ahead += _articles([more])
    yield from _pooled(chain(head, chunks), workers, local, on_seconds, ahead)


def _articles(chunks: list[list[Job]]) -> list[Article]:
    return [j.article for chunk in chunks for j in chunk if j.article is not None]


def _call(fn: Callable, chunk: list[Job], on_seconds: Callable[[StageSeconds], None]) -> tuple[list[Job], list[Any]]:
    outcomes, seconds = fn([j.article for j in chunk if j.article is not None])
    on_seconds(seconds)
    return chunk, outcomes


def _zip(chunk: list[Job], outcomes: list[Any]) -> Iterator[tuple[Job, Any]]:
    it = iter(outcomes)
    for job in chunk:
        yield job, (next(it) if job.article is not None else None)


def _chunks(jobs: Iterable[Job], chunk_chars: int) -> Iterator[list[Job]]:
    chunk: list[Job] = []
    chars = 0
    for job in jobs:
        chunk.append(job)
        if job.article is not None:
            chars += len(job.article.text)
        if chars >= chunk_chars or len(chunk) >= CHUNK_JOBS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _pooled(chunks: Iterator[list[Job]], workers: int, local: Callable[[list[Article]], Any],
            on_seconds: Callable[[StageSeconds], None], ahead: list[Article]) -> Iterator[tuple[Job, Any]]:
    # Workers must not each start a thread pool per core: the parallelism is the processes.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    global _ARMED
    _ARMED = True  # what is forked from here on dies with this process (_after_fork)
    pool = None
    done = False
    try:
        pool = _fork_pool(workers, local, ahead) if _can_fork() else _spawn_pool(workers)
        window: deque[tuple[list[Job], Future]] = deque()
        for chunk in chunks:
            articles = [j.article for j in chunk if j.article is not None]
            window.append((chunk, pool.submit(_work, articles)))
            while len(window) >= workers * IN_FLIGHT_PER_WORKER:
                yield from _collect(window.popleft(), on_seconds)
        while window:
            yield from _collect(window.popleft(), on_seconds)
        done = True
    finally:
        _ARMED = False
        if pool is not None:
            if not done:
                # interrupted (an error, SIGTERM turned into an exception by the CLI, the
                # caller stopping early): the chunks in flight are not waited for
                _terminate(pool)
            pool.shutdown(wait=done, cancel_futures=True)
        gc.unfreeze()


def _terminate(pool: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor has no public way to stop its workers at once
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        try:
            proc.terminate()
        except (OSError, ValueError):  # already gone
            pass
    for proc in procs:
        try:
            proc.join(timeout=5)
        except (OSError, ValueError, AssertionError):
            pass
    # A worker stopped while writing its result leaves half a message in the result pipe,
    # and the executor's manager thread waits for the rest for ever; the interpreter joins
    # that thread on exit, so a run stopped by SIGTERM or Ctrl-C hung there (a loop of
    # tests/robust/test_kill.py's steps hung within 25 runs).  With the parent's write end closed too, the pipe has no
    # writer left: the thread reads end-of-file, finds the pool broken and ends.  Likewise
    # the thread feeding calls to the dead workers stops once the pipe has no reader.
    for queue, end in (("_result_queue", "_writer"), ("_call_queue", "_reader")):
        conn = getattr(getattr(pool, queue, None), end, None)
        try:
            if conn is not None:
                conn.close()
        except OSError:
            pass


def _can_fork() -> bool:
    # fork is safe and cheap on Linux; macOS system libraries are not fork-safe
    return sys.platform.startswith("linux") and os.environ.get("HITECH_WORKERS_START") != "spawn"


def _fork_pool(workers: int, local: Callable[[list[Article]], Any], ahead: list[Article]) -> ProcessPoolExecutor:
    """Load the pipeline here once and fork the workers from it.

    Importing and loading take about 2 s of one core (more with the pkuseg segmenter
    and its feature table), while a helper process tags the `ahead`
    articles with LAC on another (pipeline.ner.early); forked workers start at once
    and share those pages, where spawned ones would each load it again, both at once.
    Nothing that must not cross a fork exists yet: the ONNX session is made on first
    use, in each worker."""
    global _LOCAL
    load = getattr(local, "load", None)
    if load is not None:
        load(ahead)
    _LOCAL = local
    gc.freeze()  # the loaded objects stay out of the collector: fewer pages copied
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_watch_parent, initargs=(os.getpid(),))


def _spawn_pool(workers: int) -> ProcessPoolExecutor:
    # a spawned worker loads its own pipeline
    ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(os.getpid(),))


def _collect(entry: tuple[list[Job], Future], on_seconds: Callable[[StageSeconds], None]) -> Iterator[tuple[Job, Any]]:
    chunk, future = entry
    outcomes, seconds = future.result()
    on_seconds(seconds)
    yield from _zip(chunk, outcomes)


# -- in the worker processes -------------------------------------------------------

_LOCAL: Callable[[list[Article]], Any] | None = None  # forked workers: the parent's stages


def _init_worker(parent: int) -> None:
    global _LOCAL
    _die_with(parent)
    _watch_parent(parent)
    from pipeline.run import LocalStages

    _LOCAL = LocalStages()
    _LOCAL.load()


def _work(articles: list[Article]) -> tuple[list[Any], StageSeconds]:
    return _LOCAL(articles)


# -- workers die with the parent ---------------------------------------------------
#
# A worker blocked on its task queue never sees the parent die (it holds the queue's
# write end itself), so a parent killed by SIGKILL or SIGTERM would leave its workers
# running for ever, holding the caller's pipes and the output folder's lock.  On
# Linux each process forked during a pooled run asks the kernel for SIGKILL when its
# parent dies (prctl PR_SET_PDEATHSIG); a thread in each worker also checks every
# second that its parent is still the one that started it, for where prctl is not.

_PR_SET_PDEATHSIG = 1
_ARMED = False          # set while a pooled run forks: workers and the LAC helper (pipeline.ner.early)
_FORKING_PARENT = 0
WATCH_SECONDS = 1.0


def _die_with(parent: int) -> None:
    """In a child: ask for SIGKILL when `parent` dies, and end now if it already has."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watch thread remains
    if os.getppid() != parent:  # died between the fork and the prctl
        os._exit(1)


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _before_fork() -> None:
    global _FORKING_PARENT
    _FORKING_PARENT = os.getpid()


def _after_fork() -> None:
    if _ARMED:
        # The CLI turns SIGTERM into an exception so that the parent cleans up; a worker
        # is ended by it (ProcessPoolExecutor would report the exception and go on)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _die_with(_FORKING_PARENT)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_child=_after_fork)
