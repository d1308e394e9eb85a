"""/ingest: index a web page, or subscribe to an RSS/Atom feed and index its entries (admins only)."""

from __future__ import annotations

import asyncio
import logging
import re

from bot.commands.context import Context
from bot.ingest.fetch import SourceResult
from bot.model import Action, Item, Reply, Section, error_reply
from bot.store.base import ArticleRef

log = logging.getLogger(__name__)

EXAMPLE = "/ingest https://example.com/feed.xml"
ANSWER_WITHIN = 40.0  # seconds; a longer feed ingest carries on in the background
MAX_ERRORS_SHOWN = 3
_SLACK_LINK = re.compile(r"^<([^|>]+)(?:\|[^>]*)?>$")


def clean_url(text: str) -> str:
    """The URL as typed, unwrapped from Slack's <url|label> or angle brackets."""
    text = text.strip()
    m = _SLACK_LINK.match(text)
    return m.group(1).strip() if m else text


async def run(ctx: Context, args: str) -> Reply:
    words = args.split()
    if not words:
        return error_reply("Give the URL of an article or of an RSS/Atom feed.", example=EXAMPLE)
    if len(words) > 1:
        return error_reply("One URL at a time, please.", example=EXAMPLE)
    url = clean_url(words[0])
    if not re.match(r"^https?://[^\s/]+", url, re.IGNORECASE):
        return error_reply(f"{url[:60]!r} is not an http(s) URL.", example=EXAMPLE)
    fetcher = ctx.services.fetcher
    if fetcher is None:
        return error_reply(
            "Fetching URLs is not available in this build.", hint="Ask an admin to enable it."
        )
    task = fetcher.in_background(fetcher.ingest(url, added_by=ctx.request.user))
    done, _ = await asyncio.wait({task}, timeout=ANSWER_WITHIN)
    if not done:
        return Reply(
            title="Still indexing",
            sections=(
                Section(
                    text=f"{url} is large; indexing carries on in the background. See /articles shortly."
                ),
            ),
            actions=(Action("Articles", "articles", ""),),
        )
    return await _render(ctx, task.result())


async def _render(ctx: Context, result: SourceResult) -> Reply:
    report = result.report
    if result.kind == "error":
        reason = report.errors[0] if report.errors else "it could not be read"
        return error_reply(f"Could not index {result.url}: {reason}", example=EXAMPLE)
    if result.kind == "article":
        ref = ArticleRef(result.article_id, result.title, url=result.url)
        if result.article_id:
            found = await ctx.store.article(result.article_id)
            if found is not None:
                ref = ArticleRef(found.id, found.title, found.outlet, found.published, found.url)
        cite = ctx.cite(ref)
        status = "Indexed" if report.new else "Already indexed"
        return Reply(
            title=f"{status}: {ref.title}"[:200],
            sections=(
                Section(items=(Item(text=ref.title, cite=cite, label=ref.outlet or "article"),)),
            ),
            citations=ctx.citations,
            actions=(Action("Summary", "summary", ref.id),),
        )
    lines = [f"{report.new} new, {report.duplicate} already indexed, {report.failed} failed."]
    lines += [f"Failed: {e}" for e in report.errors[:MAX_ERRORS_SHOWN]]
    if len(report.errors) > MAX_ERRORS_SHOWN:
        lines.append(f"…and {len(report.errors) - MAX_ERRORS_SHOWN} more.")
    minutes = ctx.config.digest.feed_poll_minutes
    head = "Subscribed to" if result.subscribed else "Polled"
    return Reply(
        title=f"{head} {result.title or result.url}"[:200],
        sections=(Section(text="\n".join(lines)),),
        actions=(Action("Brief", "brief", ""), Action("Digests and feeds", "digest", "list")),
        footer=f"New entries are picked up every {minutes:g} minutes while the bot runs.",
    )
