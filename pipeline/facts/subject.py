"""Who or what a number is about: the ZONE or ORG that is the subject of its clause.

The subject of a clause is the named zone or organisation standing at its start
(after a time word such as 今年 or 目前); an anaphor there (公司, 该企业, 园区 ...)
stands for the last named entity of its kind.  A clause without one takes the
subject of an earlier clause of the sentence, then the topic carried over from
earlier sentences of the paragraph (and, in the lead paragraph, the headline's).
Headings and titles only use their own words.  Where nothing
qualifies the subject stays null rather than guessed.

Those rules are one voice: with rules/subject_ranker.json present, `resolve` lets the
learned ranker of pipeline.facts.subject_rank choose among all the article's zones and
organisations and null, the rules' answer being one of its features.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.facts.respective import respective_subject
from pipeline.facts.subject_names import SOURCE as NAMED_HERE
from pipeline.facts.subject_names import subject_mentions
from pipeline.facts.textindex import text_index
# the ranker's patterns the rules read too: an organisation that reports numbers (审计署通报,
# 协会统计显示, 据X介绍) is their source, not what they are about; 之一; lists ending in 等
from pipeline.facts.subject_rank import _AUTHORITY_ENDS, _EXAMPLE, _ONE_OF, _REPORTS
from pipeline.facts.subject_rank import ArticleFeatures, choose, load_weights, surface_form
from pipeline.mentions import Mention
from pipeline.ner.lexicon import generic_orgs
from pipeline.regexguard import match_chars

SUBJECT_LABELS = ("ZONE", "ORG")
MAX_SENTENCE_CLAUSES = 32
CLAUSE_DELIMS = "，,；;：:。！？!?\n"

# What may stand between a clause start and its subject: time words, discourse
# markers and reporting verbs that leave the subject where it is.
_FILLER = re.compile(
    r"^(?:\s|本报讯|日前|近日|目前|当前|此外|同时|另外|其中|其次|随后|今年|去年|近年来|近几年|多年来|"
    r"截至|截止|目前为止|\d{4}年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?|"
    r"上半年|下半年|前不久|据|由|而|但|并|且|还|也|则|在此期间|此次|本次|原|“|”|\(|\)|（|）|"
    # 持股50.85%的子公司海尔电器: the subsidiary named at the head of the clause
    r"(?:持股[\d.]+%的)?(?:下属|旗下|全资|控股)?子公司)*$")
_FILLER_RUN = match_chars(_FILLER)
# words the NER may take for an organisation that name none (项目 spread over an article by
# propagation): no subject (ANNOTATION: references without a name are not entities)
_NOT_NAMES = generic_orgs() | {"项目", "该项目", "本项目"}
# a ranking the NER takes for an organisation (世界500强企业入驻新区的数量…) names none
_RANKING = re.compile(r"\d+强")


def _names_none(m: Mention) -> bool:
    return m.label == "ORG" and (m.text in _NOT_NAMES or bool(_RANKING.search(m.text)))


_ORG_ANAPHORA = ("该公司", "该企业", "该集团", "公司", "集团", "该行", "该院", "该校")
_ZONE_ANAPHORA = ("该高新区", "高新区", "园区", "该园区", "开发区", "该区", "全区", "新区", "示范区", "本区",
                  "区内", "园区内", "区里")
# "A's subsidiary B" at the head of a clause: B is what the clause is about.
_SUBSIDIARY = re.compile(r"^(?=.)(?:的|之)?(?:下属|旗下|所属|全资|控股)?(?:子公司|分公司|企业|公司|业务平台|海外业务平台|平台|单位)?$")
# "A和B合资组建的C": C, the company founded, is what the clause is about
_FOUNDED = re.compile(r"^(?:合资|共同|联合|出资|投资)?(?:组建|成立|设立|创办|创建)的$")
_PARTNER = re.compile(r"^[和与及、]$")
# the organisation right before the number owns it (中国石化13家，中海油1家; 国开行50%(3200多万欧元)
# 的贷款; 精密技术集团(PTG)下属6家子公司), also past a number it restates in brackets
_OWNER_GAP = re.compile(r"^(?:[(（][^()（）]{1,12}[)）])?(?:的?(?:下属|旗下|所属)的?)?"
                        r"(?:[\d.]+[%万亿千百元美欧港日英镑]*[(（])?$")
_SCOPE = re.compile(r"(?:全国|全省|全市|全球|全世界|全行业)(?:共有|共|有)?$")
# A clause whose subject is a named thing of another kind (此次论坛, 本届展会, 这些企业)
# is not about the zone or company talked of before: no carry-over.
_OTHER_SUBJECT = re.compile(r"^(?:此次|本次|本届|这次|这些|那些|该|这|上述)")
# 该项目 / 项目 / 一期项目 heading a clause: the project named before, and so its owner
_PROJECT_ANAPHOR = re.compile(r"(?:该|此|这个|这一|上述)?(?:一期)?项目")
_ANAPHOR_RE = re.compile(
    "(" + "|".join(sorted(_ORG_ANAPHORA + _ZONE_ANAPHORA, key=len, reverse=True)) + ")")
# 该研究院, 这家专注工业互联网平台的公司: a demonstrative and the kind of organisation
# named before (with a short description between) stand for it
_ORG_KINDS = ("公司", "企业", "集团", "研究院", "研究所", "银行", "大学", "学院", "基金", "协会")
_KIND_ANAPHOR = re.compile(r"(?:该|这家|这个|这所|此)(?:[^，,。；;：:“”]{0,16}?的)?(" + "|".join(_ORG_KINDS) + ")")


@dataclass(frozen=True, slots=True)
class Subject:
    text: str
    label: str
    entity_id: str | None = None  # the entities table's entity_id of the subject
    zone_id: str | None = None    # the rules/zones.jsonl id when the subject is a listed zone


class SubjectResolver:
    """Built once per article; `resolve(q_start, sentence, block)` per number."""

    def __init__(self, text: str, mentions: Sequence[Mention], *, running: Sequence[tuple[int, int]],
                 title: tuple[int, int] | None = None, ranker: bool = True) -> None:
        self.text = text
        self.cands = _outermost([m for m in subject_mentions(text, mentions) if m.label in SUBJECT_LABELS
                                 and not _names_none(m)])
        self._starts = [m.start for m in self.cands]
        self.places = [m for m in mentions if m.label == "GPE"]
        self.running = running  # (start, end) of blocks in which topics carry over
        self.title = title
        self._ids = _subject_ids([*mentions, *self.cands])
        self._weights = load_weights() if ranker else None
        self._features: ArticleFeatures | None = None
        self._readings: dict[tuple, tuple[bool, Subject | None]] = {}  # the rules and votes both ask
        self._topics: dict[tuple, Subject | None] = {}  # _topic_before by (position, block)
        self._pairs: dict[int, list[Mention] | None] = {}  # a 分别's listed names, by its position

    def resolve(self, pos: int, sentence: tuple[int, int], block: tuple[int, int],
                end: int | None = None) -> Subject | None:
        """The subject of the number at `pos` (ending at `end`), with its ids."""
        paired = self.paired(pos, sentence, block)
        if paired is not None:
            return self._with_ids(paired)
        rule = self.resolve_rules(pos, sentence, block)
        if self._weights is not None and not self._whole_field(pos, sentence, block):
            if self._features is None:
                self._features = ArticleFeatures(self.text, self.cands, running=self.running, title=self.title,
                                                 places=self.places)
            cands, rows = self._features.rows(pos, pos if end is None else end, sentence, block,
                                              *self.votes(pos, sentence, block, rule))
            best = cands[choose(rows, self._weights[0])]
            if best.key is None:
                return None
            entity_id, zone_id = self._ids.get(best.key, (None, None))
            form = surface_form(best, pos, max(sentence[0], block[0]))
            return Subject(form or best.key[1], best.key[0], entity_id, zone_id)
        return self._with_ids(rule) if rule is not None else None

    def _with_ids(self, s: Subject) -> Subject:
        entity_id, zone_id = self._ids.get((s.label, s.text), (None, None))
        return Subject(s.text, s.label, entity_id, zone_id)

    def paired(self, pos: int, sentence: tuple[int, int], block: tuple[int, int]) -> Subject | None:
        """The name a 分别 list pairs with the number (pipeline.facts.respective): it decides
        before the rules and the ranker."""
        m = respective_subject(self.text, pos, (max(sentence[0], block[0]), min(sentence[1], block[1])),
                               self.cands, self._starts, self._pairs)
        return _subject(m) if m is not None else None

    def votes(self, pos: int, sentence: tuple[int, int], block: tuple[int, int], rule: Subject | None) -> tuple:
        """What the rules say, as the ranker's features take it: their answer, their reading
        of the number's sentence alone and of its own clause alone."""
        def key(s: Subject | None) -> tuple[str, str] | None:
            return (s.label, s.text) if s else None
        decided, subj = self.sentence_reading(pos, sentence, block)
        return key(rule), (decided, key(subj)), key(self.own_clause(pos, sentence, block))

    def resolve_rules(self, pos: int, sentence: tuple[int, int], block: tuple[int, int]) -> Subject | None:
        """The rules' answer alone (no ids)."""
        decided, subj = self.sentence_reading(pos, sentence, block)
        if decided:
            return subj
        s_start = max(sentence[0], block[0])
        if block not in self.running:
            return None
        topic = self._topic_before(s_start, block)
        if topic is None and self.title is not None and self.running:
            # the lead paragraph continues its headline (重庆轻纺集团收购… / 历时8个月，签订了
            # 21个主协议); a headline about a zone frames the whole report.  Measured: letting
            # every paragraph fall back to a company in the headline hurt the dev set.
            headline = self._clause_subject(self.title[0], self.title[1])
            if headline is not None and (block == self.running[0] or headline.label == "ZONE"):
                topic = headline
        return topic

    def sentence_reading(self, pos: int, sentence: tuple[int, int],
                         block: tuple[int, int]) -> tuple[bool, Subject | None]:
        """(True, subject) when the number's own sentence settles it: a name or anaphor at
        the head of its clause or an earlier one, the owner right before it, or a clause
        about something else (此次论坛, 全国169家): null."""
        key = (pos, sentence, block)
        if key not in self._readings:
            self._readings[key] = self._sentence_reading(pos, sentence, block)
        return self._readings[key]

    def _sentence_reading(self, pos: int, sentence: tuple[int, int],
                          block: tuple[int, int]) -> tuple[bool, Subject | None]:
        s_start = max(sentence[0], block[0])
        # the number's clause and at most MAX_SENTENCE_CLAUSES - 1 before it: a sentence of
        # thousands of clauses (N x 5亿元，) is read in bounded time per number; news
        # sentences have far fewer (corpus, dev, seed, train: tables unchanged)
        clauses = text_index(self.text).clause_starts(s_start, pos, last=MAX_SENTENCE_CLAUSES)
        if self._whole_field(pos, sentence, block):
            return True, None
        owner = self._owner_before(clauses[-1], pos)
        if owner is not None:
            return True, owner
        # the clause holding the number, then earlier clauses of the same sentence.  Past a
        # semicolon only a zone carries over: the items of a list of companies each have
        # their own (中国石化13家，中海油1家；…的炼厂2家), a zone's figures run on (…增长41%；新设外资企业52家)
        crossed = False
        for c_start in reversed(clauses):
            subj = self._clause_subject(c_start, pos)
            if subj:
                return True, (subj if not crossed or subj.label == "ZONE" else None)
            crossed = crossed or (c_start > s_start and self.text[c_start - 1] in "；;")
        if any(self._other_subject(c, pos) for c in clauses):
            return True, None  # 此次论坛发布需求92项,采购需求90项: the forum's, not the zone's
        return False, None

    def own_clause(self, pos: int, sentence: tuple[int, int], block: tuple[int, int]) -> Subject | None:
        """The subject the rules read in the number's own clause (a name or anaphor at its
        head, the owner right before the number)."""
        c_start = text_index(self.text).last_clause_start(max(sentence[0], block[0]), pos)
        return self._owner_before(c_start, pos) or self._clause_subject(c_start, pos)

    def _whole_field(self, pos: int, sentence: tuple[int, int], block: tuple[int, int]) -> bool:
        """在全国169家国家高新区中排名, 是60家企业集团之一: the number counts the whole field
        (no subject, whatever the ranker would say)."""
        c_start = text_index(self.text).last_clause_start(max(sentence[0], block[0]), pos)
        return bool(_SCOPE.search(self.text, max(c_start, pos - 6), pos) or _ONE_OF.match(self.text, pos))

    def _clause_subject(self, c_start: int, limit: int) -> Subject | None:
        i = bisect_right(self._starts, c_start - 1)
        for j, m in enumerate(self.cands[i:], start=i):
            if m.start >= limit:
                break
            if _FILLER.match(self.text[c_start:m.start]):
                if _EXAMPLE.match(self.text, m.end):
                    break  # 昇印光电等28家企业: an example of what is counted, not who counts
                nxt = self.cands[j + 1] if j + 1 < len(self.cands) else None
                if nxt is not None and nxt.start < limit and _SUBSIDIARY.match(self.text[m.end:nxt.start]):
                    m = nxt  # 中钢集团海外业务平台中钢国际违规…: the unit named second acts
                m = self._founded(j, m, limit)
                if "subject_of" in m.attrs:  # a zone's administration speaks for its zone
                    return Subject(m.attrs["subject_of"], m.attrs["subject_label"])
                if not (_REPORTS.match(self.text, m.end) and _is_authority(m)):
                    return _subject(m)
            break
        head = self.text[c_start:limit]
        stripped = _strip_filler(head)
        am = _ANAPHOR_RE.match(stripped)
        if am:
            label = "ORG" if am.group(1) in _ORG_ANAPHORA else "ZONE"
            return self._last_named(label, c_start)
        if stripped.startswith(("后者", "前者")):
            # 由中国石化与连云港港口集团合资…，中国石化占70%股份，后者占30%: the second of a pair
            named = self.cands[:bisect_right(self._starts, c_start - 1)]
            for k in range(len(named) - 1, 0, -1):
                if _PARTNER.match(self.text[named[k - 1].end:named[k].start]):
                    return _subject(named[k] if stripped.startswith("后者") else named[k - 1])
            return None
        km = _KIND_ANAPHOR.match(stripped)
        if km:
            return self._last_named("ORG", c_start, kind=km.group(1))
        if _PROJECT_ANAPHOR.match(stripped):
            return self._project_owner(c_start)
        return None

    def _project_owner(self, c_start: int) -> Subject | None:
        """该项目 after 甲公司年产…项目 in the paragraph: the company whose project it is (the
        organisation last named, with 项目 in the rest of its clause; not an authority:
        市政府引进的…项目)."""
        para = self.text.rfind("\n", 0, c_start) + 1
        j = bisect_right(self._starts, c_start - 1) - 1
        while j >= 0 and self.cands[j].end > c_start:
            j -= 1
        if j < 0 or self.cands[j].start < para or self.cands[j].label != "ORG" or _is_authority(self.cands[j]):
            return None
        m = self.cands[j]
        return _subject(m) if "项目" in self.text[m.end : _clause_end(self.text, m.end, c_start)] else None

    def _owner_before(self, c_start: int, pos: int) -> Subject | None:
        i = bisect_right(self._starts, pos - 1)
        if i == 0:
            return None
        m = self.cands[i - 1]
        if i >= 2 and self.text[self.cands[i - 2].end:m.start] in ("(", "（"):
            m = self.cands[i - 2]  # 精密技术集团(PTG)下属6家: the name, not its abbreviation
        if m.start < c_start or m.end > pos or "subject_of" in m.attrs:
            return None
        return _subject(m) if _OWNER_GAP.match(self.text[m.end:pos]) else None

    def _founded(self, j: int, m: Mention, limit: int) -> Mention:
        """华北钢铁集团和津港物流集团合资组建的天津华钢物流有限公司: the last one."""
        end = m.end
        for nxt in self.cands[j + 1:]:
            if nxt.start >= limit:
                break
            gap = self.text[end:nxt.start]
            if _FOUNDED.match(gap):
                return nxt
            if not _PARTNER.match(gap):
                break
            end = nxt.end
        return m

    def _other_subject(self, c_start: int, limit: int) -> bool:
        # 此次 and 本次 are fillers before a name (此次海尔获得…) but here they are the
        # point: strip only what comes before them
        head = _strip_filler(self.text[c_start:limit], keep=_OTHER_SUBJECT)
        return (bool(_OTHER_SUBJECT.match(head)) and not _ANAPHOR_RE.match(head, 1 if head[:1] in "该这" else 0)
                and not _KIND_ANAPHOR.match(head))

    def _last_named(self, label: str, before: int, kind: str | None = None) -> Subject | None:
        """The last named entity of `label` before `before`; with `kind` (研究院), the
        last whose name holds that word, or any organisation for 公司 and 企业."""
        for m in reversed(self.cands[:bisect_right(self._starts, before - 1)]):
            if m.label == label and (kind in (None, "公司", "企业") or kind in m.text):
                return _subject(m)
        return None

    def _topic_before(self, pos: int, block: tuple[int, int]) -> Subject | None:
        """The subject of the last earlier clause of the paragraph that had one.

        Topics do not cross paragraphs: measured on the dev gold, carrying them across
        the article assigned numbers about markets, places and events to whichever
        company was named last."""
        # Cached by position: the numbers of a sentence ask from its start alike, and a walk
        # back that reaches a position asked before takes its answer (the clauses before it
        # are the same, and the empty clause at it has no subject), so a paragraph of many
        # sentences is read once, not once per sentence.
        key = (pos, block)
        if key in self._topics:
            return self._topics[key]
        found = None
        for c_start in text_index(self.text).clause_starts_back(block[0], pos):
            end = _clause_end(self.text, c_start, pos)
            subj = self._clause_subject(c_start, end)
            if subj:
                found = subj
                break
            if c_start < pos and (c_start, block) in self._topics:
                found = self._topics[(c_start, block)]
                break
        self._topics[key] = found
        return found


def _subject_ids(mentions: Sequence[Mention]) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(label, subject text) -> (entity_id, listed zone id), from the linked mentions: the
    entity_id is the entities table's (pipeline.rows), the zone id only for a zone of
    rules/zones.jsonl (a zone found by its suffix alone has none)."""
    from pipeline.zones.rules import load_zone_rules

    listed = load_zone_rules().zones
    ids: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for m in mentions:
        if m.label not in SUBJECT_LABELS:
            continue
        key = (m.label, m.attrs.get("display", m.text))
        if m.source == NAMED_HERE:  # no entity row: a company cut from its zone keeps its entity's id
            ids.setdefault(key, (m.attrs.get("entity_id"), None))
            continue
        entity_id = m.attrs.get("entity_id") or f"{m.label}:{m.attrs.get('zone_id') or m.norm or m.text}"
        zone_id = m.attrs.get("zone_id") if m.label == "ZONE" and m.attrs.get("zone_id") in listed else None
        # the most frequent id of the subject text wins over one-off ones (setdefault: the first)
        ids.setdefault(key, (entity_id, zone_id))
    return ids


def _is_authority(m: Mention) -> bool:
    """Agencies, associations and offices report on others; companies announcing
    (青岛海尔公告称) mostly speak of themselves."""
    if m.label != "ORG":
        return False
    # a ministry's department (民政部救灾司, 商务部外资司) ends in 司 as a company does
    return m.text.endswith(_AUTHORITY_ENDS) or (m.text.endswith("司") and not m.text.endswith("公司"))


def _subject(m: Mention) -> Subject:
    return Subject(m.attrs.get("display", m.text), m.label)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions nested in a longer one (衡阳高新区 inside 衡阳高新区管委会)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in ordered:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _clause_starts(text: str, start: int, end: int) -> list[int]:
    """`start` and one past each clause delimiter in [start, end)."""
    return text_index(text).clause_starts(start, end)


def _clause_end(text: str, start: int, limit: int) -> int:
    return text_index(text).clause_end(start, limit)


def _strip_filler(head: str, keep: re.Pattern[str] | None = None) -> str:
    """`head` without the longest filler prefix; with `keep`, the prefix stops where
    `keep` matches (此次论坛 keeps its 此次)."""
    # No filler prefix reaches past the first character no filler word contains
    top = _FILLER_RUN.match(head).end() if _FILLER_RUN is not None else len(head)
    for k in range(top, -1, -1):
        if _FILLER.match(head[:k]):
            if keep is not None:
                k = next((i for i in range(k) if _FILLER.match(head[:i]) and keep.match(head, i)), k)
            return head[k:]
    return head
