"""The embedded store: one SQLite file through aiosqlite, FTS5 indexes, WAL journal.

Opening, upgrading and checking the file live here; the class takes its writes from
sqlite_ingest.py, its reads from sqlite_reads.py, schema steps from sqlite_migrations.py,
digests and watches from sqlite_digests.py and sqlite_watches.py. Row shapes shared with
PostgreSQL are in rows.py.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

from bot.store.base import StoreError
from bot.store.dialect import SQLITE
from bot.store.read_cache import ReadCache
from bot.store.shared_reads import SharedReads
from bot.store.sqlite_digests import DigestTables, upgrade_digest_tables
from bot.store.sqlite_ingest import SQLiteIngest
from bot.store.sqlite_migrations import MIGRATIONS
from bot.store.sqlite_reads import SQLiteReads
from bot.store.sqlite_watches import WatchTables

log = logging.getLogger(__name__)
SCHEMA_VERSION = 4  # bump with a MIGRATIONS entry (sqlite_migrations.py)


def _file_id(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


# Changes whenever an article is added or `reindex` replaces facts (read caches key on it).
_FACTS_VERSION = (
    "SELECT coalesce(max(rowid), 0), "
    "coalesce((SELECT value FROM meta WHERE key = 'reindexed'), '') FROM articles"
)


class SQLiteStore(ReadCache, SQLiteIngest, SQLiteReads, SharedReads, DigestTables, WatchTables):
    """Store on SQLite; every write of an article and its facts is one transaction."""

    DIALECT = SQLITE

    def __init__(
        self,
        db: aiosqlite.Connection,
        writer: sqlite3.Connection,
        path: str,
        near_duplicates: bool = True,
    ) -> None:
        self._db = db
        self.near_duplicates = near_duplicates
        self._w = writer
        self.path = path
        self._write_lock = asyncio.Lock()
        self._df_pending: Counter[str] = Counter()  # term_df increments of the open transaction
        # Committed term_df counts the writer has read, valid while no other connection
        # commits (PRAGMA data_version tells): ingest looks up ~300 terms per article.
        self._df_known: dict[str, int] = {}
        # Story id -> first_published, same validity rule: each article's probe terms match
        # hundreds of recent stories, and most began too late to join; this rules them out
        # without a read per story.
        self._story_first: dict[int, str] = {}
        self._written_version: int | None = None  # data_version both caches were read at
        # speakers(): quotes per spelling per speaker key, up to quote id _speakers_upto
        self._spellings: dict[str, Counter[str]] = {}
        self._speakers_upto = 0
        self._speakers_list: list[tuple[str, str, int]] | None = None
        self._speakers_stamp = ""  # meta 'reindexed' when the counts were made
        self._init_read_cache()  # see read_cached
        self._file_id = _file_id(path)  # (device, inode): readiness notices a replaced file

    @classmethod
    async def open(cls, path: str | Path, near_duplicates: bool = True) -> SQLiteStore:
        """Open (creating if needed); near_duplicates=False keeps wire copies as separate articles."""
        path = str(path) if str(path) == ":memory:" else str(Path(path).expanduser())
        try:
            if path != ":memory:":
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            db = await aiosqlite.connect(path, timeout=30)
        except (OSError, sqlite3.Error) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise StoreError(
                f"cannot open the store at {path}: {reason} (choose another with --db PATH)"
            ) from exc
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            await db.execute("PRAGMA synchronous=NORMAL")
            await db.execute("PRAGMA foreign_keys=ON")
            await db.execute("PRAGMA busy_timeout=30000")
            schema = resources.files("bot.store").joinpath("schema.sql").read_text()
            await db.executescript(schema)
            await upgrade_digest_tables(db)
            await db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
            await db.commit()
            async with db.execute("SELECT value FROM meta WHERE key = 'schema_version'") as cur:
                version = int((await cur.fetchone())[0])
        except (sqlite3.DatabaseError, ValueError) as exc:
            await db.close()
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc
        if version > SCHEMA_VERSION:
            await db.close()
            raise StoreError(
                f"the store at {path} has schema version {version}, newer than this briefbot "
                f"({SCHEMA_VERSION}); upgrade briefbot"
            )
        writer = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        writer.execute("PRAGMA synchronous=NORMAL")
        writer.execute("PRAGMA foreign_keys=ON")
        writer.execute("PRAGMA busy_timeout=30000")
        # 64 MB of page cache for the writer: FTS and index pages stay hot in bulk loads.
        writer.execute("PRAGMA cache_size=-65536")
        try:
            for target in range(version + 1, SCHEMA_VERSION + 1):
                log.warning("upgrading the store at %s to schema version %d", path, target)
                await asyncio.to_thread(MIGRATIONS[target], writer)
        except sqlite3.DatabaseError as exc:
            writer.close()
            await db.close()
            raise StoreError(f"cannot upgrade the store at {path}: {exc}") from exc
        return cls(db, writer, path, near_duplicates)

    async def close(self) -> None:
        await self._db.close()
        self._w.close()

    # -- helpers ------------------------------------------------------------------------

    async def _newest_article(self) -> tuple[Any, ...]:
        return tuple(await self._one(_FACTS_VERSION))

    async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        async with self._db.execute(sql, params) as cur:
            return await cur.fetchone()

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        async with self._db.execute(sql, params) as cur:
            return list(await cur.fetchall())

    _select, _select_one = _all, _one  # SharedReads' primitives: the same call on SQLite

    async def integrity_ok(self) -> bool:
        row = await self._one("PRAGMA integrity_check")
        return bool(row) and row[0] == "ok"

    async def schema_state(self) -> tuple[int, int]:
        """(schema version of the store, version this code needs); StoreError when the store
        cannot answer: its file gone or replaced under the open connection, or unreadable."""
        if self.path != ":memory:":
            try:
                stat = os.stat(self.path)
            except OSError as exc:
                raise StoreError(f"the store file {self.path} is gone ({exc.strerror})") from exc
            if self._file_id is not None and (stat.st_dev, stat.st_ino) != self._file_id:
                raise StoreError(f"the store file {self.path} was replaced; restart the bot")
        try:
            row = await self._one("SELECT value FROM meta WHERE key = 'schema_version'")
            return (int(row[0]) if row else 0), SCHEMA_VERSION
        except (sqlite3.Error, ValueError) as exc:
            raise StoreError(f"the store cannot be read: {exc}") from exc
