"""Command line: `python -m pipeline extract|eval|eval-numeric`."""

from __future__ import annotations

import atexit
import gc
import os
import signal
import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from pipeline.ingest.sources import DEFAULT_MAX_CHARS

# Exit codes of `extract` (README, and --help)
EXIT_NO_ARTICLE = 1    # the run completed, but no input gave an article (all are in errors.parquet)
EXIT_USAGE = 2         # a bad option or argument (click's code)
EXIT_OUTPUT = 3        # --out cannot be used: a file, unwritable, or another run writing into it
EXIT_CRASH = 4         # an unexpected error (a bug): traceback on stderr, previous tables kept
EXIT_INTERRUPTED = 130 # Ctrl-C (SIGINT); 143 for SIGTERM: previous tables kept, workers ended
EXIT_TERMINATED = 143
# spaCy refuses a text longer than nlp.max_length (1,000,000 characters, error E088)
MAX_CHARS_LIMIT = 1_000_000


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that the run cleans up like for Ctrl-C
    (BaseException: no `except Exception` in the stages swallows it)."""


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


def _check_max_chars(value: int) -> int:
    if value < 1:
        raise typer.BadParameter("must be a positive number of characters")
    if value > MAX_CHARS_LIMIT:
        raise typer.BadParameter(f"{value:,} is over {MAX_CHARS_LIMIT:,}, the longest text spaCy takes "
                                 "(nlp.max_length): split longer articles")
    return value


app = typer.Typer(
    # no rich markup: help text keeps its square brackets ([default: lac], dask[distributed])
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="Entities and facts from Chinese news about high-tech zones, as Parquet tables.")


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class Segmenter(str, Enum):
    lac = "lac"
    pkuseg = "pkuseg"


class Layout(str, Enum):
    file = "file"
    dataset = "dataset"


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(
        help="Page files (.txt, .md: articles start at '# ' lines) or JSON Lines "
             "(.jsonl: id, title, text, optional date, source), JSON (.json: one such article "
             "or an array of them), or folders holding them.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for articles/entities/facts/roles/errors.parquet.")]
        = Path("data/out"),
    max_chars: Annotated[int, typer.Option(
        callback=_check_max_chars,
        help=f"Longer articles are skipped and recorded in errors.parquet (at most {MAX_CHARS_LIMIT:,}).")]
        = DEFAULT_MAX_CHARS,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr (shown on a terminal).")] = True,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-j", min=1, help="Processes running the NLP stages (default: the cores available).")]
        = None,
    reuse: Annotated[bool, typer.Option(
        "--reuse/--no-reuse", help="Take the rows of articles unchanged since an earlier (or killed) run "
                                   "into the same --out from --out/.parts instead of annotating them again.")]
        = True,
    engine: Annotated[Engine, typer.Option(
        "--engine", case_sensitive=False,
        help="Where the NLP stages run: local processes, or a Dask distributed cluster "
             "(pip install 'dask[distributed]').")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="With --engine dask: the scheduler address (tcp://host:8786) "
                            "(default: a LocalCluster of --workers processes).")] = None,
    segmenter: Annotated[Segmenter | None, typer.Option(
        "--segmenter", case_sensitive=False, envvar="HITECH_SEGMENTER",
        help="Words for the facts stage: lac (LAC's words, no extra cost) or pkuseg (spacy-pkuseg "
             "on the sentences with a number). Same entities and numbers [default: lac].")] = None,
    layout: Annotated[Layout | None, typer.Option(
        "--layout", case_sensitive=False,
        help="file: one Parquet file per table (out/facts.parquet); dataset: a folder of part "
             "files per table (out/facts/part-00000.parquet), read as one table by pandas, "
             "DuckDB and polars [default: file, dataset with --engine dask].")] = None,
    date: Annotated[str | None, typer.Option(
        "--date", help="ISO date (2021-06-18) for articles that carry none: 今年 / 去年 resolve "
                       "against it. A JSON Lines date or a date in the file name wins.")] = None,
    show_problems: Annotated[int, typer.Option(
        "--show-problems", min=0, help="How many problems to list after the summary.")] = 10,
) -> None:
    """Extract entities and facts from INPUTS into Parquet tables in --out.

    Output replaces the previous tables only when the run completes, all tables at once. Problems (empty, binary or undecodable files, bad JSON lines, over-long articles, broken links) become rows of errors.parquet and are counted in the summary line. One run at a time may write into an --out.

    A re-run skips unchanged articles; a killed run, run again, goes on from its last completed part.

    Exit codes: 0 done; 1 no article could be processed; 2 bad option; 3 --out cannot be used (a file, unwritable, another run in it); 4 crash (a bug: traceback on stderr); 130/143 interrupted by SIGINT/SIGTERM. After 3, 4, 130 and 143 the previous tables are as they were.
    """
    import datetime as dt
    import time

    from pipeline.parallel import available_cores
    from pipeline.run import extract as run_extract
    from pipeline.tables.outdir import OutputError

    if scheduler and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if date is not None:
        try:
            date = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise typer.BadParameter(f"not an ISO date (YYYY-MM-DD): {date}", param_hint="--date") from None
    started = time.perf_counter()

    if segmenter is not None:
        # Read by load_pipeline in this process, in spawned workers and in LocalCluster ones
        os.environ["HITECH_SEGMENTER"] = segmenter.value
    n_workers = workers or available_cores()
    partitioned = (layout or (Layout.dataset if engine is Engine.dask else Layout.file)) is Layout.dataset
    previous = _on_sigterm(_raise_terminated)
    try:
        if engine is Engine.dask:
            from pipeline.dask_engine import extract as dask_extract

            # The client only reads, orders and writes; each worker loads the pipeline.
            summary = dask_extract(inputs, out, scheduler=scheduler, workers=n_workers,
                                   max_chars=max_chars, progress=progress, reuse=reuse, partitioned=partitioned,
                                   date=date)
        else:
            # The pipeline is loaded once the first chunks are read: with several workers, a
            # helper tags them with LAC meanwhile, and the workers are forked from it (Linux).
            summary = run_extract(inputs, out, None, max_chars=max_chars, progress=progress,
                                  workers=n_workers, reuse=reuse, partitioned=partitioned, date=date)
    except OutputError as exc:
        typer.echo(f"extract: {exc}", err=True)
        raise typer.Exit(code=EXIT_OUTPUT) from None
    except KeyboardInterrupt:
        typer.echo("extract: interrupted; the previous tables in --out are as they were", err=True)
        raise typer.Exit(code=EXIT_INTERRUPTED) from None
    except Terminated:
        typer.echo("extract: terminated (SIGTERM); the previous tables in --out are as they were", err=True)
        raise typer.Exit(code=EXIT_TERMINATED) from None
    except Exception as exc:  # noqa: BLE001  (a bug: told apart from "no article" by its code)
        traceback.print_exc()
        typer.echo(f"extract: crashed ({type(exc).__name__}: {exc}); the previous tables in --out are as "
                   "they were. This is a bug: please report it with the traceback above.", err=True)
        raise typer.Exit(code=EXIT_CRASH) from None
    finally:
        _on_sigterm(previous)
    typer.echo(f"extract: {summary.line()} -> {out} in {time.perf_counter() - started:.1f} s", err=True)
    if summary.problems:
        _print_problems(out, show_problems)
    if summary.articles == 0:
        raise typer.Exit(code=EXIT_NO_ARTICLE)


def _on_sigterm(handler):
    """Install `handler` for SIGTERM (main thread only); the one it replaces, or None."""
    if handler is None:
        return None
    try:
        return signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (e.g. called from a test runner's thread)
        return None


@app.command("show")
def show_article(
    article_id: Annotated[str, typer.Argument(help="The article's id (articles.article_id).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder holding the tables of a run.")] = Path("data/out"),
) -> None:
    """Print one article with its mentions highlighted, and its facts and roles."""
    from pipeline.show import show

    if not show(article_id, out):
        typer.echo(f"show: no article {article_id} in {out}", err=True)
        raise typer.Exit(code=1)


@app.command("report")
def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder holding the tables of a run.")] = Path("data/out"),
    file: Annotated[Path | None, typer.Option(
        "--file", help="Where to write the HTML [default: OUT/report.html].")] = None,
    articles: Annotated[int, typer.Option(
        "--articles", min=0, help="Show the text of this many articles (zones and facts cover all).")] = 200,
) -> None:
    """Write one self-contained HTML file (opens offline): per zone its figures and charts over
    periods, per article its text with mentions highlighted and its facts, the errors, the run."""
    from pipeline.report import write_report

    if not (out / "articles.parquet").exists() and not (out / "articles").is_dir():
        typer.echo(f"report: no tables in {out} (run `extract --out {out}` first)", err=True)
        raise typer.Exit(code=1)
    typer.echo(f"report: {write_report(out, file, articles)}", err=True)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option(help="Gold file in the format of ANNOTATION.md.")],
    articles: Annotated[Path, typer.Option(help="The page or JSON Lines file the gold describes.")],
    show_errors: Annotated[bool, typer.Option(help="List missed and spurious strings per article.")] = False,
) -> None:
    """Score the pipeline on ARTICLES against GOLD: entity P/R/F per label, facts."""
    from pipeline.evaluate.gold import evaluate_file, format_report

    report = evaluate_file(gold, articles)
    typer.echo(format_report(report, show_errors=show_errors))


@app.command("eval-numeric")
def eval_numeric(
    cases: Annotated[Path, typer.Argument(help="numeric/cases.jsonl (Recognizers-Text, NeMo, WeTextProcessing, PaddleSpeech).")],
) -> None:
    """Score the number finder on third-party cases: exact span and value, per source."""
    from pipeline.evaluate.numeric_cases import format_report, score_cases

    typer.echo(format_report(score_cases(cases)))


def _print_problems(out: Path, limit: int) -> None:
    """The first `limit` rows of errors.parquet, then how many more there are."""
    import pyarrow.parquet as pq

    path = out / "errors.parquet" if (out / "errors.parquet").exists() else out / "errors"
    try:
        errors = pq.read_table(path).to_pylist()
    except (OSError, ValueError):
        return
    for row in errors[:limit]:
        where = row["file"] + (f":{row['line']}" if row["line"] is not None else "")
        article = f" [{row['article_id']}]" if row.get("article_id") else ""
        typer.echo(f"  problem: {where}{article}: {row['reason']}", err=True)
    if len(errors) > limit:
        rest = len(errors) - limit
        typer.echo(f"  ... and {rest} more problem{'s' if rest > 1 else ''} in {path}", err=True)


def main() -> None:
    # Python's last collection at exit would walk the millions of objects of a loaded
    # pipeline (0.5 s) to free what the exit frees anyway; atexit runs before it.
    atexit.register(gc.freeze)
    app()


if __name__ == "__main__":
    sys.exit(main())
