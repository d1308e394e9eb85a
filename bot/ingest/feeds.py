"""Parse RSS/Atom bytes into a feed title and entries (feedparser, never allowed to touch the network)."""

from __future__ import annotations

import calendar
import io
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

log = logging.getLogger(__name__)

MAX_ENTRIES = 500  # per poll; a feed is a window on the newest items, not an archive
_TAGS = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item: its link, key (guid or link), title, ISO date and any full text the feed carries."""

    key: str
    link: str
    title: str = ""
    published: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    version: str  # e.g. rss20, atom10
    entries: tuple[FeedEntry, ...]


class NotAFeed(ValueError):
    """The bytes are not an RSS or Atom feed (or too broken to read)."""


def parse_feed(data: bytes, url: str = "") -> ParsedFeed:
    """Feed title and entries, oldest first; raises NotAFeed for anything else.

    The bytes go in as a stream: handed a str or bytes, feedparser would treat a value that
    looks like a URL or a file name as something to open, which fetched data must never steer.
    """
    import feedparser

    parsed = feedparser.parse(
        io.BytesIO(data), response_headers={"content-location": url} if url else None
    )
    version = parsed.get("version") or ""
    if not version:
        reason = parsed.get("bozo_exception")
        detail = f" ({type(reason).__name__}: {str(reason)[:120]})" if reason else ""
        raise NotAFeed(f"{url or 'the document'} is not an RSS or Atom feed{detail}")
    entries = []
    for raw in parsed.entries[:MAX_ENTRIES]:
        entry = _entry(raw)
        if entry is not None:
            entries.append(entry)
    entries.sort(key=lambda e: e.published or "")
    title = " ".join(str(parsed.feed.get("title", "")).split())[:200]
    return ParsedFeed(title=title, version=version, entries=tuple(entries))


def _entry(raw: Any) -> FeedEntry | None:
    link = str(raw.get("link") or "").strip()
    if not link.lower().startswith(("http://", "https://")):
        link = ""
    key = str(raw.get("id") or link or raw.get("title") or "").strip()
    if not key:
        return None
    text = ""
    for content in raw.get("content") or ():
        value = content.get("value") or ""
        if len(value) > len(text):
            text = value
    if not text:
        text = raw.get("summary") or ""
    return FeedEntry(
        key=key[:500],
        link=link,
        title=" ".join(_TAGS.sub("", str(raw.get("title") or "")).split())[:300],
        published=_date(raw),
        text=html_to_text(text),
    )


def _date(raw: Any) -> str:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(name)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC).strftime(
                    "%Y-%m-%dT%H:%M:%SZ"
                )
            except (OverflowError, ValueError, TypeError):
                continue
    return ""


def html_to_text(fragment: str) -> str:
    """Paragraph text of an entry's HTML (feedparser has already sanitised it)."""
    import html

    if "<" not in fragment:
        return html.unescape(fragment).strip()
    text = _TAGS.sub("", _BLOCK.sub("\n\n", fragment))
    paragraphs = (" ".join(html.unescape(p).split()) for p in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
