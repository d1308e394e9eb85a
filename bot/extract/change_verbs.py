"""The words that say a figure changed, and which way: one table for the range reader and the
change reader, so "slumped" or "doubled" means the same to both."""

from __future__ import annotations

import re

FALL = frozenset(
    """fell fall falls fallen falling drop drops dropped dropping decline declines declined
    declining decrease decreases decreased decreasing down lower lowered lowers cut cuts cutting
    slid slide slides sliding slip slips slipped slipping dip dips dipped dipping shrank shrink
    shrinks shrunk shrinking plunge plunges plunged plunging tumble tumbles tumbled tumbling
    ease eases eased easing reduce reduces reduced reducing shed sheds shedding narrow narrows
    narrowed narrowing lost loses losing slump slumps slumped slumping trim trims trimmed
    trimming""".split()
)
# "gain"/"gains" are left out: as nouns they end a phrase ("revised down the jobs gains, from
# 157,000 to 133,000" fell)
RISE = frozenset(
    """rose rise rises risen rising increase increases increased increasing up higher raise
    raises raised raising climb climbs climbed climbing grew grow grows grown growing soar
    soars soared soaring surge surges surged surging boost boosts boosted boosting double
    doubles doubled doubling lift lifts lifted lifting expand expands expanded expanding widen
    widens widened widening jump jumps jumped jumping gained gaining add adds added
    adding advance advances advanced advancing hike hikes hiked hiking""".split()
)


def word_pattern(words: frozenset[str]) -> str:
    """One alternation of whole words, longest first so "falling" is never read as "fall"."""
    return r"\b(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + r")\b"


FELL = re.compile(word_pattern(FALL), re.IGNORECASE)
ROSE = re.compile(word_pattern(RISE), re.IGNORECASE)
