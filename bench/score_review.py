"""Score /who said speakers on the hand-checked BBC review set (tests/data/bbc_quotes_review.jsonl).

150 quoted segments of at least four words, sampled at random (seed 18) from articles of
bbc_dev.jsonl in the *check* half of bench/split.py, each labelled by reading the article:
the speaker the article gives (person or organisation), or none (an unnamed source, a title,
a term). Reports speaker precision (named answers that are right) and how often the bot
abstains (no quote there, or no speaker) when the article does name one.

    python bench/score_review.py [--corpus ../shared/corpus/bbc_dev.jsonl] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.split import corpus_articles  # noqa: E402
from bot.extract.quotes import extract_quotes  # noqa: E402
from bot.extract.speakers import name_words  # noqa: E402

REVIEW = ROOT / "tests" / "data" / "bbc_quotes_review.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_dev.jsonl"


def same_speaker(system: str, gold: str) -> bool:
    """Every word of the shorter name (titles dropped) is in the longer one: "Mr Jobs" = "Steve Jobs"."""
    a, b = set(name_words(system)), set(name_words(gold))
    if not a or not b:
        return False
    return a <= b or b <= a


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """At least half of the longer span is shared (the quotes scorer's rule)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= max(a[1] - a[0], b[1] - b[0])


def covering(quotes: list, item: dict) -> int | None:
    """The index of the first direct or partial quote that overlaps the item's span: the quote
    the item scores (score, quote_paths and build_speaker_confidence read items alike)."""
    span = (item["start"], item["end"])
    return next(
        (
            i
            for i, q in enumerate(quotes)
            if q.kind != "indirect" and overlaps((q.start, q.end), span)
        ),
        None,
    )


def speaker_right(said: str | None, item: dict) -> bool:
    """A named speaker is right when it is the item's gold speaker or a name it accepts."""
    ok_names = ([item["speaker"]] if item["speaker"] else []) + item.get("accept", [])
    return said is not None and any(same_speaker(said, g) for g in ok_names)


def score(review: list[dict], texts: dict[str, str]) -> tuple[dict[str, float], list[str]]:
    """Counts and rates over the review items, plus one line per error."""
    cache: dict[str, list] = {}
    named = right = abstain = with_speaker = 0
    errors: list[str] = []
    for item in review:
        quotes = cache.get(item["id"])
        if quotes is None:
            quotes = cache[item["id"]] = [
                q for q in extract_quotes(texts[item["id"]]) if q.kind != "indirect"
            ]
        at = covering(quotes, item)
        hit = quotes[at] if at is not None else None
        said = hit.speaker if hit is not None else None
        gold = item["speaker"]
        if gold:
            with_speaker += 1
            if said is None:
                abstain += 1
                errors.append(
                    f"abstain  #{item['n']} {item['id']}: gold {gold!r} ({'no quote' if hit is None else 'no speaker'})"
                )
        if said is not None:
            named += 1
            if speaker_right(said, item):
                right += 1
            else:
                errors.append(
                    f"WRONG    #{item['n']} {item['id']}: said {said!r}, gold {gold!r} [{item['kind']}]"
                )
    stats = {
        "items": len(review),
        "named_answers": named,
        "right": right,
        "speaker_precision": round(right / named, 4) if named else 0.0,
        "with_speaker": with_speaker,
        "abstained": abstain,
        "abstention": round(abstain / with_speaker, 4) if with_speaker else 0.0,
    }
    return stats, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--review", type=Path, default=REVIEW)
    ap.add_argument("--errors", action="store_true", help="list every wrong or missing speaker")
    args = ap.parse_args()
    review = [json.loads(line) for line in args.review.open(encoding="utf8") if line.strip()]
    wanted = {r["id"] for r in review}
    texts = {d["id"]: d["text"] for d in corpus_articles(args.corpus) if d["id"] in wanted}
    stats, errors = score(review, texts)
    if args.errors:
        print("\n".join(errors))
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
