"""Find the capitalised compounds a count must keep whole, from the tune half of bbc_dev.

usage: python bench/count_compounds.py [--corpus ../shared/corpus/bbc_dev.jsonl]

"three Grand Slams" counts Grand Slams, not slams: the head of a capitalised compound whose
lower-case plural the news hardly writes on its own is no noun without its first word. A pair
"M H" is printed when, in the tune half: it is written at least 3 times; at least half of the
capitalised H follow M; the lower-case plural of h is written at most a quarter as often as the
pair (so h is not a common noun of its own: "Brit Awards" stays awards); M is not a stop word;
and H is written after M both in the singular (twice) and in the plural ("Grand Slam", "Grand
Slams": so H is a noun, not a name ending in s like "Jeeves"). The rows go to the "name"
section of bot/extract/data/counted_compounds.tsv.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.split import half  # noqa: E402
from bot.extract.figure_reading import STOP_WORDS  # noqa: E402

_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")


def _capitalised(w: str) -> bool:
    return w[0].isupper() and not w[1:2].isupper()


def _stem(w: str) -> str:
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/bbc_dev.jsonl")
    args = ap.parse_args()
    pair: Counter[tuple[str, str]] = Counter()
    cap: Counter[str] = Counter()
    low_word: Counter[str] = Counter()
    forms: Counter[tuple[str, str]] = Counter()
    for line in args.corpus.read_text(encoding="utf8").splitlines():
        doc = json.loads(line)
        if half(doc["id"]) != "tune":
            continue
        words = _WORD.findall(doc["text"])
        low_word.update(w for w in words if w.islower())
        for a, b in pairwise(words):
            head = _stem(b)
            if _capitalised(b):
                cap[head] += 1
                if _capitalised(a):
                    pair[(a, head)] += 1
                    forms[(a, b)] += 1
    for (a, b), n in sorted(pair.items()):
        if (
            n >= 3
            and n / cap[b] >= 0.5
            and low_word[b.lower() + "s"] <= n / 4
            and forms[(a, b)] >= 2
            and a.lower() not in STOP_WORDS
            and forms[(a, b + "s")] > 0
        ):
            print(f"{a.lower()} {b.lower()}\tname\t{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
