"""Ingest files and directories into the store, counting new, duplicate and failed articles."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bot.ingest.readers import Loaded, read_path
from bot.store.base import Store
from bot.store.sqlite import Prepared, prepare

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.new} new, {self.duplicate} duplicate, {self.failed} failed"


def _exit_with_parent(parent: int) -> None:
    """Pool initializer: a worker whose ingest was killed (kill -9 gives the pool no chance to
    stop it) exits within a second, instead of lingering on pipes nobody will write to."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _prepare(item: Loaded) -> tuple[Loaded, Prepared | None]:
    return item, (prepare(item.article) if item.article is not None else None)


async def ingest_loaded(
    store: Store, items: Iterable[Loaded], report: IngestReport | None = None, workers: int = 1
) -> IngestReport:
    """Add articles in order; with workers > 1 the extraction runs in a process pool (one writer)."""
    report = report or IngestReport()
    if workers > 1:
        loop = asyncio.get_running_loop()
        pool = ProcessPoolExecutor(workers, initializer=_exit_with_parent, initargs=(os.getpid(),))
        with pool:
            for batch in _batches(items, 64 * workers):
                done = await loop.run_in_executor(
                    None, lambda b=batch: list(pool.map(_prepare, b, chunksize=8))
                )
                for item, prepared in done:
                    await _add(store, item, prepared, report)
        return report
    for item in items:
        await _add(store, item, None, report)
    return report


def _batches(items: Iterable[Loaded], size: int) -> Iterator[list[Loaded]]:
    batch: list[Loaded] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def _add(store: Store, item: Loaded, prepared: Prepared | None, report: IngestReport) -> None:
    if item.article is None:
        report.failed += 1
        report.errors.append(item.error)
        return
    result = await store.add_article(item.article, prepared)
    if result.status == "new":
        report.new += 1
        report.new_ids.append(result.article_id)
    else:
        report.duplicate += 1


async def ingest_paths(store: Store, paths: Iterable[str | Path], workers: int = 1) -> IngestReport:
    report = IngestReport()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            report.failed += 1
            report.errors.append(f"{raw}: no such file or directory")
            continue
        await ingest_loaded(store, read_path(path), report, workers)
    return report
