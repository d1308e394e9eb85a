"""Articles left alone while their event has a story (issue 21): how close are they to it?

  show   replays the stores' placement (tune_clusters.replay) in one ingest order (the
         scorer's by default) and, for every article that ends as a story of one while its
         gold event has other kept articles ("stranded"), prints its similarity to the story
         holding most of its event ("own") against the closest other story ("wrong"):
           cos      the join rule's cosine: its ingest-time terms against the story's
                    centroid (its articles' ingest-time terms merged in arrival order)
           cos_now  the same with the article re-weighed by the final document frequencies
           names    multi-word capitalised names it shares with any member of the story
           rare     file-rare terms (document frequency <= 3) it shares with any member
           lead     cosine of its first 60 story words' terms against the centroid
         and the share of its page that prepare() leaves out as boilerplate. --quiet prints
         aggregates only (how a check half may be run).
  sweep  B-cubed over ingest orders for settings of the absorption knobs of bot/cluster.py
         (--grid ABSORB_JOIN=0.22,CLEAR_LEAD=4; ABSORB_JOIN=1 is the rule off, '' as shipped)
         with --distractors (other news ingested alongside, gold ""), and each absorbed story
         of one judged right, wrong, or "other" (a distractor into a distractor-only story);
         --show lists them with the terms they share.

    python bench/singleton_joins.py show /tmp/h21_split/stories_dev.tune.jsonl
    python bench/singleton_joins.py sweep /tmp/h21_split/stories_dev.tune.jsonl \
        --distractors /tmp/h21_split/quotes_dev.tune.jsonl --grid CLEAR_LEAD=2

Measured (stop 35, tune half of stories_dev: 65 events, 162 articles; scorer's order).
Before the absorption, 24 articles were stranded. Their pages are barely cruft (mean 2% of
the words left out as boilerplate; one page 34%), so cleaning pages would not move them.
The own story stands above every wrong story for 16/24 by cos, 17 by cos_now, 15 by lead,
14 by rare and 5 by names: names and lead terms add nothing over the cosine. Two groups:
  - 8 at own cos 0.20-0.27 with the best wrong story at 0.03-0.05 (mn028, mn032, mn050,
    mn074, mn168, mn202, mn226). Most came before their event's other reports, so no story
    was there to join; by the time one formed they were never looked at again.
  - the rest at own cos 0.00-0.12, mostly level with a wrong story (a gallery, an abstract,
    a roundup): nothing a similarity rule can join without joining other events too.
Rules tried on the first group (3 orders; "+Q" the 422 quotes_dev tune articles, US politics
2015-16, ingested alongside: same-kind news that forms big topical stories; "+QB" also the
771 bbc_dev tune articles), B-cubed P / R:
  main                                         1.000/0.805   +Q 0.997/0.804  +QB 0.991/0.804
  join on arrival at >= 0.20 when the best story leads the second 3x (size <= 3)
                                               1.000/0.828   +Q 0.995/0.822  (1 wrong/order)
  absorb (shipped: 0.20, 3x, young <= 3)       1.000/0.830   +Q 0.999/0.829  +QB 0.991/0.823
  both                                         1.000/0.850   +Q 0.995/0.844  +QB 0.991/0.833
  absorb at 2x                                               +Q 0.999/0.832  +QB: 7 "other"
                                               absorptions per order, several topical only
  absorb at 0.25 / 0.30                                      +Q 0.997/0.815 / 0.997/0.805
The join on arrival was dropped: it joined distractors to gold stories (Ivanka Trump's
apparel line into the Nordstrom story, a Ukraine-politics piece into MH17), with +Q/+QB it
joined topical pairs (OPEC prices, Liverpool transfer talk), and in a young store with one
candidate its 3x lead over "no second story" says nothing (the Federer test's two articles
sharing a sentence joined). Without a size limit both rules feed big topical stories.
Join on arrival only into a young story of 2-3 articles (one formed by a real join) at 3x:
at 0.20 tune R 0.847 (+Q 0.999/0.829 -> 0.997/0.838, one wrong), at 0.22 R 0.844 (+Q
0.999/0.832); not shipped for lack of time to run it through the CLI: the next lever.
Round 3 ran that lever through the CLI (ARRIVAL_JOIN in choose_story: join a story of 2-3
below 0.25 at >= 0.22 and a 3x lead over the runner-up; /tmp/lead/out_h21/arrival_join.patch)
and dropped it: tune 1.000/0.814 -> 1.000/0.831 (mn074's abstract, mn050), but check and
whole file unchanged to the fourth digit (it never fired there), tune R-1 margins fell
(-lead +3.82 -> +3.75, -LexRank +2.21 -> +2.16), and with +QB its 2 distractor joins per
order ("arrived-other", B-cubed blind to them) were all read wrong: topical, not one event
(Elvis auction tapes -> Jailhouse Rock chart, X Factor recommission -> Osbourne stories,
Morientes transfer -> Benitez/Gerrard, Foxx Golden Globe nods -> Ray DVD/SAG, Grassley ->
a Trump-Mexico pile). At 0.20 it also joined a Manafort/Ukraine piece to MH17 (+Q).
Through the CLI (score_stories, 4 sentences), B-cubed P/R/F1 before -> after:
  tune   1.000/0.797/0.887 -> 1.000/0.814/0.898
  check  0.971/0.751/0.847 -> 0.971/0.758/0.851   (aggregates only)
  whole  0.970/0.773/0.860 -> 0.970/0.800/0.877   (one store of 314 articles)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tune_clusters import Row, arrivals, bcubed, load, replay

from bot import cluster
from bot.ingest.readers import ReadError, from_text
from bot.store.prepare import prepare

SCORER_SEED = 20260115  # score_stories.py's shuffle
NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:\s+|-))+[A-Z][a-z]+\b")
RARE_DF = 3
LEAD_WORDS = 60
KNOBS = ("ABSORB_JOIN", "CLEAR_LEAD", "YOUNG_STORY", "JOIN_THRESHOLD")
MEASURES = ("cos", "cos_now", "names", "rare", "lead")


def scorer_rows(path: Path, seed: int = SCORER_SEED) -> list[Row]:
    """(article id, gold, text) in the order score_stories.py ingests them (seed: its own)."""
    return load(path, seed, [])


def page_view(aid: str, text: str) -> tuple[str, float]:
    """(story text without boilerplate, share of the page's words left out as boilerplate)."""
    try:
        article = from_text(text, id_hint=aid)
    except ReadError:
        return "", 1.0
    prep = prepare(article, extract=False)
    sentences = prep.analysis.sentences
    kept = " ".join(s.text for i, s in enumerate(sentences) if i not in prep.boilerplate)
    total = sum(len(s.text.split()) for s in sentences) or 1
    return kept, 1 - len(kept.split()) / total


class Kept:
    """The kept articles of one replay and what the measures read of them."""

    def __init__(self, rows: list[Row], story_of: dict[str, object]) -> None:
        self.weights: dict[str, dict[str, float]] = {}
        self.counts: dict[str, Counter[str]] = {}
        for new in arrivals(rows, {}):
            self.weights[new.aid], self.counts[new.aid] = new.weights, new.counts
        self.df: Counter[str] = Counter()
        for c in self.counts.values():
            self.df.update(c.keys())
        self.members: dict[object, list[str]] = defaultdict(list)
        for aid in self.weights:  # arrival order
            self.members[story_of[aid]].append(aid)
        self.centroid: dict[object, dict[str, float]] = {}
        for sid, ms in self.members.items():
            terms = self.weights[ms[0]]
            for i, aid in enumerate(ms[1:], 1):
                terms = cluster.merge(terms, i, self.weights[aid])
            self.centroid[sid] = terms
        texts = {a: t for a, _, t in rows}
        self.view = {a: page_view(a, texts[a]) for a in self.weights}
        self.names = {a: set(NAME.findall(self.view[a][0])) for a in self.weights}
        self.rare = {a: {t for t in self.counts[a] if self.df[t] <= RARE_DF} for a in self.counts}

    def measures(self, aid: str, sid: object) -> dict[str, float]:
        """The MEASURES of article aid against story sid."""
        terms, ms, n = self.centroid[sid], self.members[sid], len(self.counts)
        lead_words = " ".join(self.view[aid][0].split()[:LEAD_WORDS])
        lead = cluster.weigh(cluster.term_counts("", lead_words), self.df, n)
        return {
            "cos": cluster.cosine(self.weights[aid], terms),
            "cos_now": cluster.cosine(cluster.weigh(self.counts[aid], self.df, n), terms),
            "names": len(self.names[aid] & set().union(*(self.names[b] for b in ms))),
            "rare": len(self.rare[aid] & set().union(*(self.rare[b] for b in ms))),
            "lead": cluster.cosine(lead, terms),
        }


def show(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--seed", type=int, default=SCORER_SEED)
    ap.add_argument("--quiet", action="store_true", help="aggregates only")
    args = ap.parse_args(argv)
    rows = scorer_rows(args.gold, args.seed)
    gold_of = {a: g for a, g, _ in rows}
    story_of = replay(rows)
    print("replay P {:.4f} R {:.4f} F1 {:.4f}".format(*bcubed(gold_of, story_of)))
    kept = Kept(rows, story_of)
    found: list[tuple[float, dict[str, float], dict[str, float]]] = []
    for aid in kept.weights:
        event = [b for b in kept.weights if gold_of[b] == gold_of[aid] and b != aid]
        if len(kept.members[story_of[aid]]) != 1 or not event:
            continue
        own = Counter(story_of[b] for b in event).most_common(1)[0][0]
        others = [s for s in kept.members if s not in (own, story_of[aid])]
        mine = kept.measures(aid, own)
        rival = {k: 0.0 for k in MEASURES}
        for sid in others:
            rival = {k: max(v, kept.measures(aid, sid)[k]) for k, v in rival.items()}
        found.append((kept.view[aid][1], mine, rival))
        if not args.quiet:
            print(
                f"{aid} cruft {kept.view[aid][1]:.2f} own size {len(kept.members[own])} "
                + " ".join(f"{k} {mine[k]:.2f}/{rival[k]:.2f}" for k in MEASURES)
            )
    print(f"stranded: {len(found)}")
    for k in MEASURES:
        print(f"  {k}: own above every wrong story {sum(m[k] > r[k] for _, m, r in found)}")
    if found:
        print(f"  mean cruft share {sum(c for c, _, _ in found) / len(found):.2f}")


def judged(
    gold_of: dict[str, str],
    moved: list[str],
    story: list[str],
    terms: dict[str, float],
    into: dict[str, float],
    how: str = "absorbed",
) -> tuple[str, str]:
    """(right | wrong | other, a line saying what moved where and the terms they share)."""
    held = Counter(gold_of[b] for b in story)
    if not gold_of[moved[0]] and not any(held.elements()):
        verdict = "other"
    else:
        own = held.most_common(1)[0][0] == gold_of[moved[0]] and gold_of[moved[0]]
        verdict = "right" if own else "wrong"
    shared = sorted((t for t in terms if t in into), key=lambda t: -terms[t] * into[t])
    verdict = verdict if how == "absorbed" else f"{how}-{verdict}"
    return verdict, f"{verdict}: shared {len(shared)} {shared[:6]} {moved} -> {story}"


def sweep(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--distractors", type=Path, action="append", default=[])
    ap.add_argument("--grid", action="append", help="default: ABSORB_JOIN=1 and as shipped")
    ap.add_argument("--show", action="store_true", help="list the stories of one absorbed")
    args = ap.parse_args(argv)
    texts = [
        (f"d:{row.get('id')}", row["text"])
        for p in args.distractors
        for line in p.open(encoding="utf8")
        if line.strip()
        for row in [json.loads(line)]
    ]
    for setting in args.grid or ["ABSORB_JOIN=1", ""]:
        saved = {k: getattr(cluster, k) for k in KNOBS}
        for kv in (kv for kv in setting.split(",") if kv):
            name, value = kv.split("=")
            setattr(cluster, name, type(getattr(cluster, name))(value))
        totals = [0.0, 0.0, 0.0]
        tally: Counter[str] = Counter()
        shown: set[str] = set()
        for seed in range(args.seeds):
            rows = scorer_rows(args.gold, SCORER_SEED + seed)
            if texts:
                rows += [(i, "", t) for i, t in texts]
                random.Random(SCORER_SEED + seed).shuffle(rows)
            gold_of = {a: g for a, g, _ in rows}
            heard: list[tuple[str, str]] = []

            def hear(how: str, *rest: Any, gold_of: dict = gold_of, heard: list = heard) -> None:
                heard.append(judged(gold_of, *rest, how=how))

            story_of = replay(rows, hear)
            tally.update(v for v, _ in heard)
            shown.update(line for _, line in heard)
            got = bcubed(gold_of, story_of)
            totals = [t + v / args.seeds for t, v in zip(totals, got, strict=True)]
        for k, v in saved.items():
            setattr(cluster, k, v)
        acts = " ".join(f"{k} {v / args.seeds:.1f}" for k, v in sorted(tally.items()))
        print("P {:.4f} R {:.4f} F1 {:.4f}".format(*totals), f"[{setting or 'shipped'}] {acts}")
        if args.show:
            print("\n".join(f"  {line}" for line in sorted(shown)))


if __name__ == "__main__":
    {"show": show, "sweep": sweep}[sys.argv[1]](sys.argv[2:])
