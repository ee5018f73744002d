"""How the trained name model's spans and the rules' mentions make one set of
ZONE, ORG and PERSON mentions (the model's partners, issue 13).

Modes (chosen by held-out figures: scripts/eval_ner.py, train k-fold):
- ``rules``: the rules alone (the model is not consulted).
- ``model``: the model's ORG and PERSON replace the rules' except bylines; ZONE stays
  with the zone rules, plus the model's zones no rule zone overlaps.
- ``union``: the rules' mentions, plus every model span that overlaps no mention of
  its own label.
- ``partner``: the model proposes, the rules canonicalise and filter: a model span
  the rules also found keeps the rule's mention (a zone's canonical name and id); a
  model ORG the organisation filters call a description, a place, a zone or a generic
  word is dropped; the rules' precise mentions (listed zones, suffix companies, titled
  people, bylines) stay; LAC-only rule mentions the model did not confirm go; and a
  name the model found once is a name wherever else it stands in the article.
- ``add``: the rules' mentions, plus the model's spans that pass strict checks of
  form (_well_formed: an ORG ends with an organisation type word, a ZONE with a zone
  kind, a PERSON is two to four characters of a plausible name; none starts with a
  function word or a mark) and overlap no name mention of any label.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pipeline.mentions import Mention
from pipeline.ner import lexicon, orgs, people

MODES = ("rules", "model", "union", "partner", "add")
NAME_LABELS = ("ZONE", "ORG", "PERSON")
PRECISE = {"zone_gazetteer", "zone_alias", "zone_sub_park", "org_suffix", "org_latin", "org_list",
           "person_title", "person_byline", "byline"}
SOURCE = "name_model"


def _overlaps(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


_EXTRA_TYPES = ("企业", "中心", "机构", "单位", "银行", "工厂", "厂")


@lru_cache(maxsize=None)
def _descriptions() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """rules/name_descriptions.txt: whole words, modifiers (longest first), type words."""
    whole, modifiers = lexicon.descriptions()
    types = tuple(sorted(set(lexicon.org_suffixes()) | set(_EXTRA_TYPES), key=len, reverse=True))
    return whole, modifiers, types


def is_description(name: str) -> bool:
    """大公司, 股份制公司, 世界500强企业, 当局: words that describe an organisation, not its name."""
    whole, modifiers, types = _descriptions()
    if name in whole:
        return True
    for m in modifiers:
        if name.startswith(m):
            rest = name[len(m):]
            if rest in types or rest in whole:
                return True
    return False


_BAD_FIRST = set("在和与及的了是为对从向把被将由于等并或而其该这那个年月日,，、。；;:：“”\"'《》()（）")
_ZONE_ENDS = ("高新区", "开发区", "经开区", "示范区", "自贸区", "试验区", "新区", "保税区", "保税港区", "综保区",
              "产业园", "科技园", "工业园", "创业园", "软件园", "园区", "片区", "工业区", "港区", "科技城", "产业基地")


def _well_formed(h: str, s: int, e: int, label: str) -> bool:
    name = h[s:e]
    if not _keep_model(h, s, e, label) or name[0] in _BAD_FIRST or not name[-1].strip():
        return False
    if label == "ORG":
        _, _, types = _descriptions()
        return any(name.endswith(t) and len(name) - len(t) >= 2 for t in types)
    if label == "ZONE":
        return any(name.endswith(z) and len(name) - len(z) >= 2 for z in _ZONE_ENDS)
    return 2 <= len(name) <= 4 or "·" in name


def _keep_model(h: str, s: int, e: int, label: str) -> bool:
    name = h[s:e]
    if e - s < 2 or "\n" in name:
        return False
    if label == "ORG":
        return not (is_description(name) or orgs.is_generic(name) or orgs.is_descriptive(name) or orgs.is_place(name) or orgs.is_zone(name))
    if label == "PERSON":
        return people.plausible_name(name)
    return True


def merge(text: str, h: str, found: Sequence[Mention], spans: Sequence[tuple[int, int, str]],
          mode: str) -> list[Mention]:
    """The mentions of ``found`` (all labels) with the model's ``spans`` joined as ``mode`` says."""
    if mode == "rules":
        return list(found)
    others = [m for m in found if m.label not in NAME_LABELS]
    names = [m for m in found if m.label in NAME_LABELS]
    model = [Mention(lab, s, e, text[s:e], SOURCE, norm=h[s:e]) for s, e, lab in spans]
    if mode == "union":
        return list(found) + _not_overlapping(model, names)
    if mode == "model":
        keep = [m for m in names if m.label == "ZONE" or m.source == "byline"]
        add = [m for m in model if m.label != "ZONE"] + _not_overlapping([m for m in model if m.label == "ZONE"], keep)
        return others + keep + add
    if mode == "add":
        good = [m for m in model if _well_formed(h, m.start, m.end, m.label)]
        return list(found) + _not_overlapping_any(good, names)
    if mode != "partner":
        raise ValueError(f"unknown name-model mode {mode!r}; one of {MODES}")
    model = [m for m in model if _keep_model(h, m.start, m.end, m.label)]
    confirmed = {(m.start, m.end, m.label) for m in model}
    keep = [m for m in names if m.source in PRECISE or (m.start, m.end, m.label) in confirmed
            or m.label == "ZONE"]
    keep_keys = {(m.start, m.end, m.label) for m in keep}
    add = _not_overlapping([m for m in model if (m.start, m.end, m.label) not in keep_keys], keep)
    out = keep + add
    out += _propagate(text, h, out, add)
    return others + out


def _not_overlapping(new: Sequence[Mention], old: Sequence[Mention]) -> list[Mention]:
    taken: dict[str, list[tuple[int, int]]] = {}
    for m in old:
        taken.setdefault(m.label, []).append((m.start, m.end))
    out = []
    for m in new:
        same = taken.setdefault(m.label, [])
        if not _overlaps(m.start, m.end, same):
            same.append((m.start, m.end))
            out.append(m)
    return out


def _not_overlapping_any(new: Sequence[Mention], old: Sequence[Mention]) -> list[Mention]:
    taken = [(m.start, m.end) for m in old]
    out = []
    for m in new:
        if not _overlaps(m.start, m.end, taken):
            taken.append((m.start, m.end))
            out.append(m)
    return out


def _propagate(text: str, h: str, have: Sequence[Mention], found: Sequence[Mention]) -> list[Mention]:
    """A name the model found is the same name at its other occurrences (one name,
    one label an article), where no mention of any name label stands."""
    taken = [(m.start, m.end) for m in have]
    out = []
    for name, label in sorted({(m.norm, m.label) for m in found}, key=lambda x: -len(x[0] or "")):
        if not name or len(name) < 2:
            continue
        i = h.find(name)
        while i >= 0:
            e = i + len(name)
            if not _overlaps(i, e, taken):
                out.append(Mention(label, i, e, text[i:e], SOURCE + "_propagated", norm=name))
                taken.append((i, e))
            i = h.find(name, i + 1)
    return out
