"""Who "the statement" is: the one speaker who just spoke "in a statement".

"British Airways said in a statement that the plane was cleared. '...,' the statement said."
A definite "the statement" points back to a statement the article just mentioned, and that
statement's issuer is the subject of the cue in its sentence. Precision first: the statement
must be mentioned within PRONOUN_WINDOW, its sentence must name exactly one speaker (a person
or a body a cue had speak) and no other person before the word, and nobody else may become a
subject between it and the quote; else None (abstain).
"""

from __future__ import annotations

import bisect
import re

from bot.extract.antecedents import PRONOUN_WINDOW
from bot.extract.mentions import Mention
from bot.extract.name_checks import Doc, expand, sentence_index
from bot.extract.rival_subjects import someone_else_between

_STATEMENT = re.compile(r"\b(?:in|issued|released|put out)\s+(?:a|an)\s+(?:[\w-]+\s+)?statement\b")


def statement_issuer(doc: Doc, m: Mention) -> tuple[str, bool] | None:
    """(issuer, is_body) for a mention "the statement", or None."""
    if m.titles != ("the", "statement"):
        return None
    lo = max(0, m.start - PRONOUN_WINDOW)
    found = [x for x in _STATEMENT.finditer(doc.text, lo, m.start) if not doc.masked(x.start())]
    if not found:
        return None
    at = found[-1].start()
    sent_lo = doc.sent_starts[sentence_index(doc, at)] if doc.sentences else lo
    who = _speakers_in(doc.speakers, sent_lo, at, False) + _speakers_in(
        doc.bodies, sent_lo, at, True
    )
    names = {name for _, name, _ in who}
    k = bisect.bisect_left(doc.person_starts, sent_lo)
    while k < len(doc.persons) and doc.persons[k].start < at:
        p = doc.persons[k]
        names.add(expand(doc, p.name) if p.name else "?")  # "X and Y said in a statement"
        k += 1
    if not who or len(names) != 1:
        return None  # no cue's speaker, or two people who may have issued it
    _, name, is_body = max(who)
    if someone_else_between(doc, found[-1].end(), m.start, name):
        return None
    return name, is_body


def _speakers_in(
    entries: list[tuple[int, str]], lo: int, hi: int, is_body: bool
) -> list[tuple[int, str, bool]]:
    """The (start, name, is_body) of entries in [lo, hi): a sorted list of (start, name)."""
    k = bisect.bisect_left(entries, (lo, ""))
    out = []
    while k < len(entries) and entries[k][0] < hi:
        out.append((entries[k][0], entries[k][1], is_body))
        k += 1
    return out
