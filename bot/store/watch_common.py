"""Watches, quiet hours and the alert queue with its claims: the part both store backends share.

An alert row is queued once per channel and update (the unique key (platform, place,
update_key) makes a second detection, from any process, a no-op). Posting follows the
digest's exactly-once rule: a process claims a channel's pending rows with a token in one
write; only rows holding its token are posted; a row left `claimed` by a crash is never
posted again (a duplicate is the worse failure); a refused post puts the rows back as
pending, up to MAX_ATTEMPTS.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from bot.store.dialect import Dialect
from bot.store.digest_common import SqlPrimitives

MAX_ATTEMPTS = 3
ERROR_LIMIT = 500

WATCH_COLS = "id, place, platform, kind, target, key, since_pk, created_by, created_at, active"
ALERT_COLS = "id, watch_id, story_id, body, created_at"


@dataclass(frozen=True, slots=True)
class Watch:
    """A channel's watch: kind is person (key: speaker key), topic (key: the words) or story (key: its id)."""

    id: int
    place: str
    platform: str
    kind: str
    target: str
    key: str
    since_pk: int = 0  # only articles indexed after the watch was made alert
    created_by: str = ""
    created_at: str = ""
    active: bool = True


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A channel's daily quiet window, local to its zone; start > end wraps past midnight."""

    platform: str
    place: str
    start: str  # "HH:MM"
    end: str
    timezone: str


@dataclass(frozen=True, slots=True)
class QueuedAlert:
    """One claimed update waiting to be posted; body is the JSON-able update (bot.watch_match.Update)."""

    id: int
    watch_id: int
    story_id: int | None
    body: dict[str, Any]
    created_at: str


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article indexed after the alert cursor: its store row key, id and story."""

    pk: int
    article_id: str
    story_id: int | None


def watch_from(row: Sequence[Any]) -> Watch:
    return Watch(*row[:9], active=bool(row[9]))


def alert_from(row: Sequence[Any]) -> QueuedAlert:
    try:
        body = json.loads(row[3])
    except ValueError:
        body = {"kind": "unknown", "text": str(row[3])}
    return QueuedAlert(int(row[0]), int(row[1]), row[2], body, row[4])


@dataclass(frozen=True, slots=True)
class WatchSQL:
    """One backend's statements; parameters in the order given here."""

    insert_watch: str  # place, platform, kind, target, key, since_pk, created_by, created_at
    watch: str  # id
    all_watches: str  # (none): active ones
    place_watches: str  # platform, place
    cancel_watch: str  # id, place, platform
    set_quiet: str  # platform, place, start, end, timezone (upsert)
    clear_quiet: str  # platform, place
    quiet: str  # platform, place
    max_pk: str  # (none)
    new_articles: str  # after_pk, limit -> pk, id, story_id
    cursor: str  # name
    set_cursor: str  # name, pk (keeps the larger)
    queue_alert: (
        str  # watch_id, update_key, platform, place, story_id, article_pk, body, created_at
    )
    pending_channels: str  # (none) -> platform, place
    claim_channel: str  # token, claimed_at, platform, place -> ALERT_COLS of the rows now held
    finish_alert: str  # posted_at, message, id, token
    release_alerts: str  # token: held rows not posted go back to pending
    fail_alerts: str  # error, max_attempts, token
    posts_since: str  # platform, place, since -> distinct messages posted
    thread: str  # platform, place, story_id
    set_thread: str  # platform, place, story_id, thread (first one wins)
    counts: str  # platform, place -> status, count
    story_first: str  # story_id -> the smallest article pk in it
    article_story: str  # article id -> its story id


def watch_sql(d: Dialect) -> WatchSQL:
    """The watch and alert statements, written once, in one backend's dialect."""
    q = d.sql
    return WatchSQL(
        insert_watch=d.returns(
            "INSERT INTO watches (place, platform, kind, target, key, since_pk, created_by, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            "id",
        ),
        watch=q(f"SELECT {WATCH_COLS} FROM watches WHERE id = ?"),
        all_watches=f"SELECT {WATCH_COLS} FROM watches WHERE active = TRUE ORDER BY id",
        place_watches=q(
            f"SELECT {WATCH_COLS} FROM watches "
            "WHERE active = TRUE AND platform = ? AND place = ? ORDER BY id"
        ),
        cancel_watch=q(
            "UPDATE watches SET active = FALSE "
            "WHERE id = ? AND place = ? AND platform = ? AND active = TRUE"
        ),
        set_quiet=q(
            'INSERT INTO alert_quiet (platform, place, start, "end", timezone) '
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, place) DO UPDATE SET "
            'start = excluded.start, "end" = excluded."end", timezone = excluded.timezone'
        ),
        clear_quiet=q("DELETE FROM alert_quiet WHERE platform = ? AND place = ?"),
        quiet=q(
            'SELECT platform, place, start, "end", timezone FROM alert_quiet '
            "WHERE platform = ? AND place = ?"
        ),
        max_pk=f"SELECT max({d.row_key}) FROM articles",
        new_articles=q(
            f"SELECT {d.row_key}, id, story_id FROM articles WHERE {d.row_key} > ? "
            f"ORDER BY {d.row_key} LIMIT ?"
        ),
        cursor=q("SELECT pk FROM alert_cursor WHERE name = ?"),
        set_cursor=q(
            "INSERT INTO alert_cursor (name, pk) VALUES (?, ?) "
            f"ON CONFLICT (name) DO UPDATE SET pk = {d.greatest}(alert_cursor.pk, excluded.pk)"
        ),
        queue_alert=q(
            "INSERT INTO alerts (watch_id, update_key, platform, place, story_id, article_pk, "
            "body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (platform, place, update_key) DO NOTHING"
        ),
        pending_channels="SELECT DISTINCT platform, place FROM alerts WHERE status = 'pending'",
        claim_channel=d.returns(
            "UPDATE alerts SET status = 'claimed', token = ?, claimed_at = ? "
            "WHERE platform = ? AND place = ? AND status = 'pending'",
            ALERT_COLS,
        ),
        finish_alert=q(
            "UPDATE alerts SET status = 'posted', posted_at = ?, message = ?, error = NULL "
            "WHERE id = ? AND token = ? AND status = 'claimed'"
        ),
        release_alerts=q(
            "UPDATE alerts SET status = 'pending', token = '' WHERE token = ? AND status = 'claimed'"
        ),
        fail_alerts=q(
            "UPDATE alerts SET attempts = attempts + 1, error = ?, token = '', "
            "status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END "
            "WHERE token = ? AND status = 'claimed'"
        ),
        posts_since=q(
            "SELECT count(DISTINCT message) FROM alerts "
            "WHERE platform = ? AND place = ? AND status = 'posted' AND posted_at >= ?"
        ),
        thread=q(
            "SELECT thread FROM alert_threads WHERE platform = ? AND place = ? AND story_id = ?"
        ),
        set_thread=q(
            "INSERT INTO alert_threads (platform, place, story_id, thread) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING"
        ),
        counts=q(
            "SELECT status, count(*) FROM alerts WHERE platform = ? AND place = ? GROUP BY status"
        ),
        story_first=q(f"SELECT min({d.row_key}) FROM articles WHERE story_id = ?"),
        article_story=q("SELECT story_id FROM articles WHERE id = ?"),
    )


class WatchStore(SqlPrimitives, Protocol):
    """The watch and alert half of the Store contract; backends supply WATCH_SQL, the
    SqlPrimitives (shared with the digest half) and `_watch_claim`."""

    WATCH_SQL: ClassVar[WatchSQL]

    async def _watch_claim(self, params: Sequence[Any]) -> list[Sequence[Any]]:
        """Run WATCH_SQL.claim_channel; the rows this token holds afterwards."""
        raise NotImplementedError

    # -- watches ------------------------------------------------------------------------

    async def add_watch(
        self,
        place: str,
        platform: str,
        kind: str,
        target: str,
        key: str,
        created_by: str,
        created_at: str,
    ) -> Watch:
        since = await self.max_article_pk()
        values = (place, platform, kind, target, key, since, created_by, created_at)
        new_id = await self._digest_insert(self.WATCH_SQL.insert_watch, values)
        return Watch(new_id or 0, *values)

    async def watch(self, watch_id: int) -> Watch | None:
        row = await self._digest_row(self.WATCH_SQL.watch, (int(watch_id),))
        return watch_from(row) if row else None

    async def watches(self, place: str | None = None, platform: str | None = None) -> list[Watch]:
        """Active watches, all or one channel's, oldest first."""
        if place is None:
            rows = await self._digest_rows(self.WATCH_SQL.all_watches, ())
        else:
            rows = await self._digest_rows(self.WATCH_SQL.place_watches, (platform or "", place))
        return [watch_from(r) for r in rows]

    async def cancel_watch(self, watch_id: int, place: str, platform: str) -> bool:
        params = (int(watch_id), place, platform)
        return await self._digest_change(self.WATCH_SQL.cancel_watch, params, "the watch") > 0

    async def set_quiet_hours(self, quiet: QuietHours | None, platform: str, place: str) -> None:
        """Set (or, with None, clear) a channel's quiet hours."""
        if quiet is None:
            await self._digest_change(self.WATCH_SQL.clear_quiet, (platform, place), "quiet hours")
            return
        params = (platform, place, quiet.start, quiet.end, quiet.timezone)
        await self._digest_change(self.WATCH_SQL.set_quiet, params, "quiet hours")

    async def quiet_hours(self, platform: str, place: str) -> QuietHours | None:
        row = await self._digest_row(self.WATCH_SQL.quiet, (platform, place))
        return QuietHours(*row) if row else None

    # -- new articles -------------------------------------------------------------------

    async def max_article_pk(self) -> int:
        row = await self._digest_row(self.WATCH_SQL.max_pk, ())
        return int(row[0] or 0) if row else 0

    async def articles_after(self, after_pk: int, limit: int = 500) -> list[NewArticle]:
        rows = await self._digest_rows(self.WATCH_SQL.new_articles, (int(after_pk), int(limit)))
        return [NewArticle(int(r[0]), r[1], r[2]) for r in rows]

    async def story_first_pk(self, story_id: int) -> int | None:
        """The first article of a story (by store order): an article that is it started the story."""
        row = await self._digest_row(self.WATCH_SQL.story_first, (int(story_id),))
        return int(row[0]) if row and row[0] is not None else None

    async def story_of(self, article_id: str) -> int | None:
        row = await self._digest_row(self.WATCH_SQL.article_story, (article_id,))
        return int(row[0]) if row and row[0] is not None else None

    async def alert_cursor(self, name: str = "scan") -> int | None:
        row = await self._digest_row(self.WATCH_SQL.cursor, (name,))
        return int(row[0]) if row else None

    async def set_alert_cursor(self, pk: int, name: str = "scan") -> None:
        await self._digest_change(self.WATCH_SQL.set_cursor, (name, int(pk)), "the alert cursor")

    # -- the alert queue ----------------------------------------------------------------

    async def queue_alert(
        self,
        watch_id: int,
        update_key: str,
        platform: str,
        place: str,
        story_id: int | None,
        article_pk: int,
        body: dict[str, Any],
        created_at: str,
    ) -> bool:
        """Queue an update for a channel; False when the channel already has it (any process)."""
        params = (
            int(watch_id),
            update_key,
            platform,
            place,
            story_id,
            int(article_pk),
            json.dumps(body, ensure_ascii=False),
            created_at,
        )
        return await self._digest_change(self.WATCH_SQL.queue_alert, params, "the alert") > 0

    async def pending_alert_channels(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in await self._digest_rows(self.WATCH_SQL.pending_channels, ())]

    async def claim_alerts(
        self, platform: str, place: str, token: str, claimed_at: str
    ) -> list[QueuedAlert]:
        """Take every pending alert of the channel for this token; oldest first."""
        rows = await self._watch_claim((token, claimed_at, platform, place))
        return sorted((alert_from(r) for r in rows), key=lambda a: a.id)

    async def finish_alert(self, alert_id: int, token: str, posted_at: str, message: str) -> None:
        params = (posted_at, message, int(alert_id), token)
        await self._digest_change(self.WATCH_SQL.finish_alert, params, "the alert")

    async def release_alerts(self, token: str) -> None:
        """Held rows this token did not post go back to pending (held by flood control or quiet hours)."""
        await self._digest_change(self.WATCH_SQL.release_alerts, (token,), "the alert")

    async def fail_alerts(self, token: str, error: str) -> None:
        params = (error[:ERROR_LIMIT], MAX_ATTEMPTS, token)
        await self._digest_change(self.WATCH_SQL.fail_alerts, params, "the alert")

    async def alert_posts_since(self, platform: str, place: str, since: str) -> int:
        row = await self._digest_row(self.WATCH_SQL.posts_since, (platform, place, since))
        return int(row[0] or 0) if row else 0

    async def alert_counts(self, platform: str, place: str) -> dict[str, int]:
        rows = await self._digest_rows(self.WATCH_SQL.counts, (platform, place))
        return {r[0]: int(r[1]) for r in rows}

    async def story_thread(self, platform: str, place: str, story_id: int) -> str | None:
        row = await self._digest_row(self.WATCH_SQL.thread, (platform, place, int(story_id)))
        return row[0] if row else None

    async def set_story_thread(self, platform: str, place: str, story_id: int, thread: str) -> None:
        params = (platform, place, int(story_id), thread)
        await self._digest_change(self.WATCH_SQL.set_thread, params, "the thread")
