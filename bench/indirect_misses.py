"""Where indirect speech loses its score: the wrong items bucketed by how they miss.

usage: python bench/indirect_misses.py TUNE.jsonl [--show BUCKET] [--cue CUE,...] [--no-gate]

Runs extract_quotes in this process over a half of quotes_dev.jsonl (bench/split.py; look at
the tune half only) and aligns indirect items with gold as score_quotes.py does (one-to-one,
>= 50% overlap of the longer span; items over a gold quoted attribution are neutral). Each
wrong item is put in a bucket:

  no-overlap        it touches no gold indirect attribution
  gold-taken        the gold it overlaps is matched by another item (a nested or second report)
  S=/S-early/S-late its start against the gold it overlaps most (within a character, before, after)
  E=/E-early/E-late its end likewise; "discont" when that gold is in pieces

Prints P/R/F, the buckets, the buckets by cue, wrong and right counts by cue, and with --show a
sample of one bucket beside its gold. With --gold-misses it prints the other side: the gold
attributions no item matched, by their annotated cue, split into "none" (no item touches them:
a cue kind never read) and "part" (an item overlaps but misses the 50% threshold: a boundary),
beside how many of that cue were matched. Not a test; numbers to read.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.extract.quotes import extract_quotes  # noqa: E402
from bot.model import Quote  # noqa: E402

Spans = list[tuple[int, int]]


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def _norm(s: str) -> str:
    """The scorer's text normalisation (for its equal-text fallback)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[\"\u201c\u201d]", " ", s.replace("\u2019", "'").replace("\u2018", "'"))
    return re.sub(r"\s+", " ", s).strip().strip(" .,;:!?'-\u2014\u2013")


def _align(
    items: list[Spans], gold: list[Spans], texts: list[str], gold_texts: list[str]
) -> dict[int, int]:
    """The scorer's greedy one-to-one alignment: >= 50% of the longer span, or equal texts."""
    pairs = []
    for i, a in enumerate(items):
        for j, g in enumerate(gold):
            longer = max(_length(a), _length(g))
            ov = _overlap(a, g)
            if longer and ov * 2 >= longer:
                pairs.append((-ov / longer, i, j))
            elif texts[i] and texts[i] == gold_texts[j]:
                pairs.append((-1.0, i, j))
    pairs.sort()
    used_i: set[int] = set()
    used_j: set[int] = set()
    out: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out[i] = j
    return out


def _bucket(q: Quote, gold: Spans, taken: bool) -> str:
    if taken:
        return "gold-taken"
    gs, ge = gold[0][0], gold[-1][1]
    d = q.start - gs
    start = "S=" if abs(d) <= 1 else ("S-early" if d < 0 else "S-late")
    d = q.end - ge
    end = "E=" if abs(d) <= 1 else ("E-early" if d < 0 else "E-late")
    return f"{start} {end}" + (" discont" if len(gold) > 1 else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--show", help="print a sample of this bucket, e.g. 'S= E-late'")
    ap.add_argument("--cue", help="only items of these cues in the sample (comma-separated)")
    ap.add_argument("--no-gate", action="store_true", help="leave the learned check off")
    ap.add_argument(
        "--gold-misses", action="store_true", help="also bucket unmatched gold by its cue"
    )
    args = ap.parse_args()
    missed: dict[str, Counter[str]] = defaultdict(Counter)  # cue -> none / part / hit
    tp = n_sys = n_gold = 0
    buckets: Counter[str] = Counter()
    by_cue: Counter[tuple[str, str]] = Counter()
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    samples: dict[str, list[tuple[Quote, Spans, str]]] = defaultdict(list)
    for line in args.gold.open(encoding="utf8"):
        art = json.loads(line)
        text = art["text"]
        quotes = [
            q for q in extract_quotes(text, indirect_gate=not args.no_gate) if q.kind == "indirect"
        ]
        gold = [
            [tuple(s) for s in a["content_spans"]] for a in art["attributions"] if not a["direct"]
        ]
        direct = [
            [tuple(s) for s in a["content_spans"]] for a in art["attributions"] if a["direct"]
        ]
        spans = [[(q.start, q.end)] for q in quotes]
        gold_texts = [_norm(a["content"]) for a in art["attributions"] if not a["direct"]]
        match = _align(spans, gold, [_norm(q.text) for q in quotes], gold_texts)
        n_gold += len(gold)
        tp += len(match)
        matched = set(match.values())
        golds = [a for a in art["attributions"] if not a["direct"]]
        for j, g in enumerate(gold):
            cue = " ".join((golds[j]["cue"] or "-").lower().replace("\u2019", "'").split())
            if j in matched:
                missed[cue]["hit"] += 1
            elif any(_overlap(s, g) for s in spans):
                missed[cue]["part"] += 1
            else:
                missed[cue]["none"] += 1
        for i, q in enumerate(quotes):
            cue = q.cue or "-"
            if i in match:
                n_sys += 1
                right[cue] += 1
                continue
            if any(_overlap(spans[i], d) * 2 >= max(_length(spans[i]), _length(d)) for d in direct):
                continue  # over a quoted attribution: neither right nor wrong
            n_sys += 1
            wrong[cue] += 1
            best = max(range(len(gold)), key=lambda j: _overlap(spans[i], gold[j]), default=None)
            if best is None or not _overlap(spans[i], gold[best]):
                kind, g = "no-overlap", []
            else:
                kind, g = _bucket(q, gold[best], best in matched), gold[best]
            buckets[kind] += 1
            by_cue[(cue, kind)] += 1
            samples[kind].append((q, g, text))
    p, r = tp / max(1, n_sys), tp / max(1, n_gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"indirect P {p:.3f} R {r:.3f} F {f:.3f}  (system {n_sys}, gold {n_gold}, right {tp})")
    for kind, n in buckets.most_common():
        print(f"{n:6d}  {kind}")
    print("by cue:")
    for (cue, kind), n in by_cue.most_common(30):
        print(f"{n:6d}  {cue!r:18} {kind}")
    print("wrong / right by cue:")
    for cue, n in wrong.most_common(30):
        print(f"  {cue!r:18} wrong {n:5d}  right {right[cue]:5d}")
    if args.gold_misses:
        print("unmatched gold by cue (none: no item touches it; part: an item overlaps):")
        total = Counter({c: n["none"] + n["part"] for c, n in missed.items()})
        none = sum(n["none"] for n in missed.values())
        part = sum(n["part"] for n in missed.values())
        print(f"  all: none {none}, part {part}, over {sum(1 for n in total.values() if n)} cues")
        for cue, n in total.most_common(40):
            m = missed[cue]
            print(f"{n:6d}  none {m['none']:4d}  part {m['part']:4d}  hit {m['hit']:4d}  {cue!r}")
    if args.show:
        cues = set(args.cue.split(",")) if args.cue else None
        pool = [x for x in samples[args.show] if cues is None or x[0].cue in cues]
        random.seed(1)
        for q, g, text in random.sample(pool, min(25, len(pool))):
            print(f"== {q.cue} | speaker {q.speaker}")
            print("   ours:", text[q.start : q.end].replace("\n", " / "))
            if g:
                print("   gold:", " ++ ".join(text[s:e] for s, e in g).replace("\n", " / "))


if __name__ == "__main__":
    main()
