"""/brief: the stories since a time, each summarised across its sources with key figures and quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.commands.context import Context
from bot.commands.rows import figure_row, quote_item
from bot.model import Action, Item, Reply, Section, error_reply, utc_iso
from bot.store.base import ArticleRef, StoredFigure, StoredQuote, Story
from bot.warmer import story_summary_rows

EXAMPLE = "/brief Kursk 2d"
MAX_STORIES = 5
MAX_FIGURES = 3
MAX_QUOTES = 2
_SPAN = re.compile(r"^(\d{1,4})([hdw])$", re.IGNORECASE)
_MAIN_TOPICS = {
    "territory",
    "troops",
    "casualties",
    "prisoners",
    "weapons",
    "evacuations",
    "money",
    "energy",
}


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
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:]+Z?)?", word):
        try:
            when = datetime.fromisoformat(word.replace("Z", "+00:00"))
        except ValueError:
            return None
        return when if when.tzinfo else when.replace(tzinfo=UTC)
    return None


async def run(ctx: Context, args: str) -> Reply:
    words = args.split()
    since: datetime | None = None
    if words:
        since = parse_since(words[-1], ctx.now())
        if since is not None:
            words.pop()
        elif re.fullmatch(r"\d+\w*", words[-1]) and len(words) == 1:
            return error_reply(
                f"I can't read {words[-1]!r} as a time.",
                example=EXAMPLE,
                hint="Use 24h, 2d, 1w, today, yesterday or a date like 2024-08-13.",
            )
    topic = " ".join(words) or None
    return await build_brief(ctx, topic=topic, since=since)


async def default_since(ctx: Context) -> datetime:
    """The last day of coverage: 24 hours before the newest article (or now, if that is newer)."""
    latest = await ctx.store.latest_published()
    now = ctx.now()
    if latest:
        try:
            newest = datetime.fromisoformat(latest.replace("Z", "+00:00"))
            now = min(now, newest if newest.tzinfo else newest.replace(tzinfo=UTC))
        except ValueError:
            pass
    return now - timedelta(hours=24)


async def build_brief(
    ctx: Context,
    topic: str | None = None,
    since: datetime | None = None,
    title: str = "",
    exclude: Sequence[str] = (),
) -> Reply:
    """The briefing Reply; digests call this too. Empty result -> a Reply saying nothing is new."""
    since = since or await default_since(ctx)
    # Room for the ones exclude words leave out.
    limit = MAX_STORIES * 2 if exclude else MAX_STORIES
    stories = await ctx.store.stories(since=utc_iso(since), topic=topic, limit=limit)
    if exclude:
        stories = (await _without(ctx, stories, exclude))[:MAX_STORIES]
    if not stories:
        about = f" about {topic!r}" if topic else ""
        return Reply(
            title=title or "Briefing",
            sections=(
                Section(text=f"Nothing new{about} since {since.strftime('%Y-%m-%d %H:%M UTC')}."),
            ),
        )
    sections = [await _story_section(ctx, story) for story in stories]
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
        footer=f"Since {since.strftime('%Y-%m-%d %H:%M UTC')} — every line is quoted from its source.",
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


async def _story_section(ctx: Context, story: Story) -> Section:
    refs = {r.id: r for r in story.articles}
    ids = list(refs)
    cached = await story_summary_rows(ctx.store, story)  # made by the warmer after ingest
    items = tuple(
        Item(text=text, cite=ctx.cite(refs[aid], start, end, para), label=refs[aid].outlet)
        for aid, start, end, para, text in cached
        if aid in refs
    )
    figures = _key_figures(await ctx.store.figures_for_articles(ids), cached)
    quotes = _key_quotes(await ctx.store.quotes_for_articles(ids))
    return Section(
        heading=_headline(story.articles, cached),
        items=items,
        figures=tuple(figure_row(ctx, f) for f in figures),
        quotes=tuple(quote_item(ctx, q) for q in quotes),
        sources=tuple(ctx.cite(r) for r in story.articles),
    )


def _headline(articles: tuple[ArticleRef, ...], picked: list[list]) -> str:
    """A real headline when a source has one (short title), preferring the source most quoted."""
    counts: dict[str, int] = {}
    for row in picked:
        counts[row[0]] = counts.get(row[0], 0) + 1
    ranked = sorted(
        articles,
        key=lambda r: (len(r.title.split()) > 16, r.title.endswith("…"), -counts.get(r.id, 0)),
    )
    return ranked[0].title if ranked else "Story"


def _key_figures(figures: list[StoredFigure], picked: list[list]) -> list[StoredFigure]:
    """Up to three figures on main topics, preferring ones with a named claimant and distinct topics."""
    in_summary = {(row[0], row[1], row[2]) for row in picked}

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
