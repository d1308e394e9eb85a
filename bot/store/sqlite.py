"""The embedded store: one SQLite file through aiosqlite, FTS5 indexes, WAL journal."""

from __future__ import annotations

import asyncio
import bisect
import json
import logging
import os
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

from bot import cluster
from bot.extract import analyse, extractor_version
from bot.extract.boilerplate import boilerplate_sentences
from bot.extract.sentences import paragraphs, split_sentences
from bot.extract.speakers import speaker_key
from bot.ingest import dedupe
from bot.model import Analysis, Article, Figure, Quote, Sentence, utc_iso
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
from bot.store.read_cache import ReadCache, read_cached
from bot.store.sqlite_digests import DigestTables, upgrade_digest_tables
from bot.store.sqlite_watches import WatchTables

log = logging.getLogger(__name__)
SCHEMA_VERSION = 4  # bump with a MIGRATIONS entry
SEARCH_CANDIDATES = 1000  # newest matching articles that /search ranks
SURFACE_FIRST = 4  # hits wanted x this: best-ranked candidates word-checked before all are
DF_CACHE_TERMS = 1_000_000  # term_df counts the writer keeps in memory (~100 MB at most)
STORY_CACHE_ROWS = 1_000_000  # story first dates the writer keeps in memory (~130 MB at most)
# published is only shown when the source gave it (else it holds the indexing time, for order)
_SHOWN_DATE = "CASE WHEN published_known THEN published ELSE '' END"
_REF_COLS = (
    "a.id, a.title, a.outlet, CASE WHEN a.published_known THEN a.published ELSE '' END, a.url"
)
_ARTICLE_COLS = f"id, title, text, outlet, url, author, {_SHOWN_DATE}, source"
_QUOTE_COLS = f'q.text, q.speaker, q.kind, q.start, q."end", q.cue, q.speaker_key, q.paragraph, q.sentence, {_REF_COLS}'
_FIG_COLS = (
    'f.surface, f.start, f."end", f.value, f.low, f.high, f.unit, f.qualifier, f.topic, f.claimant, '
    f"f.base_value, f.base_unit, f.referent, f.paragraph, f.sentence, {_REF_COLS}"
)


def _summary_of(row: Sequence[Any] | None) -> tuple[int, list[list[Any]] | None]:
    """(size, summary rows) from (size, summary, summary_size); None when outdated or missing."""
    if not row or row[1] is None or row[2] != row[0]:
        return (row[0] if row else 0), None
    return row[0], json.loads(row[1])


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


def now_iso() -> str:
    return utc_iso(datetime.now(UTC))


def _ref(row: Sequence[Any]) -> ArticleRef:
    return ArticleRef(id=row[0], title=row[1], outlet=row[2], published=row[3], url=row[4])


def _sentence_at(sentences: list[Sentence], starts: list[int], pos: int) -> Sentence | None:
    i = bisect.bisect_right(starts, pos) - 1
    return sentences[i] if i >= 0 else None


class SQLiteStore(ReadCache, DigestTables, WatchTables):
    """Store on SQLite; every write of an article and its facts is one transaction."""

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

    # -- articles -----------------------------------------------------------------------

    async def add_article(self, article: Article, prepared: Prepared | None = None) -> IngestResult:
        """Index one article with its quotes, figures and story; duplicates are reported, not stored.

        The whole write runs as one function on the writer connection in a worker thread:
        one hop instead of a hundred awaited statements, and one transaction per article,
        so a crash leaves every article either fully indexed or absent.
        """
        return (await self.add_articles([(article, prepared)]))[0]

    async def add_articles(
        self, batch: Sequence[tuple[Article, Prepared | None]]
    ) -> list[IngestResult]:
        """Index several articles in one transaction (bulk ingest: one commit, not one each).

        Every article is still either fully indexed or absent: a crash or a full disk loses
        the uncommitted batch whole, and a rerun indexes it again (none of it was counted).
        """
        async with self._write_lock:
            try:
                return await asyncio.to_thread(self._add_batch_sync, list(batch))
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
                    raise StoreError(
                        f"could not save the article: the disk is full or the store reached its "
                        f"size limit ({exc}); nothing was saved"
                    ) from exc
                raise StoreError(f"could not save the article: {exc}") from exc

    def cap_size(self, max_bytes: int) -> None:
        """Refuse article writes that would grow the file past max_bytes, as a full disk would."""
        page = self._w.execute("PRAGMA page_size").fetchone()[0]
        self._w.execute(f"PRAGMA max_page_count = {max(1, int(max_bytes) // page)}")

    def _add_batch_sync(self, batch: list[tuple[Article, Prepared | None]]) -> list[IngestResult]:
        if len(batch) == 1 and batch[0][1] is None:
            # One article to prepare: do the cheap exact checks and the CPU-heavy extraction
            # before taking the write lock of the file.
            article = batch[0][0]
            seen = self._seen(article, dedupe.content_hash(article.text))
            if seen:
                return [seen]
            batch = [(article, prepare(article))]
        try:
            return self._transaction(batch)
        except sqlite3.IntegrityError:
            if len(batch) == 1:
                return [IngestResult("duplicate", batch[0][0].id, "same text")]
            # Not expected (duplicates are checked first, under the write lock); if it
            # happens, the batch was rolled back whole: redo it one article per transaction.
            return [self._add_batch_sync([item])[0] for item in batch]

    def _transaction(self, batch: list[tuple[Article, Prepared | None]]) -> list[IngestResult]:
        """The batch in one transaction: every article of it is committed, or none is.

        No savepoint per article: FTS5 flushes its pending index at each one, which costs
        more than the rest of the write; duplicates are ruled out before any insert instead.
        """
        db = self._w
        self._df_pending = Counter()
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA data_version").fetchone()[0]
            stale = version != self._written_version  # another connection wrote since
            if stale or len(self._df_known) > DF_CACHE_TERMS:
                self._df_known.clear()
            if stale or len(self._story_first) > STORY_CACHE_ROWS:
                self._story_first.clear()
            self._written_version = version
            results = [self._add_one(article, prepared) for article, prepared in batch]
            # Document frequencies: one upsert per distinct term of the batch, not per article.
            db.executemany(
                "INSERT INTO term_df (term, n) VALUES (?, ?) "
                "ON CONFLICT (term) DO UPDATE SET n = n + excluded.n",
                list(self._df_pending.items()),
            )
            db.execute("COMMIT")
            known = self._df_known  # every pending term was read in this transaction
            for term, n in self._df_pending.items():
                if term in known:
                    known[term] += n
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            self._story_first.clear()  # it may hold stories this transaction wrote
            raise
        finally:
            self._df_pending = Counter()
        return results

    def _seen(self, article: Article, digest: str) -> IngestResult | None:
        """A duplicate is decided by content alone: an id already taken is not one (see _free_id)."""
        row = self._w.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (digest,)
        ).fetchone()
        return IngestResult("duplicate", row[0], "same text") if row else None

    def _free_id(self, article: Article, digest: str) -> Article:
        """The article under an id no other article has (see free_id)."""

        def taken(candidate: str) -> bool:
            return bool(
                self._w.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone()
            )

        new_id = dedupe.free_id(article.id, article.source, digest, taken)
        return article if new_id == article.id else replace(article, id=new_id)

    def _add_one(self, article: Article, prepared: Prepared | None) -> IngestResult:
        """Inside the batch's transaction: dedupe against the store and the batch so far, then insert."""
        digest = prepared.digest if prepared else dedupe.content_hash(article.text)
        seen = self._seen(article, digest)
        if seen:
            return seen
        prepared = prepared or prepare(article)
        copy_of = (
            self._near_duplicate(prepared.signature, prepared.bands)
            if self.near_duplicates
            else None
        )
        if copy_of:
            return IngestResult("duplicate", copy_of, "wire copy")
        article = self._free_id(article, digest)
        self._insert(article, prepared)
        return IngestResult("new", article.id)

    def _near_duplicate(self, signature: Any, band_keys: list[str]) -> str | None:
        marks = ",".join("?" * len(band_keys))
        rows = self._w.execute(
            f"SELECT DISTINCT a.id, a.minhash FROM article_bands b JOIN articles a ON a.rowid = b.article_rowid "
            f"WHERE b.band IN ({marks}) LIMIT 50",
            band_keys,
        )
        for article_id, blob in rows:
            if blob and dedupe.similarity(blob, signature) >= dedupe.NEAR_THRESHOLD:
                return article_id
        return None

    def _insert(self, article: Article, prepared: Prepared) -> None:
        digest, signature, band_keys, analysis = (
            prepared.digest,
            prepared.signature,
            prepared.bands,
            prepared.analysis,
        )
        indexed = now_iso()
        published = article.published or indexed  # order only: shown as "date unknown"
        form = search_form(article.text, boilerplate_spans(prepared))
        db = self._w
        cur = db.execute(
            "INSERT INTO articles (id, title, text, outlet, url, author, published, source, content_hash, "
            "minhash, ingested_at, published_known, quotes_version, figures_version, search_end, "
            "search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.title,
                article.text,
                article.outlet,
                article.url,
                article.author,
                published,
                article.source,
                digest,
                signature.tobytes(),
                indexed,
                int(bool(article.published)),
                prepared.extractor,
                prepared.extractor,
                *form,
            ),
        )
        rowid = cur.lastrowid
        db.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (rowid, article.title, searched_text(article.text, form)),
        )
        _insert_passages(db, rowid, prepared.paragraphs, analysis.sentences, prepared.boilerplate)
        db.executemany(
            "INSERT INTO article_bands (band, article_rowid) VALUES (?, ?)",
            [(b, rowid) for b in band_keys],
        )
        _insert_quotes(db, rowid, analysis)
        _insert_figures(db, rowid, analysis)
        self._assign_story(rowid, prepared.terms, published)

    def _assign_story(self, rowid: int, counts: Counter[str], published: str) -> None:
        """Join the most similar recent story, or start one (runs inside the article's transaction)."""
        db = self._w
        # max(rowid) is the article count (articles are never deleted) without count(*)'s scan.
        n_docs = db.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
        names = list(counts)
        known = self._df_known
        missing = [t for t in names if t not in known]
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found = dict(
                db.execute(f"SELECT term, n FROM term_df WHERE term IN ({marks})", chunk).fetchall()
            )
            known.update((t, found.get(t, 0)) for t in chunk)
        df = {t: known[t] for t in names}
        # Earlier articles of this transaction count too; their rows are written once, at the end.
        pending = self._df_pending
        for t in names:
            if t in pending:
                df[t] = df.get(t, 0) + pending[t]
        pending.update(names)
        weights = cluster.weigh(counts, df, n_docs)
        day = _shift(published, -cluster.WINDOW_DAYS)
        probe = cluster.probe_terms(weights)
        candidates: set[int] = set()
        if probe:  # one statement: up to 200 recent stories per probe term
            branch = (
                "SELECT story_id FROM (SELECT story_id FROM story_terms "
                "WHERE term = ? AND last_published >= ? LIMIT 200)"
            )
            rows = db.execute(
                " UNION ALL ".join([branch] * len(probe)), [v for t in probe for v in (t, day)]
            ).fetchall()
            candidates.update(r[0] for r in rows)
        latest_start = _shift(published, cluster.WINDOW_DAYS)
        found = _stories_by_id(db, self._begun_by(candidates, latest_start), latest_start)
        rows = {sid: found[sid] for sid in candidates if sid in found}
        best = cluster.choose_story(
            weights,
            (cluster.StoryTerms(sid, json.loads(row[0]), row[1]) for sid, row in rows.items()),
        )
        if best is not None:
            best_id, best_row = best.id, rows[best.id]
            terms = cluster.merge(best.terms, best.size, weights)
            first = min(best_row[2], published)
            last = max(best_row[3], published)
            db.execute(
                "UPDATE stories SET terms = ?, size = size + 1, first_published = ?, last_published = ? WHERE id = ?",
                (json.dumps(terms), first, last, best_id),
            )
            story_id = best_id
            self._story_first[story_id] = first
        else:
            terms = weights
            last = published
            cur = db.execute(
                "INSERT INTO stories (first_published, last_published, size, terms) VALUES (?, ?, 1, ?)",
                (published, published, json.dumps(terms)),
            )
            story_id = cur.lastrowid
            self._story_first[story_id] = published
        db.execute("UPDATE articles SET story_id = ? WHERE rowid = ?", (story_id, rowid))
        db.execute("DELETE FROM story_terms WHERE story_id = ?", (story_id,))
        top = cluster.index_terms(terms)
        db.executemany(
            "INSERT OR IGNORE INTO story_terms (term, last_published, story_id) VALUES (?, ?, ?)",
            [(t, last, story_id) for t in top],
        )

    def _begun_by(self, ids: set[int], latest_start: str) -> set[int]:
        """The stories among ids that began by latest_start, from the first dates kept in
        memory (read once per story; the transaction's data_version check keeps them valid)."""
        first = self._story_first
        missing = [i for i in ids if i not in first]
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            first.update(
                self._w.execute(
                    f"SELECT id, first_published FROM stories WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            )
        return {i for i in ids if i in first and first[i] <= latest_start}

    # -- reindex ------------------------------------------------------------------------

    async def reindex_count(self, version: str, parts: Sequence[str], since: str = "") -> int:
        """How many articles have quotes or figures (parts) not made by this extractor version."""
        where, params = _stale_where(version, parts, since)
        return (await self._one(f"SELECT count(*) FROM articles WHERE {where}", params))[0]

    async def reindex_batch(
        self, version: str, parts: Sequence[str], since: str = "", after: int = 0, limit: int = 64
    ) -> list[tuple[int, str]]:
        """(key, text) of the next stale articles after key `after`, in key order."""
        where, params = _stale_where(version, parts, since)
        return [
            (r[0], r[1])
            for r in await self._all(
                f"SELECT rowid, text FROM articles WHERE rowid > ? AND {where} ORDER BY rowid LIMIT ?",
                [after, *params, limit],
            )
        ]

    async def replace_facts(
        self, items: Sequence[tuple[int, Analysis]], version: str, parts: Sequence[str]
    ) -> None:
        """Swap the articles' quotes and/or figures for new ones and stamp the version, in one
        transaction: a kill leaves each article with its old facts or its new ones, never both."""
        async with self._write_lock:
            await asyncio.to_thread(self._replace_facts_sync, list(items), version, list(parts))

    def _replace_facts_sync(
        self, items: list[tuple[int, Analysis]], version: str, parts: list[str]
    ) -> None:
        db = self._w
        db.execute("BEGIN IMMEDIATE")
        try:
            for rowid, analysis in items:
                if "quotes" in parts:
                    db.execute(
                        "INSERT INTO quotes_fts (quotes_fts, rowid, text, sentence, speaker) "
                        "SELECT 'delete', id, text, sentence, coalesce(speaker, '') FROM quotes "
                        "WHERE article_rowid = ?",
                        (rowid,),
                    )
                    db.execute("DELETE FROM quotes WHERE article_rowid = ?", (rowid,))
                    _insert_quotes(db, rowid, analysis)
                    db.execute(
                        "UPDATE articles SET quotes_version = ? WHERE rowid = ?", (version, rowid)
                    )
                if "figures" in parts:
                    db.execute(
                        "INSERT INTO figures_fts (figures_fts, rowid, sentence, surface) "
                        "SELECT 'delete', id, sentence, surface FROM figures WHERE article_rowid = ?",
                        (rowid,),
                    )
                    db.execute("DELETE FROM figures WHERE article_rowid = ?", (rowid,))
                    _insert_figures(db, rowid, analysis)
                    db.execute(
                        "UPDATE articles SET figures_version = ? WHERE rowid = ?", (version, rowid)
                    )
            db.execute(  # read caches and the speaker counts of every process see the change
                "INSERT INTO meta (key, value) VALUES ('reindexed', '1') ON CONFLICT (key) "
                "DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
            )
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    async def article(self, article_id: str) -> Article | None:
        row = await self._one(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?",
            (article_id,),
        )
        return Article(*row) if row else None

    @read_cached
    async def articles(self, article_ids: Sequence[str]) -> list[Article]:
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        rows = await self._all(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE id IN ({marks})",
            list(article_ids),
        )
        by_id = {r[0]: Article(*r) for r in rows}
        return [by_id[i] for i in article_ids if i in by_id]

    async def article_count(self) -> int:
        return (await self._one("SELECT count(*) FROM articles"))[0]

    async def recent_articles(self, limit: int = 20, offset: int = 0) -> list[ArticleRef]:
        rows = await self._all(
            f"SELECT {_REF_COLS} FROM articles a ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [_ref(r) for r in rows]

    async def article_by_url(self, url: str) -> ArticleRef | None:
        row = await self._one(f"SELECT {_REF_COLS} FROM articles a WHERE a.url = ?", (url,))
        return _ref(row) if row else None

    async def find_article_ids(self, prefix: str, limit: int = 5) -> list[str]:
        """Ids starting with what the user typed (escaped for LIKE)."""
        esc = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = await self._all(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
            (esc + "%", limit),
        )
        return [r[0] for r in rows]

    async def latest_article_row(self) -> int:
        """The newest article's row number (0 when empty): where a digest's coverage ends."""
        row = await self._one("SELECT coalesce(max(rowid), 0) FROM articles")
        return int(row[0]) if row else 0

    async def latest_published(self) -> str | None:
        row = await self._one("SELECT max(published) FROM articles")
        return row[0] if row else None

    @read_cached
    async def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Best-matching articles: all words first, any word if that finds nothing.

        Ranking (bm25, title words weighted 4x) looks at the newest SEARCH_CANDIDATES
        matching articles: a word found in most of a 100k archive would otherwise be scored
        in every article; for the same reason 'the', 'of', 'was' are left out of a query
        that has other words. Snippets are cut only for the hits shown.
        """
        surface = fts.surface_patterns(query)
        for match, joiner in (
            (fts.all_of(query, drop_common=True), " AND "),
            (fts.any_of(query, drop_common=True), " OR "),
        ):
            if not match:
                return []
            # The index matches stems; each hit must also hold the words themselves. Checked
            # on the best-ranked few first, on every candidate only when too few of them pass.
            words = joiner.join(["(a.title LIKE ? OR a.text LIKE ?)"] * len(surface)) or "1"
            for checked in (limit * SURFACE_FIRST, SEARCH_CANDIDATES):
                ranked = await self._all(
                    "SELECT r.rowid, r.score FROM (SELECT rowid, score FROM ("
                    "SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts "
                    "WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score LIMIT ?) r "
                    f"JOIN articles a ON a.rowid = r.rowid WHERE {words} ORDER BY r.score LIMIT ?",
                    (
                        match,
                        SEARCH_CANDIDATES,
                        checked,
                        *[p for w in surface for p in (w, w)],
                        limit,
                    ),
                )
                if len(ranked) >= limit or not surface:
                    break
            if not ranked:
                continue
            # One statement, one branch per hit: each is a rowid lookup inside the match.
            branch = (
                f"SELECT ? AS k, {_REF_COLS}, snippet(articles_fts, 1, '', '', ' … ', 24) "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? AND articles_fts.rowid = ?"
            )
            params: list[Any] = []
            for k, (rowid, _) in enumerate(ranked):
                params += [k, match, rowid]
            rows = await self._all(" UNION ALL ".join([branch] * len(ranked)), params)
            return [
                SearchHit(_ref(r[1:6]), " ".join(r[6].split()), -ranked[r[0]][1])
                for r in sorted(rows)
            ]
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
        """Figures of a topic and/or whose sentence holds the words (any of them if any_word).

        With words, the best-matching sentences come first (bm25), so a LIMIT keeps the
        relevant ones; without, article order.
        """
        where, params = [], []
        join = ""
        order = "a.published, a.id, f.start"
        if topic:
            where.append("f.topic = ?")
            params.append(topic)
        if match:
            q = fts.any_of(match, drop_common=True) if any_word else fts.all_of(match)
            if not q:
                return []
            join = "JOIN figures_fts ON figures_fts.rowid = f.id"
            where.append("figures_fts MATCH ?")
            params.append(q)
            order = f"bm25(figures_fts), {order}"
        sql = (
            f"SELECT {_FIG_COLS} FROM figures f {join} JOIN articles a ON a.rowid = f.article_rowid "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order} LIMIT ?"
        )
        return [_stored_figure(r) for r in await self._all(sql, [*params, limit])]

    @read_cached
    async def figures_for_articles(self, article_ids: Sequence[str]) -> list[StoredFigure]:
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        rows = await self._all(
            f"SELECT {_FIG_COLS} FROM figures f JOIN articles a ON a.rowid = f.article_rowid "
            f"WHERE a.id IN ({marks}) ORDER BY a.published, a.id, f.start",
            list(article_ids),
        )
        return [_stored_figure(r) for r in rows]

    @read_cached
    async def figure_topics(self) -> list[tuple[str, int]]:
        rows = await self._all(
            "SELECT topic, count(*) FROM figures WHERE topic IS NOT NULL AND topic != '' "
            "GROUP BY topic ORDER BY count(*) DESC"
        )
        return [(r[0], r[1]) for r in rows]

    # -- quotes -------------------------------------------------------------------------

    @read_cached
    async def quotes_matching(self, phrase: str, limit: int = 50) -> list[StoredQuote]:
        """Quotes holding the words as a phrase; failing that, all the words anywhere in the quote."""
        for match in (fts.phrase(phrase), fts.all_of(phrase)):
            if not match:
                return []
            rows = await self._quote_rows(
                "quotes_fts MATCH ?", ("{text}: " + f"({match})",), limit, fts_join=True
            )
            if rows:
                return rows
        return []

    @read_cached
    async def quotes_about(self, words: str, limit: int = 50) -> list[StoredQuote]:
        match = fts.all_of(words)
        if not match:
            return []
        return await self._quote_rows(
            "quotes_fts MATCH ?", ("{text sentence}: " + f"({match})",), limit, fts_join=True
        )

    @read_cached
    async def quotes_by_speakers(self, keys: Sequence[str], limit: int = 200) -> list[StoredQuote]:
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        return await self._quote_rows(f"q.speaker_key IN ({marks})", tuple(keys), limit)

    async def speaker_spellings(self, keys: Sequence[str]) -> dict[str, Counter[str]]:
        """How often each spelling names each speaker, from the counts speakers() keeps: a
        much-quoted person has tens of thousands of quotes to count otherwise."""
        await self.speakers()
        return {k: Counter(self._spellings[k]) for k in keys if k in self._spellings}

    async def quotes_for_articles(self, article_ids: Sequence[str]) -> list[StoredQuote]:
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        return await self._quote_rows(f"a.id IN ({marks})", tuple(article_ids), 10_000)

    async def speakers(self) -> list[tuple[str, str, int]]:
        """(key, fullest name, quote count) per speaker, most quoted first.

        Counting every quote takes seconds at 100k articles, and /who asks on every request:
        the counts are kept here and brought up to date with only the quotes added since
        (quotes are only ever added, and committed in id order: one writer at a time).
        """
        top, stamp = await self._one(
            "SELECT coalesce(max(id), 0), "
            "coalesce((SELECT value FROM meta WHERE key = 'reindexed'), '') FROM quotes"
        )
        if top < self._speakers_upto or stamp != self._speakers_stamp:
            # a different or rebuilt store, or reindex replaced quotes: count again
            self._spellings, self._speakers_upto, self._speakers_stamp = {}, 0, stamp
            self._speakers_list = None
        if top != self._speakers_upto or self._speakers_list is None:
            # From nothing, the speaker index is the quicker scan; after that, only the new ids.
            since = "id > ? AND id <= ? AND" if self._speakers_upto else "? = 0 AND id <= ? AND"
            rows = await self._all(
                f"SELECT speaker_key, speaker, count(*) FROM quotes WHERE {since} "
                "speaker_key IS NOT NULL GROUP BY speaker_key, speaker",
                (self._speakers_upto, top),
            )
            for key, name, n in rows:
                self._spellings.setdefault(key, Counter())[name] += n
            self._speakers_upto = top
            self._speakers_list = sorted(  # ties: the lower key, then the first longest name
                (
                    (key, max(sorted(names), key=len), names.total())
                    for key, names in sorted(self._spellings.items())
                ),
                key=lambda r: -r[2],
            )
        return list(self._speakers_list)

    async def _quote_rows(
        self, where: str, params: tuple[Any, ...], limit: int, fts_join: bool = False
    ) -> list[StoredQuote]:
        join = "JOIN quotes_fts ON quotes_fts.rowid = q.id" if fts_join else ""
        order = "ORDER BY bm25(quotes_fts)" if fts_join else "ORDER BY a.published, a.id, q.start"
        rows = await self._all(
            f"SELECT {_QUOTE_COLS} FROM quotes q {join} JOIN articles a ON a.rowid = q.article_rowid "
            f"WHERE {where} {order} LIMIT ?",
            (*params, limit),
        )
        return [
            StoredQuote(
                quote=Quote(text=r[0], speaker=r[1], kind=r[2], start=r[3], end=r[4], cue=r[5]),
                speaker_key=r[6],
                article=_ref(r[9:14]),
                paragraph=r[7],
                sentence=r[8],
            )
            for r in rows
        ]

    # -- stories ------------------------------------------------------------------------

    @staticmethod
    def _stories_where(
        since: str | None, topic: str | None, after_row: int | None = None
    ) -> tuple[str, list[Any]] | None:
        """The WHERE clause and parameters of stories() and story_count(); None: nothing can match.

        after_row: only stories with an article indexed after that articles.rowid (a digest's
        mark), whatever its publication date. A topic needs an article that has the words
        themselves, not only their stems (Federer is not federal)."""
        params: list[Any] = [since or ""]
        filters = ""
        if after_row is not None:
            filters += "AND s.id IN (SELECT a.story_id FROM articles a WHERE a.rowid > ?) "
            params.append(after_row)
        if topic:
            match = fts.all_of(topic)
            if not match:
                return None
            surface = fts.surface_patterns(topic)
            words = "".join(" AND (a.title LIKE ? OR a.text LIKE ?)" for _ in surface)
            filters += (
                "AND s.id IN (SELECT a.story_id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                f"WHERE articles_fts MATCH ? AND a.published >= ?{words} ORDER BY a.published DESC LIMIT 2000)"
            )
            params += [match, since or "", *[p for w in surface for p in (w, w)]]
        return f"WHERE s.last_published >= ? {filters}", params

    async def story_count(
        self, since: str | None = None, topic: str | None = None, after_row: int | None = None
    ) -> int:
        """How many stories stories() would list without a limit (for "n more" and paging)."""
        counted = await self._story_count_rows(since, topic, after_row)
        return int(counted[0]) if counted else 0

    @read_cached
    async def _story_count_rows(
        self, since: str | None, topic: str | None, after_row: int | None
    ) -> list[Any]:
        """story_count as a one-row list, so it is cached between ingests like stories()."""
        where = self._stories_where(since, topic, after_row)
        if where is None:
            return [0]
        if topic:  # only the stories about the topic count, as stories() lists them
            rows = await self._all(f"SELECT s.terms FROM stories s {where[0]}", where[1])
            return [sum(1 for (terms,) in rows if cluster.about(json.loads(terms), topic))]
        row = await self._one(f"SELECT count(*) FROM stories s {where[0]}", where[1])
        return [row[0] if row else 0]

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
            found = await self._all(
                f"SELECT s.id, s.first_published, s.last_published, s.terms FROM stories s "
                f"{where[0]} {order} LIMIT ?",
                [*where[1], (offset + limit) * cluster.TOPIC_OVERFETCH],
            )
            about = [r[:3] for r in found if cluster.about(json.loads(r[3]), topic)]
            rows = about[offset : offset + limit]
        else:
            rows = await self._all(
                f"SELECT s.id, s.first_published, s.last_published FROM stories s "
                f"{where[0]} {order} LIMIT ? OFFSET ?",
                [*where[1], limit, offset],
            )
        out = []
        for sid, first, last in rows:
            arts = await self._all(
                f"SELECT {_REF_COLS} FROM articles a WHERE a.story_id = ? ORDER BY a.published, a.rowid LIMIT 50",
                (sid,),
            )
            out.append(
                Story(
                    id=sid,
                    articles=tuple(_ref(r) for r in arts),
                    first_published=first,
                    last_published=last,
                )
            )
        return out

    async def story_summary(self, story_id: int) -> tuple[int, list[list[Any]] | None]:
        """The cached multi-source summary and the story size it was made for."""
        row = await self._one(
            "SELECT size, summary, summary_size FROM stories WHERE id = ?", (story_id,)
        )
        return _summary_of(row)

    async def story_summaries(
        self, story_ids: Sequence[int]
    ) -> dict[int, tuple[int, list[list[Any]] | None]]:
        """story_summary of several stories in one query (a /brief shows five)."""
        if not story_ids:
            return {}
        marks = ",".join("?" * len(story_ids))
        rows = await self._all(
            f"SELECT id, size, summary, summary_size FROM stories WHERE id IN ({marks})",
            tuple(story_ids),
        )
        return {r[0]: _summary_of(r[1:]) for r in rows}

    async def save_story_summary(self, story_id: int, size: int, picked: list[list[Any]]) -> None:
        async with self._write_lock:
            await self._db.execute(
                "UPDATE stories SET summary = ?, summary_size = ? WHERE id = ?",
                (json.dumps(picked), size, story_id),
            )
            await self._db.commit()

    # -- helpers ------------------------------------------------------------------------

    async def _newest_article(self) -> tuple[Any, ...]:
        return tuple(await self._one(_FACTS_VERSION))

    async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        async with self._db.execute(sql, params) as cur:
            return await cur.fetchone()

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        async with self._db.execute(sql, params) as cur:
            return list(await cur.fetchall())

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


@dataclass(frozen=True, slots=True)
class Prepared:
    """The CPU-heavy part of indexing an article, computable in another process."""

    digest: str
    signature: Any
    bands: list[str]
    analysis: Analysis
    terms: Counter[str]
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    boilerplate: frozenset[int] = frozenset()  # indexes into analysis.sentences
    extractor: str = ""  # extractor_version() of the quotes and figures, '' when not extracted


def prepare(article: Article, extract: bool = True) -> Prepared:
    """Hash, sign, split and (unless extract=False) find quotes and figures.

    extract=False is for bulk loads: the article is searchable and citable at once;
    /who and /figures just do not see it.
    """
    text = article.text
    analysis = analyse(text) if extract else Analysis(split_sentences(text))
    boilerplate = frozenset(boilerplate_sentences(text, analysis.sentences))
    story = text
    if boilerplate:  # copies and stories are told by the story text, not the page furniture
        story = "\n".join(s.text for i, s in enumerate(analysis.sentences) if i not in boilerplate)
        digest, signature = dedupe.content_hash(text), dedupe.minhash(story)
    else:
        digest, signature = dedupe.fingerprints(text)
    return Prepared(
        digest,
        signature,
        dedupe.bands(signature),
        analysis,
        cluster.term_counts(article.title, story),
        list(paragraphs(text)),
        boilerplate,
        extractor_version() if extract else "",
    )


def search_form(text: str, boilerplate: Sequence[tuple[int, int]]) -> tuple[int | None, str | None]:
    """(search_end, search_text): what search indexes, so that it cannot find what summaries
    leave out. (None, None): the whole text. Boilerplate that closes the article (credits,
    licence notices: the usual case) is cut off by an end offset, without a copy; anywhere
    else it is blanked in a copy of the same length, so offsets and snippets stay right."""
    if not boilerplate:
        return None, None
    chars = list(text)
    for start, end in boilerplate:
        chars[start:end] = " " * (end - start)
    blanked = "".join(chars)
    cut = min(start for start, _ in boilerplate)
    if not blanked[cut:].strip():
        return len(text[:cut].rstrip()), None
    return None, blanked


def searched_text(text: str, form: tuple[int | None, str | None]) -> str:
    """The text search indexes, from search_form's result (as the article_search view reads it)."""
    end, blanked = form
    return blanked if blanked is not None else text if end is None else text[:end]


def boilerplate_spans(prepared: Prepared) -> list[tuple[int, int]]:
    """Character spans of the sentences prepare() flagged as boilerplate."""
    sentences = prepared.analysis.sentences
    return [(sentences[i].start, sentences[i].end) for i in sorted(prepared.boilerplate)]


_FACT_VERSION_COLUMNS = {"quotes": "quotes_version", "figures": "figures_version"}


def _stale_where(version: str, parts: Sequence[str], since: str) -> tuple[str, list[Any]]:
    """SQL condition (both stores' dialect with ? marks) for articles reindex still has to do."""
    stale = " OR ".join(f"{_FACT_VERSION_COLUMNS[p]} != ?" for p in parts)
    params: list[Any] = [version] * len(parts)
    where = f"({stale})"
    if since:
        where += " AND published >= ?"
        params.append(since)
    return where, params


def _insert_passages(
    db: sqlite3.Connection,
    rowid: int,
    paras: Sequence[tuple[int, int]],
    sentences: Sequence[Sentence],
    boilerplate: frozenset[int],
) -> None:
    """Paragraph and sentence offsets of one article (boilerplate sentences flagged)."""
    db.executemany(
        'INSERT INTO paragraphs (article_rowid, n, start, "end") VALUES (?, ?, ?, ?)',
        [(rowid, n, a, b) for n, (a, b) in enumerate(paras)],
    )
    db.executemany(
        'INSERT INTO sentences (article_rowid, paragraph, start, "end", boilerplate) '
        "VALUES (?, ?, ?, ?, ?)",
        [
            (rowid, s.paragraph, s.start, s.end, int(i in boilerplate))
            for i, s in enumerate(sentences)
        ],
    )


def _insert_quotes(db: sqlite3.Connection, rowid: int, analysis: Analysis) -> None:
    """An article's quotes with their sentence and search rows (ingest and reindex alike)."""
    sentences = analysis.sentences
    starts = [s.start for s in sentences]
    for q in analysis.quotes:
        sent = _sentence_at(sentences, starts, q.start)
        cur = db.execute(
            'INSERT INTO quotes (article_rowid, text, speaker, speaker_key, kind, start, "end", cue, '
            "paragraph, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rowid,
                q.text,
                q.speaker,
                speaker_key(q.speaker),
                q.kind,
                q.start,
                q.end,
                q.cue,
                sent.paragraph if sent else 0,
                sent.text if sent else q.text,
            ),
        )
        db.execute(
            "INSERT INTO quotes_fts (rowid, text, sentence, speaker) VALUES (?, ?, ?, ?)",
            (cur.lastrowid, q.text, sent.text if sent else q.text, q.speaker or ""),
        )


def _insert_figures(db: sqlite3.Connection, rowid: int, analysis: Analysis) -> None:
    """An article's figures with their sentence and search rows (ingest and reindex alike)."""
    sentences = analysis.sentences
    starts = [s.start for s in sentences]
    for f in analysis.figures:
        sent = _sentence_at(sentences, starts, f.start)
        cur = db.execute(
            'INSERT INTO figures (article_rowid, surface, start, "end", value, low, high, unit, qualifier, '
            "topic, claimant, base_value, base_unit, referent, paragraph, sentence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rowid,
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
            ),
        )
        db.execute(
            "INSERT INTO figures_fts (rowid, sentence, surface) VALUES (?, ?, ?)",
            (cur.lastrowid, sent.text if sent else f.surface, f.surface),
        )


def _stories_by_id(
    db: sqlite3.Connection, ids: set[int], latest_start: str
) -> dict[int, tuple[str, int, str, str]]:
    """Terms, size, first and last date of the stories that began by latest_start, in one query
    per 500 ids (ingest compares each article with every candidate story)."""
    wanted, found = list(ids), {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        rows = db.execute(
            "SELECT id, terms, size, first_published, last_published FROM stories "
            f"WHERE id IN ({','.join('?' * len(chunk))}) AND first_published <= ?",
            [*chunk, latest_start],
        )
        found.update((r[0], r[1:]) for r in rows)
    return found


def _backfill_passages(db: sqlite3.Connection) -> None:
    """Schema 2: paragraph and sentence rows for articles stored before those tables existed.

    Runs in batches, each its own transaction, and skips articles already done, so an
    interrupted upgrade simply resumes on the next open.
    """
    last = 0
    while True:
        rows = db.execute(
            "SELECT rowid, text FROM articles WHERE rowid > ? AND NOT EXISTS "
            "(SELECT 1 FROM sentences s WHERE s.article_rowid = articles.rowid) "
            "ORDER BY rowid LIMIT 500",
            (last,),
        ).fetchall()
        if not rows:
            break
        db.execute("BEGIN IMMEDIATE")
        try:
            for rowid, text in rows:
                sentences = split_sentences(text)
                flagged = frozenset(boilerplate_sentences(text, sentences))
                _insert_passages(db, rowid, list(paragraphs(text)), sentences, flagged)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        last = rows[-1][0]
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")


def _drop_sentence_index(db: sqlite3.Connection) -> None:
    """Schema 3: drop sentences_fts, an index nothing searched that doubled ingest's FTS work.

    One transaction: a crash leaves the store at schema 2, and the next open does it again.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DROP TABLE IF EXISTS sentences_fts")
        db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


_INGEST_INTEGRITY_COLUMNS = (
    ("published_known", "INTEGER NOT NULL DEFAULT 1"),
    ("quotes_version", "TEXT NOT NULL DEFAULT ''"),
    ("figures_version", "TEXT NOT NULL DEFAULT ''"),
    ("search_end", "INTEGER"),
    ("search_text", "TEXT"),
)
_ARTICLES_FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'article_search', "
    "content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2')"
)
# An article stored without a date got the indexing time as its date, written a moment
# before ingested_at: within this many seconds of it, the date was never the source's.
UNDATED_WITHIN_SECONDS = 2


def _ingest_integrity(db: sqlite3.Connection) -> None:
    """Schema 4 (issue 20, ingest): which dates the source gave, and which extractor version
    made each article's quotes and figures (for `briefbot reindex`).

    Old stores wrote the indexing time as the date of undated articles; those are marked
    unknown. Their extractor version is unknown too (''), so reindex redoes them. The
    article search index is rebuilt over the text without its flagged boilerplate. One
    transaction: a crash leaves the store at schema 3, and the next open does it again.
    """
    have = {r[1] for r in db.execute("PRAGMA table_info(articles)")}
    db.execute("BEGIN IMMEDIATE")
    try:
        for name, decl in _INGEST_INTEGRITY_COLUMNS:
            if name not in have:
                db.execute(f"ALTER TABLE articles ADD COLUMN {name} {decl}")
        db.execute(
            "UPDATE articles SET published_known = 0 "
            "WHERE abs(julianday(published) - julianday(ingested_at)) * 86400 <= ?",
            (UNDATED_WITHIN_SECONDS,),
        )
        spans: dict[int, list[tuple[int, int]]] = {}
        for rowid, start, end in db.execute(
            'SELECT article_rowid, start, "end" FROM sentences WHERE boilerplate = 1'
        ).fetchall():
            spans.setdefault(rowid, []).append((start, end))
        for rowid, found in spans.items():
            (text,) = db.execute("SELECT text FROM articles WHERE rowid = ?", (rowid,)).fetchone()
            db.execute(
                "UPDATE articles SET search_end = ?, search_text = ? WHERE rowid = ?",
                (*search_form(text, found), rowid),
            )
        db.execute("DROP TABLE IF EXISTS articles_fts")
        db.execute(_ARTICLES_FTS)
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


# schema version -> the step that brings a store from the version before up to it
MIGRATIONS = {2: _backfill_passages, 3: _drop_sentence_index, 4: _ingest_integrity}


def _stored_figure(r: Sequence[Any]) -> StoredFigure:
    fig = Figure(
        surface=r[0],
        start=r[1],
        end=r[2],
        value=r[3],
        low=r[4],
        high=r[5],
        unit=r[6],
        qualifier=r[7],
        topic=r[8],
        claimant=r[9],
        base_value=r[10],
        base_unit=r[11],
        referent=r[12],
    )
    return StoredFigure(figure=fig, article=_ref(r[15:20]), paragraph=r[13], sentence=r[14])


def _shift(iso: str, days: int) -> str:
    """An ISO timestamp moved by whole days (unparseable input is returned as is)."""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return utc_iso(when + timedelta(days=days))
