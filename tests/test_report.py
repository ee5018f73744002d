"""`pipeline report` and `pipeline show` over the sample output."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

CHROMIUM = Path("/usr/bin/chromium")


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.tags: dict[str, int] = {}
        self.external: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for k, v in attrs:
            if k == "id":
                self.ids.add(v)
            if k in ("src", "href") and v and not v.startswith("#"):
                self.external.append(v)
        if tag in ("script", "link", "img", "iframe"):
            self.external.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def report(sample_run, tmp_path_factory):
    out, _ = sample_run
    path = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--file", str(path)])
    assert result.exit_code == 0, result.output
    return out, path


def test_report_holds_zones_articles_errors_and_run(report):
    out, path = report
    parser = _Collect()
    parser.feed(path.read_text(encoding="utf-8"))
    articles = pq.read_table(out / "articles.parquet", columns=["article_id"]).column(0).to_pylist()
    assert {f"article-{a}" for a in articles} <= parser.ids
    zone_ids = set(pq.read_table(out / "zone_metrics.parquet", columns=["zone_id"]).column(0).to_pylist())
    assert {f"zone-{z}" for z in zone_ids} <= parser.ids
    assert {"run", "zones", "articles", "errors"} <= parser.ids
    assert not parser.external, parser.external  # self-contained: nothing fetched
    text = "".join(parser.text)
    assert "ZONE" in text and "hitech_ie.rules_version" in text
    assert "郑州高新区" in text


def test_svg_chart_over_periods():
    from pipeline.report import svg_chart

    svg = svg_chart([("2020", 10.0), ("2021", 20.0)], "CNY")
    assert svg.count("<rect") == 2 and "2021" in svg


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)")
def test_report_renders_in_headless_chromium(report, tmp_path):
    _, path = report
    shot = tmp_path / "report.png"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
                    "--window-size=1280,2000", path.as_uri()], check=True, timeout=120, capture_output=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_show_prints_the_article(sample_run):
    out, _ = sample_run
    aid = pq.read_table(out / "articles.parquet", columns=["article_id"]).column(0)[0].as_py()
    result = CliRunner().invoke(app, ["show", aid, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert aid in result.output and "facts" in result.output
    missing = CliRunner().invoke(app, ["show", "no-such-id", "--out", str(out)])
    assert missing.exit_code == 1
