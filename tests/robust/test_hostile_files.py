"""Files that used to be lost whole or skipped in silence: each record or link is decided alone."""

import codecs
import json
import os

import pytest

from pipeline.ingest import Article, Problem, iter_inputs


def rec(i, text="成都高新区新增企业12家。", **extra):
    return json.dumps({"id": f"r{i}", "title": "园区", "text": text, **extra}, ensure_ascii=False)


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


# -- defect 6: a NUL byte costs its line, not the file ---------------------------------

def test_a_nul_byte_in_the_first_8kb_costs_that_line_only(tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_bytes(rec(1).encode() + b"\n" + b'{"id": "r2", "text": "a\x00b"}\n' + b"\x00\x00\n"
                     + rec(3).encode() + b"\n")
    arts, problems = split(iter_inputs([path]))
    assert [a.article_id for a in arts] == ["r1", "r3"]
    assert [p.line for p in problems] == [2, 3] and all("NUL" in p.reason for p in problems)


def test_records_longer_than_the_sniffed_head(tmp_path):
    long = "成都高新区新增企业12家。" * 8000  # 100k characters: the first line is longer than 64 KB
    path = tmp_path / "long.jsonl"
    path.write_bytes(b'{"id": "r1", "text": "\x00' + long.encode() + b'"}\n' + rec(2).encode() + b"\n")
    arts, [problem] = split(iter_inputs([path]))
    assert [a.article_id for a in arts] == ["r2"] and problem.line == 1 and "NUL" in problem.reason
    path.write_bytes((rec(1, long) + "\n" + rec(2) + "\n").encode("utf-16-le"))
    arts, problems = split(iter_inputs([path]))
    assert [a.article_id for a in arts] == ["r1", "r2"] and not problems


def test_a_binary_file_named_jsonl_is_still_one_problem(tmp_path):
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    arts, [problem] = split(iter_inputs([path]))
    assert not arts and "binary" in problem.reason


# -- defect 8: UTF-16 lines end at \n only; UTF-16 without a BOM; GB18030 beyond the BMP --

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_jsonl_splits_on_newline_only(tmp_path, encoding):
    # U+2028, U+0085 and U+000B are characters inside a JSON string, not line ends
    lines = [rec(1, "成都高新区\u2028新增企业12家。"), rec(2, "西安高新区\x85新增企业3家。"),
             "{not json", rec(4, "合肥高新区新增\u2029企业8家。")]
    path = tmp_path / "u.jsonl"
    path.write_bytes("\n".join(lines).encode(encoding) + "\n".encode(encoding)[-4 if "32" in encoding else -2:])
    arts, [problem] = split(iter_inputs([path]))
    assert [a.article_id for a in arts] == ["r1", "r2", "r4"]
    assert problem.line == 3 and "not JSON" in problem.reason
    assert "\u2028" in arts[0].text


def test_utf16_page_without_bom_is_read(tmp_path):
    page = "# 成都高新区新增企业\n\n本报讯 成都高新区今年新增高新技术企业120家。\n"
    for enc in ("utf-16-le", "utf-16-be"):
        (tmp_path / f"{enc}.txt").write_bytes(page.encode(enc))
    arts, problems = split(iter_inputs([tmp_path]))
    assert not problems and [a.title for a in arts] == ["成都高新区新增企业"] * 2


def test_gb18030_with_emoji_and_extension_b_is_read(tmp_path):
    page = "# 𠮷野高新区新增企业😀\n\n本报讯 𠮷野高新区今年新增高新技术企业120家,𪚥𠀀两家企业落户。👍\n" * 3
    (tmp_path / "gb.txt").write_bytes(page.encode("gb18030"))
    arts, problems = split(iter_inputs([tmp_path / "gb.txt"]))
    assert not problems and len(arts) == 3 and arts[0].title == "𠮷野高新区新增企业😀"


# -- defect 7: nothing in a folder is skipped in silence ----------------------------------

def test_broken_links_and_unreadable_folders_are_problems(tmp_path, monkeypatch):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("# 标题\n\n成都高新区新增企业12家。\n", encoding="utf-8")
    (root / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (root / "loop.jsonl").symlink_to(root / "loop.jsonl")
    (root / "linked").symlink_to(root / "sub")          # a second way into sub: read once
    (root / "up").symlink_to(root)                       # a loop back to the root
    locked = root / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("# 标题\n\n西安高新区新增企业3家。\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # chmod 0 does not stop root, who runs this in CI containers
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    arts, problems = split(iter_inputs([root]))
    reasons = {os.path.basename(p.file): p.reason for p in problems}
    assert [a.source for a in arts] == ["a.txt"]
    assert "dangling" in reasons["dangling.txt"] and "loop" in reasons["loop.jsonl"]
    assert "cannot read folder" in reasons["locked"]
    assert "already read" in reasons["sub"] and "already read" in reasons["up"]


def test_a_linked_folder_is_read(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("# 标题\n\n成都高新区新增企业12家。\n", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "link").symlink_to(real)
    arts, problems = split(iter_inputs([tmp_path / "in"]))
    assert not problems and len(arts) == 1


def test_a_pipe_named_like_a_page_is_a_problem_not_a_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    arts, [problem] = split(iter_inputs([tmp_path]))
    assert "not a regular file" in problem.reason


def test_folder_order_is_the_sorted_order_of_paths(tmp_path):
    for rel in ["b/c.txt", "b.txt", "a/z/y.md", "a.jsonl", "b/a/x.txt", "B.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# t\n\nx\n", encoding="utf-8")
    from pipeline.ingest.sources import expand_inputs

    assert list(expand_inputs([tmp_path])) == sorted(p for p in tmp_path.rglob("*") if p.is_file())


# -- defect 10: a .json array is articles, not a page ------------------------------------

def test_a_json_array_is_read_as_articles(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text("[" + ",".join([rec(1), rec(2), '"x"', json.dumps({"id": "r4"})]) + "]", encoding="utf-8")
    arts, problems = split(iter_inputs([path]))
    assert [a.article_id for a in arts] == ["r1", "r2"] and [a.seq for a in arts] == [0, 1]
    assert [p.reason for p in problems] == ["item 3 of the array: JSON item is not an object",
                                            "item 4 of the array: no text"]


def test_a_json_file_that_is_not_articles_is_refused(tmp_path):
    (tmp_path / "conf.json").write_text('{"zones": [1, 2]}', encoding="utf-8")
    arts, [problem] = split(iter_inputs([tmp_path]))
    assert not arts and "neither an article" in problem.reason
