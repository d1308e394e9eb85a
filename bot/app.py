"""Composition root: builds the store, the core and its services; adapters only ever get the Core."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from bot import metrics
from bot.commands.context import ScheduleJobs, Services
from bot.config import DEFAULT_OPS_PORT, Config, ConfigError
from bot.core import Core
from bot.delivery import Router
from bot.ingest.fetch import Fetcher
from bot.ingest.service import IngestReport, ingest_paths
from bot.ops import Ops
from bot.store.base import Store
from bot.store.opening import open_store
from bot.store.sqlite import SQLiteStore
from bot.warmer import CHUNK, POLL_SECONDS, WARM_DAYS, WARM_LIMIT, SummaryWarmer
from bot.workers import WorkerPool

log = logging.getLogger(__name__)

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


async def seed_if_empty(store: SQLiteStore, seeds_dir: Path | None = None) -> int:
    """Index the shipped seed articles on first run, so a new install has something to brief."""
    if await store.article_count():
        return 0
    folder = seeds_dir or SEEDS_DIR
    if not folder.is_dir():
        log.warning("no seeds folder at %s", folder)
        return 0
    report = await ingest_paths(store, sorted(folder.glob("*.txt")))
    return report.new


SchedulerFactory = Callable[[Store, Config, Fetcher], ScheduleJobs]


@asynccontextmanager
async def open_core(
    db_path: str | Path | None = None,
    *,
    seed: bool = False,
    config: Config | None = None,
    scheduler: SchedulerFactory | None = None,
) -> AsyncIterator[Core]:
    """A ready Core over the store at db_path: a SQLite file or a postgresql:// URL.

    When None, the config decides: its store.url if set, else its SQLite path. `scheduler`
    makes what /digest tells about new and cancelled schedules (a bot that serves passes it).
    """
    config = config or Config()
    store = await open_store(
        db_path or config.store_url or config.db_path, near_duplicates=config.near_duplicates
    )
    fetcher = Fetcher(store, config.fetch)
    try:
        if seed:
            await seed_if_empty(store, config.seeds_dir)
        jobs = scheduler(store, config, fetcher) if scheduler is not None else None
        yield Core(store, config, Services(fetcher=fetcher, scheduler=jobs))
    finally:
        await fetcher.close()
        await store.close()


async def ingest_sources(
    core: Core,
    sources: list[str],
    workers: int = 1,
    extract: bool = True,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Files and folders from disk; http(s) URLs and feeds through the fetcher service."""
    report = IngestReport()
    paths = [s for s in sources if not s.lower().startswith(("http://", "https://"))]
    urls = [s for s in sources if s not in paths]
    if paths:
        part = await ingest_paths(
            core.store, paths, workers=workers, extract=extract, progress=progress
        )
        _add(report, part)
    fetcher = core.services.fetcher
    for url in urls:
        if fetcher is None:
            report.failed += 1
            report.errors.append(f"{url}: fetching URLs is not available in this build")
            continue
        _add(report, await fetcher.ingest_url(url))
    return report


def default_workers() -> int:
    """Worker processes for read commands: BRIEFBOT_WORKERS, else one per core up to 2 (0: none)."""
    raw = os.environ.get("BRIEFBOT_WORKERS", "")
    if raw.strip().isdigit():
        return min(int(raw), 16)
    return min(2, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Background:
    """A long-running bot's core (read commands dispatched to its workers) and its warmer."""

    core: Core
    warmer: SummaryWarmer
    workers: WorkerPool | None


@asynccontextmanager
async def background(
    core: Core,
    target: str | Path,
    workers: int | None = None,
    warm_every: float = POLL_SECONDS,
    max_pending: int = 200,
) -> AsyncIterator[Background]:
    """What a long-running bot adds to a core: read commands in worker processes (so the
    event loop that acks is never held up by one) and the story-summary warmer.

    The core it yields is made with the workers as its dispatcher; give that one to adapters."""
    count = default_workers() if workers is None else workers
    pool = WorkerPool(target, core.config, Core, count, max_pending) if count else None
    if pool is not None:
        await pool.start()
        metrics.watch_queue(lambda: pool.pending)
    run = (lambda: pool.call("warm_summaries", WARM_DAYS, WARM_LIMIT, CHUNK)) if pool else None
    warmer = SummaryWarmer(core.store, run, every=warm_every)
    warmer.start()
    try:
        yield Background(core.with_dispatcher(pool), warmer, pool)
    finally:
        await warmer.stop()
        if pool is not None:
            await pool.stop()


def _add(total: IngestReport, part: IngestReport) -> None:
    total.new += part.new
    total.duplicate += part.duplicate
    total.failed += part.failed
    total.errors += part.errors
    total.new_ids += part.new_ids
    total.notes += part.notes


async def serve(config: Config, db_path: str) -> int:
    """Run every configured platform adapter (and the digest scheduler) until interrupted."""
    import asyncio
    import signal

    adapters = []
    if config.slack.enabled:
        from adapters.slack import SlackAdapter, SlackSettings

        adapters.append(SlackAdapter(SlackSettings.from_config(config.slack)))
    if config.discord.enabled:
        adapters.append(discord_adapter(config))
    if not adapters:
        log.error("no Slack or Discord token configured; run `briefbot` for the console instead")
        print(
            "briefbot serve: no Slack or Discord credentials configured (see config.example.toml)"
        )
        return 2
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    target = db_path or config.store_url or str(config.db_path)
    from bot.lease import SchedulerLease
    from bot.scheduler import Scheduler

    router = Router({a.name: a for a in adapters})

    def lease_of(store: Store, config: Config, fetcher: Fetcher) -> SchedulerLease:
        def make() -> Scheduler:
            return Scheduler(store, config, router, fetcher=fetcher)

        return SchedulerLease(store, make, every=config.lease_seconds)

    async with (
        open_core(db_path, seed=True, config=config, scheduler=lease_of) as opened,
        background(opened, target) as bg,
    ):
        core = bg.core
        lease = cast(SchedulerLease, opened.services.scheduler)  # made by lease_of
        ops = await start_ops(config, Ops(core.store, adapters, lease), adapters)
        try:
            started = []
            for adapter in adapters:
                try:
                    await adapter.start(core)
                except RuntimeError as exc:  # e.g. a bot token the platform refuses: say why, stop
                    log.error("%s did not start: %s", adapter.name, exc)
                    print(f"briefbot serve: {exc}", file=sys.stderr)
                    for running in started:
                        await running.stop()
                    return 1
                started.append(adapter)
            await lease.start()
            log.info("serving: %s", ", ".join(a.name for a in adapters))
            await stop.wait()
            await lease.stop()
            for adapter in adapters:
                await adapter.stop()
        finally:
            await ops.stop()
    return 0


async def start_ops(config: Config, ops: Ops, adapters: list[Any]) -> Ops:
    """/healthz, /readyz, /metrics: on the Slack HTTP port unless `[server] port` is set or
    there is no Slack HTTP server (Discord only, Socket Mode), then on a port of their own."""
    slack_http = next(
        (a for a in adapters if a.name == "slack" and a.settings.mode == "http"), None
    )
    if config.server.port is None and slack_http is not None:
        slack_http.http_routes.append(ops.add_routes)
    else:
        port = DEFAULT_OPS_PORT if config.server.port is None else config.server.port
        try:
            await ops.serve(config.server.host, port)
        except OSError as exc:
            raise ConfigError(
                f"cannot serve /healthz, /readyz and /metrics on {config.server.host}:{port} "
                f"({exc.strerror or exc}); give each process its own [server] port, "
                "e.g. port = 8082"
            ) from exc
    return ops


def discord_adapter(config: Config):  # -> adapters.discord.DiscordAdapter (imported lazily)
    """The Discord adapter as configured (token from DISCORD_TOKEN or the file)."""
    from adapters.discord import DiscordAdapter, DiscordSettings

    return DiscordAdapter(DiscordSettings.from_config(config.discord))


async def discord_sync(config: Config, db_path: str, guild_id: int | None = None) -> int:
    """Push the slash-command list to Discord (one guild at once, or globally within the hour)."""
    import dataclasses

    if not config.discord.enabled:
        print("briefbot discord-sync: no Discord token (set DISCORD_TOKEN or [discord] token)")
        return 2
    if guild_id is not None:
        config = dataclasses.replace(
            config, discord=dataclasses.replace(config.discord, guild_id=guild_id)
        )
    adapter = discord_adapter(config)
    async with open_core(db_path, config=config) as core:
        try:
            count = await adapter.sync_only(core)
        except RuntimeError as exc:
            print(f"briefbot discord-sync: {exc}")
            return 1
    where = f"guild {config.discord.guild_id}" if config.discord.guild_id else "all servers"
    print(f"synced {count} commands to {where}")
    return 0
