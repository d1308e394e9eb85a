"""/figures: the figures the sources give for a topic, as a table, with conflicts flagged first."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.commands import common_words
from bot.commands.context import Context
from bot.commands.figure_rank import (
    Scored,
    article_relevance,
    neighbour_coverage,
    paragraph_coverage,
    rank,
)
from bot.commands.rows import figure_row, source_name
from bot.extract.conflicts import Conflict, Sourced, find_conflicts
from bot.extract.topics import (
    FACET_TOPICS,
    TOPICS,
    measure_of,
    money_kind,
    nearest_topics,
    resolve_topic,
)
from bot.model import Action, FigureRow, Reply, Section, error_reply
from bot.store.base import StoredFigure

log = logging.getLogger(__name__)

EXAMPLE = "/figures territory"
MAX_ROWS = 60
FIRST_SCREEN = 10  # rows a user sees first: the best-ranked ones, whatever they measure
MAX_CANDIDATES = 400  # best-matching sentences' figures looked at before ranking
ARTICLES = 10  # top search hits whose figures all count as about the words
MEASURE_NAMES = {
    "area": "area held",
    "advance": "advance / depth",
    "places": "settlements and places",
    "share": "share of territory",
}


async def run(ctx: Context, args: str) -> Reply:
    words = args.strip()
    chart = words.lower().endswith(" chart")  # `/figures territory chart` (issue 23)
    if chart:
        words = words[: -len(" chart")].strip()
    if not words:
        return await _topic_list(ctx)
    if refused := common_words.refusal(words, EXAMPLE):
        return refused
    facet, rest = _parse(words)
    scored = await _open_search(ctx, words, facet, alone=facet is not None and rest is None)
    if not scored:
        if facet in FACET_TOPICS:
            return await _none_for(ctx, facet, rest)
        return await _nothing_mentions(ctx, words)
    reply = _table(ctx, scored[:MAX_ROWS], facet, rest, words)
    if chart:
        from bot.commands.figures_chart import chart_reply

        shown = [s.figure for s in scored[:MAX_ROWS]]
        return chart_reply(reply, shown, _groups(shown, list(range(len(shown)))), words)
    return reply


async def _open_search(ctx: Context, words: str, facet: str | None, alone: bool) -> list[Scored]:
    """Figures whose sentence, unit, referent or article is about the words, best first.

    A facet word asked alone (territory, killed, captured, ...) brings every figure the
    classifier filed under it and keeps out text matches filed under another facet, so a
    prisoner count in a sentence about territory does not answer /figures territory. With
    other words it only weighs in (the words decide: "Enron settlement" is no territory).
    """
    by_sentence = await ctx.store.figures(match=words, limit=MAX_CANDIDATES, any_word=True)
    # The store's search picks the articles; how much each is about the words is then
    # measured the same way on every backend (bm25 and ts_rank order ties differently).
    hits = await ctx.store.search(words, limit=ARTICLES)
    ids = [h.article.id for h in hits]
    in_articles = await ctx.store.figures_for_articles(ids)
    candidates = by_sentence + in_articles
    texts = {art.id: art.text for art in await ctx.store.articles(ids)}
    article_rank = article_relevance(texts, words)
    cover: dict[tuple[str, int], float] = {}
    for aid, text in texts.items():
        cover.update(paragraph_coverage(aid, text, words))
    beside = {aid: neighbour_coverage(text, words) for aid, text in texts.items()}
    named = words.strip().lower() == facet  # "/figures money": the facet's own name
    if alone and (facet in FACET_TOPICS or named):
        of_facet = await ctx.store.figures(topic=facet, limit=MAX_CANDIDATES)
        candidates = of_facet + [
            sf for sf in candidates if sf.figure.topic in (facet, "other", None)
        ]
        return rank(candidates, words, article_rank, facet, True, cover, beside)
    return rank(candidates, words, article_rank, facet, False, cover, beside)


def _parse(words: str) -> tuple[str | None, str | None]:
    """The facet the words name, and the other words when one word of several names it."""
    topic = resolve_topic(words)
    if topic is not None:
        return topic, None
    parts = words.split()
    for i, w in enumerate(parts):
        topic = resolve_topic(w)
        if topic in FACET_TOPICS:
            rest = " ".join(parts[:i] + parts[i + 1 :])
            return topic, rest or None
    return None, None


async def _topic_list(ctx: Context) -> Reply:
    topics = await ctx.store.figure_topics()
    if not topics:
        return error_reply("No figures are indexed yet.", hint="Index articles with /ingest first.")
    listing = ", ".join(f"{t} ({n})" for t, n in topics)
    text = f"Give a topic. Topics with figures: {listing}.\nTry: {EXAMPLE}"
    return Reply(
        title="Figures: pick a topic",
        sections=(Section(text=text),),
        actions=tuple(Action(t, "figures", t) for t, _ in topics[:5]),
    )


async def _nothing_mentions(ctx: Context, words: str) -> Reply:
    have = {t for t, _ in await ctx.store.figure_topics()}
    near = [t for t in nearest_topics(words, n=len(TOPICS)) if t in have][:3] or nearest_topics(
        words
    )
    return error_reply(
        f"No figures found about “{words[:60]}”: no figure's sentence or article mentions it.",
        example=f"/figures {near[0]}" if near else EXAMPLE,
        hint=f"Nearest topics: {', '.join(near)}.",
    )


async def _none_for(ctx: Context, topic: str, match: str | None) -> Reply:
    have = [t for t, _ in await ctx.store.figure_topics()]
    what = f"{topic} matching “{match[:60]}”" if match else topic
    return error_reply(
        f"The sources give no figures on {what}.",
        example=f"/figures {have[0]}" if have else EXAMPLE,
        hint=f"Topics with figures: {', '.join(have)}." if have else "",
    )


def _measure(sf: StoredFigure) -> str:
    """What a figure measures within its topic: area/advance/places, or the kind of money."""
    f = sf.figure
    pos = max(sf.sentence.find(f.surface), 0)
    if f.topic == "territory":
        return measure_of(f.unit, sf.sentence, pos)
    if f.topic == "money":
        return money_kind(sf.sentence, pos)
    return ""


def _table(
    ctx: Context, scored: list[Scored], facet: str | None, match: str | None, words: str
) -> Reply:
    figures = [s.figure for s in scored]
    sourced = [
        Sourced(sf.figure, sf.article.id, sf.article.published, sf.sentence) for sf in figures
    ]
    conflicts = find_conflicts(sourced)
    notes = _conflict_notes(figures, conflicts)
    rows: list[FigureRow] = []
    for i, sf in enumerate(figures):
        row = figure_row(ctx, sf, conflict=notes.get(i, ""))
        measure = _measure(sf)
        claimant = sf.figure.claimant or f"{source_name(sf.article)} (no source named)"
        normalised = row.normalised
        if measure:
            normalised = f"{normalised} · {MEASURE_NAMES.get(measure, measure)}".strip(" ·")
        rows.append(replace(row, claimant=claimant, normalised=normalised))
    sections: list[Section] = []
    flagged = [i for i in range(len(rows)) if i in notes]
    if flagged:
        sections.append(
            Section(
                heading=f"Conflicts ({len(conflicts)})",
                text="Figures that disagree across sources.",
                figures=tuple(rows[i] for i in flagged),
            )
        )
    shown = set(flagged)
    # The best FIRST_SCREEN figures first, grouped by what they measure; then the other
    # figures about the words, grouped; then the rest of their articles.
    best = [i for i in range(len(scored)) if i not in shown][:FIRST_SCREEN]
    more = [i for i, s in enumerate(scored) if s.strong and i not in shown and i not in best]
    rest = [i for i, s in enumerate(scored) if not s.strong and i not in shown and i not in best]
    for tier, suffix in ((best, ""), (more, " (more)"), (rest, " (elsewhere in these articles)")):
        for name, idx in _groups(figures, tier):
            sections.append(Section(heading=name + suffix, figures=tuple(rows[i] for i in idx)))
    if facet in FACET_TOPICS and match is None and resolve_topic(words) == facet:
        title = f"Figures: {facet}"
    elif facet in FACET_TOPICS:
        title = f"Figures: {facet} matching “{(match or '')[:60]}”"
    else:
        title = f"Figures about “{words[:60]}”"
    actions: tuple[Action, ...] = ()
    first = rows[flagged[0]] if flagged else rows[0]
    if first.cite is not None:
        actions = (Action("Show source", "quote", ctx.citations[first.cite].ref),)
    return Reply(title=title, sections=tuple(sections), citations=ctx.citations, actions=actions)


def _conflict_notes(figures: list[StoredFigure], conflicts: list[Conflict]) -> dict[int, str]:
    """Row index -> why it disagrees, naming the other source."""
    notes: dict[int, list[str]] = {}
    for c in conflicts:
        a, b = figures[c.a], figures[c.b]
        notes.setdefault(c.a, []).append(f"{c.reason} ({source_name(b.article)})")
        notes.setdefault(c.b, []).append(f"{c.reason} ({source_name(a.article)})")
    return {i: "; ".join(v) for i, v in notes.items()}


def _groups(figures: list[StoredFigure], which: list[int]) -> list[tuple[str, list[int]]]:
    """Rows (indexes in which) grouped by what they measure (topic, then area/advance or kind
    of money). The figures come best first, so a group's place is that of its best figure.
    """
    groups: dict[str, list[int]] = {}
    for i in which:
        sf = figures[i]
        topic = sf.figure.topic or "other"
        measure = _measure(sf)
        name = f"{topic}: {MEASURE_NAMES.get(measure, measure)}" if measure else topic
        groups.setdefault(name, []).append(i)
    return list(groups.items())
