"""Same-event signals beside the cosine (issue 21): do two articles share copied text?

For every pair of articles in a stories file (gold events) plus distractor news (gold ""),
counts what the two share of:
  ng6 / ng8  word 6-grams / 8-grams of the story text (prepare()'s boilerplate left out),
             each n-gram counted only when at most NG_DF articles of the pool hold it
  quote      direct quotes of >= QUOTE_WORDS words (the extractor's) sharing a 5-word run
  fig        specific figures (value + unit from the extractor): no years, no unitless
             number under 100, no percentage under 10
  name       multi-word capitalised names held by at most RARE_DF articles of the pool
and reports, for each signal and k, how many same-event pairs have >= k (recall, overall
and at final-df cosine < 0.2) against how many different-event pairs do: gold x gold of
different events, gold x distractor, distractor x distractor (unlabelled: the same wire
story can run twice there; --show lists them to read). It also lists, for each article the
replay strands (singleton_joins), its best signal to its own event and to anything else.

    python bench/same_event.py /tmp/h21_split/stories_dev.tune.jsonl \
        --distractors /tmp/h21_split/quotes_dev.tune.jsonl \
        --distractors /tmp/h21_split/bbc_dev.tune.jsonl
    python bench/same_event.py sweep /tmp/h21_split/stories_dev.tune.jsonl [--distractors ..] \
        --grid 0.15:3 --show     # the replay with a copy rule on trial (copy_replay), floor:k

Measured (stop 36, tune halves only: stories_dev 162 articles / 65 events, + 422 quotes_dev
and 771 bbc_dev distractors = 1346 kept). 119 same-event pairs, 32 of them at final-df
cosine < 0.2 (the ones a signal would have to rescue). Pairs with signal >= k:
  signal>=k  same (recall)  same at cos<.2 | gold x gold  gold x distr.  distr. x distr. [cos<.2]
  ng8 >= 2     34 (0.29)     3/32          |  0            0              136 [58]
  ng8 >= 3     29 (0.24)     3/32          |  0            0              103 [34]
  ng6 >= 5     33 (0.28)     3/32          |  0            0              104 [32]
  quote >= 1   18 (0.15)     2/32          |  0           22              142 [97]
  fig >= 2     19 (0.16)     1/32          |  3           69              588 [541]
  fig >= 3     11 (0.09)     0/32          |  0            5              166 [142]
  name >= 2    55 (0.46)     4/32          |  0            5              190 [79]
  name >= 3    30 (0.25)     0/32          |  0            0               68 [11]
Quotes, figures and rare names: almost no same-event pair below cos 0.2 has them, and
different-event pairs do (a famous line quoted again, a delegate count, a poll). Shared
8-grams look clean on gold x gold and gold x distractor, but the distractor x distractor
pairs at low cosine were read (tune halves) and most are one TOPIC, not one event: background
paragraphs the BBC reprints in each follow-up (ID cards bill, Budget, FOI act, G7 debt
write-off), rugby team sheets across match reports, stock lines ("a total and complete
shutdown of Muslims entering", "her use of a private email server as secretary of state"),
a gallery caption run across HuffPost pieces. Even at >= 8 shared 8-grams, 16 such pairs sit
at cos < 0.2. The share of the article copied does not help: the stranded same-event pairs
copy 0.5-4% of their 8-grams, the topical pairs 1.5-9%.
Stranded (scorer order, 22): 7 share >= 3 8-grams with their own event and none with
anything else (mn160 x2 at cos 0.08, mn114a3 at 0.08, mn028 x2, mn168a0, mn032a2); the
other 15 share nothing copied with their event at all (abstracts, galleries, other angles).
The rule on trial (sweep: an article no story takes joins the best candidate at >= floor
when it shares >= k pool-rare 8-grams with a member), B-cubed P/R over 3 scorer orders:
  alone: none 1.000/0.830; 0.15:3 1.000/0.845 (2.3 joins/order, all right); 0.15:8 1.000/0.840
  +QB:   none 0.9908/0.8230; 0.15:3 0.9908/0.8323 (7.0 joins/order); 0.15:8 0.9908/0.8230
         (3.3/order, no gold gain); 0.20:3 0.9908/0.8298 (4.7/order)
With +QB the gold gain shrinks (the big store's ingest-time cosines are lower: mn160 and
mn032 no longer reach the floor) while distractor joins that B-cubed cannot see grow: a
Washington Post rabbis-boycott piece and an Obama convention piece into a 40-article Trump
pile, a BBC ID-cards piece into the ID-cards/Budget pile, one rugby match report into
another (team sheets), a debate piece into a Sanders/Clinton pile. Most are topical, not
one event. Only into a story of <= 3 (0.15:3:3): +QB R 0.8323 with 5.0 joins/order, of
which 3 gold (mn028, mn128, mn168) and 2 distractor: read, half wrong (Boris Johnson's
mayor-apology row into Blair/Howard-poster stories, a Brown Budget piece into Kennedy on
taxes, England-France into Ireland-England via team sheets, Calderon on Trump into a July
Trump list, an IS-taunts piece into a later Twitter-policy piece; right or near: Bafta
preview -> results, Trump's and Obama's same-day Orlando responses). 0.15:5:3 R 0.8257.
No signal separates same-event from same-topic pairs below the cosine floor, so
nothing was built into bot/cluster.py (issue 21, stop 36).
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from singleton_joins import SCORER_SEED, scorer_rows
from tune_clusters import Row, arrivals, bcubed, replay

from bot import cluster
from bot.extract import analyse
from bot.ingest.readers import ReadError, from_text
from bot.store.prepare import prepare

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:\s+|-))+[A-Z][a-z]+\b")
QUOTE_WORDS = 5
NG_DF = 3
RARE_DF = 3
SIGNALS = ("ng6", "ng8", "quote", "fig", "name")


def grams(words: list[str], n: int) -> set[str]:
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def specific(value: float | None, unit: str | None) -> str | None:
    """A figure's key when it is specific enough to say 'the same event', else None."""
    if value is None:
        return None
    u = (unit or "").lower()
    if not u and (value < 100 or (1900 <= value <= 2100 and value == int(value))):
        return None
    if u in ("%", "percent", "per cent") and value < 10:
        return None
    if u in ("year", "years") and value < 100:
        return None
    return f"{u}:{value:.6g}"


def features(aid: str, text: str) -> dict[str, object] | None:
    """What one article holds of each signal, and its term counts."""
    try:
        article = from_text(text, id_hint=aid)
    except ReadError:
        return None
    prep = prepare(article, extract=False)
    sents = prep.analysis.sentences
    story = " ".join(s.text for i, s in enumerate(sents) if i not in prep.boilerplate)
    words = WORD.findall(story.lower())
    found = analyse(story)
    quotes = [
        grams(WORD.findall(q.text.lower()), 5)
        for q in found.quotes
        if q.kind == "direct" and len(q.text.split()) >= QUOTE_WORDS
    ]
    figs = {k for f in found.figures if (k := specific(f.value, f.unit))}
    return {
        "counts": prep.terms,
        "ng6": grams(words, 6),
        "ng8": grams(words, 8),
        "quotes": quotes,
        "fig": figs,
        "name": set(NAME.findall(story)),
    }


def load_pool(gold: Path, distractors: list[Path], cache: Path) -> tuple[list, dict]:
    rows = [(a, g, t) for a, g, t in scorer_rows(gold)]
    for p in distractors:
        for line in p.open(encoding="utf8"):
            if line.strip():
                r = json.loads(line)
                rows.append((f"d:{r['id']}", "", r["text"]))
    if cache.exists():
        feats = pickle.loads(cache.read_bytes())
    else:
        feats = {}
        for i, (a, _, t) in enumerate(rows):
            f = features(a, t)
            if f is not None:
                feats[a] = f
            if i % 200 == 0:
                print(f"  extracted {i}/{len(rows)}", file=sys.stderr)
        cache.write_bytes(pickle.dumps(feats))
    return rows, feats


def shared(feats: dict, a: str, b: str, df: dict[str, Counter]) -> dict[str, int]:
    fa, fb = feats[a], feats[b]
    out = {
        "ng6": sum(1 for g in fa["ng6"] & fb["ng6"] if df["ng6"][g] <= NG_DF),
        "ng8": sum(1 for g in fa["ng8"] & fb["ng8"] if df["ng8"][g] <= NG_DF),
        "fig": len(fa["fig"] & fb["fig"]),
        "name": sum(1 for n in fa["name"] & fb["name"] if df["name"][n] <= RARE_DF),
        "quote": sum(1 for q in fa["quotes"] if any(q & r for r in fb["quotes"])),
    }
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--distractors", type=Path, action="append", default=[])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/h21_same_event.pkl"))
    ap.add_argument("--show", help="signal:k: list the different-event pairs with it")
    args = ap.parse_args()
    rows, feats = load_pool(args.gold, args.distractors, args.cache)
    gold_of = {a: g for a, g, _ in rows if a in feats}
    df: dict[str, Counter] = {s: Counter() for s in ("ng6", "ng8", "name")}
    for f in feats.values():
        for s in df:
            df[s].update(f[s])
    n = len(feats)
    dfc: Counter[str] = Counter()
    for f in feats.values():
        dfc.update(f["counts"].keys())
    vec = {a: cluster.weigh(f["counts"], dfc, n) for a, f in feats.items()}
    # candidate pairs: any shared feature (the inverted index), plus every same-event pair
    index: dict[str, list[str]] = defaultdict(list)
    for a, f in feats.items():
        for s in ("ng6", "fig", "name"):
            for k in f[s]:
                if s != "ng6" or df["ng6"][k] <= NG_DF:
                    index[f"{s}|{k}"].append(a)
    pairs: set[tuple[str, str]] = set()
    for holders in index.values():
        if len(holders) <= 50:
            pairs.update(itertools.combinations(sorted(holders), 2))
    events: dict[str, list[str]] = defaultdict(list)
    for a, g in gold_of.items():
        if g:
            events[g].append(a)
    same_pairs = {tuple(sorted(p)) for ms in events.values() for p in itertools.combinations(ms, 2)}
    pairs |= same_pairs
    kinds = Counter()
    table: dict[tuple[str, int, str], int] = Counter()
    listed: list[str] = []
    show = args.show.split(":") if args.show else None
    for a, b in pairs:
        ga, gb = gold_of[a], gold_of[b]
        kind = (
            "same"
            if ga and ga == gb
            else "gg"
            if ga and gb
            else "dd"
            if not ga and not gb
            else "gd"
        )
        cos = cluster.cosine(vec[a], vec[b])
        sh = shared(feats, a, b, df)
        kinds[kind] += 1
        for s in SIGNALS:
            for k in (1, 2, 3, 5):
                if sh[s] >= k:
                    table[(s, k, kind)] += 1
                    if cos < 0.2:
                        table[(s, k, kind + "<.2")] += 1
        if show and kind != "same" and sh[show[0]] >= int(show[1]):
            listed.append(f"{kind} cos {cos:.2f} {sh} {a} ~ {b}")
    nsame = len(same_pairs)
    low = sum(1 for a, b in same_pairs if cluster.cosine(vec[a], vec[b]) < 0.2)
    print(f"articles {n}; same-event pairs {nsame} ({low} at cos < 0.2)")
    print("signal>=k  same(recall)  same<.2  |  gg  gd  dd   (different-event pairs; <.2 in [])")
    for s in SIGNALS:
        for k in (1, 2, 3, 5):
            t = lambda kind, s=s, k=k: table[(s, k, kind)]  # noqa: E731
            print(
                f"{s:5}>={k}  {t('same'):4} ({t('same') / nsame:.2f})  {t('same<.2'):3}/{low}"
                f"  |  {t('gg')} [{t('gg<.2')}]  {t('gd')} [{t('gd<.2')}]  {t('dd')} [{t('dd<.2')}]"
            )
    stranded(rows, feats, gold_of, df, vec)
    for line in sorted(listed):
        print(" ", line)


def stranded(rows, feats, gold_of, df, vec) -> None:
    """Each article the scorer-order replay of the gold file leaves alone while its event has
    a story: its best signal to its own event's articles and to any other article."""
    gold_rows = [r for r in rows if r[1] and r[0] in feats]
    story_of = replay(gold_rows)
    size = Counter(story_of.values())
    others = list(feats)
    print("stranded (own best | other best):")
    for a, g, _ in gold_rows:
        mates = [b for b, h, _ in gold_rows if h == g and b != a]
        if size[story_of[a]] != 1 or not mates:
            continue
        own = {s: max(shared(feats, a, b, df)[s] for b in mates) for s in SIGNALS}
        cos = max(cluster.cosine(vec[a], vec[b]) for b in mates)
        rest = {s: 0 for s in SIGNALS}
        for b in others:
            if b != a and gold_of[b] != g:
                sh = shared(feats, a, b, df)
                rest = {s: max(v, sh[s]) for s, v in rest.items()}
        print(f"  {a} cos {cos:.2f}  " + " ".join(f"{s} {own[s]}|{rest[s]}" for s in SIGNALS))


def copy_replay(
    rows: list[Row],
    feats: dict,
    rare: Counter,
    floor: float,
    k: int,
    heard: list[str],
    young: int = 10**9,
) -> dict[str, object]:
    """tune_clusters.replay with one rule on trial: an article no story takes at
    JOIN_THRESHOLD joins the most similar candidate at >= floor that holds an article it
    shares >= k pool-rare word 8-grams with (heard: each such join, gold of both sides)."""
    stories: dict[int, cluster.StoryTerms] = {}
    held: dict[int, list[str]] = defaultdict(list)
    story_of: dict[str, object] = {}
    ids = itertools.count()

    def found_by(alone: cluster.StoryTerms) -> list[cluster.StoryTerms]:
        probe = frozenset(cluster.probe_terms(alone.terms))
        return [s for s in stories.values() if not probe.isdisjoint(cluster.index_terms(s.terms))]

    def copies(a: str, b: str) -> int:
        if a not in feats or b not in feats:
            return 0
        return sum(1 for g in feats[a]["ng8"] & feats[b]["ng8"] if rare[g] <= NG_DF)

    for new in arrivals(rows, story_of):
        pool = [s for s in stories.values() if new.meets(s.terms)]
        placed = None
        if cluster.choose_story(new.weights, pool) is None and k > 0:
            best = max(pool, key=lambda s: cluster.cosine(new.weights, s.terms), default=None)
            if (
                best is not None
                and cluster.cosine(new.weights, best.terms) >= floor
                and best.size <= young
                and any(copies(new.aid, b) >= k for b in held[best.id])
            ):
                terms = cluster.merge(best.terms, best.size, new.weights)
                placed = cluster.Placement(best.id, terms, "", "", [], best.size + 1)
                heard.append(f"{new.gold or new.aid} -> {held[best.id]}")
        if placed is None:
            rivals = {
                sid: found_by(stories[sid]) for sid in cluster.lone_stories(new.weights, pool)
            }
            placed = cluster.place(new.weights, pool, "", rivals)
        sid = next(ids) if placed.story_id is None else placed.story_id
        for gone in placed.absorbed:
            for aid in held.pop(gone):
                story_of[aid] = sid
                held[sid].append(aid)
            del stories[gone]
        stories[sid] = cluster.StoryTerms(sid, placed.terms, placed.size)
        held[sid].append(new.aid)
        story_of[new.aid] = sid
    return story_of


def sweep() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd")
    ap.add_argument("gold", type=Path)
    ap.add_argument("--distractors", type=Path, action="append", default=[])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/h21_same_event.pkl"))
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument(
        "--grid", action="append", default=["0:0"], help="floor:k[:largest story joined]"
    )
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    feats = pickle.loads(args.cache.read_bytes())
    rare: Counter[str] = Counter()
    for f in feats.values():
        rare.update(f["ng8"])
    extra = [
        (f"d:{r['id']}", "", r["text"])
        for p in args.distractors
        for line in p.open(encoding="utf8")
        if line.strip()
        for r in [json.loads(line)]
    ]
    for setting in args.grid:
        floor, k, *cap = setting.split(":")
        tot = [0.0, 0.0, 0.0]
        heard: list[str] = []
        for seed in range(args.seeds):
            rows = scorer_rows(args.gold, SCORER_SEED + seed) + extra
            if extra:
                random.Random(SCORER_SEED + seed).shuffle(rows)
            gold_of = {a: g for a, g, _ in rows}
            story_of = copy_replay(
                rows, feats, rare, float(floor), int(k), heard, int(cap[0]) if cap else 10**9
            )
            got = bcubed(gold_of, story_of)
            tot = [t + v / args.seeds for t, v in zip(tot, got, strict=True)]
        print(
            "P {:.4f} R {:.4f} F1 {:.4f}".format(*tot),
            f"[floor {floor} k {k}]",
            len(heard) / args.seeds,
            "joins/order",
        )
        if args.show:
            print("\n".join(f"  {h}" for h in sorted(set(heard))))


if __name__ == "__main__":
    if sys.argv[1] == "sweep":
        sweep()
    else:
        main()
