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


def test_a_free_trade_area_is_named_without_its_city():
    # 深圳前海蛇口片区 is written 前海蛇口片区 as often; 大兴机场片区 keeps its 大兴 (机场片区 is Tianjin's)
    surfaces = {s: zid for zid, z in load_zone_rules().zones.items() for s in z["surfaces"]}
    assert surfaces["前海蛇口片区"] == surfaces["深圳前海蛇口片区"]
    assert surfaces["南沙新区片区"] == surfaces["广州南沙新区片区"]
    assert surfaces["机场片区"] == surfaces["天津机场片区"]
    assert "新区中心商务片区" not in surfaces
