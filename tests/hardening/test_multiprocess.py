"""Two `briefbot serve` processes on one SQLite store, each behind its own port, one fake Slack:
a due digest is posted exactly once, both answer commands, the store stays sound, and neither
process writes a token or signing secret into its logs."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.store.sqlite import SQLiteStore
from tests.fakes.slack_api import FakeSlack, sign, slash_body
from tests.hardening.audit import store_problems
from tests.test_serve import free_port, wait_listening

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "xoxb-multi-process-token-5551234"
SECRET = "multi-process-signing-secret-9f8e7d"
CHANNEL = "C0MORNING"


async def start_serve(
    tmp_path: Path, name: str, port: int, fake: FakeSlack, db: Path
) -> asyncio.subprocess.Process:
    cfg = tmp_path / f"{name}.toml"
    cfg.write_text(
        f'[slack]\nmode = "http"\nhost = "127.0.0.1"\nport = {port}\n'
        f'api_url = "{fake.api_url}"\nadmins = ["U0ADMIN"]\n\n[digest]\ngrace_hours = 6.0\n'
    )
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "XDG_DATA_HOME": str(tmp_path),
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "-v",
        "--db",
        str(db),
        "--config",
        str(cfg),
        "serve",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def post(session: aiohttp.ClientSession, port: int, body: str, headers: dict) -> int:
    async with session.post(
        f"http://127.0.0.1:{port}/slack/events", data=body.encode(), headers=headers
    ) as resp:
        return resp.status


@pytest.mark.slow
async def test_two_serve_processes_on_one_store_post_a_due_digest_once(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    now = datetime.now(UTC)
    due = now - timedelta(minutes=2)  # passed today, inside the grace window: both catch it up
    store = await SQLiteStore.open(db)
    try:
        await store.add_schedule(
            CHANNEL,
            "slack",
            due.strftime("%H:%M"),
            "UTC",
            "",
            "U0EDITOR",
            (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
    finally:
        await store.close()
    if due.date() != now.date():  # just after midnight UTC: yesterday's row is the one posted
        pytest.skip("due time fell on the previous UTC day")

    fake = FakeSlack()
    await fake.start()
    fake.rate_limit("chat.postMessage", times=1, retry_after=0)  # the winner rides it out
    ports = [free_port(), free_port()]
    procs = [await start_serve(tmp_path, f"bot{i}", port, fake, db) for i, port in enumerate(ports)]
    outputs: list[str] = []
    try:
        for port, proc in zip(ports, procs, strict=True):
            await wait_listening(port, proc)
        async with aiohttp.ClientSession() as session:
            # both processes answer, concurrently, from the one store
            bodies = [
                slash_body("/who", "said kick the enemy out", fake.response_url(f"p{i}-{n}"))
                for i in range(2)
                for n in range(4)
            ]
            statuses = await asyncio.gather(
                *(
                    post(session, ports[k // 4], body, sign(SECRET, body))
                    for k, body in enumerate(bodies)
                )
            )
            assert statuses == [200] * 8
            # a replayed body and a wrongly signed one are refused
            replay = slash_body("/help", "", fake.response_url("replay"))
            first_headers = sign(SECRET, replay)
            assert await post(session, ports[0], replay, first_headers) == 200
            assert await post(session, ports[0], replay, first_headers) == 401
            assert await post(session, ports[1], replay, sign("not-the-secret", replay)) == 401
        await fake.wait_for(9, kind="response_url", timeout=60)
        await fake.wait_for(1, kind="chat.postMessage", timeout=60)
        await wait_delivered(db)
        await asyncio.sleep(2)  # room for a second post, should one be coming
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            out, err = await asyncio.wait_for(proc.communicate(), 60)
            outputs.append(out.decode() + err.decode())
        await fake.stop()
    for proc, logs in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, logs[-2000:]
        assert "DEBUG" in logs
        assert TOKEN not in logs and SECRET not in logs
        assert "Traceback" not in logs, logs[logs.find("Traceback") - 500 :][:4000]

    assert sum(logs.count("digest #1 posted") for logs in outputs) == 1
    posts = [r for r in fake.received if r.kind == "chat.postMessage"]
    assert all(p.key == CHANNEL for p in posts)
    texts = [p.body["text"] for p in posts]
    assert sum("digest" in t.lower() for t in texts[:1]) == 1
    assert len(texts) == len(set(texts)), "the digest was posted twice"
    seen = "\n".join(str(r.body) for r in fake.received)
    assert TOKEN not in seen and SECRET not in seen
    assert store_problems(db) == []
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT status, attempts FROM deliveries").fetchall()
        articles = conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles")
        total, distinct = articles.fetchone()
    finally:
        conn.close()
    assert rows == [("delivered", 1)]
    assert total == distinct == 5  # both seeded the empty store at once: each seed once


async def wait_delivered(db: Path, timeout: float = 60) -> None:
    async with asyncio.timeout(timeout):
        while True:
            conn = sqlite3.connect(db, timeout=10)
            try:
                row = conn.execute("SELECT status FROM deliveries").fetchone()
            finally:
                conn.close()
            if row and row[0] == "delivered":
                return
            await asyncio.sleep(0.1)
