"""Extract quotes and figures of stored articles again: after `ingest --no-extract`, or after
an extractor upgrade. Batches of articles, each swapped in one transaction and stamped with
the extractor version, so a run killed at any point resumes where it stopped, without
duplicates, and a finished run has nothing left to do.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.extract import analyse, extractor_version
from bot.model import Analysis
from bot.store.base import Store

log = logging.getLogger(__name__)
PARTS = ("quotes", "figures")
BATCH = 32  # articles per transaction: a kill loses at most this much work


@dataclass
class ReindexReport:
    """What a reindex run did."""

    done: int = 0
    pending: int = 0  # stale articles found at the start
    version: str = ""

    def line(self) -> str:
        if not self.pending:
            return f"nothing to reindex: every article is extracted by version {self.version}"
        return (
            f"reindexed {self.done} of {self.pending} articles (extractor version {self.version})"
        )


def _analyse_batch(texts: list[str]) -> list[Analysis]:
    """The extractors' public entry point, once per text (run in a worker thread)."""
    return [analyse(text) for text in texts]


async def reindex(
    store: Store,
    parts: Sequence[str] = PARTS,
    since: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ReindexReport:
    """Re-extract every article whose quotes or figures (parts) an older or no extractor
    made, published (or, undated, indexed) since `since`; progress(done, total) per batch."""
    version = extractor_version()
    report = ReindexReport(version=version)
    report.pending = await store.reindex_count(version, parts, since)
    after = 0
    while report.pending:
        batch = await store.reindex_batch(version, parts, since, after=after, limit=BATCH)
        if not batch:
            break
        analyses = await asyncio.to_thread(_analyse_batch, [text for _, text in batch])
        await store.replace_facts(
            [(key, a) for (key, _), a in zip(batch, analyses, strict=True)], version, parts
        )
        after = batch[-1][0]
        report.done += len(batch)
        if progress is not None:
            progress(report.done, report.pending)
    return report
