"""When a schedule is due in its own time zone (DST included): the due-time maths of digests."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.store.digest_common import Schedule


def due_on(schedule: Schedule, day: date) -> datetime:
    """The UTC instant of the schedule's local time on `day`.

    A time skipped by a spring-forward change (02:30 in New York on its DST day) falls at the
    same instant APScheduler's CronTrigger uses (the old offset, i.e. 03:30 new time); a time
    that occurs twice in autumn is taken the first time.
    """
    zone = ZoneInfo(schedule.timezone)
    local = datetime.combine(day, time(schedule.hour, schedule.minute), tzinfo=zone)
    return local.astimezone(UTC)


def latest_due(schedule: Schedule, now: datetime) -> tuple[date, datetime]:
    """The local date and UTC instant of the most recent due time at or before now."""
    today = now.astimezone(ZoneInfo(schedule.timezone)).date()
    for day in (today, today - timedelta(days=1), today - timedelta(days=2)):
        when = due_on(schedule, day)
        if when <= now:
            return day, when
    return today - timedelta(days=2), due_on(schedule, today - timedelta(days=2))


def next_due(schedule: Schedule, now: datetime) -> datetime:
    """The next UTC instant after now at which the schedule is due."""
    today = now.astimezone(ZoneInfo(schedule.timezone)).date()
    for offset in range(3):
        when = due_on(schedule, today + timedelta(days=offset))
        if when > now:
            return when
    return due_on(schedule, today + timedelta(days=3))


def local_label(schedule: Schedule, when: datetime) -> str:
    """'2024-08-14 07:30 EEST' in the schedule's zone."""
    return when.astimezone(ZoneInfo(schedule.timezone)).strftime("%Y-%m-%d %H:%M %Z")
