"""SQLite's write path: one transaction per batch of articles, with their facts and story,
and reindex's swap of an article's facts (mixed into SQLiteStore)."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from bot import cluster
from bot.model import Analysis, Article, Sentence
from bot.store import dedupe
from bot.store.base import IngestResult, StoreError
from bot.store.prepare import Prepared, prepare, searched_text
from bot.store.rows import (
    INSERT_ARTICLE,
    article_row,
    figure_rows,
    insert_figures,
    insert_quotes,
    now_iso,
    quote_rows,
    stale_where,
)

DF_CACHE_TERMS = 1_000_000  # term_df counts the writer keeps in memory (~100 MB at most)
STORY_CACHE_ROWS = 1_000_000  # story first dates the writer keeps in memory (~130 MB at most)


class SQLiteIngest:
    """Adding articles and replacing their facts, on SQLiteStore's writer connection."""

    if TYPE_CHECKING:
        _w: sqlite3.Connection
        _write_lock: asyncio.Lock
        near_duplicates: bool
        _df_pending: Counter[str]
        _df_known: dict[str, int]
        _story_first: dict[int, str]
        _written_version: int | None

        async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
        async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...

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
        return dedupe.first_copy(rows, signature)

    def _insert(self, article: Article, prepared: Prepared) -> None:
        analysis = prepared.analysis
        row = article_row(article, prepared, now_iso())
        published, form = row[6], (row[14], row[15])
        db = self._w
        cur = db.execute(INSERT_ARTICLE, row)
        rowid = cur.lastrowid
        db.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (rowid, article.title, searched_text(article.text, form)),
        )
        insert_passages(db, rowid, prepared.paragraphs, analysis.sentences, prepared.boilerplate)
        db.executemany(
            "INSERT INTO article_bands (band, article_rowid) VALUES (?, ?)",
            [(b, rowid) for b in prepared.bands],
        )
        for facts in _FACT_TABLES:
            _insert_facts(db, rowid, analysis, facts)
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
        day, latest_start = cluster.window(published)
        found = self._stories_found_by(cluster.probe_terms(weights), day, latest_start)
        pool = [found[sid] for sid in sorted(found)]  # ties: the older story, as on PostgreSQL
        rivals = {  # read only for the rare story of one that a young story may absorb
            sid: list(
                self._stories_found_by(
                    cluster.probe_terms(found[sid].terms), day, latest_start
                ).values()
            )
            for sid in cluster.lone_stories(weights, pool)
        }
        placed = cluster.place(weights, pool, published, rivals)
        story_id = placed.story_id
        if story_id is not None:
            db.execute(
                "UPDATE stories SET terms = ?, size = ?, first_published = ?, last_published = ? WHERE id = ?",
                (json.dumps(placed.terms), placed.size, placed.first, placed.last, story_id),
            )
            for gone in placed.absorbed:
                self._absorb(gone, story_id)
        else:
            cur = db.execute(
                "INSERT INTO stories (first_published, last_published, size, terms) VALUES (?, ?, 1, ?)",
                (published, published, json.dumps(placed.terms)),
            )
            story_id = cur.lastrowid
        self._story_first[story_id] = placed.first
        db.execute("UPDATE articles SET story_id = ? WHERE rowid = ?", (story_id, rowid))
        db.execute("DELETE FROM story_terms WHERE story_id = ?", (story_id,))
        db.executemany(
            "INSERT OR IGNORE INTO story_terms (term, last_published, story_id) VALUES (?, ?, ?)",
            [(t, placed.last, story_id) for t in placed.index],
        )

    def _stories_found_by(
        self, probe: list[str], day: str, latest_start: str
    ) -> dict[int, cluster.StoryTerms]:
        """The recent stories (active since day, begun by latest_start) indexed under one of
        the probe terms: one statement, up to 200 stories per term."""
        if not probe:
            return {}
        branch = (
            "SELECT story_id FROM (SELECT story_id FROM story_terms "
            "WHERE term = ? AND last_published >= ? LIMIT 200)"
        )
        rows = self._w.execute(
            " UNION ALL ".join([branch] * len(probe)), [v for t in probe for v in (t, day)]
        ).fetchall()
        ids = self._begun_by({r[0] for r in rows}, latest_start)
        return {
            sid: cluster.StoryTerms(sid, json.loads(r[0]), r[1], r[2], r[3])
            for sid, r in _stories_by_id(self._w, ids, latest_start).items()
        }

    def _absorb(self, gone: int, keep: int) -> None:
        """Move story `gone` (its article, story watches, alert threads) into `keep` and delete
        it (cluster.place found a young story that clearly leads it)."""
        db = self._w
        db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (keep, gone))
        db.execute(
            "UPDATE watches SET key = ? WHERE kind = 'story' AND key = ?", (str(keep), str(gone))
        )
        db.execute(
            "UPDATE OR IGNORE alert_threads SET story_id = ? WHERE story_id = ?", (keep, gone)
        )
        for table, column in (
            ("alert_threads", "story_id"),
            ("story_terms", "story_id"),
            ("stories", "id"),
        ):
            db.execute(f"DELETE FROM {table} WHERE {column} = ?", (gone,))
        self._story_first.pop(gone, None)

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
        where, params = stale_where(version, parts, since)
        return (await self._one(f"SELECT count(*) FROM articles WHERE {where}", params))[0]

    async def reindex_batch(
        self, version: str, parts: Sequence[str], since: str = "", after: int = 0, limit: int = 64
    ) -> list[tuple[int, str]]:
        """(key, text) of the next stale articles after key `after`, in key order."""
        where, params = stale_where(version, parts, since)
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
                for facts in _FACT_TABLES:
                    if facts.table in parts:
                        _replace_facts(db, rowid, analysis, facts, version)
            db.execute(  # read caches and the speaker counts of every process see the change
                "INSERT INTO meta (key, value) VALUES ('reindexed', '1') ON CONFLICT (key) "
                "DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
            )
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise


def insert_passages(
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


@dataclass(frozen=True)
class _FactTable:
    """How ingest and reindex write one kind of fact. Its search rows are taken from the stored
    rows by one column list, so what reindex deletes from the index is what ingest put there."""

    table: str  # quotes or figures; {table}_fts indexes it, {table}_version stamps it
    rows: Callable[[int, Analysis], list[tuple[Any, ...]]]
    insert: str
    searched: str  # the {table}_fts columns
    values: str  # their values, from the table's columns


_FACT_TABLES = (
    _FactTable(
        "quotes",
        quote_rows,
        insert_quotes("article_rowid"),
        "text, sentence, speaker",
        "text, sentence, coalesce(speaker, '')",
    ),
    _FactTable(
        "figures",
        figure_rows,
        insert_figures("article_rowid"),
        "sentence, surface",
        "sentence, surface",
    ),
)


def _insert_facts(
    db: sqlite3.Connection, rowid: int, analysis: Analysis, facts: _FactTable
) -> None:
    """An article's quotes or figures with their search rows (ingest and reindex alike)."""
    t = facts.table
    db.executemany(facts.insert, facts.rows(rowid, analysis))
    db.execute(
        f"INSERT INTO {t}_fts (rowid, {facts.searched}) "
        f"SELECT id, {facts.values} FROM {t} WHERE article_rowid = ?",
        (rowid,),
    )


def _replace_facts(
    db: sqlite3.Connection, rowid: int, analysis: Analysis, facts: _FactTable, version: str
) -> None:
    """Swap an article's quotes or figures (and their search rows) and stamp their version."""
    t = facts.table
    db.execute(
        f"INSERT INTO {t}_fts ({t}_fts, rowid, {facts.searched}) "
        f"SELECT 'delete', id, {facts.values} FROM {t} WHERE article_rowid = ?",
        (rowid,),
    )
    db.execute(f"DELETE FROM {t} WHERE article_rowid = ?", (rowid,))
    _insert_facts(db, rowid, analysis, facts)
    db.execute(f"UPDATE articles SET {t}_version = ? WHERE rowid = ?", (version, rowid))


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
