"""The Store contract: domain methods only, so a PostgreSQL backend can replace SQLite."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.model import Article, Figure, Quote
from bot.store.digest_common import DeliveryRecord, DigestStore, FeedState, Schedule
from bot.store.watch_common import NewArticle, QueuedAlert, QuietHours, Watch, WatchStore

# The records the Store hands out: import them from here, wherever they are defined.
__all__ = [
    "ArticleRef",
    "DeliveryRecord",
    "FeedState",
    "IngestResult",
    "NewArticle",
    "QueuedAlert",
    "QuietHours",
    "Schedule",
    "SearchHit",
    "Store",
    "StoreError",
    "StoredFigure",
    "StoredQuote",
    "Story",
    "Watch",
]


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """The citation-facing facts about an article."""

    id: str
    title: str
    outlet: str = ""
    published: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class StoredFigure:
    figure: Figure
    article: ArticleRef
    paragraph: int
    sentence: str
    # the story (cluster) its article joined at ingest: other outlets' copies of one event
    # share it, so /figures groups them and shows a figure they all give once (None: unknown)
    story_id: int | None = None


@dataclass(frozen=True, slots=True)
class StoredQuote:
    quote: Quote
    speaker_key: str | None
    article: ArticleRef
    paragraph: int
    sentence: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    article: ArticleRef
    snippet: str
    score: float


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one event, clustered at ingest."""

    id: int
    articles: tuple[ArticleRef, ...]
    first_published: str
    last_published: str


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What happened to one article: new, duplicate (of which id) or failed (why)."""

    status: str
    article_id: str = ""
    detail: str = ""


class StoreError(Exception):
    """A store failure worth telling the user about (disk full, locked, corrupt)."""


class Store(DigestStore, WatchStore, Protocol):
    """Persistent articles, extracted facts, stories, digest schedules, feeds and watches.

    The digest, feed and watch methods are declared and written once for both backends by
    the DigestStore and WatchStore protocols (digest_common.py, watch_common.py), whose
    docstrings say what each promises; this protocol adds the article, fact and story half.
    """

    async def add_article(self, article: Article, prepared: Any = None) -> IngestResult: ...
    async def article(self, article_id: str) -> Article | None: ...
    async def article_count(self) -> int: ...
    async def recent_articles(self, limit: int = 20, offset: int = 0) -> list[ArticleRef]: ...
    async def search(self, query: str, limit: int = 10) -> list[SearchHit]: ...
    async def find_article_ids(self, prefix: str, limit: int = 5) -> list[str]: ...
    async def article_by_url(self, url: str) -> ArticleRef | None: ...
    async def figures(
        self,
        topic: str | None = None,
        match: str | None = None,
        limit: int = 1000,
        any_word: bool = False,
    ) -> list[StoredFigure]: ...
    async def figure_topics(self) -> list[tuple[str, int]]: ...
    async def figures_for_articles(self, article_ids: Sequence[str]) -> list[StoredFigure]: ...
    async def quotes_matching(self, phrase: str, limit: int = 50) -> list[StoredQuote]: ...
    async def quotes_by_speakers(
        self, keys: Sequence[str], limit: int = 200
    ) -> list[StoredQuote]: ...
    async def speaker_spellings(self, keys: Sequence[str]) -> dict[str, Counter[str]]: ...
    async def quotes_about(self, words: str, limit: int = 50) -> list[StoredQuote]: ...
    async def quotes_for_articles(self, article_ids: Sequence[str]) -> list[StoredQuote]: ...
    async def speakers(self) -> list[tuple[str, str, int]]: ...
    async def stories(
        self,
        since: str | None = None,
        topic: str | None = None,
        limit: int = 10,
        offset: int = 0,
        after_row: int | None = None,
    ) -> list[Story]: ...
    async def story_count(
        self, since: str | None = None, topic: str | None = None, after_row: int | None = None
    ) -> int: ...
    async def latest_article_row(self) -> int: ...
    async def story_summary(self, story_id: int) -> tuple[int, list[list[Any]] | None]: ...
    async def story_summaries(
        self, story_ids: Sequence[int]
    ) -> dict[int, tuple[int, list[list[Any]] | None]]: ...
    async def save_story_summary(
        self, story_id: int, size: int, picked: list[list[Any]]
    ) -> None: ...
    async def articles(self, article_ids: Sequence[str]) -> list[Article]: ...
    async def latest_published(self) -> str | None: ...
    # reindex: articles whose quotes/figures (parts) another extractor version made, in key
    # order, and swapping an article's facts for new ones in one transaction
    async def reindex_count(self, version: str, parts: Sequence[str], since: str = "") -> int: ...
    async def reindex_batch(
        self, version: str, parts: Sequence[str], since: str = "", after: int = 0, limit: int = 64
    ) -> list[tuple[int, str]]: ...
    async def replace_facts(
        self, items: Sequence[tuple[int, Any]], version: str, parts: Sequence[str]
    ) -> None: ...
    async def close(self) -> None: ...
    async def schema_state(self) -> tuple[int, int]: ...
