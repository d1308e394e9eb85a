"""Benchmark: articles per CPU-second of quote extraction against a naive regex pass.

usage: python bench/bench_quotes.py [--gold PATH] [--corpus PATH] [--sample N] [--repeat N]
Reads the articles of quotes_dev.jsonl and a sample of bbc_dev.jsonl (../shared when present),
runs both extractors in this one process (one core), and prints articles per CPU-second for
each and the ratio. The target for ours is >= 200 articles/s. Not a test: no timing
assertions, just numbers to read.

Ours is `extract_quotes(text)` as ingest runs it: sentence split, quoted segments, speakers
with pronoun/title resolution, indirect speech. The baseline is what QUOTES.md calls the
naive regex: quote marks plus `"...," X said` / `X said "..."`, nothing else.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import cpu_rate, jsonl_texts  # noqa: E402
from bot.extract.quotes import extract_quotes  # noqa: E402

SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = SHARED / "eval" / "quotes_dev.jsonl"
DEFAULT_CORPUS = SHARED / "corpus" / "bbc_dev.jsonl"

_QUOTE = re.compile(r'["“]([^"“”\n]+)["”]')
_AFTER = re.compile(r"^,?\s*([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*|he|she)\s+(?:said|says)\b")
_BEFORE = re.compile(r"([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*|He|She)\s+(?:said|says)[:,]?\s*$")


def naive_quotes(text: str) -> list[tuple[str, str | None, int, int]]:
    """Quote marks plus `"...," X said` / `X said "..."`: the baseline of QUOTES.md."""
    out = []
    for m in _QUOTE.finditer(text):
        speaker = None
        after = _AFTER.match(text, m.end(), min(len(text), m.end() + 60))
        if after:
            speaker = after.group(1)
        else:
            before = _BEFORE.search(text, max(0, m.start() - 60), m.start())
            if before:
                speaker = before.group(1)
        out.append((m.group(1), speaker, m.start(1), m.end(1)))
    return out


def _texts(path: Path, limit: int | None = None) -> list[str]:
    texts = jsonl_texts(path, limit)
    if not texts:
        print(f"{path} not found; skipped", file=sys.stderr)
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sample", type=int, default=500, help="articles taken from --corpus")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    sets = [
        ("quotes_dev", _texts(args.gold)),
        (f"bbc_dev[:{args.sample}]", _texts(args.corpus, args.sample)),
    ]
    sets = [(name, texts) for name, texts in sets if texts]
    if not sets:
        print("no articles found", file=sys.stderr)
        return 1
    sets.append(("all", [t for _, texts in sets for t in texts]))
    print(f"{'articles':<18}{'n':>6}{'avg chars':>11}{'ours/s':>10}{'regex/s':>10}{'ratio':>8}")
    for name, texts in sets:
        ours = cpu_rate(extract_quotes, texts, args.repeat)
        naive = cpu_rate(naive_quotes, texts, args.repeat)
        avg = sum(map(len, texts)) / len(texts)
        print(
            f"{name:<18}{len(texts):>6}{avg:>11.0f}{ours:>10.1f}{naive:>10.1f}{ours / naive:>7.3f}x"
        )
    print("ours: articles per CPU-second on one core (target >= 200); ratio = ours / naive regex")
    return 0


if __name__ == "__main__":
    sys.exit(main())
