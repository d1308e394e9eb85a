"""SQLite store methods for digest schedules, delivery records and feeds (mixed into SQLiteStore).

The statements, what they mean and the bookkeeping around them are shared with the
PostgreSQL store in digest_common.py; here are the primitives that run them on SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from bot.store.dialect import SQLITE
from bot.store.digest_common import DigestStore, digest_sql

if TYPE_CHECKING:
    import asyncio

    import aiosqlite

__all__ = ["DigestTables", "upgrade_digest_tables"]


@contextmanager
def _saving(what: str) -> Iterator[None]:
    """A failed write (disk full, locked past the timeout) as a StoreError the user can read."""
    from bot.store.base import StoreError

    try:
        yield
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
            raise StoreError(
                f"could not save {what}: the disk is full or the store reached its size limit; "
                "nothing was changed"
            ) from exc
        raise StoreError(f"could not save {what}: {exc}") from exc


SQL = digest_sql(SQLITE)
_CLAIMED_TOKEN = "SELECT token FROM deliveries WHERE schedule_id = ? AND local_date = ?"


# Columns added after the first schema; a store created before them gets them on open.
_ADDED_COLUMNS = {
    "schedules": (("exclude", "TEXT NOT NULL DEFAULT ''"),),  # digest filters (issue 23)
    "deliveries": (
        ("status", "TEXT NOT NULL DEFAULT 'claimed'"),
        ("token", "TEXT NOT NULL DEFAULT ''"),
        ("attempts", "INTEGER NOT NULL DEFAULT 1"),
        ("error", "TEXT"),
        # resumable multi-part digests and coverage by indexing (issue 20)
        ("parts_posted", "INTEGER NOT NULL DEFAULT 0"),
        ("reply", "TEXT"),
        ("indexed_through", "INTEGER"),
    ),
    "feeds": (
        ("title", "TEXT NOT NULL DEFAULT ''"),
        ("failures", "INTEGER NOT NULL DEFAULT 0"),
        ("seen", "TEXT NOT NULL DEFAULT '[]'"),
    ),
}


async def upgrade_digest_tables(db: aiosqlite.Connection) -> None:
    """Add any digest/feed column an older store lacks (idempotent; called by SQLiteStore.open)."""
    for table, columns in _ADDED_COLUMNS.items():
        async with db.execute(f"PRAGMA table_info({table})") as cur:
            have = {row[1] for row in await cur.fetchall()}
        for name, decl in columns:
            if name not in have:
                await db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {decl}")
    await db.commit()


class DigestTables(DigestStore):
    """Schedules, the once-per-day delivery claim and feed state; uses SQLiteStore's connection."""

    DIGEST_SQL = SQL

    if TYPE_CHECKING:
        _db: aiosqlite.Connection
        _write_lock: asyncio.Lock

        async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
        async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...

    async def _begin_immediate(self) -> None:
        """BEGIN IMMEDIATE, retried briefly: in WAL mode SQLite can answer "database is locked"
        at once, without its busy timeout, while another process on the file is mid-write."""
        import asyncio

        for attempt in range(8):
            try:
                await self._db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 7:
                    raise
                await asyncio.sleep(0.05 * 2**attempt)  # 50 ms doubling: about 6 s in all

    async def _write(self, sql: str, params: Sequence[Any], what: str) -> sqlite3.Cursor:
        """One statement in its own transaction."""
        async with self._write_lock:
            with _saving(what):
                try:
                    cur = await self._db.execute(sql, params)
                    await self._db.commit()
                except sqlite3.Error:
                    await self._db.rollback()
                    raise
            return cur  # type: ignore[return-value]

    async def _digest_row(self, sql: str, params: Sequence[Any]) -> Any:
        return await self._one(sql, params)

    async def _digest_rows(self, sql: str, params: Sequence[Any]) -> list[Any]:
        return await self._all(sql, params)

    async def _digest_change(self, sql: str, params: Sequence[Any], what: str) -> int:
        return (await self._write(sql, params, what)).rowcount

    async def _digest_insert(self, sql: str, params: Sequence[Any]) -> int:
        return (await self._write(sql, params, "the schedule")).lastrowid or 0

    async def _digest_claim(self, params: Sequence[Any]) -> str | None:
        """The claim and the read of its outcome in one IMMEDIATE transaction: no other
        process on the file can write between them."""
        async with self._write_lock:
            with _saving("the delivery claim"):
                try:
                    await self._begin_immediate()
                    await self._db.execute(self.DIGEST_SQL.claim, params)
                    async with self._db.execute(_CLAIMED_TOKEN, params[:2]) as cur:
                        row = await cur.fetchone()
                    await self._db.commit()
                except sqlite3.Error:
                    await self._db.rollback()
                    raise
        return row[0] if row else None
