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
REGION = 1600  # characters of a long text tokenized, around the first occurrence


def snippet(text: str, query_words: Sequence[str], window: int = WINDOW) -> str:
    """About `window` words of text holding the most distinct query terms, "…" where cut."""
    wanted = set(_STEM([w.lower() for w in query_words]))
    lo, hi = _region(text, wanted)
    tokens = list(_WORD.finditer(text, lo, hi))
    if not tokens:
        return ""
    # Stemming is most of the cost: only words that begin as a wanted stem does are stemmed
    # (Snowball English keeps a word's first letter: "dying" -> "die", "skies" -> "sky").
    firsts = {s[:1] for s in wanted}
    maybe = [i for i, t in enumerate(tokens) if text[t.start()].lower() in firsts]
    stems = dict(zip(maybe, _STEM([tokens[i].group().lower() for i in maybe]), strict=True))
    hits = [i for i in maybe if stems[i] in wanted][:MAX_HITS]
    start, best = 0, 0
    for h in hits:
        first = max(0, h - LEAD)
        inside = hits[bisect.bisect_left(hits, first) : bisect.bisect_left(hits, first + window)]
        score = len({stems[i] for i in inside})
        if score > best:
            start, best = first, score
    end = min(len(tokens), start + window)
    last = end == len(tokens) and hi == len(text)
    stop = len(text) if last else tokens[end - 1].end()  # keep a last full stop
    shown = " ".join(text[tokens[start].start() : stop].split())
    if start > 0 or lo > 0:
        shown = "… " + shown
    if not last:
        shown += " …"
    return shown


def _region(text: str, stems: set[str]) -> tuple[int, int]:
    """The part of a long text worth tokenizing: from a little before the first place a query
    stem occurs (a plain substring search, C-fast) to REGION characters on."""
    if len(text) <= REGION:
        return 0, len(text)
    lowered = text.lower()
    found = [lowered.find(s[: max(3, len(s) - 1)]) for s in stems]  # "happi" for "happy"
    first = min((f for f in found if f >= 0), default=0)
    lo = max(0, first - REGION // 8)
    while lo > 0 and not text[lo - 1].isspace():  # start on a word
        lo -= 1
    return lo, min(len(text), lo + REGION)
