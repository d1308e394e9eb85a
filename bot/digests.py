"""What a digest is: when a schedule is due in its own time zone (DST included), and its Reply via /brief."""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.commands.brief import build_brief
from bot.commands.context import Context
from bot.config import Config
from bot.model import Reply, Request
from bot.store.base import Store
from bot.store.digest_common import Schedule

log = logging.getLogger(__name__)

ZONE_EXAMPLES = "Europe/Kyiv, Europe/London, America/New_York, Asia/Tokyo or UTC"
_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap]\.?m\.?)?$", re.IGNORECASE)
_OFFSET = re.compile(r"^(?:utc|gmt)?\s*[+\-−]\s*\d{1,2}(?::?\d{2})?$", re.IGNORECASE)
_UTC_NAMES = {"utc", "z", "gmt", "zulu", "etc/utc", "universal"}


@dataclass(frozen=True, slots=True)
class Digest:
    """A built digest and the coverage marks its delivery records."""

    reply: Reply
    covered_until: str | None  # the newest publication time covered (read by older schedules)
    indexed_through: int  # the newest article row covered: the next digest starts after it


class ScheduleInputError(ValueError):
    """A time or zone the user typed that cannot be used (the message says why)."""


def parse_time(text: str) -> str:
    """'07:30', '7:30', '7.30', '7:30pm', '7pm' -> 'HH:MM' (24-hour); raises ScheduleInputError."""
    m = _TIME.match(text.strip())
    if not m or (m.group(2) is None and m.group(3) is None):
        raise ScheduleInputError(f"{text!r} is not a time of day; use 24-hour HH:MM, like 07:30.")
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3):
        if not 1 <= hour <= 12:
            raise ScheduleInputError(
                f"{text!r} is not a time of day: with am/pm the hour goes from 1 to 12."
            )
        hour = hour % 12 + (12 if m.group(3).lower().startswith("p") else 0)
    if hour > 23:
        raise ScheduleInputError(f"{text!r} is not a time of day: hours go from 00 to 23.")
    if minute > 59:
        raise ScheduleInputError(f"{text!r} is not a time of day: minutes go from 00 to 59.")
    return f"{hour:02d}:{minute:02d}"


def looks_like_time(token: str) -> bool:
    return bool(re.match(r"^\d{1,2}([:.h]\d|\s*[ap]\.?m)", token, re.IGNORECASE))


def looks_like_zone(token: str) -> bool:
    """A token the user meant as a zone (so an unknown one is an error, not the start of a topic)."""
    low = token.lower()
    return "/" in token or low in _UTC_NAMES or bool(_OFFSET.match(token)) or _is_zone_key(token)


def _is_zone_key(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        return False
    return True


def parse_zone(text: str) -> str:
    """The canonical IANA key for what the user typed (case-insensitive); raises ScheduleInputError."""
    name = text.strip().replace(" ", "_")
    if name.lower() in _UTC_NAMES:
        return "UTC"
    if _OFFSET.match(text.strip()):
        raise ScheduleInputError(
            f"{text!r} is a fixed offset; use a named zone so daylight saving is followed, e.g. {ZONE_EXAMPLES}."
        )
    if _is_zone_key(name):
        return name
    keys = available_timezones()
    by_lower = {k.lower(): k for k in keys}
    if name.lower() in by_lower:
        return by_lower[name.lower()]
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=2, cutoff=0.75)
    city = [
        k
        for k in keys
        if k.lower().rsplit("/", 1)[-1] == name.lower().rsplit("/", 1)[-1] and "/" in k
    ]
    hints = [by_lower[c] for c in close] or sorted(city)[:2]
    did_you_mean = f" Did you mean {' or '.join(hints)}?" if hints else ""
    raise ScheduleInputError(
        f"Unknown time zone {text!r}.{did_you_mean} Use an IANA name such as {ZONE_EXAMPLES}."
    )


def city_zone(word: str) -> str | None:
    """The zone whose city is this word ('Kyiv' -> 'Europe/Kyiv'), for a hint; None if none or several."""
    low = word.lower()
    found = [k for k in available_timezones() if "/" in k and k.lower().rsplit("/", 1)[-1] == low]
    return found[0] if len(found) == 1 else None


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


def digest_title(hour: int, day: date, topic: str = "") -> str:
    part = "Morning" if hour < 12 else "Afternoon" if hour < 17 else "Evening"
    about = f": {topic}" if topic else ""
    return f"{part} digest{about} — {day.isoformat()}"


def _parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


async def build_digest(
    store: Store,
    config: Config,
    *,
    place: str,
    platform: str,
    day: date,
    hour: int,
    now: datetime,
    topic: str = "",
    covered_until: str | None = None,
    indexed_through: int | None = None,
    footer: str = "",
    exclude: str = "",
) -> Digest:
    """The digest Reply and the coverage marks to store when it is delivered.

    It briefs the stories with an article indexed after the last delivered digest
    (`indexed_through`, an article row number), however old their publication dates, so an
    article indexed late still makes the next digest and a morning with nothing new says so
    instead of repeating. Schedules delivered before that mark existed use `covered_until`
    (a publication time); the first digest briefs the last day of coverage.
    """
    covered = _parse_iso(covered_until)
    since = covered + timedelta(seconds=1) if covered else None
    ctx = Context(
        store=store,
        request=Request("digest", place=place, platform=platform, user="scheduler"),
        config=config,
        now=lambda: now,
    )
    # read before the brief: an article indexed meanwhile may show twice, never be skipped
    through = await store.latest_article_row()
    reply = await build_brief(
        ctx,
        topic=topic or None,
        since=since,
        title=digest_title(hour, day, topic),
        after_row=indexed_through,
        exclude=tuple(exclude.split()),
    )
    newest = _parse_iso(await store.latest_published())
    mark = min(newest, now) if newest else None
    if covered and (mark is None or mark < covered):
        mark = covered
    if footer:
        reply = replace(reply, footer=f"{reply.footer} {footer}".strip())
    return Digest(reply, mark.strftime("%Y-%m-%dT%H:%M:%SZ") if mark else None, through)
