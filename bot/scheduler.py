"""One APScheduler per process: daily digests at local times, posted at most once a day, and feed polls.

Exactly once, as far as a chat platform allows:

* Schedules live in our store; APScheduler only holds in-memory jobs rebuilt from it on start
  (`digest-<id>`, CronTrigger in the schedule's zone, coalesce, misfire grace = config hours).
* Before posting, a process claims the (schedule, local date) row in `deliveries` with one
  INSERT inside a write transaction. Only the process whose claim token is in the row posts;
  any other process, or a restart, sees the row and skips. So a digest is never posted twice.
* If the post raises, the row is marked `failed` (we know it did not go out) and may be
  re-claimed by a retry five minutes later, or by a restart, while inside the grace window,
  up to three attempts. So a platform outage does not lose the day's digest.
* A digest that goes out as several messages records each one as it is posted, with the digest
  as first built; a retry (or a restart) posts only the parts not yet out, never the first ones again.
* A row left `claimed` (the process died between claim and confirmation) is never re-posted:
  we cannot tell whether the post went out, and a duplicate is the worse failure. The digest is
  built before the claim so that window is only the post itself; such rows are logged on start.
* On start, each schedule's most recent due time is caught up once if it passed less than the
  grace window ago (and after the schedule was created).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MISSED,
    EVENT_JOB_SUBMITTED,
    JobEvent,
)
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot import metrics
from bot.alerts import AlertEngine
from bot.commands.digest_reply import build_digest
from bot.delivery import Delivery, Router
from bot.digests import latest_due
from bot.model import Reply, parse_utc, utc_iso
from bot.store.digest_common import Schedule

if TYPE_CHECKING:
    from bot.config import Config
    from bot.core import Core
    from bot.ingest.fetch import Fetcher
    from bot.store.base import Store

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
MAX_ATTEMPTS = 3
RETRY_DELAY = timedelta(minutes=5)
EARLY = timedelta(seconds=30)  # a job that wakes a hair early still counts as today's
SYNC_SECONDS = 60  # how often schedules added or cancelled by another process are picked up


def _utcnow() -> datetime:
    return datetime.now(UTC)


def job_id(schedule_id: int) -> str:
    return f"digest-{schedule_id}"


class Scheduler:
    """Digest and feed-poll jobs over a store; `now` is injectable so tests move time."""

    def __init__(
        self,
        store: Store,
        config: Config,
        delivery: Delivery,
        *,
        fetcher: Fetcher | None = None,
        now: Clock | None = None,
    ) -> None:
        self.store: Any = store
        self.config = config
        self.fetcher = fetcher
        self.delivery = delivery
        self.now = now or _utcnow
        digest = config.digest
        self.grace = timedelta(hours=digest.grace_hours)
        self.poll_every = timedelta(minutes=digest.feed_poll_minutes)
        self._aps = AsyncIOScheduler(timezone=UTC)
        self._aps.add_listener(
            self._count,
            EVENT_JOB_SUBMITTED | EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED,
        )
        self._submitted = 0
        self._finished = 0
        alerts = config.alerts
        # Watch alerts run where the digests do (the lease holder); their claims keep them to one post.
        self.alerts = AlertEngine(
            self.store, delivery, per_hour=alerts.per_hour, every=alerts.poll_seconds, now=self.now
        )

    @classmethod
    def for_core(cls, core: Core, delivery: Delivery, *, now: Clock | None = None) -> Scheduler:
        """The scheduler over a core's store, settings and fetcher (tests and one-process bots)."""
        return cls(core.store, core.config, delivery, fetcher=core.services.fetcher, now=now)

    # -- lifecycle ----------------------------------------------------------------------

    async def start(self) -> None:
        """Jobs for every active schedule, the sync and feed-poll jobs, then the catch-up."""
        self._aps.start()
        for schedule in await self.store.schedules():
            self.add(schedule)
        self._aps.add_job(
            self.sync,
            IntervalTrigger(seconds=SYNC_SECONDS),
            id="schedules-sync",
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=SYNC_SECONDS,
        )
        fetcher = self.fetcher
        if fetcher is not None:
            await fetcher.subscribe_all(self.config.feeds)
            self._aps.add_job(
                self._poll_feeds,
                IntervalTrigger(seconds=self.poll_every.total_seconds()),
                id="feeds-poll",
                replace_existing=True,
                coalesce=True,
                max_instances=1,
                next_run_time=datetime.now(UTC),
                misfire_grace_time=max(1, int(self.poll_every.total_seconds())),
            )
        await self.catch_up()
        if isinstance(self.delivery, Router):
            self.alerts.start()

    async def stop(self) -> None:
        """Let running deliveries finish (a cancelled post would leave an unconfirmed claim), then stop."""
        await self.alerts.stop()
        await self.settle()
        if self._aps.running:
            self._aps.shutdown(wait=False)
            await asyncio.sleep(0)

    # -- jobs ---------------------------------------------------------------------------

    def add(self, schedule: Schedule) -> None:
        """(Re)place the schedule's job; safe to call for a schedule that already has one."""
        trigger = CronTrigger(
            hour=schedule.hour, minute=schedule.minute, timezone=ZoneInfo(schedule.timezone)
        )
        self._aps.add_job(
            self._run,
            trigger,
            args=[schedule.id],
            id=job_id(schedule.id),
            name=f"digest #{schedule.id}",
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=max(1, int(self.grace.total_seconds())),
        )

    def remove(self, schedule_id: int) -> None:
        for jid in (job_id(schedule_id), job_id(schedule_id) + "-retry"):
            with contextlib.suppress(JobLookupError):
                self._aps.remove_job(jid)

    def next_run(self, schedule_id: int) -> datetime | None:
        job = self._aps.get_job(job_id(schedule_id))
        return job.next_run_time if job else None

    async def sync(self) -> None:
        """Match jobs to the store: schedules added or cancelled by another process take effect here."""
        active = {s.id: s for s in await self.store.schedules()}
        have = {j.id for j in self._aps.get_jobs()}
        for sid, schedule in active.items():
            if job_id(sid) not in have:
                self.add(schedule)
        for jid in have:
            if jid.startswith("digest-") and int(jid.split("-")[1]) not in active:
                self.remove(int(jid.split("-")[1]))

    async def _run(self, schedule_id: int) -> None:
        try:
            await self.deliver_due(schedule_id)
        except Exception:
            log.exception("digest #%d failed", schedule_id)

    async def _poll_feeds(self) -> None:
        fetcher = self.fetcher
        if fetcher is None:
            return
        try:
            await fetcher.poll_all(self.poll_every)
        except Exception:
            log.exception("feed polling failed")

    # -- delivery -----------------------------------------------------------------------

    async def catch_up(self) -> dict[int, str]:
        """Post each schedule's latest due digest once, if it is still within the grace window."""
        outcomes = {}
        for schedule in await self.store.schedules():
            try:
                outcomes[schedule.id] = await self.deliver_due(schedule.id)
            except Exception:
                log.exception("catch-up of digest #%d failed", schedule.id)
                outcomes[schedule.id] = "error"
        return outcomes

    async def deliver_due(self, schedule_id: int) -> str:
        """Post the schedule's digest for its latest due date unless that is done, taken or too late.

        Returns what happened: delivered, failed, taken (another process won the claim), already-delivered,
        already-claimed, inactive, missed (grace window passed), not-due (created after it), gave-up.
        """
        schedule = await self.store.schedule(schedule_id)
        if schedule is None or not schedule.active:
            self.remove(schedule_id)
            return "inactive"
        now = self.now()
        day, due = latest_due(schedule, now + EARLY)
        if now - due > self.grace:
            return "missed"
        created = parse_utc(schedule.created_at) if schedule.created_at else None
        if created and due < created.replace(microsecond=0) - EARLY:
            return "not-due"
        local_date = day.isoformat()
        record = await self.store.delivery(schedule.id, local_date)
        if record is not None and record.status != "failed":
            if record.status == "claimed":
                log.warning(
                    "digest #%d for %s was claimed at %s but never confirmed; not posting again",
                    schedule.id,
                    local_date,
                    record.claimed_at,
                )
            return f"already-{record.status}"
        if record is not None and record.attempts >= MAX_ATTEMPTS:
            return "gave-up"
        digest = await build_digest(
            self.store,
            self.config,
            place=schedule.place,
            platform=schedule.platform,
            day=day,
            hour=schedule.hour,
            now=now,
            topic=schedule.topic,
            exclude=schedule.exclude,
            covered_until=await self.store.covered_until(schedule.id),
            indexed_through=await self.store.indexed_through(schedule.id),
            footer=f"Digest #{schedule.id} for this channel; /digest cancel {schedule.id} stops it.",
        )
        token = uuid.uuid4().hex
        if not await self.store.claim_delivery(
            schedule.id, local_date, schedule.place, token, utc_iso(now), MAX_ATTEMPTS
        ):
            return "taken"
        # The first attempt keeps its digest; a retry gets it back with how many parts went out,
        # and posts only the rest (exactly once per part, across restarts and processes).
        planned = await self.store.plan_delivery(
            schedule.id,
            local_date,
            token,
            json.dumps(digest.reply.to_dict(), ensure_ascii=False),
            digest.indexed_through,
        )
        reply = (
            Reply.from_dict(json.loads(planned.reply))
            if planned and planned.reply
            else digest.reply
        )
        done = planned.parts_posted if planned else 0

        async def sent(parts: int) -> None:
            await self.store.delivery_progress(schedule.id, local_date, token, parts)

        try:
            await self.delivery.post(schedule.platform, schedule.place, reply, done=done, sent=sent)
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            await self.store.fail_delivery(schedule.id, local_date, token, error)
            log.warning("digest #%d for %s could not be posted: %s", schedule.id, local_date, error)
            self._retry(schedule, due)
            metrics.count_digest(posted=False)
            return "failed"
        await self.store.finish_delivery(
            schedule.id, local_date, token, utc_iso(self.now()), digest.covered_until
        )
        metrics.count_digest(posted=True)
        log.info(
            "digest #%d posted to %s:%s for %s",
            schedule.id,
            schedule.platform,
            schedule.place,
            local_date,
        )
        return "delivered"

    def _retry(self, schedule: Schedule, due: datetime) -> None:
        at = self.now() + RETRY_DELAY
        if at - due > self.grace or not self._aps.running:
            return
        self._aps.add_job(
            self._run,
            DateTrigger(run_date=at),
            args=[schedule.id],
            id=job_id(schedule.id) + "-retry",
            replace_existing=True,
            misfire_grace_time=max(1, int(self.grace.total_seconds())),
        )

    # -- tests and shutdown -------------------------------------------------------------

    def _count(self, event: JobEvent) -> None:
        if event.code == EVENT_JOB_SUBMITTED:
            self._submitted += 1
        else:
            self._finished += 1

    async def settle(self, timeout: float = 30.0) -> None:
        """Wait until every job APScheduler has submitted has finished."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        quiet = 0
        while loop.time() < deadline and quiet < 3:
            await asyncio.sleep(0)
            if self._submitted <= self._finished:
                quiet += 1
            else:
                quiet = 0
                await asyncio.sleep(0.005)

    async def tick(self) -> None:
        """Run whatever is due by the (possibly moved) clock now, and wait for it."""
        self._aps.wakeup()
        await self.settle()
