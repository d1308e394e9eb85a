"""/figures latency over a built store, side by side with another checkout's code (a baseline).

Runs the queries editors typed for the review sets (tests/data/figures_review_bbc*.jsonl, one
each) through the core against a copy of the store, and prints median, 90th percentile and
total time per request; with --baseline ROOT it runs the same queries with the code of another
checkout (e.g. `git archive main | tar -x -C /tmp/base`) in a subprocess and prints the ratios.

usage: python bench/bench_figures_cmd.py --db /tmp/s10k.db [--n 200] [--baseline /tmp/base]
The store is copied first (opening it may write), never changed in place; --no-copy uses it
as it is (for a big store that is already a private copy). Not a test: the
machine is shared, so read the load average printed with each run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def queries(n: int) -> list[str]:
    """The review sets' queries (real figures only carry one), once each, in file order."""
    out: list[str] = []
    for f in sorted((HERE / "tests" / "data").glob("figures_review_bbc*.jsonl")):
        for line in f.read_text(encoding="utf8").splitlines():
            q = json.loads(line).get("query")
            if q and q not in out:
                out.append(q)
    return out[:n]


async def timed(root: Path, db: Path, words: list[str], repeat: int) -> dict[str, float]:
    """Seconds per /figures request with the code under root (imported here, in this process)."""
    sys.path.insert(0, str(root))
    from bot.app import open_core
    from bot.model import Request

    times: list[float] = []
    async with open_core(db) as core:
        await core.handle(Request(command="figures", args=words[0]))  # warm the caches
        for _ in range(repeat):
            for w in words:
                t0 = time.perf_counter()
                reply = await core.handle(Request(command="figures", args=w))
                times.append(time.perf_counter() - t0)
                assert reply.title, w
    times.sort()
    return {
        "median_ms": 1000 * statistics.median(times),
        "p90_ms": 1000 * times[int(0.9 * (len(times) - 1))],
        "total_s": sum(times),
        "n": len(times),
        "load": os.getloadavg()[0],
    }


def run_one(root: Path, db: Path, n: int, repeat: int, copy: bool = True) -> dict[str, float]:
    """One run on a fresh copy of the store (or on the store itself), in this process."""
    if not copy:
        return asyncio.run(timed(root, db, queries(n), repeat))
    with tempfile.TemporaryDirectory() as d:
        copy = Path(d) / "store.db"
        shutil.copyfile(db, copy)
        return asyncio.run(timed(root, copy, queries(n), repeat))


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--db", type=Path, required=True, help="a SQLite store (copied, not changed)")
    ap.add_argument("--n", type=int, default=200, help="queries")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--root", type=Path, default=HERE, help="whose code to time (default: this)")
    ap.add_argument("--baseline", type=Path, help="another checkout to time side by side")
    ap.add_argument("--json", action="store_true", help="print one JSON line (for --baseline)")
    ap.add_argument(
        "--no-copy", action="store_true", help="use --db itself (a private copy already)"
    )
    args = ap.parse_args()
    if args.json:
        print(json.dumps(run_one(args.root, args.db, args.n, args.repeat, not args.no_copy)))
        return 0
    rows = {}
    for name, root in (("baseline", args.baseline), ("this", args.root)):
        if root is None:
            continue
        cmd = [sys.executable, __file__, "--db", str(args.db), "--n", str(args.n)]
        cmd += ["--repeat", str(args.repeat), "--root", str(root), "--json"]
        cmd += ["--no-copy"] if args.no_copy else []
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rows[name] = json.loads(out.strip().splitlines()[-1])
    print(f"/figures over {args.db.name}: {args.n} queries x {args.repeat}")
    for name, r in rows.items():
        print(
            f"  {name:8} median {r['median_ms']:7.1f} ms  p90 {r['p90_ms']:7.1f} ms  "
            f"total {r['total_s']:6.1f} s  (load {r['load']:.1f})"
        )
    if "baseline" in rows:
        b, t = rows["baseline"], rows["this"]
        print(
            f"  ratio this/baseline: median {t['median_ms'] / b['median_ms']:.2f}  "
            f"p90 {t['p90_ms'] / b['p90_ms']:.2f}  total {t['total_s'] / b['total_s']:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
