"""Benchmark: per-article summary time of briefbot's methods against stock sumy LexRank."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from summaries import METHODS, summarize, summarize_document
from summaries.document import build_document
from summaries.terms import stem
from summaries.tokenizer import NewsTokenizer

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc_dev.jsonl"
STOCK = "stock sumy lexrank"


def load_texts(path: Path, limit: int) -> list[str]:
    """Article bodies of the first `limit` records of a JSONL corpus."""
    texts: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def stock_summarizer() -> LexRankSummarizer:
    """Stock sumy LexRank as its README sets it up (pure-Python matrices, Snowball stems)."""
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def end_to_end(sentences: int) -> dict[str, Callable[[str], object]]:
    """Text in, summary out: parsing and boilerplate detection included."""
    tokenizer = NewsTokenizer()  # sumy's own needs NLTK punkt data, which we never download
    stock = stock_summarizer()

    def stock_run(text: str) -> object:
        return stock(PlaintextParser.from_string(text, tokenizer).document, sentences)

    runs: dict[str, Callable[[str], object]] = {STOCK: stock_run}
    for method in ("lexrank", "news", "textrank"):
        runs[f"briefbot {method}"] = lambda text, m=method: summarize(text, sentences, m)
    return runs


def summariser_only(texts: list[str], sentences: int, repeat: int) -> dict[str, float]:
    """Rating and picking only: every contender gets the same, freshly built documents."""
    stock = stock_summarizer()
    runs: dict[str, Callable[[object], object]] = {STOCK: lambda d: stock(d.model, sentences)}
    for method in ("lexrank", "news", "textrank"):
        summarizer = METHODS[method]()
        runs[f"briefbot {method}"] = lambda d, s=summarizer: summarize_document(d, sentences, s)
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            documents = [build_document(t) for t in texts]  # sumy caches words per sentence
            start = time.process_time()
            for document in documents:
                run(document)
            best[name] = min(best[name], time.process_time() - start)
    return {name: 1000.0 * seconds / len(texts) for name, seconds in best.items()}


def timed(
    runs: dict[str, Callable[[str], object]], texts: list[str], repeat: int
) -> dict[str, float]:
    """Best-of-`repeat` CPU milliseconds per article; contenders take turns in each round."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.process_time()
            for text in texts:
                run(text)
            best[name] = min(best[name], time.process_time() - start)
    return {name: 1000.0 * seconds / len(texts) for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3, help="rounds, best kept per method")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(
            f"bench_summaries: corpus not found at {args.corpus}; "
            "pass --corpus PATH to a JSONL file with a 'text' field per line",
            file=sys.stderr,
        )
        return 1
    texts = load_texts(args.corpus, args.n)
    stem.cache_clear()  # the first round pays for stemming new words, like a fresh process
    whole = timed(end_to_end(args.sentences), texts, args.repeat)
    rating = summariser_only(texts, args.sentences, args.repeat)
    print(f"{len(texts)} articles from {args.corpus.name}, {args.sentences} sentences each;")
    print(f"CPU ms per article, best of {args.repeat} rounds (speed-up vs {STOCK})\n")
    print(f"{'method':20s} {'summariser only':>22s} {'text in, summary out':>24s}")
    for name in whole:
        print(
            f"{name:20s} {rating[name]:9.2f} ms {rating[STOCK] / rating[name]:7.1f}x"
            f" {whole[name]:11.2f} ms {whole[STOCK] / whole[name]:7.1f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
