"""Turn anything a user types into a safe FTS5 query (no operators, no syntax errors)."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def terms(text: str) -> list[str]:
    """Word tokens of the input; quoting each one later makes operators plain words."""
    return _TOKEN.findall(text or "")[:MAX_TERMS]


def all_of(text: str) -> str | None:
    """Every word must appear (each quoted, so none is read as an operator)."""
    toks = terms(text)
    return " ".join(f'"{t}"' for t in toks) if toks else None


def any_of(text: str) -> str | None:
    toks = terms(text)
    return " OR ".join(f'"{t}"' for t in toks) if toks else None


def phrase(text: str) -> str | None:
    """The words in this order, adjacent."""
    toks = terms(text)
    return '"' + " ".join(toks) + '"' if toks else None
