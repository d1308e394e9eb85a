"""Counts said as idioms of degree: "100 percent behind him", "zero expectations".

A speaker who is "100 percent sure" or came in "with zero expectations" says how wholly, or
that there is none at all of an attitude; no one measured a share or counted anything. The
words that make the idiom are a table (data/idiom_counts.tsv): after "100 percent" an
adjective or "behind", after "zero" a noun of attitude. "100 percent of the vote", "rose 100
percent" and "zero accidents" stay figures.
"""

from __future__ import annotations

import re
from functools import cache

from bot.extract.units import singular
from bot.extract.word_lists import table
from bot.model import Figure

_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


@cache
def _table() -> dict[str, frozenset[str]]:
    """kind ("full", "zero") -> the words that make the idiom (data/idiom_counts.tsv)."""
    out: dict[str, set[str]] = {}
    for kind, word in table("idiom_counts.tsv"):
        out.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in out.items()}


def idiom_count(text: str, f: Figure) -> bool:
    """Whether f is "100 percent" before a word of degree ("behind", "sure", "accurate") or
    "zero" before a noun of attitude ("expectations", "tolerance")."""
    if f.unit == "percent" and f.value == 100 and f.low is None:
        m = _NEXT_WORD.match(text, f.end)
        return m is not None and m.group(1) in _table().get("full", frozenset())
    if f.value == 0 and f.surface.lower().startswith("zero") and f.unit:
        return singular(f.unit.lower()) in _table().get("zero", frozenset())
    return False
