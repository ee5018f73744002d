"""Stage: organisations and people, LAC's statistical NER plus suffix and title rules."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.extensions import mentions, text_of


class OrgPeopleStage:
    def __init__(self) -> None:
        from pipeline.ner import LacTagger, find_orgs_and_people  # loads onnxruntime: only when used

        self.find = find_orgs_and_people
        self.tagger = LacTagger()

    def __call__(self, doc: Doc) -> Doc:
        found = mentions(doc)
        zones = [m for m in found if m.label == "ZONE"]
        found.extend(self.find(text_of(doc), tagger=self.tagger, zones=zones))
        return doc


@Language.factory("hz_orgs_people")
def make_org_people_stage(nlp: Language, name: str) -> OrgPeopleStage:
    return OrgPeopleStage()
