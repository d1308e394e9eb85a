"""Ingest from the web: a page becomes an article, a feed a subscription whose new entries are indexed."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver

from bot import metrics
from bot.config import FetchConfig
from bot.ingest.feeds import FeedEntry, NotAFeed, ParsedFeed, parse_feed
from bot.ingest.readers import ReadError, decode, from_html, from_text
from bot.ingest.service import IngestReport
from bot.ingest.ssrf import FEED_TYPES, PAGE_TYPES, Fetched, FetchError, HttpClient
from bot.model import Article, parse_utc, utc_iso
from bot.store.base import FeedState, Store

log = logging.getLogger(__name__)

CONCURRENCY = 8  # entry pages fetched at once per feed
# A feed's own text stands in for an unreachable page only if it is a real article.
MIN_FALLBACK_WORDS = 80
BACKOFF_AFTER = 3  # failed polls in a row before a feed is polled less often
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class SourceResult:
    """What /ingest did with a URL: indexed an article, subscribed to (or polled) a feed, or failed."""

    kind: str  # "article", "feed" or "error"
    url: str
    report: IngestReport = field(default_factory=IngestReport)
    title: str = ""
    article_id: str = ""
    subscribed: bool = False  # a new subscription (False: it already existed)


def sniff(body: bytes) -> str:
    """A media type guessed from the first bytes, for servers that send none."""
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "application/xml"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        return "text/html"
    if head.startswith(b"<?xml"):
        return "application/xml"
    return "text/plain"


def text_of(fetched: Fetched) -> str:
    """The body as text: declared charset, else an HTML meta charset, else UTF-8 (binary refused)."""
    body = fetched.body
    if b"\x00" in body[:65536]:
        raise ReadError(f"{fetched.final_url} is binary data, not text")
    charset = fetched.charset
    if not charset:
        m = _META_CHARSET.search(body[:4096])
        charset = m.group(1).decode("ascii") if m else None
    if charset:
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            pass
    return decode(body, fetched.final_url)


def read_page(
    fetched: Fetched, url: str, title: str = "", published: str = "", outlet: str = ""
) -> Article:
    """An Article from a fetched page; the feed's title and date win over what the page guesses."""
    kind = fetched.content_type or sniff(fetched.body)
    text = text_of(fetched)
    if kind in _HTML_TYPES:
        article = from_html(text, source=url, url=url)
    elif kind == "text/plain":
        article = from_text(
            text, source=url, url=url, title=title, published=published, outlet=outlet
        )
    else:
        raise ReadError(f"{url} is {kind}, not a web page")
    host = urlsplit(url)
    # trafilatura falls back to the host name when a page names no site
    guessed = article.outlet in ("", host.netloc, host.hostname)
    return replace(
        article,
        title=title or article.title,
        published=_iso_date(published) or article.published,
        outlet=outlet if outlet and guessed else article.outlet,
        url=url,
    )


def _iso_date(value: str) -> str:
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", value or "") else ""


def looks_like_feed(fetched: Fetched) -> bool:
    if fetched.content_type in FEED_TYPES:
        return True
    return sniff(fetched.body) == "application/xml"


class Fetcher:
    """The `fetcher` service: `/ingest`, `briefbot ingest URL` and the feed poll job all come here."""

    def __init__(
        self,
        store: Store,
        config: FetchConfig | None = None,
        *,
        resolver: AbstractResolver | None = None,
        trusted: Iterable[str] = (),
        now: Callable[[], datetime] | None = None,
        concurrency: int = CONCURRENCY,
    ) -> None:
        self.store = store
        self.client = HttpClient(config or FetchConfig(), resolver=resolver, trusted=trusted)
        self.now = now or _utcnow
        self.concurrency = concurrency
        self._background: set[asyncio.Task[Any]] = set()

    async def close(self) -> None:
        for task in list(self._background):
            task.cancel()
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)
        await self.client.close()

    def in_background(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Keep a long ingest running after the command has answered; cancelled on close."""
        task = asyncio.create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    async def ingest_url(self, url: str) -> IngestReport:
        """Index a page, or subscribe to a feed and index its entries; counts as for files."""
        return (await self.ingest(url)).report

    async def ingest(self, url: str, added_by: str = "") -> SourceResult:
        """A page or a feed by URL; what it added is counted for /metrics."""
        result = await self._ingest(url, added_by)
        metrics.count_ingest(result.report.new, result.report.duplicate, result.report.failed)
        return result

    async def _ingest(self, url: str, added_by: str = "") -> SourceResult:
        url = url.strip()
        known = await self.store.article_by_url(url)
        if known is not None:
            return SourceResult("article", url, IngestReport(duplicate=1), known.title, known.id)
        if await self.store.feed(url) is not None:
            report = await self.poll_feed(url, force=True)
            state = await self.store.feed(url)
            return SourceResult("feed", url, report, title=state.title if state else "")
        try:
            fetched = await self.client.get(url)
        except FetchError as exc:
            log.info("ingest of %s failed: %s", url, exc)
            return SourceResult("error", url, IngestReport(failed=1, errors=[str(exc)]))
        if looks_like_feed(fetched):
            try:
                parsed = parse_feed(fetched.body, url)
            except NotAFeed as exc:
                if fetched.content_type in FEED_TYPES or fetched.content_type in ("", "text/plain"):
                    return SourceResult("error", url, IngestReport(failed=1, errors=[str(exc)]))
            else:
                added = await self.store.add_feed(url, added_by, utc_iso(self.now()), parsed.title)
                report = await self._ingest_entries(url, parsed, fetched)
                log.info("subscribed to feed %s (%s)", url, report.line())
                return SourceResult("feed", url, report, title=parsed.title, subscribed=added)
        return await self._ingest_page(url, fetched)

    async def _ingest_page(self, url: str, fetched: Fetched) -> SourceResult:
        try:
            article = await asyncio.to_thread(read_page, fetched, url)
        except ReadError as exc:
            return SourceResult("error", url, IngestReport(failed=1, errors=[str(exc)]))
        result = await self.store.add_article(article)
        report = IngestReport()
        if result.status == "new":
            report.new, report.new_ids = 1, [result.article_id]
        else:
            report.duplicate = 1
        return SourceResult(
            "article", url, report, title=article.title, article_id=result.article_id
        )

    # -- feeds --------------------------------------------------------------------------

    async def subscribe_all(self, urls: Iterable[str], added_by: str = "config") -> int:
        """Subscribe to feeds named in the config (polled by the scheduler); returns how many were new."""
        added = 0
        for url in urls:
            added += await self.store.add_feed(url.strip(), added_by, utc_iso(self.now()))
        return added

    async def poll_all(self, interval: timedelta = timedelta(minutes=15)) -> IngestReport:
        """Poll every feed that is due; one feed failing never stops the others."""
        total = IngestReport()
        for state in await self.store.feeds():
            if not self._due(state, interval):
                continue
            try:
                part = await self.poll_feed(state.url)
            except Exception as exc:
                # a bug or a store failure on one feed must not stop the poller
                log.exception("polling feed %s failed", state.url)
                await self._record_error(state.url, f"{type(exc).__name__}: {exc}")
                metrics.count_feed_poll(ok=False)
                total.failed += 1
                continue
            metrics.count_ingest(part.new, part.duplicate, part.failed)
            total.new += part.new
            total.duplicate += part.duplicate
            total.failed += part.failed
            total.errors += part.errors
            total.new_ids += part.new_ids
        if total.new or total.failed:
            log.info("feeds polled: %s", total.line())
        return total

    def _due(self, state: FeedState, interval: timedelta) -> bool:
        """Feeds that keep failing are polled less often (doubling, at most daily)."""
        if state.failures < BACKOFF_AFTER or not state.last_polled:
            return True
        wait = min(interval * 2 ** min(state.failures - BACKOFF_AFTER + 1, 10), timedelta(days=1))
        last = parse_utc(state.last_polled)
        return self.now() - last >= wait

    async def poll_feed(self, url: str, force: bool = False) -> IngestReport:
        """Fetch a subscribed feed (conditional on ETag / Last-Modified) and index its new entries."""
        state = await self.store.feed(url)
        if state is None:
            return IngestReport(failed=1, errors=[f"{url} is not a subscribed feed"])
        try:
            fetched = await self.client.get(
                url,
                accept=FEED_TYPES | PAGE_TYPES,
                etag=None if force else state.etag,
                modified=None if force else state.modified,
            )
        except FetchError as exc:
            await self._record_error(url, str(exc))
            metrics.count_feed_poll(ok=False)
            return IngestReport(failed=1, errors=[str(exc)])
        if fetched.status == 304:
            metrics.count_feed_poll(ok=True)
            await self.store.record_feed_poll(
                url, utc_iso(self.now()), None, None, "", 0, state.seen
            )
            return IngestReport()
        try:
            parsed = parse_feed(fetched.body, url)
        except NotAFeed as exc:
            await self._record_error(url, str(exc))
            metrics.count_feed_poll(ok=False)
            return IngestReport(failed=1, errors=[str(exc)])
        metrics.count_feed_poll(ok=True)
        return await self._ingest_entries(url, parsed, fetched)

    async def _record_error(self, url: str, error: str) -> None:
        log.warning("feed %s: %s", url, error)
        await self.store.record_feed_error(url, utc_iso(self.now()), error)

    async def _ingest_entries(self, url: str, parsed: ParsedFeed, fetched: Fetched) -> IngestReport:
        """Entries not seen before, fetched concurrently and indexed oldest first."""
        state = await self.store.feed(url)
        seen = list(state.seen) if state else []
        known = set(seen)
        todo = [e for e in parsed.entries if e.key not in known]
        report = IngestReport()
        gate = asyncio.Semaphore(self.concurrency)
        outlet = parsed.title

        async def load(entry: FeedEntry) -> tuple[Article | None, str, bool]:
            if entry.link and await self.store.article_by_url(entry.link) is not None:
                return None, "", True
            async with gate:
                return await self._entry_article(entry, url, outlet)

        tasks = [asyncio.create_task(load(e)) for e in todo]
        try:
            for entry, task in zip(todo, tasks, strict=True):
                article, error, remember = await task
                if article is None and not error:
                    report.duplicate += 1
                elif article is None:
                    report.failed += 1
                    report.errors.append(error)
                else:
                    result = await self.store.add_article(article)
                    if result.status == "new":
                        report.new += 1
                        report.new_ids.append(result.article_id)
                    else:
                        report.duplicate += 1
                if remember:
                    seen.append(entry.key)
        finally:
            for task in tasks:
                task.cancel()
        await self.store.record_feed_poll(
            url,
            utc_iso(self.now()),
            fetched.etag,
            fetched.last_modified,
            parsed.title,
            report.new,
            seen,
        )
        if report.failed:
            log.info("feed %s: %d entries failed, e.g. %s", url, report.failed, report.errors[0])
        return report

    async def _entry_article(
        self, entry: FeedEntry, feed_url: str, outlet: str
    ) -> tuple[Article | None, str, bool]:
        """The linked page as an article, else the feed's own full text; (article, error, remember)."""
        error, permanent = "entry has no link", True
        if entry.link:
            try:
                fetched = await self.client.get(entry.link, accept=PAGE_TYPES)
                article = await asyncio.to_thread(
                    read_page, fetched, entry.link, entry.title, entry.published, outlet
                )
                return article, "", True
            except FetchError as exc:
                error, permanent = str(exc), exc.permanent
            except ReadError as exc:
                error, permanent = str(exc), True
        if len(entry.text.split()) >= MIN_FALLBACK_WORDS:
            try:
                article = from_text(
                    entry.text,
                    source=entry.link or feed_url,
                    title=entry.title,
                    url=entry.link,
                    published=entry.published,
                    outlet=outlet,
                )
                return article, "", True
            except ReadError as exc:
                error = str(exc)
        return None, f"{entry.title or entry.link or entry.key}: {error}", permanent
