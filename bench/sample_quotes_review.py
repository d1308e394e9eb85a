"""Draw a fresh set of direct quotes to label by hand, from articles no test has read yet.

usage: python bench/sample_quotes_review.py [--n 60] [--seed 2026] [--first-n 1000]
           [--per-article 2] [--half check] [--corpus ../shared/corpus/bbc_dev.jsonl]
           > /tmp/unlabelled.jsonl

Takes the articles of bbc_dev.jsonl in bench/split.py's check half (or --half tune) whose id appears in no
file under tests/, pairs double quote marks inside each paragraph by position alone (an odd
mark left over opens a quote to the paragraph's end: the continued-paragraph convention), and
draws --n segments of at least four words at random with a fixed seed, at most
--per-article (default two) from one article. The extractor is not run, so the draw measures
abstention as well as precision. Each line leaves "speaker" empty and "kind" blank: fill them by reading the article
(speaker = the person or organisation the article gives, or null), then score with
bench/score_review.py --review. `--redraw tests/data/bbc_quotes_review_fresh.jsonl` draws
that set again (n, id, span) now that its articles are under tests/. The third blind set
(tests/data/quotes_review_bbc_blind3.jsonl) is `--n 80 --seed 1818 --first-n 3000
--per-article 4`: only 37 unseen check-half articles were left, so four per article. The
check half then being used up, the fourth (tests/data/quotes_review_bbc_blind4.jsonl) is
`--n 80 --seed 4242 --per-article 3 --half tune --first-n 4000`, labelled before the speaker
changes of stop 21; the fifth (quotes_review_bbc_blind5.jsonl, 40 quotes) is `--n 40 --seed
1819 --first-n 5000 --half tune`, unseen tune-half articles, labelled after those changes.
The sixth (quotes_review_bbc_blind6.jsonl, 80 quotes from 73 articles) is `--n 80 --seed 6161
--per-article 3 --half tune --first-n 6000`, drawn from the 573 tune-half articles then unseen
and labelled by reading them, by an engineer who changed no code, before any scoring.
The seventh (quotes_review_bbc_blind7.jsonl, 80 quotes from 69 articles) is `--n 80 --seed
7171 --per-article 3 --half tune --first-n 6000`, drawn the same way from the 422 tune-half
articles then unseen (its numbers repeat blind6's: tell the two apart by file).
The eighth (quotes_review_bbc_blind8.jsonl, 80 quotes from 67 articles) is `--n 80 --seed
8181 --per-article 3 --half tune --first-n 7000`, drawn from the 284 tune-half articles then
unseen and labelled by reading them, by an engineer who changed no code, before any scoring.
The ninth (quotes_review_bbc_blind9.jsonl, 80 quotes from 53 articles) is `--n 80 --seed
9191 --per-article 3 --half tune --first-n 9000`, drawn from the 150 tune-half articles then
unseen and labelled by reading them, by an engineer who changed no code, before any scoring.
The tenth (quotes_review_bbc_blind10.jsonl, 40 quotes from 22 articles) is `--n 40 --seed
10101 --per-article 3 --half tune --first-n 10000`, drawn from the last 49 tune-half articles
then unseen (43 segments in all), labelled the same way before any scoring; entertainment/138
and entertainment/158 are the same article twice in the corpus, so six of its items are three pairs.
The eleventh (quotes_review_mn_blind11.jsonl, 60 quotes from 41 articles) is `--corpus
../shared/eval/stories_dev.jsonl --half check --n 60 --seed 11011 --per-article 2 --first-n 11000`:
US news (Multi-News) from stories_dev's check half, 152 unseen articles, labelled before any scoring.
The figures set drawn from the same half next (figures_review_mn_blind13.jsonl) names articles
too: to redraw the eleventh now, add `--redraw tests/data/quotes_review_mn_blind11.jsonl
--allow-seen-in tests/data/figures_review_mn_blind13.jsonl`.
The US tune set quotes_review_mn_tune.jsonl (52 quotes, 28 articles) is stories_dev again with
`--half tune --n 80 --seed 18018 --per-article 2 --first-n 23000`, labelled before any bot run.
The twelfth (quotes_review_mn_blind12.jsonl, 45 quotes from 24 articles) is the same corpus and half with
`--n 80 --seed 12012 --per-article 2 --first-n 21000`: the last 78 unseen articles gave only 81 segments,
labelled by reading them before any scoring. Redraw it with `--redraw
tests/data/quotes_review_mn_blind12.jsonl` (and `--allow-seen-in` for any set drawn from that half later).
The thirteenth (quotes_review_qd_blind13.jsonl, 80 quotes from 61 articles; numbers repeat mn_tune's) is `--corpus
../shared/eval/quotes_dev.jsonl --half check --n 80 --seed 13013 --per-article 2 --first-n 23000`: US election news
(PolNeAR) from quotes_dev's check half, 418 unseen articles, labelled by reading them (not PolNeAR's gold) before any
scoring. Redraw it with `--redraw tests/data/quotes_review_qd_blind13.jsonl` (and `--allow-seen-in` for later sets).
The US politics tune set quotes_review_qd_tune.jsonl (80 quotes from 63 PolNeAR articles) is
`--corpus ../shared/eval/quotes_dev.jsonl --half tune --n 80 --seed 31313 --per-article 2 --first-n 24000`,
drawn from the 422 tune-half articles then unseen and labelled by reading them (not from the PolNeAR gold),
he/she resolved by reading, before any bot run on them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sample_figures_review import add_allow_seen_in, seen_ids  # noqa: E402
from bench.split import corpus_articles  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_dev.jsonl"
PER_ARTICLE = 2
MIN_WORDS = 4


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of double quote marks, paragraph by paragraph."""
    out: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        marks = [para.start() + m.start() for m in re.finditer('"', para.group())]
        if len(marks) % 2:
            marks.append(para.end())
        for a, b in zip(marks[::2], marks[1::2], strict=True):
            body = text[a + 1 : b]
            if len(body.split()) >= MIN_WORDS:
                lead = len(body) - len(body.lstrip())
                out.append((a + 1 + lead, a + 1 + len(body.rstrip())))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--first-n", type=int, default=1000, help="numbering of the first item")
    ap.add_argument(
        "--per-article", type=int, default=PER_ARTICLE, help="most segments from one article"
    )
    ap.add_argument(
        "--half",
        choices=("check", "tune"),
        default="check",
        help="which half of bench/split.py to draw from (check: the earlier sets)",
    )
    ap.add_argument("--redraw", type=Path, help="a set drawn before (its ids are not 'seen')")
    add_allow_seen_in(ap)
    args = ap.parse_args()
    seen = seen_ids(ROOT / "tests", args.allow_seen_in)
    if args.redraw is not None:  # reproduce a drawn set: its own ids do not count as seen
        for line in args.redraw.read_text(encoding="utf8").splitlines():
            seen.discard(json.loads(line)["id"])
    docs = [
        d for d in corpus_articles(args.corpus) if d["half"] == args.half and d["id"] not in seen
    ]
    pool = [(d["id"], a, b, d["text"][a:b]) for d in docs for a, b in segments(d["text"])]
    rng = random.Random(args.seed)
    rng.shuffle(pool)
    taken: dict[str, int] = {}
    out = []
    for row in pool:
        if taken.get(row[0], 0) >= args.per_article:
            continue
        taken[row[0]] = taken.get(row[0], 0) + 1
        out.append(row)
        if len(out) == args.n:
            break
    out.sort()
    print(
        f"{len(docs)} unseen {args.half}-half articles, {len(pool)} segments, {len(out)} drawn",
        file=sys.stderr,
    )
    for i, (aid, a, b, body) in enumerate(out):
        row = {
            "n": args.first_n + i,
            "id": aid,
            "start": a,
            "end": b,
            "text": body,
            "speaker": None,
            "kind": "",
            "accept": [],
        }
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
