"""/watch: alerts in this channel when new articles quote a person, add to a story or give figures on a topic."""

from __future__ import annotations

import re

from bot.commands import common_words
from bot.commands.context import Context
from bot.commands.numbered import cancel_numbered
from bot.commands.schedule_words import ScheduleInputError, parse_time, parse_zone
from bot.extract.speakers import best_display_name, match_speakers, name_words, speaker_key
from bot.extract.topics import resolve_topic
from bot.model import Action, Item, Reply, Section, error_reply, utc_iso
from bot.store import fts
from bot.store.watch_common import QuietHours, Watch

EXAMPLE = "/watch Putin"
USAGE = (
    "Use /watch <person | topic | story <article id>>, /watch list, /watch cancel <id> "
    "or /watch quiet 22:00-07:00 Europe/London."
)
MAX_PER_CHANNEL = 20
MAX_TARGET = 100
_CANCEL = ("cancel", "stop", "remove", "delete", "rm", "unwatch")
_STORY = re.compile(r"^(?:story\s*)?#?(\d{1,9})$", re.IGNORECASE)
_STORY_OF = re.compile(r"^story\s+(\S{4,80})$", re.IGNORECASE)  # story <article id from a citation>
_RANGE = re.compile(r"^(\S+?)\s*[-–]\s*(\S+)$")


async def run(ctx: Context, args: str) -> Reply:
    """Anyone in the channel may watch for it: a watch only ever posts to the channel it was made in."""
    req = ctx.request
    if req.typed:  # Discord's subcommands, each option's value as typed
        if req.sub == "add":
            return await _add(ctx, str(req.option("target", "")))
        if req.sub == "cancel":
            return await _cancel(ctx, [str(req.option("id", ""))])
        if req.sub == "quiet":
            zone = str(req.option("timezone", ""))
            return await _quiet(ctx, [str(req.option("hours", "")), *([zone] if zone else [])])
        return await _list(ctx)
    words = args.split()
    if not words:
        return await _list(ctx)
    sub = words[0].lower()
    if sub in ("list", "ls", "show"):
        return await _list(ctx)
    if sub in _CANCEL:
        return await _cancel(ctx, words[1:])
    if sub == "quiet":
        return await _quiet(ctx, words[1:])
    if sub in ("add", "on", "new") and len(words) > 1:  # Discord's /watch add target:…
        words = words[1:]
    return await _add(ctx, " ".join(words))


async def _resolve(ctx: Context, target: str) -> tuple[str, str, str] | Reply:
    """(kind, key, display) for what the user typed, or an error Reply."""
    store = ctx.store
    m = _STORY.match(target)
    of = _STORY_OF.match(target) if m is None else None
    if of:
        ids = await store.find_article_ids(of.group(1).split(":")[0], limit=2)
        story_of = await store.story_of(ids[0]) if len(ids) == 1 else None
        if story_of is None:
            return error_reply(
                f"No indexed article has the id {of.group(1)[:40]!r}.",
                example="/watch story 004_777959b668a2fcee",
                hint="Article ids are shown in citations, e.g. (004_777959b668a2fcee:120-260).",
            )
        return "story", str(story_of), f"story #{story_of}"
    if m:
        story = int(m.group(1))
        if await store.story_first_pk(story) is None:
            return error_reply(
                f"There is no story #{story}.",
                example="/watch story 004_777959b668a2fcee",
                hint="Watch a story by an article in it (the id in its citations), or a person or a topic.",
            )
        return "story", str(story), f"story #{story}"
    if resolve_topic(target) is not None:
        return "topic", target, target
    words = name_words(target)
    if words and len(words) <= 4 and not any(ch.isdigit() for ch in target):
        known = [(k, d) for k, d, _ in await store.speakers()]
        capitalised = all(w[:1].isupper() for w in target.split())
        keys = match_speakers(target, known, min_score=80.0 if capitalised else 85.0)
        if keys:
            names = [d for k, d in known if k == keys[0]]
            return "person", keys[0], best_display_name(names) or target
        key = speaker_key(target)
        if capitalised and key:  # someone not quoted yet (the reply says how to watch a place)
            return "person", key, target
    if not fts.content_terms(target):
        return error_reply(f"{target[:40]!r} has no words to watch for.", example=EXAMPLE)
    if refused := common_words.refusal(target, EXAMPLE):  # it would match every article
        return refused
    return "topic", target, target


def _what(w: Watch) -> str:
    if w.kind == "person":
        return f"new quotes by {w.target}"
    if w.kind == "story":
        return f"new sources on {w.target}"
    return f"new figures and stories on {w.target}"


async def _add(ctx: Context, target: str) -> Reply:
    target = " ".join(target.split())
    if len(target) > MAX_TARGET:
        return error_reply(
            f"That is too long to watch (the limit is {MAX_TARGET} characters).", example=EXAMPLE
        )
    resolved = await _resolve(ctx, target)
    if isinstance(resolved, Reply):
        return resolved
    kind, key, display = resolved
    req = ctx.request
    store = ctx.store
    existing = await store.watches(req.place, req.platform)
    for w in existing:
        if (w.kind, w.key.lower()) == (kind, key.lower()):
            return Reply(
                title=f"Watch #{w.id} is already on",
                sections=(Section(text=f"This channel gets alerts for {_what(w)}."),),
                actions=(Action(f"Cancel #{w.id}", "watch", f"cancel {w.id}"),),
            )
    if len(existing) >= MAX_PER_CHANNEL:
        return error_reply(
            f"This channel already has {len(existing)} watches; cancel one first.",
            example="/watch list",
        )
    watch: Watch = await store.add_watch(
        req.place, req.platform, kind, display, key, req.user, utc_iso(ctx.now())
    )
    footer = "Alerts are threaded per story, at most a few an hour; /watch quiet sets quiet hours."
    if (
        kind == "person"
        and display == target
        and not any(k == key for k, _, _ in await store.speakers())
    ):
        footer = (
            f"No one called {target!r} is quoted yet; this watches for their quotes. "
            f"For a place or a topic, type it in lower case: /watch {target.lower()}"
        )
    if ctx.services.scheduler is None and req.platform == "console":
        footer = "`briefbot ingest` prints the alerts this watch would post."
    return Reply(
        title=f"Watch #{watch.id} on",
        sections=(Section(text=f"This channel gets an alert for {_what(watch)}."),),
        actions=(Action(f"Cancel #{watch.id}", "watch", f"cancel {watch.id}"),),
        footer=footer,
    )


async def _list(ctx: Context) -> Reply:
    req = ctx.request
    store = ctx.store
    watches = await store.watches(req.place, req.platform)
    items = tuple(Item(text=f"Alerts for {_what(w)}.", label=f"#{w.id}") for w in watches)
    first = (
        Section(heading="Watches for this channel", items=items)
        if items
        else Section(heading="Watches for this channel", text=f"None yet. Try: {EXAMPLE}")
    )
    sections = [first]
    quiet = await store.quiet_hours(req.platform, req.place)
    if quiet is not None:
        sections.append(Section(text=f"Quiet hours: {quiet.start}-{quiet.end} {quiet.timezone}."))
    actions = tuple(Action(f"Cancel #{w.id}", "watch", f"cancel {w.id}") for w in watches[:5])
    return Reply(title="Watches", sections=tuple(sections), actions=actions)


async def _cancel(ctx: Context, rest: list[str]) -> Reply:
    store = ctx.store
    wid = await cancel_numbered(ctx, rest, "watch", store.cancel_watch, store.watches)
    if isinstance(wid, Reply):
        return wid
    return Reply(
        title=f"Watch #{wid} cancelled", sections=(Section(text="No more alerts from it."),)
    )


async def _quiet(ctx: Context, rest: list[str]) -> Reply:
    """`quiet 22:00-07:00 Europe/London`, or `quiet off`; alerts held in the window go out after it."""
    req = ctx.request
    example = "/watch quiet 22:00-07:00 Europe/London"
    if rest and rest[0].lower() in ("off", "none", "clear"):
        await ctx.store.set_quiet_hours(None, req.platform, req.place)
        return Reply(title="Quiet hours off", sections=(Section(text="Alerts post at any hour."),))
    if not rest:
        return error_reply("Give the quiet hours as HH:MM-HH:MM and a time zone.", example=example)
    text = " ".join(rest)
    m = _RANGE.match(rest[0]) or _RANGE.match(" ".join(rest[:3]))
    if not m:
        return error_reply(f"{text[:40]!r} is not a range of hours.", example=example)
    zone_words = text[m.end() :].split() if m.string == rest[0] else rest[3:]
    try:
        start, end = parse_time(m.group(1)), parse_time(m.group(2))
        zone = parse_zone(zone_words[0]) if zone_words else "UTC"
    except ScheduleInputError as exc:
        return error_reply(str(exc), example=example)
    if start == end:
        return error_reply("The quiet hours start and end at the same time.", example=example)
    quiet = QuietHours(req.platform, req.place, start, end, zone)
    await ctx.store.set_quiet_hours(quiet, req.platform, req.place)
    return Reply(
        title="Quiet hours set",
        sections=(
            Section(
                text=f"No alerts from {start} to {end} {zone}; what comes in meanwhile is posted after."
            ),
        ),
        actions=(Action("Quiet hours off", "watch", "quiet off"),),
    )
