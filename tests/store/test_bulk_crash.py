"""kill -9 during a batched `ingest --no-extract`: whole articles or none, and the rerun completes."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hardening.audit import store_problems
from tests.hardening.test_crash import ROOT, stored, write_articles

N_ARTICLES = 1500


@pytest.mark.slow
def test_kill_9_mid_bulk_ingest_loses_only_the_open_batch(tmp_path: Path) -> None:
    source, db = tmp_path / "bulk.jsonl", tmp_path / "store.db"
    write_articles(source, N_ARTICLES)
    argv = [sys.executable, "-m", "bot.cli", "--db", str(db), "ingest", "--no-extract"]
    proc = subprocess.Popen(
        [*argv, str(source)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while stored(db) < 100:
            assert proc.poll() is None, f"ingest ended early: {proc.communicate()}"
            assert time.monotonic() < deadline, "ingest too slow to reach 100 articles"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate()
    assert store_problems(db) == []
    with sqlite3.connect(db) as conn:
        killed_at = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        unsplit = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM sentences s WHERE s.article_rowid = a.rowid)"
        ).fetchone()[0]
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    assert 100 <= killed_at < N_ARTICLES and unsplit == 0

    rerun = subprocess.run(
        [*argv, str(source)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    new, duplicate, failed = map(int, re.findall(r"\d+", rerun.stdout.strip().splitlines()[-1]))
    assert (new, duplicate, failed) == (N_ARTICLES - killed_at, killed_at, 0)
    assert store_problems(db) == []
