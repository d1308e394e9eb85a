"""What differs between the two stores' SQL for the same statement, so each statement is
written once (with SQLite's ? marks) and given to each backend in its own dialect."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Dialect:
    """One backend's words for the few things the two dialects say differently."""

    row_key: str  # the articles table's own key: SQLite's rowid, PostgreSQL's pk
    greatest: str  # the larger of two values: SQLite's two-argument max(), PostgreSQL's greatest()
    binary: str  # text in byte order: SQLite's default, PostgreSQL's COLLATE "C"
    returning: bool  # a write hands back its rows (RETURNING) rather than being read again
    numbered: bool  # $1, $2 marks rather than ?

    def sql(self, statement: str) -> str:
        """The statement (written with ? marks) in this dialect."""
        return dollars(statement) if self.numbered else statement

    def one_of(self, values: Sequence[Any], array: str = "text") -> tuple[str, list[Any]]:
        """(condition, parameters) for a column (of PostgreSQL type `array`) being one of
        values: SQLite's IN with a mark each, PostgreSQL's = ANY of one array."""
        if self.numbered:
            return f"= ANY(?::{array}[])", [list(values)]
        return f"IN ({','.join('?' * len(values))})", list(values)

    def mark(self, n: int) -> str:
        """The mark of the n-th parameter (from 1), for a statement already in this dialect."""
        return f"${n}" if self.numbered else "?"

    def returns(self, statement: str, columns: str) -> str:
        """The write, handing back `columns` where the dialect does so."""
        return self.sql(f"{statement} RETURNING {columns}" if self.returning else statement)


SQLITE = Dialect(row_key="rowid", greatest="max", binary="", returning=False, numbered=False)
POSTGRES = Dialect(
    row_key="pk", greatest="greatest", binary=' COLLATE "C"', returning=True, numbered=True
)
