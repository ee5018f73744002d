"""Stage: organisations and people, LAC's statistical NER plus suffix and title rules.

LAC is the costliest step of the pipeline.  With the LAC tokenizer (the default) it
has already run, batched over many articles, and its tags are on the Doc.  Otherwise
this stage runs it: `pipe`, which spaCy's nlp.pipe calls, and `tag_ahead`, which the
batch runner calls for a chunk of articles, tag a whole batch first (fuller ONNX
batches); each Doc then takes its tags from that.  LAC's tags for an article do not
depend on what it is batched with (pipeline.ner.lac), so neither do the results.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from pipeline.nlp.extensions import mentions, text_of


class OrgPeopleStage:
    def __init__(self, tagger=None, *, tokenizer_tags: bool = False) -> None:
        from pipeline.ner import default_tagger, find_orgs_and_people  # loads onnxruntime: only when used

        self.find = find_orgs_and_people
        self.tagger = tagger or default_tagger()
        # True when the tokenizer leaves LAC's tags on every Doc: nothing to tag here
        self.tokenizer_tags = tokenizer_tags
        self._ahead: dict[str, list] = {}

    def tag_ahead(self, texts: list[str]) -> None:
        """Tag these texts in shared batches; the next Docs with these texts use them."""
        if self.tokenizer_tags:
            return
        from pipeline.textnorm import to_halfwidth

        self._ahead = dict(zip(texts, self.tagger.tag_many([to_halfwidth(t) for t in texts])))

    def __call__(self, doc: Doc) -> Doc:
        found = mentions(doc)
        zones = [m for m in found if m.label == "ZONE"]
        text = text_of(doc)
        tags = doc.user_data.get("hz_lac")
        if tags is None:
            tags = self._ahead.pop(text, None)
        found.extend(self.find(text, tagger=self.tagger, zones=zones, tokens=tags))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self.tag_ahead([text_of(d) for d in batch])
            yield from map(self, batch)


@Language.factory("hz_orgs_people")
def make_org_people_stage(nlp: Language, name: str) -> OrgPeopleStage:
    # The LAC tokenizer (pipeline.nlp.tokenizer) tags every Doc already: share its tagger
    tagger = getattr(nlp.tokenizer, "tagger", None)
    return OrgPeopleStage(tagger, tokenizer_tags=getattr(nlp.tokenizer, "segmenter", "") == "lac")
