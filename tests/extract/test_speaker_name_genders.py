"""A he/she never goes to someone whose given name is the other gender: the name table comes
from a name dictionary (bench/build_name_genders_dict.py), so "Harvey" is a man's name."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_she_is_never_a_man_named_harvey() -> None:
    text = (
        "Harvey Weinstein invited the actress to a hotel room two decades ago. "
        '"I was panicked and did not know how to get out of the room," she writes.'
    )
    assert _quote(text, "I was panicked").speaker != "Harvey Weinstein"
