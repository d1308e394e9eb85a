"""Store audit for hardening tests: what `briefbot check` finds (SQLite integrity, FTS indexes
in step with their tables, no orphaned facts)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.store.maintenance import check_sqlite


def store_problems(path: Path) -> list[str]:
    """Everything wrong with the store file, as readable lines (empty when sound)."""
    return check_sqlite(path).problems


def article_count(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        db.close()
