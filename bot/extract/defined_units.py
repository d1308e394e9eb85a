"""Unit abbreviations a page defines itself: "plants make up 450 gigatons of carbon (GT C),
followed by bacteria at 70 GT C".

Science pages name a unit in words once and put the abbreviation they go on to use in
brackets after it. An abbreviation the unit table does not know ("GT" is no symbol: the table
writes "Gt") would otherwise be read as a counted noun ("70 GT"); defined on the page, it is that
unit wherever the page uses it.
"""

from __future__ import annotations

import re

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
