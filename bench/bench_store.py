"""Store benchmark: bulk ingest without extraction, store size, peak RSS, /search latency.

Printed side by side with naive baselines so the numbers read as ratios:
  ingest  vs  plain sqlite3 executemany of the same records (no FTS, no sentences, no dedupe)
  /search vs  a LIKE '%word%' scan of the articles table (on a sample: it is slow)

Usage (the corpus comes from ../shared/corpus/make_corpus.py --n 106000):
  python bench/bench_store.py --corpus /tmp/big106.jsonl --n 100000 --out /tmp/foundation-bench
Not a test: the machine is shared, so read the load averages printed with each phase.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import re
import resource
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.config import Config  # noqa: E402
from bot.core import Core  # noqa: E402
from bot.ingest.readers import read_path  # noqa: E402
from bot.ingest.service import IngestReport, ingest_loaded  # noqa: E402
from bot.model import Request  # noqa: E402
from bot.store.sqlite import SQLiteStore  # noqa: E402

HOSTILE = [
    '"',
    'Kursk"',
    "AND OR NOT",
    "NEAR(a b)",
    "title:bank",
    "*",
    "bank*",
    "'; DROP TABLE articles; --",
    "( ) ^ -",
    "{text}: x",
    "a" * 900,
    "\u202eevil\u202c",
    "💥 rates",
    "NOT NOT NOT",
    "OR",
    "%_%",
]
_WORD = re.compile(r"[A-Za-z]{4,}")
_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def peak_rss_mb() -> float:
    """Peak resident set of this process (and of finished worker processes), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def cpu_seconds() -> float:
    """CPU time of this process and its finished workers: the load-independent cost."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def store_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6


def fresh(path: Path) -> None:
    for p in path.parent.glob(path.name + "*"):
        p.unlink()


def queries(corpus: Path, n: int, seed: int = 7) -> list[str]:
    """Varied queries from the corpus itself: words, phrases, names, hostile and no-hit strings."""
    rng = random.Random(seed)
    words, phrases, names = [], [], []
    with corpus.open(encoding="utf-8") as fh:
        for line in itertools.islice(fh, 3000):
            rec = json.loads(line)
            text = rec.get("text", "")
            words += _WORD.findall(rec.get("title", ""))
            names += _NAME.findall(text)
            toks = text.split()
            if len(toks) > 10:
                i = rng.randrange(len(toks) - 4)
                phrases.append(" ".join(toks[i : i + rng.choice((2, 3, 4))]))
    out = []
    for i in range(n):
        kind = i % 10
        if kind < 3:
            out.append(rng.choice(words))
        elif kind < 5:
            out.append(rng.choice(phrases))
        elif kind < 7:
            out.append(rng.choice(names))
        elif kind == 7:
            out.append(rng.choice(HOSTILE))
        elif kind == 8:
            out.append("".join(rng.choice("qxzjvkw") for _ in range(9)))  # no hit
        else:
            out.append(f"{rng.choice(words)} {rng.choice(words)}")
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def time_search(store: SQLiteStore, qs: list[str]) -> tuple[list[float], int]:
    """Each query through Core.handle('/search'), as a user's command runs: ms per query."""
    core = Core(store, Config())
    times, errors = [], 0
    for q in qs:
        t = time.perf_counter()
        reply = await core.handle(Request(command="search", args=q))
        times.append((time.perf_counter() - t) * 1000)
        errors += "Something went wrong" in reply.title + str(reply.sections)
    return times, errors


def time_like(path: Path, qs: list[str]) -> list[float]:
    """The naive baseline: the first word as LIKE '%word%' over the article text."""
    db = sqlite3.connect(path)
    times = []
    for q in qs:
        word = (re.findall(r"\w+", q) or ["x"])[0]
        t = time.perf_counter()
        db.execute(
            "SELECT id, title FROM articles WHERE text LIKE ? LIMIT 10", (f"%{word}%",)
        ).fetchall()
        times.append((time.perf_counter() - t) * 1000)
    db.close()
    return times


def baseline_ingest(corpus: Path, n: int, path: Path) -> float:
    """Plain sqlite3 executemany of (id, title, text), one transaction per 1000: articles/s."""
    fresh(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, text TEXT)")
    t = time.perf_counter()
    with corpus.open(encoding="utf-8") as fh:
        batch = []
        for line in itertools.islice(fh, n):
            rec = json.loads(line)
            batch.append((rec["id"], rec.get("title", ""), rec["text"]))
            if len(batch) == 1000:
                with db:
                    db.executemany("INSERT INTO articles VALUES (?, ?, ?)", batch)
                batch = []
        with db:
            db.executemany("INSERT INTO articles VALUES (?, ?, ?)", batch)
    rate = n / (time.perf_counter() - t)
    db.close()
    return rate


def line(label: str, ours: float, base: float, unit: str, better: str = "higher") -> str:
    ratio = ours / base if better == "higher" else base / ours
    return (
        f"  {label:<28} {ours:>10.1f} {unit:<6} baseline {base:>10.1f} {unit:<6} ratio {ratio:.2f}x"
    )


async def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/big106.jsonl"))
    ap.add_argument("--n", type=int, default=100_000, help="articles to ingest (from the start)")
    ap.add_argument("--checkpoint", type=int, default=10_000, help="also time /search here")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--like-sample", type=int, default=100, help="queries for the LIKE baseline")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument(
        "--keep-wire-copies",
        action="store_true",
        help="store near-duplicates too (the corpus is ~40%% wire copies; this fills the store)",
    )
    ap.add_argument("--out", type=Path, default=Path("/tmp/foundation-bench"))
    ap.add_argument("--search-only", action="store_true", help="reuse the stores of an earlier run")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    qs = queries(args.corpus, args.queries)
    like_qs = qs[: args.like_sample]
    print(
        f"bench_store: {args.n:,} articles from {args.corpus}, {len(qs)} queries, "
        f"workers {args.workers}, wire copies {'kept' if args.keep_wire_copies else 'skipped'}; "
        f"{load()}"
    )

    path = args.out / "store.db"
    if not args.search_only:
        fresh(path)
    store = await SQLiteStore.open(path, near_duplicates=not args.keep_wire_copies)
    items = read_path(args.corpus)
    report, took, cpu, done = IngestReport(), 0.0, 0.0, 0
    stops = [args.n] if args.search_only else sorted({min(args.checkpoint, args.n), args.n})
    for stop in stops:
        if not args.search_only:
            t, c = time.perf_counter(), cpu_seconds()
            batch = itertools.islice(items, stop - done)
            await ingest_loaded(store, batch, report, workers=args.workers, extract=False)
            took += time.perf_counter() - t
            cpu += cpu_seconds() - c
            done = stop
            store._w.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            print(
                f"ingest {done:,}: {report.line()} in {took:.1f} s = {done / took:.0f} articles/s "
                f"({done / cpu:.0f} per CPU-second, {cpu * 1000 / done:.2f} CPU ms each); "
                f"store {store_mb(path):.0f} MB; peak RSS {peak_rss_mb():.0f} MB; {load()}"
            )
        await time_search(store, qs[:50])  # warm the page cache, as a running bot's would be
        times, errors = await time_search(store, qs)
        like = time_like(path, like_qs)
        print(f"/search at {await store.article_count():,} articles ({load()}):")
        print(line("p50", statistics.median(times), statistics.median(like), "ms", "lower"))
        print(line("p99", pct(times, 99), pct(like, 99), "ms", "lower"))
        print(f"  max {max(times):.1f} ms; errors {errors}; LIKE baseline over {len(like)} queries")
    await store.close()
    if not args.search_only:
        base = baseline_ingest(args.corpus, args.n, args.out / "baseline.db")
        print(f"ingest of {args.n:,} articles without extraction ({load()}):")
        print(line("articles/s", args.n / took, base, "art/s"))
        print(
            f"  {args.n / cpu:.0f} articles per CPU-second = {cpu * 1000 / args.n:.2f} CPU ms per "
            f"article ({cpu:.0f} CPU-s in {took:.0f} s wall)"
        )
        print(
            f"  store {store_mb(path):.0f} MB (baseline, text only: "
            f"{store_mb(args.out / 'baseline.db'):.0f} MB); peak RSS {peak_rss_mb():.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
