"""The subject of a reporting verb: "X said", "said X", "X, the ..., said", "a study by X found".

The claim verbs and the finders of who is written before or after one, apart from the
resolver that picks which verb credits a figure.
"""

from __future__ import annotations

import re

from bot.extract.attribution import subject_after
from bot.extract.claim_verbs import alternation, forms
from bot.extract.claimant_names import DOCUMENT_OPENING, PRONOUN, clean_subject, named_tail
from bot.extract.gender import given_names
from bot.extract.lexicon import NOT_BODIES, common_words
from bot.extract.mentions import tokens

# The verbs that credit a figure and the frames each is read in: data/claim_verbs.tsv.
# Progressive forms credit their subject ("TimeWarner is projecting growth of around 5%");
# read only after is/are/was/were, never as a participle.
PROGRESSIVE = forms("progressive")
# A participle after a comma reports for the sentence's subject: "Mr Balls rejected the
# allegation ..., saying he was ..."
PARTICIPLES = forms("participle")
# A document's participle ("showing", "suggesting"): the claim of whoever authored the document
SHOWING = forms("showing")
REPORT_VERB = re.compile(
    r"\b(?:" + alternation("says", "finding", "participle", "progressive", "showing") + r")\b"
)
# "Goldman Sachs produced research showing", "the Halifax published figures on Monday
# showing": the authoring verb and its document, right before a SHOWING form
AUTHORED_DOCUMENT = re.compile(r"\b(?:" + alternation("authored") + r")\s+(?:[\w'’\-]+\s+){1,5}?$")

_BOUNDARY = re.compile(
    r"[,;:“”\"()\[\]—–]|\b(?:but|and|that|while|whereas|as|which|who|because|after|when|if)\s", re.I
)
_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)")
_POSSESSOR = re.compile(r"['’]s\s+$")
_RELATIVE_APPOSITIVE = re.compile(r"(?<=[a-z\]]),\s+who\s+[^,;:()“”\"]{2,120}$")
_DASH_APPOSITIVE = re.compile(r"\s+[-–—]\s+[^-–—]{1,60}?\s+[-–—]\s*$")
_NOUN_VERBS = forms("noun")
_DOCUMENT_SOURCE_AFTER = re.compile(r"\s+(?:from|by)\s+(?:the\s+)?[A-Z]")


def noun_use(s: str, verb: re.Match[str]) -> bool:
    """Whether a claim-verb form is a document noun with its source after it: "Early estimates
    from the World Bank put", "forecasts by the IMF show" (the noun, not a verb)."""
    return verb.group(0) in _NOUN_VERBS and _DOCUMENT_SOURCE_AFTER.match(s, verb.end()) is not None


SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z][a-z])")

PERSON = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Prof|President|Chancellor|Minister|Secretary|Governor"
    r"|Professor|Chairman|Senator)\.?\s+[A-Z][\w'’\-]+"
    r"(?:\s+[A-Z][\w'’\-]+)?"
)

_PASSIVE = re.compile(
    r"\b(?:was|were|been|be|is|are|being)\s+(?:(?:now|also|still|widely|\w+ly)\s+)?$"
    r"|\b(?:an?|the|its|their|his|her|initial)\s+$",  # "has an estimated 30%": no verb
    re.IGNORECASE,
)

_SUBJECT_TRIM = re.compile(
    r"(?:\s+(?:recently|also|now|then|later|earlier|previously|again|reportedly|initially|"
    r"separately|last\s+\w+|on\s+\w+day|(?-i:[a-z]\w*ly)|has|have|had|would|will|has\s+been|had\s+been))+$",
    re.IGNORECASE,
)

_LEAD_TRIM = re.compile(
    r"^(?:(?:but|and|so|yet|however|meanwhile|separately|instead|now|also|still|though"
    r"|although)\s+"
    r"|(?:earlier|later)\s+(?:this|last)\s+(?:week|month|year)\s+"  # "Earlier this month the firm"
    r"|(?:last|this)\s+(?:week|month|year|weekend)\s+(?=the\s|[A-Z])"
    # "On Tuesday Sir Alan said", "In January, the firm said": a date before the subject
    r"|(?:on|last|by|since|until)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?=the\s|[A-Z])"
    r"|in\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?:\s+\d{4})?,?\s+(?=the\s|[A-Z]))+",
    re.IGNORECASE,
)
_SUBJECT_END = re.compile(r"\s*(?:[,.;:!?)(]|$)")
_DOCUMENT_AFTER = re.compile(
    r"\s+(?P<doc>(?:a|an|the)\s+(?:new\s+|recent\s+|latest\s+|government\s+|official\s+"
    r"|annual\s+|monthly\s+|quarterly\s+|weekly\s+)?(?:[A-Z][\w&'’\-]*\s+){0,2}"
    r"(?:study|report|survey|poll|analysis|review))"
    r"(?:\s+(?:by|from)\s+(?P<by>(?:the\s+)?[A-Z][\w&'’\-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&'’\-]*)*))?"
    r"(?=\s*[,.;]|\s*$)"
)
_THAT_AFTER = re.compile(r",?\s+that\b")
_SHORT_OPENING = re.compile(r"(?:[A-Z]?[a-z]+\s+){0,2}[A-Za-z]+,\s*")
# A source named in lowercase after an inverted verb, ending the sentence or its clause:
# "..., said industry officials.", "..., said a company spokesman." (clean_subject checks the
# noun is a source)
_PLAIN_SOURCE_AFTER = re.compile(
    r"\s+((?:the\s+|an?\s+)?(?:[a-z\-]+\s+){0,2}[a-z]+)(?=\s*(?:[.,;]|$))"
)


def named_after(s: str, verb_pos: int) -> tuple[str, bool] | None:
    """The person or body named right after an inverted reporting verb (read as the quotes
    are), and whether the reported clause follows it ("said Mr Burke, that ...")."""
    toks = tokens(s)
    ci = next((i for i, tok in enumerate(toks) if tok.start == verb_pos), None)
    if ci is None:
        return None
    m = subject_after(toks, ci)
    if m is None or m.kind not in ("person", "name", "org") or not _SUBJECT_END.match(s, m.end):
        # "said the UK market had seen": a clause, no subject, unless a document follows
        doc = _DOCUMENT_AFTER.match(s, toks[ci].end)
        if doc is None:
            plain = _PLAIN_SOURCE_AFTER.match(s, toks[ci].end)  # "..., said industry officials."
            name = clean_subject(plain.group(1)) if plain else None
            return (name, False) if name else None
        # "..., says a study", "..., says a report by the Halifax": the document, or its author
        return (clean_subject(doc.group("by") or doc.group("doc")) or doc.group("doc"), False)
    name = clean_subject(m.surface or m.name or "")
    # "On average, said Mr Macklin, users conduct 5 searches": a parenthetical verb after a
    # short opening reports the clause after the name, as "said Mr Burke, that ..." does
    aside = _SHORT_OPENING.fullmatch(s, 0, verb_pos) and s.startswith(",", m.end)
    return (name, bool(_THAT_AFTER.match(s, m.end) or aside)) if name else None


_AFTER_A_FIGURE = re.compile(r"\S*\d\S*\s+(?:(?:hundred|thousand|million|billion|trillion)\s+)?")
_PREPOSITIONS = frozenset("in on at for with by from under over into".split())
# Words a subject never starts with: a verb or preposition means the cut took a fragment.
NOT_SUBJECT_START = frozenset(
    """is are was were be been has have had will would could should may might can do does did
    to of in on at for with by from under over into than then that which""".split()
)


# A name, then its description or a phrase of circumstance between commas, then the verb:
# "EuroDisney, the European home of Mickey Mouse and friends, has said", "The club, which has
# posted losses, said", "Wells Fargo, under pressure from lawmakers to take action, said"
_APPOSITIVE_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+)(?P<x>(?:The\s+)?[A-Z][\w&'’\-]*(?:\s+(?:of\s+)?[A-Z][\w&'’\-]*){0,4}"
    r"|[Tt]he\s+[a-z]+),\s+(?:the|a|an|which|who|under|amid|despite|facing|after|with)\s+"
    r"[^,;:()“”\"]{2,80},"
    r"(?:\s+(?:has|have|had|also|later|previously|now))?\s*$"
)


# A full name, then where the person is from or with, then the verb: "Mark Serwotka, from
# the Public and Commercial Services union said", "the BBC's Sarah Mukherjee, with the
# Beaufort Hunt in Badminton, Gloucestershire said", "Judith Moritz, in Melton Mowbray,
# said": the person said it, not the body or
# place of the affiliation (which a cut at "and" or at the last comma would give).
_AFFILIATED = re.compile(
    r"(?:^|(?<=\s))(?P<x>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3}),\s+(?:from|of|at|with|in)\s+"
    r"(?P<tail>[^;:()“”\"]{2,80}?),?\s*$"
)


def _affiliated_name(left: str) -> str | None:
    m = _AFFILIATED.search(left)
    if m is None or REPORT_VERB.search(m.group("tail")):
        return None
    name = m.group("x")
    words = name.split()
    owner = max((i for i, w in enumerate(words) if re.search(r"['’]s$", w)), default=-1)
    if owner >= 0:  # "the BBC's Sarah Mukherjee": the reporter, not her employer
        if len(words) - owner - 1 < 2:
            return None
        name = " ".join(words[owner + 1 :])
    first = name.split()[0].lower()
    if first in _PREPOSITIONS or first in NOT_SUBJECT_START or _LEAD_TRIM.match(name + " "):
        return None
    return clean_subject(name)


# The subject that opens a sentence (after an opening phrase and comma): a name of capitalised
# words, then a verb
NAMED_SUBJECT = re.compile(
    r"(?:^|^[^,;:]{0,80},\s+)(?P<x>(?:The\s+)?[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,3})"
    r"\s+(?:also\s+|still\s+|now\s+)?(?:will|would|has|had|have|is|was|are|were|said|says"
    r"|[a-z]{3,}ed|[a-z]{3,}s)\b"
)

# A reporting verb that shares the subject the sentence opened with: coordinated ("... and
# claims to update ...") or a participle after a comma (", saying he was ...")
_AND_BEFORE = re.compile(r"[^\W\d]\s+and\s+(?:also\s+)?$")


def shares_subject(s: str, verb: re.Match[str]) -> bool:
    if verb.group(0) in PARTICIPLES:
        return s[: verb.start()].rstrip().endswith(",")
    return _AND_BEFORE.search(s, 0, verb.start()) is not None


def sentence_subject(s: str) -> str | None:
    """The named subject the sentence opens with ("Mr Balls rejected", "Microsoft has
    indexed"), for a verb that shares it; never a common word or a pronoun."""
    m = NAMED_SUBJECT.search(s)
    if m is None:
        return None
    name = m.group("x")
    if len(name.split()) == 1 and name.lower() in common_words():
        return None  # "Shares dropped": a common noun, no name
    return clean_subject(name)


# acronyms a sentence names; those of lexicon.NOT_BODIES (countries, titles, things) are none
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def bodies_named(s: str) -> list[tuple[str, bool]]:
    """The bodies a sentence names, and whether as its subject: its opening subject when that
    is no person ("Apple has taken", "The European Union estimates"), and its acronyms."""
    out = [(a, False) for a in _ACRONYM.findall(s) if a not in NOT_BODIES]
    m = NAMED_SUBJECT.search(s)
    if m is not None and not PERSON.search(m.group("x")):
        name = re.sub(r"^The\s+", "", m.group("x"))
        first = name.split()[0]
        if (
            first not in given_names()
            and first.lower() not in NOT_SUBJECT_START
            and not (len(name.split()) == 1 and first.lower() in common_words())
            and first.lower() not in PRONOUN
        ):
            out.append((name, True))
    return out


# Who surveyed or studied something, and then found: the finder of what follows
SURVEYED_AND = re.compile(
    r"(?:^|[.;:]\s+)(?P<x>(?:The\s+)?[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,3})\s+"
    r"(?:" + alternation("surveyed") + r")\b[^,;:.]{0,80}\band$"
)


def verb_subject(s: str, verb_pos: int) -> str | None:
    """The subject written before a reporting verb: "Russia's defense ministry claimed"; a
    name too long to print gives way to its bracketed abbreviation ("The National Institute of
    Economic and Social Research (NIESR) claims": NIESR)."""
    who = _WHO_ANTECEDENT.search(s, 0, verb_pos)
    if who is not None:  # "economics minister Heizo Takenaka who said": the name before who
        return clean_subject(who.group(1))
    found = _subject_words(s, verb_pos)
    if found is None or len(found.split()) > 5:  # six words: its short form, if it has one
        abbr = _ABBREVIATION_END.search(s, 0, verb_pos)
        found = abbr.group(1) if abbr else found
    return found


# "economics minister Heizo Takenaka who said", "that of Marsh & McLennan, which said"
# "Citizens for Trump, which expects"; "which" only after a comma ("a district in eastern
# Sierra Leone which reported" may mean the district)
_WHO_ANTECEDENT = re.compile(
    r"(?<![\w'’])((?:[A-Z][\w'’\-]+\s+(?:(?:&|for|of)\s+)?){0,3}[A-Z][\w'’\-]+)"
    r"(?:,?\s+who|,\s+which)\s+(?:also\s+|has\s+|had\s+)?$"
)
_ABBREVIATION_END = re.compile(r"[A-Z][\w&'’\-]*\s+\(([A-Z][A-Za-z&]{1,7})\)[\s,]*$")


def _subject_words(s: str, verb_pos: int) -> str | None:
    left = s[:verb_pos]
    if _PASSIVE.search(left):
        return None
    # split at any space: web pages write "Editor’s note:\xa0Donald Trump ..." with a no-break one
    if _POSSESSOR.search(left) and s[verb_pos:].split(maxsplit=1)[0].rstrip(":,;.") in _NOUN_VERBS:
        return None  # "Brown's forecast of": a noun, claimed by its possessor (not "Foster's said")
    left = _PARENTHESIS.sub("", left).rstrip(" ,")  # "The Office for National Statistics (ONS)"
    left = _DASH_APPOSITIVE.sub("", left)  # "the firm - China's biggest jet fuel supplier -"
    # "Union minister Shripad Naik, who released the book ... on June 21, said": the name
    if s[:verb_pos].rstrip().endswith(","):  # not "Obama, who has ... than aides say"
        left = _RELATIVE_APPOSITIVE.sub("", left)
    app = _APPOSITIVE_SUBJECT.search(s, 0, verb_pos)
    if app is not None:
        return clean_subject(app.group("x"))  # "EuroDisney, the European home of ..., has said"
    named = _affiliated_name(s[:verb_pos])
    if named is not None:
        return named  # "Mark Serwotka, from the Public and Commercial Services union said"
    surveyor = SURVEYED_AND.search(left)
    if surveyor is not None and surveyor.group("x").lower() not in common_words():
        return clean_subject(surveyor.group("x"))  # "Workshare surveyed firms ... and found"
    cut = 0
    for m in _BOUNDARY.finditer(left):
        if (
            m.group(0).lower().startswith("and")
            and _NAME_BEFORE_AND.search(left, 0, m.start())
            and _CAPITAL_AT.match(left, m.end())
        ):
            continue  # "Scotland Yard's Racial and Violent Crime taskforce": one name
        cut = m.end()
    seg = left[cut:].strip()
    seg = SENTENCE_END.split(seg)[-1]  # never reach back over a sentence end
    inner = [m for m in REPORT_VERB.finditer(seg) if not noun_use(seg, m)]
    if inner:  # "The Times said Australian Lynton Crosby told": the nearer subject
        seg = seg[inner[-1].end() :].strip()
    seg = _LEAD_TRIM.sub("", seg)
    seg = _SUBJECT_TRIM.sub("", seg).strip()
    if DOCUMENT_OPENING.fullmatch(seg):
        return clean_subject(seg)  # "One 2004 study conducted by ...": the year is no figure
    if any(ch.isdigit() for ch in seg):
        figure = [m.group(0) for m in _AFTER_A_FIGURE.finditer(seg)]
        seg = _AFTER_A_FIGURE.split(seg)[-1]  # "the $27bn Russia says": Russia
        if not seg[:1].isupper() and not (
            _EARLIER_SOURCE.fullmatch(seg) and figure and not _A_YEAR.match(figure[-1])
        ):
            return None  # "the £100m analysts had expected": analysts, a source noun, stays
    if seg and seg.split()[0].lower() in _PREPOSITIONS:
        # "In a monthly report anti-virus firm Sophos said": the name after its description
        seg = named_tail(seg.split()) or ""
    if not seg or seg.split()[0].lower() in NOT_SUBJECT_START:
        return None
    first = seg.split()[0]
    appositive = first.lower() in ("the", "a", "an") or (first.islower() and first.isalpha())
    author = _AUTHORED_APPOSITIVE.match(seg) if appositive else None
    if author is not None and clean_subject(author.group(1)):
        return clean_subject(author.group(1))  # "The study, conducted by Building Zones, found"
    if appositive and left[:cut].rstrip().endswith(","):
        # Appositive: "RIA Novosti, the state news agency of Russia, said"
        prev = left[:cut].rstrip()[:-1]
        pcut = 0
        for m in _BOUNDARY.finditer(prev):
            pcut = m.end()
        name = prev[pcut:].strip()
        if (
            not re.search(r"\b(?:and|or)\s*$", prev[:pcut])  # "China, Russia and India, the report"
            and (len(name.split()) > 1 or s[:verb_pos].rstrip().endswith(","))  # "Overall, the BBA"
            and name
            and name[0].isupper()
            and not _LEAD_TRIM.match(name + " ")
            and not (len(name.split()) == 1 and name.lower().endswith("ly"))
            and name.split()[0].lower() not in _PREPOSITIONS  # "On Wednesday, the Agency said"
            and len(name.split()) <= 5
            and not re.search(r"\b[a-z]{4,}\b", _DOCUMENT_HEAD.sub("", name))
        ):
            seg = name
    return clean_subject(seg)


# "The Hefce report, drawing on child benefits data, said": a named document before an
# appositive is a name like any other
_AUTHORED_APPOSITIVE = re.compile(r"(?:" + alternation("authored") + r")\s+by\s+(.+)$")
_DOCUMENT_HEAD = re.compile(r"\s+(?:report|study|survey|poll|review|analysis|research)$")


# The lowercase source right after a figure, as the subject of a relative clause: "the £100m
# analysts had expected", "the 2.5% City economists forecast" (at most two describing words).
_EARLIER_SOURCE = re.compile(
    r"(?!(?:his|her|their|its|our|my|your)\s)(?:[A-Za-z][\w\-]*\s+){0,2}[a-z]+"
)
_A_YEAR = re.compile(r"(?:1[89]|20)\d\d\s")  # "in 2003 her employers told": a date


# "and" between two capitalised words joins one name ("Racial and Violent Crime", "Earthlink
# and Webroot"), no clause boundary
_NAME_BEFORE_AND = re.compile(
    r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w'’\-]*\s+$"
)
_CAPITAL_AT = re.compile(r"(?:the\s+)?[A-Z]")  # "Latin America and the Caribbean"
