"""One answer on every backend for a topic with no word a search can use ("the", "!!!").

PostgreSQL's 'english' search drops the commonest words, so "/brief the" found nothing
there, while SQLite's FTS5 kept them and listed whatever held "the" (every article). The
command layer decides instead, the same way on both stores: such a topic gets a short
refusal with an example that works, before any store is asked.
"""

from __future__ import annotations

from bot.model import Reply, error_reply
from bot.store import fts

HINT = "Add a name, place or subject."


def refusal(topic: str, example: str) -> Reply | None:
    """The reply for a topic of only punctuation or only very common words; None when usable."""
    shown = " ".join(topic.split())[:80]
    if not fts.terms(topic):
        return error_reply(f"“{shown}” has no words to look up.", example=example)
    if fts.only_index_stop(topic):
        what = (
            "is a very common word" if len(fts.terms(topic)) == 1 else "has only very common words"
        )
        return error_reply(
            f"“{shown}” {what}, found in nearly every article.",
            example=example,
            hint=HINT,
        )
    return None
