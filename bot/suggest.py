"""Suggestions while a user types an option (Discord autocomplete): speakers and figure topics.

Discord drops an autocomplete answer after 3 s, and listing every speaker is a GROUP BY over
all quotes (seconds at 100k articles). So lists are cached, a stale list is served at once
while a fresh one loads in the background, and a cold cache waits at most `wait` seconds.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field

from bot.extract.topics import TOPICS
from bot.store.base import Store

log = logging.getLogger(__name__)

MAX_CHOICES = 25  # Discord shows at most 25
CACHE_SECONDS = 300.0
KINDS = ("speaker", "topic")


@dataclass
class Suggester:
    """Ranked names for an option; the first word-prefix matches first, then substring matches."""

    store: Store
    wait: float = 2.0  # longest a cold cache holds up an answer (Discord allows 3 s)
    _cache: dict[str, tuple[float, list[str]]] = field(default_factory=dict)
    _loading: dict[str, asyncio.Task[list[str]]] = field(default_factory=dict)

    async def names(self, kind: str) -> list[str]:
        """Every candidate for `kind`, most used first; [] while a cold list is still loading."""
        if kind not in KINDS:
            raise ValueError(f"unknown suggestion kind {kind!r}; one of {KINDS}")
        hit = self._cache.get(kind)
        if hit is not None and time.monotonic() - hit[0] < CACHE_SECONDS:
            return hit[1]
        task = self._loading.get(kind)
        if task is None or task.done():
            task = asyncio.create_task(self._load(kind))
            task.add_done_callback(_log_failure)
            self._loading[kind] = task
        if hit is not None:
            return hit[1]  # stale but instant; the fresh list is on its way
        try:
            return await asyncio.wait_for(asyncio.shield(task), self.wait)
        except TimeoutError:
            return []

    async def _load(self, kind: str) -> list[str]:
        if kind == "speaker":
            names = [name for _key, name, _n in await self.store.speakers()]
        else:
            used = [t for t, _n in await self.store.figure_topics() if t in TOPICS]
            names = used + [t for t in TOPICS if t not in used]
        self._cache[kind] = (time.monotonic(), names)
        return names

    async def suggest(self, kind: str, typed: str, limit: int = MAX_CHOICES) -> list[str]:
        """Up to `limit` candidates matching what the user has typed so far."""
        names = await self.names(kind)
        needle = " ".join(typed.lower().split())
        if not needle:
            return names[:limit]
        starts = [n for n in names if any(w.startswith(needle) for w in n.lower().split())]
        starts += [n for n in names if n.lower().startswith(needle) and n not in starts]
        inside = [n for n in names if needle in n.lower() and n not in starts]
        return (starts + inside)[:limit]


def _log_failure(task: asyncio.Task[list[str]]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("could not load suggestions: %s", task.exception())
