"""The vocabularies of rules/quantities.json, loaded once."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES = Path(__file__).resolve().parents[2] / "rules" / "quantities.json"


@lru_cache(maxsize=1)
def load_vocab(path: str | None = None) -> dict[str, Any]:
    data = json.loads(Path(path or RULES).read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}
