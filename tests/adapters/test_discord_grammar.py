"""Discord's typed options reach the commands as typed values, as the user meant them (issue #24).

Each case goes through discord.py's real command tree (the tree built from the core's grammar)
and the real core over the seeds; a free-text platform's answer is beside it where they agree.
"""

from __future__ import annotations

from typing import Any

import pytest
from discord import app_commands

from adapters.discord import DiscordAdapter
from bot.commands import COMMANDS, SUMMARY_METHODS
from bot.core import Core
from bot.model import Request
from tests.adapters.test_discord import ADMIN_ID, PAYLOADS, SpyCore, option, run_tree, spy, unit

__all__ = ["spy", "unit"]  # the fixtures, used by name


def shown(log: list[Any]) -> str:
    """Everything the user was shown: messages, embed titles, descriptions and footers."""
    parts: list[str] = []
    for entry in log:
        if entry[0] not in ("followup", "respond"):
            continue
        _, content, kwargs = entry
        parts.append(content or "")
        for embed in kwargs.get("embeds") or []:
            parts += [embed.title or "", embed.description or "", embed.footer.text or ""]
    return "\n".join(p for p in parts if p)


def answered(spy: SpyCore) -> Any:
    return spy.requests[-1]


async def ask_free_text(core: Core, command: str, args: str) -> str:
    reply = await core.handle(Request(command, args))
    return "\n".join([reply.title, *(s.text for s in reply.sections), reply.footer])


async def test_summary_query_with_a_year_summarises_that_search(
    unit: DiscordAdapter, spy: SpyCore
) -> None:
    log = await run_tree(unit, PAYLOADS.command("summary", [option("query", "Kursk 2024")]))
    text = shown(log)
    assert "Sentences must be" not in text
    assert "on “Kursk 2024”" in text or "matches 'Kursk 2024'" in text
    assert "Kursk" in text


async def test_summary_query_ending_in_a_method_name_searches_the_whole_query(
    unit: DiscordAdapter, spy: SpyCore
) -> None:
    log = await run_tree(unit, PAYLOADS.command("summary", [option("query", "Kursk lead")]))
    text = shown(log)
    assert "— lead," not in text  # not "Kursk" summarised by the lead method
    assert "“Kursk lead”" in text or "'Kursk lead'" in text


async def test_summary_method_is_offered_as_choices_and_sentences_bounded_as_the_command(
    unit: DiscordAdapter,
) -> None:
    summary = unit.client.tree.get_command("summary")
    assert isinstance(summary, app_commands.Command)
    params = {p.name: p for p in summary.parameters}
    assert [c.value for c in params["method"].choices] == list(SUMMARY_METHODS)
    assert (params["sentences"].min_value, params["sentences"].max_value) == (1, 10)
    grammar = {o.name: o for o in COMMANDS["summary"].options}["sentences"]
    assert (grammar.low, grammar.high) == (1, 10)


def test_the_grammar_names_every_summariser() -> None:
    from summaries import METHODS

    assert set(SUMMARY_METHODS) == set(METHODS)


async def test_summary_with_a_chosen_method_uses_it(unit: DiscordAdapter, spy: SpyCore) -> None:
    options = [option("query", "Kursk incursion"), option("method", "lead")]
    log = await run_tree(unit, PAYLOADS.command("summary", options))
    assert answered(spy).options == (("query", "Kursk incursion"), ("method", "lead"))
    assert "Kursk" in shown(log)


async def test_an_unknown_method_gets_did_you_mean_on_every_platform(
    unit: DiscordAdapter, spy: SpyCore
) -> None:
    # a client with an old command list can still send a method Discord no longer offers
    options = [option("query", "Kursk incursion"), option("method", "lexrnk")]
    text = shown(await run_tree(unit, PAYLOADS.command("summary", options)))
    assert "Unknown summary method 'lexrnk'. Did you mean lexrank?" in text
    bogus = shown(
        await run_tree(unit, PAYLOADS.command("summary", [*options[:1], option("method", "bogus")]))
    )
    assert "Unknown summary method 'bogus'" in bogus and "lexrank" in bogus
    assert "No indexed article" not in bogus
    # free text (Slack, the console): the method's place after an article id
    [article] = await spy.core.store.recent_articles(limit=1)
    free = await spy.core.handle(Request("summary", f"{article.id} 3 lexrnk"))
    assert free.error and "Did you mean lexrank?" in free.sections[0].text


@pytest.mark.parametrize("count", [0, 11, 20])
async def test_sentences_out_of_range_get_the_same_answer_on_every_platform(
    unit: DiscordAdapter, spy: SpyCore, count: int
) -> None:
    options = [option("query", "Kursk incursion"), option("sentences", count, kind=4)]
    typed = shown(await run_tree(unit, PAYLOADS.command("summary", options)))
    free = await ask_free_text(spy.core, "summary", f"Kursk incursion {count}")
    message = f"Sentences must be between 1 and 10 (you asked for {count})."
    assert message in typed and message in free


@pytest.mark.parametrize("topic", ["Israel", "Iran", "Poland", "Turkey", "EST"])
async def test_digest_schedule_keeps_a_topic_that_is_also_a_time_zone(
    unit: DiscordAdapter, spy: SpyCore, topic: str
) -> None:
    schedule = {
        "name": "schedule",
        "type": 1,
        "options": [option("time", "07:30"), option("topic", topic)],
    }
    log = await run_tree(unit, PAYLOADS.command("digest", [schedule], user_id=ADMIN_ID))
    text = shown(log)
    assert f"Every day at 07:30 UTC: stories about {topic}." in text
    assert "as the time zone" not in text
    [saved] = await spy.core.store.schedules(str(answered(spy).place), "discord")  # type: ignore[attr-defined]
    assert (saved.topic, saved.timezone) == (topic, "UTC")


async def test_digest_schedule_with_zone_topic_and_exclude_words(
    unit: DiscordAdapter, spy: SpyCore
) -> None:
    schedule = {
        "name": "schedule",
        "type": 1,
        "options": [
            option("time", "7:30pm"),
            option("timezone", "europe/kyiv"),
            option("topic", "Kursk oblast"),
            option("exclude", "sport weather"),
        ],
    }
    text = shown(await run_tree(unit, PAYLOADS.command("digest", [schedule], user_id=ADMIN_ID)))
    assert (
        "Every day at 19:30 Europe/Kyiv: stories about Kursk oblast, leaving out sport, weather."
        in text
    )


async def test_brief_topic_is_never_read_as_a_time(unit: DiscordAdapter, spy: SpyCore) -> None:
    typed = shown(await run_tree(unit, PAYLOADS.command("brief", [option("topic", "2024")])))
    assert "as a time" not in typed  # free text "/brief 2024" is a time; typed it is a topic
    bad = shown(
        await run_tree(
            unit, PAYLOADS.command("brief", [option("topic", "Kursk"), option("since", "soon")])
        )
    )
    assert "I can't read 'soon' as a time." in bad


async def test_watch_subcommands_take_their_typed_values(
    unit: DiscordAdapter, spy: SpyCore
) -> None:
    quiet = {
        "name": "quiet",
        "type": 1,
        "options": [option("hours", "22:00-07:00"), option("timezone", "Europe/London")],
    }
    text = shown(await run_tree(unit, PAYLOADS.command("watch", [quiet])))
    assert "No alerts from 22:00 to 07:00 Europe/London" in text
    add = {"name": "add", "type": 1, "options": [option("target", "list")]}
    text = shown(await run_tree(unit, PAYLOADS.command("watch", [add])))
    assert "Watch #1 on" in text  # typed, "list" is what to watch, not the list subcommand
