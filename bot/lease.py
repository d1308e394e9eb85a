"""Exactly one scheduler among several bot processes: it runs where the store's lease is held.

A store that can be shared (PostgreSQL) offers `try_lead()`; every process calls it every
`every` seconds, and the one that holds the lease runs the digest scheduler and feed polling.
When the holder dies its lease is freed by the database and the next process to ask takes
it over (well within a minute). A store without a lease (one SQLite file, one machine) just
runs the scheduler. Even with two schedulers for a moment, the delivery claim in the store
keeps every digest to one post.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.store.digest_common import Schedule

log = logging.getLogger(__name__)
LEASE_SECONDS = 10.0


class SchedulerLease:
    """Stands in for the scheduler in core.services: /digest add/cancel reach the real one when held."""

    def __init__(
        self, store: Any, make_scheduler: Callable[[], Any], every: float = LEASE_SECONDS
    ) -> None:
        self.store = store
        self.make_scheduler = make_scheduler
        self.every = every
        self.scheduler: Any = None
        self._task: asyncio.Task[None] | None = None
        self.known = False  # the last check got an answer (readiness: who runs digests is known)

    @property
    def leading(self) -> bool:
        return self.scheduler is not None

    async def start(self) -> None:
        if not hasattr(self.store, "try_lead"):
            await self._take()
            self.known = True
            return
        await self.check()
        self._task = asyncio.create_task(self._loop(), name="scheduler-lease")

    async def check(self) -> None:
        """Take the lease if free, or notice it is gone, and start or stop the scheduler to match."""
        try:
            held = await self.store.try_lead()
        except Exception:
            self.known = False
            raise
        self.known = True
        if held and self.scheduler is None:
            log.info("holding the scheduler lease: this process runs digests and feed polling")
            await self._take()
        elif not held and self.scheduler is not None:
            log.warning("scheduler lease lost: stopping digests and feed polling here")
            scheduler, self.scheduler = self.scheduler, None
            await scheduler.stop()

    async def _take(self) -> None:
        scheduler = self.make_scheduler()
        await scheduler.start()
        self.scheduler = scheduler

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.every)
            try:
                await self.check()
            except Exception:
                log.exception("scheduler lease check failed")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self.scheduler is not None:
            scheduler, self.scheduler = self.scheduler, None
            await scheduler.stop()
        release = getattr(self.store, "release_leadership", None)
        if release is not None:
            await release()

    # -- what /digest calls; the lease holder's schedules sync picks changes up otherwise --

    def add(self, schedule: Schedule) -> None:
        if self.scheduler is not None:
            self.scheduler.add(schedule)

    def remove(self, schedule_id: int) -> None:
        if self.scheduler is not None:
            self.scheduler.remove(schedule_id)

    def next_run(self, schedule_id: int) -> datetime | None:
        return self.scheduler.next_run(schedule_id) if self.scheduler is not None else None
