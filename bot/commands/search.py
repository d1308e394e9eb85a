"""/search: ranked articles with snippets."""

from __future__ import annotations

from bot.commands.context import Context
from bot.model import Action, Item, Reply, Section, error_reply
from bot.store import fts


async def run(ctx: Context, args: str) -> Reply:
    if not fts.terms(args):
        return error_reply("Tell me what to search for.", example="/search Kursk evacuation")
    hits = await ctx.store.search(args, limit=10)
    if not hits:
        return error_reply(
            f"No article mentions {args[:80]!r}.",
            example="/articles",
            hint="Try fewer or other words.",
        )
    items = tuple(
        Item(text=h.snippet, cite=ctx.cite(h.article), label=h.article.title) for h in hits
    )
    actions = tuple(Action("Summary", "summary", h.article.id) for h in hits[:3])
    return Reply(
        title=f"{len(hits)} articles for “{args[:80]}”",
        sections=(Section(items=items),),
        citations=ctx.citations,
        actions=actions,
    )
