"""Several `briefbot serve` processes on one PostgreSQL store: one scheduler, takeover, one post."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.store.postgres import PostgresStore
from tests.fakes.slack_api import FakeSlack, sign, slash_body
from tests.test_serve import SECRET, start_serve

pytestmark = pytest.mark.slow


def _hhmm(when: datetime) -> str:
    return when.strftime("%H:%M")


async def _start(tmp_path: Path, name: str, pg_url: str, fake: FakeSlack) -> tuple:
    return await start_serve(
        tmp_path, name, fake, f'[store]\nurl = "{pg_url}"\nlease_seconds = 0.5\n'
    )


async def _schedule(store: PostgresStore, place: str, now: datetime) -> int:
    """A daily digest due a minute ago, made an hour ago: whoever runs the scheduler posts it now."""
    s = await store.add_schedule(
        place,
        "slack",
        _hhmm(now - timedelta(minutes=1)),
        "UTC",
        "",
        "U1",
        (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    return s.id


async def test_holder_killed_the_other_process_takes_over_and_each_digest_posts_once(
    tmp_path: Path, pg_url: str
) -> None:
    now = datetime.now(UTC)
    if now.hour == 0 and now.minute < 3:  # "a minute ago" must still be today in UTC
        await asyncio.sleep(180 - now.minute * 60 - now.second)
        now = datetime.now(UTC)
    fake = FakeSlack()
    await fake.start()
    store = await PostgresStore.open(pg_url)
    procs = []
    try:
        first = await _schedule(store, "C1", now)
        a, _ = await _start(tmp_path, "a", pg_url, fake)
        procs.append(a)
        got = await fake.wait_for(1, kind="chat.postMessage", timeout=60)
        assert got[0].key == "C1"  # A holds the lease: it caught up the due digest
        b, b_port = await _start(tmp_path, "b", pg_url, fake)
        procs.append(b)
        await asyncio.sleep(3)  # six lease checks: B stays a follower, nothing is re-posted
        assert [r.key for r in fake.received if r.kind == "chat.postMessage"] == ["C1"]
        # Any process answers commands (Slack HTTP behind a load balancer): ask the follower.
        body = slash_body("/who", "said kick the enemy out", fake.response_url("via-b"))
        async with aiohttp.ClientSession() as http:
            url = f"http://127.0.0.1:{b_port}/slack/events"
            async with http.post(url, data=body.encode(), headers=sign(SECRET, body)) as resp:
                assert resp.status == 200
        answer = await fake.wait_for(1, kind="response_url", timeout=60)
        assert "Vladimir Putin" in str(answer[0].body)

        second = await _schedule(store, "C2", now)  # due already; nobody has run it yet
        a.send_signal(signal.SIGKILL)
        await a.wait()
        killed_at = asyncio.get_running_loop().time()
        got = await fake.wait_for(2, kind="chat.postMessage", timeout=60)
        took = asyncio.get_running_loop().time() - killed_at
        assert took < 60
        await asyncio.sleep(2)  # room for any duplicate to show up
        posts = [r.key for r in fake.received if r.kind == "chat.postMessage"]
        assert posts == ["C1", "C2"]  # B posted C2 after taking over, and never C1 again
        for sid in (first, second):
            record = await store.last_delivery(sid)
            assert record is not None and record.status == "delivered" and record.attempts == 1
        log_b = (tmp_path / "b.log").read_text()
        assert "holding the scheduler lease" in log_b
        assert "holding the scheduler lease" in (tmp_path / "a.log").read_text()
    finally:
        for p in procs:
            if p.returncode is None:
                p.send_signal(signal.SIGTERM)
                try:
                    await asyncio.wait_for(p.wait(), 30)
                except TimeoutError:
                    p.kill()
        await store.close()
        await fake.stop()
