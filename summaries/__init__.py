"""Extractive summaries on sumy: one article (`summarize`) or a story across sources (`multi`)."""

from __future__ import annotations

import logging

from bot.model import Sentence
from summaries.base import RatedSummarizer
from summaries.blas import one_thread
from summaries.document import Document, build_document
from summaries.lead import LeadSummarizer
from summaries.lexrank import VectorLexRankSummarizer
from summaries.lsa import VectorLsaSummarizer
from summaries.luhn import RatedLuhnSummarizer
from summaries.news import NewsSummarizer
from summaries.select import select
from summaries.terms import Stems
from summaries.textrank import VectorTextRankSummarizer

log = logging.getLogger(__name__)

METHODS: dict[str, type[RatedSummarizer]] = {
    "news": NewsSummarizer,
    "lead": LeadSummarizer,
    "lexrank": VectorLexRankSummarizer,
    "textrank": VectorTextRankSummarizer,
    "lsa": VectorLsaSummarizer,
    "luhn": RatedLuhnSummarizer,
}

__all__ = ["METHODS", "Document", "Stems", "build_document", "summarize", "summarize_document"]


def summarize(
    text: str,
    sentences: int = 3,
    method: str = "news",
    title: str | None = None,
    stems: Stems | None = None,
) -> list[Sentence]:
    """The `sentences` best sentences of `text`, verbatim with offsets, in document order.

    Never a headline, boilerplate line or fragment; a sentence that needs its predecessor
    (opens with a pronoun or "But") comes with it or not at all. Callers that summarise
    many texts pass one `stems` (a bounded memo) so each word is stemmed once.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    summarizer = METHODS[method](stems=stems)
    return summarize_document(build_document(text, title=title), sentences, summarizer)


def summarize_document(
    document: Document, sentences: int, summarizer: RatedSummarizer
) -> list[Sentence]:
    """`summarize` for a document already built (the store or a benchmark may keep one)."""
    with one_thread():
        ranking = summarizer.rank(document.model)
    picked = select(
        document, ranking.ratings.tolist(), sentences, ranking.similarity, ranking.max_similarity
    )
    return [document.rated[k].source for k in picked]
