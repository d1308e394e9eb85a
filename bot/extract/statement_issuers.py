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
from collections.abc import Callable

from bot.extract.antecedents import PRONOUN_WINDOW
from bot.extract.attribution import BODY_REFERENTS, noun_use, subject_before
from bot.extract.clause_words import THAT_OPENERS
from bot.extract.lexicon import CUES
from bot.extract.mentions import Mention, tokens
from bot.extract.name_checks import Doc, expand, sentence_index
from bot.extract.rival_subjects import someone_else_between

_ISSUING = r"(?:issued|released|put out|provided|sent|gave|emailed)"
_STATEMENT = re.compile(r"\b(?:in|" + _ISSUING + r")\s+(?:a|an)\s+(?:[\w-]+\s+)?statement\b")
# the named subject right before the issuing verb, opening its clause: "After publication,
# Columbus Nova provided a statement" (no cue had it speak, but it issued the statement)
_NAMED_ISSUER = re.compile(
    r"(?:^|[,;.]\s+|\n)([A-Z][\w&'’.-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&'’.-]*){0,4})\s+"
    + _ISSUING
    + r"\s+(?:a|an)\s+(?:[\w-]+\s+)?statement\b"
)
# a pronoun, a determiner or a clause opener before the name: no name opens the clause
_NOT_ISSUERS = THAT_OPENERS | frozenset(
    "he she they it we i this the a an its his her their after before as then".split()
)


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
    if not who:
        return _named_issuer(doc, sent_lo, found[-1].end(), m.start)
    if len(names) != 1:
        return None  # two people who may have issued it
    _, name, is_body = max(who)
    if someone_else_between(doc, found[-1].end(), m.start, name):
        return None
    return name, is_body


# "In a statement (on Thursday), " opening its sentence: the subject after the comma issued it
_FRONTED = re.compile(r"In\s+(?:a|an)\s+(?:[\w-]+\s+)?statement\b[^,.;:\"“”]{0,40},\s*")


def fronted_issuer(
    doc: Doc, m: Mention, resolve: Callable[[Doc, Mention], str | None]
) -> tuple[str, bool] | None:
    """(issuer, is_body) for "the statement" after "In a statement, the business mogul
    announced ...": the phrase opens its sentence, so the subject of the reporting cue right
    after its comma issued the statement, resolved as any cue subject is. None when the
    sentence opens otherwise, no cue's subject opens the clause, the subject is a bare body
    word ("the party"), or someone else becomes a subject before the quote."""
    if m.titles != ("the", "statement"):
        return None
    lo = max(0, m.start - PRONOUN_WINDOW)
    found = [x for x in _FRONTED.finditer(doc.text, lo, m.start) if not doc.masked(x.start())]
    if not found or not doc.sentences:
        return None
    fronted = found[-1]
    at = fronted.start()
    sent = doc.sentences[sentence_index(doc, at)]
    later = [x for x in _STATEMENT.finditer(doc.text, fronted.end(), m.start)]
    if later or doc.text[sent.start : at].strip(" \n\"“‘'("):
        return None
    toks = [t for t in tokens(doc.text, fronted.end(), sent.end) if not doc.masked(t.start)]
    ci = next(
        (i for i, t in enumerate(toks) if not t.cap and t.low in CUES and not noun_use(toks, i)),
        None,
    )
    if not ci:
        return None
    subject = subject_before(toks, ci)
    if subject is None or subject.start != toks[0].start or subject.titles == m.titles:
        return None
    if subject.titles and subject.titles[-1] in BODY_REFERENTS:
        return None  # "the party": which body is a guess, and a wrong one gets printed
    name = resolve(doc, subject)
    if name is None or someone_else_between(doc, sent.end, m.start, name):
        return None
    return name, subject.kind == "org"


def issuing_body(doc: Doc, pos: int) -> str | None:
    """The body that just issued a statement ("Black Lives Matter issued a statement
    saying ...") for "the group said" at pos: an issuer spoke as much as a body a cue had
    speak. The caller checks the name is no person's. None when the last statement before
    pos has no named issuer, or someone else becomes a subject in between."""
    lo = max(0, pos - PRONOUN_WINDOW)
    found = [x for x in _STATEMENT.finditer(doc.text, lo, pos) if not doc.masked(x.start())]
    if not found:
        return None
    at = found[-1].start()
    sent_lo = doc.sent_starts[sentence_index(doc, at)] if doc.sentences else lo
    issued = _named_issuer(doc, sent_lo, found[-1].end(), pos)
    return issued[0] if issued is not None else None


def _named_issuer(doc: Doc, lo: int, hi: int, pos: int) -> tuple[str, bool] | None:
    """The name that opens the clause issuing the statement ("Columbus Nova provided a
    statement"), a person when the article names them as one, else a body; None when the
    clause opens otherwise or someone else becomes a subject before pos."""
    found = _NAMED_ISSUER.search(doc.text[lo:hi])  # ^ is the sentence's start
    if found is None or found.end() != hi - lo:
        return None
    name = found.group(1).rstrip(".")
    if name.split()[0].lower() in _NOT_ISSUERS or doc.masked(lo + found.start(1)):
        return None
    if someone_else_between(doc, hi, pos, name):
        return None
    full = expand(doc, name)
    is_person = any(p.name and expand(doc, p.name) == full for p in doc.persons)
    return (full, False) if is_person else (name, True)


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
