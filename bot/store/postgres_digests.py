"""PostgreSQL store methods for schedules, delivery claims, feeds and the scheduler lease.

The statements are PostgreSQL's; what they mean and the bookkeeping around them are shared
with the SQLite store in digest_common.py.

The digest claim is one `INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING` statement:
PostgreSQL's unique key on (schedule_id, local_date) lets exactly one process, across every
machine, get the row back, so exactly one posts. Leadership (which process runs the
scheduler and feed polling) is a session advisory lock held on a connection of its own:
PostgreSQL drops it the moment that connection dies, so a killed holder is replaced
on the next try of any other process; TCP keepalives bound how long a vanished machine
can keep it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import asyncpg

from bot.store.digest_common import (
    DELIVERY_COLS,
    FEED_COLS,
    SCHEDULE_COLS,
    DigestSQL,
    DigestStore,
)
from bot.store.postgres_schema import LEADER_LOCK

log = logging.getLogger(__name__)

# A holder whose machine vanishes without closing its socket is dropped after ~30 s.
_KEEPALIVE = {
    "tcp_keepalives_idle": "10",
    "tcp_keepalives_interval": "5",
    "tcp_keepalives_count": "3",
}

# The claim gets its row back only in the process whose INSERT created it, or whose UPDATE
# took over a failed attempt with attempts left; every other claim, from any machine, gets none.
SQL = DigestSQL(
    insert_schedule="INSERT INTO schedules (place, platform, time_of_day, timezone, topic, "
    "created_by, created_at, exclude) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    schedule=f"SELECT {SCHEDULE_COLS} FROM schedules WHERE id = $1",
    all_schedules=f"SELECT {SCHEDULE_COLS} FROM schedules WHERE active ORDER BY id",
    place_schedules=f"SELECT {SCHEDULE_COLS} FROM schedules "
    "WHERE active AND platform = $1 AND place = $2 ORDER BY id",
    cancel_schedule="UPDATE schedules SET active = FALSE "
    "WHERE id = $1 AND place = $2 AND platform = $3 AND active",
    delivery=f"SELECT {DELIVERY_COLS} FROM deliveries WHERE schedule_id = $1 AND local_date = $2",
    last_delivery=f"SELECT {DELIVERY_COLS} FROM deliveries WHERE schedule_id = $1 "
    "ORDER BY local_date DESC LIMIT 1",
    covered_until="SELECT max(covered_until) FROM deliveries "
    "WHERE schedule_id = $1 AND status = 'delivered'",
    claim="INSERT INTO deliveries (schedule_id, local_date, place, status, token, attempts, claimed_at) "
    "VALUES ($1, $2, $3, 'claimed', $4, 1, $5) "
    "ON CONFLICT (schedule_id, local_date) DO UPDATE SET status = 'claimed', token = excluded.token, "
    "attempts = deliveries.attempts + 1, claimed_at = excluded.claimed_at, error = NULL "
    "WHERE deliveries.status = 'failed' AND deliveries.attempts < $6 RETURNING token",
    finish_delivery="UPDATE deliveries SET status = 'delivered', delivered_at = $1, "
    "covered_until = $2, error = NULL WHERE schedule_id = $3 AND local_date = $4 AND token = $5",
    fail_delivery="UPDATE deliveries SET status = 'failed', error = $1 "
    "WHERE schedule_id = $2 AND local_date = $3 AND token = $4",
    plan_delivery="UPDATE deliveries SET reply = coalesce(reply, $1), "
    "indexed_through = CASE WHEN reply IS NULL THEN $2 ELSE indexed_through END "
    "WHERE schedule_id = $3 AND local_date = $4 AND token = $5",
    delivery_progress="UPDATE deliveries SET parts_posted = $1 "
    "WHERE schedule_id = $2 AND local_date = $3 AND token = $4",
    indexed_through="SELECT max(indexed_through) FROM deliveries "
    "WHERE schedule_id = $1 AND status = 'delivered'",
    add_feed="INSERT INTO feeds (url, title, added_by, added_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (url) DO NOTHING",
    feed=f"SELECT {FEED_COLS} FROM feeds WHERE url = $1",
    feeds=f'SELECT {FEED_COLS} FROM feeds ORDER BY added_at, url COLLATE "C"',
    feed_polled="UPDATE feeds SET last_polled = $1, etag = coalesce($2, etag), "
    "modified = coalesce($3, modified), title = CASE WHEN $4 != '' THEN $4 ELSE title END, "
    "entries = entries + $5, seen = $6, last_error = NULL, failures = 0 WHERE url = $7",
    feed_failed="UPDATE feeds SET last_polled = $1, last_error = $2, failures = failures + 1 "
    "WHERE url = $3",
)


class PgDigestTables(DigestStore):
    """Schedules, the once-per-day delivery claim, feed state and the lease; uses the store's pool."""

    DIGEST_SQL = SQL

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

    async def _digest_row(self, sql: str, params: Sequence[Any]) -> Any:
        return await self._one(sql, *params)

    async def _digest_rows(self, sql: str, params: Sequence[Any]) -> list[Any]:
        return await self._all(sql, *params)

    async def _digest_change(self, sql: str, params: Sequence[Any], what: str) -> int:
        return self._changed(await self._exec(sql, *params))

    async def _digest_insert(self, sql: str, params: Sequence[Any]) -> int:
        return int(await self._val(sql, *params) or 0)

    async def _digest_claim(self, params: Sequence[Any]) -> str | None:
        return await self._val(self.DIGEST_SQL.claim, *params)

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
