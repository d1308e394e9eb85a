"""/search and /brief on PostgreSQL side by side with SQLite, on the same articles, in one run.

usage: python bench/bench_pg.py --sqlite /tmp/copy/bench100k.db [--pg-url postgresql://...]
       [--requests 200] [--rounds 3] [--build-from /tmp/big.jsonl --n 2000]

Takes a built SQLite store (bench/bench_brief.py makes the 100,000-article one), moves it into
PostgreSQL with `briefbot import` (a throwaway server from tests/pgserver.py unless --pg-url
names one), then sends the same random /search and /brief requests through the real core
to both stores and prints p50/p99 for each, with the PostgreSQL / SQLite ratio. The /search
requests include the 20 words found in most articles ("the", "said", ...), also timed alone
with /figures (plus "year"): the searches that match nearly every article. Each path is
first warmed, untimed, with 20 other requests on both stores. --rounds times both stores
that many times (the one timed first alternates) and prints each round and the spread of
the PostgreSQL / SQLite p99; after each round it prints every path's --slowest (3) requests
on each store, with their ms, so the tail behind a p99 is named. The throwaway server runs with SERVER_SETTINGS (those of
deploy/postgresql-briefbot.conf, shared_buffers a quarter of memory as it advises).
With --build-from, first ingests --n articles of a corpus into the SQLite path (small runs).
With --dump-answers FILE, writes PostgreSQL's hits for the timed searches instead of timing:
run it with two versions of the search code and compare the files (same hits, scores, snippets).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_brief import TOPICS, pct, records
from bot.app import open_core
from bot.config import Config
from bot.ingest.service import ingest_loaded
from bot.model import Request, parse_utc
from bot.store import fts
from bot.store.transfer import counts, export_to, import_from

# The throwaway server is set up as README "Running at scale" advises for production: the
# articles' pages and search index kept in PostgreSQL's own buffers (the default 128 MB
# holds a fraction of a 100k archive, so most reads copy pages in from the OS cache), and no
# JIT compilation (it costs more than the short queries it would speed up).
# shared_buffers: a quarter of memory, as the README advises (SQLite reads its whole file from
# the OS cache; with 1 GB at 97k articles the articles' search vectors in TOAST were pushed
# out by /figures and /brief reads and copied back page by page in /search's tail).
_QUARTER_MB = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 4 // 2**20
SERVER_SETTINGS = {"shared_buffers": f"{max(128, _QUARTER_MB)}MB", "jit": "off"}
WORD = re.compile(r"[A-Za-z]{4,}")
WORD_ANY = re.compile(r"[A-Za-z]+")


async def queries(target: str, n: int, rng: random.Random) -> list[str]:
    """Search strings of 1-3 words taken from random article titles (same list for both stores)."""
    async with open_core(target) as core:
        total = await core.store.article_count()
        refs = []
        for _ in range(n):
            refs += await core.store.recent_articles(limit=1, offset=rng.randrange(total))
    out = []
    for ref in refs:
        words = WORD.findall(ref.title) or ["news"]
        out.append(" ".join(rng.sample(words, min(len(words), rng.randint(1, 3)))))
    return out


async def common_words(target: str, n: int, rng: random.Random, sample: int = 2000) -> list[str]:
    """The n words found in most articles (by a sample of them): the searches that match
    nearly everything, which an unbounded ranking would score in every article. Words of
    fts.INDEX_STOP ("the", "of") are left out: the commands refuse a topic of only those
    before any store is asked (bot/commands/common_words.py), so "said", "year" and "new"
    are the commonest words a search actually runs on."""
    async with open_core(target) as core:
        total = await core.store.article_count()
        refs = []
        for _ in range(min(sample, total)):
            refs += await core.store.recent_articles(limit=1, offset=rng.randrange(total))
        texts = await core.store.articles([r.id for r in refs])
    df: Counter[str] = Counter()
    for article in texts:
        df.update({w.lower() for w in WORD_ANY.findall(f"{article.title} {article.text}")})
    return [w for w, _ in df.most_common() if w not in fts.INDEX_STOP][:n]


async def briefs(target: str, n: int, rng: random.Random) -> list[str]:
    async with open_core(target) as core:
        latest = await core.store.latest_published()
    now = parse_utc(latest)
    out = []
    for _ in range(n):
        topic = rng.choice(TOPICS)
        since = now - timedelta(days=rng.randint(0, 300), hours=24)
        out.append(f"{topic or ''} {since.strftime('%Y-%m-%dT%H:%M:%SZ')}".strip())
    return out


async def timed(
    target: str, command: str, lines: list[str], warm: list[str] | None = None
) -> list[float]:
    """Latency of each line; `warm` lines (others than the timed ones) go first, untimed, so
    neither store is measured on its first statements (connection pool, prepared
    statements, page cache). Python's cyclic garbage collector is off while timing (as in
    timeit): in round 1 this process holds the setup's objects, and a full collection (~90 ms)
    fell inside one PostgreSQL /search request, the same one every run, a pause of the
    bench's own, not of either store."""
    lat = []
    async with open_core(target) as core:
        for line in warm or lines[:1]:
            await core.handle(Request(command=command, args=line))
        gc.collect()
        gc.disable()
        try:
            for line in lines:
                t0 = time.perf_counter()
                reply = await core.handle(Request(command=command, args=line))
                lat.append(time.perf_counter() - t0)
                assert not reply.error or command in ("search", "figures"), reply
        finally:
            gc.enable()
    return lat


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--sqlite", required=True, help="SQLite store (a copy: it is opened for writing)"
    )
    ap.add_argument(
        "--pg-url",
        default="",
        help="an empty PostgreSQL database (default: throwaway), or one already holding the "
        "same rows (then it is timed as it is)",
    )
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument(
        "--rounds", type=int, default=1, help="time both stores this many times (spread)"
    )
    ap.add_argument(
        "--slowest",
        type=int,
        default=3,
        help="print each path's this many slowest requests per store and round (0: none)",
    )
    ap.add_argument(
        "--dump-answers",
        default="",
        help="write the PostgreSQL store's /search answers (ids, scores, snippets) for the "
        "timed requests to this JSON file and stop: diff two code versions' files",
    )
    ap.add_argument("--build-from", default="", help="corpus JSONL to ingest into --sqlite first")
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    if args.dump_answers and not args.pg_url:
        sys.exit("--dump-answers needs --pg-url, a database holding the rows")
    if args.build_from:
        async with open_core(args.sqlite, config=Config(near_duplicates=False)) as core:
            if await core.store.article_count() < args.n:
                await ingest_loaded(
                    core.store, records(Path(args.build_from), 0, args.n), workers=2
                )
    server = None
    pg_url = args.pg_url
    if not pg_url:
        from tests.pgserver import PgServer, find_bin_dir

        bin_dir = find_bin_dir()
        if bin_dir is None:
            sys.exit("no PostgreSQL server binaries: apt-get install postgresql, or pass --pg-url")
        server = PgServer(bin_dir, SERVER_SETTINGS).start()
        pg_url = server.database()
    try:
        if args.dump_answers:
            await dump_answers(args, pg_url)
            return
        if args.pg_url and await counts(args.pg_url) == await counts(args.sqlite):
            print("the PostgreSQL database already holds the same rows: timing it as it is")
            await time_both(args, args.pg_url, (await counts(args.sqlite))["articles"])
            return
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "export.jsonl"
            t0 = time.perf_counter()
            with dump.open("w") as out:
                exported = await export_to(args.sqlite, out)
            t1 = time.perf_counter()
            with dump.open() as src:
                imported = await import_from(pg_url, src)
            t2 = time.perf_counter()
        assert imported == exported, (imported, exported)
        n = exported["articles"]
        print(
            f"moved {n:,} articles ({exported['quotes']:,} quotes, {exported['figures']:,} figures): "
            f"export {t1 - t0:.0f} s, import {t2 - t1:.0f} s; counts identical: {imported == await counts(pg_url)}"
        )
        await time_both(args, pg_url, n)
    finally:
        if server is not None:
            server.stop()


async def search_lines(sqlite: str, rng: random.Random, n: int) -> list[str]:
    """The timed /search requests: n from article titles and the 20 common words."""
    common = await common_words(sqlite, 20, rng)
    return await queries(sqlite, n, rng) + common


async def dump_answers(args: argparse.Namespace, pg_url: str) -> None:
    """Each timed search's hits on PostgreSQL, for a same-answers check between two versions
    of the search code (the bounded ways must find exactly what reading every match finds)."""
    lines = await search_lines(args.sqlite, random.Random(7), args.requests)
    async with open_core(pg_url) as core:
        out = {
            line: [
                (h.article.id, round(h.score, 6), h.snippet) for h in await core.store.search(line)
            ]
            for line in lines
        }
    Path(args.dump_answers).write_text(json.dumps(out, indent=0, sort_keys=True))
    print(f"{len(out)} searches, {sum(map(len, out.values()))} hits -> {args.dump_answers}")


async def time_both(args: argparse.Namespace, pg_url: str, n: int) -> None:
    """The same requests against both stores, one after the other; prints the table."""
    rng = random.Random(7)
    searches = await search_lines(args.sqlite, rng, args.requests)
    common = searches[-20:]
    print("20 most common words:", " ".join(common))
    rng.shuffle(searches)
    brief_lines = await briefs(args.sqlite, args.requests, rng)
    figure_lines = [*common, "year"]
    warm_rng = random.Random(99)  # 20 other requests per path, the same for both stores
    warm = {
        "search": await queries(args.sqlite, 20, warm_rng),
        "brief": await briefs(args.sqlite, 20, warm_rng),
        "figures": ["oil prices", "house prices", "profits", "territory", "jobs"],
    }
    lines = {
        "search": searches,
        "search common": common,
        "figures common": figure_lines,
        "brief": brief_lines,
    }
    ratios: dict[str, list[float]] = {}
    for round_ in range(args.rounds):
        # each round times both stores; the one timed first alternates
        order = [("sqlite", args.sqlite), ("postgres", pg_url)]
        results = {}
        for name, target in order if round_ % 2 == 0 else order[::-1]:
            results[name] = {
                "search": await timed(target, "search", searches, warm["search"]),
                "search common": await timed(target, "search", common, warm["search"]),
                "figures common": await timed(target, "figures", figure_lines, warm["figures"]),
                "brief": await timed(target, "brief", brief_lines, warm["brief"]),
            }
        print(f"round {round_ + 1} of {args.rounds} ({os.getloadavg()[0]:.1f} load)")
        for path, ratio in table(args, n, results).items():
            ratios.setdefault(path, []).append(ratio)
        slowest(args.slowest, lines, results)
    if args.rounds > 1:
        print("PG/SQLite p99 by round:")
        for path, values in ratios.items():
            shown = ", ".join(f"{v:.2f}x" for v in values)
            print(f"/{path:<15}{shown}  (median {statistics.median(values):.2f}x)")


def slowest(
    k: int, lines: dict[str, list[str]], results: dict[str, dict[str, list[float]]]
) -> None:
    """Prints each path's k slowest requests on each store (ms and the request), so a p99
    over the baseline names its requests: with 220 requests the p99 is the 3rd slowest."""
    if k <= 0:
        return
    print(f"slowest {k} requests per path (ms, request):")
    for path, sent in lines.items():
        for name in ("sqlite", "postgres"):
            lat = results[name][path]
            top = sorted(range(len(lat)), key=lat.__getitem__, reverse=True)[:k]
            shown = "; ".join(f"{lat[i] * 1e3:.1f} {sent[i]!r}" for i in top)
            print(f"  /{path:<15}{name:<9}{shown}")


def table(
    args: argparse.Namespace, n: int, results: dict[str, dict[str, list[float]]]
) -> dict[str, float]:
    """Prints one round's p50/p99 table and its JSON summary; returns PG/SQLite p99 by path."""
    print(
        f"{n:,} articles, {args.requests} requests per path (+ the 20 common words in "
        "/search; machine shared with other jobs)"
    )
    print(
        f"{'path':<16}{'SQLite p50':>12}{'p99':>10}{'PG p50':>10}{'p99':>10}{'PG/SQLite p99':>15}"
    )
    summary: dict[str, float] = {"articles": n}
    ratios: dict[str, float] = {}
    for path in results["sqlite"]:
        s, p = results["sqlite"][path], results["postgres"][path]
        row = [statistics.median(s), pct(s, 0.99), statistics.median(p), pct(p, 0.99)]
        ms = [v * 1e3 for v in row]
        print(
            f"/{path:<15}{ms[0]:>12.1f}{ms[1]:>10.1f}{ms[2]:>10.1f}{ms[3]:>10.1f}{row[3] / row[1]:>14.2f}x"
        )
        ratios[path] = row[3] / row[1]
        key = path.replace(" ", "_")
        summary.update(
            {f"{key}_sqlite_p99_ms": ms[1], f"{key}_pg_p99_ms": ms[3]}
            | {f"{key}_sqlite_p50_ms": ms[0], f"{key}_pg_p50_ms": ms[2]}
        )
    print(json.dumps(summary))
    return ratios


if __name__ == "__main__":
    asyncio.run(main())
