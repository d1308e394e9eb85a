"""Unit abbreviations a page defines itself: "plants make up 450 gigatons of carbon (GT C),
followed by bacteria at 70 GT C".

Science pages name a unit in words once and put the abbreviation they go on to use in
brackets after it. An abbreviation the unit table does not know ("GT" is no symbol: the table
writes "Gt") would otherwise be read as a counted noun ("70 GT"); defined on the page, it is that
unit wherever the page uses it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.units import UNITS, unit_of_word

# a unit word, "of" and what is measured at most, then the abbreviation in brackets: "gigatons
# of carbon (GT C)", "megawatts (MW)", "parts per million (ppm)" is left to the table
_DEFINED = re.compile(
    r"\b(?P<word>[A-Za-z]+)(?:\s+of\s+[a-z]+)?\s+\((?P<abbr>[A-Za-z]{1,4})(?:\s+[A-Z][a-z]?)?\)"
)


def defined_units(text: str) -> dict[str, str]:
    """{abbreviation: unit code} for each measure the page defines in brackets."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        code = unit_of_word(m.group("word"))
        abbr = m.group("abbr")
        if code is not None and code in UNITS and abbr not in UNITS and abbr[0].isupper():
            out[abbr] = code
    return out


# "Save Our Seas (SOS)", "the Albanian Lawyers League (ALL)": a name in capitals, then the
# acronym its initials spell, in brackets
_ACRONYM_DEFINED = re.compile(
    r"\b((?:[A-Z][\w'’&-]*\s+(?:(?:of|the|and|for|&)\s+)*){1,8})\(([A-Z]{2,5})\)"
)
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "&"})


@lru_cache(maxsize=8)
def defined_acronyms(text: str) -> frozenset[str]:
    """Acronyms the page spells out as a name's initials ("Save Our Seas (SOS)"): "20 SOS" on
    that page counts the body's members or posts, never Somali shillings."""
    out: set[str] = set()
    for m in _ACRONYM_DEFINED.finditer(text):
        words = [w for w in m.group(1).split() if w.lower() not in _SMALL_WORDS]
        abbr = m.group(2)
        if len(words) >= len(abbr) and "".join(w[0] for w in words[-len(abbr) :]) == abbr:
            out.add(abbr)
    return frozenset(out)
