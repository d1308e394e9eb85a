"""The place a figure is about: "of the Kursk region", "into Russia", else a name before it."""

from __future__ import annotations

import re

_PLACE = re.compile(
    r"[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|border|region|oblast|province|city|district))*"
)

_PLACE_AFTER = re.compile(
    r"\b(?:of|in|into|within|inside|across|near|around|to|from|on|over)\s+(?:the\s+)?"
    r"(?:[a-z][\w\-]*\s+){0,2}(?P<p>" + _PLACE.pattern + ")"
)

_NOT_PLACES = frozenset(
    """The A An In On At It This That He She They We I But And Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October
    November December""".split()
)


def referent(sentence: str, pos: int, start: int) -> str | None:
    """The place a figure is about: "of the Kursk region", "into Russia", else a name before it."""
    clause_end = len(sentence)
    m_end = re.compile(r"[;.]\s|,\s+(?:but|while|and)\b").search(sentence, pos)
    if m_end:
        clause_end = m_end.start()
    m = _PLACE_AFTER.search(sentence, pos, min(clause_end, pos + 90))
    if m and m.group("p").split()[0] not in _NOT_PLACES:
        return _place(m.group("p"))
    names = [
        x for x in _PLACE.finditer(sentence, 0, start) if x.group(0).split()[0] not in _NOT_PLACES
    ]
    return _place(names[-1].group(0)) if names else None


def _place(name: str) -> str:
    return re.sub(r"['’]s$", "", name)
