"""Count the words that stand between a number and a plural noun in the tune half of bbc_dev.

usage: python bench/count_modifiers.py [--corpus ../shared/corpus/bbc_dev.jsonl] [--top 40]

Only words the counted-noun reader would stop at (stop words, -ly words) and hyphened endings
("80-odd") are counted: they are the candidates for bot/extract/data/count_modifiers.tsv.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.split import half  # noqa: E402
from bot.extract.figure_reading import NOUN_STOP, is_plural  # noqa: E402

_SLOT = re.compile(
    r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundreds?"
    r"|thousands?|millions?|billion|dozens?)(?P<hy>-[a-z]+)?\s+(?P<w>[a-z]+)\s+(?P<n>[a-z]+)\b"
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_dev.jsonl")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    example: dict[str, str] = {}
    for line in args.corpus.read_text(encoding="utf8").splitlines():
        doc = json.loads(line)
        if half(doc["id"]) != "tune":
            continue
        for m in _SLOT.finditer(doc["text"]):
            hy, w, n = m.group("hy"), m.group("w"), m.group("n")
            if hy and is_plural(w) and w not in NOUN_STOP:
                key = hy  # "80-odd resorts"
            elif (w in NOUN_STOP or (w.endswith("ly") and len(w) > 4)) and is_plural(n):
                key = w  # "5,000 more copies", "750,000 daily barrels"
            else:
                continue
            if n in NOUN_STOP and not hy:
                continue
            counts[key] += 1
            example.setdefault(key, m.group(0))
    for key, n in counts.most_common(args.top):
        print(f"{n:4d}  {key:12s} {example[key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
