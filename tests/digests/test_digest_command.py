"""/digest as a user types it: schedule, list, cancel, now, and clear refusals with a working example."""

from __future__ import annotations

from pathlib import Path

import pytest
import time_machine

from bot.model import Reply
from tests.digests.conftest import RecordingChannel, at, running


def text_of(reply: Reply) -> str:
    return "\n".join(
        [reply.title]
        + [s.text for s in reply.sections]
        + [i.text for s in reply.sections for i in s.items]
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("schedule 07:30 Europe/Kyvi", "Unknown time zone 'Europe/Kyvi'. Did you mean Europe/Kyiv"),
        ("schedule 07:30 Mars/Olympus_Mons", "Unknown time zone 'Mars/Olympus_Mons'."),
        ("schedule 07:30 UTC+3", "fixed offset; use a named zone"),
        ("schedule 25:00 Europe/Kyiv", "'25:00' is not a time of day: hours go from 00 to 23."),
        ("schedule 07:75", "minutes go from 00 to 59"),
        ("schedule", "Give the time of day for the digest (24-hour HH:MM)."),
        ("schedule Europe/Kyiv", "Give the time of day first; 'Europe/Kyiv' is not a time"),
        ("schedule 0730pm", "not a time of day"),
        ("cancel 99", "There is no digest #99 in this channel."),
        ("cancel", "Which digest?"),
        ("cancel abc", "'abc' is not a digest number."),
        ("sometime", "I don't know /digest sometime."),
    ],
)
async def test_bad_input_gets_a_clear_message_and_an_example(
    db: Path | str,
    clock: time_machine.Coordinates,
    channel: RecordingChannel,
    args: str,
    expected: str,
) -> None:
    async with running(db, channel) as bot:
        reply = await bot.ask(args)
    assert reply.error
    body = text_of(reply)
    assert expected in body
    assert "Try: /digest" in body
    if "zone" in expected:
        assert "Europe/Kyiv" in body and "America/New_York" in body  # examples of zones that work


async def test_schedule_list_and_cancel_in_this_channel_only(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel) as bot:
        made = await bot.ask("schedule 7:30 europe/kyiv Kursk offensive")
        assert made.title == "Digest #1 scheduled"
        assert made.sections[0].text == (
            "Every day at 07:30 Europe/Kyiv: stories about Kursk offensive. Next: 2024-08-13 07:30 EEST."
        )
        assert ("Cancel #1", "digest", "cancel 1") in [
            (a.label, a.command, a.args) for a in made.actions
        ]
        again = await bot.ask("schedule 07:30 Europe/Kyiv kursk offensive")
        assert again.title == "Digest #1 is already scheduled" and not again.error
        evening = await bot.ask(
            "6:15 pm"
        )  # the subcommand is optional; 12-hour clock understood; UTC default
        assert evening.sections[0].text.startswith("Every day at 18:15 UTC: all stories.")
        elsewhere = await bot.ask("list", place="C2")
        assert "None yet" in elsewhere.sections[0].text
        refused = await bot.ask("cancel 1", place="C2")  # another channel cannot cancel it
        assert refused.error and "no digest #1" in text_of(refused)
        listed = await bot.ask("list")
        assert [i.label for i in listed.sections[0].items] == ["#1", "#2"]
        assert (await bot.ask("cancel #1")).title == "Digest #1 cancelled"
        gone = await bot.ask("cancel 1")
        assert (
            gone.error
            and "This channel's digests: #2." in text_of(gone)
            and "Try: /digest cancel 2" in text_of(gone)
        )


async def test_a_city_as_topic_gets_a_time_zone_hint(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    async with running(db, channel) as bot:
        reply = await bot.ask("schedule 07:30 Kyiv")
    assert "all stories" not in reply.sections[0].text and "UTC" in reply.sections[0].text
    assert "/digest schedule 07:30 Europe/Kyiv" in reply.footer


async def test_digest_now_answers_without_using_up_the_days_post(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    clock.move_to(at("2024-08-13T03:00:00"))
    async with running(db, channel) as bot:
        await bot.ask("schedule 07:30 Europe/Kyiv")
        now = await bot.ask("now")
        assert now.title == "Morning digest — 2024-08-13" and not now.error
        clock.move_to(at("2024-08-13T04:30:00"))
        await bot.scheduler.tick()
    assert channel.titles == ["Morning digest — 2024-08-13"]


async def test_list_shows_failing_feeds(
    db: Path | str, clock: time_machine.Coordinates, channel: RecordingChannel
) -> None:
    async with running(db, channel) as bot:
        store = bot.core.store
        await store.add_feed("https://news.example/rss", "U1", "2024-08-12T12:00:00Z")  # type: ignore[attr-defined]
        await store.record_feed_error(
            "https://news.example/rss", "2024-08-12T12:15:00Z", "answered HTTP 500"
        )  # type: ignore[attr-defined]
        listed = await bot.ask("list")
    feeds = listed.sections[1]
    assert feeds.heading == "Feeds"
    assert feeds.items[0].label == "failing"
    # the scheduler's own poll of the (unresolvable) feed may land first: either failure shows
    assert "last error: " in feeds.items[0].text
    assert "HTTP 500" in feeds.items[0].text or "could not connect" in feeds.items[0].text


@pytest.mark.parametrize("args", ["schedule 07:30 Europe/Kyiv", "07:30", "cancel 1"])
async def test_changing_digests_is_refused_to_non_admins(
    db: Path, channel: RecordingChannel, args: str
) -> None:
    async with running(db, channel) as bot:
        reply = await bot.ask(args, admin=False)
        assert reply.error and "admins only" in text_of(reply)
        assert "/digest list" in text_of(reply)
        listed = await bot.ask("list", admin=False)
        assert not listed.error, "anyone may list"
