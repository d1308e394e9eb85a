"""What a command gets: the store, the request, settings, and a citation collector for its reply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from bot.config import Config
from bot.model import Citation, Request
from bot.store.base import ArticleRef, Store

if TYPE_CHECKING:
    from bot.ingest.fetch import Fetcher
    from bot.store.digest_common import Schedule


class ScheduleJobs(Protocol):
    """What /digest tells the running scheduler (or the lease standing in for it)."""

    def add(self, schedule: Schedule) -> None: ...

    def remove(self, schedule_id: int) -> None: ...


@dataclass(frozen=True, slots=True)
class Services:
    """What a long-running bot gives its commands beyond the store; each None when absent
    (the console has a fetcher and no scheduler; a worker process has neither)."""

    fetcher: Fetcher | None = None
    scheduler: ScheduleJobs | None = None


def _utcnow() -> datetime:
    return datetime.now(UTC)


def citation(
    article: ArticleRef, paragraph: int | None, start: int | None, end: int | None
) -> Citation:
    """The citation of a span (or of the whole article: all None) of a stored article."""
    return Citation(
        article_id=article.id,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        url=article.url,
        paragraph=paragraph,
        start=start,
        end=end,
    )


@dataclass
class Context:
    """Built fresh for every request by the core."""

    store: Store
    request: Request
    config: Config = field(default_factory=Config)
    now: Callable[[], datetime] = _utcnow
    services: Services = field(default_factory=Services)
    _citations: list[Citation] = field(default_factory=list)
    _index: dict[tuple[Any, ...], int] = field(default_factory=dict)

    def cite(
        self,
        article: ArticleRef,
        start: int | None = None,
        end: int | None = None,
        paragraph: int | None = None,
    ) -> int:
        """Add (or reuse) a citation and return its index for Item.cite / FigureRow.cite."""
        key = (article.id, start, end)
        if key not in self._index:
            self._index[key] = len(self._citations)
            self._citations.append(citation(article, paragraph, start, end))
        return self._index[key]

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(self._citations)
