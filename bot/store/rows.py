"""Row shapes both stores share: the columns they select, the records built from those rows,
and the quote and figure rows they insert. SQL dialects differ; these do not."""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from bot.extract.speakers import speaker_key
from bot.model import Analysis, Article, Figure, Quote, Sentence, utc_iso
from bot.store.base import ArticleRef, StoredFigure, StoredQuote
from bot.store.prepare import Prepared, boilerplate_spans, search_form

SEARCH_CANDIDATES = 1000  # newest matching articles that /search ranks (both stores)
SURFACE_FIRST = 4  # /search: hits wanted x this, the best-ranked word-checked before all (both)
# published is only shown when the source gave it (else it holds the indexing time, for order)
SHOWN_DATE = "CASE WHEN published_known = 1 THEN published ELSE '' END"
REF_COLS = (
    "a.id, a.title, a.outlet, CASE WHEN a.published_known = 1 THEN a.published ELSE '' END, a.url"
)
ARTICLE_COLS = f"id, title, text, outlet, url, author, {SHOWN_DATE}, source"
QUOTE_COLS = f'q.text, q.speaker, q.kind, q.start, q."end", q.cue, q.speaker_key, q.paragraph, q.sentence, {REF_COLS}'
FIG_COLS = (
    'f.surface, f.start, f."end", f.value, f.low, f.high, f.unit, f.qualifier, f.topic, f.claimant, '
    f"f.base_value, f.base_unit, f.referent, f.paragraph, f.sentence, {REF_COLS}, a.story_id"
)
# What quote_rows and figure_rows build, after the owning article's key column.
_QUOTE_INSERT = 'text, speaker, speaker_key, kind, start, "end", cue, paragraph, sentence'
_FIGURE_INSERT = (
    'surface, start, "end", value, low, high, unit, qualifier, topic, claimant, base_value, '
    "base_unit, referent, paragraph, sentence"
)

_Fact = TypeVar("_Fact", Quote, Figure)

_ARTICLE_COLUMNS = (
    "id, title, text, outlet, url, author, published, source, content_hash, minhash, "
    "ingested_at, published_known, quotes_version, figures_version, search_end, search_text"
).split(", ")


def insert_article(*extra: str) -> str:
    """The article INSERT of article_row's columns, then `extra` ones (PostgreSQL writes the
    row with its story_id, so the row is written once)."""
    cols = (*_ARTICLE_COLUMNS, *extra)
    return f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


INSERT_ARTICLE = insert_article()


def article_row(article: Article, prepared: Prepared, indexed: str) -> tuple[Any, ...]:
    """The INSERT_ARTICLE row; an undated article is ordered by its indexing time (and shown
    as "date unknown"). Its last two values are search_form's (what search indexes)."""
    return (
        article.id,
        article.title,
        article.text,
        article.outlet,
        article.url,
        article.author,
        article.published or indexed,
        article.source,
        prepared.digest,
        prepared.signature.tobytes(),
        indexed,
        int(bool(article.published)),
        prepared.extractor,
        prepared.extractor,
        *search_form(article.text, boilerplate_spans(prepared)),
    )


def _insert(table: str, owner: str, cols: str) -> str:
    marks = ", ".join("?" * (cols.count(",") + 2))
    return f"INSERT INTO {table} ({owner}, {cols}) VALUES ({marks})"


def insert_quotes(owner: str) -> str:
    """The INSERT of a quote_rows row (? marks), the article key column named `owner`."""
    return _insert("quotes", owner, _QUOTE_INSERT)


def insert_figures(owner: str) -> str:
    """The INSERT of a figure_rows row (? marks), the article key column named `owner`."""
    return _insert("figures", owner, _FIGURE_INSERT)


def now_iso() -> str:
    return utc_iso(datetime.now(UTC))


def ref(row: Sequence[Any]) -> ArticleRef:
    """An ArticleRef from the REF_COLS part of a row."""
    return ArticleRef(id=row[0], title=row[1], outlet=row[2], published=row[3], url=row[4])


def stored_figure(r: Sequence[Any]) -> StoredFigure:
    """A StoredFigure from a FIG_COLS row."""
    fig = Figure(
        surface=r[0],
        start=r[1],
        end=r[2],
        value=r[3],
        low=r[4],
        high=r[5],
        unit=r[6],
        qualifier=r[7],
        topic=r[8],
        claimant=r[9],
        base_value=r[10],
        base_unit=r[11],
        referent=r[12],
    )
    return StoredFigure(
        figure=fig, article=ref(r[15:20]), paragraph=r[13], sentence=r[14], story_id=r[20]
    )


def stored_quote(r: Sequence[Any]) -> StoredQuote:
    """A StoredQuote from a QUOTE_COLS row."""
    return StoredQuote(
        quote=Quote(text=r[0], speaker=r[1], kind=r[2], start=r[3], end=r[4], cue=r[5]),
        speaker_key=r[6],
        article=ref(r[9:14]),
        paragraph=r[7],
        sentence=r[8],
    )


def summary_of(row: Sequence[Any] | None) -> tuple[int, list[list[Any]] | None]:
    """(size, summary rows) from (size, summary, summary_size); None when outdated or missing."""
    if not row or row[1] is None or row[2] != row[0]:
        return (row[0] if row else 0), None
    return row[0], json.loads(row[1])


def _sentence_at(sentences: list[Sentence], starts: list[int], pos: int) -> Sentence | None:
    i = bisect.bisect_right(starts, pos) - 1
    return sentences[i] if i >= 0 else None


def _with_sentences(
    key: int, analysis: Analysis, facts: Sequence[_Fact], values: Callable[[_Fact], tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """Rows of (key, *values(fact), paragraph, sentence) for the facts, each with the sentence
    it starts in; a fact outside every sentence gets paragraph 0 and its first value as text."""
    sentences = analysis.sentences
    starts = [s.start for s in sentences]
    rows: list[tuple[Any, ...]] = []
    for fact in facts:
        own: tuple[Any, ...] = values(fact)
        sent = _sentence_at(sentences, starts, fact.start)
        rows.append((key, *own, sent.paragraph if sent else 0, sent.text if sent else own[0]))
    return rows


def _quote_values(q: Quote) -> tuple[Any, ...]:
    return (q.text, q.speaker, speaker_key(q.speaker), q.kind, q.start, q.end, q.cue)


def _figure_values(f: Figure) -> tuple[Any, ...]:
    return (
        f.surface,
        f.start,
        f.end,
        f.value,
        f.low,
        f.high,
        f.unit,
        f.qualifier,
        f.topic,
        f.claimant,
        f.base_value,
        f.base_unit,
        f.referent,
    )


def quote_rows(key: int, analysis: Analysis) -> list[tuple[Any, ...]]:
    """An article's quotes as insert_quotes rows: each with its sentence (ingest and reindex)."""
    return _with_sentences(key, analysis, analysis.quotes, _quote_values)


def figure_rows(key: int, analysis: Analysis) -> list[tuple[Any, ...]]:
    """An article's figures as insert_figures rows: each with its sentence (ingest and reindex)."""
    return _with_sentences(key, analysis, analysis.figures, _figure_values)


_FACT_VERSION_COLUMNS = {"quotes": "quotes_version", "figures": "figures_version"}


def stale_where(version: str, parts: Sequence[str], since: str) -> tuple[str, list[Any]]:
    """SQL condition (? marks) for articles reindex still has to do."""
    stale = " OR ".join(f"{_FACT_VERSION_COLUMNS[p]} != ?" for p in parts)
    params: list[Any] = [version] * len(parts)
    where = f"({stale})"
    if since:
        where += " AND published >= ?"
        params.append(since)
    return where, params
