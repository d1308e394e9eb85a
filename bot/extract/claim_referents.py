"""Which body "the firm", "the site" or "the party" is, when a figure is credited to it.

"according to the site", "the firm said", "The party says" name a body only by its kind. The
article names it once with that kind word beside the name ("the website Friends Reunited",
"security firm MessageLabs", "the Friends Reunited website"); when it names exactly one such
body before the figure, that name is the claimant, else the kind stays as it was (precision
first: two firms named so, and "the firm" could be either). "the company", "the firm" and "the
group" take a business named by any word for one ("Indian drugmaker Dr Reddy's") when their own
word names none. A body named only as someone's employer ("consultant at security firm
Sophos") is not one the article refers back to, and none is when the article wrote "the firm"
before it named any firm so.

Over bbc_dev this names 26 claimants that were "the firm", "the company", "the site" or none;
each was read by hand (stop 25), none wrong.
"""

from __future__ import annotations

import re
from functools import cache

from bot.extract.lexicon import BODY_WORDS, NOT_BODIES, role_noun

# the kinds a body is referred back to by; "report", "industry", "business" and "body" name
# no one body
KINDS = frozenset(BODY_WORDS) - {"report", "industry", "business", "body"} | {"site", "website"}

_KIND_REF = re.compile(r"(?:[Tt]he|[Ii]ts)\s+([a-z]+)")
# capitalised words, a hyphen joining capitalised parts only ("Rolls-Royce", not
# "Montreal-based"), a web address's ending ("Amazon.co.uk")
_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*"
_NAME = _WORD + r"(?:\.[a-z]{2,3}){0,2}\b(?:\s+(?:&\s+)?" + _WORD + r"){0,4}\b(?!-)"
# a word that opens a clause or a date, not a name: "the firm In 2004", "the site Last week"
_NOT_NAME_START = frozenset(
    """The A An In On At For By From To With This That These Those It Its He She They We I
    But And Or As If When While After Before Since Last Next Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September
    October November December Mr Mrs Ms Dr""".split()
)


# "the company", "the firm" and "the group" refer back to a business named by any word for
# one ("German telecoms firm Deutsche Telekom ... The company", "Indian drugmaker Dr Reddy's
# ... The firm"); not "network" ("mobile phone network Orange" is owned by "the company")
_BUSINESS = frozenset("company firm group".split())
_BUSINESS_WORDS = (
    r"(?:firm|company|group|corporation|conglomerate|giant|[a-z]*maker|operator|retailer"
    r"|airline|carrier|chain|lender|insurer|publisher|developer|manufacturer|producer|supplier"
    r"|consultancy)"
)


# "Nabisco's parent company, Mondelez International": a second business, so "the company"
# could be either
_RELATION_BEFORE = re.compile(r"\b(?:parent|holding|sister|rival|owner|partner)\s+$")
# a person's employer, named only to say who they are
_AFFILIATION = re.compile(r"\b([a-z]+)\s+(?:at|from|with|for|of)\s+(?:[\w'’\-]+\s+){0,3}$")


def _kind_words(kind: str) -> str:
    return r"(?:web)?site" if kind in ("site", "website") else re.escape(kind)


@cache
def _patterns(k: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where the kind words k stand beside a name: before it, or after "the <name>"."""
    return (
        re.compile(r"\b" + k + r",?\s+(?P<x>" + _NAME + r")"),  # "security firm MessageLabs"
        re.compile(r"\b[Tt]he\s+(?P<x>" + _NAME + r")\s+" + k + r"\b"),  # "the X website"
    )


def _clean(name: str) -> str | None:
    name = re.sub(r"['’]s?$", "", name.strip(" .,"))
    words = name.split()
    if not words or words[0] in _NOT_NAME_START:
        return None
    return name


def _named_so(text: str, upto: int, k: str) -> tuple[dict[str, str], int]:
    """The names written beside kind words k before upto (name -> how to print it), and
    where the first one is."""
    found: dict[str, str] = {}
    first = upto
    for before, pattern in zip((True, False), _patterns(k), strict=True):
        for m in pattern.finditer(text, 0, upto):
            name = _clean(m.group("x"))
            aff = _AFFILIATION.search(text, max(0, m.start() - 50), m.start()) if before else None
            related = before and _RELATION_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if name is None or (
                not related and aff is not None and role_noun(aff.group(1).lower())
            ):
                continue  # "senior consultant at security firm Sophos": a speaker's employer
            # "The Australian newspaper": the paper's name holds its "The"
            found.setdefault(name, name if before else "The " + m.group(0)[4:])
            first = min(first, m.start())
    return found, first


def kind_referent(text: str, upto: int, kind: str) -> str | None:
    """The one body the article, before offset upto, names with the kind word beside it (for
    a business, any word for one when the kind word itself names none)."""
    if kind not in KINDS:
        return None
    found, first = _named_so(text, upto, _kind_words(kind))
    if not found and kind in _BUSINESS:
        found, first = _named_so(text, upto, _BUSINESS_WORDS)
    referred = "(?:company|firm|group)" if kind in _BUSINESS else _kind_words(kind)
    if not found or re.search(r"\b[Tt]he\s+" + referred + r"\b", text[:first]):
        return None  # "The firm said ..." before "South Korean firm SK Energy": another firm
    # "MessageLabs" and "MessageLabs Europe": one body; two different names: no one
    short = min(found, key=len)
    return found[short] if all(n.startswith(short) for n in found) else None


def referent_of(text: str, upto: int, claimant: str | None) -> str | None:
    """The named body a claimant given only as "the <kind>" refers to, else None."""
    if claimant is None:
        return None
    m = _KIND_REF.fullmatch(claimant.strip())
    return kind_referent(text, upto, m.group(1).lower()) if m else None


# "The SEC", "the FSA", "the Office of Fair Trading": a body by acronym or by an institution's
# name, which finds things as an inquiry does ("The SEC also found"); a team or a country that
# "found" a goal or a way does not ("Wales found 20 minutes"), nor a firm's staff
_ACRONYM_BODY = re.compile(r"(?:[Tt]he\s+)?([A-Z]{2,6})")
_INSTITUTION = re.compile(
    r"(?:[Tt]he\s+)?(?:[A-Z][\w'’\-]*\s+){0,5}?(?:of\s+(?:the\s+)?)?(?:[A-Z][\w'’\-]*\s+)*?"
    r"(?:Commission|Authority|Office|Agency|Council|Department|Ministry|Institute|Board"
    r"|Committee|Court|Inquiry|Tribunal|Regulator|Watchdog|Bureau|Service|Administration)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})?"
)
FINDS = frozenset("found finds find".split())
# what an inquiry finds: a clause or a figure ("found that ...", "found 1,986 cases"); not
# "ABC has also found success"
_FOUND_WHAT = re.compile(
    r"\s+(?:that\b|(?:about|almost|nearly|more\s+than|at\s+least|over|some)?\s*[\d$£€])"
)


def finds_a_figure(s: str, verb_end: int) -> bool:
    """ "found that ..." or "found 1,986 cases": a finding, not "found success"."""
    return _FOUND_WHAT.match(s, verb_end) is not None


def named_body(subject: str) -> bool:
    """An inquiring body named as such: an acronym ("The SEC") or an institution's name."""
    m = _ACRONYM_BODY.fullmatch(subject)
    if m is not None:
        return m.group(1) not in NOT_BODIES
    return bool(_INSTITUTION.fullmatch(subject))
