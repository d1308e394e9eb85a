"""A core over BBC-shaped articles and what /who said shows for them: the helpers the /who
tests under tests/commands share."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.app import ingest_sources, open_core
from bot.model import Reply, Request


def article_file(path: Path, articles: dict[str, str]) -> Path:
    """A JSONL source of id -> text, each titled by its first line (written once per test)."""
    if not path.exists():
        rows = [{"id": k, "title": v.split("\n")[0], "text": v} for k, v in articles.items()]
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf8")
    return path


async def ask_over(tmp_path: Path, source: Path, line: str) -> Reply:
    """The reply to a command line, from a store that ingested source as a user would."""
    async with open_core(tmp_path / "store.db") as core:
        if not await core.store.article_count():
            await ingest_sources(core, [str(source)])
        command, _, args = line.lstrip("/").partition(" ")
        return await core.handle(Request(command=command, args=args))


def items(reply: Reply) -> list[Any]:
    """Every quote and reported-speech item the reply shows."""
    return [item for s in reply.sections for item in (*s.quotes, *s.items)]


def label_of(reply: Reply, words: str) -> str:
    """The speaker label of the first item whose text holds words."""
    return next(i.label for i in items(reply) if words in i.text)
