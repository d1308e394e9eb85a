"""/figures: the figures the sources give for a topic, as a table, with conflicts flagged first."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.commands import common_words
from bot.commands.context import Context
from bot.commands.figure_copies import merge_copies
from bot.commands.figure_rank import (
    Scored,
    article_phrases,
    article_relevance,
    features,
    holds_the_words,
    neighbour_coverage,
    paragraph_coverage,
    weigh,
)
from bot.commands.rows import figure_row, short_title, source_name
from bot.extract.conflicts import Conflict, Sourced, find_conflicts
from bot.extract.topics import (
    FACET_TOPICS,
    TOPICS,
    measure_of,
    money_kind,
    nearest_topics,
    resolve_topic,
)
from bot.model import Action, FigureRow, Reply, Section, error_reply, shown_date
from bot.store.base import StoredFigure

log = logging.getLogger(__name__)

EXAMPLE = "/figures territory"
MAX_ROWS = 60
# What a user sees before scrolling: this many lines of section headings and figure rows (the
# old flat first screen of 10 rows under its 3-4 measure headings took as many). The grouped
# first screen spends a line on each article's heading, so it shows fewer rows when its
# figures come from many articles and more when one article holds them.
SCREEN_LINES = 14
HEADING_TITLE = 80  # an article's heading keeps to one line
OTHER_ARTICLES = "Also in other articles"  # first-screen articles with one figure each
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
    scored = merge_copies(scored)  # one row for a fact several outlets of a story give
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
    top = await ctx.store.articles([h.article.id for h in hits])
    holding = {a.id for a in top if holds_the_words(a.text, a.title, words)}
    ids = [h.article.id for h in hits if h.article.id in holding]  # in the search's order
    in_articles = await ctx.store.figures_for_articles(ids)
    candidates = by_sentence + in_articles
    texts = {art.id: art.text for art in top}
    article_rank = article_relevance(texts, words)
    phrases = article_phrases(texts, {a.id: a.title for a in top}, words)
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
        return weigh(
            features(candidates, words, article_rank, facet, True, cover, beside, phrases=phrases)
        )
    return weigh(
        features(candidates, words, article_rank, facet, False, cover, beside, phrases=phrases)
    )


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
    conflicts, notes, flagged, best = _layout(figures)
    shown = set(flagged)
    more = [i for i, s in enumerate(scored) if s.strong and i not in shown and i not in best]
    rest = [i for i, s in enumerate(scored) if not s.strong and i not in shown and i not in best]
    groups: list[tuple[str, str, list[int]]] = []
    if flagged:
        groups.append(
            (f"Conflicts ({len(conflicts)})", "Figures that disagree across sources.", flagged)
        )
    by_story = _by_story(figures, best)
    groups += [(heading, "", idx) for heading, idx, _ in by_story]
    # Under its article's own heading a row need not name the article again.
    titled = {i for _, idx, one in by_story if one for i in idx}
    for tier, suffix in ((more, " (more)"), (rest, " (elsewhere in these articles)")):
        groups += [(name + suffix, "", idx) for name, idx in _groups(figures, tier)]
    rows: dict[int, FigureRow] = {}
    for _, _, idx in groups:  # cited in the order shown: [1], [2], ... down the reply
        for i in idx:
            rows[i] = _row(ctx, scored[i], notes.get(i, ""), titled=i in titled)
    sections = [
        Section(heading=heading, text=text, figures=tuple(rows[i] for i in idx))
        for heading, text, idx in groups
    ]
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


def _layout(
    figures: list[StoredFigure],
) -> tuple[list[Conflict], dict[int, str], list[int], list[int]]:
    """The conflicts, their notes by row, the rows they flag and the best other rows (indexes):
    the first screen is the flagged rows, then the best figures (in ranking order, whatever
    they measure) under their articles, the best-matching article first, as many as fit
    SCREEN_LINES; then come the other figures about the words, grouped by what they measure,
    then the rest of their articles."""
    sourced = [
        Sourced(sf.figure, sf.article.id, sf.article.published, sf.sentence) for sf in figures
    ]
    conflicts = find_conflicts(sourced)
    notes = _conflict_notes(figures, conflicts)
    flagged = [i for i in range(len(figures)) if i in notes]
    room = SCREEN_LINES - (1 + len(flagged) if flagged else 0)
    best = _screen([i for i in range(len(figures)) if i not in notes], figures, room)
    return conflicts, notes, flagged, best


def screen_figures(scored: list[Scored]) -> list[StoredFigure]:
    """The figures on the first screen of the reply for these ranked figures (as first_screen
    reads the built reply), without building it: the fit script asks this for every trial.
    A row's copies from other outlets of its story (merge_copies) are on it too."""
    merged = merge_copies(scored)[:MAX_ROWS]
    figures = [s.figure for s in merged]
    _, _, flagged, best = _layout(figures)
    return [f for i in flagged[: SCREEN_LINES - 1] + best for f in (figures[i], *merged[i].copies)]


def _row(ctx: Context, scored: Scored, conflict: str, titled: bool = False) -> FigureRow:
    """A figure's row: its claimant (or the article, marked so, unless the row sits under the
    article's own heading), what it measures beside its value, and the other outlets of its
    story that give the same figure (cited, named after its own source)."""
    sf = scored.figure
    row = figure_row(ctx, sf, conflict=conflict)
    if scored.copies:
        also = tuple(
            ctx.cite(c.article, c.figure.start, c.figure.end, c.paragraph) for c in scored.copies
        )
        names = ", ".join(dict.fromkeys(source_name(c.article) for c in scored.copies))
        row = replace(row, source=f"{row.source}; also {names}", also=also)
    measure = _measure(sf)
    unnamed = "no source named" if titled else f"{source_name(sf.article)} (no source named)"
    claimant = sf.figure.claimant or unnamed
    normalised = row.normalised
    if measure:
        normalised = f"{normalised} · {MEASURE_NAMES.get(measure, measure)}".strip(" ·")
    return replace(row, claimant=claimant, normalised=normalised)


def _group_of(sf: StoredFigure) -> tuple[str, object]:
    """The group a figure's row goes under: its story (every outlet's copy of one event under
    one heading, so a story told by four outlets spends one line on headings, not four), or
    its article when its story is unknown."""
    return ("story", sf.story_id) if sf.story_id is not None else ("article", sf.article.id)


def _screen(order: list[int], figures: list[StoredFigure], room: int) -> list[int]:
    """The best figures (indexes, best first) that fit `room` lines grouped as _by_story
    lays them out: a heading over each story with two or more, one over all the rest."""
    count: dict[tuple[str, object], int] = {}
    out: list[int] = []
    for i in order:
        group = _group_of(figures[i])
        count[group] = count.get(group, 0) + 1
        singles = any(n == 1 for n in count.values())
        if len(out) + 1 + sum(n > 1 for n in count.values()) + singles > room:
            break
        out.append(i)
    return out


def _by_story(figures: list[StoredFigure], which: list[int]) -> list[tuple[str, list[int], bool]]:
    """Rows (indexes in which, best first) under headings: each story with two or more under
    its own (its best article's title; its rows name their sources when several outlets give
    them), the stories with one together under OTHER_ARTICLES (each row names its source);
    the group of the best row first. The flag says whether the heading names the rows'
    one article (then a row need not)."""
    groups: dict[tuple[str, object], list[int]] = {}
    for i in which:
        groups.setdefault(_group_of(figures[i]), []).append(i)
    out: dict[str, tuple[list[int], bool]] = {}
    for idx in groups.values():
        articles = {figures[i].article.id for i in idx}
        heading = OTHER_ARTICLES
        if len(idx) > 1:
            many = f"{len(articles)} sources" if len(articles) > 1 else ""
            heading = " · ".join(x for x in (_article_heading(figures[idx[0]]), many) if x)
        rows, one = out.get(heading, ([], True))
        out[heading] = ([*rows, *idx], one and heading != OTHER_ARTICLES and len(articles) == 1)
    return [(heading, idx, one) for heading, (idx, one) in out.items()]


def _article_heading(sf: StoredFigure) -> str:
    """An article group's heading: its title, outlet and date (the rows cite the paragraph)."""
    a = sf.article
    title = short_title(a.title, HEADING_TITLE)
    return " · ".join(
        x for x in (title, a.outlet, shown_date(a.published) if a.published else "") if x
    )


def first_screen(reply: Reply) -> list[FigureRow]:
    """The figure rows a user sees before scrolling: the rows within the first SCREEN_LINES
    lines, counting each section heading and each row as a line (the bench scores this)."""
    out: list[FigureRow] = []
    used = 0
    for section in reply.sections:
        if not section.figures:
            continue
        used += bool(section.heading)
        for row in section.figures:
            if used >= SCREEN_LINES:
                return out
            used += 1
            out.append(row)
    return out


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
