"""The numbers stage: MONEY, PERCENT and COUNT mentions with their values read.

Pure functions over a string; vocabularies live in rules/quantities.json.
"""

from pipeline.numbers.numerals import parse_numeral
from pipeline.numbers.reader import find_quantities

__all__ = ["find_quantities", "parse_numeral"]
