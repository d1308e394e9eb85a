"""PostgreSQL text rules: full-text query strings from user words, NUL-free values, DSNs
fit for logs."""

from __future__ import annotations

import re
from typing import Any

from bot.store import fts

_DSN_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def clean(value: Any) -> Any:
    """U+0000 as U+FFFD: PostgreSQL text cannot hold NUL (SQLite can); one character for one,
    so stored offsets into the text stay right."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, list | tuple):
        return type(value)(clean(v) for v in value)
    return value


def redact(url: str) -> str:
    """The URL without its password, fit for messages and logs."""
    return _DSN_PASSWORD.sub(r"\1***@", url)


def all_of(text: str, drop_common: bool = False) -> str | None:
    """A websearch_to_tsquery string needing every word; each is quoted so none is an operator."""
    toks = fts.content_terms(text) if drop_common else fts.terms(text)
    return " ".join(f'"{t}"' for t in toks) if toks else None


def any_of(text: str, drop_common: bool = False) -> str | None:
    toks = fts.content_terms(text) if drop_common else fts.terms(text)
    return " or ".join(f'"{t}"' for t in toks) if toks else None


def phrase(text: str) -> str | None:
    toks = fts.terms(text)
    return '"' + " ".join(toks) + '"' if toks else None
