"""The writer keeps each story's first date in memory; another writer moving it must be seen."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from bot.ingest.readers import from_text
from bot.model import Article
from bot.store.prepare import prepare
from bot.store.sqlite import SQLiteStore
from tests.conftest import SEEDS


def seed(i: int, published: str) -> Article:
    article = from_text(SEEDS[i].read_text(), source=str(SEEDS[i]), id_hint=SEEDS[i].stem)
    return dataclasses.replace(article, published=published)


def story_of(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT id, story_id FROM articles").fetchall())


# Each joins the story of the one before: a story may take articles up to three days
# before its first date, and its first date then moves back to theirs.
DATED = [(0, "2026-01-10T12:00:00Z"), (1, "2026-01-08T12:00:00Z"), (2, "2026-01-06T12:00:00Z")]


async def test_a_story_moved_earlier_by_another_writer_still_takes_older_articles(
    tmp_path: Path,
) -> None:
    """Writer a learns the story began on the 10th; writer b's article moves that to the 8th.
    Had a kept the 10th, the article of the 6th would have started a story of its own."""
    alone, shared = tmp_path / "alone.db", tmp_path / "shared.db"
    one = await SQLiteStore.open(alone)
    a, b = await SQLiteStore.open(shared), await SQLiteStore.open(shared)
    try:
        for k, (i, when) in enumerate(DATED):
            article = seed(i, when)
            assert (await one.add_article(article)).status == "new"
            writer = b if k == 1 else a
            ready = prepare(article, extract=False)
            assert (await writer.add_articles([(article, ready)]))[0].status == "new"
    finally:
        for store in (one, a, b):
            await store.close()
    assert len(set(story_of(alone).values())) == 1
    assert story_of(shared) == story_of(alone)
