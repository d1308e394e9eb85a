"""Build bot/extract/data/common_words.txt: words the tune halves mostly write in lowercase.

A capitalised word that news copy also writes in lowercase ("Actor", "Broadcaster",
"Founder") is a role or a common noun when it opens a long name, not part of the name.
A word capitalised inside sentences at least half as often as it is written in lowercase
("Bill", "Frank") is left out: it is a given name as often as a common word.
Learned from the tune halves only (bench/split.py): BBC news and PolNeAR articles.

    python bench/build_common_words.py TUNE.jsonl... [--min 3]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bot" / "extract" / "data" / "common_words.txt"
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][a-z\-]+(?![\w'’-])")
_OPENER = re.compile(r"(?:^|[.!?:\"“”]\s*|\n)$")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--min", type=int, default=3, help="lowercase uses needed to list a word")
    args = ap.parse_args()
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()  # capitalised inside a sentence: a name ("Bill", "Frank")
    for path in args.files:
        with path.open(encoding="utf8") as f:
            for line in f:
                text = json.loads(line)["text"]
                for m in _WORD.finditer(text):
                    w = m.group()
                    if w[0].islower():
                        lower[w] += 1
                    elif not _OPENER.search(text, max(0, m.start() - 3), m.start()):
                        upper[w.lower()] += 1
    words = sorted(w for w, n in lower.items() if n >= args.min and len(w) > 1 and n > 2 * upper[w])
    OUT.write_text("\n".join(words) + "\n", encoding="utf8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
