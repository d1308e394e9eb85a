"""A running bot for digest tests: real core and store, the real Scheduler, a recording channel."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from bot.app import open_core
from bot.config import Config, DigestConfig
from bot.core import Core
from bot.delivery import DeliveryError, Router
from bot.ingest.fetch import Fetcher
from bot.model import Reply, Request
from bot.scheduler import Scheduler
from bot.store.base import Store

CONFIG = Config(digest=DigestConfig(grace_hours=6.0, feed_poll_minutes=15.0))


def parts_of(reply: Reply) -> list[str]:
    """The messages a reply goes out as here: its title, then one per section (like a chat
    platform splitting a long digest)."""
    return [reply.title] + [s.heading or s.text for s in reply.sections]


@dataclass
class RecordingChannel:
    """An adapter's post() that keeps what it was given; fail_next makes the next posts raise,
    fail_after_parts makes the next post raise after that many of its messages went out."""

    posts: list[tuple[str, Reply]] = field(default_factory=list)
    messages: list[tuple[str, str]] = field(default_factory=list)  # (place, part) as posted
    fail_next: int = 0
    fail_after_parts: int | None = None

    async def post(
        self,
        place: str,
        reply: Reply,
        *,
        done: int = 0,
        sent: Callable[[int], Awaitable[None]] | None = None,
    ) -> None:
        if self.fail_next:
            self.fail_next -= 1
            raise DeliveryError("platform returned 503")
        for i, part in enumerate(parts_of(reply)):
            if i < done:
                continue
            if self.fail_after_parts is not None:
                if self.fail_after_parts == 0:
                    self.fail_after_parts = None
                    raise DeliveryError("platform returned 503 part way")
                self.fail_after_parts -= 1
            self.messages.append((place, part))
            if sent is not None:
                await sent(i + 1)
        self.posts.append((place, reply))

    @property
    def titles(self) -> list[str]:
        return [r.title for _, r in self.posts]


@dataclass
class Bot:
    core: Core
    scheduler: Scheduler
    channel: RecordingChannel

    async def ask(
        self, args: str, place: str = "C1", platform: str = "fake", admin: bool = True
    ) -> Reply:
        return await self.core.handle(
            Request("digest", args, user="U1", place=place, platform=platform, is_admin=admin)
        )


@asynccontextmanager
async def running(
    db: Path | str, channel: RecordingChannel, *, seed: bool = False, config: Config = CONFIG
) -> AsyncIterator[Bot]:
    """One bot process: open the store, start the scheduler (which catches up), stop on exit."""
    made: list[Scheduler] = []

    def make(store: Store, config: Config, fetcher: Fetcher) -> Scheduler:
        made.append(Scheduler(store, config, Router({"fake": channel}), fetcher=fetcher))
        return made[-1]

    async with open_core(db, seed=seed, config=config, scheduler=make) as core:
        [scheduler] = made
        await scheduler.start()
        try:
            yield Bot(core, scheduler, channel)
        finally:
            await scheduler.stop()


def at(text: str) -> datetime:
    """'2024-10-26T04:30:00' as a UTC instant."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def clock() -> Iterator[time_machine.Coordinates]:
    """Frozen wall clock; tests move it with clock.move_to(...)."""
    with time_machine.travel(at("2024-08-12T12:00:00"), tick=False) as traveller:
        yield traveller


@pytest.fixture
def channel() -> RecordingChannel:
    return RecordingChannel()


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """The store every digest test runs on: a SQLite file, then a PostgreSQL database."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return tmp_path / "briefbot.db"
