"""Numbers that stand for a name or a kind, not for how many: left out of the editor's view.

- "number eight Ryan Jones": a number right before a person's name is a squad position or a
  shirt, not a count of that person. The name is a person's by the article's own use: its
  surname stands alone elsewhere ("Jones damaged his collar bone") and neither word is a
  common noun ("two Golden Globes", "eight Grammy Awards" are counts of awards).
- "the 3 network", "Italy's TIM and 3.": a lone digit written where a name stands (after
  "the" before "network", beside a capitalised name in a list, in apposition) is a name, and
  so is every other use of that digit alone in the same article ("lets 3 offer good deals");
  a digit that is only a count stays ("9 shares each", "only 4 declined", "by 5 and 10
  percentage points": copy that writes small counts in digits is common outside the BBC).
  A digit with nothing counted and no other count in its sentence to borrow a noun from
  ("and 3 already established in the UK", "its 3-Series", "a 6 figure salary") is no
  figure either: BBC copy writes one to nine in words.
- "nominated for the 60-minute television prize", "returned to the 13-man code": a
  number-unit compound that names a prize's category or a sport is a kind, not a measure
  ("a 25-man squad" stays); so does a size class with no number ("the fifth billion-dollar
  telecoms deal", "million-pound properties"; "a billion-dollar dent" stays).

Each rule was run over every bbc_dev figure and every figure it removes read by hand
(bench/fit_incidental.py's docstring keeps the counts).
"""

from __future__ import annotations

import re

from bot.extract.lexicon import common_words
from bot.extract.sentences import rough_sentence_span
from bot.extract.units import UNITS, singular
from bot.model import Figure

_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?")
# one person, not a group: "Jones damaged his collar bone", "Jones's injury"
_ONE_PERSON_AFTER = re.compile(r"(?:['’]s\b|(?:\s+[\w'’\-]+){0,5}?\s+(?:he|she|his|her)\b)")


def _stands_alone(text: str, word: str, given: str) -> bool:
    """The surname appears elsewhere without the given name before it, as one person ("Jones
    damaged his collar bone"), not a group ("Republicans demanded their ...")."""
    for m in re.finditer(r"\b" + re.escape(word) + r"\b", text):
        before = text[max(0, m.start() - len(given) - 1) : m.start()]
        if before.strip() != given and _ONE_PERSON_AFTER.match(text, m.end()):
            return True
    return False


def before_a_person(text: str, f: Figure) -> bool:
    """ "number eight Ryan Jones": a number right before a person's full name."""
    words = f.surface.split()
    if len(words) != 3 or f.unit in UNITS or f.value is None or f.value >= 100:
        return False  # a squad or shirt number is small; "200 House Republicans" is a count
    given, surname = words[1], words[2]
    if not (_NAME_WORD.fullmatch(given) and _NAME_WORD.fullmatch(surname)):
        return False
    common = common_words()
    if given.lower() in common or singular(surname.lower()) in common:
        return False  # "two Golden Globes", "four Academy Awards"
    if surname.endswith("s") and re.search(r"\b" + re.escape(surname[:-1]) + r"\b", text):
        return False  # the article writes the singular: a plural noun ("Grammy Award")
    return _stands_alone(text, surname, given)


_LONE_DIGIT = re.compile(r"[1-9](?![\d.,:'’\-])")
# where a lone digit is plainly a name: "The 3 network", "Italy's TIM and 3.", "the 3G
# network, 3, could"; not "only 4 declined" or "by 5 and 10 percentage points" (counts)
_NAME_KIND_AFTER = re.compile(r"\s+(?:network|brand|operator|label|group|company|firm)\b")
_THE_BEFORE_DIGIT = re.compile(r"\b[Tt]he\s+$")
_WITH_NAMES_BEFORE = re.compile(r"\b[A-Z][\w'’]*\s+(?:and|&)\s+$")
_APPOSED = re.compile(r"\b(?:network|brand|operator|firm|company),\s+$")


def _lone_digit(f: Figure) -> bool:
    return bool(_LONE_DIGIT.match(f.surface)) and f.value is not None and f.value < 10


def _named_digit(text: str, f: Figure) -> bool:
    """The digit stands where a name does (see above)."""
    before = text[max(0, f.start - 30) : f.start]
    after = text[f.start + 1 : f.start + 3]
    return (
        (
            _THE_BEFORE_DIGIT.search(before) is not None
            and bool(_NAME_KIND_AFTER.match(text, f.start + 1))
        )
        or (_WITH_NAMES_BEFORE.search(before) is not None and after[:1] in (".", ",", ";", ""))
        or (_APPOSED.search(before) is not None and after[:1] == ",")
    )


def digit_names(text: str, figures: list[Figure]) -> set[int]:
    """The indexes of single digits that stand for a name: one written where a name stands
    ("The 3 network", "Italy's TIM and 3."), and then every other use of that digit alone in
    the same article ("lets 3 offer good deals", "3 says")."""
    lone = [
        i
        for i, f in enumerate(figures)
        if _lone_digit(f) and f.unit not in UNITS and f.low is None and f.qualifier is None
    ]
    names = {figures[i].surface.split()[0] for i in lone if _named_digit(text, figures[i])}
    return {i for i in lone if figures[i].surface.split()[0] in names} | {
        i for i in lone if _counts_nothing(text, figures, figures[i])
    }


def _counts_nothing(text: str, figures: list[Figure], f: Figure) -> bool:
    """A digit standing alone with nothing counted, where no other count in its sentence
    names what it counts: "and 3 already established in the UK" (the operator), "its
    3-Series", "a 6 figure salary", "till 5:pm". BBC copy writes one to nine in words, so a
    bare digit is a name, a model, a size class or a time; "Of the 10 staff asked, only 4
    declined" keeps its count (the staff of the whole before it)."""
    if f.unit is not None or f.surface != f.surface.split()[0]:
        return False
    start, end = rough_sentence_span(text, f.start)
    return not any(g is not f and g.unit is not None and start <= g.start < end for g in figures)


_CATEGORY_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:prize|award|category|code|game)s?\b(?!\s+(?:of|in|for)\b)"
)
_CATEGORY_BEFORE = re.compile(r"\b(?:award|prize|category)\s+for\s+(?:the|a|an)\s+$")
_COMPOUND = re.compile(r"[\d,.]+-[a-z]+")


# "the fifth billion-dollar telecoms deal", "million-pound properties", "trillion-dollar
# debts": a scale with no number names a size class ("a billion-dollar dent" stays: one sum)
_SIZE_CLASS = re.compile(r"(?:multi-)?(?:million|billion|trillion)-[a-z]+")


def names_a_kind(text: str, f: Figure) -> bool:
    """ "the 60-minute television prize", "the best directing award for a 30-minute television
    show", "the 13-man code": a number-unit compound naming a category, not a measure; nor is
    a size class ("million-pound properties")."""
    if _SIZE_CLASS.fullmatch(f.surface):
        return True
    if not _COMPOUND.fullmatch(f.surface):
        return False
    return bool(_CATEGORY_AFTER.match(text, f.end)) or bool(
        _CATEGORY_BEFORE.search(text, max(0, f.start - 30), f.start)
    )


# "playing on our own 22", "inside their own 10": a number after a side's "own" with nothing
# counted names a place on the pitch (the 22-metre line), not a count
_OWN_BEFORE = re.compile(r"\b(?:my|our|your|his|her|its|their)\s+own\s+$", re.IGNORECASE)
# a stretch of time with no length: "two moments of magic" measures nothing ("two days",
# "two problems" do count)
_NO_LENGTH = frozenset({"moment", "instant"})


def counts_no_quantity(text: str, f: Figure) -> bool:
    """A number that counts nothing an editor would list: a place on the pitch named by its
    number after a side's "own" ("our own 22"), or moments, which have no length ("Two
    moments of magic from Brian O'Driscoll")."""
    if f.unit is None and _OWN_BEFORE.search(text, max(0, f.start - 20), f.start):
        return True
    return f.unit is not None and singular(f.unit.lower()) in _NO_LENGTH
