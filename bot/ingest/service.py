"""Ingest files and directories into the store, counting new, duplicate and failed articles."""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from bot import metrics
from bot.ingest.readers import Loaded, read_path
from bot.store.base import IngestResult, Store
from bot.store.prepare import Prepared, prepare

log = logging.getLogger(__name__)
T = TypeVar("T")
BATCH = 256  # articles per transaction in bulk loads (each commit and term_df upsert is shared)


@dataclass
class IngestReport:
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. a file read in a legacy encoding

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


def _prepare(item: Loaded, extract: bool = True) -> tuple[Loaded, Prepared | None]:
    return item, _prepared(item, extract)


def _prepared(item: Loaded, extract: bool = True) -> Prepared | None:
    """The pool's task: only the Prepared travels back (the parent still holds the article)."""
    return prepare(item.article, extract) if item.article is not None else None


async def ingest_loaded(
    store: Store,
    items: Iterable[Loaded],
    report: IngestReport | None = None,
    workers: int = 1,
    extract: bool = True,
) -> IngestReport:
    """Add articles in order; with workers > 1 the extraction runs in a process pool (one writer).

    extract=False skips quote and figure extraction (bulk loads): the articles are still
    split, deduplicated, clustered and searchable, but /who and /figures do not see them.
    With more than one batch of them on a multi-core machine, one helper process prepares.
    """
    report = report or IngestReport()
    if workers == 1 and not extract and (os.cpu_count() or 1) > 1:
        items = iter(items)
        head = list(itertools.islice(items, BATCH))
        if len(head) == BATCH:
            # A bulk load: one process prepares the next batch while this one writes. A
            # thread cannot: the GIL, taken back after every SQLite call, serialises them.
            return await _ingest_pooled(store, itertools.chain(head, items), report, 1, extract)
        items = head
    if workers > 1:
        return await _ingest_pooled(store, items, report, workers, extract)
    if not extract:  # cheap to prepare here; write in batches, one commit per BATCH
        writing: asyncio.Future[None] | None = None
        for batch in _batches(items, BATCH):
            ready = [_prepare(item, False) for item in batch]
            if writing is not None:
                await writing
            # The store writes in a thread (SQLite releases the GIL), so the next batch is
            # read and prepared while this one is written; batches still land in order.
            writing = asyncio.ensure_future(_add_many(store, ready, report))
            await asyncio.sleep(0)
        if writing is not None:
            await writing
        return report
    for item in items:
        # With extraction the store prepares lazily, after its cheap exact-duplicate check.
        await _add(store, item, None, report)
    return report


async def _ingest_pooled(
    store: Store, items: Iterable[Loaded], report: IngestReport, workers: int, extract: bool
) -> IngestReport:
    """Preparation in a pool of worker processes, writing in this one, batch by batch in order."""
    loop = asyncio.get_running_loop()
    work = partial(_prepared, extract=extract)
    pool = ProcessPoolExecutor(workers, initializer=_exit_with_parent, initargs=(os.getpid(),))
    with pool:
        # The pool prepares batch k+1 while batch k is written: map() submits at once.
        pending: Iterator[tuple[Loaded, Prepared | None]] | None = None
        for batch in _batches(items, BATCH * workers):
            submitted = zip(batch, pool.map(work, batch, chunksize=8), strict=True)
            if pending is not None:
                await _write_prepared(loop, store, pending, report)
            pending = submitted
        if pending is not None:
            await _write_prepared(loop, store, pending, report)
    return report


async def _write_prepared(
    loop: asyncio.AbstractEventLoop,
    store: Store,
    results: Iterator[tuple[Loaded, Prepared | None]],
    report: IngestReport,
) -> None:
    done = await loop.run_in_executor(None, list, results)
    for part in _batches(done, BATCH):
        await _add_many(store, part, report)


def _counted(items: Iterable[T], progress: Callable[[int], None]) -> Iterator[T]:
    """The items unchanged, telling progress how many went by (every 50, and the rest)."""
    pending = 0
    for item in items:
        yield item
        pending += 1
        if pending == 50:
            progress(pending)
            pending = 0
    if pending:
        progress(pending)


def _noted(items: Iterable[Loaded], report: IngestReport) -> Iterator[Loaded]:
    """The items unchanged, their notes (how a file was read) kept for the user."""
    for item in items:
        if item.note:
            report.notes.append(item.note)
        yield item


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def _add_many(
    store: Store, prepared: list[tuple[Loaded, Prepared | None]], report: IngestReport
) -> None:
    """Write a batch in one transaction where the store can (each article still all or nothing)."""
    add_articles = getattr(store, "add_articles", None)
    if add_articles is None:  # a backend without batches: one transaction per article
        for item, ready in prepared:
            await _add(store, item, ready, report)
        return
    for item, _ in prepared:
        if item.article is None:
            report.failed += 1
            report.errors.append(item.error)
    todo = [(item.article, ready) for item, ready in prepared if item.article is not None]
    for result in await add_articles(todo) if todo else []:
        _count(result, report)


async def _add(store: Store, item: Loaded, prepared: Prepared | None, report: IngestReport) -> None:
    if item.article is None:
        report.failed += 1
        report.errors.append(item.error)
        return
    _count(await store.add_article(item.article, prepared), report)


def _count(result: IngestResult, report: IngestReport) -> None:
    if result.status == "new":
        report.new += 1
        report.new_ids.append(result.article_id)
    else:
        report.duplicate += 1


async def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    workers: int = 1,
    extract: bool = True,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Every file, folder and JSONL record under paths; progress(n) is told of each n read."""
    report = IngestReport()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            report.failed += 1
            report.errors.append(f"{raw}: no such file or directory")
            continue
        items = _noted(read_path(path), report)
        await ingest_loaded(
            store, _counted(items, progress) if progress else items, report, workers, extract
        )
    metrics.count_ingest(report.new, report.duplicate, report.failed)
    return report
