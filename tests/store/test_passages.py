"""Paragraphs and sentences in the store: offsets, boilerplate flagged, migrations, batches."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from bot.extract.sentences import split_sentences
from bot.ingest.readers import from_text
from bot.model import Article
from bot.store.base import StoreError
from bot.store.prepare import prepare
from bot.store.sqlite import SCHEMA_VERSION, SQLiteStore
from tests.conftest import GOLD, SEEDS
from tests.hardening.audit import store_problems


def seed(i: int) -> Article:
    return from_text(SEEDS[i].read_text(), source=str(SEEDS[i]), id_hint=SEEDS[i].stem)


async def seeded(path: Path) -> None:
    store = await SQLiteStore.open(path)
    try:
        for i in range(len(SEEDS)):
            assert (await store.add_article(seed(i))).status == "new"
    finally:
        await store.close()


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def story_sentences(db: sqlite3.Connection, article_id: str | None = None) -> list[str]:
    """The article's sentences that are not boilerplate (all articles' without an id)."""
    return [
        r[0]
        for r in db.execute(
            "SELECT t.text FROM sentence_texts t JOIN sentences s ON s.id = t.rowid "
            "JOIN articles a ON a.rowid = s.article_rowid "
            "WHERE ? IS NULL OR a.id = ? ORDER BY a.rowid, s.start",
            (article_id, article_id),
        )
    ]


async def test_offsets_of_stored_paragraphs_and_sentences_point_at_the_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.db"
    await seeded(path)
    with sqlite3.connect(path) as db:
        for art_id, text in db.execute("SELECT id, text FROM articles"):
            rows = db.execute(
                'SELECT s.paragraph, s.start, s."end", p.start, p."end" FROM sentences s '
                "JOIN articles a ON a.rowid = s.article_rowid JOIN paragraphs p "
                "ON p.article_rowid = s.article_rowid AND p.n = s.paragraph WHERE a.id = ? "
                "ORDER BY s.start",
                (art_id,),
            ).fetchall()
            expected = split_sentences(text)
            assert [(r[0], r[1], r[2]) for r in rows] == [
                (s.paragraph, s.start, s.end) for s in expected
            ]
            for _, start, end, p_start, p_end in rows:
                assert p_start <= start < end <= p_end


async def test_gold_boilerplate_is_flagged_and_no_story_sentence_is_lost(
    tmp_path: Path,
) -> None:
    """seeds_gold.json's `boilerplate` lines (copied into tests/data) are gone from the story
    sentences; every gold quote is still found in a story sentence."""
    path = tmp_path / "s.db"
    await seeded(path)
    with sqlite3.connect(path) as db:
        everywhere = [words(s) for s in story_sentences(db)]
        for entry in GOLD["boilerplate"]:
            line = entry.get("line") or entry["line_starts"]
            kept = story_sentences(db, entry["article"])
            assert kept, entry["article"]
            assert not [s for s in kept if s.startswith(line)], line
            if len(words(line).split()) >= 4:  # "Comment:" alone is also a word in stories
                assert not [s for s in everywhere if words(line) in s], line
        for quote in GOLD["quotes"]:
            kept = words(" ".join(story_sentences(db, quote["article"])))
            assert words(quote["quote"])[:60] in kept, quote["quote"][:60]
        total, dropped = db.execute("SELECT count(*), sum(boilerplate) FROM sentences").fetchone()
    assert len(GOLD["boilerplate"]) <= dropped <= len(GOLD["boilerplate"]) + 4 and total > 100
    assert store_problems(path) == []


async def test_a_schema_1_store_is_upgraded_with_its_sentences(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    await seeded(path)
    with sqlite3.connect(path) as db:  # what an older briefbot left: no passages, version 1
        before = db.execute("SELECT count(*) FROM sentences").fetchone()[0]
        db.execute("DELETE FROM sentences")
        db.execute("DELETE FROM paragraphs")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    store = await SQLiteStore.open(path)
    await store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM sentences").fetchone()[0] == before
        assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            str(SCHEMA_VERSION),
        )
        assert any("Kursk" in s for s in story_sentences(db))
    assert store_problems(path) == []


async def test_a_schema_2_store_loses_its_unused_sentence_index_and_keeps_working(
    tmp_path: Path,
) -> None:
    """Schema 2 kept a sentences_fts index nobody searched; opening drops it, nothing else."""
    path = tmp_path / "v2.db"
    await seeded(path)
    with sqlite3.connect(path) as db:  # what briefbot with schema 2 left behind
        db.execute(
            "CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = 'sentence_texts', "
            "content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        db.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")
        assert db.execute(
            "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'kursk'"
        ).fetchone()[0]
        db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        counts = [
            db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "sentences", "paragraphs", "stories")
        ]
    store = await SQLiteStore.open(path)
    try:
        assert [h.article.id for h in await store.search("Kursk")]
        wire = from_text(seed(0).text.replace("Monday", "on Monday"), id_hint="wire")
        assert (await store.add_article(wire)).status == "duplicate"
        fresh = Article(id="fresh", title="Harbour fire", text="A fire broke out at the harbour.")
        assert (await store.add_article(fresh)).status == "new"
        assert [h.article.id for h in await store.search("harbour fire")] == ["fresh"]
    finally:
        await store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            str(SCHEMA_VERSION),
        )
        assert not db.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'sentences_fts%'"
        ).fetchall()
        after = [
            db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "sentences", "paragraphs")
        ]
        assert after[0] == counts[0] + 1 and after[1] > counts[1] and after[2] > counts[2]
    assert store_problems(path) == []


async def test_a_store_from_a_newer_briefbot_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    await seeded(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer than this briefbot"):
        await SQLiteStore.open(path)


async def test_a_batch_dedupes_within_itself_and_is_written_whole_or_not_at_all(
    tmp_path: Path,
) -> None:
    path = tmp_path / "b.db"
    store = await SQLiteStore.open(path)
    try:
        wire = from_text(seed(0).text.replace("Monday", "on Monday"), id_hint="wire")
        batch = [seed(0), seed(1), seed(0), wire, seed(2)]
        results = await store.add_articles([(a, prepare(a, extract=False)) for a in batch])
        assert [r.status for r in results] == ["new", "new", "duplicate", "duplicate", "new"]
        assert results[3].detail == "wire copy" and await store.article_count() == 3

        store.cap_size(path.stat().st_size + 4096)  # the next batch cannot fit
        big = Article("big", "Big", " ".join(f"Sentence {i} about word{i}." for i in range(3000)))
        with pytest.raises(StoreError, match="disk is full"):
            await store.add_articles([(seed(3), prepare(seed(3), False)), (big, None)])
        assert await store.article_count() == 3 and await store.article(seed(3).id) is None
        store.cap_size(10**12)
        results = await store.add_articles([(seed(3), None), (big, prepare(big, False))])
        assert [r.status for r in results] == ["new", "new"]
    finally:
        await store.close()
    assert store_problems(path) == []
