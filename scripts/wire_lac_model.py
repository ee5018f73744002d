"""Make LAC's graph with its length input wired (pipeline.ner.lac_model), once, for `make setup`.

The pipeline would make it on its first run anyway; made here, no run pays for it.

Usage: python scripts/wire_lac_model.py
"""

from pipeline.ner.lac import _lac_dir
from pipeline.ner.lac_model import ENCODER, wired_encoder

if __name__ == "__main__":
    print(wired_encoder(_lac_dir() / ENCODER))
