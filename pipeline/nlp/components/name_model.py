"""Stage: the trained name model's ZONE, ORG and PERSON spans joined with the rules'
(pipeline.ner.model, pipeline.ner.merge).  Runs after the zone and organisation
stages, before bylines and linking, so linking sees the merged names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from pipeline.nlp.extensions import mentions, text_of

# the best of the model modes on train k-fold (pipeline/ner/model/README.md); the stage is
# not in pipeline.nlp.STAGES: the rules alone score higher held out
DEFAULT_MODE = "add"


def name_spans(spans: list) -> list:
    """The model's ZONE, ORG and PERSON spans; other labels it was trained with (LOC:
    places, learnt so that it sees where a place ends and a name begins) are dropped."""
    from pipeline.ner.chardoc import LABELS

    return [x for x in spans if x[2] in LABELS]


class NameModelStage:
    def __init__(self, mode: str, path: str | None) -> None:
        from pipeline.ner.merge import MODES

        if mode not in MODES:
            raise ValueError(f"hz_name_model mode {mode!r}: one of {MODES}")
        self.mode = mode
        self.model = None
        if mode != "rules":
            from pipeline.ner.model import NameModel, default_model

            self.model = NameModel(path) if path else default_model()
        self._ahead: dict[str, list] = {}

    def tag_ahead(self, texts: list[str]) -> None:
        """Run the model over a whole chunk at once (fuller batches)."""
        if self.model is not None:
            self._ahead = dict(zip(texts, map(name_spans, self.model.spans_many(texts))))

    def __call__(self, doc: Doc) -> Doc:
        if self.model is None:
            return doc
        from pipeline.ner.merge import merge
        from pipeline.textnorm import to_halfwidth

        text = text_of(doc)
        spans = self._ahead.pop(text, None)
        if spans is None:
            spans = name_spans(self.model.spans(text))
        doc._.mentions = merge(text, to_halfwidth(text), mentions(doc), spans, self.mode)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self.tag_ahead([text_of(d) for d in batch])
            yield from map(self, batch)


@Language.factory("hz_name_model", default_config={"mode": DEFAULT_MODE, "path": None})
def make_name_model_stage(nlp: Language, name: str, mode: str, path: str | None) -> NameModelStage:
    return NameModelStage(mode, path)
