"""The article as speaker resolution reads it, and the checks on names.

Doc is what resolution reads of an article (doc.ArticleDoc builds it; nothing here builds
one, so doc.py imports these modules and never the other way). The checks: can a name-like
mention be a speaker at all (speaker_ok), which fuller name of the article it stands for
(expand), whether a he/she can be them (person_speaker), whether it sits in a list
(in_list); plus the position lookups every resolver shares (sentence_index, last_speaker).
"""

from __future__ import annotations

import bisect
import re
from typing import Protocol

from bot.extract.attribution import NOMINAL_HEADS, NOT_PERSON, TITLES
from bot.extract.credible import credible_speaker
from bot.extract.lexicon import common_words
from bot.extract.mentions import Mention, surname
from bot.extract.speakers import is_organisation
from bot.extract.word_find import plural_without_the, written_alone
from bot.model import Sentence


class Doc(Protocol):
    """What resolution reads of an article (doc.ArticleDoc): people named, cue speakers, caches."""

    text: str
    sentences: list[Sentence]
    sent_starts: list[int]
    fullnames: dict[str, str]
    persons: list[Mention]
    person_starts: list[int]
    person_subject: list[bool]
    speakers: list[tuple[int, str]]
    speaker_starts: list[int]
    bodies: list[tuple[int, str]]
    credible: dict[str, str | None]
    person_like: dict[str, bool]
    lowered: str
    route: str

    def fits(self, name: str | None, pronoun: str) -> bool: ...

    def masked(self, pos: int) -> bool: ...

    def skeleton(self, word: str) -> str: ...


# Words that open the name of a place or body ("New Hampshire Monday", "United Mine Workers")
# and words that end the name of a place, event or law ("Great Recession", "... Agreement").
_PLACE_FIRST = frozenset(
    """new san los las el saint port fort mount lake united north south east west great national
    supreme federal royal grand american african european middle""".split()
)
_PLACE_LAST = frozenset(
    """act amendment agreement city county street avenue road island river airport hotel square
    building stadium week war college school academy hospital center centre valley district
    province region capitol plaza convention debate primary caucus caucuses summit festival
    conference museum library boulevard highway bridge station states recession workers""".split()
)
_NOBODY = frozenset("neither either nobody everyone everybody someone somebody anyone none".split())


def _lowercase_elsewhere(text: str, word: str) -> bool:
    """The article also writes word in lowercase: a common word opening a sentence ("Hours
    later, ...", "Reached by phone, ..."), not a name."""
    return written_alone(text, word)


def _group_plural(text: str, word: str) -> bool:
    """The article writes word in the plural with no "the" before it ("make Mexicans pay"):
    a people or a group, not one person ("the Clintons" is a family of people named)."""
    return plural_without_the(text, word)


def speaker_ok(doc: Doc, m: Mention, strict: bool = False) -> bool:
    """A name-like source that can be a speaker: not a place, body or event ("North Korea",
    "Great Recession"), nor a capitalised role word, pronoun-like word or participle opening a
    sentence ("Aides", "Neither", "Continuing") unless the article names that person in full.
    strict (a name picked from a clause, not the subject of a cue) also turns down single
    place-like or common words ("Supreme", "Hours"), which as the subject of a cue are
    surnames ("Law said")."""
    if m.kind not in ("person", "name") or not m.name:
        return True
    parts = [p.rstrip(".,").lower() for p in m.name.split()]
    first, last = parts[0], parts[-1]
    if len(parts) == 1:
        if m.kind != "name" or doc.skeleton(first) in doc.fullnames:
            return True
        role = first[:-1] if first.endswith("s") else first  # "Attorneys", "Pollsters"
        return not (
            (
                strict
                and (
                    first in NOT_PERSON
                    or first in common_words()
                    or _lowercase_elsewhere(doc.text, first)
                    or _group_plural(doc.text, m.name.rstrip(".,"))
                )
            )
            or role in NOMINAL_HEADS
            or role in TITLES
            or first in _NOBODY
            or first.endswith("ing")
        )
    return last not in _PLACE_LAST and not (first in _PLACE_FIRST and len(parts) <= 3)


def sentence_index(doc: Doc, pos: int) -> int:
    return max(0, bisect.bisect_right(doc.sent_starts, pos) - 1)


def last_speaker(doc: Doc, lo: int, pos: int) -> tuple[int, str] | None:
    """The last (start, name) of doc.speakers in text[lo:pos], if any."""
    k = bisect.bisect_left(doc.speaker_starts, pos) - 1
    if k < 0 or doc.speakers[k][0] < lo:
        return None
    return doc.speakers[k]


def last_body(doc: Doc, lo: int, pos: int) -> tuple[int, str] | None:
    """The last (start, name) of doc.bodies (organisations a cue had speak) in text[lo:pos]."""
    k = bisect.bisect_left(doc.bodies, (pos, "")) - 1
    return doc.bodies[k] if k >= 0 and doc.bodies[k][0] >= lo else None


def expand(doc: Doc, name: str) -> str:
    """A bare or partial name becomes the fullest form of that surname in the article."""
    full = doc.fullnames.get(doc.skeleton(surname(name)))
    if full and len(full.split()) >= len(name.split()):
        given = name.split()[:-1]  # "Bill Clinton" is not "Hillary Clinton"
        if all(w in full.split() for w in given):
            return full
    return name


_BODY_VERB = re.compile(r"(?:say|says|said|are|were|have|has|will|would|want|wants)\b")


def person_speaker(doc: Doc, name: str) -> bool:
    """A speaker a he/she can be: one the article shows as a person (credible.py), not a body
    ("The Lib Dems say ...": nobody writes "the John Smith said"). Kept per article."""
    known = doc.person_like.get(name)
    if known is not None:
        return known
    printable = doc.credible.get(name, "")
    if printable == "":
        printable = doc.credible[name] = credible_speaker(doc.text, name, doc.fullnames)
    ok = printable is not None and not is_organisation(printable)
    if ok:
        low = doc.lowered = doc.lowered or doc.text.lower()
        needle = f"the {printable.lower()} "
        pos = low.find(needle)
        while pos >= 0:
            if _BODY_VERB.match(low, pos + len(needle)):
                ok = False
                break
            pos = low.find(needle, pos + 1)
    doc.person_like[name] = ok
    return ok


_LIST_LEAD = re.compile(
    r"\b(?:including|such\s+as|among\s+them|among\s+whom|like)\s+(?:[a-z][\w-]*\s+){0,2}\Z"
)


def in_list(text: str, start: int) -> bool:
    """The name at start is a member of a list ("eight players, including captain Gareth
    Thomas"): never the subject a he/she picks up, nor a fallback for one."""
    return _LIST_LEAD.search(text, max(0, start - 40), start) is not None
