"""The NLP stages on a Dask distributed cluster (`extract --engine dask`).

Only the stages move: the client reads the inputs lazily, submits chunks of articles
(the chunks of `pipeline.parallel`, a few per worker thread in flight), takes the
outcomes back in input order and writes them through the same `OutputWriter` and
`PartStore` as the local engine.  The tables, their schemas and metadata, the reuse of
unchanged articles and the atomic publication are therefore exactly those of a local
run.  Each worker process builds the spaCy pipeline once, on its first chunk; the
client never loads it.

Workers need this repository (same code, rules and models) importable as `pipeline`;
a worker whose fingerprint (`pipeline.run.fingerprint`) is not the client's refuses work.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.parallel import CHUNK_CHARS, IN_FLIGHT_PER_WORKER, Job, StageSeconds, _chunks, _zip


def extract(inputs: Iterable[Path | str], out_dir: Path, *, scheduler: str | None = None,
            workers: int = 1, **kwargs: Any) -> Any:
    """`pipeline.run.extract` with the stages on the cluster at `scheduler`, or on a
    LocalCluster of `workers` single-threaded processes when no scheduler is given."""
    from distributed import Client, LocalCluster

    from pipeline.run import extract as run_extract
    from pipeline.run import fingerprint, run_metadata

    code = fingerprint(run_metadata())
    if scheduler:
        with Client(scheduler) as client:
            return run_extract(inputs, out_dir, None, runner=runner(client, code), **kwargs)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        return run_extract(inputs, out_dir, None, runner=runner(client, code), **kwargs)


def runner(client: Any, code: str | None = None) -> Callable[..., Iterator[tuple[Job, Any]]]:
    """An engine for `pipeline.run.extract(runner=...)` that sends chunks to `client`.

    With `code` (the client's `pipeline.run.fingerprint`), a worker whose code, rules or
    model versions differ fails the run instead of writing rows the client's would not be.
    """

    def in_order(jobs: Iterable[Job], *, workers: int, local: Callable, on_seconds: Callable[[StageSeconds], None],
                 chunk_chars: int = CHUNK_CHARS) -> Iterator[tuple[Job, Any]]:
        # `workers` and `local` are the local engine's: the cluster decides the parallelism.
        window: deque[tuple[list[Job], Any]] = deque()
        for chunk in _chunks(jobs, chunk_chars):
            articles = [j.article for j in chunk if j.article is not None]
            # pure=False: no hashing of the articles for a task key, every chunk is new work
            future = client.submit(_work, articles, code, pure=False) if articles else None
            window.append((chunk, future))
            while len(window) >= _in_flight(client):
                yield from _collect(window.popleft(), on_seconds)
        while window:
            yield from _collect(window.popleft(), on_seconds)

    return in_order


def _in_flight(client: Any) -> int:
    threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
    return max(1, threads) * IN_FLIGHT_PER_WORKER


def _collect(entry: tuple[list[Job], Any], on_seconds: Callable[[StageSeconds], None]) -> Iterator[tuple[Job, Any]]:
    chunk, future = entry
    if future is None:  # nothing to annotate: stored rows, problems, duplicates
        yield from _zip(chunk, [])
        return
    outcomes, seconds = future.result()
    future.release()
    on_seconds(seconds)
    yield from _zip(chunk, outcomes)


# -- in the worker processes -------------------------------------------------------

_NLP = None
_CODE: str | None = None
# A worker started with several threads runs its chunks one at a time: the pipeline
# (and its stage timings) is not shared between threads.  Run one thread per process.
_LOCK = threading.Lock()


class WorkerMismatch(RuntimeError):
    pass


def _work(articles: list, code: str | None = None) -> tuple[list[Any], StageSeconds]:
    global _NLP, _CODE
    from pipeline.run import annotate_many, fingerprint, run_metadata

    with _LOCK:
        if _CODE is None:
            _CODE = fingerprint(run_metadata())
        if code is not None and code != _CODE:
            raise WorkerMismatch(f"this worker's code, rules or models ({_CODE}) are not the client's ({code}): "
                                 "set every machine up from the same commit (make setup)")
        if _NLP is None:
            from pipeline.nlp import load_pipeline

            _NLP = load_pipeline()
        return annotate_many(_NLP, articles)
