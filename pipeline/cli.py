"""Command line: `python -m pipeline extract|eval|eval-numeric`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.ingest.sources import DEFAULT_MAX_CHARS

app = typer.Typer(
    add_completion=False, no_args_is_help=True,
    help="Entities and facts from Chinese news about high-tech zones, as Parquet tables.")


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(
        help="Page files (.txt, .md: articles start at '# ' lines) or JSON Lines "
             "(.jsonl: id, title, text, optional date, source), or folders holding them.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for articles/entities/facts/roles/errors.parquet.")]
        = Path("data/out"),
    max_chars: Annotated[int, typer.Option(help="Longer articles are skipped and recorded in errors.parquet.")]
        = DEFAULT_MAX_CHARS,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr (shown on a terminal).")] = True,
) -> None:
    """Extract entities and facts from INPUTS into Parquet tables in --out.

    Output replaces the previous tables only when the run completes. Problems (empty,
    binary or undecodable files, bad JSON lines, over-long articles) become rows of
    errors.parquet and are counted in the summary line. Exit code 1 when no article
    could be processed.
    """
    from pipeline.nlp import load_pipeline
    from pipeline.run import extract as run_extract

    nlp = load_pipeline()
    summary = run_extract(inputs, out, nlp, max_chars=max_chars, progress=progress)
    typer.echo(f"extract: {summary.line()} -> {out}", err=True)
    if summary.articles == 0:
        raise typer.Exit(code=1)


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


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
