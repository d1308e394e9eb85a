"""PostgreSQL statements for watches and the alert queue (mixed into PostgresStore); logic in watch_common.py.

The claim is one UPDATE ... RETURNING: row locks let exactly one process take each pending row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.store.watch_common import ALERT_COLS, WATCH_COLS, WatchSQL, WatchStore

SQL = WatchSQL(
    insert_watch="INSERT INTO watches (place, platform, kind, target, key, since_pk, created_by, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    watch=f"SELECT {WATCH_COLS} FROM watches WHERE id = $1",
    all_watches=f"SELECT {WATCH_COLS} FROM watches WHERE active ORDER BY id",
    place_watches=f"SELECT {WATCH_COLS} FROM watches "
    "WHERE active AND platform = $1 AND place = $2 ORDER BY id",
    cancel_watch="UPDATE watches SET active = FALSE "
    "WHERE id = $1 AND place = $2 AND platform = $3 AND active",
    set_quiet='INSERT INTO alert_quiet (platform, place, start, "end", timezone) '
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (platform, place) DO UPDATE SET "
    'start = excluded.start, "end" = excluded."end", timezone = excluded.timezone',
    clear_quiet="DELETE FROM alert_quiet WHERE platform = $1 AND place = $2",
    quiet='SELECT platform, place, start, "end", timezone FROM alert_quiet '
    "WHERE platform = $1 AND place = $2",
    max_pk="SELECT max(pk) FROM articles",
    new_articles="SELECT pk, id, story_id FROM articles WHERE pk > $1 ORDER BY pk LIMIT $2",
    cursor="SELECT pk FROM alert_cursor WHERE name = $1",
    set_cursor="INSERT INTO alert_cursor (name, pk) VALUES ($1, $2) "
    "ON CONFLICT (name) DO UPDATE SET pk = greatest(alert_cursor.pk, excluded.pk)",
    queue_alert="INSERT INTO alerts (watch_id, update_key, platform, place, story_id, "
    "article_pk, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
    "ON CONFLICT (platform, place, update_key) DO NOTHING",
    pending_channels="SELECT DISTINCT platform, place FROM alerts WHERE status = 'pending'",
    claim_channel="UPDATE alerts SET status = 'claimed', token = $1, claimed_at = $2 "
    f"WHERE platform = $3 AND place = $4 AND status = 'pending' RETURNING {ALERT_COLS}",
    finish_alert="UPDATE alerts SET status = 'posted', posted_at = $1, message = $2, error = NULL "
    "WHERE id = $3 AND token = $4 AND status = 'claimed'",
    release_alerts="UPDATE alerts SET status = 'pending', token = '' "
    "WHERE token = $1 AND status = 'claimed'",
    fail_alerts="UPDATE alerts SET attempts = attempts + 1, error = $1, token = '', "
    "status = CASE WHEN attempts + 1 >= $2 THEN 'failed' ELSE 'pending' END "
    "WHERE token = $3 AND status = 'claimed'",
    posts_since="SELECT count(DISTINCT message) FROM alerts "
    "WHERE platform = $1 AND place = $2 AND status = 'posted' AND posted_at >= $3",
    thread="SELECT thread FROM alert_threads WHERE platform = $1 AND place = $2 AND story_id = $3",
    set_thread="INSERT INTO alert_threads (platform, place, story_id, thread) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    counts="SELECT status, count(*) FROM alerts WHERE platform = $1 AND place = $2 GROUP BY status",
    story_first="SELECT min(pk) FROM articles WHERE story_id = $1",
    article_story="SELECT story_id FROM articles WHERE id = $1",
)

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
