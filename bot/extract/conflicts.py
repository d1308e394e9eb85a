"""Find figures that disagree across sources: same topic and referent, different value or unit."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.extract.changes import as_now, change_start
from bot.extract.topics import measure_of
from bot.extract.units import UNITS, singular
from bot.model import Figure, parse_utc

# Only stock-like topics: per-event counts (drones shot down overnight) differ by nature.
COMPARABLE_TOPICS = frozenset({"territory", "troops", "casualties", "prisoners", "evacuations"})
SAME_VALUE = 0.05  # values within 5% are "the same number"
MAX_DAYS_APART = 3  # figures published further apart describe different moments
# A sentence that dates its figure to an earlier moment ("last summer") is a change over time.
_EARLIER = re.compile(
    r"\b(?:last|previous|earlier)\s+(?:summer|winter|spring|autumn|fall|year|month|week)\b|"
    r"\b(?:previously|initially|originally|at (?:its|the) peak|a year ago|months ago|weeks ago)\b",
    re.IGNORECASE,
)
_PLACE_WORD = re.compile(r"[A-Z][\w'’\-]+")


@dataclass(frozen=True, slots=True)
class Sourced:
    """A figure with where it came from: the article, its date, and the sentence holding it."""

    figure: Figure
    source: str
    published: str = ""
    sentence: str = ""


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two figures (indexes into the input) that disagree, and why, in a few words."""

    a: int
    b: int
    kind: str  # "unit" (same number, different kind of unit) or "value"
    reason: str


def find_conflicts(items: Sequence[Sourced]) -> list[Conflict]:
    """Pairs of figures from different sources that disagree about the same thing.

    Same topic, same measure (area, advance, places, a people count), a shared place in the
    referent, published within a few days, and neither dated to an earlier moment. Then a
    unit conflict is the same number with a different kind of unit ("400 miles" vs "400
    square miles"); a value conflict is two ranges, widened by their qualifiers, that do not
    overlap.
    """
    keys = [_key(s) for s in items]
    out: list[Conflict] = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i], items[j]
            ka, kb = keys[i], keys[j]
            if ka is None or kb is None or a.source == b.source:
                continue
            if ka[0] != kb[0] or ka[1] != kb[1] or not (ka[2] & kb[2]):
                continue
            if not _same_moment(a, b):
                continue
            found = _compare(as_now(a.figure, a.sentence), as_now(b.figure, b.sentence))
            if found is not None:
                out.append(Conflict(i, j, found[0], found[1]))
    return out


def _key(s: Sourced) -> tuple[str, str, frozenset[str]] | None:
    f = s.figure
    if f.topic not in COMPARABLE_TOPICS or not f.referent or change_start(f, s.sentence):
        return None  # "cut from 90 to 53": the 90 is an earlier moment, not a rival figure
    if f.topic == "territory":
        pos = s.sentence.find(f.surface) if s.sentence else -1
        measure = measure_of(f.unit, s.sentence, max(pos, 0))
    else:
        u = UNITS.get(f.unit or "")
        measure = "count" if u is None else u.dim
    places = frozenset(w.lower() for w in _PLACE_WORD.findall(f.referent))
    return f.topic or "", measure, places


def _dated_earlier(s: Sourced) -> bool:
    """Whether the words right around the figure date it to an earlier moment."""
    pos = s.sentence.find(s.figure.surface)
    if pos < 0:
        return bool(_EARLIER.search(s.sentence))
    window = s.sentence[max(0, pos - 50) : pos + len(s.figure.surface) + 30]
    return bool(_EARLIER.search(window))


def _same_moment(a: Sourced, b: Sourced) -> bool:
    if _dated_earlier(a) != _dated_earlier(b):
        return False
    da, db = _date(a.published), _date(b.published)
    return not (da and db and abs((da - db).total_seconds()) > MAX_DAYS_APART * 86400)


def _date(iso: str) -> datetime | None:
    if not iso:
        return None
    try:
        return parse_utc(iso).replace(tzinfo=None)
    except ValueError:
        return None


def _compare(fa: Figure, fb: Figure) -> tuple[str, str] | None:
    ua, ub = UNITS.get(fa.unit or ""), UNITS.get(fb.unit or "")
    ra, rb = _interval(fa), _interval(fb)
    if ra is None or rb is None:
        return None
    if ua is not None and ub is not None and ua.dim != ub.dim:
        pa, pb = _point(fa), _point(fb)
        if pa and pb and abs(pa - pb) <= SAME_VALUE * max(pa, pb):
            return "unit", f"unit mismatch: {fa.surface} ({ua.name}s) vs {fb.surface} ({ub.name}s)"
        return None
    if (ua is None) != (ub is None) or not (fa.unit and fb.unit):
        return None  # a bare count says nothing of what it counts: no basis to disagree
    different_nouns = singular(fa.unit or "").lower() != singular(fb.unit or "").lower()
    if ua is None and different_nouns and fa.unit and fb.unit:
        return None
    if ua is not None and ub is not None:
        ra = (ra[0] * ua.factor, ra[1] * ua.factor)
        rb = (rb[0] * ub.factor, rb[1] * ub.factor)
    if ra[1] * (1 + SAME_VALUE) < rb[0] or rb[1] * (1 + SAME_VALUE) < ra[0]:
        return "value", f"values disagree: {fa.surface} vs {fb.surface}"
    return None


def _point(f: Figure) -> float | None:
    if f.value is not None:
        return abs(f.value)
    if f.low is not None and f.high is not None:
        return (f.low + f.high) / 2
    return None


def _interval(f: Figure) -> tuple[float, float] | None:
    """What a figure allows, qualifier included: "nearly 400" is 340-400, "over 1,000" 1,000+."""
    if f.low is not None and f.high is not None:
        lo, hi = f.low, f.high
    elif f.value is not None:
        lo = hi = f.value
    else:
        return None
    q = f.qualifier
    if q == "approximately":
        lo, hi = lo * 0.85, hi * 1.15
    elif q == "nearly":
        lo = lo * 0.85
    elif q in ("more than", "at least"):
        hi = float("inf")
    elif q in ("less than", "up to", "at most"):
        lo = 0.0
    return lo, hi
