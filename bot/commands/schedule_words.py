"""The words of a schedule: a time of day, a time zone (/digest schedule, /watch quiet)."""

from __future__ import annotations

import difflib
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

ZONE_EXAMPLES = "Europe/Kyiv, Europe/London, America/New_York, Asia/Tokyo or UTC"
_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*([ap]\.?m\.?)?$", re.IGNORECASE)
_OFFSET = re.compile(r"^(?:utc|gmt)?\s*[+\-−]\s*\d{1,2}(?::?\d{2})?$", re.IGNORECASE)
_UTC_NAMES = {"utc", "z", "gmt", "zulu", "etc/utc", "universal"}


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
