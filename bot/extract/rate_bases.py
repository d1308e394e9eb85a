"""The unit of a rate written with a bare base: "2.54 per 1 million", "14 per 100,000".

A number followed straight by "per" and a round base is no count of its own: it is a rate,
and the thing counted is "per <base>" (the scorers' and editors' "per million"). Reading the
base into the unit also keeps the base from being read as a second figure ("1.18 per one
million to 1.09" is no range from a million to 1.09). A round base left bare after "in a",
"out of", "for every" or after a measured rate ("30 in a 1,000") is no figure of its own either
(bare_rate_base: page_furniture leaves it out of the editor's view). The one reader of bases.
"""

from __future__ import annotations

import re

from bot.extract.figure_reading import Cand
from bot.model import Figure

# "per 1 million", "per one million", "per a million", "per million", "per 100,000",
# "per 1,000" (not "per cent", not "per 100 metres": a unit after the base is a measure)
_RATE_BASE = re.compile(
    r"\s+per\s+(?:(?:1|one|a)\s+)?(?P<scale>thousand|million|billion)\b(?![-\w])"
    r"|\s+per\s+(?P<digits>10{2,}|1,000(?:,000)*|10,000|100,000)\b(?![-\w]|[,.]\d)",
    re.IGNORECASE,
)
_BASE_NAMES = {"thousand": "1,000", "1000": "1,000", "10000": "10,000", "100000": "100,000"}
# a noun after the base makes it a count of that noun ("per 100,000 people" stays a rate;
# "per 100 metres" is a measure the unit table reads)
_MEASURE_AFTER = re.compile(r"\s+(?:metres?|meters?|miles?|km|kilometres?|feet|yards?|grams?)\b")


def rate_base_after(text: str, end: int) -> tuple[str, int] | None:
    """("per million", end of the base) when a rate's base follows a bare number at end."""
    m = _RATE_BASE.match(text, end)
    if m is None or _MEASURE_AFTER.match(text, m.end()):
        return None
    base = (m.group("scale") or m.group("digits")).lower()
    base = _BASE_NAMES.get(base, base)
    if base == "1,000,000":
        base = "million"
    return f"per {base}", m.end()


def drop_bases(cands: list[Cand]) -> list[Cand]:
    """The candidates without the bases read into a rate before them ("per one million"), so
    the base cannot join the next number as a range."""
    out: list[Cand] = []
    for c in cands:
        if out and out[-1].num_end <= c.num_start < out[-1].end and _is_rate(out[-1]):
            continue
        out.append(c)
    return out


def _is_rate(c: Cand) -> bool:
    return c.unit is not None and _RATE_UNIT.fullmatch(c.unit) is not None


_RATE_UNIT = re.compile(r"per (?:million|billion|[\d,]+)")


# a bare base after a rate's word: "30 in a 1,000", "80 out of 100", "5 tonnes per 1,000"
_RATE_BASE_BEFORE = re.compile(
    r"\b(?:per|every|each|in\s+a|in\s+every|for\s+every|out\s+of)\s+$", re.IGNORECASE
)
_BASES = frozenset({100.0, 1000.0, 10000.0, 100000.0, 1000000.0})


def bare_rate_base(text: str, f: Figure) -> bool:
    """The round base a rate is counted over, left as a figure of its own with nothing
    measured after it: not a count."""
    return (
        f.unit is None
        and f.low is None
        and f.value in _BASES
        and bool(_RATE_BASE_BEFORE.search(text, max(0, f.start - 14), f.start))
    )
