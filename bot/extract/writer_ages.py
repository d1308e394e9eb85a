"""An age the writer gives to describe a person is no one's claim.

"the 27-year-old Spaniard", "Robert Jackson, 58, MP for Wantage, said", "his daughter, now
11,", "when she was three": the claimant resolver (claimants.py) credits such a figure to no
source (inside a quote it is the speaker's, which the resolver decides first).
"""

from __future__ import annotations

import re

_EPITHET_AGE = re.compile(r"\d+-year-old\b|[a-z]+(?:-[a-z]+)?-year-old\b", re.IGNORECASE)
_AGE_APPOSITION = re.compile(r"\d{1,3}(?:,(?!\d)|\s+[-–—]\s)")  # "3,000" is no age
_NAME_COMMA = re.compile(r"[A-Z][\w'’\-]+,\s+$")
# An age set off after its holder, any noun ("his daughter, now 11,", "the boy, 14,"), or told
# by a clause of time ("when she was three"): the writer's description of the person, not the
# figure a lawsuit, report or speaker asserts.
_HOLDER_COMMA = re.compile(r"[A-Za-z][\w'’\-]*,\s+(?:(?:now|then|aged|also)\s+)?$")
_AGE_CLAUSE = re.compile(
    r"\b(?:when|while|until|before)\s+(?:he|she|they|I|we)\s+(?:was|were|turned)\s+"
    r"(?:just\s+|only\s+)?$",
    re.IGNORECASE,
)


def writers_age(s: str, rel: int, age: bool) -> bool:
    """Whether the figure at rel of sentence s is an age the writer gives; `age`: the figure
    was read as a person's age."""
    if _EPITHET_AGE.match(s, rel):
        # "the 27-year-old Spaniard", "how 26-year-old nurse Nina Pham was infected": an
        # age written as a description is the writer's, no one's claim
        return True
    if _AGE_APPOSITION.match(s, rel) and _NAME_COMMA.search(s, 0, rel):
        return True  # "Robert Jackson, 58, MP for Wantage, said": the writer's, too
    # "The lawsuit claims ... his daughter, now 11, ... when she was three"
    return age and bool(
        (_AGE_APPOSITION.match(s, rel) and _HOLDER_COMMA.search(s, 0, rel))
        or _AGE_CLAUSE.search(s, 0, rel)
    )
