"""Tables written by the pipeline: schemas, row builders and the atomic writer."""

from pipeline.tables.schemas import SCHEMA_VERSION, SCHEMAS
from pipeline.tables.writer import OutputWriter
from pipeline.tables.read import read_table

__all__ = ["SCHEMA_VERSION", "SCHEMAS", "OutputWriter", "read_table"]
