"""Ingest: input files -> Article records, or Problem records for what cannot be read."""

from pipeline.ingest.article import Article, Block, Problem
from pipeline.ingest.sources import iter_inputs, read_source


__all__ = ["Article", "Block", "Problem", "iter_inputs", "read_source"]
