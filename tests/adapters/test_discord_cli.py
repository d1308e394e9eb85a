"""`briefbot discord-sync` and `briefbot serve` with Discord, as subprocesses against the loopback fake."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.commands import COMMANDS
from tests.fakes.discord_api import APP_ID, GUILD_ID, FakeDiscord

# `briefbot serve` and `discord-sync` as subprocesses against the fake gateway: the slow tier
# (tests/adapters/test_discord.py drives the same tree in process).
pytestmark = pytest.mark.slow

TOKEN = "MTIz.cli-bot-token.never-logged"


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    f = FakeDiscord(token=TOKEN)
    await f.start()
    yield f
    await f.close()


def config(tmp_path: Path, fake: FakeDiscord, guild: bool = True, ops_port: int = 0) -> Path:
    """A Discord-only config; its ops endpoints on ops_port (0: any free port)."""
    cfg = tmp_path / "config.toml"
    lines = ["[discord]", f'api_url = "{fake.api_base}"', f'gateway_url = "{fake.gateway_url}"']
    if guild:
        lines.append(f"guild_id = {GUILD_ID}")
    lines += ["[server]", f"port = {ops_port}"]
    cfg.write_text("\n".join(lines) + "\n")
    return cfg


async def briefbot(
    tmp_path: Path, cfg: Path, *args: str, token: str = TOKEN
) -> asyncio.subprocess.Process:
    env = {**os.environ, "DISCORD_TOKEN": token, "XDG_DATA_HOME": str(tmp_path)}
    env.pop("SLACK_BOT_TOKEN", None)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "--db",
        str(tmp_path / "s.db"),
        "--config",
        str(cfg),
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def test_discord_sync_pushes_the_commands_once_and_exits(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    proc = await briefbot(tmp_path, config(tmp_path, fake), "discord-sync")
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 0, err.decode()[-2000:]
    assert f"synced {len(COMMANDS)} commands to guild {GUILD_ID}" in out.decode()
    [put] = fake.calls("PUT", f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    assert {c["name"] for c in put.body} >= {"brief", "who", "figures", "digest", "ingest"}
    assert fake.identify() is None, "a sync never opens the gateway"
    assert TOKEN not in out.decode() + err.decode()


async def test_discord_sync_with_a_wrong_token_says_so_without_a_traceback(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    proc = await briefbot(tmp_path, config(tmp_path, fake), "discord-sync", token="wrong-token")
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    text = out.decode() + err.decode()
    assert proc.returncode == 1
    assert "refused the bot token" in text and "Traceback" not in text
    assert "wrong-token" not in text


async def test_serve_connects_to_the_configured_gateway_and_answers(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    proc = await briefbot(tmp_path, config(tmp_path, fake), "serve")
    try:
        await fake.wait_for(lambda f: f.ready, timeout=60)
        assert not [r for r in fake.requests if r.method == "PUT"], "no sync on start"
        payload = fake.command("who", [{"name": "said", "type": 3, "value": "kick the enemy out"}])
        await fake.send_interaction(payload)
        bodies = await fake.wait_for(lambda f: f.followups(payload["token"]), timeout=60)
        assert "Putin" in str(bodies[0]["embeds"])
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(proc.communicate(), 60)
    logs = out.decode() + err.decode()
    assert proc.returncode == 0, logs[-2000:]
    assert "discord /who command" in logs, "one line per interaction, without -v"
    assert TOKEN not in logs
