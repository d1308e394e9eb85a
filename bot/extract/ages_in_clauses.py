"""A person's age written with no "years old": "since he was 15", "who just turned 2", "But on
Wednesday, at 38, she was released".

English leaves the unit out when a person is the subject of "be" or "turn" and the bare whole
number is all the predicate says, and in an "at N" set off by commas before a pronoun subject.
A bare number there is a count of years of age; anything after it but a clause break ("was 6
feet", "was 1 of 3", "turned 2-1") is some other figure.
"""

from __future__ import annotations

import re

from bot.extract.figure_reading import Cand

# a person (pronoun or "who") as the subject of be/turn right before the number
_PERSON_BE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|I|who|[Tt]hey|[Ww]e)\s+(?:(?:had|has|have|just|only|barely|then)\s+)*"
    r"(?:was|is|were|turned|turns|turn|had\s+turned|has\s+turned|'s|’s)\s+"
    r"(?:(?:only|just|barely|nearly|almost|about|around)\s+)?$"
)
# ", at 38, she was released": an aside before a pronoun subject
_AT_ASIDE = re.compile(r",\s+at\s+$")
_PRONOUN_AFTER = re.compile(r",\s+(?:he|she|I|they|we)\b")
# "someone who is 5’2”": a height in feet and inches, no age
_FEET_INCHES = re.compile(r"[’'′]\s?\d")
# what may follow the age: a clause break, or a word that goes on with the sentence
_AFTER_AGE = re.compile(
    r"\s*(?:[,.;:!?)”\"’]|$)|\s+(?:when|and|at|in|then|or|but|because|while|before|after"
    r"|until|last|this|next|on)\b"
)


def age_in_clause(text: str, c: Cand, start: int, end: int) -> bool:
    """Whether the bare whole number c at start..end is a person's age by its clause."""
    if not c.is_int or c.is_range or c.value is None or not 1 <= c.value <= 115:
        return False
    if c.kind not in ("digits", "words") or c.scale != 1.0:
        return False
    if _PERSON_BE.search(text, max(0, start - 40), start):
        return _AFTER_AGE.match(text, end) is not None and not _FEET_INCHES.match(text, end)
    if _AT_ASIDE.search(text, max(0, start - 6), start):
        return _PRONOUN_AFTER.match(text, end) is not None
    return False
