"""Who a description stands for: "said the two-time champion", "The Spectator editor told",
"said the 32-year-old".

A BBC story names someone once and then describes them ("Britain's Paula Radcliffe has ...
said the two-time champion"). The article itself says which descriptions belong to whom: a
role word right before a name ("the actor Marlon Brando", "Dutchman Jaap Stam") or closing an
apposition after it ("Paula Radcliffe, the two-time champion,"). The role words are a data
table counted from the tune halves (data/role_nouns.txt, bench/count_role_nouns.py).

Precision first. Someone the article gives the role to, or someone named in the
description's paragraph, may be meant; the answer is the one person both ways point to:
the one person named in the paragraph before it (or, with several named there, the one the
story was just talking about, antecedents.refer_back), when the article gives nobody else
the role; with nobody named there, the person the story was just talking about when nobody
else holds the role, else the one holder. Two people who fit, or a paragraph's person and a
different holder of the role (Radcliffe's paragraph, but Bekele the article's "champion"):
nobody. An age ("the 32-year-old") is the one person the article gives that age ("Jaap
Stam, 32,"), else the person the story was just talking about unless the article gives them
another age.
"""

from __future__ import annotations

import bisect
import re

from bot.extract.antecedents import refer_back
from bot.extract.lexicon import person_agent
from bot.extract.mentions import Mention
from bot.extract.name_checks import Doc, expand, person_speaker

# the role word closing an apposition after a name: ", the two-time champion," / ", a 32-year-old
# defender."
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}?([a-z][\w-]*)\s*[,.;)]")
# the words right before a name: "the actor ", "Dutchman ", "two-time champion "
_BEFORE_NAME = re.compile(r"([A-Za-z][\w-]*)\s+\Z")


def holders(doc: Doc, noun: str) -> set[str]:
    """The people the article describes with the role noun, by their full names."""
    out: set[str] = set()
    text = doc.text
    for p in doc.persons:
        if not p.name:
            continue
        if noun in p.titles:
            out.add(expand(doc, p.name))
            continue
        m = _BEFORE_NAME.search(text, max(0, p.start - 40), p.start)
        if m is not None and m.group(1).lower() == noun:
            out.add(expand(doc, p.name))
            continue
        m = _APPOSITION.match(text, p.end)
        if m is not None and m.group(1).lower() == noun:
            out.add(expand(doc, p.name))
    return out


def described_person(doc: Doc, m: Mention, head: str) -> str | None:
    """The person "the <...> head" at m refers to, or None (abstain)."""
    para = _named_in_paragraph(doc, m.start)
    held = holders(doc, head)
    if len(para) == 1:  # "- Britain's Paula Radcliffe has ... said the two-time champion"
        return para[0] if not held or para[0] in held else None
    near = refer_back(doc, m.start, "")
    if para:
        return near if near in para and (not held or near in held) else None
    if len(held) > 1:
        return None  # "City coach Tom Walsh and United coach Peter Grant": either
    if near is not None and (not held or near in held):
        return near
    if near is None and len(held) == 1:
        return held.pop()
    return None


_LINKS = frozenset("of on in at for with from about against over under by to".split())


def agent_role(doc: Doc, m: Mention, noun: str) -> bool:
    """Whether "the <...> noun" at m may describe someone named: an agent noun outside the
    counted table ("the filmmaker said", "the youngster said") when the article has not
    brought in an unnamed one before ("a police officer ... the officer said")."""
    if m.titles[-1] != noun or not person_agent(noun) or _LINKS.intersection(m.titles):
        return False  # "the section on murder said": the noun heads no description
    return not _unnamed_before(doc, noun, m.start)


def _unnamed_before(doc: Doc, noun: str, pos: int) -> bool:
    """ "a filmmaker", "one officer", "another witness", "filmmakers": the article speaks of
    someone by the noun without a name before pos."""
    pat = re.compile(
        r"\b(?:an?|one|another|some|any)\s+(?:[\w'’-]+\s+){0,3}?" + re.escape(noun) + r"\b"
        r"|\b" + re.escape(noun) + r"s\b",
        re.IGNORECASE,
    )
    return pat.search(doc.text, 0, pos) is not None


def _named_in_paragraph(doc: Doc, pos: int) -> list[str]:
    """The people (full names, first mention first) named in pos's paragraph before pos."""
    lo = doc.text.rfind("\n", 0, pos) + 1
    out: list[str] = []
    k = bisect.bisect_left(doc.person_starts, lo)
    while k < len(doc.persons) and doc.persons[k].start < pos:
        p = doc.persons[k]
        k += 1
        if not p.name or doc.masked(p.start):
            continue
        name = expand(doc, p.name)
        if name not in out and person_speaker(doc, name):
            out.append(name)
    return out


_AGE = re.compile(r"(\d{1,3})\s*-\s*year-old")


def aged_person(doc: Doc, m: Mention) -> str | None:
    """ "said the 32-year-old": the one person the article gives that age ("Jaap Stam, 32,",
    "the 32-year-old Jaap Stam"); else the person the story was just talking about, unless
    the article gives them another age; None when two people are that age."""
    near = refer_back(doc, m.start, "")
    found = _AGE.search(doc.text, m.start, m.end)
    if found is None:
        return near
    ages = _ages(doc)
    age = found.group(1)
    held = {name for name, a in ages.items() if a == age}
    if len(held) == 1:
        return held.pop()
    if held:
        return near if near in held else None
    return None if near is not None and near in ages else near


_STATED_AFTER = re.compile(r",\s*(\d{1,3}),")
_STATED_BEFORE = re.compile(r"(\d{1,3})-year-old\s+(?:[a-z][\w-]*\s+){0,3}\Z")


def _ages(doc: Doc) -> dict[str, str]:
    """Full name -> the age the article states beside it ("Stam, 32," / "32-year-old Stam");
    a name given two different ages is left out."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    text = doc.text
    for p in doc.persons:
        if not p.name:
            continue
        after = _STATED_AFTER.match(text, p.end)
        before = _STATED_BEFORE.search(text, max(0, p.start - 40), p.start)
        age = after.group(1) if after else before.group(1) if before else None
        if age is None:
            continue
        name = expand(doc, p.name)
        if out.get(name, age) != age:
            clash.add(name)
        out[name] = age
    return {n: a for n, a in out.items() if n not in clash}
