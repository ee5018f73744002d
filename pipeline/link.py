"""One entity, one id: group an article's mentions of the same zone or organisation.

Zones from the official lists already share a zone id (衡阳高新区 = 衡阳高新技术产业开发区).
An organisation's short form is grouped with its full name when the text gives both
(泰豪通信 inside 泰豪通信科技有限公司; 纳维思 inside 苏州纳维思生物医药有限公司), but not with a
unit of it or another body holding it: a department or a shop (光明乳业公关部, 某某4S店), anything
more than a legal form after a name complete with its type word (财政部 and 财政部政府采购管理办公室,
吉林大学 and its 科技成果转化中心), a name opening with more than places (丰田 and 一汽丰田; but
国家发改委 is 发改委's): different bodies, with their own figures and officers.  Each group gets:
  attrs["entity_id"]  LABEL:<longest name>  (or the zone id) - stable across articles
                      for the same registered name;
  attrs["display"]    the name the article itself uses most (ties: the shorter), which
                      is what the facts table reports as a subject.
A zone's administration (X管委会, X管理委员会) reports for its zone: its "subject_of"
points at the zone mention inside it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipeline.mentions import Mention, role_start
from pipeline.ner import lexicon, orgs
from pipeline.ner.lexicon import generic_orgs
from pipeline.zones.suffix import GENERIC_WORDS, KINDS

LINKED = ("ZONE", "ORG", "PERSON")
_ZONE_ADMIN = ("管委会", "管理委员会", "党工委")


def link_mentions(mentions: list[Mention], text: str = "") -> list[Mention]:
    mentions, alias_of = _declared_aliases(mentions, text)
    groups: dict[tuple[str, str], list[int]] = {}
    keys: list[tuple[str, str] | None] = []
    names = {m.text for m in mentions if m.label == "ORG"}
    longest = sorted(names, key=lambda n: (-len(n), n))
    zone_ids = {m.text: m.attrs.get("zone_id") or m.norm or m.text for m in mentions if m.label == "ZONE"}
    zone_longest = sorted(zone_ids, key=len, reverse=True)
    full_names: dict[str, str] = {}
    for m in mentions:
        if m.label not in LINKED:
            keys.append(None)
            continue
        if m.label == "ZONE":
            # a declared short name (以下简称“中德园”) is the zone it shortens
            full = alias_of.get(m.text, "")
            if full not in zone_ids:  # 火炬高新区 after 厦门火炬高新区: the end of a longer name is that zone
                full = next((n for n in zone_longest if len(n) > len(m.text) >= 4 and n.endswith(m.text)), m.text)
            key = ("ZONE", zone_ids[full] if full != m.text else (m.attrs.get("zone_id") or m.norm or m.text))
        elif m.label == "ORG":
            name = alias_of.get(m.text, m.text)
            if name not in full_names:  # once per name, not per mention
                full_names[name] = _full_name(name, longest)
            key = ("ORG", full_names[name])
        else:
            key = ("PERSON", m.text)
        keys.append(key)
        groups.setdefault(key, []).append(len(keys) - 1)
    display: dict[tuple[str, str], str] = {}
    for key, idx in groups.items():
        counts = Counter(mentions[i].text for i in idx)
        display[key] = min(counts, key=lambda s: (-counts[s], len(s)))
    out = []
    for m, key in zip(mentions, keys):
        if key is None:
            out.append(m)
            continue
        ident = key[1] if key[0] == "ZONE" and ":" in key[1] else f"{key[0]}:{key[1]}"
        out.append(replace(m, attrs={**m.attrs, "entity_id": ident, "display": display[key]}))
    return _complete_roles(_admin_to_zone(out), text)


def _full_name(name: str, longest: list[str]) -> str:
    """The longest name of the article that holds `name` - unless the longer names
    holding it are different organisations (海尔 in 青岛海尔, 海尔电器 and 海尔集团;
    中钢 in 中钢集团 and 中钢国际): then the short name is one of its own."""
    holders = [n for n in longest if len(n) > len(name) and name in n and len(name) >= 2
               and not _other_body(name, n)]
    if not holders:
        return name
    full = holders[0]
    return full if all(n in full for n in holders) else name


# what a complete name may go on with and still be that organisation: its legal form
# (海尔集团 of 海尔集团公司, 紫金矿业集团 of 紫金矿业集团股份有限公司)
_LEGAL_TAILS = frozenset({"公司", "有限公司", "股份公司", "有限责任公司", "股份有限公司", "集团", "集团公司",
                          "集团有限公司", "集团股份有限公司", "控股有限公司"})
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
# the words a department or an office ends in: after any name, a unit of it (a tail ending in
# 公司 or 集团 names a company, which only the type-word test below tells from a legal form)
_UNIT_WORDS = ("部", "处", "办公室", "室", "司", "中心", "委员会", "董事会", "台办", "分行", "支行", "店", "展厅")
_LEGAL_ENDS = ("公司", "集团")


def _other_body(name: str, holder: str) -> bool:
    """``holder`` is another body than ``name``, not its longer form: one whose name opens with
    more than places (一汽丰田 of 丰田, 某某别克展厅 of 别克; but 珠海格力电器股份有限公司 is 格力's,
    国家发改委 is 发改委's, and 格力四川公司 is 四川公司's, a name opening with its own place), a
    department after any name (光明乳业公关部), and more than a legal form after a name complete
    with its type word (财政部政府采购管理办公室, 吉林大学长春新区科技成果转化中心, 大唐集团金竹山发电厂)."""
    if not holder.startswith(name):
        at = holder.find(name)
        return at > 0 and not _places_only(holder[:at]) and not lexicon.opens_with_place(name, (2, 3), rest=1)
    tail = _BRACKETED.sub("", holder[len(name):])
    if tail.endswith(_UNIT_WORDS) and not tail.endswith(_LEGAL_ENDS):
        return True  # 中石化 + 生产经营管理部, 鞍钢股份 + 董事会办公室: a department of the firm
    return bool(lexicon.affixes("org_suffixes").ending(name)) and tail not in _LEGAL_TAILS


# national and administrative words, and determiners: what stands before a body's name without
# making it another's (国家发改委, 省防汛抗旱指挥中心, 自治区政府采购中心, 上述发改委)
_NATIONAL = ("中华人民共和国", "自治区", "国务院", "中国", "国家", "中华", "全国", "中央", "政府", "皇家", "上述",
             "省", "市", "县", "区", "州", "该")


def _places_only(w: str) -> bool:
    """``w`` is places (orgs.is_place: a county's short form too, though some firms are named by
    one, 东风 of 东风本田), national and administrative words only (广东珠海, 美国, 内蒙古自治区政府)."""
    while w:
        n = next((n for n in range(min(len(w), 8), 0, -1) if w[:n] in _NATIONAL or orgs.is_place(w[:n])), 0)
        if not n:
            return False
        w = w[n:]
    return True


# 苏州纳维思生物医药有限公司(以下简称“纳维思”): the text declares the short name it will use
_ALIAS = re.compile(r"\s*[（(]\s*(?:以下)?(?:简称|下称)\s*[：:]?\s*[“\"「]?([^”\"」（）()，,。：:“]{2,12}?)[”\"」]?\s*[）)]")


# 湖南湘峰建材化工（集团）股份公司（湘峰建化）: a short name in brackets right after a company's
# registered name, without 简称
_BRACKET_ALIAS = re.compile(r"[（(]([\u4e00-\u9fff]{2,6})[）)]")
_REGISTERED = ("公司", "集团")
_NOT_ALIAS = ("原", "即", "简称", "下称", "集团", "控股", "筹")


def _declared_aliases(mentions: list[Mention], text: str) -> tuple[list[Mention], dict[str, str]]:
    """Every use of a declared short name becomes a mention of the organisation or zone
    it shortens (中德(沈阳)高端装备制造产业园(以下简称“中德园”) ... 中德园 is that zone, not
    the organisation LAC may read it as)."""
    alias_of: dict[str, str] = {}
    label_of: dict[str, str] = {}
    for m in mentions:
        if m.label not in ("ORG", "ZONE") or not text:
            continue
        a = _ALIAS.match(text, m.end)
        if a is None and m.label == "ORG" and m.text.endswith(_REGISTERED) and len(m.text) >= 6:
            a = _BRACKET_ALIAS.match(text, m.end)
            if a and a.group(1).startswith(_NOT_ALIAS):
                a = None
        if a and a.group(1) != m.text and not _generic_alias(a.group(1)):
            alias_of[a.group(1)] = m.text
            label_of[a.group(1)] = m.label
    if not alias_of:
        return mentions, alias_of
    zone_aliases = {a for a, label in label_of.items() if label == "ZONE"}
    # the declared zone name is no organisation, whatever LAC read it as
    mentions = [m for m in mentions if not (m.label == "ORG" and m.text in zone_aliases)]
    added = []
    for alias, full in alias_of.items():
        label = label_of[alias]
        covered = [(m.start, m.end) for m in mentions if m.label == label]
        zone_id = next((m.attrs.get("zone_id") for m in mentions if m.label == "ZONE" and m.text == full), None)
        for hit in re.finditer(re.escape(alias), text):
            span = (hit.start(), hit.end())
            if any(s <= span[0] and span[1] <= e for s, e in covered):
                continue
            attrs = {"alias_of": full, **({"zone_id": zone_id} if zone_id else {})}
            added.append(Mention(label, span[0], span[1], alias, "org_alias" if label == "ORG" else "zone_declared", norm=alias, attrs=attrs))
    return mentions + added, alias_of


def _generic_alias(alias: str) -> bool:
    """(以下简称“公司”), (以下简称“园区”), (以下简称“国家级经开区”): a reference or a class,
    not a name: an organisation's generic word, or a zone kind with nothing but generic
    words before it."""
    if alias in generic_orgs():
        return True
    kind = next((k for k in _ZONE_KINDS if alias.endswith(k)), None)
    if kind is None:
        return False
    head = alias[: -len(kind)]
    return not head or head in GENERIC_WORDS or len(head) == 1


_ZONE_KINDS = sorted([*KINDS, "园区", "合作区", "区", "园"], key=len, reverse=True)


def _admin_to_zone(mentions: list[Mention]) -> list[Mention]:
    zones = [m for m in mentions if m.label == "ZONE"]
    out = []
    for m in mentions:
        if m.label == "ORG" and m.text.endswith(_ZONE_ADMIN):
            inner = next((z for z in zones if m.start <= z.start and z.end <= m.end), None)
            if inner is not None:
                m = replace(m, attrs={**m.attrs, "subject_of": inner.attrs.get("display", inner.text),
                                      "subject_label": "ZONE"})
        out.append(m)
    return out


_ORG_ANAPHORA = ("该公司", "公司", "该企业", "企业", "集团")


def _complete_roles(mentions: list[Mention], text: str) -> list[Mention]:
    """A titled person whose organisation the NER did not name: 公司党委书记刘春成 takes
    the company last named; 齐齐哈尔市副市长姚卿 takes the place whose office it is."""
    out = []
    for m in mentions:
        role = m.attrs.get("role")
        if m.label == "PERSON" and role and not m.attrs.get("org") and text:
            rs = min(role_start(m), m.start)
            before = text[max(0, rs - 4):rs]
            org = None
            if before.endswith(_ORG_ANAPHORA):
                org = next((o.attrs.get("display", o.text) for o in reversed(mentions)
                            if o.label == "ORG" and o.end <= rs), None)
            else:
                org = next((g.text for g in mentions if g.label in ("GPE", "ORG", "ZONE") and g.end == rs), None)
            if org:
                m = replace(m, attrs={**m.attrs, "org": org})
        out.append(m)
    return out
