"""Shared fixtures: a core over a freshly seeded SQLite store, and the seeds answer key."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.app import open_core
from bot.core import Core
from bot.model import Reply, Request

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLD = json.loads((Path(__file__).parent / "data" / "seeds_gold.json").read_text())


def reply_text(reply: Reply) -> str:
    """Every string in the reply, as a user would read it somewhere on screen."""
    out: list[str] = []

    def walk(obj: object) -> None:
        if isinstance(obj, str):
            out.append(obj)
        elif isinstance(obj, dict):
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list | tuple):
            for v in obj:
                walk(v)

    walk(reply.to_dict())
    return "\n".join(out)


@pytest.fixture
def gold() -> dict:
    return GOLD


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    async with open_core(tmp_path / "store.db", seed=True) as c:
        yield c


@pytest.fixture
def ask(core: Core) -> Callable[[str], Awaitable[Reply]]:
    async def _ask(line: str, *, admin: bool = False, place: str = "C1") -> Reply:
        command, _, args = line.lstrip("/").partition(" ")
        return await core.handle(Request(command=command, args=args, is_admin=admin, place=place))

    return _ask
