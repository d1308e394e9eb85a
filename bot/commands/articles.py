"""/articles: what is indexed, newest first."""

from __future__ import annotations

import re

from bot.commands.context import Context
from bot.commands.rows import counted
from bot.model import Item, Reply, Section, error_reply, shown_date

PAGE = 15


async def run(ctx: Context, args: str) -> Reply:
    page = 1
    if args:
        # ASCII digits only ("²".isdigit() is true but int() rejects it), nine at most
        # (a huge page overflows SQLite's integer OFFSET).
        if not re.fullmatch(r"[0-9]{1,9}", args) or int(args) < 1:
            return error_reply("/articles takes an optional page number.", example="/articles 2")
        page = int(args)
    total = await ctx.store.article_count()
    refs = await ctx.store.recent_articles(limit=PAGE, offset=(page - 1) * PAGE)
    if not refs:
        if total:
            pages = (total + PAGE - 1) // PAGE
            only = "There is only 1 page" if pages == 1 else f"There are only {pages} pages"
            return error_reply(
                f"{only} of articles ({counted(total, 'article')}); page {page:,} is past the end.",
                example="/articles" if pages == 1 else f"/articles {pages}",
                hint="/articles shows the newest; /articles N shows page N.",
            )
        return error_reply(
            "Nothing is indexed yet.", example="/ingest https://example.com/feed.xml"
        )
    items = tuple(
        Item(
            text=f"{r.title} ({shown_date(r.published)}) — id {r.id}",
            cite=ctx.cite(r),
            label=r.outlet,
        )
        for r in refs
    )
    pages = (total + PAGE - 1) // PAGE
    return Reply(
        title=f"{counted(total, 'indexed article')}",
        sections=(Section(items=items),),
        citations=ctx.citations,
        footer=f"Page {page} of {pages}"
        + (f" — next: /articles {page + 1}" if page < pages else ""),
    )
