"""/search: ranked articles with snippets."""

from __future__ import annotations

import re

from bot.commands import common_words
from bot.commands.context import Context
from bot.commands.rows import counted
from bot.model import Action, Item, Reply, Section, error_reply
from bot.store import fts

EXAMPLE = "/search Kursk evacuation"


def highlights(text: str, query: str) -> tuple[tuple[int, int], ...]:
    """Spans of the words the query matched, stems included ('evacuated' marks 'evacuation')."""
    stems = {fts.surface_base(t) for t in fts.content_terms(query)}
    stems = {s for s in stems if len(s) >= 2}
    if not stems:
        return ()
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)) + r")\w*",
        re.IGNORECASE,
    )
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))[:20]


async def run(ctx: Context, args: str) -> Reply:
    if not fts.terms(args):
        return error_reply("Tell me what to search for.", example=EXAMPLE)
    if refused := common_words.refusal(args, EXAMPLE):
        return refused
    hits = await ctx.store.search(args, limit=10)
    if not hits:
        return error_reply(
            f"No article mentions {args[:80]!r}.",
            example="/articles",
            hint="Try fewer or other words.",
        )
    items = tuple(
        Item(
            text=h.snippet,
            cite=ctx.cite(h.article),
            label=h.article.title,
            marks=highlights(h.snippet, args),
        )
        for h in hits
    )
    actions = tuple(Action("Summary", "summary", h.article.id) for h in hits[:3])
    return Reply(
        title=f"{counted(len(hits), 'article')} for “{args[:80]}”",
        sections=(Section(items=items),),
        citations=ctx.citations,
        actions=actions,
    )
