"""Whether a lone surname is a person the article has named in full.

News names a person in full once ("said Randy Evans, a Republican committeeman") and by the
surname after ("Evans suggested that ..."). Verbs such as "suggested" credit a figure only
to a document or a person, never to whoever else "suggests" ("Wales suggested"), so the
claimant resolver asks here whether a one-word subject is such a person: the surname of a
speaker the article quoted, or of a full name whose first word is a known given name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.extract.gender import name_genders

_SURNAME = re.compile(r"[A-Z][a-z][\w'’\-]*")


def named_in_full(text: str, upto: int, surname: str, speakers: Iterable[str | None]) -> bool:
    """Whether `surname` ends the full name of a quoted speaker, or follows a given name in
    text before `upto` ("Randy Evans", at most one middle name or initial between)."""
    if not _SURNAME.fullmatch(surname):
        return False
    for speaker in speakers:
        words = (speaker or "").split()
        if len(words) >= 2 and words[-1] == surname:
            return True
    full = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z][a-z]*\.?\s+)?" + re.escape(surname) + r"\b")
    return any(m.group(1) in name_genders() for m in full.finditer(text, 0, upto))


def named_again(s: str, start: int, end: int, subject: str) -> bool:
    """Whether the subject of a reporting verb is named again, as the subject of a verb of its
    own, between start and end: "Sanders said he was “encouraged” by the plan — a modest
    boost since 2009, when Sanders joined 89 other senators". A speaker refers to himself as
    "he" or "I"; his name again is the writer telling of him, no part of what he said."""
    last = subject.split()[-1] if subject.split() else ""
    if not _SURNAME.fullmatch(last):
        return False
    again = re.compile(
        r"\b" + re.escape(last) + r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|has|had|was|is|will|would|did)\b"
    )
    return again.search(s, start, end) is not None
