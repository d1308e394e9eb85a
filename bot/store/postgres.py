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
from dataclasses import replace
from typing import Any

import asyncpg

from bot import cluster
from bot.extract.speakers import speaker_key
from bot.ingest import dedupe
from bot.model import Analysis, Article, Figure, Quote
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
from bot.store.postgres_schema import INGEST_LOCK, MIGRATIONS, migrate
from bot.store.postgres_watches import PgWatchTables
from bot.store.read_cache import ReadCache, read_cached
from bot.store.snippets import snippet
from bot.store.sqlite import (
    SEARCH_CANDIDATES,
    SURFACE_FIRST,
    Prepared,
    _sentence_at,
    _shift,
    _stale_where,
    _summary_of,
    boilerplate_spans,
    now_iso,
    prepare,
    search_form,
)

log = logging.getLogger(__name__)

# published is only shown when the source gave it (else it holds the indexing time, for order)
_REF_COLS = (
    "a.id, a.title, a.outlet, CASE WHEN a.published_known = 1 THEN a.published ELSE '' END, a.url"
)
# what search sees: boilerplate cut off or blanked (see sqlite.search_form)
_SEARCHED = "coalesce(a.search_text, left(a.text, a.search_end), a.text)"
_ARTICLE_COLS = (
    "id, title, text, outlet, url, author, "
    "CASE WHEN published_known = 1 THEN published ELSE '' END, source"
)
_QUOTE_COLS = f'q.text, q.speaker, q.kind, q.start, q."end", q.cue, q.speaker_key, q.paragraph, q.sentence, {_REF_COLS}'
_FIG_COLS = (
    'f.surface, f.start, f."end", f.value, f.low, f.high, f.unit, f.qualifier, f.topic, f.claimant, '
    f"f.base_value, f.base_unit, f.referent, f.paragraph, f.sentence, {_REF_COLS}"
)
# Title weighs four times the body, like bm25(articles_fts, 4.0, 1.0) on SQLite ({D,C,B,A}).
_WEIGHTS = "'{0.1, 0.2, 0.25, 1.0}'"
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


def all_of(text: str, drop_common: bool = False) -> str | None:
    """A websearch_to_tsquery string needing every word; each is quoted so none is an operator."""
    toks = fts.content_terms(text) if drop_common else fts.terms(text)
    return " ".join(f'"{t}"' for t in toks) if toks else None


def any_of(text: str, drop_common: bool = False) -> str | None:
    toks = fts.content_terms(text) if drop_common else fts.terms(text)
    return " or ".join(f'"{t}"' for t in toks) if toks else None


def phrase(text: str) -> str | None:
    toks = fts.terms(text)
    return '"' + " ".join(toks) + '"' if toks else None


def _has_word(i: int) -> str:
    """SQL: the article holds query word $i (a lower-case '%word%' of fts.surface_patterns)
    in any case. Each test reads the article's whole text: a plain LIKE goes first (most
    articles use the word in lower case; measured 3x cheaper than ILIKE), and ILIKE in the
    "C" collation folds ASCII only, as SQLite's LIKE does, at half the cost of folding
    in a linguistic collation (C.UTF-8, en_US)."""
    return f'(a.title ILIKE ${i} COLLATE "C" OR a.text LIKE ${i} OR a.text ILIKE ${i} COLLATE "C")'


def _dollars(sql: str) -> str:
    """? placeholders as asyncpg's $1, $2, ... (for SQL shared with the SQLite store)."""
    n = 0

    def number(_: re.Match[str]) -> str:
        nonlocal n
        n += 1
        return f"${n}"

    return re.sub(r"\?", number, sql)


def _like_prefix(prefix: str) -> str:
    """A LIKE pattern for ids starting with prefix (its own % and _ escaped)."""
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


async def _insert_quotes(conn: asyncpg.Connection, pk: int, analysis: Analysis) -> None:
    """An article's quotes with their sentences (ingest and reindex alike)."""
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


async def _insert_figures(conn: asyncpg.Connection, pk: int, analysis: Analysis) -> None:
    """An article's figures with their sentences (ingest and reindex alike)."""
    sentences = analysis.sentences
    starts = [s.start for s in sentences]
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


async def _keep_session(conn: asyncpg.Connection) -> None:
    """A pooled connection goes back as it is: nothing here sets session state (locks are
    transaction-level, settings SET LOCAL), so asyncpg's default reset — one more round trip
    after every query — buys nothing. asyncpg still ends any open transaction itself."""


class PostgresStore(ReadCache, PgDigestTables, PgWatchTables):
    """Store on PostgreSQL; every write of an article and its facts is one transaction."""

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
        for article_id, blob in rows:
            if blob and dedupe.similarity(blob, signature) >= dedupe.NEAR_THRESHOLD:
                return str(article_id)
        return None

    async def _insert(self, conn: asyncpg.Connection, article: Article, prepared: Prepared) -> None:
        indexed = now_iso()
        published = article.published or indexed  # order only: shown as "date unknown"
        pk = await conn.fetchval(
            "INSERT INTO articles (id, title, text, outlet, url, author, published, source, content_hash, "
            "minhash, ingested_at, published_known, quotes_version, figures_version, search_end, "
            "search_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, "
            "$14, $15) RETURNING pk",
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
            indexed,
            int(bool(article.published)),
            prepared.extractor,
            *clean(search_form(article.text, boilerplate_spans(prepared))),
        )
        await conn.execute(
            "INSERT INTO article_bands (band, article_pk) SELECT unnest($1::text[]), $2",
            prepared.bands,
            pk,
        )
        await _insert_quotes(conn, pk, prepared.analysis)
        await _insert_figures(conn, pk, prepared.analysis)
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

    # -- reindex ------------------------------------------------------------------------

    async def reindex_count(self, version: str, parts: Sequence[str], since: str = "") -> int:
        """How many articles have quotes or figures (parts) not made by this extractor version."""
        where, params = _stale_where(version, parts, since)
        return int(
            await self._val(f"SELECT count(*) FROM articles WHERE {_dollars(where)}", *params)
        )

    async def reindex_batch(
        self, version: str, parts: Sequence[str], since: str = "", after: int = 0, limit: int = 64
    ) -> list[tuple[int, str]]:
        """(key, text) of the next stale articles after key `after`, in key order."""
        where, params = _stale_where(version, parts, since)
        rows = await self._all(
            _dollars(f"SELECT pk, text FROM articles WHERE pk > ? AND {where} ORDER BY pk LIMIT ?"),
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
                if "quotes" in parts:
                    await conn.execute("DELETE FROM quotes WHERE article_pk = $1", pk)
                    await _insert_quotes(conn, pk, analysis)
                    await conn.execute(
                        "UPDATE articles SET quotes_version = $1 WHERE pk = $2", version, pk
                    )
                if "figures" in parts:
                    await conn.execute("DELETE FROM figures WHERE article_pk = $1", pk)
                    await _insert_figures(conn, pk, analysis)
                    await conn.execute(
                        "UPDATE articles SET figures_version = $1 WHERE pk = $2", version, pk
                    )

    async def article(self, article_id: str) -> Article | None:
        row = await self._one(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = $1",
            article_id,
        )
        return Article(*row) if row else None

    @read_cached
    async def articles(self, article_ids: Sequence[str]) -> list[Article]:
        if not article_ids:
            return []
        rows = await self._all(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ANY($1::text[])",
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

    async def latest_article_row(self) -> int:
        """The newest article's row number (0 when empty): where a digest's coverage ends."""
        row = await self._one("SELECT coalesce(max(pk), 0) FROM articles")
        return int(row[0]) if row else 0

    async def latest_published(self) -> str | None:
        return await self._val("SELECT max(published) FROM articles")

    @read_cached
    async def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Best-matching articles: all words first, any word if that finds nothing.

        As on SQLite, ranking looks at the newest SEARCH_CANDIDATES matching articles (a word
        found in most of a 100k archive would otherwise be ranked in every article: each
        rank reads the article's whole search vector), and 'the', 'of', 'was' are left out
        of a query that has other words. The newest matches are found through the GIN index
        (for a common word, only among the newest articles expected to hold 2n of them) or,
        for words in over half the archive ("said"), by walking from the newest article,
        chosen by the planner's estimate of the matches (postgres_schema, migrations 4, 6). The index
        matches stems, so each hit must also hold the words themselves (Federer is not
        federal). Snippets are cut only for the hits shown, in Python (bot/store/snippets.py).
        """
        surface = fts.surface_patterns(query)
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
                    f"SELECT {_REF_COLS}, hits.score, {_SEARCHED} FROM (SELECT r.pk, r.score "
                    f"FROM (SELECT c.pk, ts_rank({_WEIGHTS}, c.tsv, websearch_to_tsquery('english', $1)) AS score "
                    "FROM briefbot_newest_matches_auto(websearch_to_tsquery('english', $1), "
                    f"{int(SEARCH_CANDIDATES)}) c ORDER BY score DESC, c.pk LIMIT $3) r "
                    f"{'JOIN articles a ON a.pk = r.pk WHERE ' + has_words if has_words else ''} "
                    f"ORDER BY r.score DESC, r.pk LIMIT $2) hits JOIN articles a ON a.pk = hits.pk "
                    f"ORDER BY hits.score DESC, a.pk",
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

    # -- figures ------------------------------------------------------------------------

    @read_cached
    async def figures(
        self,
        topic: str | None = None,
        match: str | None = None,
        limit: int = 1000,
        any_word: bool = False,
    ) -> list[StoredFigure]:
        """Figures of a topic and/or whose sentence holds the words (any of them if any_word)."""
        where, params = [], []
        order = 'a.published, a.id COLLATE "C", f.start'
        if topic:
            params.append(topic)
            where.append(f"f.topic = ${len(params)}")
        if match:
            q = any_of(match, drop_common=True) if any_word else all_of(match)
            if not q:
                return []
            params.append(q)
            tsq = f"websearch_to_tsquery('english', ${len(params)})"
            where.append(f"f.tsv @@ {tsq}")
            order = f"ts_rank(f.tsv, {tsq}) DESC, {order}"
        params.append(limit)
        sql = (
            f"SELECT {_FIG_COLS} FROM figures f JOIN articles a ON a.pk = f.article_pk "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} "
            f"ORDER BY {order} LIMIT ${len(params)}"
        )
        return [_stored_figure(r) for r in await self._all(sql, *params)]

    @read_cached
    async def figures_for_articles(self, article_ids: Sequence[str]) -> list[StoredFigure]:
        if not article_ids:
            return []
        rows = await self._all(
            f"SELECT {_FIG_COLS} FROM figures f JOIN articles a ON a.pk = f.article_pk "
            f'WHERE a.id = ANY($1::text[]) ORDER BY a.published, a.id COLLATE "C", f.start',
            list(article_ids),
        )
        return [_stored_figure(r) for r in rows]

    @read_cached
    async def figure_topics(self) -> list[tuple[str, int]]:
        rows = await self._all(
            "SELECT topic, count(*) FROM figures WHERE topic IS NOT NULL AND topic != '' "
            "GROUP BY topic ORDER BY count(*) DESC, topic"
        )
        return [(r[0], r[1]) for r in rows]

    # -- quotes -------------------------------------------------------------------------

    @read_cached
    async def quotes_matching(self, phrase_text: str, limit: int = 50) -> list[StoredQuote]:
        """Quotes holding the words as a phrase; failing that, all the words anywhere in the quote."""
        for match in (phrase(phrase_text), all_of(phrase_text)):
            if not match:
                return []
            rows = await self._ranked_quotes("tsv_text", match, limit)
            if rows:
                return rows
        return []

    @read_cached
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

    @read_cached
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

    @staticmethod
    def _stories_where(
        since: str | None, topic: str | None, after_row: int | None = None
    ) -> tuple[str, list[Any]] | None:
        """The WHERE clause and parameters of stories() and story_count(); None: nothing can match.

        after_row: only stories with an article indexed after that articles.pk (a digest's
        mark), whatever its publication date. A topic needs an article that has the words
        themselves, not only their stems (Federer is not federal)."""
        params: list[Any] = [since or ""]
        filters = ""
        if topic:
            match = all_of(topic)
            if not match:
                return None
            params.append(match)
            at = len(params)
            surface = fts.surface_patterns(topic)
            words = "".join(f" AND {_has_word(i)}" for i in range(at + 1, at + 1 + len(surface)))
            params.extend(surface)
            filters += (
                "AND s.id IN (SELECT a.story_id FROM articles a "
                f"WHERE a.tsv @@ websearch_to_tsquery('english', ${at}) AND a.published >= $1{words} "
                "ORDER BY a.published DESC LIMIT 2000) "
            )
        if after_row is not None:
            params.append(after_row)
            filters += (
                f"AND s.id IN (SELECT a.story_id FROM articles a WHERE a.pk > ${len(params)}) "
            )
        return f"WHERE s.last_published >= $1 {filters}", params

    async def story_count(
        self, since: str | None = None, topic: str | None = None, after_row: int | None = None
    ) -> int:
        """How many stories stories() would list without a limit (for "n more" and paging)."""
        where = self._stories_where(since, topic, after_row)
        if where is None:
            return 0
        if topic:  # only the stories about the topic count, as stories() lists them
            return sum(
                1 for *_, about in await self._topic_stories(since, topic, after_row) if about
            )
        rows = await self._all(f"SELECT count(*) FROM stories s {where[0]}", *where[1])
        return int(rows[0][0]) if rows else 0

    @read_cached
    async def stories(
        self,
        since: str | None = None,
        topic: str | None = None,
        limit: int = 10,
        offset: int = 0,
        after_row: int | None = None,
    ) -> list[Story]:
        """Stories active since `since`, newest first; with a topic, only stories about it."""
        where = self._stories_where(since, topic, after_row)
        if where is None:
            return []
        order = "ORDER BY s.last_published DESC, s.size DESC, s.id"
        if topic:  # matching articles are not enough: the story must be about the topic
            found = await self._topic_stories(since, topic, after_row)
            read = found[: (offset + limit) * cluster.TOPIC_OVERFETCH]
            rows = [r[:3] for r in read if r[3]][offset : offset + limit]
        else:
            params = [*where[1], limit, offset]
            rows = await self._all(
                f"SELECT s.id, s.first_published, s.last_published FROM stories s {where[0]} "
                f"{order} LIMIT ${len(params) - 1} OFFSET ${len(params)}",
                *params,
            )
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
            for sid, first, last in rows
        ]

    @read_cached
    async def _topic_stories(
        self, since: str | None, topic: str, after_row: int | None
    ) -> list[tuple[int, str, str, bool]]:
        """Every story matching the topic's words, in stories() order, each with whether it is
        about the topic: stories() reads its first (offset + limit) * TOPIC_OVERFETCH, as
        SQLite does, and story_count() counts it, so a /brief matches the topic's articles
        (each word check reads the article's text) once, not twice."""
        where = self._stories_where(since, topic, after_row)
        if where is None:
            return []
        found = await self._all(
            f"SELECT s.id, s.first_published, s.last_published, s.terms FROM stories s "
            f"{where[0]} ORDER BY s.last_published DESC, s.size DESC, s.id",
            *where[1],
        )
        return [(r[0], r[1], r[2], cluster.about(json.loads(r[3]), topic)) for r in found]

    async def story_summary(self, story_id: int) -> tuple[int, list[list[Any]] | None]:
        """The cached multi-source summary and the story size it was made for."""
        row = await self._one(
            "SELECT size, summary, summary_size FROM stories WHERE id = $1", story_id
        )
        return _summary_of(row)

    async def story_summaries(
        self, story_ids: Sequence[int]
    ) -> dict[int, tuple[int, list[list[Any]] | None]]:
        """story_summary of several stories in one query (a /brief shows five)."""
        if not story_ids:
            return {}
        rows = await self._all(
            "SELECT id, size, summary, summary_size FROM stories WHERE id = ANY($1::bigint[])",
            list(story_ids),
        )
        return {r[0]: _summary_of(r[1:]) for r in rows}

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
