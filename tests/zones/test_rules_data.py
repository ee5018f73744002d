"""The committed rules data: loads once, covers the official lists, regenerates unchanged."""

import subprocess
import sys
from pathlib import Path

from pipeline.zones import load_zone_rules

ROOT = Path(__file__).resolve().parents[2]


def test_rules_load_once():
    assert load_zone_rules() is load_zone_rules()


def test_every_zone_has_id_type_and_surfaces():
    rules = load_zone_rules()
    assert len(rules.zones) > 600
    for zid, z in rules.zones.items():
        assert zid == f"{z['zone_type']}:{z['name']}"
        assert z["province"]


def test_generated_file_is_up_to_date(tmp_path, shared):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_zone_rules.py"),
                    "--gazetteer", str(shared / "gazetteer"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    assert (tmp_path / "zones.jsonl").read_text(encoding="utf-8") == \
        (ROOT / "rules" / "zones.jsonl").read_text(encoding="utf-8")
