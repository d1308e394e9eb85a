"""A reporting cue that closes a sentence of several clauses: "AAN polled the race in February
and again two weeks ago, and both surveys showed Shuster above 50 percent, the group said."

Set off by a comma at the very end, "the group said" reports the whole sentence before it,
each of its coordinated clauses, not only the nearest one; the claimant resolver falls back
to it when the nearest reporting verb after a figure does not cover the figure.
"""

from __future__ import annotations

import re

# what may follow the closing cue's verb and subject: a time, a place of saying, the end
_CLOSE_TAIL = re.compile(
    r"(?:\s+(?:on\s+\w+|last\s+\w+|this\s+\w+|today|yesterday|earlier|later|recently|in\s+a\s+"
    r"(?:statement|release|filing|report|interview)|in\s+an\s+interview|\w+day))*"
    r"\s*[.!?]?[\"”’']?\s*$"
)


def closes_sentence(s: str, verb_at: int, verb_end: int, subject_at: int, subject: str) -> bool:
    """Whether the reporting verb at verb_at (its subject at subject_at, before or after it)
    is set off by a comma and closes the sentence: "..., the group said.", "..., said Mr Burke
    on Monday." """
    start = min(verb_at, subject_at)
    end = max(verb_end, subject_at + len(subject))
    return s[:start].rstrip().endswith(",") and _CLOSE_TAIL.match(s, end) is not None
