"""/watch as a user types it: add a person, a topic or a story, list, cancel, quiet hours, bad input."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.alerts import in_quiet
from bot.store.base import QuietHours
from tests.watches.conftest import SEEDS, ThreadedChannel, running


async def test_add_list_cancel_and_duplicates(tmp_path: Path) -> None:
    async with running(tmp_path / "w.db", ThreadedChannel()) as bot:
        await bot.ingest(*SEEDS)
        person = await bot.watch("vladimir putin")
        assert person.title == "Watch #1 on" and "Putin" in person.sections[0].text
        again = await bot.watch("Putin")
        assert again.title == "Watch #1 is already on"
        topic = await bot.watch("territory")
        assert "figures and stories on territory" in topic.sections[0].text
        story = await bot.watch("story 004_777959b668a2fcee")  # by an article in it
        assert story.title == "Watch #3 on" and "story #1" in story.sections[0].text
        assert (await bot.watch("story 1")).title == "Watch #3 is already on"
        other = await bot.watch("Putin", place="C2")  # another channel has its own watches
        assert other.title == "Watch #4 on"
        listed = await bot.watch("list")
        assert [i.label for i in listed.sections[0].items] == ["#1", "#2", "#3"]
        assert [a.args for a in listed.actions] == ["cancel 1", "cancel 2", "cancel 3"]
        gone = await bot.watch("cancel 4")  # not this channel's
        assert gone.error and "no watch #4 in this channel" in gone.sections[0].text
        assert (await bot.watch("cancel #2")).title == "Watch #2 cancelled"
        listed = await bot.watch("")
        assert [i.label for i in listed.sections[0].items] == ["#1", "#3"]


async def test_bad_input_gets_a_message_with_an_example(tmp_path: Path) -> None:
    async with running(tmp_path / "w.db", ThreadedChannel()) as bot:
        await bot.ingest(*SEEDS)
        for args, says in [
            ("story 999", "There is no story #999"),
            ("story nosuchart", "No indexed article has the id"),
            ("cancel", "Which watch?"),
            ("cancel abc", "is not a watch number"),
            ("x" * 150, "too long"),
            ("quiet 25:00-07:00 Europe/London", "not a time of day"),
            ("quiet 22:00-07:00 Europe/Londn", "Unknown time zone"),
            ("quiet tonight", "not a range of hours"),
            ("quiet 07:00-07:00", "same time"),
            ("??? !!!", "no words to watch"),
        ]:
            reply = await bot.watch(args)
            assert reply.error, args
            text = reply.sections[0].text
            assert says in text and "Try: /watch" in text, (args, text)


async def test_quiet_hours_are_kept_per_channel_and_hold_alerts(tmp_path: Path) -> None:
    channel = ThreadedChannel()
    async with running(tmp_path / "w.db", channel) as bot:
        set_ = await bot.watch("quiet 22:00-07:00 Europe/London")
        assert set_.title == "Quiet hours set"
        assert (
            "Quiet hours: 22:00-07:00 Europe/London" in (await bot.watch("list")).sections[1].text
        )
        await bot.watch("Putin")
        night = datetime(2026, 1, 15, 23, 30, tzinfo=UTC)  # 23:30 in London (GMT)
        bot.engine.now = lambda: night
        await bot.ingest(*SEEDS)
        await bot.engine.step()
        assert channel.posts == []  # held, not dropped
        bot.engine.now = lambda: datetime(2026, 1, 16, 7, 5, tzinfo=UTC)
        await bot.engine.step()
        assert len(channel.posts) == 3
        off = await bot.watch("quiet off")
        assert off.title == "Quiet hours off"
        assert len((await bot.watch("list")).sections) == 1


def test_quiet_window_wraps_midnight_and_follows_the_zone() -> None:
    q = QuietHours("fake", "C1", "22:00", "07:00", "Europe/London")
    summer = datetime(2026, 7, 1, 21, 30, tzinfo=UTC)  # 22:30 BST
    assert in_quiet(q, summer)
    assert not in_quiet(q, datetime(2026, 7, 1, 6, 30, tzinfo=UTC))  # 07:30 BST
    assert in_quiet(q, datetime(2026, 1, 1, 6, 30, tzinfo=UTC))  # 06:30 GMT
    day = QuietHours("fake", "C1", "12:00", "13:00", "UTC")
    assert in_quiet(day, datetime(2026, 1, 1, 12, 30, tzinfo=UTC))
    assert not in_quiet(day, datetime(2026, 1, 1, 13, 0, tzinfo=UTC))


async def test_an_unknown_name_is_a_person_and_lower_case_a_topic(tmp_path: Path) -> None:
    async with running(tmp_path / "w.db", ThreadedChannel()) as bot:
        await bot.ingest(*SEEDS)
        person = await bot.watch("Olaf Scholz")  # nobody quotes him yet: still a person
        assert "new quotes by Olaf Scholz" in person.sections[0].text
        assert "/watch olaf scholz" in person.footer  # how to watch it as a topic instead
        place = await bot.watch("sudzha")
        assert "figures and stories on sudzha" in place.sections[0].text
        known = await bot.watch("Putin")
        assert "quoted yet" not in known.footer
