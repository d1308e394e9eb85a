"""PostgreSQL's write path: articles with their facts and story under the ingest lock, and
reindex's swap of an article's facts (mixed into PostgresStore)."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import asyncpg

from bot import cluster
from bot.model import Analysis, Article
from bot.store import dedupe
from bot.store.base import IngestResult, StoreError
from bot.store.dialect import dollars
from bot.store.postgres_schema import INGEST_LOCK
from bot.store.postgres_text import clean
from bot.store.prepare import Prepared, prepare
from bot.store.rows import (
    article_row,
    figure_rows,
    insert_article,
    insert_figures,
    insert_quotes,
    now_iso,
    quote_rows,
    stale_where,
)

# The row is written once, with its story: setting story_id after the INSERT made a second
# version of the row (story_id is indexed, so no HOT update), which computed both search
# vectors again and wrote every word into both GIN indexes again (migration 9's doubled
# that cost).
_ARTICLE_INSERT = dollars(insert_article("story_id"))
# (table, its rows, their INSERT): quotes and figures are written alike; {table}_version
# stamps the extractor that made them.
_FACT_TABLES: tuple[tuple[str, Callable[[int, Analysis], list[tuple[Any, ...]]], str], ...] = (
    ("quotes", quote_rows, dollars(insert_quotes("article_pk"))),
    ("figures", figure_rows, dollars(insert_figures("article_pk"))),
)


def _like_prefix(prefix: str) -> str:
    """A LIKE pattern for ids starting with prefix (its own % and _ escaped)."""
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


async def _insert_facts(conn: asyncpg.Connection, insert: str, rows: list[tuple[Any, ...]]) -> None:
    """An article's quotes or figures with their sentences (ingest and reindex alike)."""
    if rows:
        await conn.executemany(insert, [clean(r) for r in rows])


class PgIngest:
    """Adding articles and replacing their facts, over PostgresStore's pool."""

    if TYPE_CHECKING:
        _pool: asyncpg.Pool
        near_duplicates: bool

        async def _val(self, sql: str, *params: Any) -> Any: ...
        async def _all(self, sql: str, *params: Any) -> list[Any]: ...

    # -- articles -----------------------------------------------------------------------

    async def add_article(self, article: Article, prepared: Prepared | None = None) -> IngestResult:
        """Index one article with its quotes, figures and story; duplicates are reported, not stored."""
        try:
            return await self._add(article, prepared)
        except asyncpg.DiskFullError as exc:
            raise StoreError(
                f"could not save the article: the database disk is full ({exc}); nothing was saved"
            ) from exc
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise StoreError(f"could not save the article: {exc}") from exc

    async def _add(self, article: Article, prepared: Prepared | None) -> IngestResult:
        digest = prepared.digest if prepared else dedupe.content_hash(article.text)
        article = Article(*(clean(getattr(article, f)) for f in Article.__slots__))
        async with self._pool.acquire() as conn:
            seen = await self._seen(conn, digest)
            if seen:
                return seen
            prepared = prepared or await asyncio.to_thread(prepare, article)
            async with conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock($1)", INGEST_LOCK)
                seen = await self._seen(conn, digest)  # another process may have won
                if seen:
                    return seen
                if self.near_duplicates:
                    copy_of = await self._near_duplicate(conn, prepared.signature, prepared.bands)
                    if copy_of:
                        return IngestResult("duplicate", copy_of, "wire copy")
                taken = set(
                    await conn.fetchval(
                        "SELECT coalesce(array_agg(id), '{}') FROM articles "
                        "WHERE id = $1 OR id LIKE $2 ESCAPE '\\'",
                        article.id,
                        _like_prefix(article.id + "-"),
                    )
                )
                new_id = dedupe.free_id(article.id, article.source, digest, taken.__contains__)
                article = replace(article, id=new_id)
                await self._insert(conn, article, prepared)
        return IngestResult("new", article.id)

    @staticmethod
    async def _seen(conn: asyncpg.Connection, digest: str) -> IngestResult | None:
        """A duplicate is decided by content alone: a taken id is not one (see dedupe.free_id)."""
        row = await conn.fetchrow("SELECT id FROM articles WHERE content_hash = $1", digest)
        return IngestResult("duplicate", row[0], "same text") if row else None

    @staticmethod
    async def _near_duplicate(
        conn: asyncpg.Connection, signature: Any, band_keys: list[str]
    ) -> str | None:
        rows = await conn.fetch(
            "SELECT DISTINCT a.id, a.minhash FROM article_bands b JOIN articles a ON a.pk = b.article_pk "
            "WHERE b.band = ANY($1::text[]) LIMIT 50",
            band_keys,
        )
        return dedupe.first_copy(rows, signature)

    async def _insert(self, conn: asyncpg.Connection, article: Article, prepared: Prepared) -> None:
        row = article_row(article, prepared, now_iso())
        published = row[6]
        story_id = await self._assign_story(conn, prepared.terms, published)
        pk = await conn.fetchval(f"{_ARTICLE_INSERT} RETURNING pk", *clean(row), story_id)
        await conn.execute(
            "INSERT INTO article_bands (band, article_pk) SELECT unnest($1::text[]), $2",
            prepared.bands,
            pk,
        )
        for _table, rows, insert in _FACT_TABLES:
            await _insert_facts(conn, insert, rows(pk, prepared.analysis))

    async def _assign_story(
        self, conn: asyncpg.Connection, counts: Counter[str], published: str
    ) -> int:
        """Join the most similar recent story, or start one (inside the article's transaction,
        before its row is written); the story's id. The article counts among the documents."""
        n_docs = await conn.fetchval("SELECT count(*) + 1 FROM articles")
        names = clean(list(counts))
        df = {
            r[0]: r[1]
            for r in await conn.fetch(
                "SELECT term, n FROM term_df WHERE term = ANY($1::text[])", names
            )
        }
        await conn.execute(
            "INSERT INTO term_df (term, n) SELECT unnest($1::text[]), 1 "
            "ON CONFLICT (term) DO UPDATE SET n = term_df.n + 1",
            names,
        )
        weights = cluster.weigh(counts, df, n_docs)
        day, horizon = cluster.window(published)
        found = await _stories_found_by(conn, cluster.probe_terms(weights), day, horizon)
        pool = list(found.values())
        rivals = {  # read only for the rare story of one that a young story may absorb
            sid: list(
                (
                    await _stories_found_by(
                        conn, cluster.probe_terms(found[sid].terms), day, horizon
                    )
                ).values()
            )
            for sid in cluster.lone_stories(weights, pool)
        }
        placed = cluster.place(weights, pool, published, rivals)
        story_id = placed.story_id
        if story_id is not None:
            await conn.execute(
                "UPDATE stories SET terms = $1, size = $2, first_published = $3, last_published = $4 "
                "WHERE id = $5",
                json.dumps(placed.terms),
                placed.size,
                placed.first,
                placed.last,
                story_id,
            )
            for gone in placed.absorbed:
                await _absorb(conn, gone, story_id)
        else:
            story_id = await conn.fetchval(
                "INSERT INTO stories (first_published, last_published, size, terms) VALUES ($1, $1, 1, $2) "
                "RETURNING id",
                published,
                json.dumps(placed.terms),
            )
        await conn.execute("DELETE FROM story_terms WHERE story_id = $1", story_id)
        await conn.execute(
            "INSERT INTO story_terms (term, last_published, story_id) SELECT unnest($1::text[]), $2, $3 "
            "ON CONFLICT DO NOTHING",
            placed.index,
            placed.last,
            story_id,
        )
        return int(story_id)

    # -- reindex ------------------------------------------------------------------------

    async def reindex_count(self, version: str, parts: Sequence[str], since: str = "") -> int:
        """How many articles have quotes or figures (parts) not made by this extractor version."""
        where, params = stale_where(version, parts, since)
        return int(
            await self._val(f"SELECT count(*) FROM articles WHERE {dollars(where)}", *params)
        )

    async def reindex_batch(
        self, version: str, parts: Sequence[str], since: str = "", after: int = 0, limit: int = 64
    ) -> list[tuple[int, str]]:
        """(key, text) of the next stale articles after key `after`, in key order."""
        where, params = stale_where(version, parts, since)
        rows = await self._all(
            dollars(f"SELECT pk, text FROM articles WHERE pk > ? AND {where} ORDER BY pk LIMIT ?"),
            after,
            *params,
            limit,
        )
        return [(r[0], r[1]) for r in rows]

    async def replace_facts(
        self, items: Sequence[tuple[int, Analysis]], version: str, parts: Sequence[str]
    ) -> None:
        """Swap the articles' quotes and/or figures for new ones and stamp the version, in one
        transaction: a kill leaves each article with its old facts or its new ones, never both."""
        async with self._pool.acquire() as conn, conn.transaction():
            for pk, analysis in items:
                for table, rows, insert in _FACT_TABLES:
                    if table in parts:
                        await conn.execute(f"DELETE FROM {table} WHERE article_pk = $1", pk)
                        await _insert_facts(conn, insert, rows(pk, analysis))
                        await conn.execute(
                            f"UPDATE articles SET {table}_version = $1 WHERE pk = $2", version, pk
                        )


async def _stories_found_by(
    conn: asyncpg.Connection, probe: list[str], day: str, horizon: str
) -> dict[int, cluster.StoryTerms]:
    """The recent stories (active since day, begun by horizon) indexed under one of the probe
    terms, up to 200 per term, in id order."""
    candidates: set[int] = set()
    for term in probe:
        rows = await conn.fetch(
            "SELECT story_id FROM story_terms WHERE term = $1 AND last_published >= $2 LIMIT 200",
            term,
            day,
        )
        candidates.update(r[0] for r in rows)
    if not candidates:
        return {}
    return {
        r[0]: cluster.StoryTerms(r[0], json.loads(r[1]), r[2], r[3], r[4])
        for r in await conn.fetch(
            "SELECT id, terms, size, first_published, last_published FROM stories "
            "WHERE id = ANY($1::bigint[]) ORDER BY id",
            sorted(candidates),
        )
        if r[3] <= horizon
    }


async def _absorb(conn: asyncpg.Connection, gone: int, keep: int) -> None:
    """Move story `gone` (its article, story watches, alert threads) into `keep` and delete it
    (cluster.place found a young story that clearly leads it)."""
    await conn.execute("UPDATE articles SET story_id = $1 WHERE story_id = $2", keep, gone)
    await conn.execute(
        "UPDATE watches SET key = $1 WHERE kind = 'story' AND key = $2", str(keep), str(gone)
    )
    await conn.execute(
        "UPDATE alert_threads t SET story_id = $1 WHERE story_id = $2 AND NOT EXISTS "
        "(SELECT 1 FROM alert_threads k WHERE k.platform = t.platform AND k.place = t.place "
        "AND k.story_id = $1)",
        keep,
        gone,
    )
    for table, column in (
        ("alert_threads", "story_id"),
        ("story_terms", "story_id"),
        ("stories", "id"),
    ):
        await conn.execute(f"DELETE FROM {table} WHERE {column} = $1", gone)
