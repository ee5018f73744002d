"""LAC's probability of a word (pipeline/ner/lac_confidence.py): forward-backward against
every tagging of small made-up CRFs, and LAC's own scores kept from tagging."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from pipeline.ner import LacTagger
from pipeline.ner.lac import split_sentences
from pipeline.ner.lac_confidence import _Lattice, _transitions, word_probabilities, word_probability


def _brute(em: np.ndarray, tr: np.ndarray, s: int, e: int, b: int, i: int) -> float:
    """The same probability summed over every tag path."""
    n, k = em.shape
    z = hit = 0.0
    for path in itertools.product(range(k), repeat=n):
        w = np.exp(sum(em[t, path[t]] for t in range(n)) + sum(tr[path[t - 1], path[t]] for t in range(1, n)))
        z += w
        if path[s] == b and all(path[t] == i for t in range(s + 1, e)) and (e == n or path[e] != i):
            hit += w
    return hit / z


@pytest.mark.parametrize("seed", range(4))
def test_word_probability_matches_every_path_summed(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, k = 5, 3
    em, tr = rng.normal(0, 2, (n, k)), rng.normal(0, 2, (k, k))
    for s, e in [(0, 1), (0, 2), (1, 4), (2, 5), (4, 5), (0, 5)]:
        assert word_probability(em, tr, s, e, 0, 1) == pytest.approx(_brute(em, tr, s, e, 0, 1), rel=1e-9)


def test_rows_stepped_together_give_each_row_alone() -> None:
    """A short row padded beside a longer one: its end is its own, not the padding's."""
    rng = np.random.default_rng(7)
    rows = [rng.normal(0, 2, (n, 4)) for n in (9, 3, 6, 1)]
    m = _transitions(rng.normal(0, 2, (4, 4)))
    together = _Lattice(rows, m)
    for r, x in enumerate(rows):
        alone = _Lattice([x], m)
        for s in range(len(x)):
            for e in range(s + 1, len(x) + 1):
                assert together.word(r, s, e, 2, 3) == pytest.approx(alone.word(0, s, e, 2, 3), rel=1e-9)


def test_lac_is_surer_of_a_listed_company_than_of_a_cut_or_a_longer_span(tagger: LacTagger) -> None:
    h = "园区已吸引了华为、戴尔、联想等企业入驻。"
    k = h.index("华为")
    p_word, p_cut, p_long, p_verb = word_probabilities(tagger, h, [(k, k + 2), (k, k + 1), (k, k + 3), (0, 2)])
    assert p_word > 0.9
    assert p_cut < 0.05 and p_long < 0.05 and p_verb < 0.01


def test_a_span_across_pieces_has_no_probability(tagger: LacTagger) -> None:
    h = "华为发布新品。戴尔跟进。"
    (p,) = word_probabilities(tagger, h, [(5, 9)])
    assert p != p  # NaN


def test_kept_scores_are_the_scores_computed_again(tagger: LacTagger) -> None:
    """piece_emissions takes the scores of the last tag_many's sentences holding an ORG or PER word;
    computed alone, a piece's scores are the same (a sentence's tags depend on it alone)."""
    texts = ["园区已吸引了华为、戴尔、联想等企业入驻。今天天气很好。", "该公司总部位于杭州。"]
    tagger.tag_many(texts)
    h = texts[0]
    pieces = split_sentences(h)
    kept = tagger.piece_emissions(h, pieces)
    assert h[pieces[0][0]:pieces[0][1]] in tagger._emissions  # the piece with ORG words
    assert h[pieces[1][0]:pieces[1][1]] not in tagger._emissions  # none in this one
    tagger._emissions = {}
    again = tagger.piece_emissions(h, pieces)
    for a, b in zip(kept, again):
        assert np.allclose(a, b, atol=1e-4)


def test_a_window_around_the_word_gives_the_whole_sentences_probability(tagger: LacTagger, monkeypatch) -> None:
    import pipeline.ner.lac_confidence as lc

    h = "据介绍,园区今年已吸引了华为、戴尔、联想、英特尔、富士康等一批龙头企业入驻,带动了上下游配套企业集聚。"
    spans = [(h.index(w), h.index(w) + len(w)) for w in ("华为", "联想", "富士康", "园区")]
    windowed = word_probabilities(tagger, h, spans)
    monkeypatch.setattr(lc, "WINDOW", 10_000)
    whole = word_probabilities(tagger, h, spans)
    assert windowed == pytest.approx(whole, abs=1e-8)
