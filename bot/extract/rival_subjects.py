"""Who else could be speaking: between a speaker and a later quote or pronoun, a sentence
opened by another subject (a name, a role, an unknown capitalised word, another he/she).
Run-ons and continued paragraphs (quotes.py) and pronoun antecedents (antecedents.py) ask
here before they give a quote to the last speaker, and abstain when someone else fits.
"""

from __future__ import annotations

import bisect
import re

from bot.extract.attribution import CUES, HONORIFICS, NOMINAL_HEADS, NOT_NAME, TITLES
from bot.extract.lexicon import common_words, role_noun
from bot.extract.mentions import Mention
from bot.extract.name_checks import Doc, expand, last_body, last_speaker, sentence_index

# modifiers, and roles that speak for someone else ("the spokesman said" is not the boss)
BODY_HEADS = frozenset(
    """state first press top senior acting interim foreign defence defense spokesman spokeswoman
    spokesperson adviser advisor assistant deputy official officials""".split()
)


def someone_else_between(doc: Doc, lo: int, pos: int, name: str) -> bool:
    """Between lo and pos a sentence opens with a rival subject, or a person other than
    name is the subject of one: a paragraph opening with a quote may not continue name."""
    if rival_subject(doc, lo, pos, name) or _other_pronoun(doc, lo, pos, name):
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


def reporter_before(doc: Doc, lo: int, pos: int) -> str | None:
    """The last named speaker of a speech cue in text[lo:pos], when nobody else became the
    subject of a sentence after it."""
    last = last_speaker(doc, lo, pos)
    body = last_body(doc, lo, pos)
    if body is not None and (last is None or body[0] > last[0]):
        # 'the Cabinet Office said it was reviewing ... "Unions will ..."'; not 'The Bangkok
        # Post said the minister was angry. "We will ..."': the person it reports may speak
        if _person_after(doc, body[0] + len(body[1]), pos):
            return None
        last = body
    if last is None:
        return None
    at, name = last
    return None if someone_else_between(doc, at + 1, pos, name) else name


def _person_after(doc: Doc, lo: int, pos: int) -> bool:
    """A person is named ("Don Pramudwinai") or described ("the minister") outside quotes in
    text[lo:pos]."""
    k = bisect.bisect_left(doc.person_starts, lo)
    if k < len(doc.persons) and doc.persons[k].start < pos:
        return True
    return any(
        role_noun(w.group()) and not doc.masked(w.start())
        for w in _WORD.finditer(doc.text, lo, pos)
    )


_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]+")
_LEAD_CONJUNCTION = re.compile(r"(?:But|And|Yet|So|Meanwhile|However|Now),?\s+")
_LEAD_ROLE = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,4}(?:[a-z][\w-]*\s+){1,2}")
_LEAD_TITLES = re.compile(r"(?:\b[A-Z][a-z]*\.?\s+)+$")
_PLACE_TITLE_WORDS = 3  # "Cocoa Mayor", "Police Chief", "New York Gov."


def opens_sentence(text: str, sent_start: int, pos: int) -> bool:
    """Only an introductory phrase (up to a comma), and titles ("Mr", "Foreign Secretary"),
    precede pos in its sentence."""
    lead = _LEAD_CONJUNCTION.sub("", text[sent_start:pos], count=1)
    titles = _LEAD_TITLES.search(lead)
    words = [w.rstrip(".").lower() for w in titles.group(0).split()] if titles else []
    if titles and (
        all(w in TITLES or w in HONORIFICS for w in words)
        or (len(words) <= _PLACE_TITLE_WORDS and words[-1] in TITLES)
    ):
        # "Chief constable Mr Hayman": then the role goes too; "Cocoa Mayor Henry Parrish":
        # a place or a body before the title is part of the title
        lead = lead[: titles.start()]
    intro, comma, role = lead.rpartition(",")
    if comma and "," not in intro and len(intro) < 60 and role.strip():
        lead = role.lstrip()  # "Speaking in Beijing, Chinese Foreign Ministry spokesman Lu Kang"
    if lead and _LEAD_ROLE.fullmatch(lead) and any(role_noun(w.lower()) for w in lead.split()):
        lead = ""  # "Liberal Democrat leader Charles Kennedy": a party and a role
    return not lead.strip() or (
        lead.rstrip().endswith(",") and lead.count(",") == 1 and len(lead) < 60
    )


# A sentence opening "The chancellor ...", "The 24-year-old ...", "A spokesman for the
# Oxford University Press said ..." or "A Department for Work and Pensions spokeswoman
# confirmed ...": someone else "he" may be.
NOMINAL_OPENER = re.compile(
    r"(?:[^,]{0,50},\s+)?(?:The|An?)\s+"
    r"(?:[A-Z][\w.&'’-]*\s+(?:(?:for|of|and|on|the)\s+)*){0,6}"
    r"(?:[\w-]+\s+){0,2}?([a-z][\w-]*)\b"
)


def rival_subject(doc: Doc, lo: int, pos: int, name: str | None = None) -> bool:
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
        m = NOMINAL_OPENER.match(text, sent.start, min(pos, sent.end))
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
    return any(p.name and expand(doc, p.name) == name and titled(doc, p, head) for p in doc.persons)


def _held_by_other(doc: Doc, head: str, name: str) -> bool:
    """Someone other than name carries the role head in this article ("Chancellor Gordon
    Brown"), or the role speaks for a body ("The spokesman said"): a rival "he"."""
    if head in BODY_HEADS:
        return True
    return any(p.name and expand(doc, p.name) != name and titled(doc, p, head) for p in doc.persons)


def titled(doc: Doc, p: Mention, head: str) -> bool:
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
