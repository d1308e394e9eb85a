"""Posting unprompted to a channel: the Delivery interface the core owns, and a Router over adapters."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol

from bot.model import Reply

log = logging.getLogger(__name__)

# Called after each message of a multi-part post goes out, with how many are out in all, so a
# retry can resume after them instead of posting the first parts again.
Sent = Callable[[int], Awaitable[None]]


class DeliveryError(Exception):
    """A post could not be made (no adapter for the platform, or the platform refused it)."""


class Delivery(Protocol):
    """Where scheduled digests go; the scheduler only knows this."""

    async def post(
        self, platform: str, place: str, reply: Reply, *, done: int = 0, sent: Sent | None = None
    ) -> None: ...


class Poster(Protocol):
    """The one method every adapter offers for unprompted posts.

    A reply may go out as several messages: skip the first `done`, and await `sent(n)` once
    the n-th is out.
    """

    async def post(
        self, place: str, reply: Reply, *, done: int = 0, sent: Sent | None = None
    ) -> None: ...


class Router:
    """A Delivery over the running adapters, keyed by platform name (Request.platform)."""

    def __init__(self, posters: Mapping[str, Poster]) -> None:
        self._posters = dict(posters)

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(self._posters)

    def poster(self, platform: str) -> Poster:
        poster = self._posters.get(platform)
        if poster is None:
            raise DeliveryError(f"no running adapter for platform {platform!r}")
        return poster

    async def post(
        self, platform: str, place: str, reply: Reply, *, done: int = 0, sent: Sent | None = None
    ) -> None:
        await self.poster(platform).post(place, reply, done=done, sent=sent)


class ThreadPoster(Protocol):
    """An adapter that can post into a thread (alerts about one story share one)."""

    async def post_threaded(self, place: str, reply: Reply, thread: str | None) -> str | None:
        """Post in `thread` (None: at the top of the channel); the thread the post is in, if any."""
        ...


async def post_threaded(
    router: Router, platform: str, place: str, reply: Reply, thread: str | None
) -> str | None:
    """Post through the router, in a thread where the adapter has threads; the thread's reference."""
    poster = router.poster(platform)
    threaded = getattr(poster, "post_threaded", None)
    if threaded is None:
        await router.post(platform, place, reply)
        return None
    return await threaded(place, reply, thread)
