"""`/figures <topic> chart`: the figures over time as a PNG, one series per claimant, conflicts ringed.

Drawn with matplotlib's Agg canvas (no display, no global pyplot state), narrow enough to read on a
phone; the table stays beside it as text and the alt text says what the chart shows.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.commands.rows import source_name
from bot.extract.changes import as_now
from bot.extract.conflicts import Sourced, find_conflicts
from bot.model import Attachment, Reply, parse_utc
from bot.store.base import StoredFigure

MAX_PANELS = 3
ALT_LIMIT = 1000  # Slack's alt_txt and Discord's attachment description both fit this
WIDTH_IN, DPI = 4.8, 200  # 960 px: sharp on a phone, legible when shrunk to its width
COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")
CONFLICT = "#d62728"
DODGE = timedelta(hours=3)


@dataclass(frozen=True, slots=True)
class Point:
    index: int  # position in the figures list (conflicts refer to it)
    when: datetime | None  # None: the source gave no publication date
    source: str  # the article's outlet or short title, for an undated panel's columns
    value: float
    low: float | None
    high: float | None
    unit: str
    claimant: str
    surface: str


def _when(published: str) -> datetime | None:
    try:
        return parse_utc(published)
    except ValueError:
        return None


def _point(i: int, sf: StoredFigure) -> Point | None:
    f = as_now(sf.figure, sf.sentence)  # a change ("fell from 785 to 708") drawn where it ended
    when = _when(sf.article.published) if sf.article.published else None
    raw = f.value
    if raw is None and f.low is not None and f.high is not None:
        raw = (f.low + f.high) / 2  # a range ("1-2 km"): drawn at its middle, with a bar
    if raw is None:
        return None
    value = f.base_value if f.base_value is not None else raw
    scale = value / raw if raw else 1.0
    low = f.low * scale if f.low is not None else None
    high = f.high * scale if f.high is not None else None
    claimant = f.claimant or f"{source_name(sf.article)} (no source named)"
    unit = f.base_unit or f.unit or ""
    return Point(i, when, source_name(sf.article), value, low, high, unit, claimant, f.surface)


def _day(p: Point) -> str:
    return p.when.date().isoformat() if p.when else "date unknown"


def _short(source: str, width: int = 16) -> str:
    """A source name that fits under its column at phone width (two short lines at most)."""
    lines = textwrap.wrap(source, width) or [""]
    return "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "")


def _columns(pts: list[Point]) -> dict[int, float] | None:
    """x of each point on a panel with an undated figure: one column per source, dated
    ones first by date (a date axis would have to invent a time); None: all are dated."""
    if all(p.when for p in pts):
        return None
    order = sorted(pts, key=lambda p: (p.when is None, p.when or datetime.min.replace(tzinfo=UTC)))
    keys = list(dict.fromkeys((p.source, _day(p)) for p in order))
    return {p.index: float(keys.index((p.source, _day(p)))) for p in pts}


def _panels(
    points: list[Point], groups: Sequence[tuple[str, Sequence[int]]], ringed: set[int]
) -> list[tuple[str, list[Point]]]:
    """The groups worth a panel: those with a conflict first, then the fullest ones."""
    by_index = {p.index: p for p in points}
    panels = []
    for name, idx in groups:
        pts = [by_index[i] for i in idx if i in by_index]
        if pts:
            panels.append((name, pts))
    panels.sort(key=lambda p: (not any(x.index in ringed for x in p[1]), -len(p[1])))
    return panels[:MAX_PANELS]


def render_png(
    title: str, panels: list[tuple[str, list[Point]]], pairs: list[tuple[Point, Point, str]]
) -> bytes:
    """The chart as PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure

    claimants = list(dict.fromkeys(p.claimant for _, pts in panels for p in pts))
    color = {c: COLORS[i % len(COLORS)] for i, c in enumerate(claimants)}
    fig = Figure(figsize=(WIDTH_IN, 1.2 + 2.4 * len(panels)), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    fig.suptitle(title, fontsize=10, fontweight="bold")
    axes = fig.subplots(len(panels), 1, squeeze=False)[:, 0]
    ringed = {p.index for a, b, _ in pairs for p in (a, b)}
    for ax, (name, pts) in zip(axes, panels, strict=True):
        series = list(dict.fromkeys(p.claimant for p in pts))
        spread = [(series.index(p.claimant) - (len(series) - 1) / 2) for p in pts]
        columns = _columns(pts)
        # Claimants reporting on the same day sit side by side, not on top of one another.
        x: dict[int, Any] = (
            {p.index: columns[p.index] + 0.08 * d for p, d in zip(pts, spread, strict=True)}
            if columns is not None
            else {p.index: p.when + DODGE * d for p, d in zip(pts, spread, strict=True)}
        )
        for claimant in series:
            mine = sorted((p for p in pts if p.claimant == claimant), key=lambda p: x[p.index])
            xs, ys = [x[p.index] for p in mine], [p.value for p in mine]
            # A line only joins a claimant's figures from different days: a change over time.
            dated = columns is None and len({_day(p) for p in mine}) == len(mine) > 1
            style = "-o" if dated else "o"
            ax.plot(xs, ys, style, color=color[claimant], markersize=5, linewidth=1.4)
            for p in mine:
                if p.low is not None and p.high is not None and p.high > p.low:
                    ax.vlines(
                        x[p.index], p.low, p.high, color=color[claimant], linewidth=3, alpha=0.35
                    )
        for p in pts:
            if p.index in ringed:
                ax.plot(x[p.index], p.value, "o", markersize=13, markerfacecolor="none",
                        markeredgecolor=CONFLICT, markeredgewidth=2)  # fmt: skip
                ax.annotate(f"{p.surface} ({p.unit})", (x[p.index], p.value), xytext=(8, -3),
                            textcoords="offset points", fontsize=7, color=CONFLICT)  # fmt: skip
        for a, b, _ in pairs:
            if a in pts and b in pts:
                ax.plot(
                    [x[a.index], x[b.index]], [a.value, b.value], "--", color=CONFLICT, linewidth=1
                )
        values = [p.value for p in pts if p.value > 0]
        if values and max(values) / min(values) > 100:
            ax.set_yscale("log")
        units = ", ".join(dict.fromkeys(p.unit for p in pts if p.unit))
        ax.set_title(name, fontsize=9, loc="left")
        ax.set_ylabel(units, fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(True, alpha=0.3)
        if columns is not None:  # sources, not dates: the axis says so
            ticks = sorted({(columns[p.index], f"{_short(p.source)}\n{_day(p)}") for p in pts})
            ax.set_xticks([t for t, _ in ticks], [label for _, label in ticks], fontsize=6)
            ax.set_xlim(-0.6, max(t for t, _ in ticks) + 0.6)
            continue
        days = {p.when.date() for p in pts if p.when}
        if len(days) == 1:  # one day: a day either side, so the axis has a span to label
            day = min(p.when for p in pts if p.when).replace(hour=0, minute=0, second=0)
            ax.set_xlim(day - timedelta(days=1), day + timedelta(days=2))
        locator = AutoDateLocator(minticks=2, maxticks=4)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    handles = [axes[0].plot([], [], "-o", color=color[c], markersize=5)[0] for c in claimants]
    labels = [c if len(c) <= 48 else c[:47] + "…" for c in claimants]
    if pairs:
        handles.append(
            axes[0].plot(
                [],
                [],
                "o",
                markersize=10,
                markerfacecolor="none",
                markeredgecolor=CONFLICT,
                markeredgewidth=2,
            )[0]
        )
        labels.append("conflict between sources")
    fig.legend(handles, labels, loc="outside lower center", ncols=1, fontsize=7, frameon=False)
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def alt_text(
    title: str, panels: list[tuple[str, list[Point]]], pairs: list[tuple[Point, Point, str]]
) -> str:
    """What the chart shows, in words: every point, then the conflicts (cut to ALT_LIMIT)."""
    parts = [f"Chart of {title} over time, one series per claimant."]
    # conflicts first: what an editor must not miss, kept when the text is cut to ALT_LIMIT
    for a, b, reason in pairs:
        parts.append(f"Conflict marked: {a.surface} vs {b.surface} ({reason}).")
    for name, pts in panels:
        points = "; ".join(
            f"{p.claimant}: {p.surface} ({_day(p)})"
            for p in sorted(pts, key=lambda p: (p.when is None, _day(p)))
        )
        parts.append(f"{name}: {points}.")
    text = " ".join(parts)
    return text if len(text) <= ALT_LIMIT else text[: ALT_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def chart_reply(
    reply: Reply,
    figures: Sequence[StoredFigure],
    groups: Sequence[tuple[str, Sequence[int]]],
    topic: str,
) -> Reply:
    """The /figures table reply with the chart attached (or a footer saying why there is none)."""
    if reply.error:
        return reply
    points = [p for i, sf in enumerate(figures) if (p := _point(i, sf)) is not None]
    conflicts = find_conflicts(
        [Sourced(sf.figure, sf.article.id, sf.article.published, sf.sentence) for sf in figures]
    )
    by_index = {p.index: p for p in points}
    pairs = [
        (by_index[c.a], by_index[c.b], c.reason)
        for c in conflicts
        if c.a in by_index and c.b in by_index
    ]
    panels = _panels(points, groups, {p.index for a, b, _ in pairs for p in (a, b)})
    if not panels:
        note = "No chart: none of these figures has a value to draw."
        return replace(reply, footer=f"{reply.footer} {note}".strip())
    shown = [(a, b, r) for a, b, r in pairs if any(a in pts for _, pts in panels)]
    title = f"Figures on {topic}"
    name = "figures-" + (re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-") or "chart") + ".png"
    chart = Attachment(
        name, "image/png", render_png(title, panels, shown), alt_text(topic, panels, shown)
    )
    note = "Chart attached: one series per claimant; red rings mark figures that conflict."
    return replace(reply, footer=f"{reply.footer} {note}".strip(), attachments=(chart,))
