"""`briefbot backup` and `briefbot check`: an online copy of the store, and what is wrong with it.

A SQLite store is copied with SQLite's own backup API from a separate read connection: in
WAL mode that read sees one committed state from start to end while the bot keeps
writing, so the copy holds every article committed before it began and no half-written
one. PostgreSQL has its own tool for that (pg_dump); we say how rather than wrap it.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from bot.store.base import StoreError

# FTS5 tables and the tables they index (external content).
FTS_TABLES = {"articles_fts": "articles", "quotes_fts": "quotes", "figures_fts": "figures"}


@dataclass
class CheckReport:
    """What `briefbot check` found: problems (each with the fix) and facts worth showing."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def pg_dump_hint(url: str) -> str:
    """How to take a consistent copy of a PostgreSQL store (pg_dump reads one snapshot)."""
    from bot.store.postgres_text import redact

    shown = redact(url)
    return (
        "A PostgreSQL store is backed up with PostgreSQL's own tools, while the bots run:\n"
        f'  pg_dump --format=custom --file=briefbot-$(date +%F).dump "{shown}"\n'
        "and restored into an empty database with:\n"
        '  pg_restore --no-owner --dbname="postgresql://…/briefbot_restored" briefbot-DATE.dump\n'
        "(pg_dump reads one consistent snapshot; the password comes from ~/.pgpass or PGPASSWORD.)"
    )


def backup_sqlite(source: str | Path, target: str | Path) -> int:
    """Copy the store at source to target (a new file); returns the articles in the copy."""
    src_path, dst_path = Path(source).expanduser(), Path(target).expanduser()
    if not src_path.is_file():
        raise StoreError(f"there is no store at {src_path} (give it with --db PATH)")
    if dst_path.exists():
        raise StoreError(
            f"{dst_path} already exists; give a new file name, e.g. {_dated(dst_path)}"
        )
    if dst_path.resolve() == src_path.resolve():
        raise StoreError("the backup must go to another file than the store itself")
    if not dst_path.parent.is_dir():
        raise StoreError(f"the folder {dst_path.parent} does not exist")
    partial = dst_path.with_name(dst_path.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(src_path, timeout=30)
        try:
            src.execute("PRAGMA busy_timeout=30000")
            dst = sqlite3.connect(partial)
            try:
                # pages=-1: one step, inside one read transaction: a single committed state.
                src.backup(dst, pages=-1)
                dst.execute("PRAGMA journal_mode=WAL")
                articles = int(dst.execute("SELECT count(*) FROM articles").fetchone()[0])
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(partial, dst_path)  # the named file appears only when complete
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"the backup of {src_path} failed: {exc}") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"cannot write {dst_path}: {exc.strerror or exc}") from exc
    return articles


def _dated(path: Path) -> str:
    from datetime import date

    return str(path.with_name(f"{path.stem}-{date.today().isoformat()}{path.suffix or '.db'}"))


def check_sqlite(path: str | Path) -> CheckReport:
    """SQLite's integrity_check, then each FTS index against the table it indexes."""
    report = CheckReport()
    path = Path(path).expanduser()
    if not path.is_file():
        report.problems.append(f"there is no store at {path}")
        return report
    try:
        db = sqlite3.connect(path, timeout=30, isolation_level=None)
    except sqlite3.Error as exc:
        report.problems.append(f"cannot open {path}: {exc}")
        return report
    try:
        db.execute("PRAGMA busy_timeout=30000")
        rows = [r[0] for r in db.execute("PRAGMA integrity_check(20)")]
        if rows != ["ok"]:
            report.problems += [f"integrity_check: {r}" for r in rows]
            report.problems.append(
                "the file is damaged: restore the latest `briefbot backup`, or try "
                f"`sqlite3 {path} .recover | sqlite3 repaired.db`"
            )
        else:
            report.notes.append("integrity_check: ok")
        for fts, table in FTS_TABLES.items():
            report.problems += _check_fts(db, fts, table, path)
        if not [p for p in report.problems if "_fts" in p]:
            report.notes.append("search indexes match their tables: " + ", ".join(FTS_TABLES))
        report.problems += _orphans(db)
        count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        report.notes.append(f"{count:,} articles")
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"cannot read {path}: {exc}")
    finally:
        db.close()
    return report


def _check_fts(db: sqlite3.Connection, fts: str, table: str, path: Path) -> list[str]:
    fix = (
        f"rebuild it: sqlite3 {path} \"INSERT INTO {fts}({fts}) VALUES('rebuild')\" "
        "(with the bot stopped)"
    )
    try:
        # rank 1: compare the index with the rows of its content table, not only with itself
        db.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return [f"{fts}: the search index does not match {table} ({exc}); {fix}"]
    indexed = db.execute(f"SELECT count(*) FROM {fts}_docsize").fetchone()[0]
    rows = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if indexed != rows:
        return [f"{fts}: {indexed:,} rows indexed but {table} has {rows:,}; {fix}"]
    return []


def _orphans(db: sqlite3.Connection) -> list[str]:
    """Facts of missing articles and articles outside any story (the same checks as on PostgreSQL)."""
    checks = (
        (
            "SELECT count(*) FROM quotes WHERE article_rowid NOT IN (SELECT rowid FROM articles)",
            "quotes of missing articles",
        ),
        (
            "SELECT count(*) FROM figures WHERE article_rowid NOT IN (SELECT rowid FROM articles)",
            "figures of missing articles",
        ),
        (
            "SELECT count(*) FROM articles WHERE story_id IS NULL "
            "OR story_id NOT IN (SELECT id FROM stories)",
            "articles outside any story",
        ),
    )
    found = []
    for sql, what in checks:
        n = db.execute(sql).fetchone()[0]
        if n:
            found.append(f"{n:,} {what}")
    return found


async def check_pg(url: str) -> CheckReport:
    """PostgreSQL checks its own pages; we check what we add: schema, search vectors, orphans."""
    from bot.store.postgres import PostgresStore

    report = CheckReport()
    store = await PostgresStore.open(url)
    try:
        report.problems += await store.consistency_problems()
        if report.ok:
            report.notes.append("schema current; every article searchable; no orphaned facts")
        report.notes.append(f"{await store.article_count():,} articles")
    finally:
        await store.close()
    return report
