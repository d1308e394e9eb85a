"""/digest: schedule, list, cancel, or show now this channel's daily digest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.commands import common_words
from bot.commands.context import Context
from bot.commands.digest_reply import build_digest
from bot.commands.numbered import cancel_numbered
from bot.commands.schedule_words import (
    ScheduleInputError,
    city_zone,
    looks_like_time,
    looks_like_zone,
    parse_time,
    parse_zone,
)
from bot.digest_filters import Filters, filters_of, is_filter, parse_filters
from bot.digests import local_label, next_due
from bot.model import Action, Item, Reply, Request, Section, error_reply, utc_iso
from bot.store import fts
from bot.store.digest_common import Schedule

EXAMPLE = "/digest schedule 07:30 Europe/Kyiv"
USAGE = (
    "Use /digest schedule <HH:MM> [timezone] [topic:word] [-word], /digest list, "
    "/digest cancel <id> or /digest now."
)
MAX_PER_CHANNEL = 10
MAX_TOPIC = 100
MAX_FEEDS_SHOWN = 15
_AMPM = {"am", "pm", "a.m.", "p.m."}
_SCHEDULE = ("schedule", "add", "set", "at", "every")
_CANCEL = ("cancel", "stop", "remove", "delete", "rm", "unschedule")


@dataclass(frozen=True, slots=True)
class ScheduleArgs:
    """A schedule as asked for, typed or parsed from text; `zone_word` and `topic_word` are the
    free-text words whose reading was a guess (a zone that is also a topic, a city as a topic)."""

    at: str
    zone: str
    filters: Filters
    zone_word: str = ""
    topic_word: str = ""


def _refused(ctx: Context) -> Reply | None:
    # Who counts as an admin is the platform's call (configured users, channels or roles).
    if ctx.request.is_admin:
        return None
    return error_reply(
        "Changing this channel's digests is for admins only.",
        example="/digest list",
        hint="Ask a newsroom admin to set it up; anyone may list the digests or see one now.",
    )


async def run(ctx: Context, args: str) -> Reply:
    if ctx.request.typed:
        return await _typed(ctx)
    words = args.split()
    if not words:
        return await _list(ctx)
    sub = words[0].lower()
    changes = sub in _SCHEDULE or sub in _CANCEL or looks_like_time(words[0])
    if changes and (refused := _refused(ctx)) is not None:
        return refused
    if sub in _SCHEDULE:
        return await _schedule(ctx, parse_schedule(words[1:]))
    if looks_like_time(words[0]):
        return await _schedule(ctx, parse_schedule(words))
    if sub in ("list", "ls", "show"):
        return await _list(ctx)
    if sub in _CANCEL:
        return await _cancel(ctx, words[1:])
    if sub in ("now", "today", "preview"):
        return await _now(ctx, words[1:])
    return error_reply(f"I don't know /digest {words[0][:30]}.", example=EXAMPLE, hint=USAGE)


async def _typed(ctx: Context) -> Reply:
    """Discord's /digest subcommands: each option's value as typed, never re-read as text."""
    req = ctx.request
    if req.sub in ("schedule", "cancel") and (refused := _refused(ctx)) is not None:
        return refused
    if req.sub == "schedule":
        return await _schedule(ctx, schedule_of(req))
    if req.sub == "cancel":
        return await _cancel(ctx, [str(req.option("id", ""))])
    if req.sub == "now":
        return await _now(ctx, [])
    return await _list(ctx)


def schedule_of(req: Request) -> ScheduleArgs | Reply:
    """The schedule from typed options: the topic is the topic, the zone the zone."""
    try:
        at = parse_time(str(req.option("time", "")))
        zone_text = str(req.option("timezone", ""))
        zone = parse_zone(zone_text) if zone_text else "UTC"
    except ScheduleInputError as exc:
        return error_reply(str(exc), example=EXAMPLE)
    filters, problem = filters_of(str(req.option("topic", "")), str(req.option("exclude", "")))
    if problem:
        return error_reply(problem, example=EXAMPLE + " topic:kursk -sport")
    return ScheduleArgs(at, zone, filters)


def parse_schedule(rest: list[str]) -> ScheduleArgs | Reply:
    """'<HH:MM> [timezone] [topic words | topic:word] [-word]' from free text."""
    if not rest:
        return error_reply("Give the time of day for the digest (24-hour HH:MM).", example=EXAMPLE)
    if len(rest) > 1 and rest[1].lower() in _AMPM:
        rest = [rest[0] + rest[1], *rest[2:]]
    if not re.match(r"^\d", rest[0]):
        return error_reply(
            f"Give the time of day first; {rest[0][:40]!r} is not a time (24-hour HH:MM).",
            example=EXAMPLE,
        )
    try:
        at = parse_time(rest[0])
        zone = "UTC"
        topic_words = rest[1:]
        zone_word = ""
        if topic_words and not is_filter(topic_words[0]) and looks_like_zone(topic_words[0]):
            zone_word = topic_words[0]
            zone = parse_zone(zone_word)
            topic_words = topic_words[1:]
    except ScheduleInputError as exc:
        return error_reply(str(exc), example=EXAMPLE)
    filters, problem = parse_filters(topic_words)
    if problem:
        return error_reply(problem, example=EXAMPLE + " topic:kursk -sport")
    first = topic_words[0] if topic_words else ""
    return ScheduleArgs(at, zone, filters, zone_word, first)


async def _schedule(ctx: Context, parsed: ScheduleArgs | Reply) -> Reply:
    if isinstance(parsed, Reply):
        return parsed
    at, zone, filters, zone_word = parsed.at, parsed.zone, parsed.filters, parsed.zone_word
    topic = filters.topic
    if len(topic) > MAX_TOPIC:
        return error_reply(
            f"That topic is too long (the limit is {MAX_TOPIC} characters).",
            example=EXAMPLE + " Kursk",
        )
    if topic and not fts.all_of(topic):
        return error_reply(
            f"{topic[:40]!r} has no words to match stories by.", example=EXAMPLE + " Kursk"
        )
    if topic and (refused := common_words.refusal(topic, EXAMPLE + " Kursk")):
        return refused  # each backend would brief it differently, every day
    req = ctx.request
    existing = await ctx.store.schedules(req.place, req.platform)
    for s in existing:
        if (s.time_of_day, s.timezone, s.topic.lower(), s.exclude) == (
            at,
            zone,
            topic.lower(),
            filters.exclude_text,
        ):
            return Reply(
                title=f"Digest #{s.id} is already scheduled",
                sections=(Section(text=_describe(s, ctx.now())),),
                actions=(Action(f"Cancel #{s.id}", "digest", f"cancel {s.id}"),),
            )
    if len(existing) >= MAX_PER_CHANNEL:
        return error_reply(
            f"This channel already has {len(existing)} digests; cancel one first.",
            example="/digest list",
        )
    schedule: Schedule = await ctx.store.add_schedule(
        req.place,
        req.platform,
        at,
        zone,
        topic,
        req.user,
        utc_iso(ctx.now()),
        exclude=filters.exclude_text,
    )
    scheduler = ctx.services.scheduler
    if scheduler is not None:
        scheduler.add(schedule)
    footer = (
        "" if scheduler is not None else "Digests are posted while the bot runs (briefbot serve)."
    )
    if zone_word and "/" not in zone_word and zone_word.lower() not in ("utc", "gmt", "z"):
        # Israel, Iran, Poland, Turkey, EST: zone names that are also topics.
        footer = f"{footer} Took {zone_word!r} as the time zone; for the topic write topic:{zone_word}".strip()
    first = parsed.topic_word
    city = city_zone(first) if first and zone == "UTC" else None
    if city and not first.lower().startswith("topic:"):
        footer = f"{footer} Took {first!r} as the topic; for that time zone use: /digest schedule {at} {city}".strip()
    return Reply(
        title=f"Digest #{schedule.id} scheduled",
        sections=(Section(text=_describe(schedule, ctx.now())),),
        actions=(
            Action("Digest now", "digest", "now"),
            Action(f"Cancel #{schedule.id}", "digest", f"cancel {schedule.id}"),
        ),
        footer=footer,
    )


def _describe(s: Schedule, now: datetime) -> str:
    about = f"stories about {s.topic}" if s.topic else "all stories"
    if s.exclude:
        about += f", leaving out {', '.join(s.exclude.split())}"
    return f"Every day at {s.time_of_day} {s.timezone}: {about}. Next: {local_label(s, next_due(s, now))}."


async def _list(ctx: Context) -> Reply:
    req = ctx.request
    store = ctx.store
    schedules = await store.schedules(req.place, req.platform)
    now = ctx.now()
    items = []
    for s in schedules:
        text = _describe(s, now)
        last = await store.last_delivery(s.id)
        if last is not None:
            text += f" Last: {last.local_date} {last.status}"
            text += f" ({last.error})." if last.error else "."
        items.append(Item(text=text, label=f"#{s.id}"))
    if items:
        first = Section(heading="Digests for this channel", items=tuple(items))
    else:
        first = Section(heading="Digests for this channel", text=f"None yet. Try: {EXAMPLE}")
    sections = [first]
    feeds = await store.feeds()
    if feeds:
        rows = []
        for f in feeds[:MAX_FEEDS_SHOWN]:
            polled = f.last_polled or "not yet"
            text = f"{f.title or f.url} — {f.entries} articles; last polled {polled}"
            text += f"; last error: {f.last_error}" if f.last_error else ""
            rows.append(Item(text=text, label="failing" if f.last_error else "ok"))
        more = f"And {len(feeds) - MAX_FEEDS_SHOWN} more." if len(feeds) > MAX_FEEDS_SHOWN else ""
        sections.append(Section(heading="Feeds", items=tuple(rows), text=more))
    actions = tuple(Action(f"Cancel #{s.id}", "digest", f"cancel {s.id}") for s in schedules[:5])
    return Reply(title="Digests", sections=tuple(sections), actions=actions)


async def _cancel(ctx: Context, rest: list[str]) -> Reply:
    store = ctx.store
    sid = await cancel_numbered(ctx, rest, "digest", store.cancel_schedule, store.schedules)
    if isinstance(sid, Reply):
        return sid
    scheduler = ctx.services.scheduler
    if scheduler is not None:
        scheduler.remove(sid)
    return Reply(
        title=f"Digest #{sid} cancelled", sections=(Section(text="It will not be posted again."),)
    )


async def _now(ctx: Context, rest: list[str]) -> Reply:
    """The digest as it would be posted now; it does not use up the day's scheduled post."""
    req = ctx.request
    mine = await ctx.store.schedules(req.place, req.platform)
    pick = mine[0] if mine else None
    if rest:
        m = re.fullmatch(r"#?(\d{1,9})", rest[0])
        chosen = [s for s in mine if m and s.id == int(m.group(1))]
        if not chosen:
            return error_reply(
                f"There is no digest {rest[0][:30]!r} in this channel.", example="/digest now"
            )
        pick = chosen[0]
    now = ctx.now()
    if pick is None:
        digest = await build_digest(
            ctx.store,
            ctx.config,
            place=req.place,
            platform=req.platform,
            day=now.astimezone(UTC).date(),
            hour=now.astimezone(UTC).hour,
            now=now,
        )
        return digest.reply
    local = now.astimezone(ZoneInfo(pick.timezone))
    digest = await build_digest(
        ctx.store,
        ctx.config,
        place=req.place,
        platform=req.platform,
        day=local.date(),
        hour=local.hour,
        now=now,
        topic=pick.topic,
        exclude=pick.exclude,
        covered_until=await ctx.store.covered_until(pick.id),
        indexed_through=await ctx.store.indexed_through(pick.id),
    )
    return digest.reply
