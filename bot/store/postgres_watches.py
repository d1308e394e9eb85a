"""Watches and the alert queue on PostgreSQL (mixed into PostgresStore): the claim primitive
and the tables' migration; statements and logic in watch_common.py.

The claim is one UPDATE ... RETURNING: row locks let exactly one process take each pending row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.store.dialect import POSTGRES
from bot.store.watch_common import WatchStore, watch_sql

SQL = watch_sql(POSTGRES)

# Watches, quiet hours, the alert queue and digest exclude words (issue 23); renumber at merge.
WATCHES_MIGRATION = """
CREATE TABLE IF NOT EXISTS watches (
    id BIGSERIAL PRIMARY KEY,
    place TEXT NOT NULL,
    platform TEXT NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    since_pk BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX IF NOT EXISTS watches_place ON watches (platform, place, active);
CREATE TABLE IF NOT EXISTS alert_quiet (
    platform TEXT NOT NULL, place TEXT NOT NULL,
    start TEXT NOT NULL, "end" TEXT NOT NULL, timezone TEXT NOT NULL,
    PRIMARY KEY (platform, place)
);
CREATE TABLE IF NOT EXISTS alerts (
    id BIGSERIAL PRIMARY KEY,
    watch_id BIGINT NOT NULL,
    update_key TEXT NOT NULL,
    platform TEXT NOT NULL,
    place TEXT NOT NULL,
    story_id BIGINT,
    article_pk BIGINT NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    token TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    claimed_at TEXT,
    posted_at TEXT,
    message TEXT,
    error TEXT,
    UNIQUE (platform, place, update_key)
);
CREATE INDEX IF NOT EXISTS alerts_status ON alerts (status, platform, place);
CREATE INDEX IF NOT EXISTS alerts_posted ON alerts (platform, place, posted_at);
CREATE TABLE IF NOT EXISTS alert_threads (
    platform TEXT NOT NULL, place TEXT NOT NULL, story_id BIGINT NOT NULL, thread TEXT NOT NULL,
    PRIMARY KEY (platform, place, story_id)
);
CREATE TABLE IF NOT EXISTS alert_cursor (name TEXT PRIMARY KEY, pk BIGINT NOT NULL);
-- Digest filters: words whose stories a digest leaves out.
ALTER TABLE schedules ADD COLUMN IF NOT EXISTS exclude TEXT NOT NULL DEFAULT '';
"""


class PgWatchTables(WatchStore):
    """Watches and alert claims over PostgresStore's pool."""

    WATCH_SQL = SQL

    if TYPE_CHECKING:

        async def _all(self, sql: str, *params: Any) -> list[Any]: ...

    async def _watch_claim(self, params: Sequence[Any]) -> list[Sequence[Any]]:
        return await self._all(self.WATCH_SQL.claim_channel, *params)
