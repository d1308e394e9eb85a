"""From–to changes: "fell from 785 to 708" is a start and an end, not a spread of values.

A change is stored as a range kept in the order written (low = start, high = end, so a fall
has low > high); these helpers tell a change from a true range ("between 3% and 5%", "15-22
mph") by the sentence's own "from", and read its direction from the sentence's own verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.extract.change_verbs import FELL, ROSE
from bot.extract.figure_ranges import written_change
from bot.model import Figure

_TO = re.compile(r"\sto\s")  # a change is written "X to Y", never "X-Y"
_THEN_TO = re.compile(r"\s+to\s+\D{0,3}\d")
_VERB_REACH = 60  # characters before the "from" where the change's verb is looked for


@dataclass(frozen=True, slots=True)
class Change:
    """A figure's start and end as written, and 'fell'/'rose' when the sentence says so."""

    start: float
    end: float
    direction: str


def change_of(f: Figure, sentence: str) -> Change | None:
    """The change a figure records ("from £180,126 in November to £178,906"), else None."""
    if f.low is None or f.high is None or f.low == f.high:
        return None
    pos = sentence.find(f.surface) if sentence else -1
    before = sentence[max(0, pos - 40) : pos] if pos >= 0 else ""
    # a true range, low–high: "from 24.2 to 33-35 billion" (33-35 is one), and "from 5 to 7
    # per cent to 3 to 5 per cent" (a range changed to a range)
    written = (
        _TO.search(f.surface)
        and written_change(before)
        and not (pos >= 0 and _THEN_TO.match(sentence, pos + len(f.surface)))
    )
    if not (f.low > f.high or written):
        return None
    verb_zone = sentence[max(0, pos - 40 - _VERB_REACH) : pos] if pos >= 0 else ""
    # the verb nearest the change says which way it went ("sales rose 5% but profits fell
    # from £5m to £4m": fell), and is shown only when the numbers agree with it
    fell = max((m.end() for m in FELL.finditer(verb_zone)), default=-1)
    rose = max((m.end() for m in ROSE.finditer(verb_zone)), default=-1)
    direction = ""
    if f.high < f.low and fell > rose:
        direction = "fell"
    elif f.high > f.low and rose > fell:
        direction = "rose"
    return Change(f.low, f.high, direction)


def as_now(f: Figure, sentence: str) -> Figure:
    """A change read as where it ended ("fell from 785 to 708" says 708 now), so two articles
    are compared on their latest figure and a change's ends are never a spread."""
    ch = change_of(f, sentence)
    if ch is None:
        return f
    return replace(f, value=ch.end, low=None, high=None, base_value=None)


# what follows a change's start written apart from its end: "from 90 planes to 53", "from
# 12,000 in 2001 to about 8,000"
_TO_END = re.compile(r"(?:(?!;|\.\s|,\s).){0,50}?\sto\s+\D{0,12}?\d")

# the end written first: "fell to about 30,000 from 50,000", "rose to 285p from 270p"
_END_FIRST = re.compile(r"\bto\s+\D{0,12}?\d[\d,.]*\S*\s+(?:[a-z]+\s+){0,3}?from\s+\S{0,3}$")


def change_start(f: Figure, sentence: str) -> bool:
    """Whether a single figure is where a change began ("cut from 90 planes to 53": the 90),
    a figure of an earlier moment that says nothing of now."""
    if f.low is not None and f.high is not None:
        return False
    pos = sentence.find(f.surface) if sentence else -1
    if pos < 0 or not written_change(sentence[max(0, pos - 40) : pos]):
        return False
    return bool(
        _TO_END.match(sentence, pos + len(f.surface))
        or _END_FIRST.search(sentence, max(0, pos - 60), pos)
    )
