"""Train the subject ranker (pipeline/facts/subject_rank.py) and write rules/subject_ranker.json.

    .venv/bin/python scripts/train_subjects.py [--shared ../shared] [--refresh]

A conditional logit (softmax over each number's candidates, the null one included) with an
L2 penalty, fitted by gradient descent with numpy.  Trained on every matched gold fact of
../shared/train, dev, the seed page and the sample pages whose gold subject is one of the
candidates or null; held-out figures come from scripts/eval_subjects.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from subject_cases import ROOT, load_cases, match_gold  # noqa: E402

from pipeline.facts.subject import SubjectResolver  # noqa: E402
from pipeline.facts.subject_rank import FEATURES, ArticleFeatures, surface_form  # noqa: E402

L2 = 0.002
STEPS = 1500
RATE = 0.5


def examples(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One example per matched number: its candidates' features, the gold's index among
    them (None when the gold subject is no candidate), and the rules' answer."""
    out = []
    for art in cases:
        resolver = SubjectResolver(art["text"], art["mentions"], running=art["running"], title=art["title"])
        feats = ArticleFeatures(art["text"], resolver.cands, running=art["running"], title=art["title"],
                                places=resolver.places)
        for n, gold in zip(art["numbers"], match_gold(art)):
            if gold is None:
                continue
            rule = resolver.resolve_rules(n["pos"], n["sentence"], n["block"])
            votes = resolver.votes(n["pos"], n["sentence"], n["block"], rule)
            cands, rows = feats.rows(n["pos"], n["end"], n["sentence"], n["block"], *votes)
            decided, own = votes[1]
            paired = resolver.paired(n["pos"], n["sentence"], n["block"])
            want = gold.get("subject")
            y = next((i for i, c in enumerate(cands) if (c.key[1] if c.key else None) == want), None)
            if y is None and want is not None:  # the gold names a shorter or longer form of a candidate
                y = next((i for i, c in enumerate(cands) if c.key and any(m.text == want for m in c.mentions)), None)
            out.append({"article": art["article"], "set": art["set"], "X": np.array(rows), "y": y,
                        "texts": [surface_form(c, n["pos"], max(n["sentence"][0], n["block"][0])) for c in cands],
                        "gold": want,
                        "rule": rule.text if rule else None, "decided": decided,
                        "own": own[1] if own else None, "clause": votes[2][1] if votes[2] else None,
                        "paired": paired.text if paired else None})
    return out


def fit(data: list[dict[str, Any]], l2: float = L2, steps: int = STEPS, rate: float = RATE) -> np.ndarray:
    """Weights maximising the mean log-likelihood of the gold candidates, minus l2 |w|^2."""
    usable = [d for d in data if d["y"] is not None]
    X = np.concatenate([d["X"] for d in usable])
    seg = np.repeat(np.arange(len(usable)), [len(d["X"]) for d in usable])
    gold_rows = np.cumsum([0] + [len(d["X"]) for d in usable[:-1]]) + np.array([d["y"] for d in usable])
    w = np.zeros(X.shape[1])
    n = len(usable)
    for _ in range(steps):
        s = X @ w
        mx = np.full(n, -np.inf)
        np.maximum.at(mx, seg, s)
        e = np.exp(s - mx[seg])
        z = np.zeros(n)
        np.add.at(z, seg, e)
        p = e / z[seg]
        grad = X[gold_rows].sum(0) - p @ X
        w += rate * (grad / n - 2 * l2 * w)
    return w


def predict(d: dict[str, Any], w: np.ndarray, mode: str = "ranker") -> str | None:
    """mode "ranker": the ranker alone (as SubjectResolver.resolve); "clause": the rules'
    reading of the number's own clause kept; "sentence": their reading of its sentence kept."""
    if mode == "sentence" and d["decided"]:
        return d["own"]
    if mode == "clause" and d["clause"] is not None:
        return d["clause"]
    if d.get("paired"):  # a 分别 list decides before the ranker, as in SubjectResolver.resolve
        return d["paired"]
    s = d["X"] @ w
    return d["texts"][int(np.argmax(s))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--refresh", action="store_true", help="annotate the gold sets again")
    ap.add_argument("--out", type=Path, default=ROOT / "rules" / "subject_ranker.json")
    args = ap.parse_args()
    data = examples(load_cases(args.shared, refresh=args.refresh))
    missing = {"train", "dev", "seed"} - {d["set"] for d in data}
    if missing:  # without ../shared the weights would come from the sample pages alone
        sys.exit(f"no gold facts of {sorted(missing)} under {args.shared}: {args.out.name} left as it is")
    w = fit(data)
    sets = sorted({d["set"] for d in data})
    args.out.write_text(json.dumps({
        "about": "weights of pipeline/facts/subject_rank.py, built by scripts/train_subjects.py "
                 "(make train-subjects) from the gold facts of: " + ", ".join(sets),
        "l2": L2, "steps": STEPS, "examples": sum(d["y"] is not None for d in data),
        "features": list(FEATURES), "weights": [round(float(x), 4) for x in w],
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    right = sum(predict(d, w) == d["gold"] for d in data)
    print(f"wrote {args.out.relative_to(ROOT)}: {len(data)} matched facts, fit on "
          f"{sum(d['y'] is not None for d in data)}; accuracy on its own training data {right / len(data):.3f} (tuned)")


if __name__ == "__main__":
    main()
