"""PostgreSQL store methods for schedules, delivery claims, feeds and the scheduler lease.

The digest claim is one `INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING` statement:
PostgreSQL's unique key on (schedule_id, local_date) lets exactly one process, across every
machine, get the row back, so exactly one posts. Leadership (which process runs the
scheduler and feed polling) is a session advisory lock held on a connection of its own:
PostgreSQL drops it the moment that connection dies, so a killed holder is replaced
on the next try of any other process; TCP keepalives bound how long a vanished machine
can keep it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import asyncpg

from bot.store.postgres_schema import LEADER_LOCK
from bot.store.sqlite_digests import MAX_SEEN, DeliveryRecord, FeedState, Schedule

log = logging.getLogger(__name__)

_SCHEDULE_COLS = "id, place, platform, time_of_day, timezone, topic, created_by, created_at, active"
_DELIVERY_COLS = (
    "schedule_id, local_date, status, attempts, claimed_at, delivered_at, covered_until, error"
)
_FEED_COLS = "url, title, etag, modified, added_by, added_at, last_polled, last_error, failures, entries, seen"
# A holder whose machine vanishes without closing its socket is dropped after ~30 s.
_KEEPALIVE = {
    "tcp_keepalives_idle": "10",
    "tcp_keepalives_interval": "5",
    "tcp_keepalives_count": "3",
}


def _schedule(row: Sequence[Any]) -> Schedule:
    return Schedule(*row[:8], active=bool(row[8]))


def _feed(row: Sequence[Any]) -> FeedState:
    try:
        seen = tuple(json.loads(row[10] or "[]"))
    except ValueError:
        seen = ()
    return FeedState(*row[:10], seen=seen)


class PgDigestTables:
    """Schedules, the once-per-day delivery claim, feed state and the lease; uses the store's pool."""

    if TYPE_CHECKING:
        _pool: asyncpg.Pool
        _leader: asyncpg.Connection | None
        url: str

        async def _one(self, sql: str, *params: Any) -> Any: ...
        async def _all(self, sql: str, *params: Any) -> list[Any]: ...
        async def _val(self, sql: str, *params: Any) -> Any: ...
        async def _exec(self, sql: str, *params: Any) -> str: ...

    @staticmethod
    def _changed(status: str) -> int:
        """Rows touched, from asyncpg's command tag ("UPDATE 1", "INSERT 0 1")."""
        try:
            return int(status.split()[-1])
        except (ValueError, IndexError):
            return 0

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
    ) -> Schedule:
        new_id = await self._val(
            "INSERT INTO schedules (place, platform, time_of_day, timezone, topic, created_by, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            place,
            platform,
            time_of_day,
            timezone,
            topic,
            created_by,
            created_at,
        )
        return Schedule(
            new_id or 0, place, platform, time_of_day, timezone, topic, created_by, created_at
        )

    async def schedule(self, schedule_id: int) -> Schedule | None:
        row = await self._one(
            f"SELECT {_SCHEDULE_COLS} FROM schedules WHERE id = $1", int(schedule_id)
        )
        return _schedule(row) if row else None

    async def schedules(
        self, place: str | None = None, platform: str | None = None
    ) -> list[Schedule]:
        """Active schedules, all of them or one channel's, oldest first."""
        if place is None:
            rows = await self._all(
                f"SELECT {_SCHEDULE_COLS} FROM schedules WHERE active ORDER BY id"
            )
        else:
            rows = await self._all(
                f"SELECT {_SCHEDULE_COLS} FROM schedules WHERE active AND platform = $1 AND place = $2 "
                "ORDER BY id",
                platform or "",
                place,
            )
        return [_schedule(r) for r in rows]

    async def cancel_schedule(self, schedule_id: int, place: str, platform: str) -> bool:
        """Deactivate a schedule of this channel; False if it is not one of this channel's active ones."""
        status = await self._exec(
            "UPDATE schedules SET active = FALSE WHERE id = $1 AND place = $2 AND platform = $3 AND active",
            int(schedule_id),
            place,
            platform,
        )
        return self._changed(status) > 0

    # -- deliveries ---------------------------------------------------------------------

    async def delivery(self, schedule_id: int, local_date: str) -> DeliveryRecord | None:
        row = await self._one(
            f"SELECT {_DELIVERY_COLS} FROM deliveries WHERE schedule_id = $1 AND local_date = $2",
            int(schedule_id),
            local_date,
        )
        return DeliveryRecord(*row) if row else None

    async def last_delivery(self, schedule_id: int) -> DeliveryRecord | None:
        row = await self._one(
            f"SELECT {_DELIVERY_COLS} FROM deliveries WHERE schedule_id = $1 "
            "ORDER BY local_date DESC LIMIT 1",
            int(schedule_id),
        )
        return DeliveryRecord(*row) if row else None

    async def covered_until(self, schedule_id: int) -> str | None:
        """The newest publication time the schedule's delivered digests have covered."""
        return await self._val(
            "SELECT max(covered_until) FROM deliveries WHERE schedule_id = $1 AND status = 'delivered'",
            int(schedule_id),
        )

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

        The row comes back only to the process whose INSERT created it, or whose UPDATE took
        over a failed attempt with attempts left; the unique key makes every other claim,
        from any process on any machine, get nothing back.
        """
        won = await self._val(
            "INSERT INTO deliveries (schedule_id, local_date, place, status, token, attempts, claimed_at) "
            "VALUES ($1, $2, $3, 'claimed', $4, 1, $5) "
            "ON CONFLICT (schedule_id, local_date) DO UPDATE SET status = 'claimed', token = excluded.token, "
            "attempts = deliveries.attempts + 1, claimed_at = excluded.claimed_at, error = NULL "
            "WHERE deliveries.status = 'failed' AND deliveries.attempts < $6 RETURNING token",
            int(schedule_id),
            local_date,
            place,
            token,
            claimed_at,
            max_attempts,
        )
        return won == token

    async def finish_delivery(
        self,
        schedule_id: int,
        local_date: str,
        token: str,
        delivered_at: str,
        covered_until: str | None,
    ) -> None:
        await self._exec(
            "UPDATE deliveries SET status = 'delivered', delivered_at = $1, covered_until = $2, error = NULL "
            "WHERE schedule_id = $3 AND local_date = $4 AND token = $5",
            delivered_at,
            covered_until,
            int(schedule_id),
            local_date,
            token,
        )

    async def fail_delivery(
        self, schedule_id: int, local_date: str, token: str, error: str
    ) -> None:
        await self._exec(
            "UPDATE deliveries SET status = 'failed', error = $1 "
            "WHERE schedule_id = $2 AND local_date = $3 AND token = $4",
            error[:500],
            int(schedule_id),
            local_date,
            token,
        )

    # -- feeds --------------------------------------------------------------------------

    async def add_feed(self, url: str, added_by: str, added_at: str, title: str = "") -> bool:
        """Subscribe; False when the feed was already subscribed."""
        status = await self._exec(
            "INSERT INTO feeds (url, title, added_by, added_at) VALUES ($1, $2, $3, $4) "
            "ON CONFLICT (url) DO NOTHING",
            url,
            title,
            added_by,
            added_at,
        )
        return self._changed(status) > 0

    async def feed(self, url: str) -> FeedState | None:
        row = await self._one(f"SELECT {_FEED_COLS} FROM feeds WHERE url = $1", url)
        return _feed(row) if row else None

    async def feeds(self) -> list[FeedState]:
        rows = await self._all(f'SELECT {_FEED_COLS} FROM feeds ORDER BY added_at, url COLLATE "C"')
        return [_feed(r) for r in rows]

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
        await self._exec(
            "UPDATE feeds SET last_polled = $1, etag = coalesce($2, etag), modified = coalesce($3, modified), "
            "title = CASE WHEN $4 != '' THEN $4 ELSE title END, entries = entries + $5, seen = $6, "
            "last_error = NULL, failures = 0 WHERE url = $7",
            polled_at,
            etag,
            modified,
            title,
            new_entries,
            json.dumps(list(seen)[-MAX_SEEN:]),
            url,
        )

    async def record_feed_error(self, url: str, polled_at: str, error: str) -> None:
        await self._exec(
            "UPDATE feeds SET last_polled = $1, last_error = $2, failures = failures + 1 WHERE url = $3",
            polled_at,
            error[:500],
            url,
        )

    # -- the scheduler lease ------------------------------------------------------------

    async def try_lead(self) -> bool:
        """True while this process holds the scheduler lease: keep it, or take it if it is free.

        Called every few seconds. A lost leader connection (database restart, network cut)
        means the lease is gone: report False so the caller stops its scheduler.
        """
        if self._leader is not None:
            try:
                await self._leader.fetchval("SELECT 1", timeout=10)
                return True
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError):
                log.warning("lost the scheduler lease connection")
                await self.release_leadership()
                return False
        try:
            conn = await asyncpg.connect(self.url, server_settings=_KEEPALIVE, timeout=10)
        except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
            log.warning("cannot reach the store for the scheduler lease: %s", type(exc).__name__)
            return False
        try:
            got = await conn.fetchval("SELECT pg_try_advisory_lock($1)", LEADER_LOCK)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            got = False
        if not got:
            await conn.close()
            return False
        self._leader = conn
        return True

    async def release_leadership(self) -> None:
        conn, self._leader = self._leader, None
        if conn is not None:
            try:
                await conn.close(timeout=5)
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError):
                conn.terminate()
