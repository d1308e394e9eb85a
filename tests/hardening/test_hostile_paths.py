"""Hostile command text through every way in: the CLI (`briefbot ask`), signed Slack HTTP requests
into the real bolt app, and Discord interactions over the fake gateway. Never a traceback, never a
ping, always an answer inside the platform's limits."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import discord
import discord.gateway
import discord.http
import pytest
import yarl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.discord import DiscordAdapter, DiscordSettings
from adapters.slack import SlackAdapter, SlackSettings
from adapters.slack_render import (
    MAX_BLOCKS,
    MAX_CONTEXT_ELEMENTS,
    MAX_HEADER_CHARS,
    MAX_MESSAGE_CHARS,
    MAX_SECTION_CHARS,
)
from bot.app import open_core
from bot.cli import main as cli_main
from bot.commands import COMMANDS
from tests.adapters.test_discord import TOKEN as DISCORD_TOKEN
from tests.adapters.test_discord import assert_discord_accepts, option, seen
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.slack_api import FakeSlack, sign, slash_body
from tests.hardening.audit import article_count, store_problems
from tests.hardening.test_hostile_input import ATOMS, hostile_text

ROOT = Path(__file__).resolve().parents[2]
SECRET = "hostile-paths-signing-secret"
SLACK_PING = re.compile(r"<!(channel|here|everyone)|<@[!&]?\w+>")
DISCORD_PING = re.compile(r"@(everyone|here)\b|<@[!&]?\d+>")
PATH_RUNS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NAMES = sorted(COMMANDS)


# --- Slack: signed HTTP into the real bolt app ------------------------------------------------


def slack_within_limits(message: dict[str, Any]) -> None:
    """What Slack would accept, and nothing in it that could notify anyone."""
    assert message["text"], "a plain-text fallback is always sent"
    assert not SLACK_PING.search(message["text"]), message["text"]
    assert len(message["blocks"]) <= MAX_BLOCKS
    total = 0
    for block in message["blocks"]:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= MAX_HEADER_CHARS
            total += len(block["text"]["text"])
        elif block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= MAX_SECTION_CHARS
            total += len(block["text"]["text"])
            mrkdwn = [block["text"]]
        elif block["type"] == "context":
            assert len(block["elements"]) <= MAX_CONTEXT_ELEMENTS
            total += sum(len(e["text"]) for e in block["elements"])
            mrkdwn = block["elements"]
        else:
            continue
        for obj in mrkdwn if block["type"] != "header" else []:
            own_links_removed = re.sub(r"<https?://[^|<> ]+\|", "", obj["text"])
            assert "<!" not in own_links_removed and "<@" not in own_links_removed, obj
    assert total <= MAX_MESSAGE_CHARS


@contextmanager
def slack_bot(path: Path) -> Iterator[tuple[asyncio.Runner, SlackAdapter, FakeSlack]]:
    """A real core, bolt app on a loopback port and fake Slack, on one loop for the whole test."""
    with asyncio.Runner() as runner:
        manager = open_core(path, seed=True)
        core = runner.run(manager.__aenter__())
        fake = FakeSlack()
        runner.run(fake.start())
        settings = SlackSettings(
            bot_token="xoxb-hostile", signing_secret=SECRET, port=0, api_url=fake.api_url
        )
        adapter = SlackAdapter(settings)
        runner.run(adapter.start(core))
        try:
            yield runner, adapter, fake
        finally:
            runner.run(adapter.stop())
            runner.run(fake.stop())
            runner.run(manager.__aexit__(None, None, None))


async def slack_ask(
    adapter: SlackAdapter, fake: FakeSlack, command: str, text: str, key: str
) -> list[dict[str, Any]]:
    import aiohttp

    body = slash_body(f"/{command}", text, fake.response_url(key))
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"http://127.0.0.1:{adapter.port}/slack/events",
            data=body.encode(),
            headers=sign(SECRET, body),
        ) as resp,
    ):
        assert resp.status == 200, await resp.text()
        assert "Working on it" in await resp.text()
    assert await adapter.drain(timeout=60)
    return [r.body for r in fake.received if r.key == key]


@pytest.mark.slow  # subprocesses or a server of its own: > 2 s
def test_hostile_slash_commands_over_signed_http(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    counter = iter(range(10**6))
    with slack_bot(path) as (runner, adapter, fake):

        @PATH_RUNS
        @given(command=st.sampled_from(NAMES), text=hostile_text)
        def probe(command: str, text: str) -> None:
            key = f"k{next(counter)}"
            messages = runner.run(slack_ask(adapter, fake, command, text, key))
            assert messages, f"/{command} got no answer"
            for m in messages:
                slack_within_limits(m)
            shown = "\n".join(str(m) for m in messages)
            assert "Traceback" not in shown and "went wrong" not in shown

        probe()
        # a 100 KB argument and pure mention storms, every command
        for command in NAMES:
            for text in ("x" * 100_000, "<!channel> @everyone <!here> " * 300, "\u202e" * 3000):
                for m in runner.run(slack_ask(adapter, fake, command, text, f"{command}-big")):
                    slack_within_limits(m)
    assert store_problems(path) == []
    assert article_count(path) == 5


# --- Discord: interactions over the fake gateway ----------------------------------------------

# (command, option names in order, subcommand) for every string option a user can type
DISCORD_FORMS: list[tuple[str, tuple[str, ...], str]] = [
    ("who", ("said",), ""),
    ("figures", ("topic",), ""),
    ("quote", ("phrase",), ""),
    ("search", ("words",), ""),
    ("brief", ("topic", "since"), ""),
    ("summary", ("query", "method"), ""),
    ("help", ("command",), ""),
    ("ingest", ("url",), ""),
    ("digest", ("time", "timezone", "topic"), "schedule"),
    ("digest", ("id",), "cancel"),
]


@contextmanager
def discord_bot(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[asyncio.Runner, DiscordAdapter, FakeDiscord]]:
    with asyncio.Runner() as runner:
        manager = open_core(path, seed=True)
        core = runner.run(manager.__aenter__())
        fake = FakeDiscord(token=DISCORD_TOKEN)
        runner.run(fake.start())
        monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
        monkeypatch.setattr(
            discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url)
        )
        adapter = DiscordAdapter(DiscordSettings(token=DISCORD_TOKEN))
        runner.run(adapter.start(core))
        try:
            yield runner, adapter, fake
        finally:
            runner.run(adapter.stop())
            runner.run(fake.close())
            runner.run(manager.__aexit__(None, None, None))


async def discord_ask(
    adapter: DiscordAdapter, fake: FakeDiscord, payload: dict[str, Any]
) -> list[dict[str, Any]]:
    """Send the interaction; wait for the whole answer (or the short failure note)."""
    token = payload["token"]
    replied = asyncio.ensure_future(
        adapter.client.wait_for(
            "briefbot_replied", check=lambda i, _r: str(i.id) == payload["id"], timeout=60
        )
    )
    await asyncio.sleep(0)
    await fake.send_interaction(payload)
    done, _ = await asyncio.wait(
        {replied, asyncio.ensure_future(fake.wait_for(lambda f: f.followups(token), 60))},
        return_when=asyncio.ALL_COMPLETED,
        timeout=60,
    )
    assert done, "no answer"
    return fake.followups(token)


def test_hostile_discord_options_over_the_gateway(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.db"
    with discord_bot(path, monkeypatch) as (runner, adapter, fake):

        @PATH_RUNS
        @given(form=st.sampled_from(DISCORD_FORMS), values=st.lists(hostile_text, min_size=3))
        def probe(form: tuple[str, tuple[str, ...], str], values: list[str]) -> None:
            command, names, sub = form
            options = [option(n, v) for n, v in zip(names, values, strict=False)]
            if sub:
                options = [{"name": sub, "type": 1, "options": options}]
            bodies = runner.run(discord_ask(adapter, fake, fake.command(command, options)))
            assert bodies, f"/{command} got no answer"
            for body in bodies:
                assert_discord_accepts(body)  # limits, and allowed_mentions parses nothing
                # what Discord parses for mentions (defused with a zero-width space, and
                # allowed_mentions would stop a ping anyway)
                assert not DISCORD_PING.search(body.get("content") or ""), body
                shown = seen(body)
                assert "Traceback" not in shown and "went wrong" not in shown

        probe()
    assert store_problems(path) == []
    assert article_count(path) == 5


# --- CLI: `briefbot ask` ----------------------------------------------------------------------

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def test_hostile_ask_lines_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    assert cli_main(["--db", str(db), "ingest", str(ROOT / "seeds")]) == 0
    capsys.readouterr()

    @PATH_RUNS
    @given(
        command=st.sampled_from([*NAMES, "", "nosuch", "/"]),
        text=hostile_text.filter(lambda t: "\x00" not in t),  # argv cannot hold NUL
    )
    def probe(command: str, text: str) -> None:
        line = f"/{command} {text}" if command else text
        code = cli_main(["--db", str(db), "ask", line])
        out, err = capsys.readouterr()
        assert code in (0, 2), (code, err)
        assert "Traceback" not in out + err
        if code == 2:
            assert "briefbot ask" in err and "e.g." in err
        else:
            assert out.strip(), "no answer printed"
            assert not CONTROL.search(out), repr(out[:300])

    probe()
    assert store_problems(db) == []
    assert article_count(db) == 5


@pytest.mark.slow
def test_hostile_ask_in_a_real_process(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    run = [sys.executable, "-m", "bot.cli", "--db", str(db)]
    subprocess.run([*run, "ingest", str(ROOT / "seeds")], cwd=ROOT, check=True, capture_output=True)
    lines = [
        "/search " + "a" * 100_000,
        "/who said " + '"' * 5000,
        "/figures <!channel> @everyone \u202e\u200b NEAR(x, 2) * ^",
        "/brief \x1b[31m\x07 Kursk",
        "/quote 004_777959b668a2fcee:-5-99999999999999999999",
        "/digest schedule 25:99 ../../etc/passwd",
        " ".join(a for a in ATOMS if "\x00" not in a),  # argv cannot hold NUL
    ]
    for line in lines:
        done = subprocess.run(
            [*run, "ask", line], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip() and "Traceback" not in done.stdout + done.stderr
        assert not CONTROL.search(done.stdout), repr(done.stdout[:300])
    assert store_problems(db) == []
