"""Pure text -> facts extraction: sentences, quotes, figures (no I/O, no project imports but model)."""

from __future__ import annotations

from bot.extract.figures import extract_figures
from bot.extract.quotes import extract_quotes
from bot.extract.sentences import split_sentences
from bot.model import Analysis


def analyse(text: str) -> Analysis:
    """Run every extractor once, sharing the sentence split between them."""
    sentences = split_sentences(text)
    quotes = extract_quotes(text, sentences)
    figures = extract_figures(text, sentences, quotes)
    return Analysis(sentences=sentences, quotes=quotes, figures=figures)
