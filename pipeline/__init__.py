"""Information extraction for Chinese news about China's high-tech zones.

Stages, in the order data flows through them:

    ingest/   pages and JSON Lines -> Article records (encoding, page splitting, clean text)
    numbers/  money, percentages and counts found and read (pure functions over a string)
    zones/    development zones from the official lists and suffix patterns
    ner/      organisations and people: statistical model plus rules
    nlp/      the spaCy pipeline wiring every stage as a registered component
    facts/    subject, metric and period for each number
    tables/   pyarrow schemas and atomic Parquet writing
    evaluate/ scoring against gold files in the format of ANNOTATION.md
"""

__version__ = "0.1.0"
