"""`briefbot backup` while another process ingests, and `briefbot check` saying what is wrong:
the CLI run as subprocesses, as an operator's cron job would."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hardening.audit import store_problems
from tests.hardening.test_crash import ROOT, stored, write_articles

N_ARTICLES = 400


def briefbot(db: str | Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "--db", str(db), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def ids(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT id FROM articles")}


@pytest.mark.slow
def test_backup_during_a_running_ingest_is_sound_and_holds_every_committed_article(
    tmp_path: Path,
) -> None:
    source, db, copy = tmp_path / "feed.jsonl", tmp_path / "store.db", tmp_path / "copy.db"
    write_articles(source, N_ARTICLES)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--db", str(db), "ingest", str(source)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while stored(db) < 30:
            assert proc.poll() is None, f"ingest ended early: {proc.communicate()}"
            assert time.monotonic() < deadline, "ingest too slow to reach 30 articles"
            time.sleep(0.02)
        committed = ids(db)  # every article committed before the backup starts
        result = briefbot(db, "backup", str(copy))
        still_ingesting = proc.poll() is None
        _, err = proc.communicate(timeout=300)
    finally:
        proc.kill()
    assert result.returncode == 0, result.stderr
    assert still_ingesting, "the ingest finished before the backup did: nothing was tested"
    assert proc.returncode == 0, err
    backed_up = ids(copy)
    assert committed <= backed_up, f"{len(committed - backed_up)} committed articles missing"
    assert len(backed_up) < N_ARTICLES  # a copy of the store mid-ingest, not after it
    assert f"backed up {len(backed_up):,} articles" in result.stdout
    assert store_problems(copy) == []
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # the copy is a working store: the bot answers from it
    check = briefbot(copy, "check")
    assert check.returncode == 0 and "store is sound" in check.stdout, check.stdout
    answer = briefbot(copy, "ask", "/search minister")
    assert answer.returncode == 0 and "Story " in answer.stdout
    assert len(ids(db)) == N_ARTICLES  # and the ingest was not disturbed


@pytest.mark.slow  # subprocesses or a server of its own: > 2 s
def test_backup_refuses_to_overwrite_and_explains_postgres(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert briefbot(db, "ingest", str(ROOT / "seeds")).returncode == 0
    (tmp_path / "taken.db").write_text("keep me")
    refused = briefbot(db, "backup", str(tmp_path / "taken.db"))
    assert refused.returncode == 2 and "already exists" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert (tmp_path / "taken.db").read_text() == "keep me"
    pg = briefbot("postgresql://briefbot:pw@db.internal/briefbot", "backup", "x.dump")
    assert pg.returncode == 2 and "pg_dump --format=custom" in pg.stdout
    assert ":pw@" not in pg.stdout


@pytest.mark.slow  # subprocesses or a server of its own: > 2 s
def test_check_names_a_search_index_out_of_step_with_its_table(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert briefbot(db, "ingest", str(ROOT / "seeds")).returncode == 0
    sound = briefbot(db, "check")
    assert sound.returncode == 0 and "integrity_check: ok" in sound.stdout
    assert "5 articles" in sound.stdout
    with sqlite3.connect(db) as conn:  # a write that bypassed the index (a hand edit, a bug)
        conn.execute("UPDATE articles SET title = 'something else entirely' WHERE rowid = 1")
    broken = briefbot(db, "check")
    assert broken.returncode == 1
    assert "articles_fts: the search index does not match articles" in broken.stdout
    assert "VALUES('rebuild')" in broken.stdout and "Traceback" not in broken.stderr


@pytest.mark.slow  # subprocesses or a server of its own: > 2 s
def test_check_on_postgresql_reports_a_sound_store(pg_url: str, tmp_path: Path) -> None:
    assert briefbot(pg_url, "ingest", str(ROOT / "seeds")).returncode == 0
    result = briefbot(pg_url, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 articles" in result.stdout and "store is sound" in result.stdout
