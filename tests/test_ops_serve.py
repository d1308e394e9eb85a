"""`briefbot serve` as an operator runs it: ops endpoints on the Slack port (or a port of their
own for Discord only), Prometheus counting a real signed command and a 429, JSON logs with
no secret in them."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.adapters.test_discord_cli import TOKEN as DISCORD_TOKEN
from tests.adapters.test_discord_cli import briefbot, config
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.slack_api import FakeSlack, sign, slash_body
from tests.test_serve import SECRET, TOKEN, free_port, wait_listening

pytestmark = pytest.mark.slow


def value(text: str, name: str, **labels: str) -> float:
    """One sample's value, read with prometheus-client's own parser (0 when absent)."""
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                return s.value
    return 0.0


async def fetch(session: aiohttp.ClientSession, url: str) -> tuple[int, str]:
    async with session.get(url) as resp:
        return resp.status, await resp.text()


async def test_serve_has_health_readiness_and_metrics_on_the_slack_port_and_logs_json(
    tmp_path: Path,
) -> None:
    fake = FakeSlack()
    await fake.start()
    port = free_port()
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[slack]\nmode = "http"\nport = {port}\napi_url = "{fake.api_url}"\n'
        '[log]\nformat = "json"\nlevel = "info"\n'
    )
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "XDG_DATA_HOME": str(tmp_path),
        "BRIEFBOT_WORKERS": "0",
    }
    proc = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "bot.cli", "--db", str(tmp_path / "s.db")),
        *("--config", str(cfg), "serve"),
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_listening(port, proc)
        async with aiohttp.ClientSession() as session:
            status, text = await fetch(session, base + "/healthz")
            assert status == 200 and json.loads(text)["status"] == "ok"
            async with asyncio.timeout(30):  # ready once the scheduler lease is known
                while (status := (await fetch(session, base + "/readyz"))[0]) != 200:
                    await asyncio.sleep(0.1)
            checks = json.loads((await fetch(session, base + "/readyz"))[1])["checks"]
            assert set(checks) == {"store", "schema", "scheduler", "slack"}
            fake.rate_limit("response_url", times=1, retry_after=1)
            body = slash_body("/who", "said kick the enemy out", fake.response_url("r1"))
            async with session.post(
                base + "/slack/events", data=body.encode(), headers=sign(SECRET, body)
            ) as resp:
                assert resp.status == 200
            got = await fake.wait_for(1, kind="response_url", timeout=60)
            assert "Vladimir Putin" in json.dumps(got[0].body)
            async with asyncio.timeout(10):  # the answer is counted right after delivery
                while True:
                    status, text = await fetch(session, base + "/metrics")
                    if value(text, "briefbot_answer_seconds_count", platform="slack"):
                        break
                    await asyncio.sleep(0.1)
            assert status == 200
            assert value(text, "briefbot_commands_total", command="who", outcome="ok") == 1
            assert value(text, "briefbot_ack_seconds_count", platform="slack") == 1
            assert value(text, "briefbot_platform_429_total", platform="slack") == 1
            assert value(text, "briefbot_articles_total", result="new") == 5  # the seeds
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(proc.communicate(), 60)
        await fake.stop()
    assert proc.returncode == 0, err.decode()[-2000:]
    lines = [line for line in err.decode().splitlines() if line.strip()]
    rows = [json.loads(line) for line in lines]  # every line is one JSON object
    assert any(r["message"].startswith("slack /who") for r in rows), lines[-5:]
    assert all({"time", "level", "logger", "message"} <= set(r) for r in rows)
    logs = out.decode() + err.decode()
    assert TOKEN not in logs and SECRET not in logs
    assert "kick the enemy" not in logs  # what the user typed stays out of the log


async def test_a_discord_only_bot_serves_the_ops_endpoints_on_its_own_port(
    tmp_path: Path,
) -> None:
    fake = FakeDiscord(token=DISCORD_TOKEN)
    await fake.start()
    port = free_port()
    cfg = config(tmp_path, fake, ops_port=port)
    proc = await briefbot(tmp_path, cfg, "serve")
    try:
        await wait_listening(port, proc)
        async with aiohttp.ClientSession() as session:
            assert (await fetch(session, f"http://127.0.0.1:{port}/healthz"))[0] == 200
            async with asyncio.timeout(60):  # ready once connected to the gateway
                while True:
                    status, text = await fetch(session, f"http://127.0.0.1:{port}/readyz")
                    if status == 200:
                        break
                    assert status == 503 and "discord" in json.loads(text)["checks"]
                    await asyncio.sleep(0.2)
            assert json.loads(text)["checks"]["discord"]["ok"]
            status, text = await fetch(session, f"http://127.0.0.1:{port}/metrics")
            assert status == 200 and "briefbot_commands_total" in text
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(proc.communicate(), 60)
        await fake.close()
    assert proc.returncode == 0, err.decode()[-2000:]
    assert DISCORD_TOKEN not in out.decode() + err.decode()
