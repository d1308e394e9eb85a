"""When a schedule is due, in its own zone: DST gaps and overlaps, and input parsing."""

from __future__ import annotations

from datetime import date

import pytest

from bot.commands.schedule_words import ScheduleInputError, parse_time, parse_zone
from bot.digests import due_on, latest_due, next_due
from bot.store.base import Schedule
from tests.digests.conftest import at


def schedule(hhmm: str, zone: str) -> Schedule:
    return Schedule(1, "C1", "fake", hhmm, zone)


def test_a_time_skipped_by_spring_forward_falls_where_cron_puts_it() -> None:
    s = schedule("02:30", "America/New_York")
    assert due_on(s, date(2024, 3, 10)) == at("2024-03-10T07:30:00")  # 03:30 EDT: once, that day


def test_a_time_repeated_in_autumn_counts_once() -> None:
    s = schedule("01:30", "America/New_York")
    # 01:30 happens at 05:30Z and again at 06:30Z; both map to the same local date, so one digest
    assert (
        latest_due(s, at("2024-11-03T05:31:00"))[0] == latest_due(s, at("2024-11-03T06:31:00"))[0]
    )
    assert next_due(s, at("2024-11-03T05:31:00")) == at("2024-11-04T06:30:00")


def test_latest_and_next_due() -> None:
    s = schedule("07:30", "Europe/Kyiv")
    assert latest_due(s, at("2024-08-13T04:29:00")) == (
        date(2024, 8, 12),
        at("2024-08-12T04:30:00"),
    )
    assert latest_due(s, at("2024-08-13T04:30:00")) == (
        date(2024, 8, 13),
        at("2024-08-13T04:30:00"),
    )
    assert next_due(s, at("2024-10-26T05:00:00")) == at("2024-10-27T05:30:00")


@pytest.mark.parametrize(
    ("typed", "hhmm"),
    [
        ("07:30", "07:30"),
        ("7:30", "07:30"),
        ("7.05", "07:05"),
        ("12am", "00:00"),
        ("12:15pm", "12:15"),
        ("23:59", "23:59"),
    ],
)
def test_times(typed: str, hhmm: str) -> None:
    assert parse_time(typed) == hhmm


@pytest.mark.parametrize("typed", ["24:00", "25:00", "7", "07:60", "13pm", "noon", ""])
def test_bad_times(typed: str) -> None:
    with pytest.raises(ScheduleInputError):
        parse_time(typed)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Europe/Kyiv", "Europe/Kyiv"),
        ("europe/kyiv", "Europe/Kyiv"),
        ("utc", "UTC"),
        ("America/New York", "America/New_York"),
        ("Europe/Kiev", "Europe/Kiev"),
    ],
)
def test_zones(typed: str, key: str) -> None:
    assert parse_zone(typed) == key


@pytest.mark.parametrize("typed", ["Europe/Atlantis", "../../etc/passwd", "+03:00", "GMT-5"])
def test_bad_zones(typed: str) -> None:
    with pytest.raises(ScheduleInputError):
        parse_zone(typed)
