"""SQLite schema upgrades: each step brings a store from the version before up to its own."""

from __future__ import annotations

import sqlite3

from bot.extract.boilerplate import boilerplate_sentences
from bot.extract.sentences import paragraphs, split_sentences
from bot.store.prepare import search_form
from bot.store.sqlite_ingest import insert_passages


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
                insert_passages(db, rowid, list(paragraphs(text)), sentences, flagged)
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
