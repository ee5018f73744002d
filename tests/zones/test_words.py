"""WordSet finds what a trie regex finds: leftmost, then longest, without overlaps."""

import random

from pipeline.zones.trie import trie_regex
from pipeline.zones.words import WordSet

WORDS = ["北京", "北京市", "北京市海淀区", "海淀", "海淀区", "中关村", "京", "市海", "天津滨海", "滨海新区"]


def test_longest_word_at_the_leftmost_start():
    ws = WordSet(WORDS)
    text = "北京市海淀区中关村与天津滨海新区，京津"
    assert [text[s:e] for s, e in ws.finditer(text)] == ["北京市海淀区", "中关村", "天津滨海", "京"]
    assert ws.match(text, 0) == 6 and ws.match(text, 1) == 2 and ws.match(text, 9) is None


def test_same_spans_as_the_trie_regex_on_random_text():
    rng = random.Random(7)
    alphabet = "北京市海淀区中关村天津滨新𠀀a，"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(60)}
    ws, rx = WordSet(words), trie_regex(words)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert ws.finditer(text) == [m.span() for m in rx.finditer(text)]
        for i in range(len(text) + 1):
            m = rx.match(text, i)
            assert ws.match(text, i) == (m.end() if m else None)


def test_no_words_find_nothing():
    assert WordSet([]).finditer("北京") == [] and WordSet([""]).match("北京") is None
