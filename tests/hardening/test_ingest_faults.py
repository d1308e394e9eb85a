"""Bad files and bad moments: malformed articles refused by `briefbot ingest` with a reason;
kill -9 of a multi-process ingest; a full disk on the digest path."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import open_core
from bot.core import Core
from bot.delivery import Router
from bot.model import Reply, Request
from bot.scheduler import Scheduler
from bot.store.base import StoreError
from tests.digests.conftest import RecordingChannel
from tests.hardening.audit import article_count, store_problems
from tests.hardening.test_crash import stored, write_articles

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "bot.cli"]
GOOD = " ".join(f"Officials said {n} residents left the town on day {n}." for n in range(1, 8))


def lol_bomb() -> str:
    """The "billion laughs": nested entities that expand to gigabytes if a parser lets them."""
    ents = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        f'<?xml version="1.0"?><!DOCTYPE d [{"".join(ents)}]><html><body><p>&l9;</p></body></html>'
    )


def malformed(folder: Path) -> dict[str, str]:
    """Each hostile file, and a word its refusal must contain."""
    folder.mkdir()
    (folder / "binary.txt").write_bytes(os.urandom(8192))
    (folder / "latin1.txt").write_bytes(("Café naïve résumé déjà " * 300).encode("latin-1"))
    with (folder / "fifty.txt").open("wb") as f:  # 50 MB (sparse: costs no disk)
        f.truncate(50_000_000)
    with (folder / "fifty.html").open("wb") as f:
        f.truncate(50_000_000)
    (folder / "nested.html").write_text(
        "<html><body>" + "<div>" * 300_000 + GOOD + "</div>" * 300_000 + "</body></html>"
    )
    (folder / "laughs.html").write_text(lol_bomb())
    # one endless "sentence" of figures: extraction would take minutes on it
    (folder / "runon.txt").write_text("Figures " + " ".join(f"{i}%" for i in range(3000)))
    (folder / "deep.json").write_text("[" * 1_000_000 + "]" * 1_000_000)
    (folder / "bignumber.json").write_text("9" * 100_000)
    (folder / "surrogate.json").write_text(json.dumps({"text": GOOD + " \ud800"}))
    with (folder / "records.jsonl").open("w") as out:
        out.write('{"text": ' + "[" * 200_000 + "]" * 200_000 + "}\n")
        out.write(json.dumps({"text": "word " * 1_200_000}) + "\n")  # a 6 MB record
        out.write('{"text": "' + GOOD + '", "id": ' + "7" * 10_000 + "}\n")
        out.write("\x00\x01\x02 not json\n")
        out.write(json.dumps({"title": "no text field"}) + "\n")
    return {
        "binary.txt": "binary",
        "latin1.txt": "not prose",  # read as cp1252 since issue 20; one 6,900-character run
        "fifty.txt": "50 MB",
        "fifty.html": "50 MB",
        "nested.html": "",
        "laughs.html": "no article text",
        "runon.txt": "not prose",
        "deep.json": "not valid JSON",
        "bignumber.json": "not valid JSON",
        "surrogate.json": "not valid Unicode",
        "records.jsonl:1": "not valid JSON",
        "records.jsonl:2": "over 5 MB",
        "records.jsonl:3": "not valid JSON",
        "records.jsonl:4": "binary",
        "records.jsonl:5": "no 'text' field",
    }


# the CLI as a subprocess (fast: each reason in tests/ingest/test_readers.py, bad files through
# the CLI in process in tests/test_cli_usage.py)
@pytest.mark.slow
def test_malformed_articles_are_refused_with_a_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    expected = malformed(bad)
    (bad / "good.txt").write_text("Town empties\n\n" + GOOD)
    db = tmp_path / "store.db"
    done = subprocess.run(
        [*CLI, "--db", str(db), "ingest", str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]  # something was indexed, so not a failure
    assert "Traceback" not in done.stderr
    failures = [line for line in done.stderr.splitlines() if line.startswith("failed: ")]
    for name, reason in expected.items():
        if name == "nested.html":
            continue  # a deep but well-formed page may be read or refused; it must not hang
        hits = [f for f in failures if f"{name}" in f]
        assert hits, f"{name} was not refused: {done.stderr[-2000:]}"
        assert reason in hits[0], hits[0]
    nested_indexed = not any("nested.html" in f for f in failures)
    assert done.stdout.strip() == (
        f"{1 + nested_indexed} new, 0 duplicate, {len(expected) - nested_indexed} failed"
    )
    assert store_problems(db) == []
    assert article_count(db) == 1 + nested_indexed


def children(pid: int) -> list[int]:
    found = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


N_POOL = int(os.environ.get("BRIEFBOT_CRASH_ARTICLES", "1200"))


@pytest.mark.slow
def test_kill_9_during_a_multi_process_ingest_then_resume(tmp_path: Path) -> None:
    """workers=2: extraction in a process pool, one writer. The issue asks for 10,000 articles;
    BRIEFBOT_CRASH_ARTICLES=10000 runs that (about four minutes on two busy cores)."""
    source, db = tmp_path / "bulk.jsonl", tmp_path / "store.db"
    write_articles(source, N_POOL)
    cmd = [*CLI, "--db", str(db), "ingest", "--workers", "2", str(source)]
    # output to a file, not a pipe: a worker that outlived its parent would hold a pipe open
    log = (tmp_path / "ingest.log").open("wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=log)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while stored(db) < 150:
            assert proc.poll() is None, "ingest ended early"
            assert time.monotonic() < deadline, "ingest too slow to reach 150 articles"
            workers = workers or children(proc.pid)
            time.sleep(0.02)
        workers = children(proc.pid) or workers
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
        log.close()
    assert proc.returncode == -signal.SIGKILL
    assert len(workers) >= 2, "the pool's worker processes were running"
    deadline = time.monotonic() + 30
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    orphans = [w for w in workers if alive(w)]
    for w in orphans:
        os.kill(w, signal.SIGKILL)
    assert not orphans, "orphaned extraction workers kept running"

    killed_at = article_count(db)
    assert 150 <= killed_at < N_POOL, "the kill landed mid-ingest"
    assert store_problems(db) == []
    conn = sqlite3.connect(db)
    try:
        half_done = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM quotes q WHERE q.article_rowid = a.rowid)"
            " OR NOT EXISTS (SELECT 1 FROM figures f WHERE f.article_rowid = a.rowid)"
        ).fetchone()[0]
    finally:
        conn.close()
    assert half_done == 0, "an article was committed without its quotes or figures"

    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    new, duplicate, failed = map(int, re.findall(r"\d+", rerun.stdout.strip().splitlines()[-1]))
    assert (new, duplicate, failed) == (N_POOL - killed_at, killed_at, 0)
    conn = sqlite3.connect(db)
    try:
        total, ids, hashes = conn.execute(
            "SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash) FROM articles"
        ).fetchone()
    finally:
        conn.close()
    assert total == ids == hashes == N_POOL
    assert store_problems(db) == []


# --- a full disk on the digest path -----------------------------------------------------------


async def cap(core: Core, max_bytes: int) -> None:
    """Both connections (the digest tables use the async one) refuse to grow past max_bytes."""
    store = core.store
    store.cap_size(max_bytes)  # type: ignore[attr-defined]
    page = (await store._one("PRAGMA page_size"))[0]  # type: ignore[attr-defined]
    await store._db.execute(f"PRAGMA max_page_count = {max(1, max_bytes // page)}")  # type: ignore[attr-defined]


async def fill_schedules(core: Core) -> Reply:
    """Schedule digests on a capped store until one does not fit; returns that refusal."""
    await cap(core, 0)  # no new page: the file is full as it stands
    for n in range(2000):
        reply = await core.handle(
            Request(
                "digest",
                f"schedule 07:30 Europe/Kyiv filler {n}",
                place=f"C-fill{n}",
                is_admin=True,
            )
        )
        if reply.error:
            return reply
    raise AssertionError("the capped store never filled up")


async def fill_deliveries(core: Core, schedule_id: int) -> None:
    """Delivery rows for days long past until the deliveries table cannot grow."""
    await cap(core, 0)
    for n in range(20000):
        day = (datetime(1900, 1, 1) + timedelta(days=n)).date().isoformat()
        try:
            await core.store.claim_delivery(schedule_id, day, "C1", f"t{n}", "x", 3)  # type: ignore[attr-defined]
        except StoreError:
            return
    raise AssertionError("the capped store never filled up")


async def test_a_full_disk_refuses_a_digest_schedule_clearly(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    async with open_core(db, seed=True) as core:
        refusal = await fill_schedules(core)
        text = " ".join(s.text for s in refusal.sections)
        assert "nothing was changed" in text and "disk is full" in text, text
        saved = len(await core.store.schedules())  # type: ignore[attr-defined]
        await cap(core, 10**12)  # space freed: the same command now works
        reply = await core.handle(
            Request("digest", "schedule 07:30 Europe/Kyiv", place="C1", is_admin=True)
        )
        assert not reply.error
        assert len(await core.store.schedules()) == saved + 1  # type: ignore[attr-defined]
    assert store_problems(db) == []


async def test_a_full_disk_at_digest_time_posts_nothing_then_posts_once(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    channel = RecordingChannel()
    now = datetime.now(UTC).replace(hour=7, minute=1, second=0, microsecond=0)
    async with open_core(db, seed=True) as core:
        made = (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        s = await core.store.add_schedule("C1", "fake", "07:00", "UTC", "", "U1", made)  # type: ignore[attr-defined]
        scheduler = Scheduler.for_core(core, Router({"fake": channel}), now=lambda: now)
        await fill_deliveries(core, s.id)
        with pytest.raises(StoreError, match="disk is full"):
            await scheduler.deliver_due(s.id)  # the claim cannot be written: no post
        assert channel.posts == []
        await cap(core, 10**12)
        assert await scheduler.deliver_due(s.id) == "delivered"
        assert await scheduler.deliver_due(s.id) == "already-delivered"
    assert len(channel.posts) == 1
    assert store_problems(db) == []


async def test_a_confirmation_that_cannot_be_saved_never_causes_a_second_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "store.db"
    channel = RecordingChannel()
    now = datetime.now(UTC).replace(hour=7, minute=1, second=0, microsecond=0)
    async with open_core(db, seed=True) as core:
        made = (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        s = await core.store.add_schedule("C1", "fake", "07:00", "UTC", "", "U1", made)  # type: ignore[attr-defined]
        scheduler = Scheduler.for_core(core, Router({"fake": channel}), now=lambda: now)

        async def disk_full(*args: object) -> None:
            raise StoreError("could not save the change: the disk is full")

        monkeypatch.setattr(core.store, "finish_delivery", disk_full)
        with pytest.raises(StoreError, match="disk is full"):
            await scheduler.deliver_due(s.id)  # posted, but the confirmation was lost
        monkeypatch.undo()
        assert await scheduler.deliver_due(s.id) == "already-claimed"  # unknown: never twice
    assert len(channel.posts) == 1
    assert store_problems(db) == []
