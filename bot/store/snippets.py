"""Search snippets cut in Python: the words around the best window of query terms.

PostgreSQL's ts_headline parses a hit's whole article to pick a fragment, and that was most
of a /search on it; the hits' texts are fetched anyway, so the window is found here with
the same Snowball English stemmer the 'english' search configuration uses.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import Stemmer

_WORD = re.compile(r"\w+")
_STEM = Stemmer.Stemmer("english").stemWords
WINDOW = 24  # words shown, like snippet(..., 24) on SQLite
LEAD = 3  # words of context before the first match in the window
MAX_HITS = 200  # query-term positions considered (enough to find a good window)


def snippet(text: str, query_words: Sequence[str], window: int = WINDOW) -> str:
    """About `window` words of text holding the most distinct query terms, "…" where cut."""
    tokens = list(_WORD.finditer(text))
    if not tokens:
        return ""
    wanted = set(_STEM([w.lower() for w in query_words]))
    stems = _STEM([t.group().lower() for t in tokens])
    hits = [i for i, s in enumerate(stems) if s in wanted][:MAX_HITS]
    start, best = 0, 0
    for h in hits:
        first = max(0, h - LEAD)
        inside = hits[bisect.bisect_left(hits, first) : bisect.bisect_left(hits, first + window)]
        score = len({stems[i] for i in inside})
        if score > best:
            start, best = first, score
    end = min(len(tokens), start + window)
    stop = tokens[end - 1].end() if end < len(tokens) else len(text)  # keep a last full stop
    shown = " ".join(text[tokens[start].start() : stop].split())
    if start > 0:
        shown = "… " + shown
    if end < len(tokens):
        shown += " …"
    return shown
