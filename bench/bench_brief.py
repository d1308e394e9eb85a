"""/brief at scale: latency over a large store, against a naive per-request clustering baseline.

usage: python bench/bench_brief.py [--db /tmp/bench.db] [--corpus /tmp/big.jsonl] [--n 100000]
       [--requests 200]

Builds (or reuses) a store from the synthetic corpus (make one with
../shared/corpus/make_corpus.py --out /tmp/big.jsonl --n 100000), then times the real
/brief path (stories kept at ingest, summaries cached per story) and a naive baseline that
reads the last day's articles and clusters them on every request, both on the same store.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import sys
import time
from datetime import UTC, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import cluster
from bot.app import open_core
from bot.config import Config
from bot.ingest.readers import Loaded, ReadError, from_record
from bot.ingest.service import ingest_loaded
from bot.model import Request, parse_utc
from bot.warmer import warm_summaries
from summaries.multi import StoryDoc, summarize_story

TOPICS = [
    None,
    None,
    None,
    "economy",
    "election",
    "film",
    "football",
    "mobile phone",
    "oil prices",
    "music",
]


def records(path: Path, skip: int, n: int):
    with path.open() as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            if i < skip:
                continue
            where = f"{path}:{i + 1}"
            try:
                yield Loaded(where, from_record(json.loads(line), where))
            except ReadError as exc:
                yield Loaded(where, error=str(exc))


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


async def naive_brief(store, since: str) -> int:
    """Baseline: cluster the window's articles from scratch, then summarise each cluster."""
    rows = await store._all(
        "SELECT id, title, text, published FROM articles WHERE published >= ? ORDER BY published DESC",
        (since,),
    )
    vectors = [(r, cluster.weigh(cluster.term_counts(r[1], r[2]), {}, 0)) for r in rows]
    clusters: list[list] = []
    for row, vec in vectors:
        best = max(clusters, key=lambda c: cluster.cosine(vec, c[0][1]), default=None)
        if best is not None and cluster.cosine(vec, best[0][1]) >= cluster.JOIN_THRESHOLD:
            best.append((row, vec))
        else:
            clusters.append([(row, vec)])
    clusters.sort(key=lambda c: max(r[3] for r, _ in c), reverse=True)
    for c in clusters[:5]:
        summarize_story([StoryDoc(r[0], r[1], r[2], r[3]) for r, _ in c], 3)
    return len(clusters)


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default="/tmp/briefbot-bench.db")
    ap.add_argument("--corpus", default="/tmp/big.jsonl")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument(
        "--naive", type=int, default=-1, help="naive-baseline requests (default requests/10, >= 10)"
    )
    ap.add_argument(
        "--no-warm", action="store_true", help="skip the warmer: /brief makes summaries itself"
    )
    args = ap.parse_args()
    # The synthetic corpus recombines 1,497 BBC articles, so ~40% of its articles share >= 80% of
    # their text with an earlier one; index them all (exact copies are still skipped) to reach the size.
    config = Config(near_duplicates=False)
    async with open_core(args.db, config=config) as core:
        have = await core.store.article_count()
        if have < args.n * 0.9:
            corpus = Path(args.corpus)
            if not corpus.exists():
                sys.exit(
                    f"no corpus at {corpus}: run ../shared/corpus/make_corpus.py --out {corpus} --n {args.n}"
                )
            t0 = time.perf_counter()
            report = await ingest_loaded(
                core.store, records(corpus, 0, args.n), workers=args.workers
            )
            dt = time.perf_counter() - t0
            print(
                f"ingest: {report.line()} in {dt:.0f} s = {(report.new + report.duplicate) / dt:.1f} articles/s"
            )
        total = await core.store.article_count()
        if not args.no_warm:
            # What the bot's warmer does after each ingest batch (bot/warmer.py): the recent
            # stories' summaries are made here, timed on their own, not inside a /brief.
            t0 = time.perf_counter()
            made = await warm_summaries(core.store)
            warm_s = time.perf_counter() - t0
            print(f"warmer after ingest: {made} story summaries made in {warm_s:.1f} s")
        latest = await core.store.latest_published()
        now = parse_utc(latest)
        rng = random.Random(1)
        lat: list[float] = []
        for _ in range(args.requests):
            topic = rng.choice(TOPICS)
            day = now - timedelta(days=rng.randint(0, 300))
            since = day - timedelta(hours=24)
            line = f"{topic or ''} {since.strftime('%Y-%m-%dT%H:%M:%SZ')}".strip()
            t0 = time.perf_counter()
            reply = await core.handle(Request(command="brief", args=line))
            lat.append(time.perf_counter() - t0)
            assert not reply.error, reply
        naive: list[float] = []
        for _ in range(args.naive if args.naive >= 0 else max(10, args.requests // 10)):
            day = now - timedelta(days=rng.randint(0, 300))
            t0 = time.perf_counter()
            await naive_brief(
                core.store,
                (day - timedelta(hours=24)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            )
            naive.append(time.perf_counter() - t0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"store: {total:,} articles ({Path(args.db).stat().st_size / 1e6:,.0f} MB)")
    print(f"{'path':<34}{'p50 ms':>10}{'p99 ms':>10}{'requests':>10}")
    print(
        f"{'/brief (stories kept at ingest)':<34}{statistics.median(lat) * 1e3:>10.1f}{pct(lat, 0.99) * 1e3:>10.1f}{len(lat):>10}"
    )
    print(f"first /brief {lat[0] * 1e3:.1f} ms; slowest {max(lat) * 1e3:.1f} ms")
    if not naive:
        print(f"peak RSS {rss:.0f} MB (naive baseline skipped)")
        return
    print(
        f"{'naive per-request clustering':<34}{statistics.median(naive) * 1e3:>10.1f}{pct(naive, 0.99) * 1e3:>10.1f}{len(naive):>10}"
    )
    print(
        f"ratio (naive p50 / ours p50): {statistics.median(naive) / statistics.median(lat):.1f}x; peak RSS {rss:.0f} MB"
    )
    print(
        json.dumps(
            {
                "brief_p50_ms": statistics.median(lat) * 1e3,
                "brief_p99_ms": pct(lat, 0.99) * 1e3,
                "naive_p50_ms": statistics.median(naive) * 1e3,
                "first_brief_ms": lat[0] * 1e3,
                "articles": total,
            }
        )
    )


if __name__ == "__main__":
    asyncio.run(main())
