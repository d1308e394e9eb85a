"""/who said never lists what the article says someone did NOT say ("did not say when ...")."""

from __future__ import annotations

import json
from pathlib import Path

from bot.app import ingest_sources, open_core
from bot.model import Request

ARTICLE = {
    "id": "hq-move",
    "title": "Carmaker to move headquarters",
    "text": "The carmaker will move its European headquarters to Zurich, it said on Tuesday.\n\n"
    "Chief executive Bob Marsh did not say when the move would take place. Marsh said the "
    "plant in Essen would stay open.\n",
}


async def test_a_denied_report_is_not_listed_as_said(tmp_path: Path) -> None:
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text(json.dumps(ARTICLE) + "\n", encoding="utf8")
    async with open_core(tmp_path / "store.db") as core:
        await ingest_sources(core, [str(corpus)])
        reply = await core.handle(Request(command="who", args="said Bob Marsh"))
    texts = [item.text for s in reply.sections for item in (*s.quotes, *s.items)]
    assert any("plant in Essen would stay open" in t for t in texts)
    assert not any("when the move would take place" in t for t in texts)
