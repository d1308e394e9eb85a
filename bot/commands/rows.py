"""Shared reply pieces: a stored figure as a table row, a stored quote as a cited item."""

from __future__ import annotations

import re

from bot.commands.context import Context
from bot.extract.changes import change_of
from bot.extract.quotes import not_yet_said
from bot.extract.units import UNITS
from bot.model import Figure, FigureRow, Item, Quote
from bot.store.base import ArticleRef, StoredFigure, StoredQuote

SHORT_TITLE = 48


def counted(n: int, noun: str) -> str:
    """ "1 article", "3 articles": titles an editor reads should not say "1 articles"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def source_name(article: ArticleRef) -> str:
    """The outlet when known, else the start of the title (seeds carry no outlet); the citation has the rest."""
    if article.outlet:
        return article.outlet
    return short_title(article.title)


def short_title(title: str, limit: int = SHORT_TITLE) -> str:
    """A title cut at a word to fit `limit` characters, the cut marked (a lead sentence used
    as a title would take a line of its own)."""
    return title if len(title) <= limit else title[: limit - 1].rsplit(" ", 1)[0] + "…"


def _number(x: float) -> str:
    """Whole numbers from 100 up; below, up to three decimals, so a rate written "$1.3270"
    or "4.875%" is not shown rounded to a different figure."""
    return f"{x:,.0f}" if abs(x) >= 100 or x == int(x) else f"{x:,.3f}".rstrip("0").rstrip(".")


# a time unit named in the figure's own words: "five years", "40 days" are durations; a bare
# "45" read as years ("Smith, 45,", "aged 45") or an "82-year-old" is an age
_TIME_WORD = re.compile(
    r"(?i)\b(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|"
    r"seconds?|secs?|decades?|centur(?:y|ies))\b"
)
_OLD = re.compile(r"(?i)\bold\b")


def _amount(f: Figure) -> tuple[str, float | None]:
    """The number as digits (a range as 'low–high') and the value that picks singular or plural."""
    if f.low is not None and f.high is not None and f.low != f.high:
        return f"{_number(f.low)}–{_number(f.high)}", f.high
    value = f.value if f.value is not None else f.low
    return ("" if value is None else _number(value)), value


def _time(f: Figure, name: str) -> str:
    """An age or a duration in the unit it was written in ('82 years old', '5 years'): a day
    count ('29,950 day') is a conversion no editor would print."""
    amount, value = _amount(f)
    if not amount:
        return ""
    words = name if value == 1 else (f"{name[:-1]}ies" if name.endswith("ury") else f"{name}s")
    if _OLD.search(f.surface) or (f.unit == "year" and not _TIME_WORD.search(f.surface)):
        return f"{amount} {words} old"
    return f"{amount} {words}"


def normalised(sf: StoredFigure) -> str:
    """The value in base units ('1,036 km2', '12–120 troops'), or '' when nothing to add; a
    time (an age, a duration) in its own unit, spelled out."""
    f = sf.figure
    time_unit = UNITS.get(f.unit or "")
    change = change_of(f, sf.sentence)
    if change is not None:  # "fell from 785 to 708": '785 → 708 (fell)', never '708–785'
        unit = time_unit.name + "s" if time_unit and time_unit.dim == "time" else f.unit or ""
        moved = f"{_number(change.start)} → {_number(change.end)} {unit}".strip()
        return f"{moved} ({change.direction})" if change.direction else moved
    if time_unit is not None and time_unit.dim == "time":
        return _time(f, time_unit.name)
    unit = f.base_unit or f.unit or ""
    if f.base_value is not None:
        return f"{_number(f.base_value)} {unit}".strip()
    if f.low is not None and f.high is not None and f.low != f.high:
        return f"{_number(f.low)}–{_number(f.high)} {unit}".strip()
    if f.value is not None:
        return f"{_number(f.value)} {unit}".strip()
    return ""


def figure_row(ctx: Context, sf: StoredFigure, conflict: str = "") -> FigureRow:
    f = sf.figure
    return FigureRow(
        surface=f.surface,
        normalised=normalised(sf),
        qualifier=f.qualifier or "",
        claimant=f.claimant or source_name(sf.article),
        source=source_name(sf.article),
        topic=f.topic or "",
        cite=ctx.cite(sf.article, f.start, f.end, sf.paragraph),
        conflict=conflict,
    )


def quote_item(ctx: Context, sq: StoredQuote) -> Item:
    """A quote line; "will argue" is marked as not yet said, as /who marks it."""
    q = sq.quote
    label = said_label(q, q.speaker or "unnamed")
    return Item(text=q.text, cite=ctx.cite(sq.article, q.start, q.end, sq.paragraph), label=label)


def said_label(q: Quote, name: str) -> str:
    """The speaker's name, marked when the article reports speech yet to come ("will argue")."""
    return f"{name} ({q.cue}: not yet said when written)" if not_yet_said(q.cue) else name
