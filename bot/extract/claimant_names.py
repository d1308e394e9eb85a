"""Whether a stretch of text cut out as a claimant names one, and the name to print.

The "no claimant" guards (pronouns, figures, bare data, fragments cut through a clause) and the
trims to a printable name, shared by the verb-subject finders and the resolver.
"""

from __future__ import annotations

import re

from bot.extract.claim_verbs import alternation
from bot.extract.figure_reading import NOUN_STOP
from bot.extract.lexicon import BODY_WORDS, NOMINAL_HEADS, TITLES, common_words

_OWNER_OF_DATA = re.compile(
    r"^([A-Z][\w&.\-]*(?:\s+[A-Z][\w&\-]*){0,3})['’]s\s+(?:own\s+|latest\s+|official\s+)?"
    r"(?:(?:[a-z]+\s+)?(?:figures|data|survey|report|study|poll|statistics|estimates?|forecasts?)"
    r"|(?:[a-z]+\s+)?disclosure\s+forms?|(?:[a-z]+\s+)?(?:disclosures?|filings?)|tax\s+returns?)$"
)
# "Mr Blair derided Tory claims": a name, then a verb in the past - a clause, not a subject
_NAME_THEN_VERB = re.compile(r"[A-Z][\w'’\-]*\s+[a-z]{3,}ed\s")

PRONOUN = frozenset("he she they it we i you this that who which".split())

_TITLE_WORDS = re.compile(
    r"\b(?:officials?|ministry|spokes(?:man|woman|person)|commander|general|police|authorities|"
    r"agency|military|army|analysts?|experts?|government|report|statement|data|figures|governor|"
    r"president|minister|chief|head|mayor|leadership|sources?|officers?|service|institute|"
    r"researchers|scientists|company|firm|bank|administrators?|regulator|watchdog|council|"
    r"committee|commission|union|association|survey|study|poll|organi[sz]ers|court|group)\b",
    re.IGNORECASE,
)


# A preposition that starts a cut subject ("below Chancellor Gordon Brown's forecast") is
# no part of the name.
_LEAD_PREPOSITION = re.compile(
    r"^(?:below|above|beyond|despite|beside|besides|unlike|like|after|before|since|until"
    r"|amid|among|against|without|within|including|excluding|versus"
    r"|(?:[a-z]+er|more|less|fewer)\s+than)\s+",  # "lower than analysts": the analysts
    re.IGNORECASE,
)


def clean_subject(seg: str) -> str | None:
    seg = seg.strip(" ,.;:“”\"'-–—")
    seg = re.sub(r"\s+", " ", seg)
    seg = _LEAD_PREPOSITION.sub("", seg)
    if not seg:
        return None
    document = DOCUMENT_OPENING.fullmatch(seg)
    if document is not None:
        return _document_source(document)
    return _clean_plain(seg)


def _clean_plain(seg: str) -> str | None:
    """clean_subject of a stretch that is no document opening."""
    seg = _DOCUMENT_WHEN.sub(r"\g<doc>", seg)  # "a financial disclosure filed Friday"
    if _FRAGMENT_END.search(seg):
        return None  # "Mr" of "Mr. Biden's": a title cut from its name
    words = seg.split()
    tail = named_tail(words) if len(words) > 6 else None
    if tail is not None:  # "The world's biggest insurance broker Marsh & McLennan"
        seg, words = tail, tail.split()
    if len(words) > 6 and " by " in seg:
        # "a table drawn up by France's Le Figaro newspaper": the author of the document
        seg = seg.rsplit(" by ", 1)[1]
        words = seg.split()
    if len(words) > 6 and re.search(r"(?:['’]s|s['’])\s", seg) and words[0][:1].isupper():
        # "Scotland Yard's Racial and Violent Crime taskforce", "The United Nations' Economic
        # Commission for Latin America and the Caribbean": the body that owns it
        seg = re.split(r"(?:['’]s|(?<=s)['’])\s", seg, maxsplit=1)[0]
        words = seg.split()
    if (
        len(words) > 9
        or (words[0].lower() in _POSSESSIVE_DETERMINERS and words[-1].lower() in _DOCUMENTS)
        or words[-1].lower() in PRONOUN
        or (len(words) == 1 and words[0].lower() in PRONOUN)
    ):
        return None
    if re.search(r"\b(?:what|than)\b", seg, re.IGNORECASE):
        return None  # "twice what some analysts [had been expecting]": a comparison, no name
    if any(ch.isdigit() for ch in seg) or (
        words[0].lower() in _NUMBER_WORDS and not _one_member(seg)
    ):
        return None  # "One in four": a figure, not who gave it
    if len(words) == 1 and words[0].lower() in _QUANTIFIERS:
        return None  # "Some expects believe": a determiner left of a cut, no one named
    if _BARE_DATA.fullmatch(seg):
        return None  # "the figures showed", "figures show": data, no one named as its source
    if len(words) == 1 and words[0].lower().endswith("ly") and words[0].lower() in common_words():
        return None  # "Recently announced changes": a sentence adverb is never a claimant
    authored = _DOCUMENT_AUTHORED_BY.fullmatch(seg)
    if authored:  # "Research conducted by the EOC": the EOC
        return clean_subject(authored.group("x"))
    if _NAME_THEN_VERB.search(seg + " "):
        return None  # "Mr Blair derided Tory": a cut through a clause
    named = any(w[0].isupper() for w in words[1:]) or (
        words[0][0].isupper() and words[0].lower() not in ("the", "a", "an", "it", "this")
    )
    if not named and not _TITLE_WORDS.search(seg) and not _ends_in_a_source(words[-1]):
        return None
    if not _ends_in_a_source(words[-1]):
        # "rival Google earlier in the week": the source before a time phrase
        m = _TIME_TAIL.search(seg)
        if m is None or not m.start() or not _ends_in_a_source(seg[: m.start()].split()[-1]):
            return None  # "The company has an", "although Bourne ... scotch": a cut
        seg = seg[: m.start()]
        words = seg.split()
    seg = named_tail(words) or _relative_subject(words) or seg
    seg = re.split(r"\s[-–—]\s", seg)[-1]  # "... Drugs and Alcohol - the PTC": the PTC
    by = _DOCUMENT_BY_NAME.fullmatch(seg)
    seg = by.group("x") if by else seg  # "Early estimates from the World Bank": World Bank
    owner = _OWNER_OF_DATA.match(seg)
    seg = owner.group(1) if owner else seg  # "Halifax's own monthly figures": Halifax
    if len(seg.split()) == 7 and seg.split()[0] in ("the", "The") and seg.split()[1][:1].isupper():
        seg = seg.split(" ", 1)[1]  # "the United Nations Economic Commission for Europe"
    return seg if len(seg.split()) <= 6 else None  # longer is a stretch of text, not a name


# A document named by its kind, with a year or "one" before it and what it is by or about
# after it: "One 2004 study conducted by researchers at ...", "a 2015 survey of 3,000 adults"
DOCUMENT_OPENING = re.compile(
    r"(?P<det>(?i:one|a|an|the|this|another|that|a\s+new|the\s+new))\s+"
    r"(?P<year>(?:19|20)\d\d\s+)?"
    r"(?P<head>(?:[a-z][a-z\-]*\s+){0,2}?(?:study|survey|report|poll|analysis|review|audit"
    r"|census|investigation|assessment))"
    r"(?P<rest>\s+(?:conducted|carried\s+out|led|published|released|commissioned|by|of|from"
    r"|in|at|for)\s.*)?"
)


def _document_source(m: re.Match[str]) -> str | None:
    """The source a document opening names: its author when the rest names one cleanly ("a
    2004 study by the EOC": the EOC), else the document itself ("One study", "a study"),
    without the year ("2004" is when, not who) or the numeral ("One" is "a" here)."""
    if m.group("year") is None and m.group("det").lower() != "one":
        plain = _clean_plain(m.group(0))
        if plain is not None or m.group("rest") is None:
            return plain  # "A study by the EOC" reads as before: the EOC
    if m.group("rest"):
        author = _DOCUMENT_AUTHORED_BY.fullmatch(m.group("head") + m.group("rest"))
        if author is not None:
            found = clean_subject(author.group("x"))
            if found:
                return found
        by = re.search(r"\sby\s+(?P<x>.+)$", m.group("rest"))
        found = clean_subject(by.group("x")) if by else None
        if found and not any(ch.isdigit() for ch in found):
            return found  # "by researchers at the University of Chicago"
    det = m.group("det")
    return f"{det} {m.group('head')}"


# A bare title at the end is a cut through a name, never a source
_FRAGMENT_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)$")


# A document and the named body it is from or by: the body is the source
_DOCUMENT_AUTHORED_BY = re.compile(
    r"(?:[\w'’\-]+\s+){0,2}?(?i:figures|data|reports?|research|surveys?|study|studies|polls?"
    r"|analysis|review)\s+(?:" + alternation("authored") + r")\s+by\s+(?P<x>(?:the\s+)?[A-Z].*)"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# When a document came out, after its noun: "a financial disclosure filed Friday", "a poll
# released Saturday" (the day is no part of the source's name)
_DOCUMENT_WHEN = re.compile(
    r"(?P<doc>\b(?i:figures|data|reports?|study|survey|poll|disclosures?|filings?|forms?"
    r"|documents?|records|analysis|statements?|review|audit|estimates?))"
    r"\s+(?:filed|released|published|issued|conducted|taken|made\s+public|out)"
    r"\s+(?:(?:on|last|this|earlier|late|in)\s+)*(?:" + _MONTH + r"|yesterday\b|today\b"
    r"|week\b|month\b|year\b).*$"
)
_DOCUMENT_BY_NAME = re.compile(
    r"(?:[\w'’\-]+\s+){0,3}?(?i:figures|data|reports?|statements?|estimates?|research|surveys?"
    r"|study|studies|polls?|calculations|numbers|statistics|findings|forecasts?|analysis"
    r"|review|projections?)\s+(?:from|by)\s+(?:the\s+)?"
    r"(?P<x>[A-Z][\w&'’/\-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?|and\s+)?(?!"
    + _MONTH
    + r")[A-Z][\w&'’/\-]*)*)"
    r"(?:\s+(?:for|in|on)\s+" + _MONTH + r")?"  # "the Commerce Department for November"
)
_QUANTIFIERS = frozenset("some many most all several few both each either neither".split())
# Data with no owner named: the figures are the writer's ("Unadjusted, the figures showed")
_BARE_DATA = re.compile(
    r"(?:(?:the|these|those|new|latest|recent|official|government|other)\s+){0,2}"
    r"(?:figures|data|statistics|numbers)",
    re.IGNORECASE,
)


# "according to their figures": a document of someone unnamed, no claimant ("its central
# bank" is a body, and stays)
_POSSESSIVE_DETERMINERS = frozenset("their its his her our my your".split())
_DOCUMENTS = frozenset(
    """figures data report reports statement estimate estimates research survey study poll
    calculations numbers statistics findings""".split()
)
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred thousand million billion half""".split()
)
# One unnamed member of a group of sources: "one official", "one Republican", "one of the
# operators of LeakedSource" (not "One in four": a share, no source)
_ONE_MEMBER = re.compile(
    r"(?i:one)\s+(?:(?i:of)\s+(?:the|its|his|her|their)\s+)?(?P<head>[A-Za-z][\w'’\-]*)"
)


def _one_member(seg: str) -> bool:
    """Whether a subject opening on "one" names one member of a source group."""
    m = _ONE_MEMBER.match(seg)
    if m is None:
        return False
    head = m.group("head")
    if head[0].isupper():
        return head.lower() not in _NUMBER_WORDS  # "one Republican", "One Labour MP"
    return _ends_in_a_source(head.lower())  # "one official", "one of the operators"


_TIME_TAIL = re.compile(
    r"\s+(?:earlier|later|last|this|next|on|in|during|since|yesterday|today|so far)\b"
)


# The nouns a source named in lowercase ends with ("the chief executive", "UK regulators",
# "overnight figures"); a claimant ending in any other lowercase word is a cut fragment.
_SOURCE_NOUNS = frozenset(
    """official ministry spokesman spokeswoman spokesperson spokespeople commander general
    police authority agency military army analyst expert government report statement data
    figure governor president minister chief head mayor leadership source officer service
    institute researcher scientist company firm bank administrator regulator watchdog council
    committee commission union association survey study poll organiser organizer court group
    charity retailer maker parliament department office economist critic fan supporter
    consortium system index estimate research statistic result review audit census executive
    director chairman chairwoman board party newspaper paper magazine broadcaster network team
    club body trust fund campaigner lawyer prosecutor judge investor trader dealer broker
    insurer lender employer worker resident doctor teacher student voter member manager coach
    boss owner operator carrier airline insurer observer monitor diplomat envoy secretary
    spokesmen leader delegate organisation organization provider developer publisher industry
    agencies authorities record tribunal chancellor insurer medallist champion player striker captain winner
    lawyer spammer document filing prospectus taskforce banker analysis finding disclosure form
    indictment complaint lawsuit affidavit petition memo transcript doc manufacturer activist
    campaign""".split()
)


# The quotes' role words ("chancellor", "premier", "coach"), without those that only qualify one
_ROLE_TITLES = TITLES - frozenset(
    """vice foreign defense defence deputy former senior top state first acting interim press
    majority minority presidential republican democratic gop front-runner""".split()
)


def ends_in_a_source(word: str) -> bool:
    """Whether a lowercase word can end a named source ("analysts", "the manufacturer")."""
    return _ends_in_a_source(word)


def _ends_in_a_source(word: str) -> bool:
    if not word:
        return False
    if word[:1].isupper() or not word[:1].isalpha():
        return True
    w = word.lower().strip(".,'’")
    if w in _SOURCE_NOUNS:
        return True  # "analysis", which the plural rule below would cut to "analysi"
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w in _SOURCE_NOUNS or w + "s" in _SOURCE_NOUNS or w in _ROLE_TITLES


# What a name's description ends with: "market research firm NPD Group", "chief executive
# Richard Dixey", "US research think-tank Pew Internet and American Life".
_DESCRIPTOR_HEADS = (
    TITLES
    | NOMINAL_HEADS
    | frozenset(
        """firm firms company group store chain think-tank tank agency bank consultancy
        retailer maker giant carrier operator watchdog regulator charity body website
        magazine newspaper paper broadcaster network analysts researcher researchers
        economist economists""".split()
    )
)
_NAME_JOINERS = frozenset({"and", "of", "&", "de", "for"})


def _relative_subject(words: list[str]) -> str | None:
    """ "a Franck Muller watch Sharon [said was ...]": after an indefinite noun phrase, the
    name that follows is the subject of a relative clause, so the one who said it."""
    if len(words) < 3 or words[0].lower() not in ("a", "an"):
        return None
    i = len(words)
    while i > 1 and words[i - 1][:1].isupper():
        i -= 1
    if i == len(words) or i < 2 or len(words) - i > 3:
        return None
    before = words[i - 1]
    if not before.isalpha() or not before.islower() or before in NOUN_STOP:
        return None
    return " ".join(words[i:])


def named_tail(words: list[str]) -> str | None:
    """The name at the end of a described source ("firm NPD Group" -> "NPD Group"), when a
    lowercase description word stands right before it; else None (keep the whole)."""
    i = len(words)
    while i > 0 and (words[i - 1][:1].isupper() or words[i - 1] in _NAME_JOINERS):
        i -= 1
    while i < len(words) and words[i] in _NAME_JOINERS:
        i += 1
    if i == 0 or i >= len(words) or words[-1] in _NAME_JOINERS:
        return None
    head = words[i - 1]
    if not head.islower() or not (
        head in _DESCRIPTOR_HEADS or head in BODY_WORDS or head.endswith(("maker", "broker"))
    ):
        return None  # "insurance broker", "carmaker", "publisher": a body's description
    return " ".join(words[i:])


# '"...," said one Republican involved in the planning': a quote the quotes' reader leaves
# unnamed (an anonymous source) still has a source for its figures: one member of a group
_ONE_SAID_AFTER = re.compile(
    r"[\"”]\s+(?:" + alternation("says") + r")\s+(?P<x>(?i:one)\s+[^,.;:]{1,60})"
)


def one_member_after(s: str, rel: int) -> str | None:
    """The member a quote's cue names after it ('said one Republican involved in the
    planning': one Republican), the words that describe the member further left off."""
    one = _ONE_SAID_AFTER.search(s, rel)
    if one is None:
        return None
    words = one.group("x").split()
    for n in range(min(len(words), 6), 1, -1):
        member = clean_subject(" ".join(words[:n]))
        if member is not None:
            return member
    return None
