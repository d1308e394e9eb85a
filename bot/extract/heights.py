"""A height in feet and inches, each a figure of its own: "6ft 2in" is 6 feet and 2 inches,
"5'10\"" 5 feet and 10 inches. "in" is read as inches only glued to a number right after a
figure in feet ("2in" alone may be "2in the morning" mistyped), and a prime only between feet
and inches."""

from __future__ import annotations

import re

from bot.extract.figure_reading import Cand

_FEET_BEFORE = re.compile(r"\d\s?(?:ft|feet|foot)\.?\s+$", re.IGNORECASE)
_INCH_GLUED = re.compile(r"ins?\b\.?")
_FEET_PRIME = re.compile(r"['’′](?=\s?\d{1,2}(?:\.\d+)?\s?(?:\"|”|″|''|ins?\b))")
_PRIME_BEFORE = re.compile(r"\d['’′]\s?$")
_INCH_PRIME = re.compile(r"\"|”|″|''")


def read_height(text: str, c: Cand) -> None:
    """Give c its foot or inch when it is a part of a height, in place."""
    if c.kind != "digits" or c.value is None or c.unit is not None or c.is_range:
        return
    prime = _FEET_PRIME.match(text, c.num_end)
    if prime:  # the 5 of 5'10"
        c.unit, c.end = "ft", prime.end()
        return
    if _PRIME_BEFORE.search(text, max(0, c.num_start - 3), c.num_start):
        inch = _INCH_PRIME.match(text, c.num_end) or _INCH_GLUED.match(text, c.num_end)
        if inch and c.value < 12:  # the 10 of 5'10"
            c.unit, c.end = "in", inch.end()
        return
    if c.value < 12 and _FEET_BEFORE.search(text, max(0, c.num_start - 12), c.num_start):
        inch = _INCH_GLUED.match(text, c.num_end)
        if inch:  # the 2in of 6ft 2in
            c.unit, c.end = "in", inch.end()
