"""The word lists shipped in bot/extract/data: one reader for their one format (a word or
phrase a line, blank lines and "#" comments skipped), so each list is just its file."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of data/<name>, read once."""
    data = resources.files("bot.extract").joinpath(f"data/{name}").read_text("utf8")
    return frozenset(w.strip() for w in data.splitlines() if w.strip() and w[0] != "#")
