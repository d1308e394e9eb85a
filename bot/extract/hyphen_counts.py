"""The count in a number-noun compound adjective: "his 92-cap Wales career" (92 caps), "a
10-man team", "an 11-day strike" (11 days: a unit of the table is read as that unit). Split
from counted.py so the compound reading is one module."""

from __future__ import annotations

import re

from bot.extract.figure_reading import NOUN_STOP, Cand, is_plural
from bot.extract.units import UNITS, unit_of_symbol, unit_of_word

# "92-cap", "10-man", "40-page": a number joined to a singular noun by a hyphen counts that
# noun; words that describe rather than count ("30-strong", "20-odd", "two-time") stay out.
_HYPHEN_NOUN = re.compile(r"-(?P<noun>[a-z]{2,})(?![-\w])")
_NOT_COUNTED = frozenset(
    """strong odd plus something odds time times fold old long wide high tall deep year-old
    minded sided way ish""".split()
)
# A participle after "N-" that counts the acts it names: "Paramount's 11-nominated movie" has 11
# nominations (other "-ed" words rate or describe: "15-rated", "two-faced")
_COUNTED_PARTICIPLES = {"nominated": "nominations"}
_IRREGULAR = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "foot": "feet",
    "person": "people",
    "seater": "seats",  # "a 60,000-seater stadium": 60,000 seats
}


def hyphen_noun(text: str, c: Cand) -> tuple[str, int] | None:
    """(unit or counted noun, end) of "N-noun" after whole number c, or None. One reading for
    every such compound: a unit of the table when the word names one (day, mile, hour), else
    the plural of the noun; the table's own reader leaves "-day" to this one ("day" is an
    ambiguous word there)."""
    m = _HYPHEN_NOUN.match(text, c.end)
    top = c.high if c.is_range else c.value  # "200- to 300-seat": a range of seats
    if not (
        m and c.kind == "digits" and c.is_int and top is not None and top > 1 and c.scale == 1.0
    ):
        return None
    noun = m.group("noun")
    if noun == "fold":
        return "times", m.end()  # "a 20-fold increase": twenty times, a ratio
    if noun in _COUNTED_PARTICIPLES:
        return _COUNTED_PARTICIPLES[noun], m.end()  # "an 11-nominated movie": 11 nominations
    if (
        noun in _NOT_COUNTED
        or noun in NOUN_STOP
        or is_plural(noun)
        or noun.endswith("ly")
        or (len(noun) >= 5 and noun.endswith("ed") and not noun.endswith("eed"))  # "15-rated"
    ):
        return None
    code = unit_of_word(noun) or unit_of_symbol(noun)  # "11-day", "1,100-kg"
    if code is not None and UNITS[code].dim not in ("money", "score", "ratio"):
        return code, m.end()  # "an 11-day strike": the unit day, as "11 days" reads
    return _plural(noun), m.end()


def _plural(noun: str) -> str:
    """A plain English plural ("cap" -> "caps", "man" -> "men", "body" -> "bodies")."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh", "z")):
        return noun + "es"
    return noun + "s"
