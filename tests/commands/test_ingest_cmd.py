"""/ingest in chat: admins only, one http(s) URL, a page or a feed from a local server, then findable."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import open_core
from bot.config import Config
from bot.core import Core
from bot.model import Reply, Request
from tests.conftest import reply_text
from tests.ingest.conftest import LOCAL, Site, rss, story_text
from tests.ingest.conftest import site as site  # the local web server fixture

EXAMPLE = "Try: /ingest https://example.com/feed.xml"


@pytest.fixture
async def newsroom(tmp_path: Path) -> AsyncIterator[Core]:
    async with open_core(tmp_path / "newsroom.db", config=Config(fetch=LOCAL)) as core:
        yield core


async def _ingest(core: Core, args: str, *, admin: bool = True) -> Reply:
    return await core.handle(Request("ingest", args, user="U1", place="C1", is_admin=admin))


async def test_a_page_is_indexed_then_answers_like_any_article(newsroom: Core, site: Site) -> None:
    title, text = story_text(7)
    reply = await _ingest(newsroom, f"<{site.base}/a/7|story>")  # as Slack sends a link
    assert not reply.error and reply.title == f"Indexed: {title}"
    cite = reply.citations[reply.sections[0].items[0].cite]
    assert cite.url == f"{site.base}/a/7"
    assert ("Summary", "summary", cite.article_id) in [
        (a.label, a.command, a.args) for a in reply.actions
    ]

    listed = await newsroom.handle(Request("articles", ""))
    assert listed.title == "1 indexed article" and title in reply_text(listed)
    sentence = text.split(". ")[0]
    quoted = await newsroom.handle(Request("quote", sentence))
    assert not quoted.error and sentence in quoted.sections[0].items[0].text

    again = await _ingest(newsroom, f"{site.base}/a/7")
    assert again.title == f"Already indexed: {title}"
    # a URL already indexed is not fetched again
    assert site.count("/a/7") == 1 and (await newsroom.store.article_count()) == 1


async def test_a_feed_is_subscribed_and_its_entries_counted(newsroom: Core, site: Site) -> None:
    site.page("/wire.rss", rss(site.base, [11, 12, 13]), "application/rss+xml")
    reply = await _ingest(newsroom, f"{site.base}/wire.rss")
    assert reply.title == "Subscribed to Test Wire" and not reply.error
    assert reply.sections[0].text == "3 new, 0 already indexed, 0 failed."
    assert reply.footer.startswith("New entries are picked up every ")
    assert await newsroom.store.article_count() == 3
    listed = await newsroom.handle(Request("digest", "list"))
    assert "Test Wire" in reply_text(listed)


async def test_a_page_that_is_not_there_is_reported_not_indexed(newsroom: Core, site: Site) -> None:
    reply = await _ingest(newsroom, f"{site.base}/missing")
    assert reply.error and f"Could not index {site.base}/missing" in reply_text(reply)
    assert EXAMPLE in reply_text(reply)
    assert await newsroom.store.article_count() == 0


async def test_only_admins_may_ingest_and_nothing_is_fetched(newsroom: Core, site: Site) -> None:
    reply = await _ingest(newsroom, f"{site.base}/a/8", admin=False)
    assert reply.error and "/ingest is for admins only." in reply_text(reply)
    assert site.count("/") == 0


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        ("", "Give the URL of an article or of an RSS/Atom feed."),
        ("https://a.example/1 https://a.example/2", "One URL at a time, please."),
        ("ftp://example.com/x", "'ftp://example.com/x' is not an http(s) URL."),
        ("example.com/feed", "'example.com/feed' is not an http(s) URL."),
    ],
)
async def test_bad_input_gets_a_message_and_an_example(
    newsroom: Core, args: str, expect: str
) -> None:
    reply = await _ingest(newsroom, args)
    assert reply.error and expect in reply_text(reply) and EXAMPLE in reply_text(reply)
