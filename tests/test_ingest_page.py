from pipeline.ingest.page import byline_names, split_articles

PAGE = """

# 光谷新增高新技术企业 数量创新高

周明 本报记者 林晓

光谷生物城

图片来源:东湖高新区

## 研发投入持续加大

本报讯 今年以来,东湖高新区新增高新技术企业312家,园区企业研发投入占营业收入比重达到6.5%。区内某企业负责人表示,研发人员已占员工总数的四成,公司将继续扩大研发团

队规模。

据介绍,下一步园区将出台新的扶持政策,对首次认定的企业给予一次性奖励,对研发投入增长较快的企业给予补

图片来源:东湖高新区

贴支持,单个企业最高可获得200万元。

陈晨 李可

# 第二篇 没有正文署名

苏州工业园区发布新一轮人才计划。
"""


def test_articles_split_at_hash_titles():
    arts = split_articles(PAGE, source="p.txt")
    assert [a.title for a in arts] == ["光谷新增高新技术企业 数量创新高", "第二篇 没有正文署名"]
    assert [a.seq for a in arts] == [0, 1]


def test_text_starts_with_title_and_blocks_index_it():
    art = split_articles(PAGE, source="p.txt")[0]
    assert art.text.startswith(art.title + "\n")
    for b in art.blocks:
        assert art.text[b.start:b.end].strip() == art.text[b.start:b.end]
        assert b.end <= len(art.text)


def test_reporter_byline_captions_credits_kept_apart():
    art = split_articles(PAGE, source="p.txt")[0]
    kinds = {art.text[b.start:b.end]: b.kind for b in art.blocks}
    assert kinds["周明 本报记者 林晓"] == "reporter"
    assert kinds["光谷生物城"] == "caption"
    assert kinds["图片来源:东湖高新区"] == "credit"
    assert kinds["研发投入持续加大"] == "subheading"
    assert kinds["陈晨 李可"] == "byline"
    assert art.authors == ["周明", "林晓", "陈晨", "李可"]


def test_paragraph_cut_by_page_break_is_joined_and_credit_moved_after():
    art = split_articles(PAGE, source="p.txt")[0]
    paragraphs = [art.text[b.start:b.end] for b in art.blocks if b.kind == "paragraph"]
    assert any("扩大研发团队规模。" in p for p in paragraphs)
    joined = next(p for p in paragraphs if "给予补贴支持" in p)
    assert joined.endswith("最高可获得200万元。")
    kinds = [b.kind for b in art.blocks]
    # the credit that fell into the cut paragraph now follows it
    assert kinds.count("credit") == 2
    assert kinds.index("byline") == len(kinds) - 1


def test_untitled_page_uses_first_line_as_title():
    arts = split_articles("苏州工业园区发布人才计划\n\n正文第一段,说明了计划的内容。\n", source="x.txt")
    assert len(arts) == 1 and arts[0].title == "苏州工业园区发布人才计划"


def test_byline_names_drop_roles():
    assert byline_names("谢小青 本报记者 戈清平") == ["谢小青", "戈清平"]
    assert byline_names("本报记者 王萌") == ["王萌"]
    assert byline_names("记者：李悦") == ["李悦"]
    assert byline_names("本报记者 何川/谭丽") == ["何川", "谭丽"]
    assert byline_names("文/图 周明") == ["周明"]
