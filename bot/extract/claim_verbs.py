"""The claim-verb table (data/claim_verbs.tsv): which verb forms credit a figure, in which frames.

One reader for every claimant rule that names verbs, so a verb is added as a data line and
each frame's word list and regex alternation come from the same table.
"""

from __future__ import annotations

from functools import lru_cache

from bot.extract.word_lists import table

FRAMES = frozenset(
    """says finding progressive participle showing listener noun by pronoun it authored surveyed
    handled valuing""".split()
)


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """frame -> the verb forms read in it."""
    frames: dict[str, set[str]] = {f: set() for f in FRAMES}
    for word, kinds in table("claim_verbs.tsv"):
        for kind in kinds.split(","):
            if kind not in FRAMES:
                raise ValueError(f"claim_verbs.tsv: unknown frame {kind!r} for {word!r}")
            frames[kind].add(word)
    return {f: frozenset(ws) for f, ws in frames.items()}


def forms(*frames: str) -> frozenset[str]:
    """The verb forms read in any of the frames."""
    table = _table()
    return frozenset().union(*(table[f] for f in frames))


def alternation(*frames: str) -> str:
    """A regex alternation of the frames' forms, longest first (a multi-word form matches
    with any spaces between its words)."""
    words = sorted(forms(*frames), key=len, reverse=True)
    return "|".join(r"\s+".join(w.split()) for w in words)
