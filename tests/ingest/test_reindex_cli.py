"""`briefbot reindex` as a user runs it: after `ingest --no-extract`, after an extractor upgrade,
killed with SIGKILL half way and started again: the same quote and figure rows a normal ingest
makes, never twice."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_cli import BRIEFBOT, run

BBC = Path("/work/shared/corpus/bbc_dev.jsonl")

QUOTE_ROWS = (
    'SELECT a.id, q.text, q.speaker, q.speaker_key, q.kind, q.start, q."end", q.cue, q.paragraph, '
    "q.sentence FROM quotes q JOIN articles a ON a.rowid = q.article_rowid"
)
FIGURE_ROWS = (
    'SELECT a.id, f.surface, f.start, f."end", f.value, f.low, f.high, f.unit, f.qualifier, '
    "f.topic, f.claimant, f.base_value, f.base_unit, f.referent, f.paragraph, f.sentence "
    "FROM figures f JOIN articles a ON a.rowid = f.article_rowid"
)


def bbc(tmp_path: Path, n: int) -> Path:
    path = tmp_path / f"bbc{n}.jsonl"
    path.write_text("".join(BBC.read_text().splitlines(keepends=True)[:n]))
    return path


def facts(db: Path) -> tuple[list[tuple], list[tuple]]:
    """Every quote and figure row, as the commands read them (row ids aside), sorted."""
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute(QUOTE_ROWS), key=repr), sorted(
            conn.execute(FIGURE_ROWS), key=repr
        )


def fts_rows(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        return (
            conn.execute("SELECT count(*) FROM quotes_fts_docsize").fetchone()[0],
            conn.execute("SELECT count(*) FROM figures_fts_docsize").fetchone()[0],
        )


@pytest.fixture(scope="module")
def normal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 BBC articles ingested the usual way (extraction on)."""
    tmp = tmp_path_factory.mktemp("normal")
    db = tmp / "normal.db"
    assert run("--db", str(db), "ingest", str(bbc(tmp, 120))).returncode == 0
    return db


@pytest.mark.slow
def test_reindex_after_no_extract_gives_the_rows_a_normal_ingest_gives(
    tmp_path: Path, normal: Path
) -> None:
    db = tmp_path / "bulk.db"
    run("--db", str(db), "ingest", "--no-extract", str(bbc(tmp_path, 120)))
    before = run("--db", str(db), "ask", "/who said profits")
    assert "No quotes" in before.stdout or "no quotes" in before.stdout.lower()
    p = run("--db", str(db), "reindex")
    assert p.returncode == 0, p.stderr
    assert "reindexed 120 of 120 articles" in p.stdout
    assert "reindex: 32 of 120 articles" in p.stderr  # progress, batch by batch
    assert facts(db) == facts(normal) and facts(db)[0] and facts(db)[1]
    assert fts_rows(db) == fts_rows(normal)
    again = run("--db", str(db), "reindex")
    assert again.returncode == 0 and again.stdout.startswith("nothing to reindex")
    who = json.loads(run("--db", str(db), "ask", "--json", "/who said Time Warner").stdout)
    assert not who["error"]


@pytest.mark.slow
def test_reindex_killed_half_way_resumes_without_duplicates(tmp_path: Path, normal: Path) -> None:
    db = tmp_path / "bulk.db"
    run("--db", str(db), "ingest", "--no-extract", str(bbc(tmp_path, 120)))
    proc = subprocess.Popen(
        [*BRIEFBOT, "--db", str(db), "reindex"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path)},
    )
    assert proc.stderr is not None
    for line in proc.stderr:  # the first batch is committed: kill it in the middle of the rest
        if line.startswith("reindex: 32 of 120"):
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as conn:
        done = conn.execute("SELECT count(*) FROM articles WHERE quotes_version != ''").fetchone()
    assert 32 <= done[0] < 120
    quotes, figures = facts(db)
    assert len(quotes) == len(set(quotes)) and len(figures) == len(set(figures))
    p = run("--db", str(db), "reindex")
    assert p.returncode == 0 and f"of {120 - done[0]} articles" in p.stdout, p.stdout
    assert facts(db) == facts(normal)
    assert fts_rows(db) == fts_rows(normal)


@pytest.mark.slow
def test_an_extractor_upgrade_is_redone_and_only_what_was_asked(
    tmp_path: Path, normal: Path
) -> None:
    db = tmp_path / "upgraded.db"
    run("--db", str(db), "ingest", str(bbc(tmp_path, 120)))
    with sqlite3.connect(db) as conn:  # what an older extractor left behind
        conn.execute("UPDATE articles SET figures_version = 'old' WHERE rowid % 2 = 0")
        conn.execute("DELETE FROM figures WHERE article_rowid % 2 = 0 AND start % 3 = 0")
        conn.execute("INSERT INTO figures_fts (figures_fts) VALUES ('rebuild')")
        quotes_before = conn.execute("SELECT min(id), max(id) FROM quotes").fetchone()
    p = run("--db", str(db), "reindex", "--only", "quotes")
    assert p.stdout.startswith("nothing to reindex"), p.stdout  # the quotes are current
    p = run("--db", str(db), "reindex", "--only", "figures")
    assert "reindexed 60 of 60 articles" in p.stdout, p.stdout
    assert facts(db) == facts(normal)
    with sqlite3.connect(db) as conn:  # quotes untouched: the same rows, the same ids
        assert conn.execute("SELECT min(id), max(id) FROM quotes").fetchone() == quotes_before


def test_reindex_since_takes_a_date_or_an_age_and_explains_a_bad_one(
    run: Callable[..., subprocess.CompletedProcess], tmp_path: Path
) -> None:
    """Runs as a subprocess (slow tier) and in process (fast tier): the `run` fixture."""
    db = tmp_path / "s.db"
    rows = [json.loads(line) for line in BBC.read_text().splitlines()[:2]]
    rows[0]["published"] = "2005-01-10T09:00:00Z"
    rows[1]["published"] = "2024-06-01T09:00:00Z"
    (tmp_path / "two.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    run("--db", str(db), "ingest", "--no-extract", str(tmp_path / "two.jsonl"))
    p = run("--db", str(db), "reindex", "--since", "2024-01-01")
    assert p.returncode == 0 and "reindexed 1 of 1 articles" in p.stdout, p.stdout
    with sqlite3.connect(db) as conn:
        stamped = dict(conn.execute("SELECT id, quotes_version != '' FROM articles"))
    assert stamped == {"business/001": 0, "business/002": 1}
    bad = run("--db", str(db), "reindex", "--since", "last tuesday")
    assert bad.returncode == 2 and "--since 2024-08-01" in bad.stderr
    assert "Traceback" not in bad.stderr
    assert "reindex" in run("--help").stdout
    assert "resumes where it" in run("reindex", "--help").stdout
