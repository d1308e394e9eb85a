"""Alerts through the real Discord adapter against the fake API: the first opens a thread, the next go in it."""

from __future__ import annotations

from adapters.discord import DiscordAdapter
from bot.alerts import AlertEngine
from bot.delivery import Router
from bot.ingest.service import ingest_paths
from bot.model import Request
from tests.adapters.test_discord import bot, fake, spy  # noqa: F401 - fixtures
from tests.fakes.discord_api import APP_ID, CHANNEL_ID, GUILD_ID, FakeDiscord
from tests.watches.conftest import SEEDS


async def test_discord_alerts_open_a_thread_then_post_in_it(
    bot: DiscordAdapter,  # noqa: F811
    fake: FakeDiscord,  # noqa: F811
    tmp_path,
) -> None:
    from bot.app import open_core

    async with open_core(tmp_path / "d.db") as core:
        await ingest_paths(core.store, SEEDS[:2])
        made = await core.handle(
            Request("watch", "Putin", user="U1", place=str(CHANNEL_ID), platform="discord")
        )
        assert made.title == "Watch #1 on"
        engine = AlertEngine(core.store, Router({"discord": bot}))
        for seed in SEEDS[2:]:
            await ingest_paths(core.store, [seed])
            await engine.step()
    opened = [c for c in fake.requests if c.method == "POST" and c.path.endswith("/threads")]
    assert len(opened) == 1 and opened[0].path.startswith(f"/channels/{CHANNEL_ID}/messages/")
    assert opened[0].body["name"].startswith("Ukraine Forces Advance")  # the story's headline
    in_channel = [
        c
        for c in fake.requests
        if c.method == "POST" and c.path == f"/channels/{CHANNEL_ID}/messages"
    ]
    assert len(in_channel) == 1  # the first alert, which the thread hangs from
    posts = [
        c
        for c in fake.requests
        if c.method == "POST"
        and c.path.endswith("/messages")
        and c.path != f"/channels/{CHANNEL_ID}/messages"
    ]
    assert (
        len(posts) == 2 and len({c.path for c in posts}) == 1
    )  # both later alerts in the one thread
    assert "Show source" in str(in_channel[0].body)


async def test_discord_tree_has_watch_subcommands(
    bot: DiscordAdapter,  # noqa: F811
    fake: FakeDiscord,  # noqa: F811
) -> None:
    put = fake.calls("PUT", f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    synced = {c["name"]: c for c in put[0].body}
    assert {o["name"] for o in synced["watch"]["options"]} == {"add", "list", "cancel", "quiet"}
