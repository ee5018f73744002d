"""The numbers stage: MONEY, PERCENT and COUNT mentions with their values read.

Pure functions over a string; vocabularies live in rules/quantities.json.
"""

from pipeline.numbers.finder import find_quantities
from pipeline.numbers.numerals import parse_numeral

__all__ = ["find_quantities", "parse_numeral"]
