"""Replay the store's incremental story assignment over a stories JSONL file, in memory.

Tuning aid for bot/cluster.py: the same term counts, weighting and join decision the stores
use, without SQLite, so a parameter sweep over a dev half takes seconds. Prints B-cubed
precision, recall and F1 (the scorer's definition) and the story count.

    python bench/tune_clusters.py /tmp/split/stories_dev.tune.jsonl [--threshold 0.25]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import cluster
from bot.ingest.readers import ReadError, from_text
from bot.store.prepare import prepare

SHUFFLE_SEED = 20260214  # any fixed order; the scorer uses its own


def load(path: Path, seed: int, distractors: list[str]) -> list[tuple[str, str, str]]:
    """(article id, gold story id, text) in a shuffled ingest order; distractor texts get
    the gold story "" (other news of the same day that must not join the gold stories)."""
    rows = [
        (a["id"], s["id"], a["text"])
        for line in path.open(encoding="utf8")
        if line.strip()
        for s in [json.loads(line)]
        for a in s["articles"]
    ]
    rows += [(f"distractor{i}", "", text) for i, text in enumerate(distractors)]
    random.Random(seed).shuffle(rows)
    return rows


def bcubed(gold_of: dict[str, str], story_of: dict[str, object]) -> tuple[float, float, float]:
    """The scorer's B-cubed over the gold articles; a distractor (gold "") sharing their
    story counts against precision."""
    members: dict[object, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for a in gold_of:
        members[story_of[a]].add(a)
        gold_members[gold_of[a]].add(a)
    scored = [a for a in gold_of if gold_of[a]]
    p = r = 0.0
    for a in scored:
        both = len(members[story_of[a]] & gold_members[gold_of[a]])  # distractors: gold ""
        p += both / len(members[story_of[a]])
        r += both / len(gold_members[gold_of[a]])
    p, r = p / len(scored), r / len(scored)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def replay(rows: list[tuple[str, str, str]]) -> dict[str, object]:
    """Article id -> story key, as the store would assign them (refused and exact copies alone)."""
    df: Counter[str] = Counter()
    stories: list[cluster.StoryTerms] = []
    story_of: dict[str, object] = {}
    seen: set[str] = set()
    n_docs = 0
    for aid, _, text in rows:
        try:
            article = from_text(text, id_hint=aid)
        except ReadError:
            story_of[aid] = ("refused", aid)
            continue
        digest = " ".join(text.lower().split())
        if digest in seen:
            story_of[aid] = ("duplicate", aid)
            continue
        seen.add(digest)
        counts = prepare(article, extract=False).terms  # boilerplate left out, as the stores do
        weights = cluster.weigh(counts, df, n_docs)
        df.update(counts.keys())
        n_docs += 1
        probe = set(cluster.probe_terms(weights))
        match = weights
        found = cluster.choose_story(
            match, (st for st in stories if probe.intersection(cluster.index_terms(st.terms)))
        )
        k = None if found is None else found.id
        if k is None:
            stories.append(cluster.StoryTerms(len(stories), dict(weights), 1))
            story_of[aid] = len(stories) - 1
        else:
            old = stories[k]
            stories[k] = cluster.StoryTerms(
                old.id, cluster.merge(old.terms, old.size, weights), old.size + 1
            )
            story_of[aid] = k
    return story_of


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--seeds", type=int, default=3, help="ingest orders to average over")
    ap.add_argument("--set", action="append", default=[], help="NAME=VALUE of bot.cluster")
    ap.add_argument(
        "--distractors",
        type=Path,
        help="JSONL of other articles (e.g. ../shared/corpus/bbc_dev.jsonl) ingested alongside",
    )
    ap.add_argument("--n-distractors", type=int, default=300)
    args = ap.parse_args()
    for item in args.set:
        name, value = item.split("=")
        setattr(cluster, name, type(getattr(cluster, name))(value))
    distractors: list[str] = []
    if args.distractors:
        with args.distractors.open(encoding="utf8") as f:
            texts = [json.loads(line)["text"] for line in f if line.strip()]
        distractors = random.Random(SHUFFLE_SEED).sample(texts, min(args.n_distractors, len(texts)))
    totals = [0.0, 0.0, 0.0, 0.0]
    for seed in range(args.seeds):
        rows = load(args.gold, SHUFFLE_SEED + seed, distractors)
        story_of = replay(rows)
        p, r, f = bcubed({a: g for a, g, _ in rows}, story_of)
        stories = len({story_of[a] for a, g, _ in rows if g})
        for i, v in enumerate((p, r, f, stories)):
            totals[i] += v / args.seeds
    print("P {:.4f}  R {:.4f}  F1 {:.4f}  stories {:.1f}  {}".format(*totals, " ".join(args.set)))


if __name__ == "__main__":
    main()
