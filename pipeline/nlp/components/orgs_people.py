"""Stage: organisations and people, LAC's statistical NER plus suffix and title rules.

LAC is the costliest step of the pipeline, and it runs fastest over the sentences of
many articles at once (fuller ONNX batches).  `pipe`, which spaCy's nlp.pipe calls,
and `tag_ahead`, which the batch runner calls for a chunk of articles, tag a whole
batch first; each Doc then takes its tokens from that.  LAC's tags for an article do
not depend on what it is batched with (pipeline.ner.lac), so neither do the results.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from pipeline.nlp.extensions import mentions, text_of


class OrgPeopleStage:
    def __init__(self) -> None:
        from pipeline.ner import LacTagger, find_orgs_and_people  # loads onnxruntime: only when used

        self.find = find_orgs_and_people
        self.tagger = LacTagger()
        self._ahead: dict[str, list] = {}

    def tag_ahead(self, texts: list[str]) -> None:
        """Tag these texts in shared batches; the next Docs with these texts use them."""
        from pipeline.textnorm import to_halfwidth

        self._ahead = dict(zip(texts, self.tagger.tag_many([to_halfwidth(t) for t in texts])))

    def __call__(self, doc: Doc) -> Doc:
        found = mentions(doc)
        zones = [m for m in found if m.label == "ZONE"]
        text = text_of(doc)
        found.extend(self.find(text, tagger=self.tagger, zones=zones, tokens=self._ahead.pop(text, None)))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self.tag_ahead([text_of(d) for d in batch])
            yield from map(self, batch)


@Language.factory("hz_orgs_people")
def make_org_people_stage(nlp: Language, name: str) -> OrgPeopleStage:
    return OrgPeopleStage()
