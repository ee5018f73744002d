"""The Chinese tokenizer: spaCy's zh language, words from LAC (default) or pkuseg.

Only the facts stage reads tokens, in the clauses of a number's own sentence, and both
tokenizers first find the numbers (they need no tokens) and the sentences, and keep
them on the Doc for the stages that would otherwise search again.

- ``lac`` (default): LAC, the tagger the organisation and people stage needs anyway,
  segments every sentence; its words become the tokens and its tags are kept on the
  Doc (``user_data["hz_lac"]``) for that stage, so segmenting costs nothing extra.
  Batched through ``tag_ahead`` like the stage it feeds.
- ``pkuseg``: spacy-pkuseg on the sentences that hold a number (a quarter of news
  text), single characters elsewhere; LAC then runs in the organisation stage.  The
  model is the copy `make setup` took from the pkuseg source distribution
  (scripts/fetch_pkuseg_model.py), since spacy-pkuseg would fetch it from a hub.

Both were measured on seed, dev and sample gold with the same entity, number and fact
figures; LAC's words cost no time and pkuseg's are most of the tokenizer's time.
Choose with ``load_pipeline(segmenter=...)`` or the HITECH_SEGMENTER variable.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy import util
from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.nlp.sentences import sentence_spans
from pipeline.numbers import find_quantities
from pipeline.numbers.finder import prepare as prepare_numbers
from pipeline.segmenter import SEGMENTERS, default_segmenter
from pipeline.textnorm import to_halfwidth

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = ROOT / "models" / "pkuseg-default"
_SPACE = re.compile(r"\s+")


def pkuseg_model_dir() -> Path:
    path = Path(os.environ.get("HITECH_PKUSEG_MODEL", DEFAULT_MODEL))
    if not (path / "weights.npz").exists():
        raise FileNotFoundError(
            f"pkuseg model not found in {path}: run `make setup` "
            "(or set HITECH_PKUSEG_MODEL to a folder with features.pkl and weights.npz)")
    return path


class LastingWords:
    """Which words stay in the vocabulary past a chunk's memory zone.

    The batch runner frees each chunk's new words with the chunk (pipeline.run), so
    memory stays flat; but making a word's lexeme again in every chunk was most of
    the cost of building Docs.  The first `keep` distinct words are made outside
    the zone instead, and stay; words past that are freed with their chunk."""

    def __init__(self, keep: int = 100_000) -> None:
        self.keep = keep
        self.kept = 0
        self._new: set[str] = set()
        # Words known to last (made here, or in the vocabulary outside any zone): a set
        # lookup, where asking the StringStore hashes the word again (2 us a word)
        self._lasting: set[str] = set()

    def note(self, words: Iterable[str]) -> None:
        if self.kept < self.keep:
            self._new.update(words)

    def promote(self, vocab: Vocab) -> None:
        """Make lasting lexemes for the words noted; call outside any memory zone."""
        new = self._new - self._lasting
        self._new = set()
        self._lasting |= new
        strings = vocab.strings
        for w in new:
            if self.kept >= self.keep:
                break
            if w not in strings:
                vocab[w]  # made outside a memory zone, the lexeme stays
                self.kept += 1


class _Tokenizer:
    """What both segmenters share: the numbers and sentences, found once, on the Doc."""

    segmenter = ""
    notes_words = True  # each Doc's words are noted for `lasting` (else: see LacTokenizer)

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.lasting = LastingWords()
        prepare_numbers()  # at load, not on the first text

    def __call__(self, text: str) -> Doc:
        found = find_quantities(text)
        sentences = sentence_spans(text)
        words, spaces, starts, extra = self._tokens(text, found, sentences)
        if self.notes_words:
            self.lasting.note(words)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data.update(extra)
        doc.user_data["hz_token_starts"] = starts
        doc.user_data["hz_quantities"] = found
        doc.user_data["hz_sentences"] = sentences
        doc.user_data["hz_text"] = text
        return doc

    def _tokens(self, text: str, found: list, sentences: list[tuple[int, int]]) -> tuple[list[str], list[bool], list[int], dict[str, Any]]:
        """Words, spaces and each token's offset for the Doc, and what else it keeps."""
        words, extra = self._segment(text, found, sentences)
        return (*tokens_from_spans(word_spans(words, text), text), extra)

    def _segment(self, text: str, found: list, sentences: list[tuple[int, int]]) -> tuple[list[str], dict[str, Any]]:
        raise NotImplementedError

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # spaCy calls these when a pipeline is saved or loaded; the models stay where they are
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs):
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs):
        return self


def word_spans(words: list[str], text: str) -> list[tuple[int, int]]:
    """Where each word (whitespace words dropped) stands in ``text``, found left to right
    as spacy.util.get_words_and_spaces finds them, but in linear time: spaCy's searches
    a fresh copy of the rest of the text for each word (quadratic in a long article)."""
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(f"the words do not spell the text: {text[:80]!r}")
    spans: list[tuple[int, int]] = []
    pos = 0
    for word in words:
        if word.isspace():
            continue
        start = text.index(word, pos)
        pos = start + len(word)
        spans.append((start, pos))
        if pos < len(text) and text[pos] == " ":
            pos += 1  # the word's trailing space (tokens_from_spans)
    return spans


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """spacy.util.get_words_and_spaces, the same result, in linear time."""
    tokens, spaces, _ = tokens_from_spans(word_spans(words, text), text)
    return tokens, spaces


def tokens_from_spans(spans: list[tuple[int, int]], text: str) -> tuple[list[str], list[bool], list[int]]:
    """The Doc's words, spaces and token offsets for words at these offsets (in order):
    whitespace between words becomes a token of its own, except one space right after
    a word, which is that word's trailing space."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []
    pos = 0
    n = len(text)
    for s, e in spans:
        if s > pos:
            words.append(text[pos:s])
            spaces.append(False)
            starts.append(pos)
        words.append(text[s:e])
        starts.append(s)
        pos = e
        if pos < n and text[pos] == " ":
            spaces.append(True)
            pos += 1
        else:
            spaces.append(False)
    if pos < n:
        words.append(text[pos:])
        spaces.append(False)
        starts.append(pos)
    return words, spaces, starts


class LacTokenizer(_Tokenizer):
    """LAC's words everywhere, cut at sentence starts; LAC's tags kept on the Doc."""

    segmenter = "lac"
    notes_words = False  # tag_ahead notes LAC's words, before the chunk's memory zone opens

    def __init__(self, vocab: Vocab, tagger=None) -> None:  # tagger: pipeline.ner.LacTagger
        super().__init__(vocab)
        if tagger is None:
            from pipeline.ner import default_tagger  # loads onnxruntime: only when used

            tagger = default_tagger()
        self.tagger = tagger
        self._ahead: dict[str, list] = {}

    def tag_ahead(self, texts: list[str]) -> None:
        """Tag these texts in shared batches (fuller ONNX runs); the next Docs with these
        texts use them.  Tags do not depend on the batch (pipeline.ner.lac).  Their
        words are noted for `lasting` now, before the chunk's memory zone opens."""
        self._ahead = dict(zip(texts, self.tagger.tag_many([to_halfwidth(t) for t in texts])))
        self.lasting.note(text[s:e] for text, tags in self._ahead.items() for s, e, _ in tags)

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        for batch in util.minibatch(texts, size=batch_size):
            self.tag_ahead(batch)
            yield from map(self, batch)

    def _tokens(self, text, found, sentences):
        tags = self._ahead.pop(text, None)
        if tags is None:
            tags = self.tagger.tag(to_halfwidth(text))
        cuts = {s for s, _, _ in tags}
        cuts.update(e for _, e, _ in tags)
        cuts.update(s for s, _ in sentences)
        # Between two consecutive cuts, the text is all space or all words
        for m in _SPACE.finditer(text):
            cuts.update(m.span())
        cuts.add(0)
        cuts.add(len(text))
        bounds = sorted(cuts)
        spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if not text[a].isspace()]
        words, spaces, starts = tokens_from_spans(spans, text)
        return words, spaces, starts, {"hz_lac": tags}


class PkusegTokenizer(_Tokenizer):
    """pkuseg on the sentences that hold a MONEY/PERCENT/COUNT, characters elsewhere."""

    segmenter = "pkuseg"

    def __init__(self, base) -> None:  # base: spacy.lang.zh.ChineseTokenizer, initialised
        super().__init__(base.vocab)
        self.base = base

    def _segment(self, text, found, sentences):
        starts = sorted(q.start for q in found)
        words: list[str] = []
        pos, k = 0, 0
        for s, e in sentences:
            words.extend(ch for ch in text[pos:s] if not ch.isspace())
            while k < len(starts) and starts[k] < s:
                k += 1
            if k < len(starts) and starts[k] < e:
                words.extend(w for w in self.base.pkuseg_seg.cut(text[s:e]) if w)
            else:
                words.extend(ch for ch in text[s:e] if not ch.isspace())
            pos = e
        words.extend(ch for ch in text[pos:] if not ch.isspace())
        return words, {}

    def to_bytes(self, **kwargs) -> bytes:
        return self.base.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs):
        self.base.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs) -> None:
        self.base.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.base.from_disk(path, **kwargs)
        return self


def blank_zh(model_dir: Path | None = None, segmenter: str | None = None) -> Language:
    """spaCy's zh language with our tokenizer; ``segmenter`` is "lac" or "pkuseg"
    (default: HITECH_SEGMENTER, else "lac")."""
    segmenter = segmenter or default_segmenter()
    if segmenter not in SEGMENTERS:
        raise ValueError(f"segmenter {segmenter!r}: choose one of {', '.join(SEGMENTERS)}")
    if segmenter == "lac":
        nlp = spacy.blank("zh")  # spaCy's "char" segmenter, replaced right away
        nlp.tokenizer = LacTokenizer(nlp.vocab)
    else:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
        # spacy-pkuseg prints a notice when it falls back from msgpack to pickle features
        with contextlib.redirect_stderr(io.StringIO()):
            nlp.tokenizer.initialize(pkuseg_model=str(model_dir or pkuseg_model_dir()), pkuseg_user_dict="default")
        nlp.tokenizer = PkusegTokenizer(nlp.tokenizer)
    # A new word's lexeme computes every flag spaCy knows (23 Python calls, 15 of the
    # 19 us it costs); the stages read only these.
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {a: getters[a] for a in (IS_PUNCT, IS_SPACE)}
    return nlp
