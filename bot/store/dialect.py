"""Statements written once with SQLite's ? marks, for PostgreSQL's numbered $n."""

from __future__ import annotations

import re

_MARK = re.compile(r"\?(\d*)")


def dollars(sql: str) -> str:
    """? marks as asyncpg's $1, $2, ... in order; a numbered ?N (a value read twice) as $N."""
    n = 0

    def number(m: re.Match[str]) -> str:
        nonlocal n
        if m.group(1):
            return f"${m.group(1)}"
        n += 1
        return f"${n}"

    return _MARK.sub(number, sql)
