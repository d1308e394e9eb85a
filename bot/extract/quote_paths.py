"""Which attribution paths a printed speaker may come from.

Every quote's speaker is found by one path (quotes.py labels it: a cue and its subject's kind,
a he/she with the antecedent route it took, a run-on, the continued-paragraph convention, an
uncued clause subject ...). Some paths are right far less often than others; a wrong speaker
gets printed, a missing one does not. data/quote_paths.tsv, written by bench/quote_paths.py
from speaker precision per path on the quotes_dev tune half and the released BBC review sets,
says which paths are trusted; a quote found by any other is shown unattributed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "quote_paths.tsv"


@cache
def untrusted_paths() -> frozenset[str]:
    """The paths the table marks "no" (a missing table trusts every path)."""
    if not TABLE.exists():
        return frozenset()
    out = set()
    for line in TABLE.read_text(encoding="utf8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2 and not line.startswith("#") and cols[-1] == "no":
            out.add(cols[0])
    return frozenset(out)


def keys(path: str) -> list[str]:
    """What the table may name for a path: each of its parts ("runon+cue-after:name": a run-on
    of a speaker a cue named) and each mark of what came between ("^s": another person opened
    a sentence since the speaker was named; quotes.py)."""
    out = []
    for part in path.split("+"):
        out.append(part)
        out.extend("^" + m for m in part.split("^")[1:])
    return out


def trusted(path: str | None) -> bool:
    """A speaker found by path may be printed: neither the path, nor the path that first named
    a speaker handed on from an earlier quote, nor any of their marks is untrusted."""
    if not path:
        return True
    weak = untrusted_paths()
    return not weak or not any(k in weak for k in keys(path))
