"""Reindex benchmark and acceptance: `ingest --no-extract` then `reindex` against a normal ingest.

Through the CLI, as a user runs it, on the 1,497 BBC articles by default:
  A  ingest (extraction on)                            the baseline, timed
  B  ingest --no-extract, then reindex                 timed; rows compared with A
  C  ingest --no-extract, reindex killed (SIGKILL) once half the articles are done, then rerun
     rows compared with A, and no fact twice
Printed side by side: seconds, and B's and C's quote/figure rows equal to A's (yes/no).

Usage:
  python bench/bench_reindex.py [--corpus ../shared/corpus/bbc_dev.jsonl] [--out /tmp/reindex-bench]
Not a test: the machine is shared, so read the load average printed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BRIEFBOT = [sys.executable, "-m", "bot.cli"]
QUOTES = (
    'SELECT a.id, q.text, q.speaker, q.speaker_key, q.kind, q.start, q."end", q.cue, q.paragraph, '
    "q.sentence FROM quotes q JOIN articles a ON a.rowid = q.article_rowid"
)
FIGURES = (
    'SELECT a.id, f.surface, f.start, f."end", f.value, f.low, f.high, f.unit, f.qualifier, '
    "f.topic, f.claimant, f.base_value, f.base_unit, f.referent, f.paragraph, f.sentence "
    "FROM figures f JOIN articles a ON a.rowid = f.article_rowid"
)


def cli(*args: str) -> float:
    """Run one briefbot command; seconds taken."""
    start = time.perf_counter()
    subprocess.run([*BRIEFBOT, *args], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def rows(db: Path) -> tuple[list[tuple], list[tuple]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute(QUOTES), key=repr), sorted(conn.execute(FIGURES), key=repr)


def killed_half_way(db: Path, total: int) -> int:
    """Start reindex, SIGKILL it once half the articles are committed; articles it finished."""
    proc = subprocess.Popen(
        [*BRIEFBOT, "--db", str(db), "reindex"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        done = int(line.split()[1]) if line.startswith("reindex: ") else 0
        if done >= total // 2:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles WHERE quotes_version != ''").fetchone()[
            0
        ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_dev.jsonl")
    ap.add_argument("--out", type=Path, default=Path("/tmp/reindex-bench"))
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    corpus = str(args.corpus.resolve())
    total = sum(1 for line in args.corpus.open() if line.strip())
    a, b, c = (args.out / f"{name}.db" for name in "abc")

    t_normal = cli("--db", str(a), "ingest", corpus)
    t_bulk = cli("--db", str(b), "ingest", "--no-extract", corpus)
    t_reindex = cli("--db", str(b), "reindex")
    cli("--db", str(c), "ingest", "--no-extract", corpus)
    done_before_kill = killed_half_way(c, total)
    t_rest = cli("--db", str(c), "reindex")

    want = rows(a)
    got_b, got_c = rows(b), rows(c)
    twice = sum(len(r) - len(set(r)) for r in got_c)
    print(f"articles: {total}; quotes {len(want[0])}, figures {len(want[1])} (normal ingest)")
    print(f"{'run':<46}{'seconds':>9}  same rows as A")
    print(f"{'A ingest (extraction on)':<46}{t_normal:>9.1f}  -")
    print(f"{'B ingest --no-extract':<46}{t_bulk:>9.1f}")
    print(f"{'  + reindex':<46}{t_reindex:>9.1f}  {'yes' if got_b == want else 'NO'}")
    print(f"{'  = B total / A':<46}{(t_bulk + t_reindex) / t_normal:>8.2f}x")
    print(
        f"{f'C killed after {done_before_kill} articles, then rerun':<46}{t_rest:>9.1f}  "
        f"{'yes' if got_c == want else 'NO'} ({twice} facts twice)"
    )
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0 if got_b == want and got_c == want and not twice else 1


if __name__ == "__main__":
    sys.exit(main())
