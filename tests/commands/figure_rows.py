"""A core over a few BBC-shaped articles and the /figures rows an editor sees: what the
figure tests under tests/commands ask of it."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.app import open_core
from bot.core import Core
from bot.ingest.service import ingest_paths
from bot.model import FigureRow, Request


@asynccontextmanager
async def core_over(tmp_path: Path, articles: list[dict[str, Any]]) -> AsyncIterator[Core]:
    """A store holding exactly these articles, ingested as a user would (a JSONL file)."""
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf8")
    async with open_core(tmp_path / "store.db") as c:
        report = await ingest_paths(c.store, [src])
        assert report.new == len(articles)
        yield c


async def figure_rows(core: Core, query: str) -> list[FigureRow]:
    reply = await core.handle(Request(command="figures", args=query))
    assert not reply.error, reply
    return [r for s in reply.sections for r in s.figures]


async def figure_row(core: Core, query: str, surface: str) -> FigureRow:
    """The first row whose figure starts with surface (the failure lists what was shown)."""
    rows = await figure_rows(core, query)
    found = [r for r in rows if r.surface.startswith(surface)]
    assert found, [r.surface for r in rows]
    return found[0]
