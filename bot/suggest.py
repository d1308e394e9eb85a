"""Suggestions while a user types an option (Discord autocomplete): speakers and figure topics.

Lists come from the store and are cached briefly: a keystroke must be answered within
Discord's 3 s, and a GROUP BY over every quote at 100k articles is not free.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bot.extract.topics import TOPICS
from bot.store.base import Store

MAX_CHOICES = 25  # Discord shows at most 25
CACHE_SECONDS = 60.0
KINDS = ("speaker", "topic")


@dataclass
class Suggester:
    """Ranked names for an option; the first word-prefix matches first, then substring matches."""

    store: Store
    _cache: dict[str, tuple[float, list[str]]] = field(default_factory=dict)

    async def names(self, kind: str) -> list[str]:
        """Every candidate for `kind`, most used first (cached for CACHE_SECONDS)."""
        hit = self._cache.get(kind)
        if hit is not None and time.monotonic() - hit[0] < CACHE_SECONDS:
            return hit[1]
        if kind == "speaker":
            names = [name for _key, name, _n in await self.store.speakers()]
        elif kind == "topic":
            used = [t for t, _n in await self.store.figure_topics() if t in TOPICS]
            names = used + [t for t in TOPICS if t not in used]
        else:
            raise ValueError(f"unknown suggestion kind {kind!r}; one of {KINDS}")
        self._cache[kind] = (time.monotonic(), names)
        return names

    async def suggest(self, kind: str, typed: str, limit: int = MAX_CHOICES) -> list[str]:
        """Up to `limit` candidates matching what the user has typed so far."""
        names = await self.names(kind)
        needle = " ".join(typed.lower().split())
        if not needle:
            return names[:limit]
        starts = [n for n in names if any(w.startswith(needle) for w in _words(n))]
        starts += [n for n in names if n.lower().startswith(needle) and n not in starts]
        inside = [n for n in names if needle in n.lower() and n not in starts]
        return (starts + inside)[:limit]


def _words(name: str) -> list[str]:
    return name.lower().split()
