"""One grammar per command: usage, typed options and free text all give the same arguments,
and the core runs offloadable commands on the dispatcher it was made with (issue #24)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from bot.commands import COMMANDS
from bot.commands.brief import BriefArgs
from bot.commands.brief import from_request as brief_args
from bot.commands.context import Services
from bot.commands.summary import SummaryArgs
from bot.commands.summary import from_request as summary_args
from bot.core import Core
from bot.model import Reply, Request
from tests.conftest import reply_text

NOW = datetime(2024, 8, 12, 12, 0, tzinfo=UTC)

# What /help and error replies showed before the grammar was written once: unchanged.
USAGE = {
    "brief": "/brief [topic] [since] [page N]",
    "summary": "/summary <article id | URL | search words> [sentences] [method]",
    "who": "/who said <phrase | person | topic>",
    "figures": "/figures <topic>",
    "quote": "/quote <phrase | citation>",
    "search": "/search <words>",
    "articles": "/articles [page]",
    "ingest": "/ingest <url | feed url>",
    "digest": "/digest schedule <HH:MM> [timezone] [topic:word] [-word] | list | cancel <id> | now",
    "watch": "/watch <person | topic | story id> | list | cancel <id> | quiet <HH:MM-HH:MM> [timezone]",
    "help": "/help [command]",
}


def test_usage_lines_come_from_the_options() -> None:
    assert {name: spec.usage for name, spec in COMMANDS.items()} == USAGE


def test_only_read_commands_may_run_in_a_worker() -> None:
    offload = {name for name, spec in COMMANDS.items() if spec.offload}
    assert offload == {"brief", "summary", "who", "figures", "quote", "search", "articles"}


def test_free_text_and_typed_options_give_the_same_arguments() -> None:
    free = summary_args(Request("summary", "Kursk incursion 2 lead"), "Kursk incursion 2 lead")
    typed = summary_args(
        Request(
            "summary", options=(("query", "Kursk incursion"), ("sentences", 2), ("method", "lead"))
        ),
        "",
    )
    assert free == SummaryArgs("Kursk incursion", 2, "lead")
    assert typed == SummaryArgs("Kursk incursion", 2, "lead", typed=True)
    # typed, the whole query is the query, whatever its last word looks like
    kept = summary_args(Request("summary", options=(("query", "Kursk 2024"),)), "")
    assert kept == SummaryArgs("Kursk 2024", typed=True)
    assert brief_args(Request("brief", "Kursk 2d page 2"), "Kursk 2d page 2", NOW) == BriefArgs(
        "Kursk", datetime(2024, 8, 10, 12, 0, tzinfo=UTC), 2, "Kursk 2d"
    )
    assert brief_args(
        Request("brief", options=(("topic", "Kursk"), ("since", "2d"), ("page", 2))), "", NOW
    ) == BriefArgs("Kursk", datetime(2024, 8, 10, 12, 0, tzinfo=UTC), 2, "Kursk 2d")


@pytest.mark.parametrize(
    ("typed", "free"),
    [
        (Request("who", options=(("said", "kick the enemy out"),)), "said kick the enemy out"),
        (Request("figures", options=(("topic", "territory"),)), "territory"),
        (Request("search", options=(("words", "Kursk evacuation"),)), "Kursk evacuation"),
        (Request("articles", options=(("page", 1),)), "1"),
        (Request("help", options=(("command", "quote"),)), "quote"),
    ],
)
async def test_one_option_commands_answer_typed_as_they_answer_text(
    core: Core, typed: Request, free: str
) -> None:
    assert await core.handle(typed) == await core.handle(Request(typed.command, free))


async def test_typed_values_outside_the_grammar_are_refused_with_an_example(core: Core) -> None:
    reply = await core.handle(Request("articles", options=(("page", 0),)))
    assert reply.error and "Page must be between 1 and 10000 (you asked for 0)." in reply_text(
        reply
    )
    reply = await core.handle(Request("digest", sub="teleport"))
    assert reply.error and "I don't know /digest teleport." in reply_text(reply)
    reply = await core.handle(Request("search", options=(("color", "red"),)))
    assert reply.error and "/search has no option 'color'." in reply_text(reply)


class Recording:
    """A dispatcher that answers every request itself and remembers them."""

    def __init__(self) -> None:
        self.requests: list[Request] = []

    def busy(self) -> bool:
        return False

    async def handle(self, request: Request) -> Reply:
        self.requests.append(request)
        return Reply(title=f"from the dispatcher: /{request.command}")


async def test_the_dispatcher_given_at_construction_runs_the_offloadable_commands(
    core: Core,
) -> None:
    dispatcher = Recording()
    busy_core = core.with_dispatcher(dispatcher)
    assert (await busy_core.handle(Request("search", "Kursk"))).title == (
        "from the dispatcher: /search"
    )
    assert not (await busy_core.handle(Request("help"))).title.startswith("from the dispatcher")
    assert [r.command for r in dispatcher.requests] == ["search"]
    assert core.dispatcher is None  # the core it came from is unchanged


def test_services_cannot_be_changed_after_the_core_is_made(core: Core) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        core.services.scheduler = None  # type: ignore[misc]
    assert isinstance(core.services, Services) and core.services.fetcher is not None
