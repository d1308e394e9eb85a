"""Fetching pages from a local server: articles indexed; wrong types, huge pages, slow servers and
refused addresses (after DNS and on every redirect) turned away with a reason."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from aiohttp import web

from bot.ingest.fetch import Fetcher
from bot.ingest.ssrf import StaticResolver
from bot.store.sqlite import SQLiteStore
from tests.ingest.conftest import LOCAL, Site, article_html, story_text


async def test_a_page_is_indexed_once(site: Site, fetcher: Fetcher, store: SQLiteStore) -> None:
    url = f"{site.base}/a/7"
    result = await fetcher.ingest(url)
    assert (result.kind, result.report.new) == ("article", 1)
    article = await store.article(result.article_id)
    assert article is not None and article.url == url
    assert article.title == story_text(7)[0]
    assert story_text(7)[1].split("\n\n")[1] in article.text  # the article text, not the navigation
    assert "Copyright Test Wire" not in article.text
    again = await fetcher.ingest_url(url)
    assert (again.new, again.duplicate) == (0, 1)
    assert site.count("/a/7") == 1  # a known URL is not fetched again


async def test_plain_text_and_charset(site: Site, fetcher: Fetcher, store: SQLiteStore) -> None:
    title, text = story_text(11)
    site.page(
        "/story.txt",
        f"{title}\n\n{text}".encode("cp1252", errors="replace"),
        "text/plain; charset=windows-1252",
    )
    result = await fetcher.ingest(f"{site.base}/story.txt")
    assert result.report.new == 1 and result.title == title


@pytest.mark.parametrize(
    "ctype", ["application/pdf", "image/png", "application/json", "application/octet-stream"]
)
async def test_other_content_types_are_refused(site: Site, fetcher: Fetcher, ctype: str) -> None:
    site.page("/file", b"%PDF-1.4 binary", ctype)
    result = await fetcher.ingest(f"{site.base}/file")
    assert result.kind == "error"
    assert (
        f"is {ctype}; only web pages (HTML), plain text and RSS/Atom feeds can be indexed"
        in result.report.errors[0]
    )


async def test_a_huge_page_is_cut_off_while_streaming(site: Site, fetcher: Fetcher) -> None:
    written = 0
    total = 50_000_000

    async def huge(request: web.Request) -> web.StreamResponse:
        nonlocal written
        # chunked: no Content-Length
        resp = web.StreamResponse(headers={"Content-Type": "text/html"})
        await resp.prepare(request)
        chunk = b"<p>" + b"word " * 13_000 + b"</p>"
        try:
            while written < total:
                await resp.write(chunk)
                written += len(chunk)
        except (ConnectionError, RuntimeError):
            pass
        return resp

    site.routes["/huge"] = huge
    result = await fetcher.ingest(f"{site.base}/huge")
    assert result.kind == "error" and "is larger than 300 kB" in result.report.errors[0]
    await asyncio.sleep(0.05)
    assert written < total / 5  # the client hung up; it did not download everything first


async def test_a_declared_huge_page_is_refused_before_reading(site: Site, fetcher: Fetcher) -> None:
    site.page("/big", b"x" * 400_000, "text/html")
    result = await fetcher.ingest(f"{site.base}/big")
    assert "is larger than 300 kB" in result.report.errors[0]


async def test_a_slow_server_times_out(site: Site, store: SQLiteStore) -> None:
    async def slow(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(1.0)
        return web.Response(text="late")

    site.routes["/slow"] = slow
    f = Fetcher(store, replace(LOCAL, timeout=0.3))
    try:
        started = time.perf_counter()
        result = await f.ingest(f"{site.base}/slow")
    finally:
        await f.close()
    assert "did not answer within 0.3 s" in result.report.errors[0]
    assert time.perf_counter() - started < 2


@pytest.fixture
async def guarded(store: SQLiteStore) -> AsyncIterator[Fetcher]:
    """allow_private off; test names resolved without DNS; only the test server's address trusted."""
    resolver = StaticResolver(
        {
            "news.test": "127.0.0.1",
            "intranet.test": "10.0.0.1",
            "mixed.test": ["127.0.0.1", "10.0.0.1"],
            "meta.test": "169.254.169.254",
            "v6.test": "::1",
        }
    )
    f = Fetcher(
        store, replace(LOCAL, allow_private=False), resolver=resolver, trusted=["127.0.0.1"]
    )
    try:
        yield f
    finally:
        await f.close()


async def test_public_name_is_fetched(site: Site, guarded: Fetcher) -> None:
    result = await guarded.ingest(f"http://news.test:{site.port}/a/3")
    assert result.report.new == 1


@pytest.mark.parametrize(
    ("target", "why"),
    [
        (
            "http://intranet.test:{port}/secret",
            "resolves to 10.0.0.1, which is refused (10.0.0.1 is a private address)",
        ),
        ("http://mixed.test:{port}/secret", "resolves to 10.0.0.1"),  # every address is checked
        ("http://meta.test/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://v6.test:{port}/secret", "::1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://127.0.0.2:{port}/secret", "127.0.0.2 is a loopback address"),
        ("http://[::ffff:10.0.0.1]/secret", "is a private address"),
        ("file:///etc/passwd", "only http and https URLs can be fetched"),
        ("ftp://news.test/file", "only http and https URLs can be fetched"),
        ("http://user:pw@news.test:{port}/a/1", "user name or password"),
    ],
)
async def test_a_redirect_to_a_refused_address_is_not_followed(
    site: Site, guarded: Fetcher, target: str, why: str
) -> None:
    async def hop(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(target.format(port=site.port))

    site.routes["/go"] = hop
    # a same-host hop first: every hop is checked, not just the first
    site.routes["/start"] = lambda request: _raise(web.HTTPMovedPermanently("/go"))
    started = time.perf_counter()
    result = await guarded.ingest(f"http://news.test:{site.port}/start")
    assert result.kind == "error"
    assert why in result.report.errors[0]
    assert site.count("/secret") == 0 and site.count("/a/1") == 0
    assert time.perf_counter() - started < 1  # refused before any connection attempt, not timed out


async def _raise(exc: Exception) -> web.StreamResponse:
    raise exc


async def test_refused_addresses_asked_for_directly(
    site: Site, guarded: Fetcher, store: SQLiteStore
) -> None:
    result = await guarded.ingest(f"http://intranet.test:{site.port}/a/1")
    assert "10.0.0.1 is a private address" in result.report.errors[0]
    plain = Fetcher(store, replace(LOCAL, allow_private=False))
    try:
        local = await plain.ingest(f"{site.base}/a/1")
    finally:
        await plain.close()
    assert "127.0.0.1 is refused: 127.0.0.1 is a loopback address" in local.report.errors[0]
    assert site.count("/a/1") == 0


async def test_redirects_are_followed_at_most_five_times(site: Site, fetcher: Fetcher) -> None:
    async def loop(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound("/loop")

    site.routes["/loop"] = loop
    result = await fetcher.ingest(f"{site.base}/loop")
    assert "redirects more than 5 times" in result.report.errors[0]
    assert site.count("/loop") == 6
    site.routes["/moved"] = lambda request: _raise(web.HTTPMovedPermanently("/a/5"))
    moved = await fetcher.ingest(f"{site.base}/moved")
    assert moved.report.new == 1


async def test_an_html_page_that_is_not_an_article(site: Site, fetcher: Fetcher) -> None:
    site.page("/empty", "<html><body><nav>Home</nav></body></html>")
    result = await fetcher.ingest(f"{site.base}/empty")
    assert result.kind == "error" and result.report.failed == 1


def test_article_pages_differ() -> None:
    assert article_html(1) != article_html(2)
