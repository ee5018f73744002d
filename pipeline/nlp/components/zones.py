"""Stage: development zones (ZONE) and places (GPE) from rules/zones.jsonl and suffix patterns."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.extensions import mentions, text_of
from pipeline.zones import find_zones, find_zones_and_places, prepare


class ZoneStage:
    def __init__(self, places: bool) -> None:
        prepare()  # once per process, not on the first document
        self.places = places

    def __call__(self, doc: Doc) -> Doc:
        found = mentions(doc)
        tokens = doc.user_data.get("hz_lac")  # LAC's words, when LAC segmented the text
        if self.places:
            zones, places = find_zones_and_places(text_of(doc), tokens)
            found.extend(zones + places)
        else:
            found.extend(find_zones(text_of(doc), tokens))
        return doc


@Language.factory("hz_zones", default_config={"places": True})
def make_zone_stage(nlp: Language, name: str, places: bool) -> ZoneStage:
    return ZoneStage(places)
