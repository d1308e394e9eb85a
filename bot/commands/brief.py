"""/brief: the stories since a time, each summarised across its sources with key figures and quotes."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.commands import common_words
from bot.commands.context import Context
from bot.commands.rows import figure_row, quote_item
from bot.commands.story_summaries import story_summary_lines
from bot.extract.topics import FACET_TOPICS
from bot.model import (
    Action,
    Item,
    Reply,
    Request,
    Section,
    SummaryLine,
    error_reply,
    parse_utc,
    utc_iso,
)
from bot.store.base import ArticleRef, StoredFigure, StoredQuote, Story

EXAMPLE = "/brief Kursk 2d"
MAX_STORIES = 5
MAX_FIGURES = 3
MAX_QUOTES = 2
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:]+Z?)?")
_SPAN = re.compile(r"^(\d{1,4})([hdw])$", re.IGNORECASE)
# the topics a story's key figures come from: the classifier's own, and money and energy
_MAIN_TOPICS = FACET_TOPICS | {"money", "energy"}


def parse_since(word: str, now: datetime) -> datetime | None:
    """'24h', '2d', '1w', 'today', 'yesterday', 'week' or an ISO date; None if it is none of these."""
    w = word.lower()
    m = _SPAN.match(w)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        return (
            now - {"h": timedelta(hours=n), "d": timedelta(days=n), "w": timedelta(weeks=n)}[unit]
        )
    if w == "today":
        return now.replace(hour=0, minute=0, second=0, microsecond=0)
    if w == "yesterday":
        return now.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=1)
    if w == "week":
        return now - timedelta(weeks=1)
    if _DATE.fullmatch(word):
        try:
            return parse_utc(word)
        except ValueError:
            return None
    return None


def take_page(words: list[str]) -> int | Reply:
    """Remove a trailing "page N" from the words; its number (1 when absent)."""
    if len(words) >= 2 and words[-2].lower() == "page":
        if not re.fullmatch(r"[0-9]{1,6}", words[-1]) or int(words[-1]) < 1:
            return error_reply(f"{words[-1][:20]!r} is not a page number.", example="/brief page 2")
        page = int(words.pop())
        words.pop()
        return page
    return 1


@dataclass(frozen=True, slots=True)
class BriefArgs:
    """The topic, the start of the time span, and the page; `typed` is how the user wrote them
    (repeated in the footer's "next page" command)."""

    topic: str | None = None
    since: datetime | None = None
    page: int = 1
    typed: str = ""


def _since(word: str, now: datetime, alone: bool) -> datetime | Reply | None:
    """The time a word names; an error for a date that is no day (or a lone word like '3x')."""
    since = parse_since(word, now)
    if since is not None:
        return since
    if _DATE.fullmatch(word):  # shaped like a date, but no such day (2020-02-30)
        return error_reply(
            f"{word[:30]} is not a valid date.",
            example="/brief 2024-08-13",
            hint="Use a real day as YYYY-MM-DD, or 24h, 2d, 1w, today or yesterday.",
        )
    if re.fullmatch(r"\d+\w*", word) and alone:
        return error_reply(
            f"I can't read {word!r} as a time.",
            example=EXAMPLE,
            hint="Use 24h, 2d, 1w, today, yesterday or a date like 2024-08-13.",
        )
    return None


def parse(args: str, now: datetime) -> BriefArgs | Reply:
    """'[topic] [since] [page N]' from free text: the last word is the time when it reads as one."""
    words = args.split()
    page = take_page(words)
    if isinstance(page, Reply):
        return page
    since: datetime | None = None
    since_word = ""
    if words:
        found = _since(words[-1], now, alone=len(words) == 1)
        if isinstance(found, Reply):
            return found
        if found is not None:
            since, since_word = found, words.pop()
    topic = " ".join(words) or None
    return BriefArgs(topic, since, page, " ".join(w for w in (topic or "", since_word) if w))


def from_request(request: Request, args: str, now: datetime) -> BriefArgs | Reply:
    """Typed options as they come (the topic is never read as a time), else the text parsed."""
    if not request.typed:
        return parse(args, now)
    topic = str(request.option("topic", "")) or None
    since_word = str(request.option("since", ""))
    since = None
    if since_word:
        found = _since(since_word, now, alone=True)
        if found is None:
            return error_reply(
                f"I can't read {since_word[:30]!r} as a time.",
                example=EXAMPLE,
                hint="Use 24h, 2d, 1w, today, yesterday or a date like 2024-08-13.",
            )
        if isinstance(found, Reply):
            return found
        since = found
    typed = " ".join(w for w in (topic or "", since_word) if w)
    return BriefArgs(topic, since, int(request.option("page", 1)), typed)


async def run(ctx: Context, args: str) -> Reply:
    parsed = from_request(ctx.request, args, ctx.now())
    if isinstance(parsed, Reply):
        return parsed
    if parsed.topic and (refused := common_words.refusal(parsed.topic, EXAMPLE)):
        return refused
    return await build_brief(
        ctx, topic=parsed.topic, since=parsed.since, page=parsed.page, typed=parsed.typed
    )


async def default_since(ctx: Context) -> datetime:
    """The last day of coverage: 24 hours before the newest article (or now, if that is newer)."""
    latest = await ctx.store.latest_published()
    now = ctx.now()
    if latest:
        with contextlib.suppress(ValueError):
            now = min(now, parse_utc(latest))
    return now - timedelta(hours=24)


def _more(total: int, page: int, shown: int, typed: str) -> str:
    """ "Stories 6–10 of 195; /brief page 3 shows the next 5." (empty when all are shown)."""
    first = (page - 1) * MAX_STORIES + 1
    last = first + shown - 1
    if page == 1 and last >= total:
        return ""
    where = f"Stories {first}–{last} of {total:,}." if shown > 1 else f"Story {first} of {total:,}."
    if last >= total:
        return where
    command = " ".join(w for w in ("/brief", typed, f"page {page + 1}") if w)
    return f"{where} {command} shows the next {min(MAX_STORIES, total - last)}."


async def build_brief(
    ctx: Context,
    topic: str | None = None,
    since: datetime | None = None,
    title: str = "",
    page: int = 1,
    typed: str = "",
    after_row: int | None = None,
    exclude: Sequence[str] = (),
) -> Reply:
    """The briefing Reply; digests call this too. Empty result -> a Reply saying nothing is new.

    When more stories exist than one reply shows, the footer says how many and the command
    (`typed`: the topic and time the user gave) that shows the next page. A digest passes
    `after_row` (the newest article its last delivery covered): then the stories are those with
    an article indexed since, however old its publication date, and `since` is not used.
    """
    if after_row is None:
        since = since or await default_since(ctx)
        when = utc_iso(since)
        span = f"since {since.strftime('%Y-%m-%d %H:%M UTC')}"
    else:
        when, span = "", "indexed since the last digest"
    select = {"since": when, "topic": topic, "after_row": after_row}
    # room for the ones a digest's exclude words leave out
    limit = MAX_STORIES * 2 if exclude else MAX_STORIES
    stories = await ctx.store.stories(**select, limit=limit, offset=(page - 1) * MAX_STORIES)
    if exclude:
        stories = (await _without(ctx, stories, exclude))[:MAX_STORIES]
    # counted only when there may be more than this page shows
    full = len(stories) == MAX_STORIES or page > 1
    total = await ctx.store.story_count(**select) if full else len(stories)
    if not stories and page > 1 and total:
        pages = (total + MAX_STORIES - 1) // MAX_STORIES
        only = "There is only 1 page" if pages == 1 else f"There are only {pages} pages"
        last = " ".join(w for w in ("/brief", typed, f"page {pages}" if pages > 1 else "") if w)
        return error_reply(
            f"{only} of stories ({total:,}); page {page:,} is past the end.", example=last
        )
    if not stories:
        about = f" about {topic!r}" if topic else ""
        return Reply(
            title=title or "Briefing",
            sections=(Section(text=f"Nothing new{about} {span}."),),
        )
    # Figures and quotes of every story's articles in one query each, not one per story:
    # on a networked store (PostgreSQL) each query is a round trip.
    ids = [r.id for story in stories for r in story.articles]
    figures = await ctx.store.figures_for_articles(ids)
    quotes = await ctx.store.quotes_for_articles(ids)
    picked = await story_summary_lines(ctx.store, stories)  # made by the warmer after ingest
    sections = [_story_section(ctx, story, picked[story.id], figures, quotes) for story in stories]
    about = f" on {topic}" if topic else ""
    return Reply(
        title=title or f"Briefing{about}: {len(stories)} stor{'y' if len(stories) == 1 else 'ies'}",
        sections=tuple(sections),
        citations=ctx.citations,
        actions=tuple(
            Action("Show source", "quote", ctx.citations[s.items[0].cite].ref)
            for s in sections[:3]
            if s.items and s.items[0].cite is not None
        ),
        footer=" ".join(
            bit
            for bit in (
                _more(total, page, len(stories), typed),
                f"{span[0].upper()}{span[1:]} — every line is quoted from its source.",
            )
            if bit
        ),
    )


async def _without(ctx: Context, stories: list[Story], exclude: Sequence[str]) -> list[Story]:
    """The stories a digest's exclude words leave in (see bot.digest_filters)."""
    from bot.digest_filters import story_excluded

    kept = []
    for story in stories:
        articles = await ctx.store.articles([r.id for r in story.articles])
        if not story_excluded(articles, exclude):
            kept.append(story)
    return kept


def _story_section(
    ctx: Context,
    story: Story,
    cached: list[SummaryLine],
    all_figures: list[StoredFigure],
    all_quotes: list[StoredQuote],
) -> Section:
    """One story; all_figures and all_quotes are those of every story's articles, in store order."""
    refs = {r.id: r for r in story.articles}
    items = tuple(
        Item(
            text=line.text,
            cite=ctx.cite(refs[line.article_id], line.start, line.end, line.paragraph),
            label=refs[line.article_id].outlet,
        )
        for line in cached
        if line.article_id in refs
    )
    figures = _key_figures([f for f in all_figures if f.article.id in refs], cached)
    quotes = _key_quotes([q for q in all_quotes if q.article.id in refs])
    return Section(
        heading=_headline(story.articles, cached),
        items=items,
        figures=tuple(figure_row(ctx, f) for f in figures),
        quotes=tuple(quote_item(ctx, q) for q in quotes),
        sources=tuple(ctx.cite(r) for r in story.articles),
    )


def _headline(articles: tuple[ArticleRef, ...], picked: list[SummaryLine]) -> str:
    """A real headline when a source has one (short title), preferring the source most quoted."""
    counts: dict[str, int] = {}
    for line in picked:
        counts[line.article_id] = counts.get(line.article_id, 0) + 1
    ranked = sorted(
        articles,
        key=lambda r: (len(r.title.split()) > 16, r.title.endswith("…"), -counts.get(r.id, 0)),
    )
    return ranked[0].title if ranked else "Story"


def _key_figures(figures: list[StoredFigure], picked: list[SummaryLine]) -> list[StoredFigure]:
    """Up to three figures on main topics, preferring ones with a named claimant and distinct topics."""
    in_summary = {(line.article_id, line.start, line.end) for line in picked}

    def rank(sf: StoredFigure) -> tuple:
        f = sf.figure
        return (
            f.topic not in _MAIN_TOPICS,
            not f.claimant,
            not any(a == sf.article.id and s <= f.start < e for a, s, e in in_summary),
            f.start,
        )

    out: list[StoredFigure] = []
    topics: set[str | None] = set()
    for sf in sorted(figures, key=rank):
        if sf.figure.topic in topics or sf.figure.topic not in _MAIN_TOPICS:
            continue
        topics.add(sf.figure.topic)
        out.append(sf)
        if len(out) == MAX_FIGURES:
            break
    return out


def _key_quotes(quotes: list[StoredQuote]) -> list[StoredQuote]:
    """Two direct quotes of a sentence or so from different named speakers."""

    def rank(sq: StoredQuote) -> tuple:
        n = len(sq.quote.text.split())
        return (sq.quote.kind != "direct", not sq.quote.speaker, not 8 <= n <= 45, -min(n, 45))

    out: list[StoredQuote] = []
    seen: set[str | None] = set()
    for sq in sorted(quotes, key=rank):
        if (
            sq.quote.kind not in ("direct", "partial")
            or not sq.quote.speaker
            or sq.speaker_key in seen
        ):
            continue
        if len(sq.quote.text.split()) < 6:
            continue
        seen.add(sq.speaker_key)
        out.append(sq)
        if len(out) == MAX_QUOTES:
            break
    return out
