"""`briefbot export` / `briefbot import`: SQLite to PostgreSQL and back without losing a record."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.app import open_core
from bot.model import Request
from bot.store.base import StoreError
from bot.store.opening import open_store
from bot.store.transfer import counts, export_to, import_from
from tests.conftest import ROOT

ASKS = ["/who said kick the enemy out", "/figures territory", "/brief", "/who Zelenskyy"]


async def _filled(path: Path) -> None:
    """Seeds plus one of everything else a newsroom keeps: schedule, delivery, feed, summary."""
    async with open_core(path, seed=True) as core:
        store = core.store
        s = await store.add_schedule(
            "C1", "slack", "07:30", "Europe/Kyiv", "", "U1", "2024-08-12T00:00:00Z"
        )
        await store.claim_delivery(s.id, "2024-08-13", "C1", "tok", "2024-08-13T04:30:00Z", 3)
        await store.finish_delivery(
            s.id, "2024-08-13", "tok", "2024-08-13T04:30:05Z", "2024-08-13T00:00:00Z"
        )
        await store.add_feed("https://wire.example/rss", "U1", "2024-08-12T00:00:00Z", "Wire")
        await store.record_feed_poll(
            "https://wire.example/rss", "2024-08-12T01:00:00Z", '"e1"', None, "Wire", 3, ["a", "b"]
        )
        story = (await store.stories(since="2000-01-01"))[0]
        await store.save_story_summary(story.id, len(story.articles), [["x", 1]])


async def _answers(target: str | Path) -> list[dict]:
    async with open_core(target) as core:
        out = []
        for line in ASKS:
            command, _, args = line.lstrip("/").partition(" ")
            out.append((await core.handle(Request(command=command, args=args))).to_dict())
        return out


async def test_sqlite_to_postgres_keeps_every_record_and_answer(
    tmp_path: Path, pg_url: str
) -> None:
    src = tmp_path / "old.db"
    await _filled(src)
    buf = io.StringIO()
    exported = await export_to(src, buf)
    assert exported["articles"] == 5 and exported["quotes"] and exported["figures"]
    assert exported["schedules"] == exported["deliveries"] == exported["feeds"] == 1
    imported = await import_from(pg_url, buf.getvalue().splitlines())
    assert imported == exported == await counts(pg_url)
    assert await _answers(pg_url) == await _answers(src)  # same ingest times: identical replies
    store = await open_store(pg_url)
    try:
        schedule = (await store.schedules())[0]
        record = await store.last_delivery(schedule.id)
        assert record is not None and record.status == "delivered"
        feed = await store.feed("https://wire.example/rss")
        assert feed is not None and feed.seen == ("a", "b") and feed.etag == '"e1"'
        story = (await store.stories(since="2000-01-01"))[0]
        assert (await store.story_summary(story.id))[1] == [["x", 1]]
        new = await store.add_schedule(
            "C2", "slack", "08:00", "UTC", "", "U1", "2024-08-12T00:00:00Z"
        )
        assert new.id == schedule.id + 1  # sequences moved past the imported ids
    finally:
        await store.close()
    back = tmp_path / "back.db"  # and home again: PostgreSQL to SQLite
    buf2 = io.StringIO()
    await export_to(pg_url, buf2)
    assert await import_from(back, buf2.getvalue().splitlines()) == await counts(pg_url)
    assert (await _answers(back))[:3] == (await _answers(src))[:3]


async def test_import_refuses_a_store_with_data_and_a_truncated_file(tmp_path: Path) -> None:
    src = tmp_path / "a.db"
    await _filled(src)
    buf = io.StringIO()
    await export_to(src, buf)
    lines = buf.getvalue().splitlines()
    with pytest.raises(StoreError, match="needs an empty store"):
        await import_from(src, lines)
    empty = tmp_path / "b.db"
    with pytest.raises(StoreError, match="ends early"):
        await import_from(empty, lines[:-1])
    assert not any((await counts(empty)).values())  # rolled back: nothing half-imported
    assert json.loads(lines[-1])["t"] == "end"


@pytest.mark.slow
def test_cli_export_then_import(tmp_path: Path, pg_url: str) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    db = tmp_path / "cli.db"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot.cli", *args], cwd=ROOT, env=env, capture_output=True,
            text=True, timeout=120,
        )  # fmt: skip

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert cli("--db", str(db), "ingest", *map(str, seeds)).returncode == 0
    out = tmp_path / "dump.jsonl"
    done = cli("--db", str(db), "export", "--out", str(out))
    assert done.returncode == 0 and "5 articles" in done.stderr
    done = cli("--db", pg_url, "import", str(out))
    assert done.returncode == 0 and "5 articles" in done.stdout, done.stderr
    again = cli("--db", pg_url, "import", str(out))
    assert again.returncode == 2 and "needs an empty store" in again.stderr
    assert "Traceback" not in again.stderr
    missing = cli("--db", pg_url, "import", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    nothing = cli("--db", str(tmp_path / "nope.db"), "export")
    assert nothing.returncode == 2 and "no store at" in nothing.stderr
    assert not (tmp_path / "nope.db").exists()
