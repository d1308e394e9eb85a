"""Export/import keeps watches, quiet hours, threads and posted alerts: after a move none is sent twice."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from bot.store.transfer import export_to, import_from
from tests.watches.conftest import SEEDS, ThreadedChannel, running

NOON = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)  # outside the quiet hours set below


async def test_moving_the_store_keeps_watches_and_never_resends(
    tmp_path: Path, pg_url: str
) -> None:
    src = tmp_path / "old.db"
    channel = ThreadedChannel()
    async with running(src, channel) as bot:
        bot.engine.now = lambda: NOON
        await bot.ingest(*SEEDS[:2])
        await bot.watch("Putin")
        await bot.watch("quiet 22:00-07:00 Europe/London")
        await bot.ingest(*SEEDS[2:4])
        await bot.engine.step()
    posted = len(channel.posts)
    buf = io.StringIO()
    exported = await export_to(src, buf)
    assert exported["watches"] == 1 and exported["alert_quiet"] == 1
    assert exported["alerts"] == 4 and exported["alert_threads"] == 1
    got = await import_from(pg_url, buf.getvalue().splitlines())
    assert got == exported
    moved = ThreadedChannel()
    async with running(pg_url, moved) as bot:
        bot.engine.now = lambda: NOON
        listed = await bot.watch("list")
        assert [i.label for i in listed.sections[0].items] == ["#1"]
        assert "22:00-07:00 Europe/London" in listed.sections[1].text
        await bot.engine.step()
        assert moved.posts == []  # nothing re-sent after the move
        await bot.ingest(SEEDS[4])  # a new article: alerted once, in the story's old thread
        await bot.engine.step()
        assert (await bot.watch("cancel 1")).title == "Watch #1 cancelled"
    assert posted == 2 and len(moved.posts) == 1 and moved.posts[0][2] == "T1"
