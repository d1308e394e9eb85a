"""SQLite statements for watches and the alert queue (mixed into SQLiteStore); logic in watch_common.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.store.watch_common import ALERT_COLS, WATCH_COLS, WatchSQL, WatchStore

if TYPE_CHECKING:
    import asyncio

    import aiosqlite

SQL = WatchSQL(
    insert_watch="INSERT INTO watches (place, platform, kind, target, key, since_pk, created_by, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    watch=f"SELECT {WATCH_COLS} FROM watches WHERE id = ?",
    all_watches=f"SELECT {WATCH_COLS} FROM watches WHERE active = 1 ORDER BY id",
    place_watches=f"SELECT {WATCH_COLS} FROM watches "
    "WHERE active = 1 AND platform = ? AND place = ? ORDER BY id",
    cancel_watch="UPDATE watches SET active = 0 "
    "WHERE id = ? AND place = ? AND platform = ? AND active = 1",
    set_quiet='INSERT INTO alert_quiet (platform, place, start, "end", timezone) '
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, place) DO UPDATE SET start = excluded.start, "
    '"end" = excluded."end", timezone = excluded.timezone',
    clear_quiet="DELETE FROM alert_quiet WHERE platform = ? AND place = ?",
    quiet='SELECT platform, place, start, "end", timezone FROM alert_quiet '
    "WHERE platform = ? AND place = ?",
    max_pk="SELECT max(rowid) FROM articles",
    new_articles="SELECT rowid, id, story_id FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
    cursor="SELECT pk FROM alert_cursor WHERE name = ?",
    set_cursor="INSERT INTO alert_cursor (name, pk) VALUES (?1, ?2) "
    "ON CONFLICT (name) DO UPDATE SET pk = max(pk, excluded.pk)",
    queue_alert="INSERT OR IGNORE INTO alerts (watch_id, update_key, platform, place, story_id, "
    "article_pk, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    pending_channels="SELECT DISTINCT platform, place FROM alerts WHERE status = 'pending'",
    claim_channel="UPDATE alerts SET status = 'claimed', token = ?, claimed_at = ? "
    "WHERE platform = ? AND place = ? AND status = 'pending'",
    finish_alert="UPDATE alerts SET status = 'posted', posted_at = ?, message = ?, error = NULL "
    "WHERE id = ? AND token = ? AND status = 'claimed'",
    release_alerts="UPDATE alerts SET status = 'pending', token = '' "
    "WHERE token = ? AND status = 'claimed'",
    fail_alerts="UPDATE alerts SET attempts = attempts + 1, error = ?1, token = '', "
    "status = CASE WHEN attempts + 1 >= ?2 THEN 'failed' ELSE 'pending' END "
    "WHERE token = ?3 AND status = 'claimed'",
    posts_since="SELECT count(DISTINCT message) FROM alerts "
    "WHERE platform = ? AND place = ? AND status = 'posted' AND posted_at >= ?",
    thread="SELECT thread FROM alert_threads WHERE platform = ? AND place = ? AND story_id = ?",
    set_thread="INSERT OR IGNORE INTO alert_threads (platform, place, story_id, thread) "
    "VALUES (?, ?, ?, ?)",
    counts="SELECT status, count(*) FROM alerts WHERE platform = ? AND place = ? GROUP BY status",
    story_first="SELECT min(rowid) FROM articles WHERE story_id = ?",
    article_story="SELECT story_id FROM articles WHERE id = ?",
)
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
