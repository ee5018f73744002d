"""Sports teams: a country's, a province's or a club's 队 is an organisation.

LAC tags a club's team as one ORG token (全兴队), but cuts a place's team in two: 伊朗/LOC 队/n,
印尼/LOC 女队/n, 江苏/ORG 男队/n.  A place word, or a name, directly before a bare team word
names the team; 消防队 or 突击队 are one word of their own and stay out.
"""

from __future__ import annotations

from typing import Sequence

Tok = tuple[int, int, str]
Cand = tuple[int, int, str]

TEAM_WORDS = frozenset({"队", "女队", "男队", "国家队", "青年队", "少年队", "代表队", "足球队", "篮球队", "排球队"})
_OWNER_TAGS = frozenset({"LOC", "ORG", "nz"})


def team_orgs(h: str, toks: Sequence[Tok]) -> list[Cand]:
    """A place's or a club's name followed, with nothing between, by a team word."""
    out: list[Cand] = []
    for a, b in zip(toks, toks[1:]):
        if a[2] in _OWNER_TAGS and a[1] == b[0] and b[2] == "n" and h[b[0] : b[1]] in TEAM_WORDS and a[1] - a[0] >= 2:
            out.append((a[0], b[1], "org_team"))
    return out
