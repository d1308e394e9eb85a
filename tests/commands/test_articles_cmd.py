"""/articles: what is indexed, newest first, fifteen a page, each with an id the other commands take."""

from __future__ import annotations

import json
from pathlib import Path

from bot.app import ingest_sources, open_core
from bot.commands.articles import PAGE
from bot.model import Request
from tests.conftest import SEEDS, reply_text
from tests.ingest.conftest import story_text


async def test_lists_every_seed_with_an_id_that_opens_it(ask) -> None:
    reply = await ask("/articles")
    assert not reply.error
    assert reply.title == f"{len(SEEDS)} indexed articles"
    assert reply.footer == "Page 1 of 1"
    items = reply.sections[0].items
    ids = {item.text.rsplit(" — id ", 1)[1] for item in items}
    assert ids == {p.stem for p in SEEDS}
    for item in items:
        assert reply.citations[item.cite].article_id in ids
    opened = await ask(f"/quote {sorted(ids)[0]}")
    assert not opened.error and opened.citations[0].article_id == sorted(ids)[0]


async def test_pages_newest_first_and_says_what_comes_next(tmp_path: Path) -> None:
    count = PAGE + 1
    rows = [
        {
            "id": f"wire-{n:02d}",
            "title": f"Harbour council vote number {n}",
            "text": story_text(n)[1],
            "published": f"2024-09-{n:02d}T08:00:00Z",
            "outlet": "Test Wire",
        }
        for n in range(1, count + 1)
    ]
    feed = tmp_path / "wire.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in rows))
    async with open_core(tmp_path / "wire.db") as core:
        assert (await ingest_sources(core, [str(feed)])).new == count
        first = await core.handle(Request(command="articles", args=""))
        second = await core.handle(Request(command="articles", args="2"))
        past = await core.handle(Request(command="articles", args="3"))

    assert first.title == f"{count} indexed articles"
    assert first.footer == "Page 1 of 2 — next: /articles 2"
    texts = [item.text for item in first.sections[0].items]
    assert len(texts) == PAGE
    assert texts[0] == f"Harbour council vote number {count} (2024-09-16) — id wire-{count}"
    assert texts[1].startswith(f"Harbour council vote number {count - 1} (")
    assert second.footer == "Page 2 of 2"
    (last,) = second.sections[0].items
    assert last.text.startswith("Harbour council vote number 1 (") and last.text.endswith("wire-01")
    assert past.error and "There are only 2 pages of articles (16 articles)" in reply_text(past)
    assert "Try: /articles 2" in reply_text(past)


async def test_a_page_past_the_end_says_how_many_there_are(ask) -> None:
    reply = await ask("/articles 2")
    text = reply_text(reply)
    assert reply.error
    assert f"There is only 1 page of articles ({len(SEEDS)} articles)" in text
    assert "Try: /articles" in text


async def test_an_empty_store_says_how_to_add_articles(tmp_path: Path) -> None:
    async with open_core(tmp_path / "empty.db") as core:
        reply = await core.handle(Request(command="articles", args=""))
    assert reply.error and "Nothing is indexed yet." in reply_text(reply)
    assert "Try: /ingest https://example.com/feed.xml" in reply_text(reply)
