"""/help: every command with one example that works."""

from __future__ import annotations

from bot.commands import ALIASES, COMMANDS
from bot.commands.context import Context
from bot.model import Item, Reply, Section


async def run(ctx: Context, args: str) -> Reply:
    name = ALIASES.get(args.strip().lstrip("/").lower(), args.strip().lstrip("/").lower())
    specs = [COMMANDS[name]] if name in COMMANDS else list(COMMANDS.values())
    items = tuple(
        Item(text=f"{s.usage} — {s.description}. Example: {s.example}", label=f"/{s.name}")
        for s in specs
    )
    footer = (
        ""
        if name in COMMANDS
        else "Every answer is quoted verbatim from indexed articles, with its source."
    )
    return Reply(title="briefbot commands", sections=(Section(items=items),), footer=footer)
