"""Digest weak points: a multi-part digest that fails part way resumes with the parts not yet
posted (never the first ones again, across restarts); articles indexed late with old dates still
reach the next digest. On SQLite and PostgreSQL; time is moved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import time_machine

from bot.app import open_core
from bot.model import Article
from tests.digests.conftest import RecordingChannel, at, parts_of, running

# unrelated events, so each is a story (a section, hence a message) of its own
EVENTS = [
    ("Harbour", "The harbour authority closed the northern pier after a cargo crane collapsed."),
    ("Orchard", "Apple growers reported a record cherry harvest across the valley orchards."),
    ("Marathon", "Thousands of runners finished the city marathon despite heavy summer rain."),
    ("Library", "The county library opened a new wing with rare maps and medieval manuscripts."),
]


async def add_events(bot_core: object, day: str) -> None:
    for i, (title, lead) in enumerate(EVENTS):
        await bot_core.store.add_article(  # type: ignore[attr-defined]
            Article(
                id=f"event-{i}",
                title=f"{title} news",
                text=f"{lead} Officials said more details would follow later in the week.",
                outlet="Local News",
                published=f"{day}T0{i}:30:00Z",
            )
        )


async def test_a_digest_failing_part_way_resumes_after_restarts_without_reposting(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))  # 06:00 in Kyiv
    async with running(db, channel) as bot:
        await add_events(bot.core, "2024-08-13")
        await bot.ask("schedule 07:30 Europe/Kyiv")
        channel.fail_after_parts = 2  # the title and the first story go out, then Slack fails
        clock.move_to(at("2024-08-13T04:30:00"))
        await bot.scheduler.tick()
        assert len(channel.messages) == 2 and channel.posts == []
        record = await bot.core.store.delivery(1, "2024-08-13")
        assert record is not None and record.status == "failed" and record.parts_posted == 2
    # a story indexed meanwhile must not shift the parts of the digest being resumed
    clock.move_to(at("2024-08-13T04:35:00"))
    async with open_core(db) as core:
        await core.store.add_article(
            Article(
                id="late",
                title="Tramway news",
                text="Engineers tested the first electric trams on the rebuilt riverside tramway.",
                published="2024-08-13T04:35:00Z",
            )
        )
    clock.move_to(at("2024-08-13T04:40:00"))
    channel.fail_after_parts = 1  # the restart gets one more part out, then fails again
    async with running(db, channel):
        assert len(channel.messages) == 3
    clock.move_to(at("2024-08-13T05:00:00"))
    async with running(db, channel) as bot:  # the next restart finishes it
        record = await bot.core.store.delivery(1, "2024-08-13")
        assert record is not None and record.status == "delivered"
    assert len(channel.posts) == 1
    digest = channel.posts[0][1]
    assert len(digest.sections) == len(EVENTS)
    sent = [part for _, part in channel.messages]
    assert sent == parts_of(digest), "every part exactly once, in order"
    assert len(sent) == len(set(sent))
    assert "Tramway news" not in sent


async def test_a_retry_inside_the_process_resumes_too(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel) as bot:
        await add_events(bot.core, "2024-08-13")
        await bot.ask("schedule 07:30 Europe/Kyiv")
        channel.fail_after_parts = 3
        clock.move_to(at("2024-08-13T04:30:00"))
        await bot.scheduler.tick()
        clock.move_to(at("2024-08-13T04:35:01"))  # the retry five minutes later
        await bot.scheduler.tick()
        assert len(channel.posts) == 1
    sent = [part for _, part in channel.messages]
    assert sent == parts_of(channel.posts[0][1])


async def test_an_article_indexed_late_with_an_old_date_reaches_the_next_digest(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel, seed=True) as bot:
        await bot.ask("schedule 07:30 Europe/Kyiv")
        clock.move_to(at("2024-08-13T04:30:00"))
        await bot.scheduler.tick()
        assert len(channel.posts) == 1
        clock.move_to(at("2024-08-13T15:00:00"))
        # a backfill: indexed today, published last year (before the digest's coverage)
        await bot.core.store.add_article(
            Article(
                id="archive-1",
                title="Glacier retreat measured",
                text="Climbers found the glacier had retreated two hundred metres since winter. "
                '"We have never seen it shrink so fast," said guide Marta Keller.',
                outlet="Alpine Post",
                published="2023-05-02T08:00:00Z",
            )
        )
        clock.move_to(at("2024-08-14T04:30:00"))
        await bot.scheduler.tick()
        clock.move_to(at("2024-08-15T04:30:00"))  # and only once
        await bot.scheduler.tick()
    assert len(channel.posts) == 3
    second, third = channel.posts[1][1], channel.posts[2][1]
    assert [s.heading for s in second.sections] == ["Glacier retreat measured"]
    assert {c.article_id for c in second.citations} == {"archive-1"}
    assert third.sections[0].text == "Nothing new indexed since the last digest."


async def test_a_store_from_before_resumable_digests_is_upgraded(
    tmp_path: Path, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    db = tmp_path / "old.db"
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel, seed=True) as bot:
        await bot.ask("schedule 07:30 Europe/Kyiv")
        clock.move_to(at("2024-08-13T04:30:00"))
        await bot.scheduler.tick()
    with sqlite3.connect(db) as conn:  # as an older briefbot left it: no resume columns
        for column in ("parts_posted", "reply", "indexed_through"):
            conn.execute(f"ALTER TABLE deliveries DROP COLUMN {column}")
    async with open_core(db) as core:
        record = await core.store.delivery(1, "2024-08-13")
        assert record is not None and record.status == "delivered"
        assert record.parts_posted == 0 and record.indexed_through is None
    clock.move_to(at("2024-08-14T04:30:00"))
    async with running(db, channel) as bot:  # the old publication mark still works
        await bot.scheduler.tick()
    assert len(channel.posts) == 2
    assert channel.posts[1][1].sections[0].text.startswith("Nothing new since 2024-08-13")
