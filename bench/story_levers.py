"""Levers on the learned story scoring that add no new signal, cross-validated on the tune half.

Measured here (results in bench/train_story_scoring.py's docstring):
- bagging: the sentence ridge fitted on B bootstrap resamples of the training stories, the
  weights averaged (variance reduction, the same features);
- a blend of our ratings with stock LexRank's over the same candidates, by z-scores or by rank
  percentiles, weight A (an ensemble of the two orderings, not a feature);
- the stories as the CLI scores them: each held-out gold story is summarised from the articles
  of the system story the scorer picks for it (a --keep run's report.jsonl and stories.jsonl),
  so a gold story the clustering split is judged on its part, against the baselines over all
  its articles; for a system story of one article, `single` says what summarises it (the
  single-article summariser, the learned weights, or the article's first usable sentences);
- weaker ridge penalties, separate weights for stories of two sources and of more, a shifted
  `length` weight (LENGTH_SHIFTS), and a same-source cost scaled by each source's share of
  the candidates (one source dominating);
- --lone BBC.jsonl: the other side of the split-story choice, lone articles (every third of
  the file's tune half) summarised by the single-article summariser and by the learned
  weights, 3 sentences, each against lead at equal length.

    python bench/story_levers.py /tmp/split/stories_dev.tune.jsonl --keep DIR [--repeats 8]
    python bench/story_levers.py /tmp/split/stories_dev.tune.jsonl --lone ../shared/corpus/bbc_dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import train_story_scoring as tr  # noqa: E402
from rouge_score import rouge_scorer  # noqa: E402
from sumy.nlp.stemmers import Stemmer  # noqa: E402
from sumy.utils import get_stop_words  # noqa: E402
from tune_story_summaries import orders, ss  # noqa: E402

from summaries import multi  # noqa: E402
from summaries.lexrank import VectorLexRankSummarizer  # noqa: E402
from summaries.terms import Stems  # noqa: E402

SHIPPED = frozenset(f for f in multi.FEATURES if f not in ("bias", "first_person"))
LENGTH_SHIFTS = (-0.3, -0.15, 0.15)  # added to the fitted `length` weight (words / 40, capped)
LEXRANK = VectorLexRankSummarizer(Stemmer("english"), get_stop_words("english"))


def lexrank_scores(st: tr.Story) -> np.ndarray:
    """Stock LexRank over the story's candidates (one paragraph each; best piece counts)."""
    text = "\n\n".join(ss.norm_ws(c.sentence.text) for c in st.candidates)
    document = ss.Baselines()._parser.from_string(text, ss.PlainTokenizer()).document
    rates = LEXRANK.rate(document)
    out, k = [], 0
    for paragraph in document.paragraphs:
        pieces = len(paragraph.sentences)
        out.append(float(rates[k : k + pieces].max()) if pieces else 0.0)
        k += pieces
    return np.array(out)


def _z(v: np.ndarray) -> np.ndarray:
    return (v - v.mean()) / (v.std() or 1.0)


def _pct(v: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(v)) / max(len(v) - 1, 1)


def blended(ours: np.ndarray, lex: np.ndarray, how: str, a: float) -> np.ndarray:
    """Our ratings blended with LexRank's, on our ratings' spread (the MMR penalties' scale)."""
    if how == "none" or a == 0 or len(ours) < 2:
        return ours
    f = _z if how == "z" else _pct
    return _z((1 - a) * f(ours) + a * f(lex)) * ours.std()


def ridge(
    blocks: list[tuple[np.ndarray, np.ndarray]], keep: list[int], share: float = tr.RIDGE_SHARE
) -> np.ndarray:
    """trainer.fit_standardised's ridge on per-story centred blocks; the scaled full weights."""
    x = np.vstack([b[0][:, keep] - b[0][:, keep].mean(axis=0) for b in blocks])
    y = np.concatenate([b[1] - b[1].mean() for b in blocks])
    spread = x.std(axis=0)
    spread[spread == 0] = 1.0
    z = x / spread
    standard = np.linalg.solve(z.T @ z + share * len(y) * np.eye(len(keep)), z.T @ y)
    w = standard / spread
    w *= tr.RATING_SPREAD / ((x @ w).std() or 1.0)
    full = np.zeros(len(multi.FEATURES))
    full[keep] = w
    return full


def bagged(blocks, keep, bags: int, seed: int) -> np.ndarray:
    """The mean of `bags` ridge fits on bootstrap resamples of the stories, rescaled."""
    rng = random.Random(seed)
    ws = [ridge([rng.choice(blocks) for _ in blocks], keep) for _ in range(bags)]
    w = np.mean(ws, axis=0)
    x = np.vstack([b[0] - b[0].mean(axis=0) for b in blocks])
    return w * tr.RATING_SPREAD / ((x @ w).std() or 1.0)


class View:
    """A held-out gold story as the CLI scores it: the picked system story's articles."""

    def __init__(self, gold: tr.Story, story: dict, articles: list[str], stems, scorer):
        sub = dict(story, articles=[a for a in story["articles"] if a["id"] in articles])
        order = {"lexrank": gold.lexrank, "lead": gold.lead}
        self.st = tr.Story(sub, order, stems, scorer)
        self.gold = gold
        self.one = len(sub["articles"]) == 1
        if self.st.single and self.st.docs:  # candidates for the weights on one article
            st = self.st
            st.vocabulary = {}
            st.candidates = [
                c
                for i, doc in enumerate(st.docs)
                for c in multi._candidates(i, doc, st.vocabulary, stems)
            ]


def mmr_by_share(candidates, ratings, vectors, n: int, dial: float = 1.0):
    """multi._mmr with the same-source cost scaled by how much of the pool a source gives:
    a source holding most of the candidates (one source dominates) pays less to be used again,
    a minority source more; two equal sources pay multi.SAME_SOURCE_PENALTY as now."""
    docs = np.array([c.doc for c in candidates])
    share = np.bincount(docs)[docs] / len(candidates)
    n_docs = len(set(docs.tolist()))
    cost = multi.SAME_SOURCE_PENALTY * np.clip(1 + dial * (1 - n_docs * share), 0.0, 2.0)
    chosen: list[int] = []
    used: set[int] = set()
    available = np.ones(len(candidates), dtype=bool)
    closest = np.zeros(len(candidates))
    while len(chosen) < n and available.any():
        penalty = np.where(np.isin(docs, list(used)), cost, 0.0)
        score = ratings - multi.REDUNDANCY_WEIGHT * closest - penalty
        score[~available] = -np.inf
        best = int(np.argmax(score))
        chosen.append(best)
        used.add(candidates[best].doc)
        similarity = vectors.dot(vectors.row(best))
        closest = np.maximum(closest, similarity)
        available &= similarity <= multi.MAX_SIMILARITY
        available[best] = False
    return [candidates[k] for k in chosen]


def text_of(st: tr.Story, w: np.ndarray, n: int, how: str, a: float, single: str) -> str:
    if st.single and (single == "summarize" or single.startswith("share") or not st.candidates):
        return st.fixed
    if st.single and single == "lead":
        return " ".join(c.sentence.text for c in st.candidates[:n])
    ours = st.features @ w
    if single.startswith("share"):
        picked = mmr_by_share(st.candidates, ours, st.vectors, n, float(single[5:]))
        return " ".join(c.sentence.text for c in picked)
    picked = multi._mmr(st.candidates, blended(ours, st.lex, how, a), st.vectors, n)
    return " ".join(c.sentence.text for c in picked)


def score(views, w: np.ndarray | tuple, n, rouge, how, a, single) -> dict[str, float]:
    """Pooled margins; `single` "NAME@P" also sets SAME_SOURCE_PENALTY to P."""
    total: dict[str, float] = {}
    single, _, penalty = single.partition("@")
    multi.SAME_SOURCE_PENALTY = float(penalty) if penalty else 0.5
    for st in views:
        weights = w if not isinstance(w, tuple) else w[len(st.docs) > 2]
        text = text_of(st, weights, n, how, a, single)
        size = len(text.split())
        for name, summary in (
            ("", text),
            ("lexrank_", ss.cut(st.lexrank, size)),
            ("lead_", ss.cut(st.lead, size)),
        ):
            found = rouge(st.summary, summary)
            for m, key in (("rouge1", "r1"), ("rouge2", "r2")):
                total[name + key] = total.get(name + key, 0.0) + 100 * found[m] / len(views)
    return total


def lone(path: Path, rouge) -> None:
    """Lone articles of the tune half: summarize against the learned weights (R-1, R-2)."""
    from split import half

    from summaries import summarize

    rows = [json.loads(line) for line in path.open(encoding="utf8") if line.strip()]
    rows = [r for r in rows if half(r["id"]) == "tune"][::3]
    stems = Stems()
    names, weights = multi._active()
    total = {k: np.zeros(2) for k in ("summarize", "weights", "lead@summarize", "lead@weights")}
    for r in rows:
        doc = multi.StoryDoc(r["id"], r["title"], r["text"])
        own = " ".join(s.text for s in summarize(doc.text, 3, title=doc.title, stems=stems))
        vocabulary: dict[str, int] = {}
        found = multi._candidates(0, doc, vocabulary, stems)
        learned = own
        if found:
            vectors, features = multi.story_features([doc], found, vocabulary, stems, names=names)
            picked = multi._mmr(found, features @ weights, vectors, 3)
            learned = " ".join(c.sentence.text for c in picked)
        lead = ss.Baselines.lead_order([r["text"]])
        for key, text in (
            ("summarize", own),
            ("weights", learned),
            ("lead@summarize", ss.cut(lead, len(own.split()))),
            ("lead@weights", ss.cut(lead, len(learned.split()))),
        ):
            found_rouge = rouge(r["reference"], text)
            total[key] += [100 * found_rouge["rouge1"], 100 * found_rouge["rouge2"]]
    for key, value in total.items():
        print(f"{key:16s} R-1 {value[0] / len(rows):.2f} R-2 {value[1] / len(rows):.2f}")
    print(f"({len(rows)} lone articles)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--keep", type=Path, help="a score_stories.py --keep DIR")
    ap.add_argument("--lone", type=Path, help="BBC-style JSONL: lone articles, see the docstring")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=8)
    ap.add_argument("--bags", type=int, default=50)
    ap.add_argument("--sentences", type=int, default=4)
    ap.add_argument("--quick", action="store_true", help="only the fits (no blends, no singles)")
    args = ap.parse_args()
    if args.lone:
        lone(args.lone, ss.make_rouge())
        return
    if not args.keep:
        ap.error("--keep DIR (a score_stories.py --keep run of the same file) is needed")
    gold = [json.loads(line) for line in args.gold.open(encoding="utf8") if line.strip()]
    report = {r["id"]: r for r in map(json.loads, (args.keep / "report.jsonl").open())}
    printed = {s["id"]: s for s in map(json.loads, (args.keep / "stories.jsonl").open())}
    stems = Stems()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    rouge = ss.make_rouge()
    stories = [tr.Story(g, o, stems, scorer) for g, o in zip(gold, orders(gold), strict=True)]
    views = []
    for g, st in zip(gold, stories, strict=True):
        picked = printed[report[g["id"]]["story"]]["articles"]
        views.append(View(st, g, picked, stems, scorer))
    keep = [i for i, f in enumerate(multi.FEATURES) if f in SHIPPED]
    fits = [(f, "none", 0.0, "summarize") for f in ("plain", "bag", "bag200")]
    fits += [(f, "none", 0.0, "summarize") for f in ("ridge0.003", "ridge0.001", "ridge0.0")]
    shares = [("plain", "none", 0.0, f"share{d}") for d in (0.5, 1.0)]
    blends = [(f, how, 0.0, "summarize") for f in ("plain", "bag") for how in ("z", "rank")]
    blends = [(*c[:2], a, c[3]) for c in blends for a in (0.05, 0.1, 0.15, 0.2, 0.3, 0.5)]
    singles = [("plain", "none", 0.0, s) for s in ("weights", "lead")]
    penalties = [("plain", "none", 0.0, f"summarize@{p}") for p in (0.25, 0.75)]
    sizes = [(f, "none", 0.0, "summarize") for f in ("bysize", "smallonly")]
    lengths = [(f"length{d:+}", "none", 0.0, "summarize") for d in LENGTH_SHIFTS]
    configs = fits + shares + sizes + lengths
    if not args.quick:  # the fits and the per-source cost only
        configs += blends + singles + penalties
    results: dict[tuple, list] = {c: [] for c in configs}
    for seed in range(args.repeats):
        index = list(range(len(stories)))
        if seed:
            random.Random(seed).shuffle(index)
        pooled: dict[tuple, dict[str, dict[str, float]]] = {}
        for k in range(args.folds):
            held = index[k :: args.folds]
            train = [stories[i] for i in index if i not in held and not stories[i].single]
            words = tr.word_model(train)
            named = dict(zip(multi.WORD_FEATURES, words, strict=True))
            blocks = []
            for st in train:
                st.featurise(named)
                if len(st.candidates) >= 2:
                    blocks.append((st.features, st.target, len(st.docs)))
            fitted = {"plain": ridge(blocks, keep), "bag": bagged(blocks, keep, args.bags, seed)}
            fitted["bag200"] = bagged(blocks, keep, 200, seed)
            small = [b for b in blocks if b[2] <= 2]
            large = [b for b in blocks if b[2] > 2]
            fitted["bysize"] = (ridge(small, keep), ridge(large, keep))
            fitted["smallonly"] = (ridge(small, keep), fitted["plain"])
            at = multi.FEATURES.index("length")
            for delta in LENGTH_SHIFTS:
                fitted[f"length{delta:+}"] = fitted["plain"].copy()
                fitted[f"length{delta:+}"][at] += delta
            for share in (0.003, 0.001, 0.0):
                fitted[f"ridge{share}"] = ridge(blocks, keep, share)
            for i in held:
                for st in (stories[i], views[i].st):
                    if st.candidates:
                        st.featurise(named)
                        if not hasattr(st, "lex"):
                            st.lex = lexrank_scores(st)
            for c in configs:
                for where, group in (
                    ("gold", [stories[i] for i in held]),
                    ("cli", [views[i].st for i in held]),
                    ("one", [views[i].st for i in held if views[i].one]),
                ):
                    if not group:
                        continue
                    m = score(group, fitted[c[0]], args.sentences, rouge, *c[1:])
                    acc = pooled.setdefault(c, {}).setdefault(where, {})
                    for key, v in m.items():
                        acc[key] = acc.get(key, 0.0) + v * len(group)
        n_one = sum(v.one for v in views)
        for c in configs:
            row = {}
            for where, acc in pooled[c].items():
                size = n_one if where == "one" else len(stories)
                row[where] = (
                    (acc["r1"] - acc["lexrank_r1"]) / size,
                    (acc["r2"] - acc["lexrank_r2"]) / size,
                    (acc["r1"] - acc["lead_r1"]) / size,
                    acc["r1"] / size,
                )
            results[c].append(row)
        print(f"dealing {seed} done", flush=True)
    base = results[configs[0]]
    print(
        "config | R-1 over LexRank, R-2 over LexRank, R-1 over lead, R-1 (mean of dealings);"
        " change vs plain, R-1 wins"
    )
    for c in configs:
        for where in ("gold", "cli", "one"):
            rows = np.array([r[where] for r in results[c]])
            ref = np.array([r[where] for r in base])
            d = rows - ref
            print(
                f"{'/'.join(map(str, c)):26s} {where:4s} "
                + " ".join(f"{v:+.2f}" for v in rows.mean(axis=0)[:3])
                + f" {rows.mean(axis=0)[3]:.2f} | {d[:, 0].mean():+.2f} {d[:, 1].mean():+.2f}"
                f" {int((d[:, 0] > 0).sum())}/{len(d)}"
            )


if __name__ == "__main__":
    main()
