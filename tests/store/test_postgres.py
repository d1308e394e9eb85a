"""PostgreSQL-only behaviour: migrations, concurrent writers, the scheduler lease, no secret leaks."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from bot.store.base import StoreError
from bot.store.postgres import PostgresStore, redact
from bot.store.postgres_schema import MIGRATIONS
from tests.pgserver import PgServer
from tests.store.test_store import seed


async def test_migrations_apply_once_even_when_processes_start_together(
    pg_server: PgServer,
) -> None:
    name = "blank_" + uuid.uuid4().hex[:8]
    pg_server._sql(f"CREATE DATABASE {name}")
    pg_url = pg_server.url(name)
    stores = await asyncio.gather(*(PostgresStore.open(pg_url) for _ in range(4)))
    try:
        conn = await asyncpg.connect(pg_url)
        try:
            versions = [r[0] for r in await conn.fetch("SELECT version FROM schema_migrations")]
        finally:
            await conn.close()
        assert versions == [v for v, _ in MIGRATIONS]
    finally:
        for s in stores:
            await s.close()


async def test_writers_in_several_processes_store_each_article_once(pg_url: str) -> None:
    stores = [await PostgresStore.open(pg_url) for _ in range(3)]
    try:
        articles = [seed(i) for i in range(4)]
        results = await asyncio.gather(*(s.add_article(a) for s in stores for a in articles))
        assert sorted(r.status for r in results).count("new") == 4
        assert await stores[0].article_count() == 4
        stories = await stores[1].stories(since="2000-01-01")
        assert sum(len(s.articles) for s in stories) == 4
    finally:
        for s in stores:
            await s.close()


async def test_one_lease_holder_and_takeover_when_it_closes(pg_url: str) -> None:
    a, b = await PostgresStore.open(pg_url), await PostgresStore.open(pg_url)
    try:
        assert await a.try_lead() is True
        assert await b.try_lead() is False
        assert await a.try_lead() is True  # kept
        await a.release_leadership()
        assert await b.try_lead() is True
        assert await a.try_lead() is False
    finally:
        await a.close()
        await b.close()


async def test_a_bad_url_is_a_short_message_without_the_password() -> None:
    url = "postgresql://bot:s3cret-pw@127.0.0.1:1/briefbot"
    with pytest.raises(StoreError) as err:
        await PostgresStore.open(url)
    assert "s3cret-pw" not in str(err.value) and "127.0.0.1:1" in str(err.value)
    assert redact(url) == "postgresql://bot:***@127.0.0.1:1/briefbot"
