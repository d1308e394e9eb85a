"""Multi-source summaries on the gold clusters of a stories file, in process, against lead
and stock LexRank cut to the same length story by story (as score_stories.py does).

Tuning aid for summaries/multi.py; report numbers from the scorer's CLI run.
    python bench/tune_story_summaries.py /tmp/split/stories_dev.tune.jsonl [--set NAME=VALUE]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))

import score_stories as ss  # noqa: E402  (the scorer's own baselines, splitter and ROUGE)

from bot.ingest.readers import ReadError, from_text  # noqa: E402
from summaries import multi  # noqa: E402
from summaries.terms import Stems  # noqa: E402

BIG = 2000  # words: a ranking long enough to cut any summary's length from


def orders(stories: list[dict]) -> list[dict[str, list[str]]]:
    """Per story: the lead order and stock LexRank's full ranking (cut later to any length)."""
    base = ss.Baselines()
    out = []
    for story in stories:
        texts = [a["text"] for a in story["articles"]]
        document = base._parser.from_string(
            "\n\n".join(p for t in texts for p in ss.paragraphs(t)), base._tokenizer
        ).document
        count = ss._WordBudget(BIG)
        base._sumy["lexrank"](document, count)
        out.append(
            {"lead": base.lead_order(texts), "lexrank": [str(i.sentence) for i in count.taken]}
        )
    return out


def system(story: dict, n: int, stems: Stems) -> str:
    docs = []
    for a in story["articles"]:
        try:
            article = from_text(a["text"], id_hint=a["id"])
        except ReadError:
            continue  # refused at ingest: never in a story
        docs.append(multi.StoryDoc(article.id, article.title, article.text))
    return " ".join(p.sentence.text for p in multi.summarize_story(docs, n, stems=stems))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--sentences", type=int, default=4)
    ap.add_argument("--set", action="append", default=[], help="NAME=VALUE of summaries.multi")
    args = ap.parse_args()
    stories = [json.loads(line) for line in args.gold.open(encoding="utf8") if line.strip()]
    ranked = orders(stories)
    rouge = ss.make_rouge()
    configs = [[]] + [[s] for s in args.set] if args.set else [[]]
    for config in configs:
        saved = {}
        for item in config:
            name, value = item.split("=")
            saved[name] = getattr(multi, name)
            setattr(multi, name, type(saved[name])(value))
        stems = Stems()
        totals: dict[str, float] = {}
        words = 0
        for story, order in zip(stories, ranked, strict=True):
            summary = system(story, args.sentences, stems)
            n = len(summary.split())
            words += n
            for name, text in (
                ("system", summary),
                ("lead", ss.cut(order["lead"], n)),
                ("lexrank", ss.cut(order["lexrank"], n)),
            ):
                for m, v in rouge(story["summary"], text).items():
                    totals[f"{name}_{m}"] = totals.get(f"{name}_{m}", 0.0) + 100 * v / len(stories)
        r1, r2 = totals["system_rouge1"], totals["system_rouge2"]
        print(
            f"R1 {r1:.2f} R2 {r2:.2f} | -lead {r1 - totals['lead_rouge1']:+.2f} "
            f"{r2 - totals['lead_rouge2']:+.2f} | -lexrank {r1 - totals['lexrank_rouge1']:+.2f} "
            f"{r2 - totals['lexrank_rouge2']:+.2f} | words {words / len(stories):.1f} | "
            f"{' '.join(config) or 'as is'}"
        )
        for name, value in saved.items():
            setattr(multi, name, value)


if __name__ == "__main__":
    main()
