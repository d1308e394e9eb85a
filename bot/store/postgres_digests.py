"""PostgreSQL store methods for schedules, delivery claims, feeds and the scheduler lease.

The statements, what they mean and the bookkeeping around them are shared with the SQLite
store in digest_common.py; here are the primitives that run them and the lease.

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

from bot.store.dialect import POSTGRES
from bot.store.digest_common import DigestStore, digest_sql
from bot.store.postgres_schema import LEADER_LOCK

log = logging.getLogger(__name__)

# A holder whose machine vanishes without closing its socket is dropped after ~30 s.
_KEEPALIVE = {
    "tcp_keepalives_idle": "10",
    "tcp_keepalives_interval": "5",
    "tcp_keepalives_count": "3",
}

SQL = digest_sql(POSTGRES)


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
