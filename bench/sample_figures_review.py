"""Draw a new review set of figures to label by hand, from articles no test has read yet.

usage: python bench/sample_figures_review.py [--n 100] [--seed 2019] [--first-n 2000]
           [--half {check,tune}] [--corpus ../shared/corpus/bbc_dev.jsonl] > /tmp/unlabelled.jsonl

Takes the articles of bbc_dev.jsonl in bench/split.py's check half (or, with --half tune,
the tune half: the check half is used up) whose id appears in no
file under tests/ (so none was read while fixing), runs the extractor on them, and draws
--n of its figures at random with a fixed seed, at most two from one article (so one
figure-dense article does not fill the set). Each line holds the span and its sentence and
leaves the answers empty (figure, value, low, high, unit, claimant, query): fill them in
by reading the sentence, before scoring with bench/score_figures_review.py --gold. Sampling
what the extractor gives measures precision, not recall.

By now nearly every check-half article is named in some test file, so --allow-seen-in GLOB
(repeatable) counts an article as unseen when only files matching GLOB name it: e.g. the
quotes review sets, whose articles were read for speakers and never for figures.

tests/data/figures_review_bbc_blind8.jsonl was drawn with --n 100 --seed 8188 --half tune
--first-n 8000 (573 unseen tune-half articles, 2904 figures, 100 drawn from 93 articles) and
labelled by hand from each sentence and its article before main was scored on it; to redraw it
now, add --allow-seen-in tests/data/figures_review_bbc_blind8.jsonl (the set names its own).
tests/data/figures_review_bbc_blind9.jsonl was drawn the same way after blind8 was committed,
with --n 100 --seed 9199 --half tune --first-n 8000 (422 unseen tune-half articles, 1920
figures, 100 drawn from 83 articles; its n repeats blind8's numbers, n keys items within a
file only), and labelled by hand from each sentence and its article before main (33e68cb) was
scored on it; to redraw it now, add --allow-seen-in tests/data/figures_review_bbc_blind9.jsonl.
tests/data/figures_review_bbc_blind10.jsonl was drawn the same way after blind9 was committed,
with --n 100 --seed 1010 --half tune --first-n 9000 (284 unseen tune-half articles, 1113
figures, 100 drawn from 82 articles) as a blind set for the final merged bot, and labelled by
hand from each sentence and its article before main (5124282) was scored on it; to redraw it
now, add --allow-seen-in tests/data/figures_review_bbc_blind10.jsonl.
tests/data/figures_review_bbc_blind11.jsonl was drawn the same way after blind10 was committed,
with --n 100 --seed 11311 --half tune --first-n 11000 (150 unseen tune-half articles, 426
figures, 100 drawn from 71 articles) as a blind set for the final merged bot of stop 24, and
labelled by hand from each sentence and its article before main (d60aabf) was scored on it; to
redraw it now, add --allow-seen-in tests/data/figures_review_bbc_blind11.jsonl.
tests/data/figures_review_bbc_blind12.jsonl was drawn the same way after blind11 was committed,
with --n 60 --seed 12121 --half tune --first-n 12000 (49 unseen tune-half articles, 77
figures; 52 drawn from 31 articles, fewer than asked, since at most two come from one article)
as a blind set for the final merged bot of stop 25, and labelled by hand from each sentence and
its article before main (0905e88) was scored on it; to redraw it now, add --allow-seen-in
tests/data/figures_review_bbc_blind12.jsonl.
tests/data/figures_review_mn_blind13.jsonl was drawn from the CHECK half of
../shared/eval/stories_dev.jsonl (Multi-News, US outlets; no titles) with --corpus that file --n 60
--seed 13013 --half check --first-n 13000 (152 check-half articles, 1209 figures, 60 drawn from 48
articles; seen_ids then knew BBC ids only, so every stories_dev article counted as unseen) and
labelled by hand from each sentence and its article before main (c873dd8) was scored on it. seen_ids
now knows stories_dev ids too: to redraw it, add --allow-seen-in for both mn sets
(tests/data/figures_review_mn_blind13.jsonl and tests/data/quotes_review_mn_blind11.jsonl).
tests/data/figures_review_mn_tune.jsonl was drawn from US news pages (Multi-News) with --corpus
/tmp/h19a_split/stories_dev.tune.jsonl (bench/split.py's tune half of stories_dev) --half tune
--n 150 --seed 1919 --first-n 19000 (162 tune-half articles, 1241 figures, 150 drawn) and
labelled by hand from each sentence and its article before any not-figure rule for web pages
was written; score it with --corpus /tmp/h19a_split/stories_dev.tune.jsonl.
tests/data/figures_review_qd_check.jsonl is the held-out check of those rules: drawn after they
were fixed from quotes_dev's CHECK half (political US news, read for speakers only) with
--corpus /tmp/h19a_split/quotes_dev.check.jsonl --half check --n 60 --seed 1920 --first-n
19200 (418 articles, 3287 figures, 60 drawn), labelled by hand and scored once.
tests/data/figures_review_mn_tune2.jsonl is a fresh US tune sample: --corpus ../shared/eval/stories_dev.jsonl
--half tune --n 80 --seed 19019 --first-n 24000 (67 unseen tune-half articles, 156 figures, 73 drawn), labelled
by hand before main (d9f80f6) was scored on it; score it with that --corpus and --half tune.
tests/data/figures_review_mn_blind14.jsonl was drawn from the CHECK half of
../shared/eval/stories_dev.jsonl with --corpus that file --half check --n 70 --seed 14014 --first-n
22000 at main d9f80f6 (78 check-half articles no test file named, 324 figures, 70 drawn from 43
articles) and labelled by hand from each sentence and its article before main was scored on it; to
redraw it now, add --allow-seen-in tests/data/figures_review_mn_blind14.jsonl (and the same for
any review set committed later that names its articles).
tests/data/figures_review_qd_blind15.jsonl was drawn from the CHECK half of ../shared/eval/quotes_dev.jsonl
(political US news, no titles) with --corpus that file --half check --n 70 --seed 15015 --first-n 25000 at
main 9877152, once seen_ids knew quotes_dev ids (before, figures_review_qd_check's 51 articles counted as
unseen): 367 unseen check-half articles, 2328 figures, 70 drawn from 57 articles, labelled by hand from
each sentence and its article before main was scored on it; to redraw it, add --allow-seen-in
tests/data/figures_review_qd_blind15.jsonl.
tests/data/figures_review_qd_tune.jsonl is a fresh US politics tune sample: --corpus
../shared/eval/quotes_dev.jsonl --half tune --n 80 --seed 32323 --first-n 26000 at main 9877152 (422
unseen tune-half articles, 2885 figures, 80 drawn), labelled by hand from each sentence and its
article (8 not figures) before main was scored on it; score it with that --corpus and --half tune.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.split import corpus_articles  # noqa: E402
from bot.extract import analyse  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_dev.jsonl"
# bbc_dev ids ("sport/123"), stories_dev article ids ("mn002a1") and quotes_dev ids
# ("nyt_2016-03-21_factory-workers-feel-sting-of-gl": outlet, date, cut slug that may end in "-")
_ID = re.compile(
    r"\b(?:(?:business|entertainment|politics|sport|tech)/\d{3}|mn\d{3}a\d+)\b"
    r"|\b[a-z]+(?:-[a-z]+)*_\d{4}-\d{2}-\d{2}_[a-z0-9-]+"
)
PER_ARTICLE = 2


def seen_ids(tests: Path, allow: list[str] | None = None) -> set[str]:
    """Every corpus article id named under tests/ (data files and test code), except in files
    whose path relative to the repository matches one of the `allow` globs."""
    out: set[str] = set()
    for p in tests.rglob("*"):
        rel = p.relative_to(ROOT).as_posix() if p.is_relative_to(ROOT) else p.as_posix()
        if any(fnmatch.fnmatch(rel, g) for g in allow or ()):
            continue
        if p.is_file() and p.suffix in (".jsonl", ".json", ".py"):
            out.update(_ID.findall(p.read_text(encoding="utf8", errors="replace")))
    return out


def add_allow_seen_in(ap: argparse.ArgumentParser) -> None:
    """--allow-seen-in GLOB (repeatable), for both samplers."""
    ap.add_argument(
        "--allow-seen-in",
        action="append",
        default=[],
        metavar="GLOB",
        help="test files (path from the repository root) whose article ids still count as unseen",
    )


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=2019)
    ap.add_argument("--first-n", type=int, default=2000, help="numbering of the first item")
    ap.add_argument(
        "--half",
        choices=("check", "tune"),
        default="check",
        help="which half of bench/split.py to draw from (check keeps earlier sets' draws)",
    )
    add_allow_seen_in(ap)
    args = ap.parse_args()
    seen = seen_ids(ROOT / "tests", args.allow_seen_in)
    docs = [
        d for d in corpus_articles(args.corpus) if d["half"] == args.half and d["id"] not in seen
    ]
    pool: list[tuple[str, int, int, str, str]] = []
    for d in docs:
        a = analyse(d["text"])
        for f in a.figures:
            sent = next((s.text for s in a.sentences if s.start <= f.start < s.end), "")
            pool.append((d["id"], f.start, f.end, f.surface, sent))
    rng = random.Random(args.seed)
    rng.shuffle(pool)
    taken: dict[str, int] = {}
    out = []
    for aid, start, end, surface, sent in pool:
        if taken.get(aid, 0) >= PER_ARTICLE:
            continue
        taken[aid] = taken.get(aid, 0) + 1
        out.append((aid, start, end, surface, sent))
        if len(out) == args.n:
            break
    out.sort()
    print(
        f"{len(docs)} unseen {args.half}-half articles, {len(pool)} figures, {len(out)} drawn",
        file=sys.stderr,
    )
    for i, (aid, start, end, surface, sent) in enumerate(out):
        row = {
            "n": args.first_n + i,
            "article": aid,
            "start": start,
            "end": end,
            "surface": surface,
            "sentence": sent,
            "figure": None,
            "value": None,
            "low": None,
            "high": None,
            "unit": None,
            "claimant": None,
            "query": None,
        }
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
