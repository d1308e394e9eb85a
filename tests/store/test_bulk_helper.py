"""A bulk load without extraction is prepared in a helper process (more than one batch, more
than one core); what it stores must be what adding the articles one at a time stores."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from bot.ingest.readers import Loaded, from_text, read_path
from bot.ingest.service import BATCH, ingest_loaded
from bot.store.prepare import prepare
from bot.store.sqlite import SQLiteStore
from tests.conftest import SEEDS
from tests.hardening.test_crash import write_articles

TABLES = {
    "articles": "SELECT rowid, id, title, text, published, content_hash, minhash, story_id "
    "FROM articles ORDER BY rowid",
    "stories": "SELECT id, first_published, last_published, size, terms FROM stories ORDER BY id",
    "term_df": "SELECT * FROM term_df ORDER BY term",
    "sentences": "SELECT * FROM sentences ORDER BY id",
    "bands": "SELECT * FROM article_bands ORDER BY band, article_rowid",
}


def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as db:
        return {name: db.execute(sql).fetchall() for name, sql in TABLES.items()}


@pytest.mark.slow  # subprocesses or a server of its own: > 2 s
async def test_a_bulk_load_stores_what_one_article_at_a_time_stores(tmp_path: Path) -> None:
    source = tmp_path / "bulk.jsonl"
    write_articles(source, 2 * BATCH + 50)
    lines = source.read_text().splitlines()
    # exact copies in later batches, and the seeds (one story across outlets) in the middle
    with source.open("a") as out:
        out.write("\n".join(lines[:5]) + "\n")
    items = [*read_path(source)]
    items[BATCH + 10 : BATCH + 10] = [
        Loaded(str(path), replace(seed, published=f"2024-08-0{k + 1}T09:00:00Z"))
        for k, path in enumerate(SEEDS)
        for seed in [from_text(path.read_text(), source=str(path), id_hint=path.stem)]
    ]

    bulk = await SQLiteStore.open(tmp_path / "bulk.db", near_duplicates=False)
    try:
        report = await ingest_loaded(bulk, iter(items), extract=False)
    finally:
        await bulk.close()
    assert (report.new, report.duplicate, report.failed) == (len(items) - 5, 5, 0)

    single = await SQLiteStore.open(tmp_path / "single.db", near_duplicates=False)
    try:
        for item in items:
            assert item.article is not None
            await single.add_articles([(item.article, prepare(item.article, extract=False))])
    finally:
        await single.close()
    assert tables(tmp_path / "bulk.db") == tables(tmp_path / "single.db")
