"""Watch tests: a real core and store, the real AlertEngine, a channel that records threaded posts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bot.alerts import AlertEngine
from bot.app import open_core
from bot.config import Config
from bot.core import Core
from bot.delivery import Router
from bot.ingest.service import ingest_paths
from bot.model import Reply, Request

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@dataclass
class ThreadedChannel:
    """An adapter's post/post_threaded that keeps what it was given; threads are numbered."""

    posts: list[tuple[str, Reply, str | None]] = field(default_factory=list)
    opened: int = 0

    async def post(self, place: str, reply: Reply, *, done: int = 0, sent: Any = None) -> None:
        self.posts.append((place, reply, None))
        if sent is not None:
            await sent(1)

    async def post_threaded(self, place: str, reply: Reply, thread: str | None) -> str | None:
        if thread is None:
            self.opened += 1
            thread = f"T{self.opened}"
            self.posts.append((place, reply, None))  # the thread's root is a channel message
        else:
            self.posts.append((place, reply, thread))
        return thread

    def texts(self) -> list[str]:
        """Every verbatim line posted, in order."""
        return [i.text for _, r, _ in self.posts for s in r.sections for i in s.items]


@dataclass
class Bot:
    core: Core
    engine: AlertEngine
    channel: ThreadedChannel

    async def watch(self, args: str, place: str = "C1") -> Reply:
        return await self.core.handle(
            Request("watch", args, user="U1", place=place, platform="fake")
        )

    async def ingest(self, *paths: Path) -> None:
        await ingest_paths(self.core.store, paths)


@asynccontextmanager
async def running(
    db: Path | str, channel: ThreadedChannel, config: Config | None = None
) -> AsyncIterator[Bot]:
    """One bot process over the store (the engine is stepped by the test, not on a timer)."""
    config = config or Config()
    async with open_core(db, config=config) as core:
        engine = AlertEngine(core.store, Router({"fake": channel}), per_hour=config.alerts.per_hour)
        yield Bot(core, engine, channel)


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A SQLite file, then a PostgreSQL database."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return tmp_path / "briefbot.db"
