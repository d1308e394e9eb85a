"""The bulk write path's shortcuts keep what a user sees: two writers on one file cluster alike."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.ingest.readers import from_text
from bot.model import Article
from bot.store.sqlite import SQLiteStore
from tests.conftest import SEEDS


def seed(i: int) -> Article:
    return from_text(SEEDS[i].read_text(), source=str(SEEDS[i]), id_hint=SEEDS[i].stem)


def stories(path: Path) -> list[tuple[str, int, str]]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT a.id, s.size, s.terms FROM articles a JOIN stories s ON s.id = a.story_id "
            "ORDER BY a.rowid"
        ).fetchall()


async def test_two_writers_taking_turns_cluster_as_one_writer_would(tmp_path: Path) -> None:
    """Each writer keeps the document frequencies it has read; the other's commits must
    invalidate them, or story terms would be weighed with stale counts."""
    alone, shared = tmp_path / "alone.db", tmp_path / "shared.db"
    one = await SQLiteStore.open(alone)
    a, b = await SQLiteStore.open(shared), await SQLiteStore.open(shared)
    try:
        for i in range(len(SEEDS)):
            assert (await one.add_article(seed(i))).status == "new"
            writer = a if i % 2 == 0 else b
            assert (await writer.add_article(seed(i))).status == "new"
    finally:
        for store in (one, a, b):
            await store.close()
    assert stories(shared) == stories(alone)
    with sqlite3.connect(shared) as db, sqlite3.connect(alone) as db1:
        assert (
            db.execute("SELECT * FROM term_df ORDER BY term").fetchall()
            == db1.execute("SELECT * FROM term_df ORDER BY term").fetchall()
        )
