"""Ages and temperatures given as a decade: "in her 40s" is 40 to 49 years old, "in his late
teens or early twenties" 17-19 and 20-23, "highs in the mid-70s" 74 to 76 degrees.

A decade of life is written after "in" and a possessive ("in her twenties", "in their 30s"),
or after "or"/"to" joining one ("late teens or early twenties"), so "the 1980s" stays no age.
A decade of degrees ("the low 20s", "the high 90s", "temperatures in the 80s") is read only in
a sentence that speaks of temperature. "early"/"low", "mid" and "late"/"upper"/"high" take the
first four, middle three and last three years of the decade, as usage guides define them."""

from __future__ import annotations

import re

from bot.extract.figure_reading import Cand
from bot.extract.temperatures import speaks_of_temperature
from bot.extract.units import _one_edit

_DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
# part of the decade -> (first, last) years in it
_PARTS = {
    "early": (0, 3), "low": (0, 3), "lower": (0, 3),
    "mid": (4, 6), "middle": (4, 6),
    "late": (7, 9), "upper": (7, 9), "high": (7, 9),
}  # fmt: skip
_PART = r"(?P<part>(?:early|low|lower|mid|middle|late|upper|high)(?:\s+|\s*-\s*))?"
_DEC = r"(?P<dec>(?P<word>[a-z]{5,10})|(?<!\d)['’]?(?P<d>[1-9]0)['’]?s)\b"
_DECADE_AGE = re.compile(
    r"\b(?:in\s+(?:his|her|their|my|your|our)|(?<=s)\s+(?:or|to))\s+" + _PART + _DEC,
    re.IGNORECASE,
)
_DECADE_HEAT = re.compile(
    r"\b(?P<lead>(?:highs?|lows?|temperatures?|temps?)\s+(?:\w+\s+){0,2}?in\s+)?the\s+"
    + _PART
    + _DEC,
    re.IGNORECASE,
)
# a scale written after the decade: "the upper 30s (Celsius)", "the mid-70s F"
_SCALE_AFTER = re.compile(
    r"\s*\(?\s*(?:degrees\s+)?(?P<s>celsius|centigrade|fahrenheit|c|f)\b\)?", re.IGNORECASE
)


def _decade(m: re.Match[str], teens_ok: bool) -> tuple[float, float] | None:
    """(low, high) of the decade m names, narrowed by its part; None if it names none."""
    word = (m.group("word") or "").lower()
    part = _PARTS.get((m.group("part") or "").strip(" -").lower())
    if word == "teens":
        if not teens_ok or part not in (None, (7, 9)):
            return None  # "early teens" has no agreed start
        return (17.0, 19.0) if part else (13.0, 19.0)
    if word:
        base = next((v for w, v in _DECADE_WORDS.items() if w == word or _one_edit(word, w)), None)
        if base is None:
            return None  # "parties", "cities": no decade
    else:
        base = int(m.group("d"))
    lo, hi = part or (0, 9)
    return float(base + lo), float(base + hi)


def _cand(m: re.Match[str], span: tuple[float, float], unit: str, end: int) -> Cand:
    """A range candidate over the decade m names."""
    start = m.start("part") if m.group("part") else m.start("dec")
    return Cand(start, end, start, m.end("dec"), None, span[0], span[1], "words", 1.0,
                unit=unit, unit_end=end, is_range=True, raw=m.group("dec"))  # fmt: skip


def decade_ages(text: str) -> list[Cand]:
    """A range for each decade of life ("in her 40s", "in his late teens") and each decade of
    degrees in a sentence about temperature ("highs in the mid-70s") of text."""
    out: list[Cand] = []
    for m in _DECADE_AGE.finditer(text):
        if (span := _decade(m, teens_ok=True)) is not None:
            out.append(_cand(m, span, "year", m.end("dec")))
    taken = [(c.start, c.end) for c in out]
    for m in _DECADE_HEAT.finditer(text):
        if any(a <= m.start("dec") < b for a, b in taken):
            continue
        if not (m.group("lead") or m.group("part")):
            continue  # "the 80s" alone is a decade of years
        span = _decade(m, teens_ok=False)
        if span is None or not speaks_of_temperature(text, m.start("dec")):
            continue
        unit, end = "deg", m.end("dec")
        if s := _SCALE_AFTER.match(text, end):
            unit, end = ("degF" if s.group("s").lower().startswith("f") else "degC"), s.end()
        out.append(_cand(m, span, unit, end))
    return sorted(out, key=lambda c: c.start)
