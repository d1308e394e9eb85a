"""Move a whole store between backends as JSON lines: `briefbot export` and `briefbot import`.

Everything a newsroom has is copied as stored, not re-extracted: articles with their
quotes, figures and wire-copy bands, stories (ids kept, so cached summaries stay valid),
the clustering statistics, digest schedules (ids kept), posted-digest records and feeds.
Facts name their article by its stable id, so the internal row keys of the two stores
never need to agree. The last line carries the row counts; import checks them, so a
truncated file is an error, not a quietly smaller store.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from bot.model import parse_utc
from bot.store.base import StoreError
from bot.store.opening import is_pg_url
from bot.store.postgres_schema import GIN_INDEXES
from bot.store.sqlite_migrations import UNDATED_WITHIN_SECONDS

FORMAT = "briefbot-export"
VERSION = 1
PAGE = 1000  # articles per page of the export, and per insert batch of the import

ARTICLE = (
    "id", "title", "text", "outlet", "url", "author", "published", "source",
    "content_hash", "minhash", "story_id", "ingested_at",
    "published_known", "quotes_version", "figures_version", "search_end", "search_text",
)  # fmt: skip
# Article columns an older export may lack, with the value that keeps its meaning.
ARTICLE_DEFAULTS = {
    "published_known": 1, "quotes_version": "", "figures_version": "", "search_end": None,
    "search_text": None,
}  # fmt: skip
QUOTE = ("text", "speaker", "speaker_key", "kind", "start", "end", "cue", "paragraph", "sentence")
FIGURE = (
    "surface", "start", "end", "value", "low", "high", "unit", "qualifier", "topic", "claimant",
    "base_value", "base_unit", "referent", "paragraph", "sentence",
)  # fmt: skip
STORY = ("id", "first_published", "last_published", "size", "terms", "summary", "summary_size")
SCHEDULE = (
    "id", "place", "platform", "time_of_day", "timezone", "topic", "created_by", "created_at",
    "active", "exclude",
)  # fmt: skip
DELIVERY = (
    "schedule_id", "local_date", "place", "status", "token", "attempts", "claimed_at",
    "delivered_at", "covered_until", "error",
)  # fmt: skip
FEED = (
    "url", "title", "etag", "modified", "added_by", "added_at", "last_polled", "last_error",
    "failures", "entries", "seen",
)  # fmt: skip
# Watches and their alerts (issue 23). Article row keys differ between stores, so a watch's
# since_pk and an alert's article_pk are not carried: after an import the scan cursor starts
# at the newest imported article, and posted alerts keep their keys, so none is sent again.
WATCH = (
    "id", "place", "platform", "kind", "target", "key", "created_by", "created_at", "active",
)  # fmt: skip
ALERT = (
    "id", "watch_id", "update_key", "platform", "place", "story_id", "body", "status", "token",
    "attempts", "created_at", "claimed_at", "posted_at", "message", "error",
)  # fmt: skip
THREAD = ("platform", "place", "story_id", "thread")
QUIET = ("platform", "place", "start", "end", "timezone")
TABLES = (
    "articles", "quotes", "figures", "article_bands", "stories", "story_terms", "term_df",
    "schedules", "deliveries", "feeds", "watches", "alerts", "alert_threads", "alert_quiet",
)  # fmt: skip


def _exported(row: Sequence[Any]) -> dict[str, Any]:
    """An article row as exported: "published" is empty when the source gave no date (the
    store keeps the indexing time there only to order by; an export must not present it)."""
    article = dict(zip(ARTICLE, map(_jsonable, row), strict=True))
    if not article["published_known"]:
        article["published"] = ""
    return article


def _imported(article: dict[str, Any]) -> None:
    """Back to the stored form: an undated article orders by its indexing time. An export
    from before published_known marks undated ones as the store's migration does."""
    flagged = "published_known" in article
    for name, value in ARTICLE_DEFAULTS.items():
        article.setdefault(name, value)
    if not article["published"]:
        article["published"], article["published_known"] = article["ingested_at"], 0
    elif not flagged and (
        _seconds_apart(article["published"], article["ingested_at"]) <= UNDATED_WITHIN_SECONDS
    ):
        article["published_known"] = 0


def _seconds_apart(a: str, b: str) -> float:
    try:
        first, second = (parse_utc(x) for x in (a, b))
        return abs((first - second).total_seconds())
    except (TypeError, ValueError):
        return float("inf")


_SIMPLE = {
    "story": ("stories", STORY),
    "schedule": ("schedules", SCHEDULE),
    "delivery": ("deliveries", DELIVERY),
    "feed": ("feeds", FEED),
    "watch": ("watches", WATCH),
    "alert": ("alerts", ALERT),
    "alert_thread": ("alert_threads", THREAD),
    "alert_quiet": ("alert_quiet", QUIET),
}


def _cols(names: Sequence[str], prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{n}"' for n in names)


class _Side:
    """One store's raw tables: SQLite (sqlite3) or PostgreSQL (asyncpg), same queries."""

    key = "rowid"
    fk = "article_rowid"

    async def all(self, sql: str, *params: Any) -> list[Sequence[Any]]:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError


class _SqliteSide(_Side):
    def __init__(self, path: str) -> None:
        from bot.store.sqlite import SQLiteStore  # creates the schema if the file is new

        self.path = path
        self._store_cls = SQLiteStore
        self.db: sqlite3.Connection | None = None

    async def open(self) -> _SqliteSide:
        store = await self._store_cls.open(self.path)
        await store.close()
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA foreign_keys=ON")
        return self

    async def all(self, sql: str, *params: Any) -> list[Sequence[Any]]:
        assert self.db is not None
        sql = _qmarks(sql)
        return self.db.execute(sql, params).fetchall()

    async def close(self) -> None:
        if self.db is not None:
            self.db.close()


class _PgSide(_Side):
    key = "pk"
    fk = "article_pk"

    def __init__(self, url: str) -> None:
        self.url = url
        self.conn: Any = None

    async def open(self) -> _PgSide:
        import asyncpg

        from bot.store.postgres import PostgresStore, redact

        await (await PostgresStore.open(self.url)).close()  # applies migrations
        try:
            self.conn = await asyncpg.connect(self.url)
        except (OSError, asyncpg.PostgresError) as exc:
            raise StoreError(f"cannot open {redact(self.url)}: {exc}") from exc
        return self

    async def all(self, sql: str, *params: Any) -> list[Sequence[Any]]:
        return list(await self.conn.fetch(sql, *params))

    async def close(self) -> None:
        if self.conn is not None:
            await self.conn.close()


def _qmarks(sql: str) -> str:
    """$1, $2 ... placeholders as SQLite's ?1, ?2 ..."""
    return sql.replace("$", "?")


async def _open(target: str | Path) -> _Side:
    if is_pg_url(target):
        return await _PgSide(str(target)).open()
    return await _SqliteSide(str(target)).open()


async def counts(target: str | Path) -> dict[str, int]:
    """Rows per table: what export writes last and import checks."""
    side = await _open(target)
    try:
        return await _counts(side)
    finally:
        await side.close()


async def _counts(side: _Side) -> dict[str, int]:
    out = {}
    for table in TABLES:
        out[table] = int((await side.all(f"SELECT count(*) FROM {table}"))[0][0])
    return out


# -- export ---------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode()
    return value


async def export_lines(target: str | Path) -> AsyncIterator[str]:
    """The store as JSON lines: a header, then every table, then the counts."""
    if not is_pg_url(target) and not Path(target).expanduser().exists():
        raise StoreError(f"no store at {target} to export (give --db PATH or a postgresql:// URL)")
    side = await _open(target)
    try:
        yield json.dumps({"t": "header", "format": FORMAT, "version": VERSION})
        for line in await _small_tables(side):
            yield line
        k, fk = side.key, side.fk
        top = (await side.all(f"SELECT max({k}) FROM articles"))[0][0] or 0
        for lo in range(0, int(top) + 1, PAGE):
            hi = lo + PAGE
            rows = await side.all(
                f"SELECT {_cols(ARTICLE)} FROM articles WHERE {k} >= $1 AND {k} < $2 ORDER BY {k}",
                lo,
                hi,
            )
            for r in rows:
                yield json.dumps({"t": "article", **_exported(r)})
            for kind, names, table, order in (
                ("quote", QUOTE, "quotes", "x.id"),
                ("figure", FIGURE, "figures", "x.id"),
            ):
                facts = await side.all(
                    f"SELECT a.id, {_cols(names, 'x.')} FROM {table} x JOIN articles a ON a.{k} = x.{fk} "
                    f"WHERE x.{fk} >= $1 AND x.{fk} < $2 ORDER BY {order}",
                    lo,
                    hi,
                )
                for r in facts:
                    yield json.dumps(
                        {"t": kind, "article": r[0], **dict(zip(names, r[1:], strict=True))}
                    )
            bands: dict[str, list[str]] = {}
            for aid, band in await side.all(
                f"SELECT a.id, b.band FROM article_bands b JOIN articles a ON a.{k} = b.{fk} "
                f"WHERE b.{fk} >= $1 AND b.{fk} < $2",
                lo,
                hi,
            ):
                bands.setdefault(aid, []).append(band)
            for aid, keys in bands.items():
                yield json.dumps({"t": "bands", "article": aid, "bands": keys})
        yield json.dumps({"t": "end", "counts": await _counts(side)})
    finally:
        await side.close()


async def _small_tables(side: _Side) -> list[str]:
    """Stories, statistics, schedules, deliveries and feeds: written before the articles."""
    out = []
    for kind, names, table in (
        ("story", STORY, "stories"),
        ("schedule", SCHEDULE, "schedules"),
        ("delivery", DELIVERY, "deliveries"),
        ("feed", FEED, "feeds"),
        ("watch", WATCH, "watches"),
        ("alert", ALERT, "alerts"),
        ("alert_thread", THREAD, "alert_threads"),
        ("alert_quiet", QUIET, "alert_quiet"),
    ):
        for r in await side.all(f"SELECT {_cols(names)} FROM {table}"):
            row = dict(zip(names, r, strict=True))
            if kind in ("schedule", "watch"):
                row["active"] = bool(row["active"])
            out.append(json.dumps({"t": kind, **row}))
    for kind, sql in (
        ("term_df", "SELECT term, n FROM term_df"),
        ("story_terms", "SELECT term, last_published, story_id FROM story_terms"),
    ):
        rows = [list(r) for r in await side.all(sql)]
        for i in range(0, len(rows), 5000):
            out.append(json.dumps({"t": kind, "rows": rows[i : i + 5000]}))
    return out


async def export_to(target: str | Path, out: IO[str]) -> dict[str, int]:
    """Write the export to a text stream; returns the counts it ends with."""
    last: dict[str, Any] = {}
    async for line in export_lines(target):
        out.write(line + "\n")
        last = json.loads(line) if line.startswith('{"t": "end"') else last
    return dict(last.get("counts", {}))


# -- import ---------------------------------------------------------------------------------


class _Importer:
    """Buffers lines and writes them in batches; facts after their article, always."""

    def __init__(self, side: _Side) -> None:
        self.side = side
        self.keys: dict[str, int] = {}  # article id -> row key in the target
        self.articles: list[dict[str, Any]] = []
        self.facts: dict[str, list[dict[str, Any]]] = {"quote": [], "figure": [], "bands": []}
        self.simple: dict[str, list[dict[str, Any]]] = {}

    async def flush_simple(self) -> None:
        for kind, rows in self.simple.items():
            table, names = _SIMPLE[kind]
            await self._insert(table, names, rows)
        self.simple = {}

    async def add(self, row: dict[str, Any]) -> None:
        kind = row.pop("t")
        if kind == "article":
            self.articles.append(row)
            if len(self.articles) >= PAGE:
                await self.flush_articles()
        elif kind in self.facts:
            self.facts[kind].append(row)
            if sum(map(len, self.facts.values())) >= 20 * PAGE:
                await self.flush()
        elif kind in _SIMPLE:
            if kind in ("schedule", "watch"):
                row["active"] = bool(row["active"]) if is_pg(self.side) else int(row["active"])
                row.setdefault("exclude", "")  # an export made before digest filters
            pending = self.simple.setdefault(kind, [])
            pending.append(row)
            if len(pending) >= PAGE:
                await self.flush_simple()
        elif kind == "term_df":
            await self._rows("term_df", ("term", "n"), row["rows"])
        elif kind == "story_terms":
            await self._rows("story_terms", ("term", "last_published", "story_id"), row["rows"])
        else:
            raise StoreError(f"unknown line type {kind!r} in the export")

    async def flush_articles(self) -> None:
        if not self.articles:
            return
        rows = []
        for a in self.articles:
            _imported(a)
            blob = a.get("minhash")
            a["minhash"] = base64.b64decode(blob) if blob else None
            rows.append(a)
        await self._insert("articles", ARTICLE, rows)
        ids = [a["id"] for a in self.articles]
        k = self.side.key
        if is_pg(self.side):
            found = await self.side.all(f"SELECT id, {k} FROM articles WHERE id = ANY($1)", ids)
        else:
            marks = ",".join("?" * len(ids))
            found = await self.side.all(f"SELECT id, {k} FROM articles WHERE id IN ({marks})", *ids)
        self.keys.update({r[0]: r[1] for r in found})
        self.articles = []

    async def flush(self) -> None:
        await self.flush_articles()
        fk = self.side.fk
        for kind, names, table in (("quote", QUOTE, "quotes"), ("figure", FIGURE, "figures")):
            rows = [{fk: self._key(r.pop("article")), **r} for r in self.facts[kind]]
            await self._insert(table, (fk, *names), rows)
        band_rows = [[b, self._key(r["article"])] for r in self.facts["bands"] for b in r["bands"]]
        await self._rows("article_bands", ("band", fk), band_rows)
        self.facts = {"quote": [], "figure": [], "bands": []}

    def _key(self, article_id: str) -> int:
        try:
            return self.keys[article_id]
        except KeyError:
            raise StoreError(f"the export names article {article_id!r} before it") from None

    async def _insert(self, table: str, names: Sequence[str], rows: list[dict[str, Any]]) -> None:
        await self._rows(table, names, [[r[n] for n in names] for r in rows])

    async def _rows(self, table: str, names: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Bulk insert: COPY on PostgreSQL, executemany on SQLite."""
        if not rows:
            return
        if is_pg(self.side):
            conn = self.side.conn  # type: ignore[attr-defined]
            await conn.copy_records_to_table(
                table, records=[tuple(r) for r in rows], columns=list(names)
            )
            return
        marks = ", ".join("?" * len(names))
        sql = f"INSERT INTO {table} ({_cols(names)}) VALUES ({marks})"
        self.side.db.executemany(sql, rows)  # type: ignore[attr-defined]

    async def finish(self) -> None:
        await self.flush_simple()
        await self.flush()
        # Watches look only at articles indexed after the move (their old row keys mean nothing here).
        k = self.side.key
        await self.side.all(
            f"INSERT INTO alert_cursor (name, pk) SELECT 'scan', coalesce(max({k}), 0) FROM articles"
        )
        if is_pg(self.side):
            await self.side.all("SET LOCAL maintenance_work_mem = '256MB'")
            for name, spec in GIN_INDEXES.items():
                await self.side.all(f"CREATE INDEX {name} ON {spec}")
            for table in (
                "stories",
                "schedules",
                "articles",
                "quotes",
                "figures",
                "watches",
                "alerts",
            ):
                column = "pk" if table == "articles" else "id"
                await self.side.all(
                    f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                    f"coalesce((SELECT max({column}) FROM {table}), 0) + 1, false)"
                )
        else:
            for fts in ("articles_fts", "quotes_fts", "figures_fts"):
                await self.side.all(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")


def is_pg(side: _Side) -> bool:
    return isinstance(side, _PgSide)


async def import_from(target: str | Path, lines: Iterable[str]) -> dict[str, int]:
    """Load an export into an empty store, in one transaction; returns the counts it then has."""
    side = await _open(target)
    try:
        if any((await _counts(side)).values()):
            fresh = (
                "create a new database: createdb briefbot_new, then --db postgresql:///briefbot_new"
                if is_pg(side)
                else "give a new file: briefbot --db /path/to/new.db import FILE"
            )
            raise StoreError(f"import needs an empty store; this one already has data ({fresh})")
        expected: dict[str, int] | None = None
        importer = _Importer(side)
        if is_pg(side):
            tx = side.conn.transaction()  # type: ignore[attr-defined]
            await tx.start()
            for name in GIN_INDEXES:  # rebuilt in finish(), inside this transaction
                await side.conn.execute(f"DROP INDEX {name}")  # type: ignore[attr-defined]
        else:
            side.db.execute("BEGIN")  # type: ignore[attr-defined]
        try:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as exc:
                    raise StoreError(f"line {number} of the export is not JSON: {exc}") from exc
                if row.get("t") == "header":
                    if row.get("format") != FORMAT or row.get("version") != VERSION:
                        raise StoreError(f"not a {FORMAT} version {VERSION} file")
                    continue
                if row.get("t") == "end":
                    expected = row["counts"]
                    break
                await importer.add(row)
            await importer.finish()
            got = await _counts(side)
            if expected is None:
                raise StoreError("the export ends early (no closing counts line); nothing imported")
            # An export from before a table existed has no count for it (and nothing in it).
            if {t: got.get(t, 0) for t in expected} != expected or any(
                n for t, n in got.items() if t not in expected
            ):
                raise StoreError(f"imported counts {got} differ from the export's {expected}")
        except BaseException:
            if is_pg(side):
                await tx.rollback()
            else:
                side.db.execute("ROLLBACK")  # type: ignore[attr-defined]
            raise
        if is_pg(side):
            await tx.commit()
            # Bulk COPY leaves the GIN search indexes' pending lists long; merge them now
            # rather than making the first searches pay for it.
            await side.conn.execute("VACUUM ANALYZE")  # type: ignore[attr-defined]
        else:
            side.db.execute("COMMIT")  # type: ignore[attr-defined]
        return got
    finally:
        await side.close()
