"""`briefbot serve` as an engineer deploys it: a subprocess with Slack configured, a signed command, a reply."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp
import pytest

from tests.fakes.slack_api import FakeSlack, sign, slash_body

TOKEN = "xoxb-serve-test-token-0123456789"
SECRET = "serve-test-signing-secret-abcdef"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def wait_listening(port: int, proc: asyncio.subprocess.Process) -> None:
    async with asyncio.timeout(60):
        while True:
            assert proc.returncode is None, "serve exited early"
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.close()
                return
            except OSError:
                await asyncio.sleep(0.1)


async def start_serve(
    tmp_path: Path, name: str, fake: FakeSlack, sections: str
) -> tuple[asyncio.subprocess.Process, int]:
    """`briefbot serve` over HTTP Slack against the fake, with more config `sections` ([store] …);
    returns once it listens, with its port. Its log is tmp_path/<name>.log."""
    port = free_port()
    cfg = tmp_path / f"{name}.toml"
    cfg.write_text(
        sections
        + f'[slack]\nmode = "http"\nhost = "127.0.0.1"\nport = {port}\napi_url = "{fake.api_url}"\n'
    )
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "XDG_DATA_HOME": str(tmp_path / name),
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "-v",
        "--config",
        str(cfg),
        "serve",
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=open(tmp_path / f"{name}.log", "wb"),  # noqa: SIM115 - the child owns it
    )
    await wait_listening(port, proc)
    return proc, port


# `briefbot serve` as a subprocess (in process: tests/adapters/test_slack.py)
@pytest.mark.slow
async def test_serve_answers_a_signed_slack_command_and_never_logs_secrets(tmp_path: Path) -> None:
    fake = FakeSlack()
    await fake.start()
    port = free_port()
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[slack]\nmode = "http"\nhost = "127.0.0.1"\nport = {port}\napi_url = "{fake.api_url}"\n'
    )
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "XDG_DATA_HOME": str(tmp_path),
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "-v",
        "--db",
        str(tmp_path / "s.db"),
        "--config",
        str(cfg),
        "serve",
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await wait_listening(port, proc)
        body = slash_body("/who", "said kick the enemy out", fake.response_url("r1"))
        async with aiohttp.ClientSession() as session:
            async with session.post(
                f"http://127.0.0.1:{port}/slack/events",
                data=body.encode(),
                headers=sign(SECRET, body),
            ) as resp:
                assert resp.status == 200
            async with session.post(
                f"http://127.0.0.1:{port}/slack/events",
                data=body.encode(),
                headers=sign("wrong-secret", body),
            ) as resp:
                assert resp.status == 401
        got = await fake.wait_for(1, kind="response_url", timeout=60)
        shown = json.dumps(got[0].body, ensure_ascii=False)
        assert "Vladimir Putin" in shown and "kick the enemy out" in shown
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(proc.communicate(), 60)
        await fake.stop()
    assert proc.returncode == 0, err.decode()[-2000:]
    logs = out.decode() + err.decode()
    assert "DEBUG" in logs  # verbose logging was on, and still no secret leaked
    assert TOKEN not in logs and SECRET not in logs
    assert "will be unused" not in logs, "bolt's token notice is not logged"
    assert "signed in as briefbot" in logs, "the token was checked at start"


@pytest.mark.slow
async def test_serve_with_a_refused_token_says_what_is_wrong_and_exits(tmp_path: Path) -> None:
    fake = FakeSlack()
    await fake.start()
    revoked = "xoxb-revoked-serve-token-42"
    fake.revoked.add(revoked)
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[slack]\nmode = "http"\nhost = "127.0.0.1"\nport = {free_port()}\n'
        f'api_url = "{fake.api_url}"\n'
    )
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": revoked,
        "SLACK_SIGNING_SECRET": SECRET,
        "XDG_DATA_HOME": str(tmp_path),
    }
    try:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "--db",
            str(tmp_path / "s.db"),
            "--config",
            str(cfg),
            "serve",
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(proc.communicate(), 120)
    finally:
        await fake.stop()
    assert proc.returncode == 1
    said = out.decode() + err.decode()
    assert "Slack does not recognise the bot token (invalid_auth)" in said
    assert "SLACK_BOT_TOKEN" in said and "xoxb-" in said
    assert revoked not in said and "Traceback" not in said
