"""The scheduler posts each digest once per local day: at the local time across DST, after restarts,
with two processes on one store, after a failed post, and never once cancelled. Time is moved."""

from __future__ import annotations

import asyncio
from pathlib import Path

import time_machine

from tests.digests.conftest import RecordingChannel, at, running


async def test_fires_at_local_time_across_the_autumn_dst_change(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-10-25T12:00:00"))
    async with running(db, channel) as bot:
        reply = await bot.ask("schedule 07:30 Europe/Kyiv")
        assert not reply.error and "07:30 Europe/Kyiv" in reply.sections[0].text
        clock.move_to(at("2024-10-26T04:29:00"))  # 07:29 EEST
        await bot.scheduler.tick()
        assert channel.posts == []
        clock.move_to(at("2024-10-26T04:30:01"))  # 07:30 EEST (UTC+3)
        await bot.scheduler.tick()
        assert channel.titles == ["Morning digest — 2024-10-26"]
        clock.move_to(at("2024-10-27T04:30:30"))  # clocks went back: this is 06:30 EET
        await bot.scheduler.tick()
        assert len(channel.posts) == 1
        clock.move_to(at("2024-10-27T05:30:01"))  # 07:30 EET (UTC+2)
        await bot.scheduler.tick()
        assert channel.titles[-1] == "Morning digest — 2024-10-27"
        assert len(channel.posts) == 2
        nxt = bot.scheduler.next_run(1)
        assert nxt is not None and nxt.isoformat() == "2024-10-28T07:30:00+02:00"


async def test_fires_at_local_time_across_the_spring_dst_change(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-03-08T12:00:00"))
    async with running(db, channel) as bot:
        await bot.ask("schedule 07:30 America/New_York")
        clock.move_to(at("2024-03-09T12:30:01"))  # 07:30 EST (UTC-5)
        await bot.scheduler.tick()
        clock.move_to(at("2024-03-10T11:30:01"))  # 07:30 EDT (UTC-4), the day clocks go forward
        await bot.scheduler.tick()
        clock.move_to(at("2024-03-10T12:30:01"))  # an hour later: nothing more
        await bot.scheduler.tick()
        assert channel.titles == ["Morning digest — 2024-03-09", "Morning digest — 2024-03-10"]
        assert [place for place, _ in channel.posts] == ["C1", "C1"]


async def test_restart_inside_the_grace_window_posts_once(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))  # 06:00 in Kyiv
    async with running(db, channel) as bot:
        await bot.ask("schedule 07:30 Europe/Kyiv")
    clock.move_to(at("2024-08-13T06:00:00"))  # down over 07:30; back at 09:00 local
    async with running(db, channel):
        assert channel.titles == ["Morning digest — 2024-08-13"]
    clock.move_to(at("2024-08-13T07:00:00"))
    async with running(db, channel):  # a second restart the same morning
        pass
    assert len(channel.posts) == 1


async def test_restart_after_the_grace_window_does_not_post(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel) as bot:
        await bot.ask("schedule 07:30 Europe/Kyiv")
    clock.move_to(at("2024-08-13T10:31:00"))  # 6 h 1 min after 07:30 local
    async with running(db, channel) as bot:
        assert await bot.scheduler.deliver_due(1) == "missed"
    assert channel.posts == []


async def test_two_schedulers_on_one_store_post_once(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel) as first:
        await first.ask("schedule 07:30 Europe/Kyiv")
        async with running(db, channel) as second:  # another process on the same file
            clock.move_to(at("2024-08-13T04:30:00"))
            await asyncio.gather(first.scheduler.tick(), second.scheduler.tick())
            assert len(channel.posts) == 1
            clock.move_to(at("2024-08-14T04:30:00"))
            outcomes = await asyncio.gather(
                first.scheduler.deliver_due(1), second.scheduler.deliver_due(1)
            )
            assert outcomes.count("delivered") == 1
            # the loser either lost the claim or, under load, read the winner's claim first
            assert set(outcomes) <= {"delivered", "taken", "already-claimed", "already-delivered"}
            await asyncio.gather(first.scheduler.tick(), second.scheduler.tick())
    async with running(db, channel):
        pass
    assert channel.titles == ["Morning digest — 2024-08-13", "Morning digest — 2024-08-14"]


async def test_cancelled_digest_never_fires(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel) as bot, running(db, channel) as other:
        await bot.ask("schedule 07:30 Europe/Kyiv")
        await other.scheduler.sync()  # the other process has the job too
        assert other.scheduler.next_run(1) is not None
        reply = await bot.ask("cancel 1")
        assert reply.title == "Digest #1 cancelled"
        assert bot.scheduler.next_run(1) is None
        clock.move_to(at("2024-08-13T04:30:00"))
        await asyncio.gather(bot.scheduler.tick(), other.scheduler.tick())
        assert (
            other.scheduler.next_run(1) is None
        )  # it found the schedule inactive and dropped the job
    clock.move_to(at("2024-08-13T05:00:00"))
    async with running(db, channel) as bot:
        listed = await bot.ask("list")
        assert "None yet" in listed.sections[0].text
    assert channel.posts == []


async def test_failed_post_is_retried_within_the_window_and_posted_once(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel) as bot:
        await bot.ask("schedule 07:30 Europe/Kyiv")
        channel.fail_next = 1
        clock.move_to(at("2024-08-13T04:30:00"))
        await bot.scheduler.tick()
        assert channel.posts == []
        listed = await bot.ask("list")
        assert (
            "2024-08-13 failed (DeliveryError: platform returned 503)"
            in listed.sections[0].items[0].text
        )
        clock.move_to(at("2024-08-13T04:35:01"))  # the retry five minutes later
        await bot.scheduler.tick()
        assert len(channel.posts) == 1
        record = await bot.core.store.delivery(1, "2024-08-13")  # type: ignore[attr-defined]
        assert (record.status, record.attempts) == ("delivered", 2)
    clock.move_to(at("2024-08-13T05:00:00"))
    async with running(db, channel):
        pass
    assert len(channel.posts) == 1


async def test_unconfirmed_claim_is_not_posted_again(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    """A process that died between its claim and the confirmation: the restart must not double-post."""
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel) as bot:
        await bot.ask("schedule 07:30 Europe/Kyiv")
        claimed = await bot.core.store.claim_delivery(
            1, "2024-08-13", "C1", "dead-process", "2024-08-13T04:30:00Z", 3
        )  # type: ignore[attr-defined]
        assert claimed
    clock.move_to(at("2024-08-13T05:00:00"))
    async with running(db, channel) as bot:
        assert await bot.scheduler.deliver_due(1) == "already-claimed"
    assert channel.posts == []


async def test_schedule_made_after_todays_time_starts_tomorrow(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T06:00:00"))  # 09:00 in Kyiv
    async with running(db, channel) as bot:
        reply = await bot.ask("schedule 07:30 Europe/Kyiv")
        assert "Next: 2024-08-14 07:30 EEST" in reply.sections[0].text
    clock.move_to(at("2024-08-13T06:05:00"))
    async with running(db, channel) as bot:  # a restart inside today's grace window
        assert channel.posts == []
        clock.move_to(at("2024-08-14T04:30:00"))
        await bot.scheduler.tick()
    assert channel.titles == ["Morning digest — 2024-08-14"]


async def test_each_channel_gets_its_own_digest(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel) as bot:
        await bot.ask("schedule 07:30 Europe/Kyiv", place="C1")
        await bot.ask("schedule 07:30 Europe/Kyiv", place="C2")
        await bot.ask("schedule 19:00 Europe/Kyiv Kursk", place="C2")
        clock.move_to(at("2024-08-13T04:30:00"))
        await bot.scheduler.tick()
        clock.move_to(at("2024-08-13T16:00:00"))
        await bot.scheduler.tick()
    assert sorted((place, title) for place, title in ((p, r.title) for p, r in channel.posts)) == [
        ("C1", "Morning digest — 2024-08-13"),
        ("C2", "Evening digest: Kursk — 2024-08-13"),
        ("C2", "Morning digest — 2024-08-13"),
    ]


async def test_the_injected_clock_drives_catch_up(db: Path, channel: RecordingChannel) -> None:
    """No time travel: the scheduler's own now() decides what is due (wall clock untouched)."""
    from bot.app import open_core
    from bot.delivery import Router
    from bot.scheduler import Scheduler
    from tests.digests.conftest import CONFIG

    async with open_core(db, config=CONFIG) as core:
        store = core.store
        await store.add_schedule(
            "C9", "fake", "07:30", "Europe/Kyiv", "", "U1", "2024-08-01T00:00:00Z"
        )  # type: ignore[attr-defined]
        now = [at("2024-08-13T04:00:00")]
        scheduler = Scheduler.for_core(core, Router({"fake": channel}), now=lambda: now[0])
        assert await scheduler.catch_up() == {1: "missed"}  # yesterday's 07:30 is long gone
        now[0] = at("2024-08-13T05:15:00")
        assert await scheduler.catch_up() == {1: "delivered"}
        assert await scheduler.catch_up() == {1: "already-delivered"}
    assert [(p, r.title) for p, r in channel.posts] == [("C9", "Morning digest — 2024-08-13")]
