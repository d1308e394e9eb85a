"""The Store contract: domain methods only, so a PostgreSQL backend can replace SQLite."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.model import Article, Figure, Quote
from bot.store.digest_common import DeliveryRecord, FeedState, Schedule
from bot.store.watch_common import NewArticle, QueuedAlert, QuietHours, Watch

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


class Store(Protocol):
    """Persistent articles, extracted facts, stories, digest schedules, feeds and watches.

    The digest, feed and watch methods are written once for both backends in
    digest_common.py and watch_common.py; their docstrings say what each promises.
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

    # -- digest schedules and their once-per-day deliveries (digest_common.DigestStore) --
    async def add_schedule(
        self,
        place: str,
        platform: str,
        time_of_day: str,
        timezone: str,
        topic: str,
        created_by: str,
        created_at: str,
        exclude: str = "",
    ) -> Schedule: ...
    async def schedule(self, schedule_id: int) -> Schedule | None: ...
    async def schedules(
        self, place: str | None = None, platform: str | None = None
    ) -> list[Schedule]: ...
    async def cancel_schedule(self, schedule_id: int, place: str, platform: str) -> bool: ...
    async def delivery(self, schedule_id: int, local_date: str) -> DeliveryRecord | None: ...
    async def last_delivery(self, schedule_id: int) -> DeliveryRecord | None: ...
    async def covered_until(self, schedule_id: int) -> str | None: ...
    async def claim_delivery(
        self,
        schedule_id: int,
        local_date: str,
        place: str,
        token: str,
        claimed_at: str,
        max_attempts: int,
    ) -> bool: ...
    async def finish_delivery(
        self,
        schedule_id: int,
        local_date: str,
        token: str,
        delivered_at: str,
        covered_until: str | None,
    ) -> None: ...
    async def fail_delivery(
        self, schedule_id: int, local_date: str, token: str, error: str
    ) -> None: ...
    async def plan_delivery(
        self,
        schedule_id: int,
        local_date: str,
        token: str,
        reply: str,
        indexed_through: int | None,
    ) -> DeliveryRecord | None: ...
    async def delivery_progress(
        self, schedule_id: int, local_date: str, token: str, parts_posted: int
    ) -> None: ...
    async def indexed_through(self, schedule_id: int) -> int | None: ...

    # -- feeds (digest_common.DigestStore) ------------------------------------------------
    async def add_feed(self, url: str, added_by: str, added_at: str, title: str = "") -> bool: ...
    async def feed(self, url: str) -> FeedState | None: ...
    async def feeds(self) -> list[FeedState]: ...
    async def record_feed_poll(
        self,
        url: str,
        polled_at: str,
        etag: str | None,
        modified: str | None,
        title: str,
        new_entries: int,
        seen: Sequence[str],
    ) -> None: ...
    async def record_feed_error(self, url: str, polled_at: str, error: str) -> None: ...

    # -- watches, quiet hours and the alert queue (watch_common.WatchStore) ---------------
    async def add_watch(
        self,
        place: str,
        platform: str,
        kind: str,
        target: str,
        key: str,
        created_by: str,
        created_at: str,
    ) -> Watch: ...
    async def watch(self, watch_id: int) -> Watch | None: ...
    async def watches(
        self, place: str | None = None, platform: str | None = None
    ) -> list[Watch]: ...
    async def cancel_watch(self, watch_id: int, place: str, platform: str) -> bool: ...
    async def set_quiet_hours(
        self, quiet: QuietHours | None, platform: str, place: str
    ) -> None: ...
    async def quiet_hours(self, platform: str, place: str) -> QuietHours | None: ...
    async def max_article_pk(self) -> int: ...
    async def articles_after(self, after_pk: int, limit: int = 500) -> list[NewArticle]: ...
    async def story_first_pk(self, story_id: int) -> int | None: ...
    async def story_of(self, article_id: str) -> int | None: ...
    async def alert_cursor(self, name: str = "scan") -> int | None: ...
    async def set_alert_cursor(self, pk: int, name: str = "scan") -> None: ...
    async def queue_alert(
        self,
        watch_id: int,
        update_key: str,
        platform: str,
        place: str,
        story_id: int | None,
        article_pk: int,
        body: dict[str, Any],
        created_at: str,
    ) -> bool: ...
    async def pending_alert_channels(self) -> list[tuple[str, str]]: ...
    async def claim_alerts(
        self, platform: str, place: str, token: str, claimed_at: str
    ) -> list[QueuedAlert]: ...
    async def finish_alert(
        self, alert_id: int, token: str, posted_at: str, message: str
    ) -> None: ...
    async def release_alerts(self, token: str) -> None: ...
    async def fail_alerts(self, token: str, error: str) -> None: ...
    async def alert_posts_since(self, platform: str, place: str, since: str) -> int: ...
    async def alert_counts(self, platform: str, place: str) -> dict[str, int]: ...
    async def story_thread(self, platform: str, place: str, story_id: int) -> str | None: ...
    async def set_story_thread(
        self, platform: str, place: str, story_id: int, thread: str
    ) -> None: ...
