"""What indexing an article needs before any SQL: hashes, MinHash bands, analysis, terms.

Both stores index from a Prepared, and bulk ingest computes it in other processes, so it
lives here once, below the stores and above nothing but extraction and clustering.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot import cluster
from bot.extract import analyse, extractor_version
from bot.extract.boilerplate import boilerplate_sentences
from bot.extract.sentences import paragraphs, split_sentences
from bot.model import Analysis, Article
from bot.store import dedupe


@dataclass(frozen=True, slots=True)
class Prepared:
    """The CPU-heavy part of indexing an article, computable in another process."""

    digest: str
    signature: Any
    bands: list[str]
    analysis: Analysis
    terms: Counter[str]
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    boilerplate: frozenset[int] = frozenset()  # indexes into analysis.sentences
    extractor: str = ""  # extractor_version() of the quotes and figures, '' when not extracted


def prepare(article: Article, extract: bool = True) -> Prepared:
    """Hash, sign, split and (unless extract=False) find quotes and figures.

    extract=False is for bulk loads: the article is searchable and citable at once;
    /who and /figures just do not see it.
    """
    text = article.text
    analysis = analyse(text) if extract else Analysis(split_sentences(text))
    boilerplate = frozenset(boilerplate_sentences(text, analysis.sentences))
    story = text
    if boilerplate:  # copies and stories are told by the story text, not the page furniture
        story = "\n".join(s.text for i, s in enumerate(analysis.sentences) if i not in boilerplate)
        digest, signature = dedupe.content_hash(text), dedupe.minhash(story)
    else:
        digest, signature = dedupe.fingerprints(text)
    return Prepared(
        digest,
        signature,
        dedupe.bands(signature),
        analysis,
        cluster.term_counts(article.title, story),
        list(paragraphs(text)),
        boilerplate,
        extractor_version() if extract else "",
    )


def search_form(text: str, boilerplate: Sequence[tuple[int, int]]) -> tuple[int | None, str | None]:
    """(search_end, search_text): what search indexes, so that it cannot find what summaries
    leave out. (None, None): the whole text. Boilerplate that closes the article (credits,
    licence notices: the usual case) is cut off by an end offset, without a copy; anywhere
    else it is blanked in a copy of the same length, so offsets and snippets stay right."""
    if not boilerplate:
        return None, None
    chars = list(text)
    for start, end in boilerplate:
        chars[start:end] = " " * (end - start)
    blanked = "".join(chars)
    cut = min(start for start, _ in boilerplate)
    if not blanked[cut:].strip():
        return len(text[:cut].rstrip()), None
    return None, blanked


def searched_text(text: str, form: tuple[int | None, str | None]) -> str:
    """The text search indexes, from search_form's result (as the article_search view reads it)."""
    end, blanked = form
    return blanked if blanked is not None else text if end is None else text[:end]


def boilerplate_spans(prepared: Prepared) -> list[tuple[int, int]]:
    """Character spans of the sentences prepare() flagged as boilerplate."""
    sentences = prepared.analysis.sentences
    return [(sentences[i].start, sentences[i].end) for i in sorted(prepared.boilerplate)]
