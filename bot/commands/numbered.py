"""Cancelling a channel's numbered item (a digest, a watch): one grammar and one set of replies."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from bot.commands.context import Context
from bot.model import Reply, error_reply


async def cancel_numbered(
    ctx: Context,
    rest: list[str],
    noun: str,
    cancel: Callable[[int, str, str], Awaitable[bool]],
    listing: Callable[[str, str], Awaitable[Sequence[Any]]],
) -> int | Reply:
    """The number cancelled, or the reply saying why nothing was: no number, not a number, or
    not one of this channel's (which then lists the channel's own). `noun` is also the command."""
    req = ctx.request
    if not rest:
        return error_reply(
            f"Which {noun}? Give its number from /{noun} list.", example=f"/{noun} cancel 1"
        )
    m = re.fullmatch(r"#?(\d{1,9})", rest[0])
    if not m:
        return error_reply(f"{rest[0][:30]!r} is not a {noun} number.", example=f"/{noun} cancel 1")
    number = int(m.group(1))
    if await cancel(number, req.place, req.platform):
        return number
    mine = await listing(req.place, req.platform)
    have = ", ".join(f"#{x.id}" for x in mine)
    hint = f"This channel's {noun}s: {have}." if have else f"This channel has no {noun}s."
    return error_reply(
        f"There is no {noun} #{number} in this channel.",
        example=f"/{noun} cancel {mine[0].id}" if mine else f"/{noun} list",
        hint=hint,
    )
