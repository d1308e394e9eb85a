"""SQLite store methods for digest schedules, delivery records and feeds (mixed into SQLiteStore)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import asyncio

    import aiosqlite

MAX_SEEN = 2000  # entry keys remembered per feed


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


class DigestStore(Protocol):
    """The digest and feed half of the Store contract (a PostgreSQL backend implements it too)."""

    async def add_schedule(
        self,
        place: str,
        platform: str,
        time_of_day: str,
        timezone: str,
        topic: str,
        created_by: str,
        created_at: str,
    ) -> Schedule: ...
    async def schedule(self, schedule_id: int) -> Schedule | None: ...
    async def schedules(
        self, place: str | None = None, platform: str | None = None
    ) -> list[Schedule]: ...
    async def cancel_schedule(self, schedule_id: int, place: str, platform: str) -> bool: ...
    async def delivery(self, schedule_id: int, local_date: str) -> DeliveryRecord | None: ...
    async def last_delivery(self, schedule_id: int) -> DeliveryRecord | None: ...
    async def covered_until(self, schedule_id: int) -> str | None: ...
    async def claim_delivery(
        self,
        schedule_id: int,
        local_date: str,
        place: str,
        token: str,
        claimed_at: str,
        max_attempts: int,
    ) -> bool: ...
    async def finish_delivery(
        self,
        schedule_id: int,
        local_date: str,
        token: str,
        delivered_at: str,
        covered_until: str | None,
    ) -> None: ...
    async def fail_delivery(
        self, schedule_id: int, local_date: str, token: str, error: str
    ) -> None: ...
    async def add_feed(self, url: str, added_by: str, added_at: str, title: str = "") -> bool: ...
    async def feed(self, url: str) -> FeedState | None: ...
    async def feeds(self) -> list[FeedState]: ...
    async def record_feed_poll(
        self,
        url: str,
        polled_at: str,
        etag: str | None,
        modified: str | None,
        title: str,
        new_entries: int,
        seen: Sequence[str],
    ) -> None: ...
    async def record_feed_error(self, url: str, polled_at: str, error: str) -> None: ...


_SCHEDULE_COLS = "id, place, platform, time_of_day, timezone, topic, created_by, created_at, active"
_DELIVERY_COLS = (
    "schedule_id, local_date, status, attempts, claimed_at, delivered_at, covered_until, error"
)
_FEED_COLS = "url, title, etag, modified, added_by, added_at, last_polled, last_error, failures, entries, seen"


# Columns added after the first schema; a store created before them gets them on open.
_ADDED_COLUMNS = {
    "deliveries": (
        ("status", "TEXT NOT NULL DEFAULT 'claimed'"),
        ("token", "TEXT NOT NULL DEFAULT ''"),
        ("attempts", "INTEGER NOT NULL DEFAULT 1"),
        ("error", "TEXT"),
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


def _schedule(row: Sequence[Any]) -> Schedule:
    return Schedule(*row[:8], active=bool(row[8]))


def _feed(row: Sequence[Any]) -> FeedState:
    try:
        seen = tuple(json.loads(row[10] or "[]"))
    except ValueError:
        seen = ()
    return FeedState(*row[:10], seen=seen)


class DigestTables:
    """Schedules, the once-per-day delivery claim and feed state; uses SQLiteStore's connection."""

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

    async def _write(self, sql: str, params: Sequence[Any]) -> int:
        """One statement in its own transaction; returns the number of rows changed."""
        async with self._write_lock:
            with _saving("the change"):
                try:
                    cur = await self._db.execute(sql, params)
                    await self._db.commit()
                except sqlite3.Error:
                    await self._db.rollback()
                    raise
            return cur.rowcount

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
        async with self._write_lock:
            with _saving("the schedule"):
                try:
                    cur = await self._db.execute(
                        "INSERT INTO schedules (place, platform, time_of_day, timezone, topic, created_by, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (place, platform, time_of_day, timezone, topic, created_by, created_at),
                    )
                    await self._db.commit()
                except sqlite3.Error:
                    await self._db.rollback()
                    raise
            new_id = cur.lastrowid
        return Schedule(
            new_id or 0, place, platform, time_of_day, timezone, topic, created_by, created_at
        )

    async def schedule(self, schedule_id: int) -> Schedule | None:
        row = await self._one(
            f"SELECT {_SCHEDULE_COLS} FROM schedules WHERE id = ?", (schedule_id,)
        )
        return _schedule(row) if row else None

    async def schedules(
        self, place: str | None = None, platform: str | None = None
    ) -> list[Schedule]:
        """Active schedules, all of them or one channel's, oldest first."""
        if place is None:
            rows = await self._all(
                f"SELECT {_SCHEDULE_COLS} FROM schedules WHERE active = 1 ORDER BY id"
            )
        else:
            rows = await self._all(
                f"SELECT {_SCHEDULE_COLS} FROM schedules WHERE active = 1 AND platform = ? AND place = ? ORDER BY id",
                (platform or "", place),
            )
        return [_schedule(r) for r in rows]

    async def cancel_schedule(self, schedule_id: int, place: str, platform: str) -> bool:
        """Deactivate a schedule of this channel; False if it is not one of this channel's active ones."""
        changed = await self._write(
            "UPDATE schedules SET active = 0 WHERE id = ? AND place = ? AND platform = ? AND active = 1",
            (schedule_id, place, platform),
        )
        return changed > 0

    # -- deliveries ---------------------------------------------------------------------

    async def delivery(self, schedule_id: int, local_date: str) -> DeliveryRecord | None:
        row = await self._one(
            f"SELECT {_DELIVERY_COLS} FROM deliveries WHERE schedule_id = ? AND local_date = ?",
            (schedule_id, local_date),
        )
        return DeliveryRecord(*row) if row else None

    async def last_delivery(self, schedule_id: int) -> DeliveryRecord | None:
        row = await self._one(
            f"SELECT {_DELIVERY_COLS} FROM deliveries WHERE schedule_id = ? ORDER BY local_date DESC LIMIT 1",
            (schedule_id,),
        )
        return DeliveryRecord(*row) if row else None

    async def covered_until(self, schedule_id: int) -> str | None:
        """The newest publication time the schedule's delivered digests have covered."""
        row = await self._one(
            "SELECT max(covered_until) FROM deliveries WHERE schedule_id = ? AND status = 'delivered'",
            (schedule_id,),
        )
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

        The INSERT is the claim. A row that already exists is taken over only when its last
        attempt is known to have failed and attempts remain; a 'claimed' or 'delivered' row
        is never taken over, by this process or any other on the same file.
        """
        async with self._write_lock:
            with _saving("the delivery claim"):
                try:
                    await self._begin_immediate()
                    await self._db.execute(
                        "INSERT INTO deliveries (schedule_id, local_date, place, status, token, attempts, claimed_at) "
                        "VALUES (?, ?, ?, 'claimed', ?, 1, ?) "
                        "ON CONFLICT (schedule_id, local_date) DO UPDATE SET status = 'claimed', token = excluded.token, "
                        "attempts = deliveries.attempts + 1, claimed_at = excluded.claimed_at, error = NULL "
                        "WHERE deliveries.status = 'failed' AND deliveries.attempts < ?",
                        (schedule_id, local_date, place, token, claimed_at, max_attempts),
                    )
                    async with self._db.execute(
                        "SELECT token FROM deliveries WHERE schedule_id = ? AND local_date = ?",
                        (schedule_id, local_date),
                    ) as cur:
                        row = await cur.fetchone()
                    await self._db.commit()
                except sqlite3.Error:
                    await self._db.rollback()
                    raise
        return bool(row) and row[0] == token

    async def finish_delivery(
        self,
        schedule_id: int,
        local_date: str,
        token: str,
        delivered_at: str,
        covered_until: str | None,
    ) -> None:
        await self._write(
            "UPDATE deliveries SET status = 'delivered', delivered_at = ?, covered_until = ?, error = NULL "
            "WHERE schedule_id = ? AND local_date = ? AND token = ?",
            (delivered_at, covered_until, schedule_id, local_date, token),
        )

    async def fail_delivery(
        self, schedule_id: int, local_date: str, token: str, error: str
    ) -> None:
        await self._write(
            "UPDATE deliveries SET status = 'failed', error = ? WHERE schedule_id = ? AND local_date = ? AND token = ?",
            (error[:500], schedule_id, local_date, token),
        )

    # -- feeds --------------------------------------------------------------------------

    async def add_feed(self, url: str, added_by: str, added_at: str, title: str = "") -> bool:
        """Subscribe; False when the feed was already subscribed."""
        changed = await self._write(
            "INSERT OR IGNORE INTO feeds (url, title, added_by, added_at) VALUES (?, ?, ?, ?)",
            (url, title, added_by, added_at),
        )
        return changed > 0

    async def feed(self, url: str) -> FeedState | None:
        row = await self._one(f"SELECT {_FEED_COLS} FROM feeds WHERE url = ?", (url,))
        return _feed(row) if row else None

    async def feeds(self) -> list[FeedState]:
        return [
            _feed(r)
            for r in await self._all(f"SELECT {_FEED_COLS} FROM feeds ORDER BY added_at, url")
        ]

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
        await self._write(
            "UPDATE feeds SET last_polled = ?, etag = coalesce(?, etag), modified = coalesce(?, modified), "
            "title = CASE WHEN ? != '' THEN ? ELSE title END, entries = entries + ?, seen = ?, "
            "last_error = NULL, failures = 0 WHERE url = ?",
            (
                polled_at,
                etag,
                modified,
                title,
                title,
                new_entries,
                json.dumps(list(seen)[-MAX_SEEN:]),
                url,
            ),
        )

    async def record_feed_error(self, url: str, polled_at: str, error: str) -> None:
        await self._write(
            "UPDATE feeds SET last_polled = ?, last_error = ?, failures = failures + 1 WHERE url = ?",
            (polled_at, error[:500], url),
        )
