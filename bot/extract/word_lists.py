"""The word lists and tables shipped in bot/extract/data: one reader for each of their two
formats (a word or phrase a line; tab-separated columns), blank lines and "#" comments
skipped, so each list or table is just its file and each caller types its own columns."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of data/<name>, read once."""
    data = resources.files("bot.extract").joinpath(f"data/{name}").read_text("utf8")
    return frozenset(w.strip() for w in data.splitlines() if w.strip() and w[0] != "#")


def table_rows(text: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated table, each cell stripped; blank lines and lines opening
    with "#" (a comment or a header) skipped."""
    return tuple(
        tuple(cell.strip() for cell in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def table(name: str, package: str = "bot.extract") -> tuple[tuple[str, ...], ...]:
    """The rows of <package>/data/<name>, read once (the extract package's tables by default;
    the currencies live in bot/data)."""
    return table_rows(resources.files(package).joinpath(f"data/{name}").read_text("utf8"))
