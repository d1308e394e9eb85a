"""Replay the store's incremental story assignment over a stories JSONL file, in memory.

Tuning aid for bot/cluster.py: the same term counts, weighting and join decision the stores
use, without SQLite, so a parameter sweep over a dev half takes seconds. Prints B-cubed
precision, recall and F1 (the scorer's definition) and the story count. The replay itself
(arrivals: which articles the store keeps and how it weighs them; averaged: B-cubed over
ingest orders) is the one the other clustering scripts in bench/ build on.

    python bench/tune_clusters.py /tmp/split/stories_dev.tune.jsonl [--threshold 0.25]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import cluster
from bot.ingest.readers import ReadError, from_text
from bot.store.prepare import prepare

SHUFFLE_SEED = 20260214  # any fixed order; the scorer uses its own
Row = tuple[str, str, str]  # (article id, gold story id, text)


def load(path: Path, seed: int, distractors: list[str]) -> list[Row]:
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


def store_terms(aid: str, text: str) -> Counter[str] | None:
    """The term counts the stores cluster an article by (boilerplate left out); None: the
    article is refused at ingest."""
    try:
        article = from_text(text, id_hint=aid)
    except ReadError:
        return None
    return prepare(article, extract=False).terms


@dataclass(frozen=True, slots=True)
class Arrival:
    """One article the store keeps, as placement meets it. df and n_docs are the document
    frequencies of the articles before it (it is counted once the loop body is done)."""

    aid: str
    gold: str
    counts: Counter[str]
    weights: dict[str, float]
    df: Counter[str]
    n_docs: int
    probe: frozenset[str]

    def meets(self, terms: dict[str, float]) -> bool:
        """Whether the store's lookup finds a story with these terms (its index terms share
        one of the article's probe terms), i.e. whether the story is a candidate at all."""
        return not self.probe.isdisjoint(cluster.index_terms(terms))


def arrivals(
    rows: Sequence[Row],
    story_of: dict[str, object],
    terms: Callable[[str, str], Counter[str] | None] = store_terms,
) -> Iterator[Arrival]:
    """The articles the store keeps, in ingest order, weighed as the store weighs them.

    Refused pages and exact copies (same text but for case and spacing) are not yielded:
    they go into story_of each as a story alone, as the stores file them."""
    df: Counter[str] = Counter()
    seen: set[str] = set()
    n_docs = 0
    for aid, gold, text in rows:
        counts = terms(aid, text)
        if counts is None:
            story_of[aid] = ("refused", aid)
            continue
        digest = " ".join(text.lower().split())
        if digest in seen:
            story_of[aid] = ("duplicate", aid)
            continue
        seen.add(digest)
        weights = cluster.weigh(counts, df, n_docs)
        yield Arrival(
            aid, gold, counts, weights, df, n_docs, frozenset(cluster.probe_terms(weights))
        )
        df.update(counts.keys())
        n_docs += 1


# how, the articles that moved, the story's articles, their terms, the story's terms
Joined = Callable[[str, list[str], list[str], dict[str, float], dict[str, float]], None]


def replay(rows: list[Row], joined: Joined | None = None) -> dict[str, object]:
    """Article id -> story key, as the store would assign them (refused and exact copies alone):
    cluster.place over the candidates the store's lookup finds, stories of one it absorbs
    included. joined("absorbed", moved, story, ...) hears each absorbed story of one, with
    the story's articles before it and the terms of both; joined("arrived", ...) each article
    that joins a story below JOIN_THRESHOLD (a join rule on trial, see singleton_joins.py)."""
    stories: dict[int, cluster.StoryTerms] = {}
    held: dict[int, list[str]] = defaultdict(list)
    story_of: dict[str, object] = {}
    ids = itertools.count()

    def found_by(alone: cluster.StoryTerms) -> list[cluster.StoryTerms]:
        probe = frozenset(cluster.probe_terms(alone.terms))
        return [s for s in stories.values() if not probe.isdisjoint(cluster.index_terms(s.terms))]

    for new in arrivals(rows, story_of):
        pool = [s for s in stories.values() if new.meets(s.terms)]
        rivals = {sid: found_by(stories[sid]) for sid in cluster.lone_stories(new.weights, pool)}
        placed = cluster.place(new.weights, pool, "", rivals)
        sid = next(ids) if placed.story_id is None else placed.story_id
        below = placed.story_id is not None and (
            cluster.cosine(new.weights, stories[sid].terms) < cluster.JOIN_THRESHOLD
        )
        if joined and below:
            joined("arrived", [new.aid], list(held[sid]), dict(new.weights), stories[sid].terms)
        for gone in placed.absorbed:
            if joined:
                moved = dict(stories[gone].terms)
                joined("absorbed", list(held[gone]), [*held[sid], new.aid], moved, placed.terms)
            for aid in held.pop(gone):
                story_of[aid] = sid
                held[sid].append(aid)
            del stories[gone]
        stories[sid] = cluster.StoryTerms(sid, placed.terms, placed.size)
        held[sid].append(new.aid)
        story_of[new.aid] = sid
    return story_of


def distractor_texts(path: Path | None, n: int) -> list[str]:
    """n texts drawn (in a fixed order) from a JSONL of other news; none without a path."""
    if path is None:
        return []
    with path.open(encoding="utf8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    return random.Random(SHUFFLE_SEED).sample(texts, min(n, len(texts)))


def averaged(
    path: Path,
    seeds: int,
    distractors: list[str],
    place: Callable[[list[Row]], dict[str, object]],
    extra: Callable[[list[Row], dict[str, object]], float],
) -> list[float]:
    """B-cubed P, R, F1 and one more number (extra), each the mean over `seeds` ingest orders."""
    totals = [0.0, 0.0, 0.0, 0.0]
    for seed in range(seeds):
        rows = load(path, SHUFFLE_SEED + seed, distractors)
        story_of = place(rows)
        found = (*bcubed({a: g for a, g, _ in rows}, story_of), extra(rows, story_of))
        totals = [t + v / seeds for t, v in zip(totals, found, strict=True)]
    return totals


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
    distractors = distractor_texts(args.distractors, args.n_distractors)
    totals = averaged(
        args.gold,
        args.seeds,
        distractors,
        replay,
        lambda rows, story_of: len({story_of[a] for a, g, _ in rows if g}),
    )
    print("P {:.4f}  R {:.4f}  F1 {:.4f}  stories {:.1f}  {}".format(*totals, " ".join(args.set)))


if __name__ == "__main__":
    main()
