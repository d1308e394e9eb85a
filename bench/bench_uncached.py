"""Per-command latency with no read cache: what each kind of read command costs at scale.

usage: python bench/bench_uncached.py --db STORE.db [--n 300] [--seed 6] [--slowest 10]

The varied mix (bench/load_mix.py: words, names and phrases drawn from the store) runs one
command at a time through Core.handle in this process, on a copy of the store (with its
-wal/-shm, so the original is never written). The store's read cache is emptied before every
command, so each answer is computed from the indexes, as a first-time question is. Prints
p50/p99/max per kind and the slowest command lines. Not a test: numbers to read; run it
before and after a change on the same machine, close together.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_adapters import pct  # noqa: E402
from bench.bench_load import copy_store  # noqa: E402
from bench.load_mix import FIXED, kind_of, varied  # noqa: E402


async def run(db: Path, lines: list[str], slowest: int, per_line: bool = False) -> None:
    from adapters.console import parse_line
    from bot.app import open_core
    from bot.model import Request

    logging.getLogger("bot.core").setLevel(logging.CRITICAL)
    by_kind: dict[str, list[float]] = {}
    timed: list[tuple[float, str]] = []
    async with open_core(db) as core:
        store = core.store
        await store.speakers()  # the workers build this at start, not per request
        await core.handle(Request("help", ""))
        for line in lines:
            command, args = parse_line(line) or ("help", "")
            store._read_cache.clear()
            t0 = time.perf_counter()
            await core.handle(Request(command, args, user="U1", place="C1"))
            ms = (time.perf_counter() - t0) * 1000
            by_kind.setdefault(line if per_line else kind_of(line), []).append(ms)
            timed.append((ms, line))
    every = [ms for ms, _ in timed]
    print(f"  {'kind':<28} {'n':>4} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9}")
    for kind, values in sorted(by_kind.items(), key=lambda kv: -pct(kv[1], 99)):
        print(
            f"  {kind[:28]:<28} {len(values):>4} {pct(values, 50):>9.1f} {pct(values, 99):>9.1f}"
            f" {max(values):>9.1f}"
        )
    print(
        f"  {'all':<28} {len(every):>4} {pct(every, 50):>9.1f} {pct(every, 99):>9.1f}"
        f" {max(every):>9.1f}"
    )
    print("  slowest:")
    for ms, line in sorted(timed, reverse=True)[:slowest]:
        print(f"    {ms:9.1f} ms  {line[:90]}")


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--n", type=int, default=300, help="commands to time")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument(
        "--mix",
        choices=("varied", "fixed"),
        default="varied",
        help="fixed: the old dozen, repeated",
    )
    ap.add_argument("--slowest", type=int, default=10)
    ap.add_argument("--no-copy", action="store_true", help="run on --db itself (it gets written)")
    args = ap.parse_args()
    if not args.db.exists():
        ap.error(f"no store at {args.db}")
    work = Path(tempfile.mkdtemp(prefix="bench-uncached-"))
    try:
        db = args.db if args.no_copy else copy_store(args.db, work)
        lines = (
            varied(db, args.n, args.seed)
            if args.mix == "varied"
            else [FIXED[i % len(FIXED)] for i in range(args.n)]
        )
        print(
            f"{len(lines)} varied commands ({len(set(lines))} distinct), one at a time, read "
            f"cache emptied before each; load average {os.getloadavg()[0]:.1f} on "
            f"{os.cpu_count()} cores"
        )
        asyncio.run(run(db, lines, args.slowest, per_line=args.mix == "fixed"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
