"""The committed rules data: loads once, covers the official lists, regenerates unchanged."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.zones import find_zones, load_zone_rules

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def test_rules_load_once():
    assert load_zone_rules() is load_zone_rules()


def test_every_zone_has_id_type_and_surfaces():
    rules = load_zone_rules()
    assert len(rules.zones) > 600
    for zid, z in rules.zones.items():
        assert zid == f"{z['zone_type']}:{z['name']}"
        assert z["province"]


def test_speed_one_pass():
    # Far denser in zone words than news (real text runs at >1M chars/s); the pipeline
    # as a whole needs 50k chars/s.  CPU time, so a busy machine does not fail it.
    find_zones("衡阳高新区")  # load outside the timing
    text = ("近年来,衡阳高新区大力实施创新驱动发展战略,湖南省衡阳市的企业入驻宁波保税区和新经济产业园。" * 40 + "\n") * 50
    start = time.process_time()
    find_zones(text)
    rate = len(text) / max(time.process_time() - start, 1e-6)
    assert rate > 50_000, rate


@pytest.mark.skipif(not (SHARED / "gazetteer").is_dir(), reason="../shared not present")
def test_generated_file_is_up_to_date(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_zone_rules.py"),
                    "--gazetteer", str(SHARED / "gazetteer"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    assert (tmp_path / "zones.jsonl").read_text(encoding="utf-8") == \
        (ROOT / "rules" / "zones.jsonl").read_text(encoding="utf-8")
