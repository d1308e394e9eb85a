"""Benchmark: sentences per second of our figures extractor against quantulum3 on the same sentences.

usage: python bench/bench_figures.py [--gold PATH] [--repeat N]
Reads the texts of figures_dev.jsonl (../shared/eval when present), runs both extractors
in this one process, and prints sentences per CPU-second for each and the ratio. Not a test: no timing
assertions, just numbers to read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import cpu_rate, jsonl_texts  # noqa: E402
from bot.extract.figures import extract_figures  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "figures_dev.jsonl"
FALLBACK = [
    "Ukraine’s top commander claimed Monday that troops have now seized roughly 400 miles of the Kursk region.",
    "Russia's defense ministry claimed to have destroyed 14 Ukrainian drones and four missiles.",
    "Over 76,000 people were evacuated, according to Russia's TASS state news agency.",
    "Dell plans to lay off more than 6,650 employees, or about 5% of its workforce.",
]


def _texts(path: Path) -> list[str]:
    texts = jsonl_texts(path)
    if not texts:
        print(f"{path} not found; using {len(FALLBACK)} built-in sentences", file=sys.stderr)
    return texts or FALLBACK


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = _texts(args.gold)
    ours = cpu_rate(extract_figures, texts, args.repeat)
    print(f"briefbot figures : {ours:9.1f} sentences/s ({len(texts)} sentences x {args.repeat})")
    try:
        from quantulum3 import parser
    except ImportError:
        print("quantulum3 is not installed (pip install quantulum3); skipped")
        return 0

    def q3(text: str) -> object:
        return parser.parse(text, classifier_path=None)

    theirs = cpu_rate(q3, texts, max(1, args.repeat // 5))
    print(f"quantulum3       : {theirs:9.1f} sentences/s")
    print(f"ratio            : {ours / theirs:9.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
