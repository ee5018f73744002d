"""roles.parquet: one person and title a row, with offsets and entity ids."""

from __future__ import annotations

import pyarrow.parquet as pq

from pipeline.run import extract

PAGE = ("# 新园区开园\n\n惠普中国副总裁张永红出席开园仪式。青岛蓝鲸海洋装备有限公司党委书记、董事长孙浩然介绍了项目。"
        "会后，惠普中国副总裁张永红再次发言。中信建投证券首席宏观分析师魏凤春认为，园区仍有空间。\n")


def test_roles_rows(nlp, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.txt").write_text(PAGE, encoding="utf-8")
    extract([tmp_path / "in"], tmp_path / "out", nlp, max_chars=10_000, progress=False)
    text = pq.read_table(tmp_path / "out" / "articles.parquet").column("text")[0].as_py()
    roles = pq.read_table(tmp_path / "out" / "roles.parquet").to_pylist()
    got = {(r["person"], r["role"], r["org"]) for r in roles}
    assert ("张永红", "副总裁", "惠普中国") in got
    assert ("魏凤春", "分析师", "中信建投证券") in got  # across a title qualifier (首席宏观)
    assert {("孙浩然", "党委书记"), ("孙浩然", "董事长")} <= {(p, r) for p, r, _ in got}
    assert len(roles) == len(got)  # 张永红 named twice with the same title: one row
    ents = pq.read_table(tmp_path / "out" / "entities.parquet").to_pylist()
    ids = {e["entity_id"] for e in ents}
    for r in roles:
        assert text[r["start"]:r["end"]] == r["role"]
        assert text[r["person_start"]:r["person_end"]] == r["person"]
        assert r["person_entity_id"] in ids
        assert r["org_entity_id"] is None or r["org_entity_id"] in ids
    [hp] = [r for r in roles if r["person"] == "张永红"]
    assert hp["org_entity_id"] is not None and hp["sentence_index"] == 1


def test_a_title_after_a_name_is_the_persons_role(nlp, tmp_path):
    page = "# 新厂投产\n\n青岛蓝鲸海洋装备有限公司胡海平经理告诉记者,吴先生也到场参观。\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.txt").write_text(page, encoding="utf-8")
    extract([tmp_path / "in"], tmp_path / "out", nlp, max_chars=10_000, progress=False)
    text = pq.read_table(tmp_path / "out" / "articles.parquet").column("text")[0].as_py()
    roles = pq.read_table(tmp_path / "out" / "roles.parquet").to_pylist()
    [row] = [r for r in roles if r["person"] == "胡海平"]
    assert row["role"] == "经理" and text[row["start"]:row["end"]] == "经理"
    assert row["org"] == "青岛蓝鲸海洋装备有限公司"
    assert row["start"] == row["person_end"]  # the title follows the name
    assert not [r for r in roles if r["person"] in ("吴", "吴先生")]  # a surname alone is no one's name
