"""The noun of "the number of <nouns>" for the bare count its clause gives it.

"The number of people living with the condition is set to break one million by 2021": one
million people. English names what is counted once, in the subject, and gives the count later
in the same clause ("the number of hotspots is expected to reach 200,000"; "the number of
people out of work rose 32,000 to 1.41 million"). Only a bare count in the same clause is read:
no comma, semicolon, colon, bracket or dash between, and no "per" (a rate's base is its own
unit), so a count in another clause stays bare (a bare count beats a wrong unit).
"""

from __future__ import annotations

import re

from bot.extract.figure_reading import NOUN_STOP, is_plural

# "the number of", "the total number of"; what follows is the counted noun phrase
_NUMBER_OF = re.compile(r"\b[Tt]he\s+(?:total\s+|overall\s+)?number\s+of\s+")
# a clause boundary or a rate between the noun and the count
_BREAK = re.compile(r",(?!\d)|[;:()\[\]—–]|\s-\s|\bper\b|\bwhile\b|\bwhen\b|\bwhich\b|\bthat\b")


_PER_AFTER = re.compile(r"[^\s]*\s+(?:per|a|an|each)\s")


def _counted(sentence: str, at: int) -> str | None:
    """The first plural noun of the phrase after "number of" (up to four words), or None."""
    words = re.findall(r"[A-Za-z][a-z\-]*", sentence[at : at + 60])[:4]
    for word in words:
        if word.lower() in NOUN_STOP:
            return None  # "the number of those who ...": no noun of its own
        if word.islower() and is_plural(word):
            return word
    return None


def number_of_noun(sentence: str, pos: int) -> str | None:
    """The noun a bare count at sentence[pos] counts when "the number of <nouns>" opens its
    clause ("The number of blogs has exceeded 4.8 million": blogs), else None."""
    found = None
    for m in _NUMBER_OF.finditer(sentence, 0, pos):
        found = m
    if found is None or pos - found.end() > 120:
        return None
    noun = _counted(sentence, found.end())
    if noun is None:
        return None
    if _BREAK.search(sentence, found.end(), pos) or _PER_AFTER.match(sentence, pos):
        return None  # "dropped 32% to an average of 22 per surveyor": a rate, not sales
    return noun
