"""A person's age given as a decade of life: "in her 40s" is 40 to 49 years old, "in his
sixties" 60 to 69. English writes it only after "in" and a possessive ("in her twenties",
"in their 30s"), so "the 1980s" and "temperatures in the 90s" stay no ages. "early", "mid" or
"late" narrow the decade by a convention no reader shares, so those are left unread."""

from __future__ import annotations

import re

from bot.extract.figure_reading import Cand

_DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_DECADE_AGE = re.compile(
    r"\bin\s+(?:his|her|their|my|your|our)\s+(?P<part>(?:early|mid|late)[\s-]+)?"
    r"(?P<dec>(?P<word>" + "|".join(_DECADE_WORDS) + r")|['’]?(?P<d>[1-9]0)['’]?s)\b",
    re.IGNORECASE,
)


def decade_ages(text: str) -> list[Cand]:
    """A year range for each "in her 40s" / "in his sixties" of text (none with early/mid/late)."""
    out: list[Cand] = []
    for m in _DECADE_AGE.finditer(text):
        if m.group("part"):
            continue
        low = float(_DECADE_WORDS[m.group("word").lower()] if m.group("word") else m.group("d"))
        start, end = m.start("dec"), m.end("dec")
        out.append(
            Cand(start, end, start, end, None, low, low + 9, "words", 1.0, unit="year",
                 unit_end=end, is_range=True, raw=m.group("dec"))
        )  # fmt: skip
    return out
