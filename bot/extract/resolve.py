"""Who a source mention stands for: full names, he/she and descriptions resolved to a speaker.

ArticleDoc (doc.py) holds the per-article state and calls in here; this module reads that
state through the Doc protocol below and never builds it, so doc.py -> resolve.py is the only
import between the two (no circle).
"""

from __future__ import annotations

import bisect
import re
from typing import Protocol

from bot.extract.attribution import (
    CUES,
    HONORIFICS,
    NOMINAL_HEADS,
    NOT_NAME,
    NOT_PERSON,
    PERSON_PRONOUNS,
    SURNAME_TITLES,
    TITLES,
    Mention,
    surname,
)
from bot.extract.credible import credible_speaker
from bot.extract.gender import PRONOUN_GENDER, given_names
from bot.extract.lexicon import common_words, role_noun
from bot.extract.speakers import is_organisation
from bot.model import Sentence

PRONOUN_WINDOW = 400  # characters back to look for the speaker a he/she refers to


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
    credible: dict[str, str | None]
    person_like: dict[str, bool]
    lowered: str

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
    return re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text) is not None


def _group_plural(text: str, word: str) -> bool:
    """The article writes word in the plural with no "the" before it ("make Mexicans pay"):
    a people or a group, not one person ("the Clintons" is a family of people named)."""
    return re.search(rf"(?<!\bthe )(?<!\bThe )\b{re.escape(word)}s\b", text) is not None


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


def someone_else_between(doc: Doc, lo: int, pos: int, name: str) -> bool:
    """Between lo and pos a sentence opens with a rival subject, or a person other than
    name is the subject of one: a paragraph opening with a quote may not continue name."""
    if _rival_subject(doc, lo, pos, name) or _other_pronoun(doc, lo, pos, name):
        return True
    k = bisect.bisect_left(doc.person_starts, lo)
    while k < len(doc.persons) and doc.persons[k].start < pos:
        p = doc.persons[k]
        if doc.person_subject[k] and p.name and expand(doc, p.name) != name:
            sent = doc.sentences[sentence_index(doc, p.start)] if doc.sentences else None
            if sent is not None and opens_sentence(doc.text, sent.start, p.start):
                return True
        k += 1
    return False


_HE_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_NEAR_WORDS = 4  # "she confesses: '...'", "he went on to say: '...'"


def _other_pronoun(doc: Doc, lo: int, pos: int, name: str) -> bool:
    """The quote at pos is introduced by a "he" or "she" (outside quotes, a few words before
    it) that cannot be name ("... he calls 'good fun'. Asked if she enjoys ping pong she
    confesses: '...'"): someone else speaks now."""
    last = None
    for m in _HE_SHE.finditer(doc.text, lo, pos):
        if not doc.masked(m.start()):
            last = m
    if last is None:
        return False
    between = doc.text[last.end() : pos].rstrip()
    if len(between.split()) > _NEAR_WORDS or not between.endswith((":", ",")):
        return False  # 'he is "the most pro-life"': the quote's own subject, no speaker
    return not doc.fits(name, last.group().lower())


def _last_speaker(doc: Doc, lo: int, pos: int) -> tuple[int, str] | None:
    """The last (start, name) of doc.speakers in text[lo:pos], if any."""
    k = bisect.bisect_left(doc.speaker_starts, pos) - 1
    if k < 0 or doc.speakers[k][0] < lo:
        return None
    return doc.speakers[k]


def reporter_before(doc: Doc, lo: int, pos: int) -> str | None:
    """The last named speaker of a speech cue in text[lo:pos], when nobody else became the
    subject of a sentence after it."""
    last = _last_speaker(doc, lo, pos)
    if last is None:
        return None
    at, name = last
    return None if someone_else_between(doc, at + 1, pos, name) else name


def expand(doc: Doc, name: str) -> str:
    """A bare or partial name becomes the fullest form of that surname in the article."""
    full = doc.fullnames.get(doc.skeleton(surname(name)))
    if full and len(full.split()) >= len(name.split()):
        given = name.split()[:-1]  # "Bill Clinton" is not "Hillary Clinton"
        if all(w in full.split() for w in given):
            return full
    return name


def resolve(doc: Doc, m: Mention | None) -> str | None:
    """The speaker a source mention stands for: full name, organisation, or resolved he/she."""
    if m is None:
        return None
    if m.kind in ("person", "name") and m.name:
        if (
            m.kind == "name"
            and " " not in m.name
            and _DEFINITE.search(doc.text, max(0, m.start - 24), m.start)
            and doc.skeleton(surname(m.name)) not in doc.fullnames
        ):
            # "the 27-year-old Austrian said", "the Frenchman told": a description of
            # someone named before, not a name
            return _refer_back(doc, m.start, "")
        return expand(doc, m.name) if speaker_ok(doc, m) else None
    if m.kind == "org":
        return m.name
    if m.kind == "pronoun":
        if m.name == "it":
            return _body_back(doc, m.start)
        if m.name not in PERSON_PRONOUNS:
            return None
        name = _refer_back(doc, m.start, m.name)
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
        if m.titles == ("the", "year-old"):  # "said the 28-year-old"
            return _refer_back(doc, m.start, "")
        if m.titles and m.titles[-1] in _DOCUMENT_HEADS:
            return _issuer(doc, m)
        heads = [w for w in m.titles if w in TITLES or w in NOMINAL_HEADS]
        if not heads:
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
            and m.titles[0] == "the"
            and head in TITLES
            and head not in _BODY_HEADS
            and not any(t.endswith(("'s", "’s")) for t in m.titles)
        ):
            # "the former pollster said": the person the article was just talking about
            return _refer_back(doc, m.start, "")
        return None
    return None


def _body_back(doc: Doc, pos: int) -> str | None:
    """ "It said: ..." after "Google said ...": the last speaker within PRONOUN_WINDOW when
    that is a body, never someone with a given name or a known person, and nobody else became
    a subject in between."""
    last = _last_speaker(doc, pos - PRONOUN_WINDOW, pos)
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
    return word if word.isupper() and len(word) > 1 else None


# a title's rank: the deputy is not the office holder, so neither is a guess at the last person
_RANKS = frozenset("deputy vice assistant shadow former acting interim junior".split())
# "the Austrian", "the 24-year-old Swiss": a definite description right before the word
_DEFINITE = re.compile(r"\b[Tt]he\s+(?:[\w-]+-old\s+)?\Z")
# modifiers, and roles that speak for someone else ("the spokesman said" is not the boss)
_BODY_HEADS = frozenset(
    """state first press top senior acting interim foreign defence defense spokesman spokeswoman
    spokesperson adviser advisor assistant deputy official officials""".split()
)


def _refer_back(doc: Doc, pos: int, pronoun: str) -> str | None:
    """The person a he/she (or a definite description: pronoun "") at pos refers to: the
    last named speaker within PRONOUN_WINDOW it fits, unless a nearer subject or a rival
    intervenes, else the subject of a recent sentence (gender.py decides who fits)."""
    k = bisect.bisect_left(doc.speaker_starts, pos) - 1
    while (  # "Sanders said ... “...,” she said": not a speaker the pronoun cannot be
        k >= 0
        and pos - doc.speakers[k][0] <= PRONOUN_WINDOW
        and not (doc.fits(doc.speakers[k][1], pronoun) and person_speaker(doc, doc.speakers[k][1]))
    ):
        k -= 1
    if k >= 0 and pos - doc.speakers[k][0] <= PRONOUN_WINDOW:
        closer = _sentence_subject_after(doc, doc.speakers[k][0], pos, pronoun)
        if closer is None and _rival_subject(doc, doc.speakers[k][0], pos, doc.speakers[k][1]):
            return None  # two could be "he": abstain
        return closer or doc.speakers[k][1]
    chained = _chain_back(doc, pos, pronoun)
    if chained is not None:
        return chained
    name = _antecedent(doc, pos, pronoun)
    if not pronoun and name is not None and not _named_person(doc, expand(doc, name)):
        return None  # a description with no speaker near: only someone named as a person
    return name


CHAIN_WINDOW = 3 * PRONOUN_WINDOW


def _chain_back(doc: Doc, pos: int, pronoun: str) -> str | None:
    """The last speaker further back than PRONOUN_WINDOW when nobody else is named since
    ("'...,' she said. ... she was forced off ... she still won ... '...,' said the
    22-year-old"): the only person the article is about there."""
    last = _last_speaker(doc, pos - CHAIN_WINDOW, pos)
    if last is None:
        return None
    at, name = last
    if not (doc.fits(name, pronoun) and person_speaker(doc, name)):
        return None
    j = bisect.bisect_right(doc.person_starts, at)
    while j < len(doc.persons) and doc.persons[j].start < pos:
        other = doc.persons[j].name
        if (
            other
            and expand(doc, other) != name
            and doc.fits(other, pronoun)
            and person_speaker(doc, expand(doc, other))
        ):
            return None
        j += 1
    return None if _rival_subject(doc, at, pos, name) else name


def _named_person(doc: Doc, name: str) -> bool:
    """A given name from the table opens name, or the article names them in full with the
    surname standing alone elsewhere ("Andre Agassi" ... "Agassi, who has won")."""
    words = name.split()
    if words[0] in given_names():
        return True
    return len(words) >= 2 and _lone_surname(doc.text, words[-1])


def _lone_surname(text: str, word: str) -> bool:
    """word alone opens a sentence or paragraph, a lowercase word or a comma after it."""
    return re.search(rf"(?:^|[.!?]\s+|\n){re.escape(word)}(?:,|\s+[a-z])", text) is not None


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


def _sentence_subject_after(doc: Doc, lo: int, pos: int, pronoun: str) -> str | None:
    """A person opening a later sentence than the last speaker ("Trump mentioned ...") is
    nearer, when the pronoun fits them."""
    k = bisect.bisect_left(doc.person_starts, pos) - 1
    while k >= 0 and doc.persons[k].start > lo:
        p = doc.persons[k]
        sent = doc.sentences[sentence_index(doc, p.start)] if doc.sentences else None
        if (
            sent is not None
            and sent.start > lo
            and doc.person_subject[k]
            and opens_sentence(doc.text, sent.start, p.start)
            and p.name
            and doc.fits(p.name, pronoun)
        ):
            return expand(doc, p.name)
        k -= 1
    return None


_LEAD_CONJUNCTION = re.compile(r"(?:But|And|Yet|So|Meanwhile|However|Now),?\s+")
_LEAD_ROLE = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,4}(?:[a-z][\w-]*\s+){1,2}")
_LEAD_TITLES = re.compile(r"(?:\b[A-Z][a-z]*\.?\s+)+$")


def opens_sentence(text: str, sent_start: int, pos: int) -> bool:
    """Only an introductory phrase (up to a comma), and titles ("Mr", "Foreign Secretary"),
    precede pos in its sentence."""
    lead = _LEAD_CONJUNCTION.sub("", text[sent_start:pos], count=1)
    titles = _LEAD_TITLES.search(lead)
    if titles and all(
        w.rstrip(".").lower() in TITLES or w.rstrip(".").lower() in HONORIFICS
        for w in titles.group(0).split()
    ):
        lead = lead[: titles.start()]  # "Chief constable Mr Hayman": then the role goes too
    intro, comma, role = lead.rpartition(",")
    if comma and "," not in intro and len(intro) < 60 and role.strip():
        lead = role.lstrip()  # "Speaking in Beijing, Chinese Foreign Ministry spokesman Lu Kang"
    if lead and _LEAD_ROLE.fullmatch(lead) and any(role_noun(w.lower()) for w in lead.split()):
        lead = ""  # "Liberal Democrat leader Charles Kennedy": a party and a role
    return not lead.strip() or (
        lead.rstrip().endswith(",") and lead.count(",") == 1 and len(lead) < 60
    )


# A sentence opening "The chancellor ..." or "The 24-year-old ...": someone else "he" may be.
_NOMINAL_OPENER = re.compile(
    r"(?:[^,]{0,50},\s+)?The\s+"
    r"(?:[\w-]+\s+){0,2}?([a-z][\w-]*)\b"
)


def _rival_subject(doc: Doc, lo: int, pos: int, name: str | None = None) -> bool:
    """A sentence after lo and before pos opens with another possible "he": a role ("The
    chancellor meanwhile insisted") or a capitalised name the article does not know. A role
    that nobody else in the article holds describes name itself ("Ayotte said ... The
    Republican incumbent said ... she said")."""
    si, sj = sentence_index(doc, lo), sentence_index(doc, pos)
    text = doc.text
    for i in range(si + 1, sj + 1):
        sent = doc.sentences[i]
        if sent.start >= pos:
            break
        m = _NOMINAL_OPENER.match(text, sent.start, min(pos, sent.end))
        if m and (m.group(1) in NOMINAL_HEADS or m.group(1) in TITLES):
            if name is None or _held_by_other(doc, m.group(1), name):
                return True
            continue
        head = _speaking_role(text, sent.start, min(pos, sent.end))
        if head and (name is None or not _holds(doc, head, name)):
            return True  # "The Labour MP for Birkenhead asked ...": someone unnamed spoke
        first = text[sent.start : sent.start + 30].split(" ", 2)
        if len(first) >= 2 and _unknown_name(doc, first[0], first[1], sent.start):
            return True
    return False


_PRONOUN_OPENER = re.compile(r"(?:(?:But|And|Yet|So|However),?\s+)?(He|She)\b")


def _opened_by_pronoun(doc: Doc, i: int, pronoun: str) -> bool:
    """Sentence i opens with he/she of the pronoun's gender."""
    if pronoun not in PRONOUN_GENDER:
        return False
    m = _PRONOUN_OPENER.match(doc.text, doc.sentences[i].start)
    return m is not None and PRONOUN_GENDER[m.group(1).lower()] == PRONOUN_GENDER[pronoun]


# "The Labour MP for Birkenhead asked": a role held for a named seat or body, then a speech
# verb (the lowercase-only opener above misses it).
_ROLE_OPENER = re.compile(r"(?:[^,]{0,50},\s+)?The\s+")
# '"... ?" the Labour MP for Birkenhead asked': the role right after a closing quote mark
_ROLE_AFTER_QUOTE = re.compile(r"[”\"’'][,.?!]?\s+the\s+")
_ROLE_WORDS = 7


def _speaking_role(text: str, a: int, b: int) -> str:
    """The role word (lowercased) of a sentence that opens with a description of someone
    who speaks and holds one particular office ("The Labour MP for Birkenhead asked"), else
    ""; "the Florida senator said" is left to the description rules (often the last speaker)."""
    m = _ROLE_OPENER.match(text, a, b) or _ROLE_AFTER_QUOTE.search(text, a, b)
    if m is None:
        return ""
    head = ""
    seat = False  # "MP for Birkenhead": one particular office, not "the Florida senator"
    words = text[m.end() : b].split()[:_ROLE_WORDS]
    for i, w in enumerate(words):
        low = w.strip(",;:.").lower()
        if low in CUES and w[:1].islower():
            return head if seat else ""
        if low in TITLES:
            head = low
        elif head and low in ("for", "of") and i + 1 < len(words) and words[i + 1][:1].isupper():
            seat = True
        if w[-1:] in ",;:.":
            return ""
    return ""


def _holds(doc: Doc, head: str, name: str) -> bool:
    """The article gives name the role head ("Chancellor Gordon Brown", "Tory leader
    Michael Howard")."""
    return any(
        p.name and expand(doc, p.name) == name and _titled(doc, p, head) for p in doc.persons
    )


def _held_by_other(doc: Doc, head: str, name: str) -> bool:
    """Someone other than name carries the role head in this article ("Chancellor Gordon
    Brown"), or the role speaks for a body ("The spokesman said"): a rival "he"."""
    if head in _BODY_HEADS:
        return True
    return any(
        p.name and expand(doc, p.name) != name and _titled(doc, p, head) for p in doc.persons
    )


def _titled(doc: Doc, p: Mention, head: str) -> bool:
    """The mention carries the role head, or the role word stands right before it in the
    text ("Tory leader Michael Howard", where "Tory" was read as a name of its own)."""
    if head in p.titles:
        return True
    before = doc.text[max(0, p.start - len(head) - 1) : p.start]
    return before[:-1].lower() == head and before[-1:] == " "


def _unknown_name(doc: Doc, word: str, nxt: str, at: int) -> bool:
    """`Roddick broke a racket`: a capitalised word, not a common one, before a lowercase verb."""
    if not (word[:1].isupper() and word.isalpha() and nxt[:1].islower()):
        return False
    low = word.lower()
    if low in NOT_NAME or low in common_words() or doc.skeleton(word) in doc.fullnames:
        return False
    if _plural_of_common(low):
        return False  # "Studies have shown": a plural of a common noun, nobody "he" can be
    k = bisect.bisect_left(doc.person_starts, at)
    return not (k < len(doc.persons) and doc.persons[k].start == at)


def _plural_of_common(low: str) -> bool:
    """ "studies" (study), "officials" (official): the plural of a word copy writes in lowercase."""
    words = common_words()
    if low.endswith("ies") and low[:-3] + "y" in words:
        return True
    return low.endswith("s") and not low.endswith("ss") and low[:-1] in words


def _role_subject(doc: Doc, si: int, pos: int, pronoun: str) -> str | None:
    """The nearest sentence before pos (of the last three) opening with a subject: when that
    is a role ("The Tory leader was asked ... He replies: '...'"), the one person the article
    gives the role ("Tory leader Michael Howard"), or "" (abstain) when several hold it or
    the one does not fit the pronoun; None when a name opens it or nobody is given the role
    ("the front-runner said"): the caller's rules decide."""
    for i in range(si, max(-1, si - 4), -1):
        sent = doc.sentences[i]
        if sent.start >= pos:
            continue
        k = bisect.bisect_left(doc.person_starts, sent.start)
        if (
            k < len(doc.persons)
            and doc.persons[k].start < min(pos, sent.end)
            and doc.person_subject[k]
            and opens_sentence(doc.text, sent.start, doc.persons[k].start)
        ):
            return None  # a name opens it
        m = _NOMINAL_OPENER.match(doc.text, sent.start, min(pos, sent.end))
        if m is None or not (m.group(1) in NOMINAL_HEADS or m.group(1) in TITLES):
            continue
        if m.group(1) in _BODY_HEADS:
            return None
        holders = {
            expand(doc, p.name) for p in doc.persons if p.name and _titled(doc, p, m.group(1))
        }
        if len(holders) == 1:
            name = holders.pop()
            return name if doc.fits(name, pronoun) and person_speaker(doc, name) else ""
        return "" if holders else None  # "the front-runner": nobody titled so, rules decide
    return None


_LIST_LEAD = re.compile(
    r"\b(?:including|such\s+as|among\s+them|among\s+whom|like)\s+(?:[a-z][\w-]*\s+){0,2}\Z"
)


def in_list(text: str, start: int) -> bool:
    """The name at start is a member of a list ("eight players, including captain Gareth
    Thomas"): never the subject a he/she picks up, nor a fallback for one."""
    return _LIST_LEAD.search(text, max(0, start - 40), start) is not None


def _antecedent(doc: Doc, pos: int, pronoun: str) -> str | None:
    """he/she with no recent speaker: the subject-like person the pronoun fits in the
    nearest earlier sentence."""
    k = bisect.bisect_left(doc.person_starts, pos) - 1
    if k < 0:
        return None
    si = sentence_index(doc, pos)
    limit = doc.sentences[max(0, si - 3)].start if doc.sentences else 0
    held = _role_subject(doc, si, pos, pronoun)
    if held is not None:
        return held or None
    best: int | None = None
    j = k
    while j >= 0 and doc.persons[j].start >= limit:
        cur_sent = sentence_index(doc, doc.persons[j].start)
        # first subject-like mention of that sentence
        first = None
        while j >= 0 and sentence_index(doc, doc.persons[j].start) == cur_sent:
            if (
                doc.person_subject[j]
                and doc.fits(doc.persons[j].name, pronoun)
                and (not pronoun or person_speaker(doc, expand(doc, doc.persons[j].name or "")))
            ):  # he/she is never a body or a place ("China may outnumber ... he says")
                first = j
            j -= 1
        if first is not None and _opened_by_pronoun(doc, cur_sent, pronoun):
            # "He pointed out that Franz Ferdinand ...": the sentence is about the same "he"
            # as the pronoun, so a name inside it is not who "he" is: look further back
            first = None
            limit = doc.sentences[max(0, cur_sent - 3)].start
        if first is not None:
            best = first
            break
    if best is None:  # "taken for granted by Tony Blair": a subject-like person before an object
        fit = (
            j
            for j in range(k, -1, -1)
            if doc.fits(doc.persons[j].name, pronoun)
            and not in_list(doc.text, doc.persons[j].start)
        )
        subj = [j for j in range(k, -1, -1) if doc.person_subject[j]]
        best = next((j for j in subj if doc.fits(doc.persons[j].name, pronoun)), None)
        if best is None:
            best = next(fit, None)
        if best is None:
            return None
    if _rival_subject(doc, doc.persons[best].start, pos, expand(doc, doc.persons[best].name or "")):
        return None  # two could be "he": abstain
    name = doc.persons[best].name
    if not name or not person_speaker(doc, expand(doc, name)):
        return None  # the nearest subject is a body ("The Lib Dems say"): abstain
    return expand(doc, name)
