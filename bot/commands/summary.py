"""/summary: an extractive summary of one article (id or URL) or of the articles a search finds."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from bot.commands import COMMANDS, SUMMARY_METHODS, common_words
from bot.commands.context import Context
from bot.commands.rows import counted
from bot.model import Action, Article, Item, Reply, Request, Section, error_reply
from bot.store import fts
from bot.store.base import ArticleRef
from summaries import summarize
from summaries.multi import Picked, StoryDoc, summarize_story

EXAMPLE = "/summary Kursk incursion 3"
_SENTENCES = COMMANDS["summary"].option("sentences")
_METHOD = COMMANDS["summary"].option("method")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
# one token with a digit and an id's punctuation ("000_58c4...", "business/001"): a mistyped
# id rather than search words, so a miss says so
_ID_LIKE = re.compile(r"(?=\S*\d)(?=\S*[_/.:-])[\w/.:-]+")
# a year ends search words ("Kursk 2024"); no one asks for 1,900 sentences
_YEAR = re.compile(r"(1[89]|2[01])\d\d")


def ref_of(a: Article) -> ArticleRef:
    return ArticleRef(id=a.id, title=a.title, outlet=a.outlet, published=a.published, url=a.url)


@dataclass(frozen=True, slots=True)
class SummaryArgs:
    """What to summarise, how many sentences, by which method; `typed` when given as options."""

    target: str
    count: int = 3
    method: str = "news"
    typed: bool = False


def from_request(request: Request, args: str) -> SummaryArgs | Reply:
    """Typed options as they come (the core checked their bounds and choices), else the text parsed."""
    if not request.typed:
        return parse(args)
    target = str(request.option("query", ""))
    if not target:
        return error_reply(
            "Tell me which article to summarise: an id, a URL or search words.", example=EXAMPLE
        )
    method = str(request.option("method", "news")).lower()
    return SummaryArgs(target, int(request.option("sentences", 3)), method, typed=True)


def parse(args: str) -> SummaryArgs | Reply:
    """Split '<target> [sentences] [method]' (either order at the end)."""
    words = args.split()
    count, method = 3, "news"
    for _ in range(2):
        if words and words[-1].lower() in SUMMARY_METHODS:
            method = words.pop().lower()
        elif (
            words
            and re.fullmatch(r"-?\d+", words[-1])
            and not _YEAR.fullmatch(words[-1])
            and len(words) > 1
        ):
            count = int(words.pop())
            if problem := _SENTENCES.check(count):  # the bounds typed options have too
                return error_reply(problem, example=EXAMPLE)
    if not words:
        return error_reply(
            "Tell me which article to summarise: an id, a URL or search words.", example=EXAMPLE
        )
    return SummaryArgs(" ".join(words), count, method)


async def closest(ctx: Context, target: str) -> str:
    """A line offering the nearest articles, for a miss."""
    refs = [h.article for h in await ctx.store.search(target, limit=3)] if fts.terms(target) else []
    refs = refs or await ctx.store.recent_articles(limit=3)
    return "Closest: " + "; ".join(f"{r.title[:70]} (id {r.id})" for r in refs) if refs else ""


async def _names_article(ctx: Context, target: str) -> bool:
    """True when target is an indexed article's id or URL."""
    if await ctx.store.article(target) is not None:
        return True
    return bool(_URL.match(target)) and await ctx.store.article_by_url(target) is not None


async def unknown_method(ctx: Context, target: str) -> Reply | None:
    """'<article> 3 bogus' or '<article> lexrnk': the last word sits where a method goes, so name
    it instead of searching for the whole line. Search words ("Apollo 11 landing") are left alone."""
    words = target.split()
    if len(words) < 2 or not words[-1].isalpha():
        return None
    word, head = words[-1], words[:-1]
    close = difflib.get_close_matches(word.lower(), SUMMARY_METHODS, n=1, cutoff=0.8)
    if head and re.fullmatch(r"\d{1,2}", head[-1]):
        head = head[:-1]
    if not close and not (head and await _names_article(ctx, " ".join(head))):
        return None
    return error_reply(
        # the words a typed method: option gets too; a method named twice is said so
        _METHOD.check(word) or f"Name the summary method once ({word.lower()!r} came twice).",
        example=EXAMPLE,
        hint=f"{_METHOD.choices_hint} The default, news, needs no name.",
    )


async def run(ctx: Context, args: str) -> Reply:
    parsed = from_request(ctx.request, args)
    if isinstance(parsed, Reply):
        return parsed
    target, count, method = parsed.target, parsed.count, parsed.method
    article = await ctx.store.article(target)
    # typed, the method has its own option: the query's last word is a search word
    if article is None and not parsed.typed and (wrong := await unknown_method(ctx, target)):
        return wrong
    if article is None and _URL.match(target):
        ref = await ctx.store.article_by_url(target)
        article = await ctx.store.article(ref.id) if ref else None
        if article is None:
            return error_reply(
                f"{target[:100]} is not indexed.",
                example="/ingest " + target[:100],
                hint=await closest(ctx, target),
            )
    if article is None and re.fullmatch(r"[0-9a-f]{6,}", target):
        ids = await ctx.store.find_article_ids(target)
        article = await ctx.store.article(ids[0]) if len(ids) == 1 else None
        if article is None:
            return error_reply(
                f"No article has the id {target[:40]}.",
                example=EXAMPLE,
                hint=await closest(ctx, target),
            )
    if article is not None:
        picked = summarize(article.text, count, method, title=article.title)
        ref = ref_of(article)
        items = tuple(
            Item(text=s.text, cite=ctx.cite(ref, s.start, s.end, s.paragraph)) for s in picked
        )
        return Reply(
            title=article.title,
            sections=(
                Section(
                    heading=f"{ref.outlet or 'Summary'} — {method}, {counted(len(items), 'sentence')}",
                    items=items,
                ),
            ),
            citations=ctx.citations,
            actions=tuple(
                Action("Show source", "quote", ctx.citations[i.cite].ref)
                for i in items[:1]
                if i.cite is not None
            ),
        )
    if refused := common_words.refusal(target, EXAMPLE):
        return refused
    hits = await ctx.store.search(target, limit=5)
    if not hits:
        what = (
            f"No article has the id {target[:40]} and no indexed article matches it."
            if _ID_LIKE.fullmatch(target)
            else f"No indexed article matches {target[:80]!r}."
        )
        return error_reply(
            what,
            example=EXAMPLE,
            hint=await closest(ctx, target),
        )
    articles = await ctx.store.articles([h.article.id for h in hits])
    docs = [StoryDoc(a.id, a.title, a.text, a.published) for a in articles]
    by_id = {a.id: a for a in articles}
    picked = (
        summarize_story(docs, count)
        if len(docs) > 1
        else [
            Picked(articles[0].id, s)
            for s in summarize(articles[0].text, count, method, title=articles[0].title)
        ]
    )
    items = tuple(
        Item(
            text=p.sentence.text,
            cite=ctx.cite(
                ref_of(by_id[p.article_id]), p.sentence.start, p.sentence.end, p.sentence.paragraph
            ),
            label=by_id[p.article_id].outlet,
        )
        for p in picked
    )
    sources = tuple(ctx.cite(ref_of(a)) for a in articles)
    return Reply(
        title=f"Summary of {len(articles)} article{'s' * (len(articles) > 1)} on “{target[:60]}”",
        sections=(Section(items=items, sources=sources),),
        citations=ctx.citations,
    )
