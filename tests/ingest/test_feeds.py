"""Feeds from a local server: RSS and Atom subscribed and indexed, 304s cost nothing, seen entries
are not fetched again, broken feeds are recorded and shown, and the poller never stops on one."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from aiohttp import web

from bot.app import ingest_sources, open_core
from bot.config import Config, DigestConfig
from bot.delivery import Router
from bot.ingest.fetch import Fetcher
from bot.model import Request
from bot.scheduler import Scheduler
from bot.store.sqlite import SQLiteStore
from tests.ingest.conftest import LOCAL, Site, atom, rss, story_text


def serve_feed(
    site: Site, path: str, body: dict[str, str], ctype: str = "application/rss+xml"
) -> None:
    """A feed whose current body is body['xml']; ETag and Last-Modified follow it, 304 when unchanged."""

    async def handler(request: web.Request) -> web.StreamResponse:
        tag = f'"v{hash(body["xml"]) & 0xFFFF}"'
        modified = "Tue, 13 Aug 2024 06:00:00 GMT" if body.get("modified") else None
        if request.headers.get("If-None-Match") == tag or (
            modified and request.headers.get("If-Modified-Since") == modified
        ):
            return web.Response(status=304)
        headers = {"Content-Type": ctype, "ETag": tag}
        if modified:
            headers = {"Content-Type": ctype, "Last-Modified": modified}
        return web.Response(body=body["xml"].encode(), headers=headers)

    site.routes[path] = handler


async def test_rss_subscribe_then_only_new_entries(
    site: Site, fetcher: Fetcher, store: SQLiteStore
) -> None:
    feed = {"xml": rss(site.base, [1, 2, 3])}
    serve_feed(site, "/feed.rss", feed)
    url = f"{site.base}/feed.rss"
    result = await fetcher.ingest(url, added_by="U1")
    assert (result.kind, result.title, result.subscribed) == ("feed", "Test Wire", True)
    assert (result.report.new, result.report.failed) == (3, 0)
    article = await store.article_by_url(f"{site.base}/a/2")
    assert article is not None and article.title == story_text(2)[0]
    assert article.published == "2024-08-13T06:02:00Z" and article.outlet == "Test Wire"

    unchanged = await fetcher.poll_feed(url)
    assert (unchanged.new, unchanged.duplicate, unchanged.failed) == (0, 0, 0)
    # the ETag was sent and a 304 came back
    assert site.hits[-1][1].get("If-None-Match", "").startswith('"v')
    assert site.count("/a/") == 3

    feed["xml"] = rss(site.base, [1, 2, 3, 4])
    more = await fetcher.poll_feed(url)
    assert (more.new, more.duplicate) == (1, 0)
    assert site.count("/a/") == 4  # entries seen before were not fetched again
    state = await store.feed(url)
    assert (
        state is not None
        and state.entries == 4
        and state.last_error is None
        and state.added_by == "U1"
    )


async def test_last_modified_gives_304(site: Site, fetcher: Fetcher) -> None:
    serve_feed(site, "/lm.rss", {"xml": rss(site.base, [21]), "modified": "yes"})
    url = f"{site.base}/lm.rss"
    assert (await fetcher.ingest_url(url)).new == 1
    again = await fetcher.poll_feed(url)
    assert (
        again.new == 0
        and site.hits[-1][1].get("If-Modified-Since") == "Tue, 13 Aug 2024 06:00:00 GMT"
    )


async def test_atom_feed_with_an_unreachable_link_uses_its_full_text(
    site: Site, fetcher: Fetcher, store: SQLiteStore
) -> None:
    serve_feed(
        site,
        "/feed.atom",
        {"xml": atom(site.base, [(31, "/a/31"), (32, "/gone/32")])},
        "application/atom+xml",
    )
    result = await fetcher.ingest(f"{site.base}/feed.atom")
    assert (result.kind, result.title, result.report.new, result.report.failed) == (
        "feed",
        "Test Atom",
        2,
        0,
    )
    fallback = await store.article_by_url(f"{site.base}/gone/32")
    assert fallback is not None and fallback.title == story_text(32)[0]


async def test_a_feed_is_recognised_by_parsing_when_the_type_says_xml(
    site: Site, fetcher: Fetcher
) -> None:
    site.page("/feed", rss(site.base, [41]), "text/xml")
    assert (await fetcher.ingest(f"{site.base}/feed")).kind == "feed"
    body = rss(site.base, [42]).encode()

    async def bare(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")  # a server that sends no Content-Type at all
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s"
            % (len(body), body)
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(bare, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        result = await fetcher.ingest(f"http://127.0.0.1:{port}/feed")
    assert result.kind == "feed" and result.report.new == 1


async def test_entries_already_indexed_are_not_fetched(site: Site, fetcher: Fetcher) -> None:
    await fetcher.ingest(f"{site.base}/a/51")
    serve_feed(site, "/f.rss", {"xml": rss(site.base, [51, 52])})
    result = await fetcher.ingest(f"{site.base}/f.rss")
    assert (result.report.new, result.report.duplicate) == (1, 1)
    assert site.count("/a/51") == 1


async def test_a_broken_feed_is_refused_and_a_failing_one_recorded(
    site: Site, fetcher: Fetcher, store: SQLiteStore
) -> None:
    site.page("/broken.rss", "this is not <xml at all", "application/rss+xml")
    refused = await fetcher.ingest(f"{site.base}/broken.rss")
    assert refused.kind == "error" and "is not an RSS or Atom feed" in refused.report.errors[0]
    assert await store.feed(f"{site.base}/broken.rss") is None

    feed = {"xml": rss(site.base, [61])}
    serve_feed(site, "/good.rss", feed)
    serve_feed(site, "/flaky.rss", {"xml": rss(site.base, [62])})
    await fetcher.ingest(f"{site.base}/good.rss")
    await fetcher.ingest(f"{site.base}/flaky.rss")
    site.routes["/flaky.rss"] = lambda request: _respond(web.Response(status=500, text="oops"))
    feed["xml"] = rss(site.base, [61, 63])
    total = await fetcher.poll_all()
    assert (total.new, total.failed) == (1, 1)  # the failing feed did not stop the good one
    flaky = await store.feed(f"{site.base}/flaky.rss")
    assert (
        flaky is not None
        and flaky.failures == 1
        and flaky.last_error == f"{site.base}/flaky.rss answered HTTP 500"
    )


async def _respond(resp: web.StreamResponse) -> web.StreamResponse:
    return resp


async def test_ingest_command_is_for_admins_and_reports_counts(site: Site, tmp_path: Path) -> None:
    serve_feed(site, "/wire.rss", {"xml": rss(site.base, [71, 72])})
    async with open_core(tmp_path / "c.db", config=Config(fetch=LOCAL)) as core:
        url = f"{site.base}/wire.rss"
        denied = await core.handle(Request("ingest", url, user="U2", is_admin=False))
        assert denied.error and "admins only" in denied.sections[0].text
        assert site.count("/wire") == 0
        reply = await core.handle(Request("ingest", f"<{url}>", user="U1", is_admin=True))
        assert reply.title == "Subscribed to Test Wire" and not reply.error
        assert reply.sections[0].text.startswith("2 new, 0 already indexed, 0 failed.")
        page = await core.handle(Request("ingest", f"{site.base}/a/73", is_admin=True))
        assert (
            page.title == f"Indexed: {story_text(73)[0]}"
            and page.citations[0].url == f"{site.base}/a/73"
        )
        bad = await core.handle(Request("ingest", "ftp://example.com/x", is_admin=True))
        assert bad.error and "Try: /ingest https://example.com/feed.xml" in bad.sections[0].text
        # what `briefbot ingest URL...` calls
        report = await ingest_sources(core, [f"{site.base}/a/74", f"{site.base}/a/73"])
        assert (report.new, report.duplicate) == (1, 1)


async def test_the_scheduler_polls_config_feeds(site: Site, tmp_path: Path) -> None:
    serve_feed(site, "/config.rss", {"xml": rss(site.base, [81, 82])})
    config = Config(
        fetch=LOCAL, feeds=(f"{site.base}/config.rss",), digest=DigestConfig(feed_poll_minutes=15)
    )
    async with open_core(tmp_path / "s.db", config=config) as core:
        scheduler = Scheduler.for_core(core, Router({}))
        await scheduler.start()
        await scheduler.settle()
        await scheduler.stop()
        assert await core.store.article_by_url(f"{site.base}/a/82") is not None
        assert await core.store.article_count() == 2
        listed = await core.handle(Request("digest", "list"))
        assert "Test Wire — 2 articles; last polled" in listed.sections[1].items[0].text


async def test_a_failing_feed_backs_off(site: Site, store: SQLiteStore) -> None:
    from datetime import UTC, datetime, timedelta

    now = [datetime(2024, 8, 13, 6, 0, tzinfo=UTC)]
    f = Fetcher(store, replace(LOCAL), now=lambda: now[0])
    try:
        url = f"{site.base}/down.rss"
        await store.add_feed(url, "config", "2024-08-13T06:00:00Z")
        for _ in range(3):
            await f.poll_all(timedelta(minutes=15))
            now[0] += timedelta(minutes=15)
        assert site.count("/down.rss") == 3
        await f.poll_all(timedelta(minutes=15))  # three failures in a row: wait 30 minutes, not 15
        assert site.count("/down.rss") == 3
        now[0] += timedelta(minutes=15)
        await f.poll_all(timedelta(minutes=15))
        assert site.count("/down.rss") == 4
    finally:
        await f.close()
