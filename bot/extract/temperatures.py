"""Temperatures as the web writes them: a lower-case scale glued to the number ("30c", "68f",
"-27c"), "10 below zero", and a bare number a sentence about the weather gives as degrees ("a
high of 9", "feels like 8"). Only in a sentence that speaks of temperature (data/
temperature_words.txt) or below zero: elsewhere "30c" is cents and "5f" a race over five
furlongs."""

from __future__ import annotations

import re

from bot.extract.figure_reading import Cand
from bot.extract.sentences import rough_sentence_span
from bot.extract.word_lists import word_list

_WORD = re.compile(r"[a-z]+")
_GLUED_SCALE = re.compile(r"(?P<s>[cf])(?![\w'’])")
# no sum of money is below zero: "minus 5c", "-27c" are degrees wherever they are written
_MINUS = re.compile(r"(?:\bminus\s|(?:^|(?<=[\s(]))[-−])$", re.IGNORECASE)
_BELOW_ZERO = re.compile(r"\s+(?:degrees\s+)?below\s+zero\b", re.IGNORECASE)
# what leads to a bare number of degrees: "a high of 9", "lows near 3", "feels like 8"
_LEAD = re.compile(
    r"\b(?:(?:highs?|lows?|temperatures?|temps?)\s+(?:of|near|around|about|to)"
    r"|feels?\s+like|felt\s+like)\s+(?:minus\s+|[-−])?$|\bminus\s+$",
    re.IGNORECASE,
)
# a unit written after the number, or the rest of a range that brings its own ("22-24C")
_UNIT_AFTER = re.compile(r"[A-Za-z%°]|\s*(?:°|degrees?\b|(?:-|–|to\s)\s*\d)")


def speaks_of_temperature(text: str, pos: int) -> bool:
    """Whether the sentence around pos has a word of temperature ("highs", "thermostat")."""
    words = word_list("temperature_words.txt")
    start, end = rough_sentence_span(text, pos)
    return any(w in words for w in _WORD.findall(text[start:end].lower()))


def read_temperature(text: str, c: Cand) -> None:
    """Give c the degrees a sentence about temperature writes for it, in place."""
    if c.kind != "digits" or c.value is None:
        return
    if c.unit in (None, "cent") and c.end - c.num_end <= 1:
        m = _GLUED_SCALE.match(text, c.num_end)
        if m and (
            _MINUS.search(text, max(0, c.num_start - 7), c.num_start)
            or speaks_of_temperature(text, c.num_start)
        ):
            c.unit = "degC" if m.group("s") == "c" else "degF"
            c.end = m.end()
            return
    if c.unit is not None and c.unit != "deg":
        return
    below = _BELOW_ZERO.match(text, c.end)
    if below:  # "10 below zero", "5 degrees below zero"
        c.value, c.unit, c.end = -abs(c.value), "deg", below.end()
        return
    if (
        c.unit is None
        and _LEAD.search(text, max(0, c.num_start - 20), c.num_start)
        and not _UNIT_AFTER.match(text, c.end)
        and speaks_of_temperature(text, c.num_start)
    ):
        c.unit = "deg"
        if c.value > 0 and text[c.num_start - 1 : c.num_start] in ("-", "−"):
            c.value, c.start = -c.value, min(c.start, c.num_start - 1)  # "felt like -12"
