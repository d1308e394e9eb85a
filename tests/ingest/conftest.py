"""A local web server on 127.0.0.1 serving pages and feeds, and a store to ingest them into."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest
from aiohttp import web

from bot.config import FetchConfig
from bot.ingest.fetch import Fetcher
from bot.store.opening import open_store
from bot.store.sqlite import SQLiteStore

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# Test-only: 127.0.0.1 allowed.
LOCAL = FetchConfig(timeout=3.0, max_bytes=300_000, allow_private=True)

_WORDS = (
    "council budget harbour strike minister river bridge hospital school election farmers drought vaccine "
    "railway tunnel airport museum festival court judge police union factory export tariff currency bank "
    "inflation housing tenants landlord mayor governor senator protest storm flood wildfire rescue volunteers "
    "scientists telescope satellite battery solar wind turbine grid pipeline refinery shipping container port "
    "orchestra novel author award football coach stadium league season injury transfer referee pilot crew "
    "engineers software startup investors merger shares profits losses wages pensions nurses doctors patients"
).split()
_NAMES = [
    "Anna Kowalski",
    "Omar Haddad",
    "Lena Fischer",
    "Tomas Novak",
    "Priya Raman",
    "Jonas Berg",
    "Sara Lindqvist",
]
_CITIES = [
    "Gdansk",
    "Lyon",
    "Porto",
    "Tampere",
    "Ghent",
    "Brno",
    "Aarhus",
    "Cork",
    "Graz",
    "Bilbao",
]


def story_text(seed: int, paragraphs: int = 4) -> tuple[str, str]:
    """A distinct, article-like (title, text) for a seed; different seeds are never near-duplicates."""
    rng = random.Random(seed)
    city = rng.choice(_CITIES)
    topic = " ".join(rng.sample(_WORDS, 2))
    title = f"{city} {topic} plan draws {rng.randint(2, 900)} objections"
    paras = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(3):
            words = rng.sample(_WORDS, 9)
            sentences.append(
                f"The {words[0]} {words[1]} in {city} affected {rng.randint(10, 99_999):,} {words[2]} "
                f"after the {words[3]} and {words[4]} talks on {words[5]} {words[6]} {words[7]} {words[8]}."
            )
        name = rng.choice(_NAMES)
        sentences.append(
            f"\u201cWe will review the {rng.choice(_WORDS)} {rng.choice(_WORDS)} carefully,\u201d said {name}."
        )
        paras.append(" ".join(sentences))
    return title, "\n\n".join(paras)


def article_html(seed: int) -> str:
    title, text = story_text(seed)
    body = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head><body>"
        f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article><footer>Copyright Test Wire</footer></body></html>"
    )


def rss(base: str, seeds: list[int], title: str = "Test Wire") -> str:
    start = datetime(2024, 8, 13, 6, 0, tzinfo=UTC)
    items = "".join(
        f"<item><title>{escape(story_text(s)[0])}</title><link>{base}/a/{s}</link><guid>{base}/a/{s}</guid>"
        f"<pubDate>{format_datetime(start + timedelta(minutes=s))}</pubDate><description>Short teaser {s}.</description></item>"
        for s in seeds
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{escape(title)}</title>"
        f"<link>{base}/</link><description>test</description>{items}</channel></rss>"
    )


def atom(base: str, entries: list[tuple[int, str]], title: str = "Test Atom") -> str:
    """entries: (seed, link path); each entry also carries its full text as content."""
    parts = []
    for seed, path in entries:
        head, text = story_text(seed)
        content = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
        parts.append(
            f"<entry><title>{escape(head)}</title><id>urn:test:{seed}</id><link href='{base}{path}'/>"
            f"<updated>2024-08-13T0{seed % 10}:00:00Z</updated><content type='html'>{escape(content)}</content></entry>"
        )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>{escape(title)}</title><id>urn:test</id><updated>2024-08-13T09:00:00Z</updated>{''.join(parts)}</feed>"
    )


@dataclass
class Site:
    """Routes by exact path; every request is logged as (path, headers)."""

    routes: dict[str, Handler] = field(default_factory=dict)
    hits: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def count(self, prefix: str) -> int:
        return sum(1 for path, _ in self.hits if path.startswith(prefix))

    def page(
        self, path: str, body: str | bytes, content_type: str = "text/html", **headers: str
    ) -> None:
        async def handler(request: web.Request) -> web.StreamResponse:
            data = body.encode() if isinstance(body, str) else body
            return web.Response(body=data, headers={"Content-Type": content_type, **headers})

        self.routes[path] = handler

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.hits.append((request.path, dict(request.headers)))
        handler = self.routes.get(request.path)
        if handler is None:
            if request.path.startswith("/a/"):
                return web.Response(
                    text=article_html(int(request.path.rsplit("/", 1)[1])), content_type="text/html"
                )
            return web.Response(status=404, text="not found")
        return await handler(request)


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    s = Site()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", s._dispatch)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    s.port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield s
    finally:
        await runner.cleanup()


@pytest.fixture(params=["sqlite", "postgres"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    """Fetch and feed tests run on a SQLite file, then on a PostgreSQL database."""
    if request.param == "postgres":
        target = str(request.getfixturevalue("pg_url"))
    else:
        target = str(tmp_path / "ingest.db")
    st = await open_store(target)
    try:
        yield st
    finally:
        await st.close()


@pytest.fixture
async def fetcher(store: SQLiteStore) -> AsyncIterator[Fetcher]:
    f = Fetcher(store, LOCAL)
    try:
        yield f
    finally:
        await f.close()
