"""The speaker of an uncued quote that follows the sentence introducing them.

A news paragraph often introduces a person in one sentence and gives their words, with no
speech verb, in the next: 'Chief constable Mr Hayman acknowledged that binge drinking did
cause problems. "If you come to Norwich on a Friday ..."', 'Bolton distanced himself from
the movement by saying he would help. "I'm going to support him ..."'. The verb of the
introducing sentence need not be a speech verb ("outlined his view", "lays the blame"), so
the cue-based rules (rival_subjects.reporter_before) miss it.

Precision first: the sentence right before the quote, in the quote's paragraph, must open
with a named person as its subject and name nobody else; the quote must open its own
sentence. Anything else (two people, a possessive "Smith's aide", a paragraph break, a
subject the article does not show as a person, a name inside a subordinate clause, a line
of figures like "Romney 285, Obama 253.") abstains.
"""

from __future__ import annotations

import bisect
import re

from bot.extract.name_checks import Doc, expand, person_speaker, sentence_index
from bot.extract.rival_subjects import opens_sentence

# a subordinate clause the name may sit in ("while ...", "when ...")
_SUBORDINATE = re.compile(
    r"\b(?:while|when|as|after|before|because|although|though|if|since|until|whereas|unless)\b",
    re.IGNORECASE,
)
# the name goes on as a subject: a lowercase word, maybe after a description in commas
_PREDICATE = re.compile(r"(?:,[^,.;:!?]{1,80},)?\s+[a-z]")


def introduced_speaker(doc: Doc, pos: int) -> str | None:
    """The one named person opening, as its subject, the sentence right before the quote
    opening at pos in the same paragraph; else None."""
    if not doc.sentences:
        return None
    si = sentence_index(doc, pos)
    if si == 0 or doc.text[doc.sentences[si].start : pos].strip(" \"'“‘"):
        return None  # the quote does not open its sentence
    prev = doc.sentences[si - 1]
    if "\n" in doc.text[prev.start : pos]:
        return None  # another paragraph: the words may be anyone's
    names: set[str] = set()
    first = -1
    k = bisect.bisect_left(doc.person_starts, prev.start)
    while k < len(doc.persons) and doc.persons[k].start < prev.end:
        p = doc.persons[k]
        if p.name and not doc.masked(p.start):
            names.add(expand(doc, p.name))
            if first < 0:
                first = k
        k += 1
    if len(names) != 1 or first < 0:
        return None
    p = doc.persons[first]
    if not doc.person_subject[first] or not opens_sentence(doc.text, prev.start, p.start):
        return None
    lead = doc.text[prev.start : p.start]
    if lead.lstrip().startswith("(") or _SUBORDINATE.search(lead):
        return None  # "(... while singer Cassadee Pope was singing, ...)": not the main clause
    if not _PREDICATE.match(doc.text, p.end):
        return None  # "Romney 285, Obama 253.": a line of figures, no sentence about them
    name = names.pop()
    return name if person_speaker(doc, name) else None
