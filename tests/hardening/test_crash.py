"""Crashes and full disks: kill -9 mid-ingest and SQLITE_FULL leave a sound store that resumes cleanly."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.model import Article
from bot.store.base import StoreError
from bot.store.sqlite import SQLiteStore
from tests.hardening.audit import article_count, store_problems

ROOT = Path(__file__).resolve().parents[2]
N_ARTICLES = 300


def vocabulary() -> list[str]:
    words = {
        w.lower()
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for w in re.findall(r"[A-Za-z]{4,}", path.read_text())
    }
    return sorted(words)


def write_articles(path: Path, n: int) -> None:
    """n short, clearly distinct articles, each with a quote and a figure to index (10 or more:
    a lone digit counting no noun is not a figure the store keeps)."""
    vocab = vocabulary()
    with path.open("w") as out:
        for i in range(n):
            rng = random.Random(i)
            body = [" ".join(rng.choices(vocab, k=14)).capitalize() + "." for _ in range(4)]
            body.insert(1, f'"We will {" ".join(rng.choices(vocab, k=6))}," said Minister Name{i}.')
            body.append(f"Officials said {rng.randint(10, 900)} {rng.choice(vocab)} were counted.")
            record = {
                "id": f"crash-{i:04d}",
                "title": f"Story {i}: {' '.join(rng.choices(vocab, k=5))}",
                "text": "\n\n".join(body),
                "published": f"2024-08-{1 + i % 28:02d}T10:00:00Z",
                "outlet": f"Outlet {i % 7}",
            }
            out.write(json.dumps(record) + "\n")


def stored(db: Path) -> int:
    """Articles committed so far, read without disturbing the writer (0 before the file exists)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def ingest(db: Path, source: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--db", str(db), "ingest", str(source)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_kill_9_mid_ingest_leaves_a_sound_store_and_the_rerun_completes(tmp_path: Path) -> None:
    source, db = tmp_path / "bulk.jsonl", tmp_path / "store.db"
    write_articles(source, N_ARTICLES)
    proc = ingest(db, source)
    try:
        deadline = time.monotonic() + 60
        while stored(db) < 30:
            assert proc.poll() is None, f"ingest ended early: {proc.communicate()}"
            assert time.monotonic() < deadline, "ingest too slow to reach 30 articles"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    killed_at = article_count(db)
    assert 30 <= killed_at < N_ARTICLES, "the kill landed mid-ingest"

    assert store_problems(db) == []
    conn = sqlite3.connect(db)
    try:
        no_facts = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM quotes q WHERE q.article_rowid = a.rowid)"
            " OR NOT EXISTS (SELECT 1 FROM figures f WHERE f.article_rowid = a.rowid)"
        ).fetchone()[0]
    finally:
        conn.close()
    assert no_facts == 0, "an article was committed without its quotes or figures"

    rerun = ingest(db, source)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    new, duplicate, failed = map(int, re.findall(r"\d+", out.strip().splitlines()[-1]))
    assert (new, duplicate, failed) == (N_ARTICLES - killed_at, killed_at, 0)
    assert article_count(db) == N_ARTICLES
    conn = sqlite3.connect(db)
    try:
        distinct = conn.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0]
    finally:
        conn.close()
    assert distinct == N_ARTICLES
    assert store_problems(db) == []


@pytest.mark.slow  # subprocesses or a server of its own: > 2 s
async def test_a_full_disk_refuses_the_article_clearly_and_the_store_stays_usable(
    tmp_path: Path,
) -> None:
    db = tmp_path / "store.db"
    store = await SQLiteStore.open(db)
    try:
        first = Article("a1", "Kursk", '"We hold the line," said the commander. 40 tanks moved.')
        assert (await store.add_article(first)).status == "new"
        store.cap_size(db.stat().st_size + 8192)  # two more pages: far too few for a long text
        big = Article("a2", "Long", " ".join(f"Sentence {i} about word{i}." for i in range(3_000)))
        with pytest.raises(StoreError, match="disk is full"):
            await store.add_article(big)
        assert await store.article_count() == 1
        assert await store.article("a2") is None
        assert [h.article.id for h in await store.search("commander")] == ["a1"]

        store.cap_size(10**12)  # space freed: the same article now goes in whole
        assert (await store.add_article(big)).status == "new"
        assert [h.article.id for h in await store.search("word2999")] == ["a2"]
    finally:
        await store.close()
    assert store_problems(db) == []
    assert article_count(db) == 2
