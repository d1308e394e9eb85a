"""A PostgreSQL store made before resumable digests (migration 1 only) is upgraded on open,
keeping its delivery records."""

from __future__ import annotations

import uuid

import asyncpg

from bot.store.postgres import PostgresStore
from bot.store.postgres_schema import MIGRATIONS
from tests.pgserver import PgServer


async def test_an_older_postgres_store_gains_the_resume_columns(pg_server: PgServer) -> None:
    name = "old_" + uuid.uuid4().hex[:8]
    pg_server._sql(f"CREATE DATABASE {name}")
    url = pg_server.url(name)
    conn = await asyncpg.connect(url)
    try:  # as briefbot left it before: only the first migration, one delivered digest
        await conn.execute(
            "CREATE TABLE schema_migrations "
            "(version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        await conn.execute(MIGRATIONS[0][1])
        await conn.execute("INSERT INTO schema_migrations (version) VALUES (1)")
        await conn.execute(
            "INSERT INTO deliveries (schedule_id, local_date, place, status, claimed_at, "
            "covered_until) VALUES (1, '2024-08-13', 'C1', 'delivered', '2024-08-13T04:30:00Z', "
            "'2024-08-13T03:00:00Z')"
        )
    finally:
        await conn.close()
    store = await PostgresStore.open(url)
    try:
        record = await store.delivery(1, "2024-08-13")
        assert record is not None and record.status == "delivered"
        assert record.parts_posted == 0 and record.reply is None and record.indexed_through is None
        assert await store.covered_until(1) == "2024-08-13T03:00:00Z"
        assert await store.indexed_through(1) is None
    finally:
        await store.close()
    conn = await asyncpg.connect(url)
    try:
        versions = [r[0] for r in await conn.fetch("SELECT version FROM schema_migrations")]
    finally:
        await conn.close()
    assert versions == [v for v, _ in MIGRATIONS]
