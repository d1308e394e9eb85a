"""Instructions per article of quote extraction, counted by valgrind: a speed measure the
load of a shared machine does not move.

usage: python bench/ir_quotes.py [--repo DIR] [--gold PATH] [-n N] [--warm W]
Warms up on the last W tune-half articles (word tables read on first use: name_genders.tsv
alone costs about 35 ms, a third of 20 articles' work), then runs `extract_quotes` over the
first N tune-half articles of the gold file (quotes_dev by
default; bench/split.py's half) under `valgrind --tool=cachegrind --cache-sim=no` with hash
seeds fixed and address randomisation off (setarch -R), and again over none (after the same warm-up); the difference
divided by N is the count per article. Two runs agree to about 0.01%, so a 1% saving shows,
where CPU-seconds on a machine shared by several engineers vary by 10% from run to run.
--repo times another checkout (its `bot` package, this interpreter). Instructions are not
seconds (memory stalls are not counted): confirm a saving with bench/bench_quotes.py.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "quotes_dev.jsonl"

_RUN = """
import json, sys
sys.path.insert(0, {repo!r})
sys.path.insert(1, {root!r})
from bench.split import half
from bot.extract.quotes import extract_quotes
with open({gold!r}, encoding="utf8") as f:
    items = [json.loads(line) for line in f if line.strip()]
texts = [d["text"] for d in items if half(d["id"]) == "tune"]
for t in texts[len(texts) - {warm} :]:  # warm-up: tables read on first use, in both runs
    extract_quotes(t)
for t in texts[:{n}]:
    extract_quotes(t)
"""

_IREFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(repo: Path, gold: Path, n: int, warm: int = 0) -> int:
    """Instructions valgrind counts for importing the extractor, warming it up on the last
    `warm` tune articles, and running the first n."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(_RUN.format(repo=str(repo), root=str(ROOT), gold=str(gold), n=n, warm=warm))
    try:
        cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
        cmd += ["--cachegrind-out-file=/dev/null", sys.executable, f.name]
        if shutil.which("setarch"):  # no address randomisation: id-keyed orders repeat
            cmd = ["setarch", "-R", *cmd]
        env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    finally:
        os.unlink(f.name)
    found = _IREFS.search(proc.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind output:\n{proc.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repo", type=Path, default=ROOT)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("-n", type=int, default=20, help="articles run")
    ap.add_argument(
        "--warm",
        type=int,
        default=20,
        help="articles run first in both runs (the last tune ones), so word tables read on "
        "first use count as start-up, not per article; 0 counts them (round 1's measure)",
    )
    args = ap.parse_args()
    if not shutil.which("valgrind"):
        print("valgrind not found", file=sys.stderr)
        return 1
    if not args.gold.exists():
        print(f"{args.gold} not found", file=sys.stderr)
        return 1
    base = instructions(args.repo, args.gold, 0, args.warm)
    full = instructions(args.repo, args.gold, args.n, args.warm)
    print(f"{args.repo}: {(full - base) / args.n / 1e6:.3f} M instructions per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
