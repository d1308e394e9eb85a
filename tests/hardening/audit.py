"""Store audit for hardening tests: SQLite integrity, FTS indexes in step with their tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

FTS_TABLES = {"articles_fts": "articles", "quotes_fts": "quotes", "figures_fts": "figures"}


def store_problems(path: Path) -> list[str]:
    """Everything wrong with the store file, as readable lines (empty when sound)."""
    db = sqlite3.connect(path)
    try:
        problems = [
            f"integrity: {r[0]}" for r in db.execute("PRAGMA integrity_check") if r[0] != "ok"
        ]
        for fts, table in FTS_TABLES.items():
            try:  # rank 1: compare the index with the content table too
                db.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{fts} out of step with {table}: {exc}")
            indexed = db.execute(f"SELECT count(*) FROM {fts}_docsize").fetchone()[0]
            rows = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            if indexed != rows:
                problems.append(f"{fts} indexes {indexed} rows, {table} has {rows}")
        orphans = db.execute(
            "SELECT (SELECT count(*) FROM quotes WHERE article_rowid NOT IN (SELECT rowid FROM articles))"
            " + (SELECT count(*) FROM figures WHERE article_rowid NOT IN (SELECT rowid FROM articles))"
            " + (SELECT count(*) FROM articles WHERE story_id IS NULL"
            "    OR story_id NOT IN (SELECT id FROM stories))"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} quotes, figures or articles point at nothing")
        return problems
    finally:
        db.close()


def article_count(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        db.close()
