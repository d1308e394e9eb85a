"""How far story clustering can go on a stories JSONL file with the terms bot/cluster.py weighs.

Two reference points for tune_clusters.py's replay, printed as the scorer's B-cubed:
  cap     every article the store keeps in its gold story; refused pages and exact copies
          alone (what no text method can place)
  batch   offline agglomerative clustering (single or average linkage) of the same term
          vectors, weighed with the whole file's document frequencies and every pair compared:
          no ingest order, no centroid. If batch is no better than the replay, the limit is
          the representation (bag of words), not the incremental placement.

    python bench/cluster_ceiling.py /tmp/split/stories_dev.tune.jsonl [--thresholds 0.2,0.25]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tune_clusters import SHUFFLE_SEED, arrivals, bcubed, load

from bot import cluster
from bot.ingest.readers import ReadError, from_text
from bot.model import Article
from bot.store.prepare import Prepared, prepare


def kept(
    rows: list[tuple[str, str, str]],
) -> tuple[dict[str, object], list[tuple[str, str, Counter[str], str]]]:
    """(story key of each refused page or exact copy, [(id, gold, term counts, title and
    story text with the boilerplate sentences left out)] of the rest)."""
    alone: dict[str, object] = {}
    read: dict[str, tuple[Article, Prepared]] = {}

    def terms(aid: str, text: str) -> Counter[str] | None:
        try:
            article = from_text(text, id_hint=aid)
        except ReadError:
            return None
        read[aid] = (article, prepare(article, extract=False))
        return read[aid][1].terms

    rest = []
    for new in arrivals(rows, alone, terms):
        article, prep = read[new.aid]
        story = " ".join(
            s.text for i, s in enumerate(prep.analysis.sentences) if i not in prep.boilerplate
        )
        rest.append((new.aid, new.gold, new.counts, f"{article.title}. {story}"))
    return alone, rest


def agglomerate(sim: list[list[float]], threshold: float, linkage: str) -> list[list[int]]:
    """Merge the closest pair of clusters while their linkage similarity reaches threshold."""
    groups = [[i] for i in range(len(sim))]
    while True:
        best, best_score = None, threshold
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                pairs = [sim[i][j] for i in groups[a] for j in groups[b]]
                score = max(pairs) if linkage == "single" else sum(pairs) / len(pairs)
                if score >= best_score:
                    best, best_score = (a, b), score
        if best is None:
            return groups
        a, b = best
        groups[a] += groups.pop(b)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--thresholds", default="0.2,0.25,0.3")
    args = ap.parse_args()
    rows = load(args.gold, SHUFFLE_SEED, [])
    gold_of = {aid: gold for aid, gold, _ in rows}
    alone, rest = kept(rows)
    cap = dict(alone) | {aid: gold for aid, gold, *_ in rest}
    print("cap            P {:.4f}  R {:.4f}  F1 {:.4f}".format(*bcubed(gold_of, cap)))
    df: Counter[str] = Counter()
    for _, _, counts, _ in rest:
        df.update(counts.keys())
    vectors = [cluster.weigh(counts, df, len(rest)) for _, _, counts, _ in rest]
    sim = [[cluster.cosine(u, v) for v in vectors] for u in vectors]
    for linkage in ("single", "average"):
        for threshold in (float(t) for t in args.thresholds.split(",")):
            story_of = dict(alone)
            for k, group in enumerate(agglomerate(sim, threshold, linkage)):
                story_of.update((rest[i][0], k) for i in group)
            p, r, f = bcubed(gold_of, story_of)
            print(f"batch {linkage:7s} {threshold:.2f}  P {p:.4f}  R {r:.4f}  F1 {f:.4f}")


if __name__ == "__main__":
    main()
