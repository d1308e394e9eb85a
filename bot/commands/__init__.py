"""The command table: name -> how to run it, how to use it, and an example that works."""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.commands.context import Context
from bot.model import Option, Reply, Subcommand

Runner = Callable[[Context, str], Awaitable[Reply]]

# The summary methods /summary takes by name (summaries.METHODS holds the classes; a test keeps
# the two equal). Named here so the command table loads without the summarisers.
SUMMARY_METHODS = ("news", "lead", "lexrank", "textrank", "lsa", "luhn")


def _shown(opt: Option) -> str:
    return opt.shown or (f"<{opt.name}>" if opt.required else f"[{opt.name}]")


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """One command's grammar: its typed options or subcommands, usage, example and description.

    Discord builds its command tree from `options`/`subcommands`, /help and error replies show
    `usage`, the core checks typed values against the options, and `offload` says the command
    only reads the store, so a worker process may run it.
    """

    name: str
    example: str
    description: str
    options: tuple[Option, ...] = ()
    subcommands: tuple[Subcommand, ...] = ()
    admin_only: bool = False
    offload: bool = False

    @property
    def usage(self) -> str:
        """'/summary <article id | URL | search words> [sentences] [method]', from the grammar."""
        if self.subcommands:
            parts = [
                " ".join(
                    ([] if sub.shown == "-" else [sub.shown or sub.name])
                    + [_shown(o) for o in sub.options]
                )
                for sub in self.subcommands
            ]
            return f"/{self.name} " + " | ".join(parts)
        return " ".join([f"/{self.name}", *(_shown(o) for o in self.options)])

    def options_of(self, sub: str = "") -> tuple[Option, ...]:
        """The options of the command, or of one of its subcommands."""
        if not sub:
            return self.options
        return next((s.options for s in self.subcommands if s.name == sub), ())

    def option(self, name: str, sub: str = "") -> Option:
        """One option of the command (or of a subcommand), by name."""
        return next(o for o in self.options_of(sub) if o.name == name)

    def runner(self) -> Runner:
        """The module's `run`, imported on first use so start-up stays fast."""
        return importlib.import_module(f"bot.commands.{self.name}").run


_TOPIC = Option("topic", "only stories on this topic, e.g. Kursk")
_ZONE = Option("timezone", "e.g. Europe/Kyiv (default UTC)")

COMMANDS: dict[str, CommandSpec] = {
    spec.name: spec
    for spec in (
        CommandSpec(
            "brief",
            "/brief Kursk",
            "today's stories across sources, with figures and quotes",
            options=(
                _TOPIC,
                Option("since", "how far back, e.g. 24h, 3d or 2024-08-10"),
                Option(
                    "page",
                    "the next stories, page 2 on",
                    kind="int",
                    low=1,
                    high=10_000,
                    shown="[page N]",
                ),
            ),
            offload=True,
        ),
        CommandSpec(
            "summary",
            "/summary Kursk incursion 3",
            "an extractive summary of one article or of a search",
            options=(
                Option(
                    "query",
                    "an article id, a URL, or search words",
                    required=True,
                    shown="<article id | URL | search words>",
                ),
                Option("sentences", "how many sentences", kind="int", low=1, high=10),
                Option(
                    "method",
                    "summariser, e.g. lexrank or lead",
                    choices=SUMMARY_METHODS,
                    noun="summary method",
                ),
            ),
            offload=True,
        ),
        CommandSpec(
            "who",
            "/who said kick the enemy out",
            "who said a phrase, a person's quotes, or who spoke about a topic",
            options=(
                Option(
                    "said",
                    "a phrase, a person, or a topic",
                    required=True,
                    suggest="speaker",
                    shown="said <phrase | person | topic>",
                ),
            ),
            offload=True,
        ),
        CommandSpec(
            "figures",
            "/figures territory",
            "the figures each source gives, with claimant and conflicts",
            options=(
                Option(
                    "topic",
                    "e.g. territory, troops, casualties, money",
                    required=True,
                    suggest="topic",
                ),
            ),
            offload=True,
        ),
        CommandSpec(
            "quote",
            "/quote situation is under our control",
            "the exact source passage with its article, outlet, date and link",
            options=(
                Option(
                    "phrase",
                    "a phrase, or a citation such as 1a2b3c:120-260",
                    required=True,
                    shown="<phrase | citation>",
                ),
            ),
            offload=True,
        ),
        CommandSpec(
            "search",
            "/search Kursk evacuation",
            "ranked articles with snippets",
            options=(Option("words", "what to look for", required=True),),
            offload=True,
        ),
        CommandSpec(
            "articles",
            "/articles",
            "what is indexed, newest first",
            options=(Option("page", "page number", kind="int", low=1, high=10_000),),
            offload=True,
        ),
        CommandSpec(
            "ingest",
            "/ingest https://example.com/feed.xml",
            "add an article or subscribe to a feed (admins)",
            options=(
                Option(
                    "url",
                    "an article URL or an RSS/Atom feed URL",
                    required=True,
                    shown="<url | feed url>",
                ),
            ),
            admin_only=True,
        ),
        CommandSpec(
            "digest",
            "/digest schedule 07:30 Europe/Kyiv",
            "morning digests for this channel",
            subcommands=(
                Subcommand(
                    "schedule",
                    "post a digest in this channel every day",
                    (
                        Option("time", "HH:MM, e.g. 07:30", required=True, shown="<HH:MM>"),
                        _ZONE,
                        Option("topic", _TOPIC.description, shown="[topic:word]"),
                        Option(
                            "exclude",
                            "leave out stories about these words, e.g. sport",
                            shown="[-word]",
                        ),
                    ),
                ),
                Subcommand("list", "the digests set for this channel"),
                Subcommand(
                    "cancel",
                    "stop a digest",
                    (Option("id", "the id shown by /digest list", required=True),),
                ),
                Subcommand("now", "post this channel's digest now"),
            ),
        ),
        CommandSpec(
            "watch",
            "/watch Putin",
            "alerts here when new articles quote a person, add to a story or give figures on a topic",
            subcommands=(
                Subcommand(
                    "add",
                    "alerts here when new articles quote a person, add to a story or give figures on a topic",
                    (
                        Option(
                            "target",
                            "a person, a topic or a story id, e.g. Putin",
                            required=True,
                            shown="<person | topic | story id>",
                        ),
                    ),
                    shown="-",  # free text: /watch Putin
                ),
                Subcommand("list", "the watches set for this channel"),
                Subcommand(
                    "cancel",
                    "stop a watch",
                    (Option("id", "the id shown by /watch list", required=True),),
                ),
                Subcommand(
                    "quiet",
                    "hours with no alerts",
                    (
                        Option(
                            "hours",
                            "HH:MM-HH:MM, e.g. 22:00-07:00, or off",
                            required=True,
                            shown="<HH:MM-HH:MM>",
                        ),
                        Option("timezone", "e.g. Europe/London (default UTC)"),
                    ),
                ),
            ),
        ),
    )
}
COMMANDS["help"] = CommandSpec(
    "help",
    "/help figures",
    "the commands, with an example each",
    options=(Option("command", "a command to explain", choices=(*COMMANDS, "help")),),
)

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
