"""Two numbers that are one figure: a time in parts ("three minutes 49.89secs") or a rate
("one in 10,000 consoles"); read apart, each part is a wrong figure."""

from __future__ import annotations

import re

from bot.extract.figure_reading import Cand
from bot.extract.units import UNITS

# A duration written in parts, larger unit first: hours, minutes, seconds.
_PART_ORDER = {"h": 0, "min": 1, "s": 2}
_PART_GAP = re.compile(r",?\s*(?:and\s+)?")
_RATE_GAP = re.compile(r"\s+in\s+(?:every\s+)?")
_OF_GAP = re.compile(r"\s+(?:of\s+)?")


def join_parts(text: str, cands: list[Cand]) -> list[Cand]:
    """Cands with each time-in-parts and each "one in N" joined into one figure."""
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        joined = None
        if prev is not None:
            joined = _duration(text, prev, c) or _rate(text, prev, c) or _fraction_of(text, prev, c)
        if joined is not None:
            out[-1] = joined
        else:
            out.append(c)
    return out


def _duration(text: str, a: Cand, b: Cand) -> Cand | None:
    """ "three minutes 49.89secs", "eight minutes, 04.69 seconds", "2 hours 15 minutes"."""
    if a.unit not in _PART_ORDER or b.unit not in _PART_ORDER or a.is_range or b.is_range:
        return None
    if _PART_ORDER[b.unit] != _PART_ORDER[a.unit] + 1 or a.value is None or b.value is None:
        return None
    if not a.is_int or not 0 <= b.value < 60 or not _PART_GAP.fullmatch(text, a.end, b.start):
        return None
    value = a.value * UNITS[a.unit].factor / UNITS[b.unit].factor + b.value
    return Cand(
        start=a.start,
        end=b.end,
        num_start=a.num_start,
        num_end=b.num_end,
        value=round(value, 6),
        low=None,
        high=None,
        kind=b.kind,
        scale=1.0,
        unit=b.unit,
        unit_end=b.unit_end,
        head=b.head,
        qualifier=a.qualifier,
        is_int=False,
        raw=a.raw,
    )


def _rate(text: str, a: Cand, b: Cand) -> Cand | None:
    """ "one in 10,000 consoles", "one in every five adults", "four in ten business leaders":
    a share, K/N of what is counted (K above one only for a small N: "four in ten")."""
    if a.value is None or a.unit is not None or a.is_range or b.is_range or not a.is_int:
        return None
    if b.value is None or b.value <= a.value or b.currency or (b.unit in UNITS):
        return None
    if a.value != 1 and not (1 < a.value < 10 and b.is_int and b.value <= 100):
        return None
    if not _RATE_GAP.fullmatch(text, a.end, b.start):
        return None
    return Cand(
        start=a.start,
        end=b.end,
        num_start=b.num_start,  # the count is read from N ("One in 10 US adults")
        num_end=b.num_end,
        value=a.value / b.value,
        low=None,
        high=None,
        kind=b.kind,
        scale=1.0,
        unit=b.unit,
        unit_end=b.unit_end,
        head=b.head,
        qualifier=a.qualifier,
        is_int=False,
        raw=a.raw,
    )


def _fraction_of(text: str, a: Cand, b: Cand) -> Cand | None:
    """ "half a million people", "a quarter of a million Sri Lankans": the fraction of the
    magnitude, one figure (read apart, "a million people" is a wrong value)."""
    if a.kind != "fraction" or a.value is None or a.is_range or a.unit is not None:
        return None
    if b.kind != "words" or b.value is None or b.value != b.scale or b.scale < 1e3 or b.is_range:
        return None
    if not b.raw.lower().startswith(("a ", "an ")) or not _OF_GAP.fullmatch(text, a.end, b.start):
        return None
    return Cand(
        start=a.start,
        end=b.end,
        num_start=a.num_start,
        num_end=b.num_end,
        value=a.value * b.value,
        low=None,
        high=None,
        kind="words",
        scale=b.scale,
        unit=b.unit,
        unit_end=b.unit_end,
        head=b.head,
        currency=b.currency,
        qualifier=a.qualifier,
        is_int=(a.value * b.value).is_integer(),
        raw=a.raw,
    )
