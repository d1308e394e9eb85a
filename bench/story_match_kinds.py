"""Where a score_stories.py run's summary margins come from, by how each gold story was matched.

Reads a `score_stories.py --keep DIR` run and sorts every gold story by the system story the
scorer judged it on: `exact` (the same articles, as far as they were kept), `split-1` (one of
its articles alone), `split-n` (several of its articles, not all), `merged` (also articles of
another event). Prints only counts and mean margins per kind (no text, no story), so it may
be run on a check half. The multi-source summariser can only act on `exact` and `split-n`:
a gold story judged on one article is summarised by the single-article summariser from that
article, while LexRank and lead read all of its articles.

Stop 35, stories_dev split by bench/split.py (R-1 over stock LexRank, CLI per half):
    tune  exact 45 +2.72, split-1  8 -2.30, split-n 12 +3.29, merged 0        -> +2.21
    check exact 31 +3.89, split-1 11 -5.92, split-n 11 +1.05, merged 4 -6.44  -> +0.72
On gold clusters (bench/tune_story_summaries.py) the same summariser is at +2.50 on tune and
+3.19 on check: the check half's shortfall is its clusters, not its sentence choice.

    python bench/story_match_kinds.py KEEP_DIR GOLD.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path


def kind(story: dict | None, gold: set[str]) -> str:
    """How the system story the scorer picked relates to the gold story's articles."""
    if story is None:
        return "none"
    articles = set(story["articles"])
    if articles - gold:
        return "merged"
    if articles == gold:
        return "exact"
    return "split-1" if len(articles) == 1 else "split-n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("keep", type=Path, help="a score_stories.py --keep directory")
    ap.add_argument("gold", type=Path)
    args = ap.parse_args()
    golds = {}
    for line in args.gold.open(encoding="utf8"):
        if line.strip():
            row = json.loads(line)
            golds[row["id"]] = {a["id"] for a in row["articles"]}
    stories = {}
    for line in (args.keep / "stories.jsonl").open(encoding="utf8"):
        if line.strip():
            row = json.loads(line)
            stories[row["id"]] = row
    rows = [json.loads(line) for line in (args.keep / "report.jsonl").open(encoding="utf8")]
    sums: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0])
    for r in rows:
        totals = sums[kind(stories.get(r["story"]), golds[r["id"]])]
        totals[0] += 1
        totals[1] += 100 * (r["system"]["rouge1"] - r["lexrank"]["rouge1"])
        totals[2] += 100 * (r["system"]["rouge2"] - r["lexrank"]["rouge2"])
        totals[3] += 100 * (r["system"]["rouge1"] - r["lead"]["rouge1"])
    for name, (count, r1, r2, lead) in sorted(sums.items()):
        print(
            f"{name:8s} {int(count):3d} stories  R-1 over LexRank {r1 / count:+6.2f}  "
            f"R-2 {r2 / count:+6.2f}  R-1 over lead {lead / count:+6.2f}  "
            f"(adds {r1 / len(rows):+.2f} to the mean R-1 margin)"
        )


if __name__ == "__main__":
    main()
