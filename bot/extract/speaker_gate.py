"""A confidence gate on speakers: abstain on a risky kind of attribution when a rival fits.

Each attributed quote has a kind (quotes._how: the path that chose the speaker and the kind
of mention it read, "frame:name", "frame:pronoun", "runon:prev", ...) and a set of warning
signs read from the article (evidence()). data/speaker_gate.tsv lists the (kind, sign) pairs
whose measured precision is too low to print (bench/speaker_gate_table.py measures them on
the released BBC review sets and the quotes_dev tune half, and writes the table): a speaker
with such a pair is left unattributed. Precision first: an editor prints a wrong speaker, a
missing one costs nothing.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from importlib import resources

from bot.extract.attribution import CUES, surname
from bot.extract.doc import ArticleDoc
from bot.extract.gender import PRONOUN_GENDER
from bot.extract.name_checks import sentence_index

# the kinds of attribution that rest on a guess about who is meant, not on a name in the cue
RISKY_MENTIONS = frozenset("pronoun nominal prev cue unknown".split())


@cache
def gate_table() -> frozenset[tuple[str, str]]:
    """(kind, sign) pairs to abstain on, from data/speaker_gate.tsv (kind<TAB>sign<TAB>...)."""
    rows = resources.files("bot.extract").joinpath("data/speaker_gate.tsv").read_text("utf8")
    out = set()
    for line in rows.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, sign = line.split("\t")[:2]
            out.add((kind, sign))
    return frozenset(out)


def active() -> bool:
    """The table has a row: only then are the signs worth reading."""
    return bool(gate_table())


def risky(how: str) -> bool:
    """The attribution guesses who is meant (a he/she, a role, a run-on), or reads a name
    that may stand for someone else: the gate table is asked about these only."""
    return how.rsplit(":", 1)[-1] in RISKY_MENTIONS or how.endswith((":name", ":person"))


def _same(doc: ArticleDoc, a: str, b: str) -> bool:
    return doc.skeleton(surname(a)) == doc.skeleton(surname(b))


def evidence(
    doc: ArticleDoc,
    speaker: str,
    pos: int,
    body: tuple[int, int],
    pronoun: str = "",
    said: str | None = None,
) -> frozenset[str]:
    """Warning signs against giving the quote at body (cue or quote at pos) to speaker:
    "far": the speaker was last named two or more sentences back (or not before at all);
    "rival": another person who could be meant (a he fits them) is named in between;
    "inquote": the quote itself names another person of the article;
    "body": the speaker is not shown as a person (a place, a body, a work);
    "same": the speaker is named earlier in the very sentence of the cue, with no cue of
    theirs in between ("Mr Blair has failed ..., he claimed": the name inside the clause a
    he/she reports is not the he);
    "object": where the speaker was last named, they were not the subject (another person
    opens that sentence, or the name sits after a preposition or in a list);
    "pronsubj": a he/she of the same gender opens the sentence where the speaker was last
    named, before the name ("Now he fears ... players, including Charlie Hodgson, ..."): that
    sentence is about someone else already;
    "alias": the cue's name (said) is not part of the speaker's name ("Treasury" read as
    Vince Cable)."""
    signs: set[str] = set()
    k = bisect.bisect_left(doc.person_starts, pos) - 1
    last = None
    while k >= 0:
        p = doc.persons[k]
        if p.name and _same(doc, p.name, speaker):
            last = p
            break
        k -= 1
    si = sentence_index(doc, min(pos, body[0]))  # "'...,' he said": from the quote's start
    if last is None or si - sentence_index(doc, last.start) >= 2:
        signs.add("far")
    if last is not None:
        ls = sentence_index(doc, last.start)
        if (
            ls == si
            and pos > last.end
            and not any(not t.cap and t.low in CUES for t in doc.unmasked(last.end, pos))
        ):
            signs.add("same")
        first = bisect.bisect_left(doc.person_starts, doc.sent_starts[ls] if doc.sentences else 0)
        opener = doc.persons[first].name if first < k else None
        if not doc.person_subject[k] or (
            opener
            and not _same(doc, opener, speaker)
            and (not pronoun or doc.fits(opener, pronoun))
            and doc.person_speaker(opener)
        ):
            signs.add("object")
        if pronoun and _pronoun_opens(doc, ls, last.start, pronoun):
            signs.add("pronsubj")
    if said and not set(said.split()) & set(speaker.split()):
        signs.add("alias")
    gender = PRONOUN_GENDER.get(pronoun)
    j = k + 1 if last is not None else bisect.bisect_left(doc.person_starts, pos - 400)
    while j < len(doc.persons) and doc.persons[j].start < pos:
        other = doc.persons[j].name
        if (
            other
            and not _same(doc, other, speaker)
            and (gender is None or doc.fits(other, pronoun))
            and doc.person_speaker(other)
        ):
            signs.add("rival")
            break
        j += 1
    quoted = doc.text[body[0] : body[1]]
    own = doc.skeleton(surname(speaker))
    for key, full in doc.fullnames.items():
        if key != own and full and " " in full and full.split()[-1] in quoted:
            signs.add("inquote")
            break
    if not doc.person_speaker(speaker):
        signs.add("body")
    return frozenset(signs)


_HE_SHE = re.compile(r"\b(he|she)\b", re.IGNORECASE)


def _pronoun_opens(doc: ArticleDoc, si: int, before: int, pronoun: str) -> bool:
    """A he/she that fits the pronoun stands, outside quotes, in sentence si before `before`."""
    for m in _HE_SHE.finditer(doc.text, doc.sent_starts[si], before):
        if m.group(1).lower() == pronoun and not doc.masked(m.start()):
            return True
    return False


def abstain(how: str, signs: frozenset[str]) -> bool:
    """The table says this kind of attribution with these signs (one, or a pair written
    "a+b": both present) is too often wrong."""
    return any(kind == how and signs.issuperset(sign.split("+")) for kind, sign in gate_table())
