"""Which gold events does story clustering split, and why? (error analysis for bot/cluster.py)

Replays the stores' placement (tune_clusters.replay, one ingest order) over a stories JSONL
file and prints, for each gold event that ends in more than one story: its articles (story
key, words, title, strongest terms) and, for each pair of articles left apart, their cosine
on the file's weights, the strongest terms they share, the terms only they share in the
file (document frequency <= 3), the multi-word names and the numbers they both print.

    python bench/cluster_misses.py /tmp/split/stories_dev.tune.jsonl

Run on the tune half of stories_dev (65 events, 162 articles) before the story-to-story
linkage, 19 events were split. By cause:
  - 4 lose only pages no text method places: refused cruft pages ("Tweet with a location",
    crawl notices) and exact copies (mn016, mn038, mn064, mn132; mn062, mn080 and mn128
    lose such pages too).
  - 8 hold an article that shares almost nothing with the rest (best pair cosine 0.00-0.18:
    a photo gallery, a roundup, an opinion piece or a paper's abstract filed under the
    event; mn060, mn062, mn068, mn080, mn114, mn154, mn160, mn186). No shared name or figure
    either: nothing for a text rule to join on without joining other events too.
  - 7 are one event told from two angles at cosine 0.19-0.26 that share many file-rare
    words (mn028 15, mn050 14, mn226 15, mn168 12, mn074 5) but few multi-word names or
    figures (mn032 and mn128 share names: Kristine Bunch, David Hume Kennerly). In mn168 and
    mn032 an article is alike enough (0.26-0.32) to one member of the other story but not
    to its centroid: the ingest order split the event, and an article that later joins
    one part makes that part's centroid alike to the other part.
Tried on the tune half (in-memory replay, 3 ingest orders; "+N" = N bbc_dev articles
ingested alongside as other news of the day):
  - shared rare terms over the full vocabulary (idf >= 5; a story keeps the union of its
    articles' rare terms) as a second join test, >= 5-12 shared at cosine >= 0.10-0.18:
    R 0.811 -> 0.815 with P 0.996-0.991, and no gain at all at +300. Dropped.
  - pairwise signals, all article pairs: the untruncated tf-idf cosine puts 95 of 119
    same-event pairs above the 3rd-closest different-event pair, the 30-term cosine 90,
    shared rare-term mass 55, shared multi-word names 31. Too small a margin for a rule.
  - story-to-story linkage (kept, cluster.place): after an article joins a story, the grown
    centroid is compared with the other candidate stories and absorbs the closest one that
    reaches STORY_LINK_THRESHOLD (= the join threshold, 0.25). Replay R 0.811 -> 0.819 at
    P 1.000; +1000: P 0.9945 -> 0.9931, R 0.802 -> 0.826. A lower link threshold reaches
    R 0.840 (0.22) / 0.857 (0.20) but P falls to 0.984 / 0.969, and 0.976 / 0.966 at +300.
    Through the CLI (score_stories.py): tune P/R/F1 1.000/0.797/0.887 -> 1.000/0.806/0.892,
    check 0.971/0.751/0.847 -> 0.971/0.779/0.865.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tune_clusters import SHUFFLE_SEED, bcubed, load, replay

from bot import cluster
from bot.ingest.readers import ReadError, from_text
from bot.store.prepare import prepare

NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:\s+|-))+[A-Z][a-z]+\b")
NUMBER = re.compile(r"\b\d[\d,.]*\b")
RARE_DF = 3


class Seen:
    """What the analysis reads of one kept article."""

    def __init__(self, title: str, counts: Counter[str], text: str) -> None:
        self.title, self.counts, self.words = title, counts, len(text.split())
        self.names, self.numbers = set(NAME.findall(text)), set(NUMBER.findall(text))


def read(rows: list[tuple[str, str, str]]) -> dict[str, Seen | None]:
    """Each article as the store sees it (None: refused at ingest)."""
    out: dict[str, Seen | None] = {}
    for aid, _, text in rows:
        try:
            article = from_text(text, id_hint=aid)
        except ReadError:
            out[aid] = None
            continue
        out[aid] = Seen(article.title, prepare(article, extract=False).terms, text)
    return out


def report(rows: list[tuple[str, str, str]], story_of: dict[str, object]) -> int:
    """Print every split gold event with what its parts share; return how many there are."""
    seen = read(rows)
    df: Counter[str] = Counter()
    for s in seen.values():
        if s:
            df.update(s.counts.keys())
    vec = {a: cluster.weigh(s.counts, df, len(seen)) for a, s in seen.items() if s}
    events: dict[str, list[str]] = defaultdict(list)
    for aid, gold, _ in rows:
        events[gold].append(aid)
    split = 0
    for gold, arts in sorted(events.items()):
        if len({story_of[a] for a in arts}) == 1:
            continue
        split += 1
        print(f"\n=== {gold}: {len(arts)} articles in {len({story_of[a] for a in arts})} stories")
        for a in sorted(arts, key=lambda a: str(story_of[a])):
            s = seen[a]
            if s is None:
                print(f"  {a} story={story_of[a]} refused")
                continue
            print(f"  {a} story={story_of[a]} words={s.words} title={s.title[:80]!r}")
            print("     top:", " ".join(list(vec[a])[:12]))
        for i, a in enumerate(arts):
            for b in arts[i + 1 :]:
                sa, sb = seen[a], seen[b]
                if story_of[a] == story_of[b] or sa is None or sb is None:
                    continue
                shared = sorted(vec[a].keys() & vec[b].keys(), key=lambda t: -vec[a][t] * vec[b][t])
                rare = sorted(t for t in sa.counts.keys() & sb.counts.keys() if df[t] <= RARE_DF)
                print(f"  {a} ~ {b}: cosine {cluster.cosine(vec[a], vec[b]):.3f} top {shared[:8]}")
                print(
                    f"     rare {rare[:15]} names {sorted(sa.names & sb.names)[:8]} "
                    f"numbers {sorted(sa.numbers & sb.numbers)[:8]}"
                )
    return split


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    args = ap.parse_args()
    rows = load(args.gold, SHUFFLE_SEED, [])
    story_of = replay(rows)
    split = report(rows, story_of)
    p, r, f = bcubed({a: g for a, g, _ in rows}, story_of)
    print(f"\nsplit events {split}   P {p:.4f}  R {r:.4f}  F1 {f:.4f}")


if __name__ == "__main__":
    main()
