"""The shared store: PostgreSQL through asyncpg, for several bot processes on several machines.

Same contract and answers as SQLiteStore. Search uses PostgreSQL's own tsvector columns with
`websearch_to_tsquery`, fed only word tokens we quote ourselves, so user input is never read
as query syntax. Article writes take a transaction-level advisory lock: story clustering
reads and updates shared term statistics, so writers from all processes go one at a time,
as SQLite's single writer does.

The class is put together here: writes in postgres_ingest.py, the other reads in
postgres_reads.py, digests and watches in postgres_digests.py and postgres_watches.py; the
search query and the dialect parts of /brief (stories) stay in this module, the rest of
/brief is shared_reads.py's. Row shapes shared with SQLite are in rows.py.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

import asyncpg

from bot import cluster
from bot.store import fts
from bot.store.base import ArticleRef, SearchHit, StoreError
from bot.store.dialect import POSTGRES
from bot.store.postgres_digests import PgDigestTables
from bot.store.postgres_ingest import PgIngest
from bot.store.postgres_reads import PgReads
from bot.store.postgres_schema import MIGRATIONS, migrate
from bot.store.postgres_text import all_of, any_of, clean, redact
from bot.store.postgres_watches import PgWatchTables
from bot.store.read_cache import ReadCache, read_cached
from bot.store.rows import REF_COLS as _REF_COLS  # the names the search and /brief queries use
from bot.store.rows import SEARCH_CANDIDATES, SURFACE_FIRST
from bot.store.rows import ref as _ref
from bot.store.shared_reads import STORY_ORDER, SharedReads
from bot.store.snippets import snippet

__all__ = ["PostgresStore", "clean", "redact"]
log = logging.getLogger(__name__)

# what search sees: boilerplate cut off or blanked (see prepare.search_form)
_SEARCHED = "coalesce(a.search_text, left(a.text, a.search_end), a.text)"
# Title weighs four times the body, like bm25(articles_fts, 4.0, 1.0) on SQLite ({D,C,B,A});
# the candidate functions of migration 8 rank the title and lead with the same four numbers.
_WEIGHTS = "'{0.1, 0.2, 0.25, 1.0}'"


def _has_word(i: int) -> str:
    """SQL: the article holds query word $i (a lower-case word of fts.surface_patterns, see
    _surface_words) in any case, ASCII-folded as SQLite's LIKE folds: one search of the
    article's distinct letter runs (migration 7, surface_words), not of its whole text.
    strpos, not LIKE '%word%': the same test (the patterns hold no wildcards), but PostgreSQL
    plans a LIKE by running it over that column's statistics (~200 articles' letter runs),
    ~0.5 ms of planning per word at every search, where strpos is a plain filter."""
    return f"strpos(a.surface_words, ${i}) > 0"


def _surface_words(text: str) -> list[str]:
    """fts.surface_patterns' words without their '%' (for _has_word)."""
    return [p.strip("%") for p in fts.surface_patterns(text)]


# Every pooled connection plans each statement for its own values: asyncpg prepares what it
# runs, and after five runs PostgreSQL may switch a prepared statement to one generic plan
# that knows neither the words nor the dates (a /brief topic query did, at 97k articles),
# so a rare word and one in half the archive, a day and a year, would share a plan. Planning
# costs well under a millisecond here. No JIT either, whatever the server's own setting: its
# compile time (tens of ms) is more than these short queries take (README "Running at scale").
SESSION_SETTINGS = {"plan_cache_mode": "force_custom_plan", "jit": "off"}


async def _keep_session(conn: asyncpg.Connection) -> None:
    """A pooled connection goes back as it is: nothing here sets session state (locks are
    transaction-level, settings SET LOCAL), so asyncpg's default reset — one more round trip
    after every query — buys nothing. asyncpg still ends any open transaction itself."""


class PostgresStore(ReadCache, PgIngest, PgReads, SharedReads, PgDigestTables, PgWatchTables):
    """Store on PostgreSQL; every write of an article and its facts is one transaction."""

    DIALECT = POSTGRES

    def __init__(self, pool: asyncpg.Pool, url: str, near_duplicates: bool = True) -> None:
        self._pool = pool
        self.url = url
        self.near_duplicates = near_duplicates
        self._leader: asyncpg.Connection | None = None
        self._init_read_cache()  # see read_cached

    @classmethod
    async def open(
        cls, url: str, near_duplicates: bool = True, max_connections: int = 10
    ) -> PostgresStore:
        """Connect, apply any missing migration, and return the store."""
        try:
            pool = await asyncpg.create_pool(
                url,
                min_size=1,
                max_size=max_connections,
                command_timeout=120,
                reset=_keep_session,
                server_settings=SESSION_SETTINGS,
            )
        except (OSError, asyncpg.PostgresError, ValueError) as exc:
            raise StoreError(f"cannot open the store at {redact(url)}: {exc}") from exc
        try:
            async with pool.acquire() as conn:
                await migrate(conn)
        except (OSError, asyncpg.PostgresError) as exc:
            await pool.close()
            raise StoreError(f"cannot prepare the store at {redact(url)}: {exc}") from exc
        return cls(pool, url, near_duplicates)

    async def close(self) -> None:
        await self.release_leadership()
        await self._pool.close()

    @read_cached
    async def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Best-matching articles: all words first, any word if that finds nothing.

        As on SQLite, ranking looks at the newest SEARCH_CANDIDATES matching articles (a word
        found in most of a 100k archive would otherwise be ranked in every article), and
        'the', 'of', 'was' are left out of a query that has other words. The newest matches
        are found through the GIN index, or, for words expected in over 2.5n articles ("said",
        "people"), only among the newest articles expected to hold 1.25n of them, through a
        second GIN index of the words tagged by pk range, so only those ranges' posting lists
        are read (postgres_schema, migrations 4, 6, 8, 9). They are ranked by their title and lead
        (rank_tsv, kept in the row: ranking by the whole search vector read each one out of
        TOAST), the older first among equals as before; the best SURFACE_FIRST x limit are
        ranked again by the whole vector, so the hits and scores shown are tsv's. The index
        matches stems, so each hit must also hold the words themselves (Federer is not
        federal). Snippets are cut only for the hits shown, in Python (bot/store/snippets.py).
        """
        surface = _surface_words(query)
        for match, joiner in (
            (all_of(query, drop_common=True), " AND "),
            (any_of(query, drop_common=True), " OR "),
        ):
            if not match:
                return []
            words = fts.terms(match)
            has_words = joiner.join(_has_word(i) for i in range(4, 4 + len(surface)))
            # Each word check reads the article's whole text: checked on the best-ranked few
            # first, on every candidate only when too few of them pass (as on SQLite).
            for checked in (limit * SURFACE_FIRST, SEARCH_CANDIDATES):
                rows = await self._all(
                    f"SELECT {_REF_COLS}, hits.score, {_SEARCHED} FROM (SELECT s.pk, "
                    f"ts_rank({_WEIGHTS}, a.tsv, websearch_to_tsquery('english', $1)) AS score "
                    "FROM (SELECT r.pk, r.lead FROM (SELECT c.pk, c.score AS lead "
                    "FROM briefbot_newest_matches_auto(websearch_to_tsquery('english', $1), "
                    f"{int(SEARCH_CANDIDATES)}) c ORDER BY lead DESC, c.pk LIMIT $3) r "
                    f"{'JOIN articles a ON a.pk = r.pk WHERE ' + has_words if has_words else ''} "
                    f"ORDER BY r.lead DESC, r.pk LIMIT {int(limit * SURFACE_FIRST)}) s "
                    "JOIN articles a ON a.pk = s.pk ORDER BY score DESC, s.pk LIMIT $2) hits "
                    "JOIN articles a ON a.pk = hits.pk ORDER BY hits.score DESC, a.pk",
                    match,
                    limit,
                    checked,
                    *surface,
                )
                if len(rows) >= limit or not surface:
                    break
            if rows:
                return [SearchHit(_ref(r), snippet(r[6], words), float(r[5])) for r in rows]
        return []

    # -- stories ------------------------------------------------------------------------

    @staticmethod
    def _topic_filter(topic: str, params: list[Any]) -> str | None:
        """SharedReads' topic condition: the article's search vector, then its words."""
        match = all_of(topic)
        if not match:
            return None
        params.append(match)
        at = len(params)
        surface = _surface_words(topic)
        words = "".join(f" AND {_has_word(i)}" for i in range(at + 1, at + 1 + len(surface)))
        params.extend(surface)
        return (
            "AND s.id IN (SELECT a.story_id FROM articles a "
            f"WHERE a.tsv @@ websearch_to_tsquery('english', ${at}) AND a.published >= $1{words} "
            "ORDER BY a.published DESC LIMIT 2000) "
        )

    async def _story_articles(self, story_ids: Sequence[int]) -> dict[int, list[ArticleRef]]:
        """SharedReads' story articles: every story's in one statement, the first 50 kept."""
        arts = await self._all(
            f"SELECT a.story_id, {_REF_COLS} FROM articles a WHERE a.story_id = ANY($1::bigint[]) "
            "ORDER BY a.published, a.pk",
            list(story_ids),
        )
        by_story: dict[int, list[ArticleRef]] = {}
        for r in arts:
            refs = by_story.setdefault(r[0], [])
            if len(refs) < 50:
                refs.append(_ref(r[1:]))
        return by_story

    async def _topic_stories(
        self, since: str | None, topic: str, after_row: int | None, upto: int | None
    ) -> list[tuple[int, str, str, bool]]:
        """SharedReads' topic lookup: all of them, whatever upto (see _topic_matches)."""
        return await self._topic_matches(since, topic, after_row)

    @read_cached
    async def _topic_matches(
        self, since: str | None, topic: str, after_row: int | None
    ) -> list[tuple[int, str, str, bool]]:
        """Every story matching the topic's words, in stories() order, each with whether it is
        about the topic: stories() reads its first (offset + limit) * TOPIC_OVERFETCH, as
        SQLite does, and story_count() counts it, so a /brief matches the topic's articles
        (each word check reads the article's text) once, not twice."""
        where = self._stories_where(since, topic, after_row)
        if where is None:
            return []
        # A long window matches thousands of stories: only the terms of those holding every
        # stem of the topic as a key are sent and parsed (the others cannot be about it).
        params = [*where[1], *cluster.terms_key_patterns(topic)]
        keys = " AND ".join(f"s.terms LIKE ${i}" for i in range(len(where[1]) + 1, len(params) + 1))
        terms = f"CASE WHEN {keys} THEN s.terms END" if keys else "s.terms"
        found = await self._all(
            f"SELECT s.id, s.first_published, s.last_published, {terms} FROM stories s "
            f"{where[0]} {STORY_ORDER}",
            *params,
        )
        return [
            (r[0], r[1], r[2], r[3] is not None and cluster.about(json.loads(r[3]), topic))
            for r in found
        ]

    async def save_story_summary(self, story_id: int, size: int, picked: list[list[Any]]) -> None:
        await self._exec(
            "UPDATE stories SET summary = $1, summary_size = $2 WHERE id = $3",
            json.dumps(picked),
            size,
            story_id,
        )

    # -- helpers ------------------------------------------------------------------------

    async def _newest_article(self) -> int:
        # pks are handed out under the ingest lock, so a higher one commits later
        return int(await self._val("SELECT coalesce(max(pk), 0) FROM articles"))

    async def _one(self, sql: str, *params: Any) -> Any:
        try:
            return await self._pool.fetchrow(sql, *clean(params))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise StoreError(f"the store could not answer: {exc}") from exc

    async def _all(self, sql: str, *params: Any) -> list[Any]:
        try:
            return list(await self._pool.fetch(sql, *clean(params)))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise StoreError(f"the store could not answer: {exc}") from exc

    async def _select(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return await self._all(sql, *params)

    async def _select_one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return await self._one(sql, *params)

    async def _val(self, sql: str, *params: Any) -> Any:
        try:
            return await self._pool.fetchval(sql, *clean(params))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise StoreError(f"the store could not answer: {exc}") from exc

    async def _exec(self, sql: str, *params: Any) -> str:
        try:
            return str(await self._pool.execute(sql, *clean(params)))
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise StoreError(f"the store could not save: {exc}") from exc

    async def schema_state(self) -> tuple[int, int]:
        """(newest migration applied, newest this code has); StoreError when unreachable."""
        have = await self._val("SELECT coalesce(max(version), 0) FROM schema_migrations")
        return int(have), max(v for v, _ in MIGRATIONS)

    async def consistency_problems(self) -> list[str]:
        """What `briefbot check` reports beyond PostgreSQL's own page checks."""
        problems = []
        have, want = await self.schema_state()
        if have != want:
            problems.append(f"schema version {have}, this briefbot has {want}: start it once")
        checks = (
            ("SELECT count(*) FROM articles WHERE tsv IS NULL", "articles without a search vector"),
            (
                "SELECT count(*) FROM quotes q LEFT JOIN articles a ON a.pk = q.article_pk "
                "WHERE a.pk IS NULL",
                "quotes of missing articles",
            ),
            (
                "SELECT count(*) FROM figures f LEFT JOIN articles a ON a.pk = f.article_pk "
                "WHERE a.pk IS NULL",
                "figures of missing articles",
            ),
            (
                "SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id "
                "WHERE s.id IS NULL",
                "articles outside any story",
            ),
        )
        for sql, what in checks:
            n = await self._val(sql)
            if n:
                problems.append(f"{n:,} {what}")
        invalid = await self._all(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND NOT i.indisvalid"
        )
        for (name,) in invalid:
            problems.append(f"index {name} is invalid: REINDEX INDEX {name}")
        return problems

    async def integrity_ok(self) -> bool:
        """Every article has its search vector and every fact its article."""
        orphans = await self._val(
            "SELECT (SELECT count(*) FROM quotes q LEFT JOIN articles a ON a.pk = q.article_pk "
            "WHERE a.pk IS NULL) + (SELECT count(*) FROM articles WHERE tsv IS NULL)"
        )
        return orphans == 0
