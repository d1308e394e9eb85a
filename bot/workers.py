"""Command workers: read commands run in separate processes, so no command can hold up an ack.

Why processes: every adapter acks on the bot's one event loop, and a CPU-heavy command
(a multi-source summary, a speaker match over thousands of names) holds that loop — and,
in a thread, the GIL — for as long as it runs. A worker process has its own interpreter,
its own store connection and a lower scheduling priority, so the loop that acks only
hands requests over and gets replies back.

Back-pressure: at most `max_pending` commands wait or run at once; one more gets a short
"busy, try again" reply at once instead of being queued for minutes or dropped.
Platform-free: the pool takes core Requests and gives back core Replies.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bot import metrics
from bot.config import Config
from bot.model import Reply, Request, error_reply
from bot.store.base import Store

log = logging.getLogger(__name__)

WORKER_NICE = 5  # workers yield the CPU to the process that acks
BUSY_TEXT = "briefbot is busy with many requests right now; please try again in a minute."


class Handler(Protocol):
    """What a worker runs requests on: a core (bot.core.Core) over the worker's own store."""

    store: Store

    async def handle(self, request: Request) -> Reply: ...


MakeCore = Callable[[Store, Config], Handler]

# -- inside a worker process ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Worker:
    loop: asyncio.AbstractEventLoop
    core: Handler

    def close(self) -> None:
        with contextlib.suppress(Exception):  # exiting anyway
            self.loop.run_until_complete(self.core.store.close())


# The one piece of state a pool process keeps between tasks: ProcessPoolExecutor calls plain
# functions, so what the initializer opened must live in the process (one slot, set once).
_here: dict[str, _Worker] = {}


def _init(target: str, config: Config, nice: int, make_core: MakeCore, started: Any) -> None:
    """Worker start: lower priority, own event loop, own store, hot caches filled."""
    if nice:
        with contextlib.suppress(OSError):
            os.nice(nice)
    parent = os.getppid()
    threading.Thread(target=_orphan_watch, args=(parent,), daemon=True).start()
    from bot.store.opening import open_store

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    store = loop.run_until_complete(open_store(target, near_duplicates=config.near_duplicates))
    worker = _here["worker"] = _Worker(loop, make_core(store, config))
    # A worker exits by joining its threads, and the store's connection thread only ends when
    # the store is closed: close it first. No public hook runs before that join (atexit runs
    # after it), so this is threading's own, as concurrent.futures itself uses.
    threading._register_atexit(worker.close)  # type: ignore[attr-defined]
    started.put(os.getpid())
    try:  # the speaker list /who matches against: built once here, not on a user's request
        loop.run_until_complete(store.speakers())
    except Exception:  # a broken store still answers each request with its own error
        log.exception("worker: could not preload speakers")


def _orphan_watch(parent: int) -> None:
    """A bot killed with -9 cannot stop its workers: they notice and exit on their own."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _handle(request: Request) -> Reply:
    worker = _here["worker"]
    return worker.loop.run_until_complete(worker.core.handle(request))


def _call(name: str, *args: Any) -> Any:
    """Run one of the core's background jobs (e.g. the summary warmer) in this worker."""
    worker = _here["worker"]
    if name == "warm_summaries":
        from bot.warmer import warm_summaries

        return worker.loop.run_until_complete(warm_summaries(worker.core.store, *args))
    raise ValueError(f"unknown worker job {name!r}")


def _ping() -> int:
    return os.getpid()


# -- in the bot's process ------------------------------------------------------------------


class WorkerPool:
    """A bounded pool of worker processes over the same store as the bot."""

    def __init__(
        self,
        target: str | Path,
        config: Config,
        make_core: MakeCore,
        workers: int = 2,
        max_pending: int = 200,
        timeout: float = 90.0,
        nice: int = WORKER_NICE,
    ) -> None:
        self.target = str(target)
        self.config = config
        self.make_core = make_core
        self.workers = max(1, workers)
        self.max_pending = max(1, max_pending)
        self.timeout = timeout
        self.nice = nice
        self.pending = 0
        self._pool: ProcessPoolExecutor | None = None
        self._started: Any = None  # the current pool's workers put their pid here at start
        self._pids: set[int] = set()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the bot's process has threads (aiosqlite, the HTTP client).
        context = multiprocessing.get_context("spawn")
        self._started, self._pids = context.SimpleQueue(), set()
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init,
            initargs=(self.target, self.config, self.nice, self.make_core, self._started),
        )

    async def start(self) -> None:
        """Start the workers and wait until each has opened the store."""
        self._pool = self._new_pool()
        loop = asyncio.get_running_loop()
        await asyncio.gather(
            *(loop.run_in_executor(self._pool, _ping) for _ in range(self.workers))
        )

    async def stop(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)

    def pids(self) -> list[int]:
        """The worker processes' ids (for operators' tools and tests)."""
        while self._started is not None and not self._started.empty():
            self._pids.add(self._started.get())
        return sorted(self._pids)

    def busy(self) -> bool:
        return self.pending >= self.max_pending

    async def handle(self, request: Request) -> Reply:
        """The reply from a worker; "busy" when max_pending commands are already in."""
        if self.busy():
            log.warning("workers: %d commands pending; refusing /%s", self.pending, request.command)
            metrics.BUSY_REPLIES.inc()
            return error_reply(BUSY_TEXT, hint="Nothing was lost; the same command will work.")
        self.pending += 1
        try:
            return await self._run(_handle, request)
        except TimeoutError:
            log.warning("workers: /%s took too long", request.command)
            return error_reply(f"/{request.command} took too long and was stopped.")
        except BrokenProcessPool:
            log.error("workers: a worker died running /%s; restarting the pool", request.command)
            return error_reply(
                f"Something went wrong running /{request.command}; it has been logged.",
                example="/help",
            )
        finally:
            self.pending -= 1

    async def call(self, name: str, *args: Any) -> Any:
        """Run a named background job in a worker (not counted against max_pending)."""
        return await self._run(_call, name, *args)

    async def _run(self, fn: Any, *args: Any) -> Any:
        if self._pool is None:
            raise RuntimeError("WorkerPool.start() has not run")
        pool = self._pool
        try:
            future = asyncio.get_running_loop().run_in_executor(pool, fn, *args)
            return await asyncio.wait_for(future, self.timeout)
        except BrokenProcessPool:
            # The first to notice replaces the pool; later requests use the new one.
            if self._pool is pool:
                self._pool = self._new_pool()
                pool.shutdown(wait=False, cancel_futures=True)
            raise
