"""Score the pipeline on gold sets turned into traditional script by OpenCC.

    python scripts/eval_traditional.py [--shared ../shared] [--sets dev seed] [--config s2t]
                                       [--no-mirror] [--simplified] [--show-errors]

The articles and their gold are converted here, at run time, into a temporary folder
(nothing of ../shared is written into the repository).  A gold string is converted
where it stands in its article's text, so it reads exactly as the converted article
writes it; measure words (unit) stay simplified, as ANNOTATION.md reads them.
`--no-mirror` scores the stages on the traditional text itself (the pipeline before
pipeline.script); `--simplified` scores the unconverted set, for comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.evaluate.gold import evaluate_file, format_report  # noqa: E402

SETS = {
    "seed": ("gold/seed_gold.json", "seeds/000_3faaaf77bf122049.txt"),
    "dev": ("dev/dev_gold.json", "dev/dev_articles.jsonl"),
}
_GOLD_STRINGS = ("subject", "metric")


class _Convert:
    """Simplified strings -> as the converted texts write them."""

    def __init__(self, config: str) -> None:
        import opencc

        self.cc = opencc.OpenCC(config)
        self.pairs: list[tuple[str, str]] = []

    def text(self, text: str) -> str:
        out = self.cc.convert(text)
        if len(out) == len(text):
            self.pairs.append((text, out))
        return out

    def string(self, s: str | None) -> str | None:
        if not s:
            return s
        for simplified, converted in self.pairs:
            at = simplified.find(s)
            if at >= 0:
                return converted[at:at + len(s)]
        return self.cc.convert(s)


def convert_set(shared: Path, name: str, config: str, folder: Path) -> tuple[Path, Path]:
    gold_rel, articles_rel = SETS[name]
    conv = _Convert(config)
    source = shared / articles_rel
    target = folder / source.name
    if source.suffix == ".jsonl":
        lines = []
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                for key in ("title", "text"):
                    if rec.get(key):
                        rec[key] = conv.text(rec[key])
                lines.append(json.dumps(rec, ensure_ascii=False))
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        target.write_text(conv.text(source.read_text(encoding="utf-8")), encoding="utf-8")
    gold = json.loads((shared / gold_rel).read_text(encoding="utf-8"))
    for g in gold:
        if "title_has" in g:
            g["title_has"] = conv.string(g["title_has"])
        for part in ("entities", "optional"):
            for label, names in g.get(part, {}).items():
                g[part][label] = [conv.string(n) for n in names]
        for fact in g.get("facts", []):
            for key in _GOLD_STRINGS:
                fact[key] = conv.string(fact.get(key))
    gold_path = folder / f"{name}_gold_{config}.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return gold_path, target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--sets", nargs="+", default=["dev"], choices=sorted(SETS))
    ap.add_argument("--config", default="s2t", help="OpenCC conversion: s2t, s2hk, s2tw, s2twp")
    ap.add_argument("--no-mirror", action="store_true", help="analyse the traditional text as it is")
    ap.add_argument("--simplified", action="store_true", help="score the sets unconverted")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()

    import pipeline.run
    from pipeline.nlp import load_pipeline

    if args.no_mirror:
        pipeline.run.mirror_article = lambda article: None
    nlp = load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            if args.simplified:
                gold, articles = (args.shared / p for p in SETS[name])
            else:
                gold, articles = convert_set(args.shared, name, args.config, Path(tmp))
            how = "simplified" if args.simplified else f"{args.config}, {'no mirror' if args.no_mirror else 'mirror'}"
            print(f"== {name} ({how})")
            print(format_report(evaluate_file(gold, articles, nlp=nlp), show_errors=args.show_errors))


if __name__ == "__main__":
    main()
