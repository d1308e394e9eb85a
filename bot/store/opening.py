"""Pick the store backend from what the deployer configured: a file path or a postgresql:// URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

PG_SCHEMES = ("postgresql://", "postgres://")


def is_pg_url(target: str | Path | None) -> bool:
    return isinstance(target, str) and target.lower().startswith(PG_SCHEMES)


async def open_store(target: str | Path, near_duplicates: bool = True) -> Any:
    """SQLiteStore for a path, PostgresStore for a postgresql:// URL (asyncpg loaded only then)."""
    if is_pg_url(target):
        from bot.store.postgres import PostgresStore

        return await PostgresStore.open(str(target), near_duplicates=near_duplicates)
    from bot.store.sqlite import SQLiteStore

    return await SQLiteStore.open(target, near_duplicates=near_duplicates)
