"""/quote: the exact source passage behind a phrase or a citation, with where it came from."""

from __future__ import annotations

import re

from bot.commands import common_words
from bot.commands.context import Context
from bot.extract.sentences import paragraphs
from bot.model import Action, Article, Item, Reply, Section, error_reply
from bot.store import fts
from bot.store.base import ArticleRef

# a citation: article id (one word; a source's own id may hold "/" or ":") and a span
_REF = re.compile(r"^(\S{1,200}):(\d{1,9})-(\d{1,9})$")
EXAMPLE = "/quote situation is under our control"


def _ref(a: Article) -> ArticleRef:
    return ArticleRef(id=a.id, title=a.title, outlet=a.outlet, published=a.published, url=a.url)


def _paragraph_at(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(index, start, end) of the paragraph holding the span."""
    for i, (a, b) in enumerate(paragraphs(text)):
        if a <= start < b or (start <= a < end):
            return i, a, b
    return None


async def run(ctx: Context, args: str) -> Reply:
    if not args:
        return error_reply("Give me a phrase or a citation to look up.", example=EXAMPLE)
    m = _REF.match(args)
    if m or (" " not in args and await ctx.store.article(args)):
        article_id, start, end = (
            (m.group(1), int(m.group(2)), int(m.group(3))) if m else (args, 0, 1)
        )
        article = await ctx.store.article(article_id)
        if article is None or start >= end or end > len(article.text):
            return error_reply(f"There is no passage {args[:80]!r}.", example=EXAMPLE)
        para = _paragraph_at(article.text, start, end)
        if para is None:
            return error_reply(f"There is no passage {args[:80]!r}.", example=EXAMPLE)
        index, a, b = para
        cite = ctx.cite(_ref(article), a, b, index)
        return Reply(
            title=f"Source: {article.title}",
            sections=(
                Section(
                    items=(Item(text=article.text[a:b], cite=cite, label=f"paragraph {index + 1}"),)
                ),
            ),
            citations=ctx.citations,
        )
    words = fts.terms(args)
    if not words:
        return error_reply("That phrase has no words I can look up.", example=EXAMPLE)
    if refused := common_words.refusal(args, EXAMPLE):
        return refused
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)
    items: list[Item] = []
    for hit in await ctx.store.search(args, limit=10):
        article = await ctx.store.article(hit.article.id)
        if article is None:
            continue
        for found in pattern.finditer(article.text):
            para = _paragraph_at(article.text, found.start(), found.end())
            if para is None:
                continue
            index, a, b = para
            items.append(
                Item(
                    text=article.text[a:b],
                    cite=ctx.cite(_ref(article), a, b, index),
                    label=f"paragraph {index + 1}",
                )
            )
            break
        if len(items) >= 5:
            break
    if not items:
        return error_reply(
            f"No article contains the words {args[:80]!r} together.",
            example=EXAMPLE,
            hint="Try /search with fewer words.",
        )
    return Reply(
        title=f"Where “{args[:80]}” appears",
        sections=(Section(items=tuple(items)),),
        citations=ctx.citations,
        actions=tuple(Action("Summary", "summary", c.article_id) for c in ctx.citations[:2]),
    )
