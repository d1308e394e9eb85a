"""Who may do what: replayed Slack bodies refused, admin-only commands refused to everyone else on
both platforms (end to end), and secrets kept out of replies and exceptions."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from adapters.discord import DiscordAdapter, DiscordSettings
from adapters.slack_guard import ReplayGuard
from bot.commands import COMMANDS
from bot.config import load_config
from bot.core import Core
from tests.adapters.test_discord import TOKEN as DISCORD_TOKEN
from tests.adapters.test_discord import SpyCore as DiscordSpy
from tests.adapters.test_discord import ask as discord_ask
from tests.adapters.test_discord import option, seen
from tests.adapters.test_slack import ADMIN, SECRET, SpyCore, running, send, shown
from tests.fakes.discord_api import GUILD_ID, OWNER_ID, FakeDiscord
from tests.fakes.slack_api import FakeSlack, sign, slash_body

ADMIN_ONLY = sorted(name for name, spec in COMMANDS.items() if spec.admin_only)
# Every command (or subcommand) only admins may run: Slack text, Discord options. The arguments
# pass the admin gate without reaching the network (an unfetchable scheme).
ADMIN_CASES: dict[str, tuple[str, str, list[dict]]] = {
    "ingest": (
        "ingest",
        "ftp://example.invalid/feed.xml",
        [option("url", "ftp://example.invalid/feed.xml")],
    ),
    "digest schedule": (
        "digest",
        "schedule 07:30 Europe/Kyiv",
        [
            {
                "name": "schedule",
                "type": 1,
                "options": [option("time", "07:30"), option("timezone", "Europe/Kyiv")],
            }
        ],
    ),
    "digest cancel": (
        "digest",
        "cancel 1",
        [{"name": "cancel", "type": 1, "options": [option("id", "1")]}],
    ),
}
DISCORD_ADMIN = 900000000000000099


def test_there_is_an_admin_only_command_to_guard() -> None:
    assert ADMIN_ONLY, "no admin-only command left: this file would test nothing"
    assert set(ADMIN_ONLY) <= {name for name, _, _ in ADMIN_CASES.values()}


# --- Slack ------------------------------------------------------------------------------------


async def test_a_replayed_slack_body_is_refused_and_runs_once(
    core: Core, fake_slack: FakeSlack
) -> None:
    spy = SpyCore(core)
    async with running(spy, fake_slack) as adapter:
        body = slash_body("/who", "said kick the enemy out", fake_slack.response_url("r"))
        headers = sign(SECRET, body)
        assert (await send(adapter, body, headers))[0] == 200
        for _ in range(3):  # a captured request sent again within Slack's five minutes
            assert (await send(adapter, body, headers))[0] == 401
        # dressed up as Slack's own re-send it is acknowledged, and still not run
        assert (await send(adapter, body, {**headers, "X-Slack-Retry-Num": "1"}))[0] == 200
        # a forged body under a captured signature is refused by the signature itself
        forged = slash_body("/ingest", "https://evil.example/", fake_slack.response_url("r2"))
        assert (await send(adapter, forged, headers))[0] == 401
        # a fresh, properly signed request still works
        again = sign(SECRET, body, int(headers["X-Slack-Request-Timestamp"]) + 1)
        assert (await send(adapter, body, again))[0] == 200
        assert await adapter.drain(timeout=30)
    assert len(spy.requests) == 2


async def test_a_bad_signature_does_not_poison_the_replay_memory(
    core: Core, fake_slack: FakeSlack
) -> None:
    async with running(core, fake_slack) as adapter:
        body = slash_body("/help", "", fake_slack.response_url("r"))
        good = sign(SECRET, body)
        bad = {**good, "X-Slack-Request-Timestamp": str(int(good["X-Slack-Request-Timestamp"]) - 1)}
        assert (await send(adapter, body, bad))[0] == 401  # same signature, wrong timestamp
        assert (await send(adapter, body, good))[0] == 200
        assert await adapter.drain(timeout=30)


def test_replay_memory_forgets_after_the_window() -> None:
    guard = ReplayGuard(window=300)
    assert guard.first_time("v0=abc", now=0)
    assert not guard.first_time("v0=abc", now=299)
    assert guard.first_time("v0=abc", now=301)  # bolt refuses such an old timestamp anyway
    for i in range(5000):
        guard.first_time(f"v0={i}", now=1000 + i)
    assert len(guard._seen) <= 301  # old entries are pruned as time moves


async def made_by_admins_only(core: Core) -> None:
    assert await core.store.feeds() == []  # type: ignore[attr-defined]
    assert all(s.created_by in (ADMIN, str(DISCORD_ADMIN)) for s in await core.store.schedules())  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", sorted(ADMIN_CASES))
async def test_slack_admin_only_commands_are_refused_to_others(
    core: Core, fake_slack: FakeSlack, case: str
) -> None:
    name, text, _ = ADMIN_CASES[case]
    spy = SpyCore(core)
    async with running(spy, fake_slack) as adapter:
        for key, user in (("editor", "U0EDITOR"), ("admin", ADMIN)):
            body = slash_body(f"/{name}", text, fake_slack.response_url(key))
            body = body.replace("user_id=U0EDITOR", f"user_id={user}")
            assert (await send(adapter, body, sign(SECRET, body)))[0] == 200
            assert await adapter.drain(timeout=30)
    refused = shown([r.body for r in fake_slack.received if r.key == "editor"])
    allowed = shown([r.body for r in fake_slack.received if r.key == "admin"])
    assert "admins only" in refused, case
    assert "admins only" not in allowed
    assert [r.is_admin for r in spy.requests] == [False, True]
    await made_by_admins_only(core)


# --- Discord ----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(ADMIN_CASES))
async def test_discord_admin_only_commands_are_refused_to_others(
    core: Core, fake_discord: FakeDiscord, case: str
) -> None:
    name, _, options = ADMIN_CASES[case]
    spy = DiscordSpy(core)
    adapter = DiscordAdapter(
        DiscordSettings(
            token=DISCORD_TOKEN, guild_id=GUILD_ID, admins=frozenset({str(DISCORD_ADMIN)})
        )
    )
    await adapter.start(spy)  # type: ignore[arg-type]
    try:
        other = await discord_ask(fake_discord, adapter, fake_discord.command(name, options))
        admin = await discord_ask(
            fake_discord, adapter, fake_discord.command(name, options, user_id=DISCORD_ADMIN)
        )
    finally:
        await adapter.stop()
    assert "admins only" in "\n".join(seen(b) for b in other), case
    assert "admins only" not in "\n".join(seen(b) for b in admin)
    assert [(r.user, r.is_admin) for r in spy.requests] == [
        (str(OWNER_ID), False),
        (str(DISCORD_ADMIN), True),
    ]
    await made_by_admins_only(core)


# --- secrets ----------------------------------------------------------------------------------


def test_secrets_stay_out_of_config_reprs_and_errors(tmp_path: Path) -> None:
    env = {
        "SLACK_BOT_TOKEN": "xoxb-secret-token-1",
        "SLACK_SIGNING_SECRET": "signing-secret-2",
        "SLACK_APP_TOKEN": "xapp-secret-3",
        "DISCORD_TOKEN": "discord-secret-4",
    }
    config = load_config(None, env=env)
    shown_config = repr(config) + str(config)
    for secret in env.values():
        assert secret not in shown_config
    bad = tmp_path / "bad.toml"
    bad.write_text('[slack]\nbot_token = "xoxb-in-file-5"\nport = "not a number"\n')
    with pytest.raises(Exception) as caught:
        load_config(bad, env={})
    assert "xoxb-in-file-5" not in str(caught.value) and "port" in str(caught.value)


async def test_a_failing_discord_login_never_echoes_the_token(
    fake_discord: FakeDiscord, core: Core, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "MTIz.a-wrong-token.that-must-not-leak"
    adapter = DiscordAdapter(DiscordSettings(token=wrong, guild_id=GUILD_ID, connect_timeout=10))
    with caplog.at_level(logging.DEBUG), pytest.raises(Exception) as caught:
        await adapter.start(core)
    await asyncio.sleep(0)
    assert wrong not in str(caught.value) and wrong not in repr(caught.value)
    assert wrong not in caplog.text
