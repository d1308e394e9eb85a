"""Incidental counts: a number read right that an editor would still not list as a figure.

"not about just one player", "only one side was refereed", "ran alongside me one day": a
count of one said for emphasis or as an idiom is part of the wording, not a quantity anyone
measured or claimed. These stay quantities for `briefbot extract --json` (the figures_dev
contract counts every quantity, "just one area" included) and are left out of what the store
keeps, so /figures, /brief and the review scorer, which read the editor's view, never list
them. So are an age band naming a group ("children under five", "16 and 17-year-olds"), a
vague plural with nothing counted ("lost billions"), a natural count ("in three dimensions",
"walks upright on two feet"), a half named by its position and the characters of a plot ("the
story of two young women"). A number inside a name ("the four Home Unions", "the 10 O'clock
News") is no quantity at all and is left out of both.

A number-unit compound naming a kind ("24-hour news channels") is not among them: over
bbc_dev no cue without a word list parts it from a duration ("only for 24-hour periods",
"tied into 12-month contracts").

Learned cues were tried first (bench/fit_incidental.py: a logistic model over number word,
size, unit kind, compound, capitalised noun, preposition, quotes, ...). On the review sets'
labels, fitted with each set left out in turn, it dropped more real figures than not-figures,
so only the plain kinds below ship.
"""

from __future__ import annotations

import re

from bot.extract.idiom_counts import idiom_count
from bot.extract.lexicon import role_noun
from bot.extract.named_lists import sums_up_a_list
from bot.extract.named_numbers import (
    before_a_person,
    counts_no_quantity,
    digit_names,
    names_a_kind,
)
from bot.extract.numbers import SMALL, TENS
from bot.extract.page_furniture import furniture
from bot.extract.units import UNITS, singular
from bot.model import Figure

_SCORE = re.compile(r"\d{1,3}-\d{1,3}\s")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_TITLE_WORD = re.compile(r"[A-Z](?:[a-z]+|['’][a-z]+)(?:['’][a-z]+)?")  # "Home", "O'clock"
# "just one part of", "only one side", "a single one": emphasis on one, not a count
_EMPHASIS_BEFORE = re.compile(r"\b(?:just|only|single)\s+$", re.IGNORECASE)
# a record kept against a count: "only one goal in four games", "just one win in 14"
_RECORD_AFTER = re.compile(
    r"\s+(?:in|from|out\s+of|of\s+the)\s+(?:the\s+(?:last|past)\s+)?(?:\d|(?:"
    + "|".join([*SMALL, *TENS])
    + r")\b)",
    re.IGNORECASE,
)
# "one day", "One night": "on a certain day", not a duration
_ONE_TIME = re.compile(r"[Oo]ne\s+(?:day|night|morning|afternoon|evening)$")
# the idiom stands where an adverb would: opening a sentence or clause, or after an object
# pronoun ("ran alongside me one day"); after a verb or a preposition it is a duration ("it
# lasted one day", "for one day"); after a modal it is "some day"
_ADVERB_SLOT = re.compile(r"(?:^|[.!?:;,]\s*|\b(?:me|him|her|us|them|you)\s+)$")
# between a modal and its verb, whatever follows: "whose descendants would one day include"
_MODAL_BEFORE = re.compile(r"\b(?:would|could|will|might|may|can|should|must|shall)\s+$")
# a duration or a date when an event word follows: "one day later", "one day strike",
# "one day's play", "one-day"
_DURATION_AFTER = re.compile(r"(?:['’]s?|\s*-|\s+[a-z])")


def in_a_name(text: str, f: Figure) -> bool:
    """ "the four Home Unions", "the 10 O'clock News", "the three November Tests": after "the",
    a number and two or more capitalised words are a name or a named set, not a count. Nor is
    a score before a name ("Sunday's 19-13 Six Nations loss")."""
    if f.unit in UNITS:
        return False
    words = f.surface.split()[1:]
    if len(words) < 2 or not all(_TITLE_WORD.fullmatch(w) for w in words):
        return False
    return bool(_THE_BEFORE.search(text, max(0, f.start - 6), f.start)) or bool(
        _SCORE.match(f.surface)
    )


def incidental(text: str, f: Figure) -> bool:
    """Whether figure f is a count of one an editor would not list (see the module doc)."""
    if f.value != 1 or f.low is not None or f.qualifier is not None:
        return False
    if f.surface[:3].lower() != "one":
        return False  # "1%", "one million": a measure or a scale
    before = text[max(0, f.start - 12) : f.start]
    if (
        f.unit not in UNITS
        and _EMPHASIS_BEFORE.search(before)
        and not f.surface.endswith("th")  # "just one hundredth of a second": a fraction
        and not _RECORD_AFTER.match(text, f.end)
    ):
        return True  # "not about just one player": "one" for emphasis
    if not _ONE_TIME.fullmatch(f.surface):
        return False
    if _MODAL_BEFORE.search(text, max(0, f.start - 8), f.start):
        return text[f.end : f.end + 1] not in ("-", "'", "’")  # "would one day include"
    return bool(_ADVERB_SLOT.search(text, max(0, f.start - 12), f.start)) and not (
        _DURATION_AFTER.match(text, f.end)
    )  # "ran alongside me one day."


# "children under five", "people over 60", "voters over 60": an age limit after the group it
# names; "Britain's under 14 boys": a youth band before the group
_BAND = re.compile(r"(?:under|over)\s+[\w-]+$", re.IGNORECASE)
# a youth band only: "the club's over 60 players" is more than 60 of them
_BAND_BEFORE_GROUP = re.compile(r"under\s+(?:1\d|2[0-3]|[a-z]+)\s+([a-z]+)$", re.IGNORECASE)
_GROUP_WORD = re.compile(r"([A-Za-z]+)\s+$")
_OWNER_BEFORE = re.compile(r"(?:\b[Tt]he|['’]s)\s+$")
_GROUPS = frozenset(
    "children people those adults youngsters anyone women men girls boys kids teenagers pupils"
    " students pensioners".split()
)


def _group(word: str) -> bool:
    """A plural naming people: "children", "voters", "players"."""
    low = word.lower()
    return low in _GROUPS or (low.endswith("s") and role_noun(singular(low)))


_OLDS_AFTER = re.compile(r"-olds\b")
# "blacks 45 and older", "Americans 65 and over", "voters 18 and up": an open age band
_AND_OLDER = re.compile(r"\s+(?:and|or)\s+(?:older|over|up|above|younger|under)\b")


def age_band(text: str, f: Figure) -> bool:
    """ "children under five", "people over 60", "Britain's under 14 boys", "16 and
    17-year-olds": an age limit or range that names a group is no quantity of anything (the
    group's count, if any, is the figure); so is an open band after its group ("blacks 45 and
    older")."""
    if f.unit == "year" and f.surface.endswith("-year") and _OLDS_AFTER.match(text, f.end):
        return True
    if _AND_OLDER.match(text, f.end) and (f.unit is None or f.unit == "year"):
        m = _GROUP_WORD.search(text, max(0, f.start - 20), f.start)
        if m and (_group(m.group(1)) or m.group(1).lower().endswith("s")):
            return f.value is not None and f.value <= 110  # "blacks 45 and older"
    if f.qualifier not in ("less than", "more than") or f.value is None or f.value > 110:
        return False
    if f.unit in UNITS and f.unit != "year":
        return False
    if _BAND.fullmatch(f.surface):
        m = _GROUP_WORD.search(text, max(0, f.start - 20), f.start)
        return bool(m and _group(m.group(1)))
    m = _BAND_BEFORE_GROUP.fullmatch(f.surface)
    return bool(
        m and _group(m.group(1)) and _OWNER_BEFORE.search(text, max(0, f.start - 6), f.start)
    )


# "millions", "Abramovich's millions": a vague magnitude in words with nothing counted; one
# that goes on to its noun ("thousands of fans", "hundreds and hundreds of characters") stays
_VAGUE_WORDS = re.compile(r"(?:several\s+|tens\s+of\s+|hundreds\s+of\s+)?[A-Za-z]+s?")
_GOES_ON = re.compile(r"[\s\"”’')]*(?:of|and|or|to)\b")  # '"hundreds of millions" of pounds'


def bare_vague(text: str, f: Figure) -> bool:
    """A vague plural standing alone ("lost billions", "an idol to millions"): no number and no
    counted noun, so nothing an editor could list."""
    return (
        f.qualifier == "vague"
        and f.value is None
        and f.unit is None
        and bool(_VAGUE_WORDS.fullmatch(f.surface))
        and not _GOES_ON.match(text, f.end)
    )


# "in three dimensions", "two sides to every story", "walks upright on two feet": a count equal
# to the number the thing has by nature says nothing. A side only with no "the" before: "the
# two sides failed to agree" names the parties, as "the two firms" does, and the review sets
# count that; a foot or a leg only after "on" ("two feet" is a length); "the bottom half of
# the table": a part named by its position
_NATURAL = {"dimension": (2.0, 3.0), "side": (2.0,)}
_STOOD_ON = {"foot": (2.0,), "leg": (2.0, 4.0)}
_ON_BEFORE = re.compile(r"\bon\s+$")
_THE_BEFORE_WORD = re.compile(r"\b(?:[Tt]he|both|[Bb]etween)\s+$")
_PART_POSITION = re.compile(
    r"\b(?:first|second|other|bottom|top|lower|upper|latter|former|better)[\s-]+$",
    re.IGNORECASE,
)


# "one half of the duo", "one half of the show Bethan and Huw": a member of a pair
_HALF_OF_PAIR = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w'’\-]+\s+){0,6}?"
    r"(?:duo|pair|partnership|double\s+act|[A-Z][a-z]+\s+(?:and|&)\s+[A-Z][a-z]+)\b"
)


def natural_count(text: str, f: Figure) -> bool:
    """A count of what comes in that number anyway, a half named by its position, or one half
    of a pair."""
    if f.surface[:8].lower() in ("one half", "one-half") and _HALF_OF_PAIR.match(text, f.start + 8):
        return True
    words = f.surface.split()
    if len(words) == 2 and words[0].isalpha() and f.low is None:  # written in words
        noun = singular(words[1].lower())
        if f.value in _NATURAL.get(noun, ()) and not (
            noun == "side" and _THE_BEFORE_WORD.search(text, max(0, f.start - 10), f.start)
        ):
            return True
        if f.value in _STOOD_ON.get(noun, ()) and _ON_BEFORE.search(
            text, max(0, f.start - 4), f.start
        ):
            return True
    return f.surface[:4].lower() == "half" and bool(
        _PART_POSITION.search(text, max(0, f.start - 10), f.start)
    )


# "the story of two young women", "the film follows three children": the characters of a work
_PLOT_BEFORE = re.compile(
    r"\b(?:(?:the\s+)?(?:story|tale)\s+of"
    r"|(?:film|book|novel|play|musical|series|drama|comedy)\s+(?:follows|centres\s+on|is\s+about))"
    r"\s+$",
    re.IGNORECASE,
)


def plot_count(text: str, f: Figure) -> bool:
    """A few characters in a work's plot ("the story of two young women") are fiction's
    content, not a quantity in the news; "the story of 3,000 workers" (digits) stays."""
    return (
        f.unit not in UNITS
        and f.value is not None
        and f.value <= 10
        and f.surface[:1].isalpha()
        and bool(_PLOT_BEFORE.search(text, max(0, f.start - 40), f.start))
    )


def listed(text: str, figures: list[Figure], every_quantity: bool = False) -> list[Figure]:
    """The figures an editor would list: all but numbers inside names and, unless
    every_quantity, the incidental counts, age bands, bare vague plurals, natural counts, a
    plot's characters, the numbers that stand for a name or a kind (named_numbers) and a web
    page's furniture and notation (page_furniture)."""
    names = set() if every_quantity else digit_names(text, figures)
    return [
        f
        for i, f in enumerate(figures)
        if not in_a_name(text, f)
        and (
            every_quantity
            or not (
                i in names
                or incidental(text, f)
                or age_band(text, f)
                or bare_vague(text, f)
                or natural_count(text, f)
                or plot_count(text, f)
                or before_a_person(text, f)
                or names_a_kind(text, f)
                or counts_no_quantity(text, f)
                or idiom_count(text, f)
                or sums_up_a_list(text, f)
                or furniture(text, f)
            )
        )
    ]
