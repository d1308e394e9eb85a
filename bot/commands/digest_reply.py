"""A digest's Reply: /brief over the stories indexed since the schedule's last delivery."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from bot.commands.brief import build_brief
from bot.commands.context import Context
from bot.config import Config
from bot.model import Reply, Request, parse_utc
from bot.store.base import Store


@dataclass(frozen=True, slots=True)
class Digest:
    """A built digest and the coverage marks its delivery records."""

    reply: Reply
    covered_until: str | None  # the newest publication time covered (read by older schedules)
    indexed_through: int  # the newest article row covered: the next digest starts after it


def digest_title(hour: int, day: date, topic: str = "") -> str:
    part = "Morning" if hour < 12 else "Afternoon" if hour < 17 else "Evening"
    about = f": {topic}" if topic else ""
    return f"{part} digest{about} — {day.isoformat()}"


def _parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parse_utc(value)
    except ValueError:
        return None


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
