"""Discord sharding: the real discord.py AutoShardedClient against the loopback fake gateway.

Discord paces IDENTIFYs (discord.py waits 5 s before each one after the first), so the
two-shard test takes about that long.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.discord import DiscordAdapter, DiscordSettings, ShardedBriefClient
from bot.app import discord_adapter
from bot.config import load_config
from bot.core import Core
from tests.adapters.test_discord import (  # noqa: F401 - `fake` is a fixture
    PUTIN_QUOTES,
    TOKEN,
    ask,
    fake,
    option,
    seen,
)
from tests.fakes.discord_api import GUILD_ID, FakeDiscord


async def started(core: Core, **shards: object) -> DiscordAdapter:
    adapter = DiscordAdapter(
        DiscordSettings(token=TOKEN, guild_id=GUILD_ID, sync_on_start=True, **shards)  # type: ignore[arg-type]
    )
    await adapter.start(core)
    return adapter


@pytest.fixture
async def two_shards(fake: FakeDiscord, core: Core) -> AsyncIterator[DiscordAdapter]:  # noqa: F811
    adapter = await started(core, shard_count=2)
    yield adapter
    await adapter.stop()


@pytest.mark.slow
async def test_two_shards_identify_and_a_command_on_shard_1_is_answered(
    two_shards: DiscordAdapter,
    fake: FakeDiscord,  # noqa: F811
    core: Core,
) -> None:
    assert isinstance(two_shards.client, ShardedBriefClient)
    synced = {c["name"] for c in fake.synced_commands()}
    assert synced == {spec.name for spec in core.commands()}  # the same tree, synced once
    assert len([r for r in fake.requests if r.method == "PUT"]) == 1
    await fake.wait_for(lambda f: f.ready_shards == {0, 1}, timeout=20)
    assert sorted(i["shard"] for i in fake.identifies()) == [[0, 2], [1, 2]]
    assert all(i["token"] == TOKEN for i in fake.identifies())

    payload = fake.command("who", [option("said", "kick the enemy out")])
    bodies = await ask(fake, two_shards, payload, shard=1)
    assert [c["type"] for c in fake.callbacks(payload["id"])] == [5]  # deferred first
    text = "\n".join(seen(b) for b in bodies)
    assert "Putin" in text and any(q[:40] in text for q in PUTIN_QUOTES)


async def test_shard_ids_runs_only_those_shards(fake: FakeDiscord, core: Core) -> None:  # noqa: F811
    adapter = await started(core, shard_count=2, shard_ids=(1,))
    try:
        assert [i["shard"] for i in fake.identifies()] == [[1, 2]]
        await fake.wait_for(lambda f: f.ready_shards == {1})
        payload = fake.command("help")
        bodies = await ask(fake, adapter, payload, shard=1)
        assert bodies and fake.callbacks(payload["id"])[0]["type"] == 5
    finally:
        await adapter.stop()
    assert [i["shard"] for i in fake.identifies()] == [[1, 2]]  # shard 0 never connected


async def test_unsharded_client_sends_no_shard_pair(fake: FakeDiscord, core: Core) -> None:  # noqa: F811
    adapter = await started(core)
    try:
        assert not isinstance(adapter.client, ShardedBriefClient)
        assert [i.get("shard") for i in fake.identifies()] == [None]
    finally:
        await adapter.stop()


def test_config_shards_reach_the_adapter(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'[discord]\ntoken = "{TOKEN}"\nshard_count = 4\nshard_ids = [2, 3]\n')
    settings = discord_adapter(load_config(cfg, env={})).settings
    assert (settings.shard_count, settings.shard_ids) == (4, (2, 3))
