"""Shared fixtures: a core over a freshly seeded SQLite store, and the seeds answer key."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from bot.app import open_core
from bot.core import Core
from bot.model import Reply, Request
from tests.pgserver import PgServer, find_bin_dir

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


@pytest.fixture(scope="session")
def pg_server() -> object:
    """One throwaway PostgreSQL server for the whole session (started on first use)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries missing in CI: .ci/run installs postgresql")
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    server = PgServer(bin_dir).start()
    try:
        server.make_template()
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """An empty database on the session's server, emptied again for reuse afterwards."""
    url = pg_server.database()
    yield url
    pg_server.recycle(url)


@pytest.fixture(params=[pytest.param("process", marks=pytest.mark.slow), "in-process"])
def run(request: pytest.FixtureRequest) -> Callable[..., subprocess.CompletedProcess]:
    """`briefbot ARGS...` as a CompletedProcess, twice: a real subprocess per call (the slow
    tier, as a user runs it) and bot.cli.main in this process (the fast tier, same paths)."""
    from tests.test_cli import run as run_process
    from tests.test_cli import run_in_process

    return run_process if request.param == "process" else run_in_process
