"""Digest schedules, delivery claims and feed state: the part both store backends share.

The records, the row → record mapping, the statements (`digest_sql`, written once and given
in each backend's dialect) and the bookkeeping around each (the once-per-day claim, the
capped error text, the remembered feed entries) live here once; each backend supplies five
small primitives that run them (sqlite_digests.py, postgres_digests.py).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from bot.store.dialect import Dialect

MAX_SEEN = 2000  # entry keys remembered per feed
ERROR_LIMIT = 500  # characters of a delivery or feed error kept for /digest list and /feeds

# Column orders the row mappers below read; both backends select exactly these.
SCHEDULE_COLS = (
    "id, place, platform, time_of_day, timezone, topic, created_by, created_at, active, exclude"
)
DELIVERY_COLS = (
    "schedule_id, local_date, status, attempts, claimed_at, delivered_at, covered_until, error, "
    "parts_posted, reply, indexed_through"
)
FEED_COLS = "url, title, etag, modified, added_by, added_at, last_polled, last_error, failures, entries, seen"


@dataclass(frozen=True, slots=True)
class Schedule:
    """A channel's daily digest: local time of day, IANA zone and optional topic."""

    id: int
    place: str
    platform: str
    time_of_day: str  # "HH:MM", 24-hour, local to `timezone`
    timezone: str
    topic: str = ""
    created_by: str = ""
    created_at: str = ""
    active: bool = True
    exclude: str = ""  # words whose stories the digest leaves out, space-separated

    @property
    def hour(self) -> int:
        return int(self.time_of_day.split(":")[0])

    @property
    def minute(self) -> int:
        return int(self.time_of_day.split(":")[1])


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    """The once-per-day claim for a schedule: claimed, delivered or failed."""

    schedule_id: int
    local_date: str
    status: str
    attempts: int
    claimed_at: str
    delivered_at: str | None = None
    covered_until: str | None = None
    error: str | None = None
    parts_posted: int = 0  # messages of a multi-part digest already out: a retry resumes after them
    reply: str | None = None  # the digest as built (Reply JSON), so a retry posts the same parts
    indexed_through: int | None = None  # the newest article row the digest covered


@dataclass(frozen=True, slots=True)
class FeedState:
    """A subscribed RSS/Atom feed and what its last poll did."""

    url: str
    title: str = ""
    etag: str | None = None
    modified: str | None = None
    added_by: str = ""
    added_at: str = ""
    last_polled: str | None = None
    last_error: str | None = None
    failures: int = 0
    entries: int = 0
    seen: tuple[str, ...] = ()


def schedule_from(row: Sequence[Any]) -> Schedule:
    """A Schedule from a SCHEDULE_COLS row (SQLite keeps `active` as 0/1)."""
    return Schedule(*row[:8], active=bool(row[8]), exclude=row[9] or "")


def delivery_from(row: Sequence[Any]) -> DeliveryRecord:
    return DeliveryRecord(*row)


def feed_from(row: Sequence[Any]) -> FeedState:
    """A FeedState from a FEED_COLS row; a damaged seen-list reads as empty (entries are re-seen)."""
    try:
        seen = tuple(json.loads(row[10] or "[]"))
    except ValueError:
        seen = ()
    return FeedState(*row[:10], seen=seen)


def seen_json(seen: Sequence[str]) -> str:
    """The newest MAX_SEEN entry keys, as stored."""
    return json.dumps(list(seen)[-MAX_SEEN:])


@dataclass(frozen=True)
class DigestSQL:
    """One backend's statements. Each takes its parameters in the order given here."""

    insert_schedule: (
        str  # place, platform, time_of_day, timezone, topic, created_by, created_at, exclude
    )
    schedule: str  # id
    all_schedules: str  # (none): active ones, oldest first
    place_schedules: str  # platform, place
    cancel_schedule: str  # id, place, platform
    delivery: str  # schedule_id, local_date
    last_delivery: str  # schedule_id
    covered_until: str  # schedule_id
    claim: str  # schedule_id, local_date, place, token, claimed_at, max_attempts
    finish_delivery: str  # delivered_at, covered_until, schedule_id, local_date, token
    fail_delivery: str  # error, schedule_id, local_date, token
    plan_delivery: str  # reply, indexed_through, schedule_id, local_date, token (kept if set)
    delivery_progress: str  # parts_posted, schedule_id, local_date, token
    indexed_through: str  # schedule_id: the newest article row its delivered digests covered
    add_feed: str  # url, title, added_by, added_at (no change when subscribed already)
    feed: str  # url
    feeds: str  # (none)
    feed_polled: str  # polled_at, etag, modified, title, new_entries, seen, url
    feed_failed: str  # polled_at, error, url


def digest_sql(d: Dialect) -> DigestSQL:
    """The digest and feed statements, written once, in one backend's dialect."""
    q = d.sql
    return DigestSQL(
        insert_schedule=d.returns(
            "INSERT INTO schedules (place, platform, time_of_day, timezone, topic, created_by, "
            "created_at, exclude) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            "id",
        ),
        schedule=q(f"SELECT {SCHEDULE_COLS} FROM schedules WHERE id = ?"),
        all_schedules=f"SELECT {SCHEDULE_COLS} FROM schedules WHERE active = TRUE ORDER BY id",
        place_schedules=q(
            f"SELECT {SCHEDULE_COLS} FROM schedules "
            "WHERE active = TRUE AND platform = ? AND place = ? ORDER BY id"
        ),
        cancel_schedule=q(
            "UPDATE schedules SET active = FALSE "
            "WHERE id = ? AND place = ? AND platform = ? AND active = TRUE"
        ),
        delivery=q(
            f"SELECT {DELIVERY_COLS} FROM deliveries WHERE schedule_id = ? AND local_date = ?"
        ),
        last_delivery=q(
            f"SELECT {DELIVERY_COLS} FROM deliveries WHERE schedule_id = ? "
            "ORDER BY local_date DESC LIMIT 1"
        ),
        covered_until=q(
            "SELECT max(covered_until) FROM deliveries WHERE schedule_id = ? AND status = 'delivered'"
        ),
        # The claim gets its row back only in the process whose INSERT created it, or whose
        # UPDATE took over a failed attempt with attempts left; every other claim gets none.
        claim=d.returns(
            "INSERT INTO deliveries (schedule_id, local_date, place, status, token, attempts, "
            "claimed_at) VALUES (?, ?, ?, 'claimed', ?, 1, ?) "
            "ON CONFLICT (schedule_id, local_date) DO UPDATE SET status = 'claimed', "
            "token = excluded.token, attempts = deliveries.attempts + 1, "
            "claimed_at = excluded.claimed_at, error = NULL "
            "WHERE deliveries.status = 'failed' AND deliveries.attempts < ?",
            "token",
        ),
        finish_delivery=q(
            "UPDATE deliveries SET status = 'delivered', delivered_at = ?, covered_until = ?, "
            "error = NULL WHERE schedule_id = ? AND local_date = ? AND token = ?"
        ),
        fail_delivery=q(
            "UPDATE deliveries SET status = 'failed', error = ? "
            "WHERE schedule_id = ? AND local_date = ? AND token = ?"
        ),
        plan_delivery=q(
            "UPDATE deliveries SET reply = coalesce(reply, ?), "
            "indexed_through = CASE WHEN reply IS NULL THEN ? ELSE indexed_through END "
            "WHERE schedule_id = ? AND local_date = ? AND token = ?"
        ),
        delivery_progress=q(
            "UPDATE deliveries SET parts_posted = ? "
            "WHERE schedule_id = ? AND local_date = ? AND token = ?"
        ),
        indexed_through=q(
            "SELECT max(indexed_through) FROM deliveries "
            "WHERE schedule_id = ? AND status = 'delivered'"
        ),
        add_feed=q(
            "INSERT INTO feeds (url, title, added_by, added_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (url) DO NOTHING"
        ),
        feed=q(f"SELECT {FEED_COLS} FROM feeds WHERE url = ?"),
        feeds=f"SELECT {FEED_COLS} FROM feeds ORDER BY added_at, url{d.binary}",
        # numbered marks: the title is read twice
        feed_polled=q(
            "UPDATE feeds SET last_polled = ?1, etag = coalesce(?2, etag), "
            "modified = coalesce(?3, modified), title = CASE WHEN ?4 != '' THEN ?4 ELSE title END, "
            "entries = entries + ?5, seen = ?6, last_error = NULL, failures = 0 WHERE url = ?7"
        ),
        feed_failed=q(
            "UPDATE feeds SET last_polled = ?, last_error = ?, failures = failures + 1 WHERE url = ?"
        ),
    )


class SqlPrimitives(Protocol):
    """The four statement runners each backend supplies to the digest and watch halves."""

    async def _digest_row(self, sql: str, params: Sequence[Any]) -> Sequence[Any] | None:
        raise NotImplementedError

    async def _digest_rows(self, sql: str, params: Sequence[Any]) -> list[Sequence[Any]]:
        raise NotImplementedError

    async def _digest_change(self, sql: str, params: Sequence[Any], what: str) -> int:
        """Run one write in its own transaction; the number of rows it changed."""
        raise NotImplementedError

    async def _digest_insert(self, sql: str, params: Sequence[Any]) -> int:
        """Run an INSERT; the new row's id."""
        raise NotImplementedError


class DigestStore(SqlPrimitives, Protocol):
    """The digest and feed half of the Store contract, and its implementation.

    Both backends subclass it explicitly (PEP 544 default methods) and supply `DIGEST_SQL`,
    the SqlPrimitives and `_digest_claim`; a Protocol still, so it types any store structurally.
    """

    DIGEST_SQL: ClassVar[DigestSQL]

    async def _digest_claim(self, params: Sequence[Any]) -> str | None:
        """Run DIGEST_SQL.claim; the token the (schedule, date) row holds afterwards, if any."""
        raise NotImplementedError

    # -- schedules ----------------------------------------------------------------------

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
    ) -> Schedule:
        values = (place, platform, time_of_day, timezone, topic, created_by, created_at)
        new_id = await self._digest_insert(self.DIGEST_SQL.insert_schedule, (*values, exclude))
        return Schedule(new_id or 0, *values, exclude=exclude)

    async def schedule(self, schedule_id: int) -> Schedule | None:
        row = await self._digest_row(self.DIGEST_SQL.schedule, (int(schedule_id),))
        return schedule_from(row) if row else None

    async def schedules(
        self, place: str | None = None, platform: str | None = None
    ) -> list[Schedule]:
        """Active schedules, all of them or one channel's, oldest first."""
        if place is None:
            rows = await self._digest_rows(self.DIGEST_SQL.all_schedules, ())
        else:
            rows = await self._digest_rows(self.DIGEST_SQL.place_schedules, (platform or "", place))
        return [schedule_from(r) for r in rows]

    async def cancel_schedule(self, schedule_id: int, place: str, platform: str) -> bool:
        """Deactivate a schedule of this channel; False if it is not one of this channel's active ones."""
        params = (int(schedule_id), place, platform)
        return await self._digest_change(self.DIGEST_SQL.cancel_schedule, params, "the change") > 0

    # -- deliveries ---------------------------------------------------------------------

    async def delivery(self, schedule_id: int, local_date: str) -> DeliveryRecord | None:
        row = await self._digest_row(self.DIGEST_SQL.delivery, (int(schedule_id), local_date))
        return delivery_from(row) if row else None

    async def last_delivery(self, schedule_id: int) -> DeliveryRecord | None:
        row = await self._digest_row(self.DIGEST_SQL.last_delivery, (int(schedule_id),))
        return delivery_from(row) if row else None

    async def covered_until(self, schedule_id: int) -> str | None:
        """The newest publication time the schedule's delivered digests have covered."""
        row = await self._digest_row(self.DIGEST_SQL.covered_until, (int(schedule_id),))
        return row[0] if row else None

    async def claim_delivery(
        self,
        schedule_id: int,
        local_date: str,
        place: str,
        token: str,
        claimed_at: str,
        max_attempts: int,
    ) -> bool:
        """Claim the right to post this schedule's digest for local_date; True only for the winner.

        The INSERT is the claim; the unique key on (schedule_id, local_date) lets one claim
        win, from any process. A row that exists is taken over only when its last attempt is
        known to have failed and attempts remain; a 'claimed' or 'delivered' row never is.
        """
        params = (int(schedule_id), local_date, place, token, claimed_at, max_attempts)
        return await self._digest_claim(params) == token

    async def finish_delivery(
        self,
        schedule_id: int,
        local_date: str,
        token: str,
        delivered_at: str,
        covered_until: str | None,
    ) -> None:
        params = (delivered_at, covered_until, int(schedule_id), local_date, token)
        await self._digest_change(self.DIGEST_SQL.finish_delivery, params, "the delivery")

    async def fail_delivery(
        self, schedule_id: int, local_date: str, token: str, error: str
    ) -> None:
        params = (error[:ERROR_LIMIT], int(schedule_id), local_date, token)
        await self._digest_change(self.DIGEST_SQL.fail_delivery, params, "the delivery")

    async def plan_delivery(
        self,
        schedule_id: int,
        local_date: str,
        token: str,
        reply: str,
        indexed_through: int | None,
    ) -> DeliveryRecord | None:
        """Keep the digest the claim will post (first attempt only) and return the row: a retry
        gets back the digest and coverage planned first, so it posts the same parts."""
        params = (reply, indexed_through, int(schedule_id), local_date, token)
        await self._digest_change(self.DIGEST_SQL.plan_delivery, params, "the delivery")
        return await self.delivery(schedule_id, local_date)

    async def delivery_progress(
        self, schedule_id: int, local_date: str, token: str, parts_posted: int
    ) -> None:
        """Note that the first `parts_posted` messages of the digest are out (before the next)."""
        params = (int(parts_posted), int(schedule_id), local_date, token)
        await self._digest_change(self.DIGEST_SQL.delivery_progress, params, "the delivery")

    async def indexed_through(self, schedule_id: int) -> int | None:
        """The newest article row the schedule's delivered digests have covered (None: none yet)."""
        row = await self._digest_row(self.DIGEST_SQL.indexed_through, (int(schedule_id),))
        return int(row[0]) if row and row[0] is not None else None

    # -- feeds --------------------------------------------------------------------------

    async def add_feed(self, url: str, added_by: str, added_at: str, title: str = "") -> bool:
        """Subscribe; False when the feed was already subscribed."""
        params = (url, title, added_by, added_at)
        return await self._digest_change(self.DIGEST_SQL.add_feed, params, "the feed") > 0

    async def feed(self, url: str) -> FeedState | None:
        row = await self._digest_row(self.DIGEST_SQL.feed, (url,))
        return feed_from(row) if row else None

    async def feeds(self) -> list[FeedState]:
        return [feed_from(r) for r in await self._digest_rows(self.DIGEST_SQL.feeds, ())]

    async def record_feed_poll(
        self,
        url: str,
        polled_at: str,
        etag: str | None,
        modified: str | None,
        title: str,
        new_entries: int,
        seen: Sequence[str],
    ) -> None:
        """A successful poll (a 304 included): validators, entry count and seen keys; error cleared."""
        params = (polled_at, etag, modified, title, new_entries, seen_json(seen), url)
        await self._digest_change(self.DIGEST_SQL.feed_polled, params, "the feed")

    async def record_feed_error(self, url: str, polled_at: str, error: str) -> None:
        params = (polled_at, error[:ERROR_LIMIT], url)
        await self._digest_change(self.DIGEST_SQL.feed_failed, params, "the feed")
