"""Bare surnames as mentions of the people the article names, and which mentions may be
the subject a he/she refers to.

Run once per article by doc.prepare after the full names and cue speakers are collected:
"Brown said" after "Gordon Brown" is a mention of him; a name after "with the" or before a
party label on a role ("Tory co-chairman Liam Fox") is not the subject a pronoun refers to.
"""

from __future__ import annotations

import bisect
import re

from bot.extract.attribution import AUX, CUES, NOT_NAME
from bot.extract.gender import given_names
from bot.extract.lexicon import role_noun
from bot.extract.mentions import Mention, surname
from bot.extract.name_checks import Doc, in_list


def add_surname_mentions(doc: Doc, blanked: str) -> None:
    """Bare surnames of people named in full elsewhere, or quoted as speakers, are mentions of them."""
    words = {name.split()[-1] for name in doc.fullnames.values() if name}
    words.update(name for _, name in doc.speakers if " " not in name)
    covered = sorted((p.start, p.end) for p in doc.persons)
    starts = [a for a, _ in covered]
    for word in words:
        if len(word) < 3 or word.lower() in NOT_NAME:
            continue
        pos = blanked.find(word)
        while pos >= 0:
            end = pos + len(word)
            k = bisect.bisect_right(starts, pos) - 1
            if _standalone(blanked, pos, end) and not (k >= 0 and covered[k][1] > pos):
                doc.persons.append(Mention(word, "name", pos, end))
            pos = blanked.find(word, end)
    doc.persons.sort(key=lambda p: p.start)
    doc.person_starts = [p.start for p in doc.persons]
    text = doc.text
    doc.person_subject = [
        not text.startswith(("’s", "'s", "’", "'"), p.end)
        and _PREV_WORD.search(text, max(0, p.start - 12), p.start) is None
        and _OBJECT_ROLE.search(text, max(0, p.start - 50), p.start) is None
        and not in_list(text, p.start)
        and not _label_before(doc, k)
        for k, p in enumerate(doc.persons)
    ]


_ROLE_WORDS = re.compile(r"(?:\s+[a-z][a-z\-]+){1,4}\s+\Z")


def _label_before(doc: Doc, k: int) -> bool:
    """persons[k] comes right before up to four lowercase words ending in a role noun, then the
    next person ("Tory co-chairman Liam Fox", "Lib Dem home affairs spokesman Mark Oaten"): a
    party or place label on the role, so not the subject a he/she refers to."""
    p = doc.persons[k]
    if k + 1 >= len(doc.persons) or not p.name or p.titles:
        return False
    nxt = doc.persons[k + 1].start
    if nxt - p.end > 60 or not doc.text[p.end : p.end + 2].strip(" ")[:1].islower():
        return False  # cheap test first: a lowercase word right after the mention
    m = _ROLE_WORDS.match(doc.text, p.end, nxt)
    if m is None or m.end() != nxt:
        return False
    *mods, head = m.group(0).split()
    # "Navratilova will partner Nathalie Dechy", "accused shadow chancellor": a verb, no label
    if not role_noun(head) or any(w.endswith("ed") or w in CUES or w in AUX for w in mods):
        return False
    if doc.fullnames.get(doc.skeleton(surname(p.name)), p.name) != p.name:
        return False  # "Brown accused shadow chancellor Oliver Letwin": Gordon Brown, who acts
    last = re.escape(p.name.split()[-1])
    # a person the article goes on to call by surname ("Brown said"), not a label
    return p.name.split()[0] not in given_names() or not re.search(
        rf"(?:^|[.!?]\s+|\n){last}(?:,|\s+[a-z])", doc.text
    )


_PREV_WORD = re.compile(
    r"\b(?:of|at|for|from|to|with|in|by|on|about|against|and|than|like|the|same|these|those)\s+$",
    re.IGNORECASE,
)  # "walls plastered with the same Dirty Dancing ... posters": an object, no one "she" is
_OBJECT_ROLE = re.compile(
    r"\b(?:of|at|for|from|to|with|by|through|via)\s+(?:his|her|their|its)\s+(?:[a-z][\w-]*\s+){1,3}\Z"
)  # "released through her attorney Rich Nichols, Jones repeated": someone's role, an object


def _standalone(text: str, a: int, b: int) -> bool:
    """text[a:b] is a whole word, not part of a longer capitalised run ("Trump Tower")."""
    if a > 0 and (text[a - 1].isalnum() or text[a - 1] in "'’.-"):
        return False
    if b < len(text) and (text[b].isalnum() or text[b] == "-"):
        return False
    if text[b : b + 1] == " " and text[b + 1 : b + 2].isupper():
        return False
    if a >= 2 and text[a - 1] == " ":
        before = _word_before(text, a)
        return not (before[:1].isupper() and before.lower() not in NOT_NAME)
    return True


def _word_before(text: str, a: int) -> str:
    k = a - 1
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k : a - 1]
