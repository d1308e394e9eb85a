"""Learn the weights of summaries.multi's sentence features from the tune half of a stories file.

Two steps, both on the TUNE half only (bench/split.py):
1. Ridge regression: each candidate sentence of each gold story gets a target, its ROUGE-1
   plus ROUGE-2 precision against the story's human summary (what a sentence adds to a
   summary of fixed length); features and targets are centred story by story (only the
   order within a story matters), and the weights are scaled so ratings spread as the old
   hand-set ones did (the MMR penalties are on that scale).
2. --search: coordinate search from those weights (each weight x 0, 0.5, 1.5, 2.5; two
   rounds) on what the acceptance measures: the picked summaries' ROUGE-1 + ROUGE-2 minus
   stock LexRank cut to the same length, story by story (the scorer's own baselines).
   A step is kept only when it gains more than 0.05.
Check the result on the check half with bench/tune_story_summaries.py before keeping it.

    python bench/train_story_scoring.py /tmp/split/stories_dev.tune.jsonl [--search] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rouge_score import rouge_scorer  # noqa: E402
from tune_story_summaries import orders, ss  # noqa: E402

from bot.ingest.readers import ReadError, from_text  # noqa: E402
from summaries import multi  # noqa: E402
from summaries.terms import Stems  # noqa: E402

OUT = ROOT / "summaries" / "data" / "story_scoring.json"
RIDGE = 1.0
HAND_SET = {"centrality": 1.0, "position": 0.35, "title": 0.15, "support": 0.5}
STEPS = (0.0, 0.5, 1.5, 2.5)  # multipliers tried per weight in the search
NEW_WEIGHT = (0.1, 0.3)  # values tried for a weight at zero
MIN_GAIN = 0.05


class Story:
    """One gold story's candidates, their tf-idf rows and features, and its LexRank order."""

    def __init__(self, story: dict, lexrank: list[str], stems: Stems) -> None:
        docs = []
        for a in story["articles"]:
            try:
                article = from_text(a["text"], id_hint=a["id"])
            except ReadError:
                continue  # refused at ingest: never in a story
            docs.append(multi.StoryDoc(article.id, article.title, article.text))
        vocabulary: dict[str, int] = {}
        self.summary, self.lexrank = story["summary"], lexrank
        self.candidates = [
            c for i, doc in enumerate(docs) for c in multi._candidates(i, doc, vocabulary, stems)
        ]
        self.vectors, self.features = (None, None)
        if self.candidates:
            self.vectors, self.features = multi.story_features(
                docs, self.candidates, vocabulary, stems
            )


def regression(stories: list[Story], scorer) -> dict[str, float]:
    names = list(multi.FEATURES)
    old = np.array([HAND_SET.get(f, 0.0) for f in names])
    xs, ys, hand = [], [], []
    for st in stories:
        if st.features is None or len(st.candidates) < 2:
            continue
        x = st.features
        y = np.array(
            [
                sum(s.precision for s in scorer.score(st.summary, c.sentence.text).values())
                for c in st.candidates
            ]
        )
        hand.append(x @ old - (x @ old).mean())
        xs.append(x - x.mean(axis=0))  # centred per story: only the order within it counts
        ys.append(y - y.mean())
    x, y = np.vstack(xs), np.concatenate(ys)
    keep = [i for i, f in enumerate(names) if f != "bias"]
    xk = x[:, keep]
    w = np.linalg.solve(xk.T @ xk + RIDGE * np.eye(len(keep)), xk.T @ y)
    scale = np.concatenate(hand).std() / ((xk @ w).std() or 1.0)
    weights = dict.fromkeys(names, 0.0)
    for i, value in zip(keep, w * scale, strict=True):
        weights[names[i]] = float(value)
    print(
        f"{len(y)} sentences; correlation with the target {np.corrcoef(xk @ w, y)[0, 1]:.3f} "
        f"(hand-set {np.corrcoef(np.concatenate(hand), y)[0, 1]:.3f})"
    )
    return weights


def gain(stories: list[Story], weights: np.ndarray, rouge, n: int) -> float:
    """Mean (ROUGE-1 + ROUGE-2) x 100 of the picked summaries minus LexRank's at equal length."""
    total = 0.0
    for st in stories:
        if st.features is None:
            continue
        picked = multi._mmr(st.candidates, st.features @ weights, st.vectors, n)
        text = " ".join(c.sentence.text for c in picked)
        ours, base = (
            rouge(st.summary, text),
            rouge(st.summary, ss.cut(st.lexrank, len(text.split()))),
        )
        total += sum(ours.values()) - sum(base.values())
    return 100 * total / len(stories)


def search(stories: list[Story], weights: dict[str, float], n: int) -> dict[str, float]:
    names = list(multi.FEATURES)
    w = np.array([weights[f] for f in names])
    rouge = ss.make_rouge()
    best = gain(stories, w, rouge, n)
    print(f"start: +{best:.2f} over LexRank (R-1 + R-2)")
    for _ in range(2):
        for i, name in enumerate(names):
            if name == "bias":
                continue
            for value in [w[i] * k for k in STEPS] if w[i] else NEW_WEIGHT:
                trial = w.copy()
                trial[i] = value
                score = gain(stories, trial, rouge, n)
                if score > best + MIN_GAIN:
                    best, w = score, trial
                    print(f"{name} = {value:.4f}: +{score:.2f}")
    return dict(zip(names, (float(v) for v in w), strict=True))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path, help="the TUNE half of stories_dev.jsonl (bench/split.py)")
    ap.add_argument("--sentences", type=int, default=4)
    ap.add_argument("--search", action="store_true", help="then search on the summaries' ROUGE")
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    args = ap.parse_args()
    gold = [json.loads(line) for line in args.gold.open(encoding="utf8") if line.strip()]
    stems = Stems()
    stories = [
        Story(g, order["lexrank"], stems) for g, order in zip(gold, orders(gold), strict=True)
    ]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    weights = regression(stories, scorer)
    if args.search:
        weights = search(stories, weights, args.sentences)
    out = {"weights": {f: round(v, 4) for f, v in weights.items()}}
    print(json.dumps(out))
    if args.write:
        OUT.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
