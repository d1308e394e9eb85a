"""Build bot/extract/data/indirect_gate.json: the learned check on reported speech (see
bot/extract/indirect/gate.py).

Runs the extractor with the check off over the *tune* half of quotes_dev.jsonl (bench/split.py),
labels each indirect item as the quotes scorer would (right: it matches a gold indirect
attribution; wrong: it matches nothing; items over a gold direct quote are left out), fits a
logistic regression (scikit-learn) and picks the threshold that gives the best indirect F1 under
5-fold cross-validation by article. Writes the weights, the bias and the threshold as JSON.

    python bench/build_indirect_gate.py TUNE.jsonl [--c 1.0]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

try:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
except ImportError:
    sys.exit("scikit-learn is missing: pip install -e '.[dev,train]'")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.extract.indirect.gate import features  # noqa: E402
from bot.extract.quotes import extract_quotes  # noqa: E402

OUT = ROOT / "bot" / "extract" / "data" / "indirect_gate.json"
THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35)


def _overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def label_items(path: Path) -> tuple[list[dict[str, float]], list[int | None], list[str], int]:
    """Features, labels (1 right, 0 wrong, None neutral), article ids and the gold count."""
    xs: list[dict[str, float]] = []
    ys: list[int | None] = []
    ids: list[str] = []
    gold_total = 0
    with path.open(encoding="utf8") as f:
        for line in f:
            art = json.loads(line)
            text = art["text"]
            gold = [
                [tuple(s) for s in a["content_spans"]]
                for a in art["attributions"]
                if not a["direct"]
            ]
            direct = [
                [tuple(s) for s in a["content_spans"]] for a in art["attributions"] if a["direct"]
            ]
            gold_total += len(gold)
            used: set[int] = set()
            for q in extract_quotes(text, indirect_gate=False):
                if q.kind != "indirect":
                    continue
                span = (q.start, q.end)
                best, best_j = 0.0, -1
                for j, g in enumerate(gold):
                    longer = max(q.end - q.start, sum(e - s for s, e in g))
                    ov = _overlap(span, g)
                    if j not in used and longer and ov * 2 >= longer and ov / longer > best:
                        best, best_j = ov / longer, j
                if best_j >= 0:
                    used.add(best_j)
                    y: int | None = 1
                elif any(
                    _overlap(span, d) * 2 >= max(q.end - q.start, sum(e - s for s, e in d))
                    for d in direct
                ):
                    y = None
                else:
                    y = 0
                xs.append(features(text, q))
                ys.append(y)
                ids.append(art["id"])
    return xs, ys, ids, gold_total


def _f1(keep: np.ndarray, ys: list[int | None], gold: int) -> float:
    tp = sum(1 for k, y in zip(keep, ys, strict=True) if k and y == 1)
    n = sum(1 for k, y in zip(keep, ys, strict=True) if k and y is not None)
    p, r = (tp / n if n else 0.0), tp / gold
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tune", type=Path)
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = ap.parse_args()
    xs, ys, ids, gold = label_items(args.tune)
    vec = DictVectorizer()
    x = vec.fit_transform(xs)
    y = np.array([1 if v == 1 else 0 for v in ys])
    known = np.array([v is not None for v in ys])
    probs = np.zeros(len(ys))
    for train, test in GroupKFold(5).split(x, y, ids):
        fit = train[known[train]]
        model = LogisticRegression(C=args.c, max_iter=2000).fit(x[fit], y[fit])
        probs[test] = model.predict_proba(x[test])[:, 1]
    scores = {t: _f1(probs >= t, ys, gold) for t in THRESHOLDS}
    threshold = max(scores, key=lambda t: (round(scores[t], 4), -t))
    model = LogisticRegression(C=args.c, max_iter=2000).fit(x[known], y[known])
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) > 1e-6
    }
    OUT.write_text(
        json.dumps(
            {
                "bias": round(float(model.intercept_[0]), 5),
                "threshold": threshold,
                "weights": dict(sorted(weights.items())),
                "built_from": args.tune.name,
                "cv_f1": {str(t): round(s, 4) for t, s in scores.items()},
            },
            indent=1,
        )
        + "\n",
        encoding="utf8",
    )
    print(f"{len(ys)} items, {len(weights)} weights, threshold {threshold}: CV F1 {scores}")


if __name__ == "__main__":
    main()
