"""Every renderer says "date unknown" for a source without a date (issue 20): the seeds give
none, and the indexing time must never be shown as when they were published."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest

from adapters import discord_render, slack_render
from adapters.console import render_text
from bot.model import Reply

COMMANDS = (
    "/summary 004_777959b668a2fcee",
    "/who said kick the enemy out",
    "/figures territory",
    "/quote situation is under our control",
    "/search Kursk",
    "/articles",
    "/brief",
)


@pytest.mark.parametrize("command", COMMANDS)
async def test_undated_sources_say_date_unknown_in_every_renderer(
    ask: Callable[[str], Awaitable[Reply]], command: str
) -> None:
    reply = await ask(command)
    assert not reply.error and reply.citations, command
    assert all(c.published == "" for c in reply.citations)
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    for name, shown in (
        ("console", render_text(reply)),
        ("slack", repr(slack_render.render(reply))),
        ("discord", repr(discord_render.render(reply))),
    ):
        assert "date unknown" in shown, (command, name)
        assert today not in shown, (command, name)
