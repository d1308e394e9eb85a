"""What every adapter shares: the Adapter protocol and splitting text to a platform's limit."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Protocol, TypeVar

from bot.core import Core
from bot.delivery import Sent

M = TypeVar("M")


class Adapter(Protocol):
    """A platform connection: translates events into core Requests and renders Replies."""

    name: str

    async def start(self, core: Core) -> None:
        """Connect and begin handling commands (returns once listening)."""

    async def stop(self) -> None:
        """Disconnect cleanly."""


def settings_fields(settings: type[Any], config: Any) -> dict[str, Any]:
    """The values of a config section's fields that an adapter's settings class also has, by name:
    one list of fields (the settings class), nothing copied across by hand."""
    names = {f.name for f in dataclasses.fields(settings)}
    return {f.name: getattr(config, f.name) for f in dataclasses.fields(config) if f.name in names}


def split_text(text: str, limit: int) -> list[str]:
    """Split text into chunks of at most `limit` characters, preferring line, then word breaks.

    Every character of the input survives (apart from the break whitespace), so a
    verbatim quote is never silently shortened.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit + 1)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest or not chunks:
        chunks.append(rest)
    return chunks


def split_command(line: str) -> tuple[str, str]:
    """'/search\tKursk' -> ('search', 'Kursk'): the command ends at any whitespace, not only a space."""
    parts = line.strip().lstrip("/").split(None, 1)
    return (parts[0] if parts else ""), (parts[1].strip() if len(parts) > 1 else "")


async def post_remaining(
    messages: Iterable[M], send: Callable[[M], Awaitable[object]], done: int, sent: Sent | None
) -> None:
    """Post a reply's messages after the first `done` (those a failed attempt already posted),
    noting each one as it goes out, so a retry never posts a message twice."""
    for i, message in enumerate(messages):
        if i < done:
            continue
        await send(message)
        if sent is not None:
            await sent(i + 1)
