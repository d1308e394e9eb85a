"""Store tests run on both backends: every behaviour is proven on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.store.opening import open_store

BACKENDS = ["sqlite", "postgres"]
Opener = Callable[..., Awaitable[Any]]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def target(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store lives: a fresh SQLite file or a fresh PostgreSQL database."""
    if backend == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return str(tmp_path / "s.db")


@pytest.fixture
async def opener(target: str) -> AsyncIterator[Opener]:
    """Open (and on teardown close) stores at the test's target; several may be open at once."""
    opened: list[Any] = []

    async def _open(**kwargs: Any) -> Any:
        s = await open_store(target, **kwargs)
        opened.append(s)
        return s

    yield _open
    for s in opened:
        await s.close()


@pytest.fixture
async def store(opener: Opener) -> Any:
    return await opener()
