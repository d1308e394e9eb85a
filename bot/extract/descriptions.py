"""Who a role description stands for: "said the two-time champion", "The Spectator editor told".

A BBC story names someone once and then describes them ("Britain's Paula Radcliffe has ...
said the two-time champion"). The article itself says which descriptions belong to whom: a role word right
before a name ("the actor Marlon Brando", "Dutchman Jaap Stam") or closing an apposition
after it ("Paula Radcliffe, the two-time champion,"). The role words are a data table counted
from the tune halves (data/role_nouns.txt, bench/count_role_nouns.py).

Precision first. Someone the article gives the role to, or someone named in the
description's paragraph, may be meant; the answer is the one person both ways point to:
the one person named in the paragraph before it (or, with several named there, the one the
story was just talking about, antecedents.refer_back), when the article gives nobody else
the role; with nobody named there, the person the story was just talking about when nobody
else holds the role, else the one holder. Two people who fit, or a paragraph's person and a
different holder of the role (Radcliffe's paragraph, but Bekele the article's "champion"):
nobody.
"""

from __future__ import annotations

import bisect
import re

from bot.extract.antecedents import refer_back
from bot.extract.attribution import Mention
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
