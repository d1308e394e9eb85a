"""A small count in an appositive that sums up the list just named: "San Pedro Sula, Honduras;
Caracas, Venezuela; and Acapulco, Mexico, the three locations that topped a list", "Florida
and Ohio, the two biggest winner-take-all prizes".

The reader has the members by name; "the three" restates how many were listed, it counts
nothing new. The list's last member is a name ("and" then a capital), the count is two to ten
in words, and "the" or "both" opens the appositive right after the comma.
"""

from __future__ import annotations

import re

from bot.model import Figure

_LIST_THEN_THE = re.compile(
    r"\band\s+(?:the\s+)?[A-Z][^,;.]{0,40}(?:,\s+[A-Z][^,;.]{0,30})?,\s+(?:the|both)\s+$"
)
_SMALL_WORDS = re.compile(r"(?:two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)


def sums_up_a_list(text: str, f: Figure) -> bool:
    """Whether f is a count in words set after a named list as its appositive."""
    return bool(_SMALL_WORDS.match(f.surface)) and bool(
        _LIST_THEN_THE.search(text, max(0, f.start - 100), f.start)
    )
