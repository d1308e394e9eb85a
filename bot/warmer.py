"""Story summaries made after ingest, not on a reader's request.

A story's multi-source summary is the slow part of /brief (every article of the story read
and ranked). The store caches it per story and story size; the warmer fills that cache for
the recent stories whenever the store has new articles — from this process, another bot
process or a CLI ingest alike, since it watches the store rather than an ingest call — so
the /brief after an ingest finds every summary ready.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.model import utc_iso
from bot.store.base import Store, Story
from summaries.multi import StoryDoc, summarize_story

log = logging.getLogger(__name__)

SUMMARY_SENTENCES = 3
WARM_DAYS = 7  # stories active in the last week of coverage: what /brief and digests ask for
WARM_LIMIT = 1000  # stories per pass, newest first
POLL_SECONDS = 5.0
CHUNK = 20  # summaries per job: a worker takes users' commands in between chunks


async def story_summary_rows_of(store: Store, stories: list[Story]) -> dict[int, list[list[Any]]]:
    """[article_id, start, end, paragraph, text] per picked sentence, by story: cached (read in
    one query), else made and saved."""
    known = await store.story_summaries([s.id for s in stories])
    out = {}
    for story in stories:
        size, cached = known.get(story.id, (0, None))
        out[story.id] = cached if cached is not None else await _make_summary(store, story, size)
    return out


async def _make_summary(store: Store, story: Story, size: int) -> list[list[Any]]:
    articles = await store.articles([r.id for r in story.articles])
    docs = [StoryDoc(a.id, a.title, a.text, a.published) for a in articles]
    picked = summarize_story(docs, SUMMARY_SENTENCES)
    rows = [
        [p.article_id, p.sentence.start, p.sentence.end, p.sentence.paragraph, p.sentence.text]
        for p in picked
    ]
    await store.save_story_summary(story.id, size, rows)
    return rows


async def warm_summaries(
    store: Store, days: float = WARM_DAYS, limit: int = WARM_LIMIT, budget: int | None = None
) -> int:
    """Make the missing or outdated summaries of the stories active in the last `days` of
    coverage, at most `budget` of them; returns how many were made."""
    latest = await store.latest_published()
    if not latest:
        return 0
    try:
        newest = datetime.fromisoformat(latest.replace("Z", "+00:00"))
    except ValueError:
        return 0
    newest = newest if newest.tzinfo else newest.replace(tzinfo=UTC)
    since = utc_iso(newest - timedelta(days=days))
    made = 0
    for story in await store.stories(since=since, limit=limit):
        size, cached = await store.story_summary(story.id)
        if cached is not None:
            continue
        await _make_summary(store, story, size)
        made += 1
        if budget is not None and made >= budget:
            break
        await asyncio.sleep(0)  # in-process: let acks and other commands in between stories
    return made


Runner = Callable[[], Awaitable[int]]


class SummaryWarmer:
    """Polls the store; when it has new articles, runs a warm pass (in a worker when given)."""

    def __init__(
        self, store: Store, run: Runner | None = None, every: float = POLL_SECONDS
    ) -> None:
        self.store = store
        self.every = every
        self._run: Runner = run or (lambda: warm_summaries(store, budget=CHUNK))
        self._seen: tuple[Any, ...] | None = None
        self._task: asyncio.Task[None] | None = None
        self.passes = 0  # completed warm passes (tests and logs)
        self.made = 0
        self.idle = asyncio.Event()  # set while no pass is running and nothing is new

    async def _state(self) -> tuple[Any, ...]:
        return (await self.store.article_count(), await self.store.latest_published())

    async def check(self) -> int:
        """One poll: a warm pass if the store changed since the last one."""
        state = await self._state()
        if state == self._seen:
            self.idle.set()
            return 0
        self.idle.clear()
        made = 0
        while True:  # in chunks, until a chunk finds less than a full chunk to do
            part = await self._run()
            made += part
            if part < CHUNK:
                break
        self._seen = state
        self.passes += 1
        self.made += made
        if made:
            log.info("warmer: made %d story summaries", made)
        return made

    async def _loop(self) -> None:
        while True:
            try:
                await self.check()
            except asyncio.CancelledError:
                raise
            except Exception:  # a failed pass is retried at the next poll
                log.exception("warmer: pass failed")
            await asyncio.sleep(self.every)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
