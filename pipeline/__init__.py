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

import os as _os
import sys as _sys

__version__ = "0.1.0"

# ONNX Runtime's telemetry keeps a device id and an events database under ~/.cache and
# uploads them to a Microsoft host; it starts when onnxruntime is imported, unless this
# is set.  The pipeline makes no network attempt and writes nothing outside --out and
# models/.  (Set here, before any stage imports onnxruntime, in the CLI, the workers and
# any program that imports the package.)
_os.environ["ORT_DISABLE_TELEMETRY"] = "1"
_ort = _sys.modules.get("onnxruntime")
if _ort is not None and hasattr(_ort, "disable_telemetry_events"):
    _ort.disable_telemetry_events()  # imported before us: stop what can still be stopped
