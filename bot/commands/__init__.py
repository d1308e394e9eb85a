"""The command table: name -> how to run it, how to use it, and an example that works."""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.commands.context import Context
from bot.model import Reply

Runner = Callable[[Context, str], Awaitable[Reply]]


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    usage: str
    example: str
    description: str
    admin_only: bool = False

    def runner(self) -> Runner:
        """The module's `run`, imported on first use so start-up stays fast."""
        return importlib.import_module(f"bot.commands.{self.name}").run


COMMANDS: dict[str, CommandSpec] = {
    spec.name: spec
    for spec in (
        CommandSpec(
            "brief",
            "/brief [topic] [since] [page N]",
            "/brief Kursk",
            "today's stories across sources, with figures and quotes",
        ),
        CommandSpec(
            "summary",
            "/summary <article id | URL | search words> [sentences] [method]",
            "/summary Kursk incursion 3",
            "an extractive summary of one article or of a search",
        ),
        CommandSpec(
            "who",
            "/who said <phrase | person | topic>",
            "/who said kick the enemy out",
            "who said a phrase, a person's quotes, or who spoke about a topic",
        ),
        CommandSpec(
            "figures",
            "/figures <topic>",
            "/figures territory",
            "the figures each source gives, with claimant and conflicts",
        ),
        CommandSpec(
            "quote",
            "/quote <phrase | citation>",
            "/quote situation is under our control",
            "the exact source passage with its article, outlet, date and link",
        ),
        CommandSpec(
            "search", "/search <words>", "/search Kursk evacuation", "ranked articles with snippets"
        ),
        CommandSpec("articles", "/articles [page]", "/articles", "what is indexed, newest first"),
        CommandSpec(
            "ingest",
            "/ingest <url | feed url>",
            "/ingest https://example.com/feed.xml",
            "add an article or subscribe to a feed (admins)",
            admin_only=True,
        ),
        CommandSpec(
            "digest",
            "/digest schedule <HH:MM> [timezone] [topic:word] [-word] | list | cancel <id> | now",
            "/digest schedule 07:30 Europe/Kyiv",
            "morning digests for this channel",
        ),
        CommandSpec(
            "watch",
            "/watch <person | topic | story id> | list | cancel <id> | quiet <HH:MM-HH:MM> [timezone]",
            "/watch Putin",
            "alerts here when new articles quote a person, add to a story or give figures on a topic",
        ),
        CommandSpec(
            "help", "/help [command]", "/help figures", "the commands, with an example each"
        ),
    )
}

ALIASES = {
    "who_said": "who",
    "whosaid": "who",
    "figure": "figures",
    "summarize": "summary",
    "summarise": "summary",
    "article": "articles",
    "briefing": "brief",
    "digests": "digest",
    "source": "quote",
    "watches": "watch",
    "alert": "watch",
    "alerts": "watch",
}
