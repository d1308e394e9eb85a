"""People named by an age limit: "the over-65s", "under-18s will not be admitted". The plural
names everyone past the limit, so it gives the age with "more than" or "less than". A team
goes by the same words ("England Under-21s", "Wales' under-20s"): after a capitalised name or
a possessive, or before a word of sport, it is left unread."""

from __future__ import annotations

import re

from bot.extract.figure_reading import Cand

_GROUP = re.compile(r"\b(?P<q>under|over)[- ]?(?P<n>[1-9]\d?)s\b", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?:[a-z.,;:]\s+|^|\s)(?:[A-Z][\w.]*|\w+['’]s?)\s+$")
_SPORT_AFTER = re.compile(
    r"\s+(?:side|team|squad|coach|manager|international|match|game|fixture|league|cup|"
    r"championship|tournament|title|boss|player|debut|level)s?\b",
    re.IGNORECASE,
)
_QUALIFIER = {"under": "less than", "over": "more than"}


def age_groups(text: str) -> list[Cand]:
    """An age with its qualifier for each "over-65s" / "under-18s" of text that is no team."""
    out: list[Cand] = []
    for m in _GROUP.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        starts_sentence = not before.strip() or before.rstrip()[-1:] in '.!?"“'
        if (not starts_sentence and _NAME_BEFORE.search(before)) or _SPORT_AFTER.match(
            text, m.end()
        ):
            continue
        value = float(m.group("n"))
        out.append(
            Cand(m.start(), m.end(), m.start("n"), m.end("n"), value, None, None, "digits",
                 1.0, unit="year", unit_end=m.end(), raw=m.group("n"),
                 qualifier=_QUALIFIER[m.group("q").lower()])
        )  # fmt: skip
    return out
