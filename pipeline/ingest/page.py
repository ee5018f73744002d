"""Split a page of news into articles and rebuild each article's clean text.

A page holds articles that start at `# ` lines; `## ` lines are sub-headings.  Under
the title there may be a reporter line, standing captions and `图片来源:` credits; at
the end a byline of one to three names.  A paragraph cut by a page break (乡村振 /
兴内生动力) is joined back, moving any caption or credit that fell into the cut
after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.ingest.article import Article, Block
from pipeline.textnorm import to_halfwidth

_NAME = r"[\u4e00-\u9fff·]{2,4}"
# traditional forms too (本報記者, 圖片來源): a page in traditional script is read as written
_ROLE = r"(?:本报|特约|实习|本報|特約|實習)?(?:记者|通讯员|编辑|摄影|摄|記者|通訊員|編輯|攝影|攝)|文/图|文/圖|文|图|圖"
_ROLE_RE = re.compile(rf"^(?:{_ROLE})[:：]?")
_NAMES_ONLY_RE = re.compile(rf"^(?:{_NAME})(?:[ \t]+{_NAME}){{0,2}}$")
_REPORTER_RE = re.compile(rf"^(?:(?:{_NAME}|{_ROLE})[:：]?\s*)+$")
_CREDIT_RE = re.compile(r"^(?:图片来源|图片提供|来源|摄影|供图|圖片來源|圖片提供|來源|攝影|供圖)\s*[:：]")
_SENTENCE_END = set("。！？!?；;…」”』）)]:：")
_CLAUSE_PUNCT = set("。！？!?；;，,、")
CAPTION_MAX = 20
CUT_MIN = 30  # a paragraph cut by a page break is a long one


@dataclass(slots=True)
class _Line:
    kind: str
    text: str


def split_articles(page: str, *, source: str, date: str | None = None) -> list[Article]:
    """All articles of a page, in page order."""
    lines = page.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    chunks: list[tuple[str | None, list[str]]] = []
    for line in lines:
        if line.startswith("# "):
            chunks.append((line[2:].strip(), []))
        elif chunks:
            chunks[-1][1].append(line)
        elif line.strip():
            chunks.append((None, [line]))  # text before any title: an untitled article
    articles = []
    for seq, (title, body) in enumerate(chunks):
        if title is None:
            first = next(i for i, ln in enumerate(body) if ln.strip())
            title, body = body[first].strip(), body[first + 1:]
        articles.append(build_article(title, body, source=source, seq=seq, date=date))
    return articles


def build_article(title: str, body: list[str], *, source: str, seq: int, date: str | None = None) -> Article:
    lines = _classify([ln.strip() for ln in body if ln.strip()])
    lines = _join_cut_paragraphs(lines)
    parts = [title]
    blocks = [Block("title", 0, len(title))]
    pos = len(title)
    authors: list[str] = []
    for ln in lines:
        pos += 1  # the newline between blocks
        blocks.append(Block(ln.kind, pos, pos + len(ln.text)))
        parts.append(ln.text)
        pos += len(ln.text)
        if ln.kind in ("reporter", "byline"):
            authors.extend(n for n in byline_names(ln.text) if n not in authors)
    return Article(source=source, seq=seq, title=title, text="\n".join(parts),
                   blocks=blocks, authors=authors, date=date)


def byline_names(line: str) -> list[str]:
    """Names on a reporter or byline line, without roles: '谢小青 本报记者 戈清平'."""
    names = []
    for token in re.split(r"[\s,，、/]+", to_halfwidth(line).strip()):
        token = _ROLE_RE.sub("", token)
        if re.fullmatch(_NAME, token) and not _ROLE_RE.match(token):
            names.append(token)
    return names


def reporter_names(line: str) -> list[str]:
    """The names of a run of roles and names ('记者 修某某 通讯员 王某'), none when the run
    holds anything else (记者手记, 记者获悉)."""
    return byline_names(line) if _REPORTER_RE.match(to_halfwidth(line).strip()) else []


def _classify(lines: list[str]) -> list[_Line]:
    out = []
    last = len(lines) - 1
    for i, text in enumerate(lines):
        half = to_halfwidth(text)
        if half.startswith("## "):
            out.append(_Line("subheading", text[3:].strip()))
        elif _CREDIT_RE.match(half):
            out.append(_Line("credit", text))
        elif i == 0 and _is_reporter(half):
            out.append(_Line("reporter", text))
        elif i == last and _NAMES_ONLY_RE.match(half):
            out.append(_Line("byline", text))
        elif len(text) <= CAPTION_MAX and not (set(half) & _CLAUSE_PUNCT):
            out.append(_Line("caption", text))
        else:
            out.append(_Line("paragraph", text))
    return out


def _is_reporter(line: str) -> bool:
    if any(w in line for w in ("记者", "通讯员", "記者", "通訊員")):
        return bool(_REPORTER_RE.match(line))
    return bool(_NAMES_ONLY_RE.match(line)) and " " in line


def _join_cut_paragraphs(lines: list[_Line]) -> list[_Line]:
    out: list[_Line] = []
    i, n = 0, len(lines)
    while i < n:
        cur, i = lines[i], i + 1
        furniture: list[_Line] = []
        while cur.kind == "paragraph" and _is_cut(cur.text):
            # captions and credits the page break dropped into the paragraph are
            # stepped over and put after the joined paragraph
            j = i
            while j < n and lines[j].kind in ("caption", "credit"):
                j += 1
            if j < n and (lines[j].kind == "paragraph" or (lines[j].kind == "caption" and j == i)):
                furniture += lines[i:j]
                cur, i = _Line("paragraph", cur.text + lines[j].text), j + 1
            else:
                break
        out.append(cur)
        out.extend(furniture)
    return out


def _is_cut(text: str) -> bool:
    return len(text) >= CUT_MIN and to_halfwidth(text[-1]) not in _SENTENCE_END
