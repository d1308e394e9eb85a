"""The SQLite store: ingest, dedupe, search with hostile queries, integrity."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.ingest.readers import from_text
from bot.model import Article
from bot.store.sqlite import SQLiteStore
from tests.conftest import SEEDS


@pytest.fixture
async def store(tmp_path: Path):
    s = await SQLiteStore.open(tmp_path / "s.db")
    yield s
    await s.close()


def seed(i: int) -> Article:
    return from_text(SEEDS[i].read_text(), source=str(SEEDS[i]), id_hint=SEEDS[i].stem)


async def test_seed_is_indexed_once_and_a_wire_copy_is_a_duplicate(store: SQLiteStore) -> None:
    first = await store.add_article(seed(0))
    assert first.status == "new"
    again = await store.add_article(seed(0))
    assert (again.status, again.article_id) == ("duplicate", seed(0).id)
    text = (
        seed(0)
        .text.replace("Monday", "on Monday")
        .replace("(Featured Image Media Credit: Screen Capture/CSPAN)", "")
    )
    wire = from_text(text, source="wire", id_hint="wire-copy")
    copy = await store.add_article(wire)
    assert copy.status == "duplicate" and copy.detail == "wire copy"
    assert await store.article_count() == 1


async def test_different_articles_on_the_same_story_are_not_duplicates(store: SQLiteStore) -> None:
    results = [await store.add_article(seed(i)) for i in range(5)]
    assert [r.status for r in results] == ["new"] * 5
    stories = await store.stories(since="2000-01-01T00:00:00Z")
    assert len(stories) == 1 and len(stories[0].articles) == 5


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'Kursk"',
        "AND OR NOT",
        "NEAR(a b)",
        "col:Kursk",
        "*",
        "Kursk*",
        "'; DROP TABLE articles; --",
        "( ) ^ -",
        "",
    ],
)
async def test_hostile_search_strings_never_raise(store: SQLiteStore, query: str) -> None:
    await store.add_article(seed(0))
    await store.search(query)
    await store.quotes_matching(query)
    await store.quotes_about(query)
    await store.figures(match=query)
    await store.stories(since="2000-01-01", topic=query)
    assert await store.article_count() == 1
    assert await store.integrity_ok()


async def test_search_ranks_and_stems(store: SQLiteStore) -> None:
    for i in range(5):
        await store.add_article(seed(i))
    hits = await store.search("evacuated residents")
    assert hits and "evacuat" in hits[0].snippet.lower()
    assert await store.search("zzzxqy") == []


async def test_store_file_uses_wal_and_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    s = await SQLiteStore.open(path)
    await s.add_article(seed(1))
    await s.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s = await SQLiteStore.open(path)
    try:
        assert await s.article_count() == 1
        assert (await s.article(seed(1).id)).text == seed(1).text
    finally:
        await s.close()


async def test_near_duplicate_detection_can_be_switched_off(tmp_path: Path) -> None:
    s = await SQLiteStore.open(tmp_path / "n.db", near_duplicates=False)
    try:
        await s.add_article(seed(0))
        wire = from_text(
            seed(0).text.replace("Monday", "on Monday"), source="wire", id_hint="wire-copy"
        )
        assert (await s.add_article(wire)).status == "new"
        assert (await s.add_article(seed(0))).status == "duplicate"  # the same text still is
    finally:
        await s.close()
