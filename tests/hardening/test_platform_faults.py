"""Platform faults: 429s and 5xx from Slack and Discord are ridden out, each answer and digest
lands exactly once, and a command that crashes leaves the bot answering the next one."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from adapters.discord import FAILURE, DiscordAdapter, DiscordSettings
from adapters.slack_render import render as slack_messages
from bot.core import Core
from bot.delivery import Router
from bot.model import Reply, Request
from bot.scheduler import Scheduler
from tests.adapters.test_discord import TOKEN as DISCORD_TOKEN
from tests.adapters.test_discord import SpyCore as DiscordSpy
from tests.adapters.test_discord import ask as discord_ask
from tests.adapters.test_discord import option, seen
from tests.adapters.test_slack import running, shown, slash
from tests.fakes.discord_api import APP_ID, CHANNEL_ID, GUILD_ID, FakeDiscord
from tests.fakes.slack_api import FakeSlack
from tests.hardening.audit import store_problems


@pytest.fixture
async def discord_bot(fake_discord: FakeDiscord, core: Core) -> AsyncIterator[DiscordAdapter]:
    adapter = DiscordAdapter(DiscordSettings(token=DISCORD_TOKEN, guild_id=GUILD_ID))
    await adapter.start(DiscordSpy(core))  # type: ignore[arg-type]
    yield adapter
    await adapter.stop()


def scheduler_at(core: Core, router: Router, when: datetime) -> Scheduler:
    """A scheduler whose clock is `when` (never started: the test calls deliver_due itself)."""
    return Scheduler.for_core(core, router, now=lambda: when)


async def due_schedule(core: Core, platform: str, place: str) -> tuple[int, datetime]:
    """A 07:00 UTC digest made yesterday; returns its id and an instant today just after 07:00."""
    now = datetime.now(UTC)
    made = (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    schedule = await core.store.add_schedule(place, platform, "07:00", "UTC", "", "U1", made)  # type: ignore[attr-defined]
    return schedule.id, now.replace(hour=7, minute=1, second=0, microsecond=0)


# --- Slack ----------------------------------------------------------------------------------


async def test_slack_answer_rides_out_429_and_5xx_and_arrives_once(
    core: Core, fake_slack: FakeSlack
) -> None:
    limit = fake_slack.rate_limit("response_url", times=2, retry_after=0)
    fake_slack.fail_next("response_url", 503, times=1)
    fake_slack.fail_next("response_url", 502, times=1)
    async with running(core, fake_slack) as adapter:
        status, _ = await slash(adapter, fake_slack, "/who said kick the enemy out", key="busy")
        assert status == 200
        assert await adapter.drain(timeout=60)
    assert [s for _, s in fake_slack.refused] == [503, 502] and len(limit.refused_at) == 2
    got = [r for r in fake_slack.received if r.key == "busy"]
    expected = slack_messages(await core.handle(Request("who", "said kick the enemy out")))
    assert len(got) == len(expected)  # every part once: no loss, no duplicate
    assert [m["text"] for m in (r.body for r in got)] == [m.text for m in expected]
    assert "Vladimir Putin" in shown([r.body for r in got])
    assert not [r for r in fake_slack.received if r.kind.startswith("chat.")]


async def test_slack_digest_rides_out_429_and_5xx_and_is_posted_once(
    core: Core, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    limit = fake_slack.rate_limit("chat.postMessage", times=2, retry_after=0)
    fake_slack.fail_next("chat.postMessage", 500, times=1)
    async with running(core, fake_slack) as adapter:
        sid, when = await due_schedule(core, "slack", "C0DIGEST")
        scheduler = scheduler_at(core, Router({"slack": adapter}), when)
        assert await scheduler.deliver_due(sid) == "delivered"
        assert await scheduler.deliver_due(sid) == "already-delivered"
    posts = [r for r in fake_slack.received if r.kind == "chat.postMessage"]
    assert [s for _, s in fake_slack.refused] == [500] and len(limit.refused_at) == 2
    assert posts and all(p.key == "C0DIGEST" for p in posts)
    texts = [p.body["text"] for p in posts]
    assert len(texts) == len(set(texts)), "a digest part was posted twice"
    assert "digest" in shown([p.body for p in posts]).lower()


async def test_slack_outage_longer_than_the_retries_fails_the_digest_then_posts_it_once(
    core: Core, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    fake_slack.fail_next("chat.postMessage", 503, times=4)  # the first try and all 3 retries
    async with running(core, fake_slack) as adapter:
        sid, when = await due_schedule(core, "slack", "C0DIGEST")
        router = Router({"slack": adapter})
        assert await scheduler_at(core, router, when).deliver_due(sid) == "failed"
        assert fake_slack.received == []
        record = await core.store.delivery(sid, when.date().isoformat())  # type: ignore[attr-defined]
        assert record.status == "failed" and "503" in (record.error or "")
        # the scheduler's own retry, five minutes later, once Slack is back
        later = scheduler_at(core, router, when + timedelta(minutes=5))
        assert await later.deliver_due(sid) == "delivered"
        assert await later.deliver_due(sid) == "already-delivered"
    posts = [r for r in fake_slack.received if r.kind == "chat.postMessage"]
    assert posts and len({p.body["text"] for p in posts}) == len(posts)
    record = await core.store.delivery(sid, when.date().isoformat())  # type: ignore[attr-defined]
    assert (record.status, record.attempts) == ("delivered", 2)


class Crashy:
    """The real core, except that one command blows up inside (as a bug would)."""

    def __init__(self, core: Core, broken: str) -> None:
        self.core = core
        self.broken = broken

    def __getattr__(self, name: str) -> Any:  # everything but handle is the real core's
        return getattr(self.core, name)

    async def handle(self, request: Request) -> Reply:
        if request.command == self.broken:
            raise RecursionError("maximum recursion depth exceeded in a buggy command")
        return await self.core.handle(request)


async def test_a_crashing_slack_command_is_answered_and_the_bot_goes_on(
    core: Core, fake_slack: FakeSlack
) -> None:
    async with running(Crashy(core, "figures"), fake_slack) as adapter:
        for i in range(3):
            status, _ = await slash(adapter, fake_slack, "/figures territory", key=f"crash{i}")
            assert status == 200
        status, _ = await slash(adapter, fake_slack, "/who said kick the enemy out", key="after")
        assert status == 200
        assert await adapter.drain(timeout=30)
    for i in range(3):
        [crashed] = [r.body for r in fake_slack.received if r.key == f"crash{i}"]
        assert crashed["response_type"] == "ephemeral"
        assert "went wrong" in shown([crashed]) and "Traceback" not in shown([crashed])
    assert "Vladimir Putin" in shown([r.body for r in fake_slack.received if r.key == "after"])


async def test_a_command_that_raises_inside_the_real_core_is_contained(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.commands.search as search

    async def broken(ctx: Any, args: str) -> Reply:
        raise KeyError("bug")

    monkeypatch.setattr(search, "run", broken)
    reply = await core.handle(Request("search", "Kursk"))
    assert reply.error and "went wrong" in reply.sections[0].text
    assert not (await core.handle(Request("who", "said kick the enemy out"))).error


# --- Discord --------------------------------------------------------------------------------


# discord.py's own back-off after a 5xx waits seconds: the slow tier (fast: 429s in
# tests/adapters/test_discord.py, a 503 on a digest below)
@pytest.mark.slow
async def test_discord_answer_rides_out_429_and_5xx_and_arrives_once(
    discord_bot: DiscordAdapter, fake_discord: FakeDiscord, core: Core
) -> None:
    fake_discord.fail_next("POST", f"/webhooks/{APP_ID}/", status=429, times=2)
    fake_discord.fail_next("POST", f"/webhooks/{APP_ID}/", status=500, times=1)
    payload = fake_discord.command("who", [option("said", "kick the enemy out")])
    bodies = await discord_ask(fake_discord, discord_bot, payload, timeout=60)
    delivered = bodies[3:]  # the fake records every attempt: three refused, then each message
    assert "Vladimir Putin" in "\n".join(seen(b) for b in delivered)
    reply = await core.handle(Request("who", "said kick the enemy out", platform="discord"))
    from adapters.discord_render import render as discord_messages

    assert len(delivered) == len(discord_messages(reply))


# discord.py's own back-off after a 5xx waits seconds: the slow tier (fast: 429s in
# tests/adapters/test_discord.py, a 503 on a digest below)
@pytest.mark.slow
async def test_discord_digest_rides_out_429_and_5xx_and_is_posted_once(
    discord_bot: DiscordAdapter, fake_discord: FakeDiscord, core: Core
) -> None:
    fake_discord.fail_next("POST", f"/channels/{CHANNEL_ID}/messages", status=429, times=2)
    fake_discord.fail_next("POST", f"/channels/{CHANNEL_ID}/messages", status=502, times=1)
    sid, when = await due_schedule(core, "discord", str(CHANNEL_ID))
    scheduler = scheduler_at(core, Router({"discord": discord_bot}), when)
    assert await scheduler.deliver_due(sid) == "delivered"
    assert await scheduler.deliver_due(sid) == "already-delivered"
    calls = fake_discord.calls("POST", f"/channels/{CHANNEL_ID}/messages")
    posted = calls[3:]
    assert posted and len({repr(c.body) for c in posted}) == len(posted)
    assert all(c.body["allowed_mentions"] == {"parse": []} for c in posted)


async def test_discord_outage_fails_the_digest_then_the_retry_posts_it_once(
    discord_bot: DiscordAdapter, fake_discord: FakeDiscord, core: Core
) -> None:
    fake_discord.fail_next("POST", f"/channels/{CHANNEL_ID}/messages", status=503, times=1)
    sid, when = await due_schedule(core, "discord", str(CHANNEL_ID))
    router = Router({"discord": discord_bot})
    assert await scheduler_at(core, router, when).deliver_due(sid) == "failed"
    later = scheduler_at(core, router, when + timedelta(minutes=5))
    assert await later.deliver_due(sid) == "delivered"
    assert await later.deliver_due(sid) == "already-delivered"
    calls = fake_discord.calls("POST", f"/channels/{CHANNEL_ID}/messages")
    assert len(calls) >= 2 and len({repr(c.body) for c in calls[1:]}) == len(calls) - 1


async def test_a_crashing_discord_command_is_answered_and_the_bot_goes_on(
    fake_discord: FakeDiscord, core: Core
) -> None:
    adapter = DiscordAdapter(DiscordSettings(token=DISCORD_TOKEN, guild_id=GUILD_ID))
    await adapter.start(Crashy(core, "figures"))  # type: ignore[arg-type]
    try:
        crash = fake_discord.command("figures", [option("topic", "territory")])
        failed = asyncio.ensure_future(
            fake_discord.wait_for(lambda f: f.followups(crash["token"]), timeout=20)
        )
        await fake_discord.send_interaction(crash)
        [body] = await failed
        assert body["content"] == FAILURE and body["flags"] & 64  # private, one sentence
        payload = fake_discord.command("who", [option("said", "kick the enemy out")])
        bodies = await discord_ask(fake_discord, adapter, payload)
        assert "Vladimir Putin" in "\n".join(seen(b) for b in bodies)
    finally:
        await adapter.stop()
    assert store_problems(Path(core.store.path)) == []  # type: ignore[attr-defined]
