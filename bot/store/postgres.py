"""The shared store: PostgreSQL through asyncpg, for several bot processes on several machines.

Same contract and answers as SQLiteStore. Search uses PostgreSQL's own tsvector columns with
`websearch_to_tsquery`, fed only word tokens we quote ourselves, so user input is never read
as query syntax. Article writes take a transaction-level advisory lock: story clustering
reads and updates shared term statistics, so writers from all processes go one at a time,
as SQLite's single writer does.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import asyncpg

from bot import cluster
from bot.extract.speakers import speaker_key
from bot.ingest import dedupe
from bot.model import Article, Figure, Quote
from bot.store import fts
from bot.store.base import (
    ArticleRef,
    IngestResult,
    SearchHit,
    StoredFigure,
    StoredQuote,
    StoreError,
    Story,
)
from bot.store.postgres_digests import PgDigestTables
from bot.store.postgres_schema import INGEST_LOCK, migrate
from bot.store.sqlite import Prepared, _sentence_at, _shift, now_iso, prepare

log = logging.getLogger(__name__)

_REF_COLS = "a.id, a.title, a.outlet, a.published, a.url"
_QUOTE_COLS = f'q.text, q.speaker, q.kind, q.start, q."end", q.cue, q.speaker_key, q.paragraph, q.sentence, {_REF_COLS}'
_FIG_COLS = (
    'f.surface, f.start, f."end", f.value, f.low, f.high, f.unit, f.qualifier, f.topic, f.claimant, '
    f"f.base_value, f.base_unit, f.referent, f.paragraph, f.sentence, {_REF_COLS}"
)
# Title weighs four times the body, like bm25(articles_fts, 4.0, 1.0) on SQLite ({D,C,B,A}).
_WEIGHTS = "'{0.1, 0.2, 0.25, 1.0}'"
_HEADLINE = 'StartSel="", StopSel="", MaxWords=24, MinWords=10, MaxFragments=1'
_DSN_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def clean(value: Any) -> Any:
    """U+0000 as U+FFFD: PostgreSQL text cannot hold NUL (SQLite can); one character for one,
    so stored offsets into the text stay right."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, list | tuple):
        return type(value)(clean(v) for v in value)
    return value


def redact(url: str) -> str:
    """The URL without its password, fit for messages and logs."""
    return _DSN_PASSWORD.sub(r"\1***@", url)


def all_of(text: str) -> str | None:
    """A websearch_to_tsquery string needing every word; each is quoted so none is an operator."""
    toks = fts.terms(text)
    return " ".join(f'"{t}"' for t in toks) if toks else None


def any_of(text: str) -> str | None:
    toks = fts.terms(text)
    return " or ".join(f'"{t}"' for t in toks) if toks else None


def phrase(text: str) -> str | None:
    toks = fts.terms(text)
    return '"' + " ".join(toks) + '"' if toks else None


def _ref(row: Sequence[Any]) -> ArticleRef:
    return ArticleRef(id=row[0], title=row[1], outlet=row[2], published=row[3], url=row[4])


def _stored_figure(r: Sequence[Any]) -> StoredFigure:
    fig = Figure(*r[:13])
    return StoredFigure(figure=fig, article=_ref(r[15:20]), paragraph=r[13], sentence=r[14])


def _stored_quote(r: Sequence[Any]) -> StoredQuote:
    return StoredQuote(
        quote=Quote(text=r[0], speaker=r[1], kind=r[2], start=r[3], end=r[4], cue=r[5]),
        speaker_key=r[6],
        article=_ref(r[9:14]),
        paragraph=r[7],
        sentence=r[8],
    )


def _snippet(headline: str, text: str) -> str:
    """ts_headline's passage, marked with an ellipsis where it cuts the text (as FTS5's snippet does)."""
    shown = " ".join(headline.split())
    flat = " ".join(text.split())
    if shown and not flat.startswith(shown[:40]):
        shown = "… " + shown
    if shown and not flat.endswith(shown[-40:]):
        shown += " …"
    return shown


class PostgresStore(PgDigestTables):
    """Store on PostgreSQL; every write of an article and its facts is one transaction."""

    def __init__(self, pool: asyncpg.Pool, url: str, near_duplicates: bool = True) -> None:
        self._pool = pool
        self.url = url
        self.near_duplicates = near_duplicates
        self._leader: asyncpg.Connection | None = None

    @classmethod
    async def open(
        cls, url: str, near_duplicates: bool = True, max_connections: int = 10
    ) -> PostgresStore:
        """Connect, apply any missing migration, and return the store."""
        try:
            pool = await asyncpg.create_pool(
                url, min_size=1, max_size=max_connections, command_timeout=120
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
            seen = await self._seen(conn, digest, article.id)
            if seen:
                return seen
            prepared = prepared or await asyncio.to_thread(prepare, article)
            async with conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock($1)", INGEST_LOCK)
                seen = await self._seen(conn, digest, article.id)  # another process may have won
                if seen:
                    return seen
                if self.near_duplicates:
                    copy_of = await self._near_duplicate(conn, prepared.signature, prepared.bands)
                    if copy_of:
                        return IngestResult("duplicate", copy_of, "wire copy")
                await self._insert(conn, article, prepared)
        return IngestResult("new", article.id)

    @staticmethod
    async def _seen(conn: asyncpg.Connection, digest: str, article_id: str) -> IngestResult | None:
        row = await conn.fetchrow("SELECT id FROM articles WHERE content_hash = $1", digest)
        if row:
            return IngestResult("duplicate", row[0], "same text")
        if await conn.fetchval("SELECT 1 FROM articles WHERE id = $1", article_id):
            return IngestResult("duplicate", article_id, "same id")
        return None

    @staticmethod
    async def _near_duplicate(
        conn: asyncpg.Connection, signature: Any, band_keys: list[str]
    ) -> str | None:
        rows = await conn.fetch(
            "SELECT DISTINCT a.id, a.minhash FROM article_bands b JOIN articles a ON a.pk = b.article_pk "
            "WHERE b.band = ANY($1::text[]) LIMIT 50",
            band_keys,
        )
        for article_id, blob in rows:
            if blob and dedupe.similarity(blob, signature) >= dedupe.NEAR_THRESHOLD:
                return str(article_id)
        return None

    async def _insert(self, conn: asyncpg.Connection, article: Article, prepared: Prepared) -> None:
        published = article.published or now_iso()
        pk = await conn.fetchval(
            "INSERT INTO articles (id, title, text, outlet, url, author, published, source, content_hash, "
            "minhash, ingested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING pk",
            article.id,
            article.title,
            article.text,
            article.outlet,
            article.url,
            article.author,
            published,
            article.source,
            prepared.digest,
            prepared.signature.tobytes(),
            now_iso(),
        )
        await conn.execute(
            "INSERT INTO article_bands (band, article_pk) SELECT unnest($1::text[]), $2",
            prepared.bands,
            pk,
        )
        analysis = prepared.analysis
        sentences = analysis.sentences
        starts = [s.start for s in sentences]
        quote_rows = []
        for q in analysis.quotes:
            sent = _sentence_at(sentences, starts, q.start)
            quote_rows.append(
                (
                    pk,
                    q.text,
                    q.speaker,
                    speaker_key(q.speaker),
                    q.kind,
                    q.start,
                    q.end,
                    q.cue,
                    sent.paragraph if sent else 0,
                    sent.text if sent else q.text,
                )
            )
        if quote_rows:
            await conn.executemany(
                'INSERT INTO quotes (article_pk, text, speaker, speaker_key, kind, start, "end", cue, '
                "paragraph, sentence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                [clean(r) for r in quote_rows],
            )
        figure_rows = []
        for f in analysis.figures:
            sent = _sentence_at(sentences, starts, f.start)
            figure_rows.append(
                (
                    pk,
                    f.surface,
                    f.start,
                    f.end,
                    f.value,
                    f.low,
                    f.high,
                    f.unit,
                    f.qualifier,
                    f.topic,
                    f.claimant,
                    f.base_value,
                    f.base_unit,
                    f.referent,
                    sent.paragraph if sent else 0,
                    sent.text if sent else f.surface,
                )
            )
        if figure_rows:
            await conn.executemany(
                'INSERT INTO figures (article_pk, surface, start, "end", value, low, high, unit, qualifier, '
                "topic, claimant, base_value, base_unit, referent, paragraph, sentence) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
                [clean(r) for r in figure_rows],
            )
        await self._assign_story(conn, pk, prepared.terms, published)

    async def _assign_story(
        self, conn: asyncpg.Connection, pk: int, counts: Counter[str], published: str
    ) -> None:
        """Join the most similar recent story, or start one (inside the article's transaction)."""
        n_docs = await conn.fetchval("SELECT count(*) FROM articles")
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
        day = _shift(published, -cluster.WINDOW_DAYS)
        probe = cluster.probe_terms(weights)
        candidates: set[int] = set()
        for term in probe:
            rows = await conn.fetch(
                "SELECT story_id FROM story_terms WHERE term = $1 AND last_published >= $2 LIMIT 200",
                term,
                day,
            )
            candidates.update(r[0] for r in rows)
        horizon = _shift(published, cluster.WINDOW_DAYS)
        rows = {}
        if candidates:
            rows = {
                row[0]: row
                for row in await conn.fetch(
                    "SELECT id, terms, size, first_published, last_published FROM stories "
                    "WHERE id = ANY($1::bigint[]) ORDER BY id",
                    sorted(candidates),
                )
                if row[3] <= horizon
            }
        best = cluster.choose_story(
            weights,
            (cluster.StoryTerms(sid, json.loads(row[1]), row[2]) for sid, row in rows.items()),
        )
        if best is not None:
            best_id, best_row = best.id, rows[best.id]
            terms = cluster.merge(best.terms, best.size, weights)
            first = min(best_row[3], published)
            last = max(best_row[4], published)
            await conn.execute(
                "UPDATE stories SET terms = $1, size = size + 1, first_published = $2, last_published = $3 "
                "WHERE id = $4",
                json.dumps(terms),
                first,
                last,
                best_id,
            )
            story_id = best_id
        else:
            terms = weights
            last = published
            story_id = await conn.fetchval(
                "INSERT INTO stories (first_published, last_published, size, terms) VALUES ($1, $1, 1, $2) "
                "RETURNING id",
                published,
                json.dumps(terms),
            )
        await conn.execute("UPDATE articles SET story_id = $1 WHERE pk = $2", story_id, pk)
        await conn.execute("DELETE FROM story_terms WHERE story_id = $1", story_id)
        top = cluster.index_terms(terms)
        await conn.execute(
            "INSERT INTO story_terms (term, last_published, story_id) SELECT unnest($1::text[]), $2, $3 "
            "ON CONFLICT DO NOTHING",
            top,
            last,
            story_id,
        )

    async def article(self, article_id: str) -> Article | None:
        row = await self._one(
            "SELECT id, title, text, outlet, url, author, published, source FROM articles WHERE id = $1",
            article_id,
        )
        return Article(*row) if row else None

    async def articles(self, article_ids: Sequence[str]) -> list[Article]:
        if not article_ids:
            return []
        rows = await self._all(
            "SELECT id, title, text, outlet, url, author, published, source FROM articles "
            "WHERE id = ANY($1::text[])",
            list(article_ids),
        )
        by_id = {r[0]: Article(*r) for r in rows}
        return [by_id[i] for i in article_ids if i in by_id]

    async def article_count(self) -> int:
        return int(await self._val("SELECT count(*) FROM articles"))

    async def recent_articles(self, limit: int = 20, offset: int = 0) -> list[ArticleRef]:
        rows = await self._all(
            f"SELECT {_REF_COLS} FROM articles a ORDER BY a.published DESC, a.pk DESC LIMIT $1 OFFSET $2",
            limit,
            offset,
        )
        return [_ref(r) for r in rows]

    async def article_by_url(self, url: str) -> ArticleRef | None:
        row = await self._one(
            f"SELECT {_REF_COLS} FROM articles a WHERE a.url = $1 ORDER BY a.pk LIMIT 1", url
        )
        return _ref(row) if row else None

    async def find_article_ids(self, prefix: str, limit: int = 5) -> list[str]:
        """Ids starting with what the user typed (escaped for LIKE)."""
        esc = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = await self._all(
            "SELECT id FROM articles WHERE id LIKE $1 ESCAPE '\\' ORDER BY id COLLATE \"C\" LIMIT $2",
            esc + "%",
            limit,
        )
        return [r[0] for r in rows]

    async def latest_published(self) -> str | None:
        return await self._val("SELECT max(published) FROM articles")

    async def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Best-matching articles: all words first, any word if that finds nothing."""
        surface = fts.surface_patterns(query)
        for match, joiner in ((all_of(query), " AND "), (any_of(query), " OR ")):
            if not match:
                return []
            # The index matches stems; each hit must also hold the words themselves.
            words = joiner.join(
                f"(a.title ILIKE ${i} OR a.text ILIKE ${i})" for i in range(3, 3 + len(surface))
            )
            rows = await self._all(
                f"SELECT {_REF_COLS}, ts_headline('english', a.text, m.q, '{_HEADLINE}'), hits.score, a.text "
                f"FROM (SELECT a.pk, ts_rank({_WEIGHTS}, a.tsv, websearch_to_tsquery('english', $1)) AS score "
                f"FROM articles a WHERE a.tsv @@ websearch_to_tsquery('english', $1) "
                f"{'AND (' + words + ') ' if words else ''}"
                f"ORDER BY score DESC, a.pk LIMIT $2) hits JOIN articles a ON a.pk = hits.pk, "
                f"websearch_to_tsquery('english', $1) AS m(q) ORDER BY hits.score DESC, a.pk",
                match,
                limit,
                *surface,
            )
            if rows:
                return [SearchHit(_ref(r), _snippet(r[5], r[7]), float(r[6])) for r in rows]
        return []

    # -- figures ------------------------------------------------------------------------

    async def figures(
        self, topic: str | None = None, match: str | None = None, limit: int = 1000
    ) -> list[StoredFigure]:
        where, params = [], []
        if topic:
            params.append(topic)
            where.append(f"f.topic = ${len(params)}")
        if match:
            q = all_of(match)
            if not q:
                return []
            params.append(q)
            where.append(f"f.tsv @@ websearch_to_tsquery('english', ${len(params)})")
        params.append(limit)
        sql = (
            f"SELECT {_FIG_COLS} FROM figures f JOIN articles a ON a.pk = f.article_pk "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} "
            f'ORDER BY a.published, a.id COLLATE "C", f.start LIMIT ${len(params)}'
        )
        return [_stored_figure(r) for r in await self._all(sql, *params)]

    async def figures_for_articles(self, article_ids: Sequence[str]) -> list[StoredFigure]:
        if not article_ids:
            return []
        rows = await self._all(
            f"SELECT {_FIG_COLS} FROM figures f JOIN articles a ON a.pk = f.article_pk "
            f'WHERE a.id = ANY($1::text[]) ORDER BY a.published, a.id COLLATE "C", f.start',
            list(article_ids),
        )
        return [_stored_figure(r) for r in rows]

    async def figure_topics(self) -> list[tuple[str, int]]:
        rows = await self._all(
            "SELECT topic, count(*) FROM figures WHERE topic IS NOT NULL AND topic != '' "
            "GROUP BY topic ORDER BY count(*) DESC, topic"
        )
        return [(r[0], r[1]) for r in rows]

    # -- quotes -------------------------------------------------------------------------

    async def quotes_matching(self, phrase_text: str, limit: int = 50) -> list[StoredQuote]:
        """Quotes holding the words as a phrase; failing that, all the words anywhere in the quote."""
        for match in (phrase(phrase_text), all_of(phrase_text)):
            if not match:
                return []
            rows = await self._ranked_quotes("tsv_text", match, limit)
            if rows:
                return rows
        return []

    async def quotes_about(self, words: str, limit: int = 50) -> list[StoredQuote]:
        match = all_of(words)
        if not match:
            return []
        return await self._ranked_quotes("tsv_all", match, limit)

    async def _ranked_quotes(self, column: str, match: str, limit: int) -> list[StoredQuote]:
        rows = await self._all(
            f"SELECT {_QUOTE_COLS} FROM quotes q JOIN articles a ON a.pk = q.article_pk, "
            f"websearch_to_tsquery('english', $1) AS m WHERE q.{column} @@ m "
            f"ORDER BY ts_rank(q.{column}, m) DESC, q.id LIMIT $2",
            match,
            limit,
        )
        return [_stored_quote(r) for r in rows]

    async def quotes_by_speakers(self, keys: Sequence[str], limit: int = 200) -> list[StoredQuote]:
        if not keys:
            return []
        return await self._ordered_quotes("q.speaker_key = ANY($1::text[])", list(keys), limit)

    async def speaker_spellings(self, keys: Sequence[str]) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = {}
        if keys:
            rows = await self._all(
                "SELECT speaker_key, speaker, count(*) FROM quotes "
                "WHERE speaker_key = ANY($1::text[]) AND speaker IS NOT NULL GROUP BY 1, 2",
                list(keys),
            )
            for key, name, n in rows:
                out.setdefault(key, Counter())[name] = n
        return out

    async def quotes_for_articles(self, article_ids: Sequence[str]) -> list[StoredQuote]:
        if not article_ids:
            return []
        return await self._ordered_quotes("a.id = ANY($1::text[])", list(article_ids), 10_000)

    async def _ordered_quotes(self, where: str, values: list[str], limit: int) -> list[StoredQuote]:
        rows = await self._all(
            f"SELECT {_QUOTE_COLS} FROM quotes q JOIN articles a ON a.pk = q.article_pk "
            f'WHERE {where} ORDER BY a.published, a.id COLLATE "C", q.start LIMIT $2',
            values,
            limit,
        )
        return [_stored_quote(r) for r in rows]

    async def speakers(self) -> list[tuple[str, str, int]]:
        rows = await self._all(
            "SELECT speaker_key, speaker, count(*) FROM quotes WHERE speaker_key IS NOT NULL "
            'GROUP BY speaker_key, speaker ORDER BY speaker_key COLLATE "C", speaker COLLATE "C"'
        )
        merged: dict[str, tuple[str, int]] = {}
        for key, name, n in rows:
            shown, total = merged.get(key, (name, 0))
            merged[key] = (max(shown, name, key=len), total + n)
        return sorted(((k, v[0], v[1]) for k, v in merged.items()), key=lambda r: -r[2])

    # -- stories ------------------------------------------------------------------------

    async def stories(
        self, since: str | None = None, topic: str | None = None, limit: int = 10
    ) -> list[Story]:
        """Stories active since `since`, newest first; with a topic, only stories whose articles match it."""
        params: list[Any] = [since or ""]
        topic_filter = ""
        if topic:
            match = all_of(topic)
            if not match:
                return []
            surface = fts.surface_patterns(topic)
            words = "".join(
                f" AND (a.title ILIKE ${i} OR a.text ILIKE ${i})"
                for i in range(3, 3 + len(surface))
            )
            topic_filter = (
                "AND s.id IN (SELECT a.story_id FROM articles a "
                f"WHERE a.tsv @@ websearch_to_tsquery('english', $2) AND a.published >= $1{words} "
                "ORDER BY a.published DESC LIMIT 2000)"
            )
            params.append(match)
            params.extend(surface)
        params.append(limit * cluster.TOPIC_OVERFETCH if topic else limit)
        rows = await self._all(
            f"SELECT s.id, s.first_published, s.last_published, s.terms FROM stories s "
            f"WHERE s.last_published >= $1 {topic_filter} "
            f"ORDER BY s.last_published DESC, s.size DESC, s.id LIMIT ${len(params)}",
            *params,
        )
        if topic:  # matching articles are not enough: the story must be about the topic
            rows = [r for r in rows if cluster.about(json.loads(r[3]), topic)][:limit]
        if not rows:
            return []
        arts = await self._all(
            f"SELECT a.story_id, {_REF_COLS} FROM articles a WHERE a.story_id = ANY($1::bigint[]) "
            "ORDER BY a.published, a.pk",
            [r[0] for r in rows],
        )
        by_story: dict[int, list[ArticleRef]] = {}
        for r in arts:
            refs = by_story.setdefault(r[0], [])
            if len(refs) < 50:
                refs.append(_ref(r[1:]))
        return [
            Story(
                id=sid,
                articles=tuple(by_story.get(sid, ())),
                first_published=first,
                last_published=last,
            )
            for sid, first, last, _ in rows
        ]

    async def story_summary(self, story_id: int) -> tuple[int, list[list[Any]] | None]:
        """The cached multi-source summary and the story size it was made for."""
        row = await self._one(
            "SELECT size, summary, summary_size FROM stories WHERE id = $1", story_id
        )
        if not row or row[1] is None or row[2] != row[0]:
            return (row[0] if row else 0), None
        return row[0], json.loads(row[1])

    async def save_story_summary(self, story_id: int, size: int, picked: list[list[Any]]) -> None:
        await self._exec(
            "UPDATE stories SET summary = $1, summary_size = $2 WHERE id = $3",
            json.dumps(picked),
            size,
            story_id,
        )

    # -- helpers ------------------------------------------------------------------------

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

    async def integrity_ok(self) -> bool:
        """Every article has its search vector and every fact its article."""
        orphans = await self._val(
            "SELECT (SELECT count(*) FROM quotes q LEFT JOIN articles a ON a.pk = q.article_pk "
            "WHERE a.pk IS NULL) + (SELECT count(*) FROM articles WHERE tsv IS NULL)"
        )
        return orphans == 0
