"""Quality check: each briefbot method against its stock sumy counterpart, same articles, one run.

ROUGE-1/2/L F1 x 100 (rouge-score, use_stemmer=True, sentences joined by newlines) as
/work/shared/eval/score_summaries.py computes it, plus the scorer's lead-3 on the same articles.
Stock sumy gets the same text through sumy's own PlaintextParser and our NewsTokenizer: the
only offline way (sumy's Tokenizer needs NLTK punkt data). The SUMMARIES.md table used a regex
splitter whose units are longer, so its stock numbers are higher than the ones printed here.
A second stock row runs the same sumy classes on the document briefbot builds (lines of a
bulleted list are separate units there, PlaintextParser glues a paragraph's lines into one),
so ours minus it is the cost or gain of briefbot's selection rules alone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from rouge_score import rouge_scorer
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from summaries import summarize
from summaries.document import build_document
from summaries.tokenizer import NewsTokenizer

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc_dev.jsonl"
KEYS = ("rouge1", "rouge2", "rougeL")
STOCK: dict[str, type] = {
    "textrank": TextRankSummarizer,
    "lexrank": LexRankSummarizer,
    "luhn": LuhnSummarizer,
    "lsa": LsaSummarizer,
}
# The scorer's lead-3 splitter: paragraph breaks, then [.!?] (+ closing quote) + space + capital.
_PARAGRAPHS = re.compile(r"\n\s*\n|\n")
_SENTENCES = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z])|(?<=[.!?][\"'\u201d\u2019)])\s+(?=[\"'\u201c\u2018(]?[A-Z])"
)


def load(path: Path, limit: int) -> list[dict[str, str]]:
    """Records with text and reference; `limit` picks N evenly spaced ones, as the scorer does."""
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                if record.get("text") and record.get("reference"):
                    records.append(record)
    if 0 < limit < len(records):
        records = [records[(i * len(records)) // limit] for i in range(limit)]
    return records


def lead3(text: str, count: int) -> list[str]:
    """The scorer's lead baseline."""
    out: list[str] = []
    for paragraph in _PARAGRAPHS.split(text):
        paragraph = paragraph.strip()
        if paragraph:
            out.extend(s.strip() for s in _SENTENCES.split(paragraph) if s.strip())
    return out[:count]


def contenders(count: int) -> dict[str, Callable[[str], list[str]]]:
    """Name -> text-in, sentences-out function, for ours, stock and lead-3."""
    tokenizer = NewsTokenizer()
    runs: dict[str, Callable[[str], list[str]]] = {"lead-3 (scorer)": lambda t: lead3(t, count)}
    for method in ("news", "lead", *STOCK):
        runs[method] = lambda t, m=method: [s.text for s in summarize(t, count, m)]
    for method, cls in STOCK.items():
        summarizer = cls(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")

        def stock(t: str, s: object = summarizer) -> list[str]:
            document = PlaintextParser.from_string(t, tokenizer).document
            return [str(x) for x in s(document, count)]  # type: ignore[operator]

        def same_units(t: str, s: object = summarizer, c: int = count) -> list[str]:
            document = build_document(t).model
            return [str(x) for x in s(document, c)]  # type: ignore[operator]

        runs[f"stock {method}"] = stock
        runs[f"units {method}"] = same_units
        runs[f"units+1 {method}"] = partial(same_units, c=count + 1)
    return runs


def _norm(text: str) -> str:
    return " ".join(text.split())


def score_chunk(args: tuple[list[dict[str, str]], int]) -> dict[str, list[float]]:
    """Summed R1, R2, RL, words, sentences, verbatim sentences and R1 precision per contender."""
    records, count = args
    scorer = rouge_scorer.RougeScorer(list(KEYS), use_stemmer=True)
    runs = contenders(count)
    totals = {name: [0.0] * 7 for name in runs}
    for record in records:
        source = _norm(record["text"])
        for name, run in runs.items():
            sentences = run(record["text"])
            prediction = "\n".join(sentences)
            scores = scorer.score(record["reference"], prediction)
            row = totals[name]
            for i, key in enumerate(KEYS):
                row[i] += scores[key].fmeasure
            row[3] += len(prediction.split())
            row[4] += len(sentences)
            row[5] += sum(1 for s in sentences if _norm(s) and _norm(s) in source)
            row[6] += scores["rouge1"].precision
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="N evenly spaced articles (0: all)")
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"compare_summaries: corpus not found at {args.corpus}", file=sys.stderr)
        return 1
    records = load(args.corpus, args.limit)
    chunks = [(records[i :: args.workers], args.sentences) for i in range(args.workers)]
    with ProcessPoolExecutor(args.workers) as pool:
        parts = list(pool.map(score_chunk, chunks))
    totals = {name: [sum(p[name][i] for p in parts) for i in range(7)] for name in parts[0]}
    n = len(records)

    def cells(name: str) -> str:
        r1, r2, rl, n_words, n_sent, n_verb, p1 = totals[name]
        verbatim = n_verb / n_sent if n_sent else 0.0
        return (
            f"{100 * r1 / n:6.2f} {100 * r2 / n:6.2f} {100 * rl / n:6.2f} {100 * p1 / n:6.2f}"
            f" {n_words / n:5.0f} {n_sent / n:5.2f} {verbatim:5.3f}"
        )

    def delta(a: str, b: str) -> str:
        return " ".join(f"{100 * (totals[a][i] - totals[b][i]) / n:+6.2f}" for i in range(3))

    print(f"{n} articles from {args.corpus.name}, {args.sentences} sentences; F1 x 100")
    print("stock = sumy classes as shipped on PlaintextParser + our NewsTokenizer (offline);")
    print("the SUMMARIES.md table used a regex splitter with longer units, so it reads higher.\n")
    print("P1 = ROUGE-1 precision; words and sentences per summary (F1 rises with length, so")
    print("compare lengths too: a gain from length alone is none).\n")
    head = "    R1     R2     RL     P1 words sents verb."
    print(f"{'method':9s} | {'ours':^47s} | {'stock sumy':^47s} | {'ours - stock':^20s}")
    print(f"{'':9s} | {head} | {head} | {'R1':>6s} {'R2':>6s} {'RL':>6s}")
    for method in STOCK:
        print(
            f"{method:9s} | {cells(method)} | {cells('stock ' + method)}"
            f" | {delta(method, 'stock ' + method)}"
        )
    print("\nstock sumy on our document (same sentence units, no selection rules):")
    for method in STOCK:
        print(
            f"{method:9s} | {cells(method)} | {cells('units ' + method)}"
            f" | {delta(method, 'units ' + method)}"
        )
    print("\nat equal length: stock's R1 at our words, between its N and N+1 sentence runs")
    for method in STOCK:
        words = totals[method][3]
        f0, w0 = totals[f"units {method}"][0], totals[f"units {method}"][3]
        f1, w1 = totals[f"units+1 {method}"][0], totals[f"units+1 {method}"][3]
        at_ours = f0 + (f1 - f0) * (words - w0) / (w1 - w0) if w1 != w0 else f0
        print(
            f"{method:9s} | ours {100 * totals[method][0] / n:6.2f} at {words / n:5.1f} words"
            f" | stock {100 * at_ours / n:6.2f} | {100 * (totals[method][0] - at_ours) / n:+6.2f}"
        )
    print()
    for name in ("news", "lead", "lead-3 (scorer)"):
        print(f"{name:15s} {cells(name)}   vs lead-3: {delta(name, 'lead-3 (scorer)')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
