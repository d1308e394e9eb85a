"""Digest filters: topic:word and -word kept with the schedule; topic: never read as a time zone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.commands.digest import schedule_of
from bot.digest_filters import Filters, filters_of, parse_filters, story_excluded
from bot.model import Article, Reply, Request
from bot.store.sqlite import SQLiteStore
from tests.digests.conftest import RecordingChannel, running


async def test_topic_and_exclude_words_are_kept_with_the_schedule(
    db: Path | str, channel: RecordingChannel, clock: object
) -> None:
    async with running(db, channel) as bot:
        made = await bot.ask("schedule 07:30 Europe/Kyiv topic:kursk -sport -Football")
        assert made.title == "Digest #1 scheduled", made
        text = made.sections[0].text
        assert "07:30 Europe/Kyiv: stories about kursk, leaving out sport, football" in text
        stored = await bot.core.store.schedule(1)
        assert (stored.topic, stored.exclude) == ("kursk", "sport football")
        same = await bot.ask("schedule 07:30 Europe/Kyiv topic:kursk -sport -football")
        assert same.title == "Digest #1 is already scheduled"
        listed = await bot.ask("list")
        assert "leaving out sport, football" in listed.sections[0].items[0].text
    async with running(db, channel) as bot:  # a restart reads them back
        assert (await bot.core.store.schedule(1)).exclude == "sport football"


@pytest.mark.parametrize("word", ["Israel", "Iran", "Poland", "Turkey", "EST"])
async def test_explicit_topic_is_never_a_time_zone(
    db: Path | str, channel: RecordingChannel, clock: object, word: str
) -> None:
    async with running(db, channel) as bot:
        made = await bot.ask(f"schedule 07:30 topic:{word}")
        assert f"07:30 UTC: stories about {word}" in made.sections[0].text
        bare = await bot.ask(f"schedule 08:00 {word}")  # bare: the zone, and the reply says so
        assert f"for the topic write topic:{word}" in bare.footer


async def test_exclude_words_leave_stories_out_of_the_digest(
    tmp_path: Path, channel: RecordingChannel, clock: object
) -> None:
    async with running(tmp_path / "d.db", channel, seed=True) as bot:
        await bot.ask("schedule 07:30 UTC -kursk")
        await bot.ask("schedule 08:30 UTC -football")
        left_out = await bot.ask("now 1")
        kept = await bot.ask("now 2")
    assert "Nothing new" in left_out.sections[0].text
    assert kept.sections and "Kursk" in kept.sections[0].heading


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ("schedule 07:30 topic:", "topic: needs a word"),
        ("schedule 07:30 -- ", "no word to leave out"),
        ("schedule 07:30 topic:kursk -kursk", "both a topic and left out"),
    ],
)
async def test_bad_filters_get_a_message_and_an_example(
    tmp_path: Path, channel: RecordingChannel, clock: object, args: str, says: str
) -> None:
    async with running(tmp_path / "d.db", channel) as bot:
        reply = await bot.ask(args)
    assert reply.error and says in reply.sections[0].text
    assert "Try: /digest schedule 07:30 Europe/Kyiv topic:kursk -sport" in reply.sections[0].text


def test_a_story_is_left_out_by_headline_or_by_most_of_its_articles() -> None:
    war = Article(
        "a", "Troops advance in Kursk", "The army moved near the stadium of a sports club."
    )
    other = Article("b", "Kursk evacuations", "Thousands left the border towns.")
    assert not story_excluded([war, other], ["sport"])  # one passing mention in two articles
    assert story_excluded([war], ["sport"])  # its only article
    assert story_excluded([Article("c", "Sports: cup final", "x")], ["sport"])
    assert parse_filters(["topic:kursk", "oblast", "-sport"])[0].topic == "kursk oblast"


def test_typed_options_keep_a_topic_that_is_also_a_zone_name() -> None:
    req = Request(
        "digest",
        sub="schedule",
        options=(("time", "07:30"), ("topic", "Israel"), ("exclude", "sport, weather")),
    )
    parsed = schedule_of(req)
    assert not isinstance(parsed, Reply)
    assert (parsed.at, parsed.zone) == ("07:30", "UTC")
    assert parsed.filters == Filters("Israel", ("sport", "weather"))
    assert filters_of("kursk", "Kursk")[1] == "'kursk' is both a topic and left out."


async def test_a_store_made_before_filters_gets_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = await SQLiteStore.open(path)
    await store.add_schedule("C1", "fake", "07:00", "UTC", "kursk", "U1", "2024-01-01T00:00:00Z")
    await store.close()
    with sqlite3.connect(path) as raw:  # as an older briefbot left it
        raw.execute("ALTER TABLE schedules DROP COLUMN exclude")
    store = await SQLiteStore.open(path)
    try:
        old = await store.schedule(1)
        assert old is not None and (old.topic, old.exclude) == ("kursk", "")
    finally:
        await store.close()
