"""A number being read as a figure, and the noun-phrase words the reading steps share."""

from __future__ import annotations

import re
from dataclasses import dataclass

STOP_WORDS = frozenset(
    """the a an and or but of to in on at for from by with as that which who whom whose this these
    those than then there their its his her our my your it he she they we you i is are was were
    be been being has have had will would could should may might can do does did not no so if
    while when where after before during since until into onto over under about around up down
    out off per each every all both any some more most less least such same other another also
    just only even still yet already again ago later earlier last next this that here said says
    say told tells according while because though although through across against within without
    between among toward towards via plus minus nearly almost roughly approximately say
    what how why once whether either neither nor""".split()
)

VERBISH = frozenset(
    """was has is does says gets makes takes goes comes seems remains means includes shows
    looks needs wants keeps runs sits stands lies holds leaves becomes turns uses gives
    puts lets sets asks tells calls works plays moves lives believes adds notes claims
    reports estimates warns wins loses expects helps tries began became""".split()
)

_IRREGULAR_PLURALS = frozenset(
    """people men women children servicemen policemen firemen personnel police staff feet teeth
    mice geese cattle militia data media crew aircraft spacecraft sheep deer livestock
    offspring""".split()
)

NOUN_WORD = re.compile(
    r"\s+((?:[A-Za-z]\.){2,}|[A-Z]+&[A-Z]+\b|[A-Za-z][A-Za-z0-9'’.\-]*[A-Za-z0-9]|[A-Za-z]"
    r"|\d+(?=\s+[A-Za-z]))"  # "M&S", "AT&T" are one word
)

OF_THE = re.compile(
    r"\s+of\s+(?:the|its|his|her|their|our|my|your|these|those|a|an)(?:\s+(?:most|least|very))?(?=\s)",
    re.I,
)

OF_WORD = re.compile(r"\s+of(?=\s)", re.I)

WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’&\-]*)\s+$")


@dataclass(slots=True)
class Cand:
    """One number being read as a figure; mutable because each step (unit, range, noun) adds to it."""

    start: int  # surface start (qualifier / currency included)
    end: int  # surface end (unit or counted noun included)
    num_start: int
    num_end: int
    value: float | None
    low: float | None
    high: float | None
    kind: str
    scale: float
    unit: str | None = None
    unit_end: int = -1  # end of number + unit (before counted noun)
    head: str | None = None  # the unit before any "per X" (for joining ranges)
    currency: bool = False
    qualifier: str | None = None
    is_range: bool = False
    is_int: bool = True
    raw: str = ""


def prev_char(text: str, pos: int) -> str:
    """The character before pos, or "" at the start."""
    return text[pos - 1] if pos > 0 else ""


# adverbs that end in -s like a plural ("601 afterwards")
_ADVERBS_IN_S = frozenset(
    """afterwards towards backwards upwards downwards onwards inwards outwards homewards
    overseas indoors outdoors nowadays sideways""".split()
)


def is_plural(word: str) -> bool:
    """Whether a word after a number reads as a plural noun (so it is what the number counts)."""
    low = word.lower()
    if low in _IRREGULAR_PLURALS or (low.endswith("men") and len(low) > 4):
        return True
    if (
        low.endswith(("'s", "’s", "ss", "us", "is", "ous"))
        or low in VERBISH
        or low in _ADVERBS_IN_S
    ):
        return False
    return len(low) > 2 and low.endswith("s") and low[-2].isalpha()


NOUN_STOP = STOP_WORDS | frozenset(
    """behind beyond beside besides above below near inside outside upon along amid amongst
    despite except like unlike ever never always itself himself herself themselves yourself
    myself ourselves whereas whilst unless them him""".split()
)
