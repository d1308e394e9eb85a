"""Two `briefbot serve` processes on one store, then a restart: every alert is posted once, threaded."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest

from bot.app import open_core
from bot.ingest.service import ingest_paths
from tests.fakes.slack_api import FakeSlack
from tests.test_serve import start_serve
from tests.watches.conftest import SEEDS

pytestmark = pytest.mark.slow


def _store_lines(db: Path | str) -> str:
    return (
        f'url = "{db}"\nlease_seconds = 0.5\n'
        if str(db).startswith("postgres")
        else f'path = "{db}"\n'
    )


async def _start(
    tmp_path: Path, name: str, db: Path | str, fake: FakeSlack
) -> asyncio.subprocess.Process:
    sections = f"[store]\n{_store_lines(db)}[alerts]\npoll_seconds = 0.2\n"
    return (await start_serve(tmp_path, name, fake, sections))[0]


async def _stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(proc.wait(), 30)
        except TimeoutError:
            proc.kill()


def _posts(fake: FakeSlack) -> list[dict]:
    return [r.body for r in fake.received if r.kind == "chat.postMessage"]


async def test_two_serve_processes_and_a_restart_post_each_alert_once(
    tmp_path: Path, db: Path | str
) -> None:
    async with open_core(db) as core:  # two seeds without Putin quotes, then the watch
        await ingest_paths(core.store, SEEDS[:2])
        await core.store.add_watch(
            "C0NEWS", "slack", "person", "Putin", "putin", "U1", "2026-01-01T00:00:00Z"
        )
    fake = FakeSlack()
    await fake.start()
    procs = []
    try:
        procs.append(await _start(tmp_path, "a", db, fake))
        procs.append(await _start(tmp_path, "b", db, fake))
        for seed in SEEDS[2:]:  # articles arriving one by one while both run
            async with open_core(db) as core:
                await ingest_paths(core.store, [seed])
            await asyncio.sleep(0.5)
        await fake.wait_for(3, kind="chat.postMessage", timeout=60)
        await asyncio.sleep(2)  # room for a duplicate to show up
        posts = _posts(fake)
        assert len(posts) == 3
        assert all(p["channel"] == "C0NEWS" for p in posts)
        # One story: the first alert opened its thread, the others are replies in it.
        assert "thread_ts" not in posts[0]
        assert posts[1]["thread_ts"] == posts[2]["thread_ts"] == fake.posted_ts[0]
        for p in procs:
            await _stop(p)
        procs = [await _start(tmp_path, "c", db, fake)]  # a restart: nothing is re-posted
        await asyncio.sleep(2)
        assert len(_posts(fake)) == 3
    finally:
        for p in procs:
            await _stop(p)
        await fake.stop()
