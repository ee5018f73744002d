"""Clear messages and distinct exit codes: --out unusable, options out of range, crashes."""

import os

import pytest
from typer.testing import CliRunner

from pipeline import cli
from pipeline.cli import app

PAGE = "# 成都高新区新增企业\n\n成都高新区今年新增企业12家。\n"


@pytest.fixture
def page(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path / "page.txt"


def run(*args):
    return CliRunner().invoke(app, ["extract", *map(str, args), "--workers", "1"])


def test_out_that_is_a_file(page, tmp_path):
    (tmp_path / "taken").write_text("x")
    result = run(page, "--out", tmp_path / "taken")
    assert result.exit_code == cli.EXIT_OUTPUT
    assert "is a file, not a folder" in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_out_below_a_file(page, tmp_path):
    (tmp_path / "taken").write_text("x")
    result = run(page, "--out", tmp_path / "taken" / "out")
    assert result.exit_code == cli.EXIT_OUTPUT and "is a file" in result.output


def test_out_that_cannot_be_written(page, tmp_path):
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro").chmod(0o500)
    target = tmp_path / "ro" / "out"
    if os.access(tmp_path / "ro", os.W_OK):  # root writes anywhere, but not into sysfs
        target = "/sys/hitech-out"
        try:
            os.mkdir(target)
        except OSError:
            pass
        else:
            os.rmdir(target)
            pytest.skip("no folder this user cannot write into")
    result = run(page, "--out", target)
    assert result.exit_code == cli.EXIT_OUTPUT, result.output
    assert "cannot write into the output folder" in result.output and "Traceback" not in result.output


def test_max_chars_over_spacys_limit_is_refused(page, tmp_path):
    result = run(page, "--out", tmp_path / "o", "--max-chars", "2000000")
    assert result.exit_code == cli.EXIT_USAGE
    assert "1,000,000" in result.output and "max_length" in result.output


def test_a_crash_has_its_own_exit_code(page, tmp_path, monkeypatch):
    import pipeline.run

    def broken(*a, **k):
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline.run, "extract", broken)
    result = run(page, "--out", tmp_path / "o")
    assert result.exit_code == cli.EXIT_CRASH != cli.EXIT_NO_ARTICLE
    assert "crashed (RuntimeError: a bug)" in result.output


def test_a_second_run_into_a_held_out_is_refused_clearly(page, tmp_path):
    from pipeline.tables.outdir import locked

    with locked(tmp_path / "o"):
        result = run(page, "--out", tmp_path / "o")
    assert result.exit_code == cli.EXIT_OUTPUT and "another run" in result.output


def test_help_lists_the_exit_codes():
    result = CliRunner().invoke(app, ["extract", "--help"])
    assert "Exit codes" in result.output and "3 --out cannot be used" in " ".join(result.output.split())
