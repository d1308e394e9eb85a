"""Watch alerts: match newly indexed articles to watches, queue each update once, post them
flood-controlled, threaded per story, never twice.

The scan follows a cursor over the store's article keys (kept in the store, so a restart resumes
where it stopped and articles indexed while the bot was down still alert). Queuing is idempotent
(unique per channel and update), so two processes scanning the same articles queue each update
once. Posting uses the digest's exactly-once rule through claims in the store (watch_common.py).
Flood control: at most `per_hour` posts per channel in any hour; when more are waiting than the
hour has room for, the last post of the hour carries all of them as one "N more updates" message
(it waits for a minute without new updates, so a burst goes out whole in it).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.delivery import Router, post_threaded
from bot.model import Action, Item, Reply, Section, utc_iso
from bot.store.base import ArticleRef, QueuedAlert, QuietHours, Watch
from bot.watch_match import Update, updates_for

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
SCAN_BATCH = 200
HOUR = timedelta(hours=1)
FOLD_SETTLE = timedelta(seconds=60)  # the hour's last post waits for this long a lull
_TITLES = {
    "quote": "New quote: {label}",
    "figure": "New figure on {watch}",
    "story": "New story on {watch}",
    "source": "New source on story #{story}",
}


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Posted:
    """What one post carried (for the console, tests and the log)."""

    platform: str
    place: str
    reply: Reply
    alert_ids: tuple[int, ...]
    thread: str | None = None


def in_quiet(quiet: QuietHours | None, now: datetime) -> bool:
    """Whether now falls in the channel's quiet window (local, wrapping past midnight)."""
    if quiet is None:
        return False
    local = now.astimezone(ZoneInfo(quiet.timezone)).strftime("%H:%M")
    if quiet.start <= quiet.end:
        return quiet.start <= local < quiet.end
    return local >= quiet.start or local < quiet.end


def _group(alerts: Sequence[QueuedAlert]) -> list[list[QueuedAlert]]:
    """One post per watch and article: an article with three new quotes is one alert."""
    groups: dict[tuple[int, str], list[QueuedAlert]] = {}
    for a in alerts:
        groups.setdefault((a.watch_id, str(a.body.get("article_id", a.id))), []).append(a)
    return list(groups.values())


def _item(update: Update, cite: int) -> Item:
    marks = (update.mark,) if update.mark else ()
    return Item(text=update.text, cite=cite, label=update.label, marks=marks)


def alert_reply(group: Sequence[QueuedAlert]) -> Reply:
    """One short alert: what is new, the verbatim lines, their citations, a Show source button."""
    updates = [Update.from_dict(a.body) for a in group]
    first = updates[0]
    title = _TITLES.get(first.kind, "New update on {watch}").format(
        label=first.label or first.watch, watch=first.watch, story=first.story_id
    )
    citations = tuple(dict.fromkeys(u.citation for u in updates))
    index = {c: i for i, c in enumerate(citations)}
    items = tuple(_item(u, index[u.citation]) for u in updates)
    article = first.citation
    heading = f"{article.title} — {article.outlet}".strip(" —") if article.outlet else article.title
    return Reply(
        title=title,
        sections=(Section(heading=heading, items=items, sources=(0,)),),
        citations=citations,
        actions=(Action("Show source", "quote", citations[0].ref),),
        footer=f"Watch #{first.watch_id} ({first.watch}); /watch cancel {first.watch_id} stops it.",
    )


def folded_reply(groups: Sequence[Sequence[QueuedAlert]]) -> Reply:
    """Every held update in one message, none left out (the adapter splits it if it is long)."""
    updates = [Update.from_dict(a.body) for g in groups for a in g]
    citations = tuple(dict.fromkeys(u.citation for u in updates))
    index = {c: i for i, c in enumerate(citations)}
    by_watch: dict[tuple[int, str], list[Update]] = defaultdict(list)
    for u in updates:
        by_watch[(u.watch_id, u.watch)].append(u)
    sections = tuple(
        Section(
            heading=f"Watch #{wid}: {target}",
            items=tuple(_item(u, index[u.citation]) for u in ups),
        )
        for (wid, target), ups in by_watch.items()
    )
    return Reply(
        title=f"{len(groups)} more updates",
        sections=sections,
        citations=citations,
        footer="Folded to keep this channel's alerts within the hourly limit ([alerts] per_hour).",
    )


class AlertEngine:
    """Scans new articles against watches and posts what is queued; `now` injectable for tests."""

    def __init__(
        self,
        store: Any,
        delivery: Router,
        *,
        per_hour: int = 6,
        every: float = 0.5,
        now: Clock | None = None,
        settle: timedelta = FOLD_SETTLE,
    ) -> None:
        self.store = store
        self.delivery = delivery
        self.per_hour = max(1, per_hour)
        self.every = every
        self.settle = settle
        self.now = now or _utcnow
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._stopping = asyncio.Event()

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        if self._task is None:
            self._stopping.clear()
            self._task = asyncio.create_task(self._loop(), name="alerts")

    async def stop(self) -> None:
        """Stop between steps (a post is never cut off half way, which would leave an unconfirmed claim)."""
        task, self._task = self._task, None
        if task is not None:
            self._stopping.set()
            await task

    async def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.step()
            except Exception:
                log.exception("alerts: a step failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.every)

    async def step(self) -> list[Posted]:
        """Scan what is new, then post what is due."""
        async with self._lock:
            await self.scan()
            return await self.flush()

    # -- scanning -----------------------------------------------------------------------

    async def scan(self) -> int:
        """Queue the updates of every article indexed since the cursor; returns how many were queued."""
        store = self.store
        watches: list[Watch] = await store.watches()
        if not watches:  # nothing to match (and no write: a bot without watches only reads)
            return 0
        # Articles before the oldest watch can match none: start after them.
        cursor = max(await store.alert_cursor() or 0, min(w.since_pk for w in watches))
        queued = 0
        while True:
            new = await store.articles_after(cursor, SCAN_BATCH)
            if not new:
                return queued
            queued += await self._scan_batch(watches, new)
            cursor = new[-1].pk
            await store.set_alert_cursor(cursor)
            if len(new) < SCAN_BATCH:
                return queued

    async def _scan_batch(self, watches: list[Watch], new: Sequence[Any]) -> int:
        store = self.store
        live = [a for a in new if any(w.since_pk < a.pk for w in watches)]
        if not live:
            return 0
        ids = [a.article_id for a in live]
        quotes = defaultdict(list)
        for q in await store.quotes_for_articles(ids):
            quotes[q.article.id].append(q)
        figures = defaultdict(list)
        for f in await store.figures_for_articles(ids):
            figures[f.article.id].append(f)
        refs = {r.id: r for r in await _refs(store, ids)}
        queued = 0
        created = utc_iso(self.now())
        for a in live:
            ref = refs.get(a.article_id)
            if ref is None:
                continue
            starts = a.story_id is not None and await store.story_first_pk(a.story_id) == a.pk
            for w in watches:
                if w.since_pk >= a.pk:
                    continue
                for u in updates_for(
                    w, ref, quotes[a.article_id], figures[a.article_id], a.story_id, starts
                ):
                    queued += await store.queue_alert(
                        w.id, u.key, w.platform, w.place, u.story_id, a.pk, u.to_dict(), created
                    )
        return queued

    # -- posting ------------------------------------------------------------------------

    async def flush(self) -> list[Posted]:
        """Post each channel's pending alerts that its quiet hours and hourly budget allow."""
        posted: list[Posted] = []
        platforms = set(self.delivery.platforms)
        for platform, place in await self.store.pending_alert_channels():
            if platform in platforms:
                posted += await self._flush_channel(platform, place)
        return posted

    async def _flush_channel(self, platform: str, place: str) -> list[Posted]:
        store = self.store
        now = self.now()
        if in_quiet(await store.quiet_hours(platform, place), now):
            return []
        budget = self.per_hour - await store.alert_posts_since(platform, place, utc_iso(now - HOUR))
        if budget <= 0:
            return []
        token = uuid.uuid4().hex
        held = await store.claim_alerts(platform, place, token, utc_iso(now))
        if not held:
            return []
        if budget == 1 and max(a.created_at for a in held) > utc_iso(now - self.settle):
            # The hour's last post: wait until the burst is over, so one message carries all of it.
            await store.release_alerts(token)
            return []
        groups = _group(held)
        singles, folded = (
            (groups, []) if len(groups) <= budget else (groups[: budget - 1], groups[budget - 1 :])
        )
        done: list[Posted] = []
        try:
            for group in singles:
                done.append(await self._post_group(platform, place, token, group))
            if folded:
                reply = folded_reply(folded)
                await self.delivery.post(platform, place, reply)
                ids = tuple(a.id for g in folded for a in g)
                await self._finish(ids, token, f"{token}:fold")
                done.append(Posted(platform, place, reply, ids))
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            log.warning("alerts to %s:%s could not be posted: %s", platform, place, error)
            await store.fail_alerts(token, error)
        finally:
            await store.release_alerts(token)
        for p in done:
            log.info("alert posted to %s:%s (%d updates)", platform, place, len(p.alert_ids))
        return done

    async def _post_group(
        self, platform: str, place: str, token: str, group: list[QueuedAlert]
    ) -> Posted:
        store = self.store
        reply = alert_reply(group)
        story = group[0].story_id
        thread = await store.story_thread(platform, place, story) if story is not None else None
        ref = await post_threaded(self.delivery, platform, place, reply, thread)
        if story is not None and thread is None and ref:
            await store.set_story_thread(platform, place, story, ref)
        ids = tuple(a.id for a in group)
        await self._finish(ids, token, f"{token}:{ids[0]}")
        return Posted(platform, place, reply, ids, ref or thread)

    async def _finish(self, ids: Sequence[int], token: str, message: str) -> None:
        posted_at = utc_iso(self.now())
        for alert_id in ids:
            await self.store.finish_alert(alert_id, token, posted_at, message)


async def _refs(store: Any, ids: Sequence[str]) -> list[ArticleRef]:
    """Citation facts for the articles (their texts are not needed)."""
    return [
        ArticleRef(a.id, a.title, a.outlet, a.published, a.url) for a in await store.articles(ids)
    ]
