"""Whose plan, pledge or forecast holds a figure: its owner put it forward, whoever reports it.

"Chancellor Gordon Brown's forecast of 3% to 3.5%", "Tory plans to cut £35bn would hit
schools, Labour said", "Labour's £22bn spending plans": the claimant resolver (claimants.py)
asks here before it reads the sentence's reporting verbs.
"""

from __future__ import annotations

import re

from bot.extract.claim_shapes import ACCORDING
from bot.extract.claim_subjects import PERSON
from bot.extract.claimant_names import clean_subject
from bot.model import Sentence

# "Chancellor Gordon Brown's forecast of 3% to 3.5%": the possessor of a forecast or count
_POSSESSIVE_CLAIM = re.compile(
    r"(?P<x>[A-Z][\w.&\-]*(?:\s+(?:of\s+)?[A-Z][\w.&\-]*)*)['’]s\s+(?:own\s+|latest\s+|official\s+)?"
    r"(?:forecasts?|estimates?|predictions?|projections?|figures?|calculations?|count|data"
    r"|survey|poll|target)\s+(?:of\s+|at\s+|was\s+|is\s+|shows?\s+|showed\s+)?"
    r"(?:(?:about|around|some|nearly|almost|over|under|just|an?)\s+)?$"
)
# The owner of a plan, claim or pledge that holds the figure is who put it forward, whoever
# reports it: "Mr Blair derided Tory claims they could cut £35bn", "Tory plans to cut £22bn
# would hit schools, Labour said", "Labour's pledge of £1bn".
_OWNED_PLAN = re.compile(
    r"(?<![\w'’])(?P<x>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3})(?:['’]s?)?\s+"
    r"(?:(?:own|latest|new|rival|spending|tax|election)\s+)?"
    r"(?:plans?|claims?|pledges?|proposals?|promises?|agenda)"
    r"(?:\s+(?:that|they|it|he|she|we|could|would|will|can|to|of|for|a|an|the|[a-z]+ed|[a-z]+))"
    r"{0,5}\s+[^\s\w]{0,3}$"
)
# "Labour's £22bn spending plans", "the Tories' £35bn of cuts": the owner's own figure
_OWNER_BEFORE = re.compile(
    r"(?<![\w'’])(?P<x>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3})['’]s?\s+[^\s\w]{0,3}$"
)
_PLAN_AFTER = re.compile(
    r"[\d.,]+\s*(?:bn|m|k|million|billion|trillion)?\s+(?:of\s+)?(?:[a-z\-]+\s+){0,2}"
    r"(?:plans?|pledges?|proposals?|promises?|programme|package|cuts|savings|tax\s+cuts)\b"
)
# the one verb between a sentence's subject and the plan it puts forward: " also underlined "
_ONE_VERB = re.compile(r"\s+(?:(?:also|again|then|\w+ly)\s+)?[a-z]+(?:ed|s)\s+")
_NOT_OWNERS = frozenset("The A An This That These Those His Her Their Its Our My Your".split())
_CLAUSE_START = re.compile(r"(?:^|[,;:(“\"]|\b(?:and|but|or|that|while|as))\s*$")
_FINITE_AFTER = re.compile(
    r"[^,;:.]*?\b(?:would|will|could|can|is|are|was|were|has|have|had|may|might|must)\b"
)


def _plan_owner(s: str, m: re.Match[str], rel: int) -> bool:
    """Whether _OWNED_PLAN's match reads as a noun phrase owned by its name ("Tory plans to cut
    £35bn would hit schools", "derided Tory claims"), not a name doing the planning ("EA plans
    to release 20 games", "Nasdaq plans to raise $100m": the verb, left to the other rules)."""
    if m.group("x").split()[0] in _NOT_OWNERS or ACCORDING.search(s):
        return False
    if re.match(r"['’]", s[m.end("x") : m.end("x") + 1]):
        return True  # "the Tories' claim that £35bn could be saved": a possessive
    if not _CLAUSE_START.search(s, 0, m.start()):
        return True  # "derided Tory claims", "said Tory plans": the object of a verb
    return _FINITE_AFTER.match(s, rel) is not None  # "Tory plans to cut £22bn would hit"


def plan_owner(text: str, sentences: list[Sentence], si: int, rel: int) -> str | None:
    """The owner of the forecast, count, plan or pledge that holds the figure at rel in
    sentence si, else None."""
    s = sentences[si].text
    m = _POSSESSIVE_CLAIM.search(s, max(0, rel - 120), rel)
    if m:
        found = clean_subject(m.group("x"))
        if found:
            return found  # "Chancellor Gordon Brown's forecast of 3% to 3.5%"
    m = _OWNER_BEFORE.search(s, max(0, rel - 60), rel)
    if m and _PLAN_AFTER.match(s, rel) and m.group("x").split()[0] not in _NOT_OWNERS:
        found = clean_subject(m.group("x"))
        if found:
            return found  # "the Tories said Labour's £22bn tax plans ...": Labour's figure
    m = _OWNED_PLAN.search(s, max(0, rel - 100), rel)
    if m and _plan_owner(s, m, rel):
        found = clean_subject(m.group("x"))
        if found:  # "Tory plans to cut £35bn", "Labour's pledge of £1bn"
            return _owners_member(text, sentences, si, m.start(), m.group("x")) or found
    return None


def _owners_member(
    text: str, sentences: list[Sentence], si: int, at: int, owner: str
) -> str | None:
    """The person who puts forward his own side's plan: "Dr Fox also underlined Tory
    promises to cut tax by £4bn", after "Tory co-chairman Liam Fox", is Dr Fox's claim.
    Only a named person opening the sentence as the subject of the one verb before the
    plan, whom the article introduced with the owner's name; a rival who derides the plan
    ("Mr Blair derided Tory claims") leaves it the owner's."""
    s = sentences[si].text
    p = PERSON.match(s)
    if p is None or not _ONE_VERB.fullmatch(s, p.end(), at):
        return None
    surname = p.group(0).split()[-1]
    before = text[: sentences[si].start]
    introduced = re.search(
        rf"(?<![\w'’]){re.escape(owner)}\s+(?:[\w\-]+\s+){{0,3}}?(?:[A-Z][\w'’\-]+\s+)?"
        rf"{re.escape(surname)}\b",
        before,
    )
    return p.group(0) if introduced else None
