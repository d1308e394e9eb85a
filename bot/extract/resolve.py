"""Who a source mention stands for: full names, he/she and descriptions resolved to a speaker.

resolve() dispatches on the mention's kind: names are checked and expanded (name_checks.py),
he/she and descriptions go to antecedents.py, "it" and a statement to the body that issued
them. ArticleDoc (doc.py) calls in here through the Doc protocol of name_checks.py.
"""

from __future__ import annotations

import bisect
import re

from bot.extract.antecedents import PRONOUN_WINDOW, named_person, refer_back
from bot.extract.attribution import (
    BODY_REFERENTS,
    HONORIFICS,
    MEMBERS,
    NOMINAL_HEADS,
    PERSON_PRONOUNS,
    SURNAME_TITLES,
    TITLES,
)
from bot.extract.bodies import body_referent, members_body
from bot.extract.credible import credible_speaker
from bot.extract.descriptions import aged_person, agent_role, described_person
from bot.extract.gender import given_names, name_genders
from bot.extract.lexicon import role_nouns
from bot.extract.mentions import Mention, surname
from bot.extract.name_checks import Doc, expand, last_body, last_speaker, speaker_ok
from bot.extract.rival_subjects import BODY_HEADS, someone_else_between
from bot.extract.speakers import is_organisation
from bot.extract.statement_issuers import fronted_issuer, issuing_body, statement_issuer


def resolve(doc: Doc, m: Mention | None) -> str | None:
    """The speaker a source mention stands for: full name, organisation, or resolved he/she."""
    if m is None:
        return None
    if m.kind in ("person", "name") and m.name:
        if m.name in MEMBERS and doc.text[max(0, m.start - 4) : m.start].lower() == "the ":
            # "the MPs said" after "The Constitutional Affairs Select Committee said": the
            # members speak for the one body named just before, else nobody
            return _spoken_for(doc, members_body(doc, m.start))
        if (
            m.kind == "name"
            and " " not in m.name
            and _DEFINITE.search(doc.text, max(0, m.start - 24), m.start)
            and doc.skeleton(surname(m.name)) not in doc.fullnames
        ):
            # "the 27-year-old Austrian said", "the Frenchman told": a description of
            # someone named before, not a name
            return refer_back(doc, m.start, "")
        return expand(doc, m.name) if speaker_ok(doc, m) else None
    if m.kind == "org":
        if doc.text.startswith((" statement", " report"), m.end) or _SPOKES_FOR.search(
            doc.text, max(0, m.start - 40), m.start
        ):  # "said a CAS statement", "a spokesman for the Home Office said": the body speaks
            return _spoken_for(doc, m.name)
        return m.name
    if m.kind == "pronoun":
        if m.name == "it":
            return _body_back(doc, m.start)
        if m.name not in PERSON_PRONOUNS:
            return None
        name = refer_back(doc, m.start, m.name)
        if name is not None:  # "..., he said." ... "..., he said.": the chain goes on
            k = bisect.bisect_left(doc.speaker_starts, m.start)
            if k == len(doc.speaker_starts) or doc.speaker_starts[k] != m.start:
                doc.speakers.insert(k, (m.start, name))
                doc.speaker_starts.insert(k, m.start)
        return name
    if m.kind == "nominal":
        if len(m.titles) == 1 and m.titles[0] in SURNAME_TITLES and m.surface:
            full = doc.fullnames.get(
                doc.skeleton(m.surface)
            )  # "King says" after "Billie Jean King"
            if full and " " in full and full.split()[-1] == m.surface:
                return full
        if len(m.titles) == 2 and m.titles[0] in HONORIFICS and m.titles[1] in SURNAME_TITLES:
            # "says Mr Dean" after "Rick Dean": an honorific makes the title word a surname
            word = doc.text[m.start : m.end].split()[-1].rstrip(".,;:!?")
            full = doc.fullnames.get(doc.skeleton(word))
            if full and " " in full and full.split()[-1] == word:
                return full
        if m.titles == ("the", "year-old"):  # "said the 28-year-old"
            return aged_person(doc, m)
        if m.titles and m.titles[-1] in _DOCUMENT_HEADS:
            found = _issuer(doc, m) or _spoken_for(doc, body_referent(doc, m))
            if found is None and (
                issued := statement_issuer(doc, m) or fronted_issuer(doc, m, resolve)
            ):
                # "X said in a statement ... '...,' the statement said": X
                found = _spoken_for(doc, issued[0]) if issued[1] else expand(doc, issued[0])
            return found
        if m.titles and m.titles[-1] in BODY_REFERENTS:
            # "the organisation said": the body just named; else a body that just spoke
            # ("Marsh said ... The company added")
            body = body_referent(doc, m)
            if body is not None:
                return _spoken_for(doc, body)
            back = _body_back(doc, m.start)
            issuer = issuing_body(doc, m.start) if back is None else None
            if issuer is not None and not _person_named(doc, issuer):
                # "Black Lives Matter issued a statement ... the group said": the issuer,
                # named like a person by its shape, but no given name opens it
                return _spoken_for(doc, issuer)
            return back
        heads = [w for w in m.titles if w in TITLES or w in NOMINAL_HEADS]
        if not heads:
            roles = [w for w in m.titles if w in role_nouns() and w not in BODY_HEADS]
            if roles and m.titles[0] == "the":  # "said the two-time champion"
                return described_person(doc, m, roles[-1])
            if m.titles[0] == "the" and agent_role(doc, m, m.titles[-1]):
                # "the filmmaker said": only someone the article names as a person
                found = described_person(doc, m, m.titles[-1])
                return found if found is not None and _a_person(doc, found) else None
            return None
        head = heads[-1]
        k = bisect.bisect_left(doc.person_starts, m.start) - 1
        ranked = False  # "Deputy Prime Minister John Prescott" is not "the prime minister"
        while k >= 0:
            p = doc.persons[k]
            if head in p.titles and p.name:
                if not (_RANKS.intersection(p.titles) - set(m.titles)):
                    return expand(doc, p.name)
                ranked = True
            k -= 1
        if (
            not ranked
            and (m.titles[0] == "the" or _definite_title(doc, m, head))
            and (head in TITLES or head in _HOLDERS)
            and head not in BODY_HEADS
            and not any(t.endswith(("'s", "’s")) for t in m.titles)
        ):
            # "the former pollster said": the person the article was just talking about,
            # unless the article gives the role to someone else too (descriptions.py)
            return described_person(doc, m, head)
        return None
    return None


def _a_person(doc: Doc, name: str) -> bool:
    """A name the article or a name table marks as a person's: a given name opens it (either
    table: gender.given_names, the dictionary name_genders), or its surname stands alone
    ("Trump Tower" is no one)."""
    first = name.split()[0]
    return first in name_genders() or named_person(doc, name)


def _person_named(doc: Doc, name: str) -> bool:
    """A given name anywhere in it ("Mayor Karen Whitby"), or a person the article names:
    not a body, whatever shape the name has."""
    return any(w in name_genders() for w in name.split()) or named_person(doc, name)


def _body_back(doc: Doc, pos: int) -> str | None:
    """ "It said: ..." after "Google said ...": the last speaker within PRONOUN_WINDOW when
    that is a body, never someone with a given name or a known person, and nobody else became
    a subject in between."""
    last = last_speaker(doc, pos - PRONOUN_WINDOW, pos)
    body = last_body(doc, pos - PRONOUN_WINDOW, pos)
    if body is not None and (last is None or body[0] > last[0]):
        # "Asiana Airlines said ... '...,' it said": a body a cue had speak, named after any
        # person who spoke
        at, name = body
        return None if someone_else_between(doc, at + 1, pos, name) else _spoken_for(doc, name)
    if last is None:
        return None
    at, name = last
    words = name.split()
    if not is_organisation(name) and (
        len(words) > 1 or doc.skeleton(name) in doc.fullnames or not name[:1].isupper()
    ):
        return None
    if words[0] in given_names() or someone_else_between(doc, at + 1, pos, name):
        return None
    return name


# A document speaks for whoever issued it: "An IAAF statement said", "the Kok report said".
_DOCUMENT_HEADS = frozenset("statement report".split())
_ISSUER = re.compile(r"([A-Z][\w-]*)(?:['’]s)?\s+(?:statement|report)\Z")


_SPOKES_FOR = re.compile(r"\bspokes(?:man|woman|person)\s+for\s+(?:the\s+)?\Z", re.IGNORECASE)


def _spoken_for(doc: Doc, body: str | None) -> str | None:
    """A body the article has speak through its kind or its document is a named source, so
    the printable check (credible.py) takes it as written, acronyms too ("CENTR")."""
    if body is not None and body not in doc.credible:
        # its fuller name when the article has one ("Finance and Economy Ministry"), else as is
        doc.credible[body] = credible_speaker(doc.text, body, doc.fullnames) or body
    return body


def _issuer(doc: Doc, m: Mention) -> str | None:
    """The named issuer of a statement or report: a person the article names in full ("Mr Kok's
    report": Wim Kok) or a body written in capitals ("An IAAF statement"); else None."""
    found = _ISSUER.search(doc.text, m.start, m.end)
    if found is None:
        return None
    word = found.group(1)
    full = doc.fullnames.get(doc.skeleton(word))
    if full and " " in full:
        return full
    return _spoken_for(doc, word) if word.isupper() and len(word) > 1 else None


# the singular heads of NOMINAL_HEADS that TITLES lacks and that name a person by an office,
# as a title does: "the Texas lawmaker said" after "Representative Pete Sessions said" (not
# "expert" or "source": "the expert said" is as often someone the article leaves unnamed)
_HOLDERS = frozenset("lawmaker diplomat prosecutor".split())
# a party's member: "the Republican said" describes a person, as "the senator" does
_PARTY = frozenset("republican democrat".split())
# a title's rank: the deputy is not the office holder, so neither is a guess at the last person
_RANKS = frozenset("deputy vice assistant shadow former acting interim junior".split())
# "the Austrian", "the 24-year-old Swiss": a definite description right before the word
_DEFINITE = re.compile(r"\b[Tt]he\s+(?:[\w-]+-old\s+)?\Z")


def _definite_title(doc: Doc, m: Mention, head: str) -> bool:
    """A title after "the" when the mention left the article out: "the Florida senator",
    "the Republican said". A lowercase role, or a party member's noun, describes someone
    named before; a capitalised office ("the President", "the Queen") names its holder,
    who may be named nowhere, and an acronym ("The SEC") is a body, so neither is one."""
    if not _DEFINITE.search(doc.text, max(0, m.start - 24), m.start):
        return False
    words = [w.strip(".,;:") for w in doc.text[m.start : m.end].split()]
    written = next((w for w in reversed(words) if w.lower() == head), None)
    return written is not None and (written.islower() or (head in _PARTY and written.istitle()))
