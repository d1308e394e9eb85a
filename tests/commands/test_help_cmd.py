"""/help: every command with an example, one command on its own, and examples that work."""

from __future__ import annotations

import pytest

from bot.commands import ALIASES, COMMANDS
from tests.conftest import reply_text

# Examples that need an admin, the network or a channel's schedule are covered by their own files.
RUNNABLE = [s.name for s in COMMANDS.values() if s.name not in {"ingest", "digest"}]


async def test_help_lists_each_command_once_with_its_usage_and_example(ask) -> None:
    reply = await ask("/help")
    assert not reply.error
    lines = [item.text for item in reply.sections[0].items]
    assert len(lines) == len(COMMANDS)
    for spec in COMMANDS.values():
        (line,) = [line for line in lines if line.startswith(spec.usage + " — ")]
        assert line.endswith(f"Example: {spec.example}")
    assert "verbatim" in reply.footer


@pytest.mark.parametrize("asked", ["quote", "/quote", "QUOTE", "source"])
async def test_help_for_one_command_shows_only_that_command(ask, asked: str) -> None:
    reply = await ask(f"/help {asked}")
    (item,) = reply.sections[0].items
    assert item.text.startswith("/quote <phrase | citation>")
    assert "Example: /quote situation is under our control" in item.text
    assert "/who" not in reply_text(reply)


async def test_help_for_an_unknown_command_shows_them_all(ask) -> None:
    reply = await ask("/help teleport")
    assert not reply.error and len(reply.sections[0].items) == len(COMMANDS)


def test_every_alias_names_a_command() -> None:
    assert set(ALIASES.values()) <= set(COMMANDS)


@pytest.mark.parametrize("name", RUNNABLE)
async def test_the_example_help_gives_works(ask, name: str) -> None:
    reply = await ask(COMMANDS[name].example)
    assert not reply.error, reply_text(reply)
    assert reply.sections
