"""Build bot/extract/data/given_names.tsv: given names news copy refers to as "he" or "she".

A "she said" after two named people resolves to the one the pronoun fits (bot/extract/gender.py);
for a person the article itself gives no sign of, the given name decides. Unlabelled news text
shows it on its own: in each article, the votes gender.article_votes reads (an honorific or a
role word, the first he/his or she/her after the name in its sentence) decide the people with
clear evidence, and each such person's given name gets one vote per article. A name is listed
when enough articles agree and copy hardly ever writes it before a lowercase word (a label such
as "Tory" in "Tory leader" is no given name). Learned from the text of the tune halves only (bench/split.py).

    python bench/build_name_genders.py TUNE.jsonl... [--min 2] [--agree 0.75]
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

from bot.extract.doc import prepare  # noqa: E402
from bot.extract.gender import article_votes, key_of  # noqa: E402
from bot.extract.lexicon import HONORIFICS, NOT_NAME, TITLES, common_words  # noqa: E402
from bot.extract.segments import find_segments  # noqa: E402
from bot.extract.sentences import split_sentences  # noqa: E402

OUT = ROOT / "bot" / "extract" / "data" / "given_names.tsv"
_NEXT = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) ([A-Za-z])")


def article_given_votes(text: str) -> Counter[tuple[str, str]]:
    """(given name, 'm'|'f'): one vote per person of the article whose gender it shows."""
    doc = prepare(text, split_sentences(text), find_segments(text))
    key = key_of(doc.skeleton)
    votes = article_votes(text, doc.persons, key)
    common = common_words()
    out: Counter[tuple[str, str]] = Counter()
    for k, full in doc.fullnames.items():
        parts = full.split()
        given = parts[0] if len(parts) >= 2 else ""
        low = given.lower().rstrip(".")
        if not given.isalpha() or len(given) < 2 or given.isupper():
            continue
        if low in common or low in NOT_NAME or low in TITLES or low in HONORIFICS:
            continue
        m, f = votes.get(k, (0, 0))
        if m >= 1 and m >= 3 * f:
            out[(given, "m")] += 1
        elif f >= 1 and f >= 3 * m:
            out[(given, "f")] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--min", type=int, default=2, help="articles needed to list a name")
    ap.add_argument("--agree", type=float, default=0.75, help="share of articles that must agree")
    args = ap.parse_args()
    total: Counter[tuple[str, str]] = Counter()
    before_lower: Counter[str] = Counter()  # "Tory leader": a label, not a given name
    before_upper: Counter[str] = Counter()
    for path in args.files:
        with path.open(encoding="utf8") as f:
            for line in f:
                text = json.loads(line)["text"]
                total.update(article_given_votes(text))
                for m in _NEXT.finditer(text):
                    (before_lower if m.group(2).islower() else before_upper)[m.group(1)] += 1
    rows = []
    for g in sorted({g for g, _ in total}):
        m, f = total[(g, "m")], total[(g, "f")]
        if before_lower[g] > 0.5 * (before_lower[g] + before_upper[g]):
            continue
        if m + f >= args.min and max(m, f) >= args.agree * (m + f):
            rows.append(f"{g}\t{'m' if m > f else 'f'}")
    OUT.write_text("\n".join(rows) + "\n", encoding="utf8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
