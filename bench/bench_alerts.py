"""Watch-alert latency: from an article's commit to the alert's post, at N indexed articles.

A store of N synthetic articles (../shared/corpus/make_corpus.py; most indexed without
extraction, `--extracted` of them with quotes and figures), 2 + `--watches` watches over 20
channels, and the real AlertEngine polling every `[alerts] poll_seconds` (0.5 s) with a
recording channel. Then `--new` articles that quote Putin and give a territory figure are
added one at a time, each in its own commit; latency = post time - commit time.

Side by side, the baseline a feed bot would use: every poll, re-run each watch's query over
the whole store (/who for a person, /figures for a topic) and diff against what was seen.
Its cost per poll is measured on the same store; the engine's per-poll cost beside it.

Usage:
  python bench/bench_alerts.py --n 10000 --store /tmp/alerts10k.db   (the store is reused)
Not a test: the machine is shared; read the load average printed with the numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.alerts import AlertEngine  # noqa: E402
from bot.delivery import Router  # noqa: E402
from bot.ingest.readers import read_path  # noqa: E402
from bot.ingest.service import ingest_loaded  # noqa: E402
from bot.model import Article, Reply  # noqa: E402
from bot.store.sqlite import SQLiteStore  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "make_corpus.py"
TOWNS = "Sudzha Korenevo Tetkino Glushkovo Lgov Rylsk Oboyan Kurchatov Dmitriev Fatezh".split()


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


class Clocked:
    """A channel that notes when each alert arrives (perf_counter) and which article it was for."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}

    async def post(self, place: str, reply: Reply, *, done: int = 0, sent: Any = None) -> None:
        now = time.perf_counter()
        for c in reply.citations:
            self.arrived.setdefault(c.article_id, now)
        if sent is not None:
            await sent(1)


async def build(path: Path, n: int, extracted: int) -> None:
    """The background store: n articles, `extracted` of them with extraction."""
    corpus = path.with_suffix(".jsonl")
    if not corpus.exists():
        subprocess.run(
            [sys.executable, str(CORPUS), "--out", str(corpus), "--n", str(n)], check=True
        )
    store = await SQLiteStore.open(path)
    try:
        items = list(read_path(corpus))
        started = time.perf_counter()
        await ingest_loaded(store, items[extracted:], extract=False)
        await ingest_loaded(store, items[:extracted], extract=True)
        took = time.perf_counter() - started
        print(f"built {await store.article_count()} articles in {took:.0f} s ({load()})")
    finally:
        await store.close()


# this run's articles and quotes are new to a reused store (an update already alerted is
# never alerted again, so a rerun with the same quotes would post nothing)
RUN = time.time_ns() % 1_000_000_007


def article(i: int) -> Article:
    town = TOWNS[i % len(TOWNS)]
    text = (
        f"Fighting near {town}, report {RUN}-{i}\n\n"
        f"Officials in {town} said on day {i} that the front had moved again overnight.\n\n"
        f"\u201cWe will restore order in {town} within {i + 2} days ({RUN}),\u201d Vladimir Putin said.\n\n"
        f"Ukrainian troops said they had seized {10 + i} square kilometres near {town} this week."
    )
    return Article(f"alert-bench-{i}-{time.time_ns()}", f"Fighting near {town}, report {i}", text)


async def naive_poll(store: SQLiteStore) -> None:
    """The baseline's work per poll: each watch's whole query, as the commands run it."""
    keys = [k for k, _, _ in await store.speakers() if k == "putin"]
    await store.quotes_by_speakers(keys, limit=10_000)
    await store.figures(topic="territory", limit=10_000)


async def measure(path: Path, new: int, watches: int, poll: float) -> None:
    store = await SQLiteStore.open(path, near_duplicates=False)
    channel = Clocked()
    engine = AlertEngine(store, Router({"bench": channel}), per_hour=100_000, every=poll)
    try:
        at = "2026-01-01T00:00:00Z"
        await store.add_watch("C0", "bench", "person", "Putin", "putin", "U1", at)
        await store.add_watch("C0", "bench", "topic", "territory", "territory", "U1", at)
        for i in range(watches):  # other channels' watches, matched against every new article
            target = ("Zelensky", "troops", "oil", "Biden", "casualties")[i % 5]
            kind = "person" if target[0].isupper() else "topic"
            key = target.lower() if kind == "topic" else target.lower().rstrip("y") + "y"
            await store.add_watch(f"C{i % 20 + 1}", "bench", kind, target, key, "U1", at)
        await engine.step()  # catch the cursor up
        idle = []
        for _ in range(20):
            t = time.perf_counter()
            await engine.step()
            idle.append(time.perf_counter() - t)
        naive = []
        for _ in range(5):
            t = time.perf_counter()
            await naive_poll(store)
            naive.append(time.perf_counter() - t)
        engine.start()
        committed: dict[str, float] = {}
        for i in range(new):
            a = article(i)
            await store.add_article(a)
            committed[a.id] = time.perf_counter()
            await asyncio.sleep(0.25 + (i % 4) * 0.1)  # arrivals spread like a feed poll's
        deadline = time.perf_counter() + 30
        while len(channel.arrived) < new and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        await engine.stop()
        lat = [channel.arrived[k] - v for k, v in committed.items() if k in channel.arrived]
        count = await store.article_count()
    finally:
        await store.close()
    print(f"store: {count} articles; {watches + 2} watches; poll every {poll} s; {load()}")
    print(f"alerts posted: {len(lat)}/{new}")
    if lat:
        print(
            f"commit -> post latency: p50 {statistics.median(lat):.3f} s, "
            f"p99 {pct(lat, 99):.3f} s, max {max(lat):.3f} s (target p99 < 2 s)"
        )
    eng, base = statistics.median(idle), statistics.median(naive)
    print("work per poll (median)       engine      naive rescan   ratio")
    print(
        f"  no new article             {eng * 1000:8.2f} ms  {base * 1000:10.2f} ms   {base / eng:6.1f}x"
    )
    summary = {
        "n": count,
        "p50": statistics.median(lat) if lat else None,
        "p99": pct(lat, 99) if lat else None,
        "posted": len(lat),
        "new": new,
        "engine_poll_ms": eng * 1000,
        "naive_poll_ms": base * 1000,
    }
    print(json.dumps(summary))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=10_000, help="background articles")
    ap.add_argument("--extracted", type=int, default=1000, help="of them, indexed with extraction")
    ap.add_argument("--store", type=Path, default=Path("/tmp/bench_alerts.db"))
    ap.add_argument("--new", type=int, default=40, help="matching articles to time")
    ap.add_argument("--watches", type=int, default=50, help="other channels' watches")
    ap.add_argument("--poll", type=float, default=0.5, help="[alerts] poll_seconds")
    args = ap.parse_args()
    if not args.store.exists():
        asyncio.run(build(args.store, args.n, args.extracted))
    asyncio.run(measure(args.store, args.new, args.watches, args.poll))


if __name__ == "__main__":
    main()
