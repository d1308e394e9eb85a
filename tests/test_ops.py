"""The ops endpoints as a load balancer and Prometheus see them: /healthz stays up, /readyz
flips when the store goes away and back, /metrics parses with prometheus-client's own
parser and counts commands, ingests and digests."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import pytest
import time_machine
from prometheus_client.parser import text_string_to_metric_families

from bot.app import ingest_sources, open_core
from bot.core import Core
from bot.delivery import Router
from bot.lease import SchedulerLease
from bot.model import Request
from bot.ops import Ops
from bot.scheduler import Scheduler
from tests.conftest import SEEDS
from tests.digests.conftest import RecordingChannel, at


@asynccontextmanager
async def ops_server(
    core: Core, adapters: list[Any] | None = None, lease: Any = None
) -> AsyncIterator[str]:
    ops = Ops(core.store, adapters or [], lease)
    port = await ops.serve("127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await ops.stop()


async def get(base: str, path: str) -> tuple[int, Any]:
    async with aiohttp.ClientSession() as session, session.get(base + path) as resp:
        if resp.content_type == "application/json":
            return resp.status, await resp.json()
        return resp.status, await resp.text()


async def test_readiness_flips_when_the_sqlite_file_goes_away_and_comes_back(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.db"
    async with open_core(path) as core, ops_server(core) as base:
        status, body = await get(base, "/readyz")
        assert status == 200 and body["status"] == "ready", body
        assert body["checks"]["store"]["ok"] and body["checks"]["schema"]["ok"]
        aside = tmp_path / "moved.db"
        os.rename(path, aside)  # an operator moving the file, a disk unmounted
        status, body = await get(base, "/readyz")
        assert status == 503 and body["status"] == "not ready"
        assert not body["checks"]["store"]["ok"] and "gone" in body["checks"]["store"]["detail"]
        status, health = await get(base, "/healthz")
        assert status == 200 and health["status"] == "ok"  # the process itself is fine
        os.rename(aside, path)
        status, body = await get(base, "/readyz")
        assert status == 200 and body["status"] == "ready"


async def test_readiness_flips_when_postgresql_refuses_connections(
    pg_url: str, pg_server: Any
) -> None:
    name = pg_url.rsplit("/", 1)[1]
    admin = await asyncpg.connect(pg_server.url())
    async with open_core(pg_url) as core, ops_server(core) as base:
        try:
            status, body = await get(base, "/readyz")
            assert status == 200, body
            await admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name
            )
            status, body = await get(base, "/readyz")
            assert status == 503 and not body["checks"]["store"]["ok"], body
            assert (await get(base, "/healthz"))[0] == 200
        finally:
            await admin.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")
            await admin.close()
        async with asyncio.timeout(30):
            while (await get(base, "/readyz"))[0] != 200:  # the pool reconnects
                await asyncio.sleep(0.2)


class Adapter:
    """An adapter as readiness sees it: a name and whether it is connected."""

    def __init__(self, name: str, connected: bool) -> None:
        self.name, self.connected = name, connected


async def test_readiness_names_an_adapter_that_is_not_connected_and_an_unknown_lease(
    tmp_path: Path,
) -> None:
    async with open_core(tmp_path / "s.db") as core:
        discord = Adapter("discord", False)
        lease = SchedulerLease(core.store, lambda: Scheduler.for_core(core, Router({})))
        async with ops_server(core, [Adapter("slack", True), discord], lease) as base:
            status, body = await get(base, "/readyz")
            assert status == 503
            assert body["checks"]["discord"] == {"ok": False, "detail": "not connected"}
            assert body["checks"]["slack"]["ok"] and not body["checks"]["scheduler"]["ok"]
            await lease.start()
            discord.connected = True
            try:
                status, body = await get(base, "/readyz")
                assert status == 200, body
                assert "runs digests" in body["checks"]["scheduler"]["detail"]
            finally:
                await lease.stop()


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a scrape, by (name, sorted labels), read by prometheus-client's parser."""
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


async def test_metrics_count_a_command_an_ingest_and_a_digest(tmp_path: Path) -> None:
    channel = RecordingChannel()
    async with open_core(tmp_path / "s.db") as core, ops_server(core) as base:
        status, text = await get(base, "/metrics")
        assert status == 200
        before = samples(text)
        await ingest_sources(core, [str(p) for p in SEEDS[:3]])
        await ingest_sources(core, [str(SEEDS[0]), str(tmp_path / "missing.txt")])
        reply = await core.handle(Request("who", "said kick the enemy out"))
        assert not reply.error
        await core.handle(Request("summary", ""))  # refused: no article given
        with time_machine.travel(at("2024-08-12T07:00:00"), tick=False) as clock:
            scheduler = Scheduler.for_core(core, Router({"fake": channel}))
            # the core a serving bot has: /digest tells its scheduler
            core = Core(core.store, core.config, replace(core.services, scheduler=scheduler))
            await scheduler.start()
            try:
                for place in ("C1", "C2"):
                    await core.handle(
                        Request(
                            "digest",
                            "schedule 07:30 UTC",
                            place=place,
                            platform="fake",
                            is_admin=True,
                        )
                    )
                clock.move_to(at("2024-08-12T07:30:01"))
                assert await scheduler.deliver_due(1) == "delivered"
                channel.fail_next = 1
                assert await scheduler.deliver_due(2) == "failed"
            finally:
                await scheduler.stop()
        after = samples((await get(base, "/metrics"))[1])

    def delta(name: str, **labels: str) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0.0) - before.get(key, 0.0)

    assert delta("briefbot_articles_total", result="new") == 3
    assert delta("briefbot_articles_total", result="duplicate") == 1
    assert delta("briefbot_articles_total", result="failed") == 1
    assert delta("briefbot_commands_total", command="who", outcome="ok") == 1
    assert delta("briefbot_commands_total", command="summary", outcome="refused") == 1
    assert delta("briefbot_digests_total", result="failed") == 1
    # every post that reached the channel is counted: #1, and #2 if its retry already ran
    assert delta("briefbot_digests_total", result="posted") == len(channel.posts) >= 1


async def test_the_index_lists_the_endpoints(tmp_path: Path) -> None:
    async with open_core(tmp_path / "s.db") as core, ops_server(core) as base:
        status, body = await get(base, "/")
        assert status == 200 and set(body["endpoints"]) == {"/healthz", "/readyz", "/metrics"}
        assert (await get(base, "/health"))[0] == 200


@pytest.mark.parametrize("line", ["/metrics", "/readyz"])
async def test_ops_routes_answer_get_only(tmp_path: Path, line: str) -> None:
    async with (
        open_core(tmp_path / "s.db") as core,
        ops_server(core) as base,
        aiohttp.ClientSession() as session,
        session.post(base + line) as resp,
    ):
        assert resp.status == 405


async def test_a_taken_ops_port_is_a_clear_config_error(tmp_path: Path) -> None:
    import socket

    from bot.app import start_ops
    from bot.config import Config, ConfigError, ServerConfig

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = Config(server=ServerConfig(port=port))
        async with open_core(tmp_path / "s.db") as core:
            with pytest.raises(ConfigError) as caught:
                await start_ops(config, Ops(core.store), [])
    assert f"127.0.0.1:{port}" in str(caught.value) and "[server] port" in str(caught.value)
