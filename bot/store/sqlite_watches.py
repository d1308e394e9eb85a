"""Watches and the alert queue on SQLite (mixed into SQLiteStore): the claim primitive;
statements and logic in watch_common.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.store.dialect import SQLITE
from bot.store.watch_common import ALERT_COLS, WatchStore, watch_sql

if TYPE_CHECKING:
    import asyncio

    import aiosqlite

SQL = watch_sql(SQLITE)
_HELD = f"SELECT {ALERT_COLS} FROM alerts WHERE token = ? AND status = 'claimed'"


class WatchTables(WatchStore):
    """Watches and alert claims over SQLiteStore's connection (see DigestTables for the primitives)."""

    WATCH_SQL = SQL

    if TYPE_CHECKING:
        _db: aiosqlite.Connection
        _write_lock: asyncio.Lock

        async def _begin_immediate(self) -> None: ...

    async def _watch_claim(self, params: Sequence[Any]) -> list[Sequence[Any]]:
        """The claim and the read of what it holds in one IMMEDIATE transaction."""
        from bot.store.sqlite_digests import _saving

        async with self._write_lock:
            with _saving("the alert claim"):
                try:
                    await self._begin_immediate()
                    await self._db.execute(self.WATCH_SQL.claim_channel, params)
                    async with self._db.execute(_HELD, (params[0],)) as cur:
                        rows = list(await cur.fetchall())
                    await self._db.commit()
                except sqlite3.Error:
                    await self._db.rollback()
                    raise
        return rows
