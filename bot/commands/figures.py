"""/figures: the figures the sources give for a topic, as a table, with conflicts flagged first."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.commands.context import Context
from bot.commands.rows import figure_row, source_name
from bot.extract.conflicts import Conflict, Sourced, find_conflicts
from bot.extract.topics import TOPICS, measure_of, nearest_topics, resolve_topic
from bot.model import Action, FigureRow, Reply, Section, error_reply
from bot.store.base import StoredFigure

log = logging.getLogger(__name__)

EXAMPLE = "/figures territory"
MAX_ROWS = 60
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
    topic, match = _parse(words)
    if topic is None and match is None:
        return await _unknown(ctx, words)
    # Only MAX_ROWS are shown; the store orders them, so asking for more only costs time.
    figures = await ctx.store.figures(topic=topic, match=match, limit=MAX_ROWS)
    if not figures:
        if topic is not None:
            return await _none_for(ctx, topic, match)
        return await _unknown(ctx, words)
    reply = _table(ctx, figures, topic, match)
    if chart:
        from bot.commands.figures_chart import chart_reply

        shown = figures[:MAX_ROWS]
        return chart_reply(reply, shown, _groups(shown), topic or match or words)
    return reply


def _parse(words: str) -> tuple[str | None, str | None]:
    """A topic word anywhere in the arguments, and the other words as search words."""
    topic = resolve_topic(words)
    if topic is not None:
        return topic, None
    parts = words.split()
    for i, w in enumerate(parts):
        topic = resolve_topic(w)
        if topic is not None:
            rest = " ".join(parts[:i] + parts[i + 1 :])
            return topic, rest or None
    return None, words


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


async def _unknown(ctx: Context, words: str) -> Reply:
    have = {t for t, _ in await ctx.store.figure_topics()}
    near = [t for t in nearest_topics(words, n=len(TOPICS)) if t in have][:3] or nearest_topics(
        words
    )
    return error_reply(
        f"“{words[:60]}” is not a figures topic and no figure mentions it.",
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
    f = sf.figure
    if f.topic != "territory":
        return ""
    pos = sf.sentence.find(f.surface)
    return measure_of(f.unit, sf.sentence, max(pos, 0))


def _table(
    ctx: Context, figures: list[StoredFigure], topic: str | None, match: str | None
) -> Reply:
    figures = figures[:MAX_ROWS]
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
    for name, idx in _groups(figures):
        rest = tuple(rows[i] for i in idx if i not in shown)
        if rest:
            sections.append(Section(heading=name, figures=rest))
    title = f"Figures: {topic}" if topic else "Figures"
    if match:
        title += f" matching “{match[:60]}”"
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


def _groups(figures: list[StoredFigure]) -> list[tuple[str, list[int]]]:
    """Rows grouped by topic in the canonical order; territory split by what is measured."""
    order = list(TOPICS)
    groups: dict[str, list[int]] = {}
    for i, sf in enumerate(figures):
        topic = sf.figure.topic or "other"
        measure = _measure(sf)
        name = f"{topic}: {MEASURE_NAMES.get(measure, measure)}" if measure else topic
        groups.setdefault(name, []).append(i)

    def rank(name: str) -> tuple[int, str]:
        base = name.split(":")[0]
        return (order.index(base) if base in order else len(order), name)

    return [(name, groups[name]) for name in sorted(groups, key=rank)]
