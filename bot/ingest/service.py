"""Ingest files and directories into the store, counting new, duplicate and failed articles."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.ingest.readers import Loaded, read_path
from bot.store.base import Store

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


async def ingest_loaded(store: Store, items: Iterable[Loaded], report: IngestReport | None = None) -> IngestReport:
    report = report or IngestReport()
    for item in items:
        if item.article is None:
            report.failed += 1
            report.errors.append(item.error)
            continue
        result = await store.add_article(item.article)
        if result.status == "new":
            report.new += 1
            report.new_ids.append(result.article_id)
        else:
            report.duplicate += 1
    return report


async def ingest_paths(store: Store, paths: Iterable[str | Path]) -> IngestReport:
    report = IngestReport()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            report.failed += 1
            report.errors.append(f"{raw}: no such file or directory")
            continue
        await ingest_loaded(store, read_path(path), report)
    return report
