"""LAC tags for the first articles, made by a helper process while the pipeline loads.

Loading the pipeline (imports, rule compiling) keeps one core busy for about two
seconds before any worker can start, and the other cores wait.  A helper forked
before the load puts one of them to work on the most expensive stage: it tags the
first articles with LAC and sends the tags back; the workers, forked after the load,
take those tags instead of tagging again.  A thread would not do: its Python between
ONNX runs fights the load for the GIL, and both slow down.

The helper is forked from a process that holds no ONNX session yet, so it makes its
own.  Told to stop, it ends its group of texts and sends the tags it has made.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from pipeline.ner.lac import LacTagger, Span

GROUP_CHARS = 3000  # a group takes about 0.1 s: how long the loader may wait for the last
JOIN_SECONDS = 10.0


@contextmanager
def tagging_meanwhile(tagger: LacTagger, texts: Sequence[str]) -> Iterator[None]:
    """While the block runs, a forked helper tags ``texts`` (in order, as far as it
    gets); on exit the tags it made are added to ``tagger`` (``LacTagger.add_early``)."""
    if not texts:
        yield
        return
    ctx = multiprocessing.get_context("fork")
    stop = ctx.Event()
    results = ctx.SimpleQueue()
    helper = ctx.Process(target=_tag_groups, args=(tagger, list(texts), stop, results),
                         name="lac-early", daemon=True)
    helper.start()
    try:
        yield
    finally:
        stop.set()
        # One message, when the helper stops: a pipe holds only 64 kB unread.  A
        # helper that died sends nothing (its texts are tagged by the workers).
        tags: dict[str, list[Span]] = {}
        while helper.is_alive() or not results.empty():
            if not results.empty():
                tags = results.get()
                break
            helper.join(timeout=0.005)
        helper.join(timeout=JOIN_SECONDS)
        if helper.is_alive():
            helper.terminate()
        results.close()
        tagger.add_early(tags)


def _tag_groups(tagger: LacTagger, texts: list[str], stop, results) -> None:
    tags: dict[str, list[Span]] = {}
    for group in _groups(texts, GROUP_CHARS):
        if stop.is_set():
            break
        tags.update(zip(group, tagger.tag_many(group)))
    stop.wait()
    results.put(tags)


def _groups(texts: list[str], chars: int) -> Iterator[list[str]]:
    group: list[str] = []
    n = 0
    for text in texts:
        group.append(text)
        n += len(text)
        if n >= chars:
            yield group
            group, n = [], 0
    if group:
        yield group
