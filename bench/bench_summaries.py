"""Benchmark: per-article summary time of briefbot's methods against stock sumy LexRank.

Two paths: "summariser only" rates and picks on documents built beforehand (the same
documents for every contender, words already split; briefbot's boilerplate and fragment
checks run lazily at pick time, so they count here), "text in, summary out" is the CLI's
path (sentence splitting, boilerplate detection and document building included); stock
gets the same text through sumy's PlaintextParser with the same tokenizer (our splitter and
word tokenizer, as offline sumy needs). Each method row starts every pass with an empty
stemming memo, as one CLI process does; two extra rows show a warm memo and none; see SCOPES.
"""

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
from summaries.terms import Stems
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


METHODS_TIMED = ("lexrank", "news", "textrank", "luhn", "lsa")
WARM = "briefbot news, warm stems"
FRESH = "briefbot news, no memo"
# How each briefbot row gets its `Stems` memo: "round" a new one per round, i.e. per pass over
# the articles (one CLI process summarising them all: the honest default), "run" one for the
# whole run (a long-lived bot that has seen this vocabulary before: warm after the first
# round), "article" a new one per article (a caller that passes none).
SCOPES = {f"briefbot {m}": (m, "round") for m in METHODS_TIMED}
SCOPES[WARM] = ("news", "run")
SCOPES[FRESH] = ("news", "article")


def _stems_for(scope: str) -> Callable[[], Stems | None]:
    """A factory called once per round; it hands out the memo each article should use."""
    shared = Stems()
    if scope == "run":
        return lambda: shared
    if scope == "round":
        return Stems
    return lambda: None


def end_to_end(sentences: int) -> dict[str, Callable[[], Callable[[str], object]]]:
    """Text in, summary out, parsing and boilerplate detection included (the CLI's path)."""
    tokenizer = NewsTokenizer()  # sumy's own needs NLTK punkt data, which we never download

    def stock() -> Callable[[str], object]:
        summarizer = stock_summarizer()
        return lambda t: summarizer(PlaintextParser.from_string(t, tokenizer).document, sentences)

    def ours(method: str, scope: str) -> Callable[[], Callable[[str], object]]:
        per_round = _stems_for(scope)

        def make() -> Callable[[str], object]:
            stems = per_round()
            return lambda t: summarize(t, sentences, method, stems=stems)

        return make

    runs: dict[str, Callable[[], Callable[[str], object]]] = {STOCK: stock}
    runs.update({name: ours(*scope) for name, scope in SCOPES.items()})
    return runs


def summariser_only(sentences: int) -> dict[str, Callable[[], Callable[[object], object]]]:
    """Rating and picking only, on documents built beforehand (the same for every contender)."""

    def stock() -> Callable[[object], object]:
        summarizer = stock_summarizer()
        return lambda d: summarizer(d.model, sentences)  # type: ignore[attr-defined]

    def ours(method: str, scope: str) -> Callable[[], Callable[[object], object]]:
        per_round = _stems_for(scope)

        def make() -> Callable[[object], object]:
            stems = per_round()
            if stems is None:
                return lambda d: summarize_document(d, sentences, METHODS[method]())  # type: ignore[arg-type]
            summarizer = METHODS[method](stems=stems)
            return lambda d: summarize_document(d, sentences, summarizer)  # type: ignore[arg-type]

        return make

    runs: dict[str, Callable[[], Callable[[object], object]]] = {STOCK: stock}
    runs.update({name: ours(*scope) for name, scope in SCOPES.items()})
    return runs


def timed(
    runs: dict[str, Callable[[], Callable]], inputs: Callable[[], list], repeat: int
) -> dict[str, float]:
    """Best-of-`repeat` CPU milliseconds per article; contenders take turns in each round."""
    best = dict.fromkeys(runs, float("inf"))
    count = 1
    for _ in range(repeat):
        for name, make in runs.items():
            items = inputs()  # fresh documents: sumy caches words per sentence
            count = len(items)
            run = make()
            start = time.process_time()
            for item in items:
                run(item)
            best[name] = min(best[name], time.process_time() - start)
    return {name: 1000.0 * seconds / count for name, seconds in best.items()}


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
    whole = timed(end_to_end(args.sentences), lambda: texts, args.repeat)
    rating = timed(
        summariser_only(args.sentences), lambda: [build_document(t) for t in texts], args.repeat
    )
    print(f"{len(texts)} articles from {args.corpus.name}, {args.sentences} sentences each;")
    print(f"CPU ms per article, best of {args.repeat} rounds (speed-up vs {STOCK})\n")
    print(f"{'method':26s} {'summariser only':>22s} {'text in, summary out':>24s}")
    for name in whole:
        print(
            f"{name:26s} {rating[name]:9.2f} ms {rating[STOCK] / rating[name]:7.1f}x"
            f" {whole[name]:11.2f} ms {whole[STOCK] / whole[name]:7.1f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
