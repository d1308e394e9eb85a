"""Delivery routing, and the claim that makes a digest post exactly once across connections."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.delivery import DeliveryError, Router
from bot.model import Reply
from bot.store.opening import open_store
from bot.store.sqlite import SQLiteStore
from tests.digests.conftest import RecordingChannel


async def test_router_posts_to_the_platforms_adapter() -> None:
    slack, discord = RecordingChannel(), RecordingChannel()
    router = Router({"slack": slack, "discord": discord})
    await router.post("discord", "123", Reply(title="Morning digest — 2024-08-13"))
    assert discord.titles == ["Morning digest — 2024-08-13"] and slack.posts == []
    with pytest.raises(DeliveryError, match="no running adapter for platform 'console'"):
        await router.post("console", "x", Reply(title="t"))


async def test_only_one_of_many_concurrent_claims_wins(db: Path | str) -> None:
    stores = [await open_store(db) for _ in range(4)]
    try:
        wins = await asyncio.gather(
            *(
                s.claim_delivery(7, "2024-08-13", "C1", f"token-{i}", "2024-08-13T04:30:00Z", 3)
                for i, s in enumerate(stores)
            )
        )
        assert sorted(wins) == [False, False, False, True]
        winner = wins.index(True)
        await stores[winner].fail_delivery(7, "2024-08-13", f"token-{winner}", "503")
        again = await asyncio.gather(
            *(
                s.claim_delivery(7, "2024-08-13", "C1", f"retry-{i}", "2024-08-13T04:35:00Z", 3)
                for i, s in enumerate(stores)
            )
        )
        assert sorted(again) == [
            False,
            False,
            False,
            True,
        ]  # a known failure can be re-claimed, once
        record = await stores[0].delivery(7, "2024-08-13")
        assert record is not None and (record.status, record.attempts) == ("claimed", 2)
    finally:
        for s in stores:
            await s.close()


async def test_a_store_made_with_the_first_digest_tables_is_upgraded(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE deliveries (schedule_id INTEGER NOT NULL, local_date TEXT NOT NULL, place TEXT NOT NULL, "
        "claimed_at TEXT NOT NULL, delivered_at TEXT, covered_until TEXT, PRIMARY KEY (schedule_id, local_date));"
        "CREATE TABLE feeds (url TEXT PRIMARY KEY, etag TEXT, modified TEXT, added_by TEXT NOT NULL DEFAULT '', "
        "added_at TEXT NOT NULL, last_polled TEXT, last_error TEXT, entries INTEGER NOT NULL DEFAULT 0);"
    )
    old.close()
    for _ in range(2):  # opening twice must be harmless
        store = await SQLiteStore.open(path)
        try:
            await store.add_feed("https://wire.example/rss", "U1", "2024-08-13T00:00:00Z")
            assert await store.claim_delivery(
                1, "2024-08-13", "C1", "t", "2024-08-13T04:30:00Z", 3
            ) in (True, False)
        finally:
            await store.close()
    store = await SQLiteStore.open(path)
    try:
        record = await store.delivery(1, "2024-08-13")
        assert record is not None and record.status == "claimed"
    finally:
        await store.close()
