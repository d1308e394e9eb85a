"""The sentence shapes the claimant resolver reads around a figure and its reporting verbs.

Patterns only, apart from the resolver (claimants.py) that decides with them: where a
reported clause ends, whose clause a figure sits in, which descriptions are no names.
"""

from __future__ import annotations

import re

from bot.extract.claim_subjects import PARTICIPLES, REPORT_VERB
from bot.extract.claim_verbs import alternation, forms
from bot.extract.lexicon import body_words

# "..., said Mr Burke, that ...", '"...," says John Smith': the verb before its subject
INVERTED_BEFORE = re.compile(r"[,\"”]\s*$")
COMMA_BEFORE = re.compile(r",\s*$")
LISTENER_VERBS = forms("listener")  # "43, told the Daily Telegraph": the listener
FIGURE_BEFORE = re.compile(r"\d[\w.%]*\s+(?:(?:that|which)\s+)?$")
# One figure and nothing else, up to a relative "that": "$3.8bn that ", "£3.8 billion "
ONE_FIGURE = re.compile(
    r"\S*\d[\d.,]*(?:\s+(?:hundred|thousand|million|billion|trillion))?[^\s\d]*"
    r"\s+(?:(?:that|which)\s+)?"
)
# "Halifax's own monthly figures ... suggest": the data the subject owns is the finding source
OWNED_DATA_BEFORE = re.compile(
    r"['’]s\s+(?:own\s+|latest\s+|official\s+)?(?:[a-z]+\s+)?(?:figures|data|survey|report"
    r"|study|poll|statistics|estimates?|forecasts?|disclosure\s+forms?|disclosures?|filings?"
    r"|tax\s+returns?)\b[^,;]{0,60}$"
)


FIGURE_OBJECT = re.compile(
    r"\s+(?:(?:only|just|about|some|nearly|almost|another|a\s+further|an\s+extra|more\s+than)\s+)?"
    r"(?:[$£€¥]|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?:hundred|thousand"
    r"|million|billion)\b)"
)
CLAUSE_VERB_AFTER = re.compile(
    r"[^,.;:]{0,40}?\b(?:was|were|is|are|would|will|could|had|has|have|might|may)\b"
)
PARTICLE_AFTER = re.compile(r"\s+(?:up|down)\s+(?:to|from|by)\b")
# a subordinating conjunction right before the subject: its clause is about something else
SUBORDINATE = re.compile(
    r"\b(?:after|before|when|because|since|although|though|while|until|unless|if|as)\s+$"
)
# The writer's comment on the reported clause, set off by a dash: "Critics insist that ... has
# been over-egged - an argument amplified by a 134% rise", "- a view backed by": what follows
# is no part of what the subject said
SENTENCE_APPOSITIVE = re.compile(r"\s[-–—]\s+(?:an?|one)\s+[a-z]+\s+(?:[a-z]+ed|that|which)\b")
# A contrasting clause with a named subject of its own: "The Tories claim ... £35bn savings,
# while Labour has offered £22bn": the other party's figure, not the Tories' claim
OWN_CLAUSE = re.compile(
    r"(?:,\s*|\s)(?:while|whereas|but|although|though)\s+(?:the\s+)?[A-Z][\w&\-]*"
    r"(?:\s+[A-Z][\w&\-]*)*\s+(?:has|have|had|is|are|was|were|will|would|[a-z]+ed)\b"
)
# "The study, conducted by consultancy Building Zones, found": a document and its author
DOCUMENT_AUTHORED = re.compile(
    r"\b(?i:survey|study|report|poll|research|analysis|review)\s*,?\s+(?:"
    + alternation("authored")
    + r")\s+by\s+[^;:]{1,60}$"
)
# A few quoted words inside the writer's own sentence (no quote the quotes' reader found):
# opened after a lowercase word, closed within a few words and followed by more of the sentence
SCARE_QUOTE = re.compile(r"\b[a-z]+\s+[\"“](?:\S+\s+){0,2}$")
SCARE_QUOTE_END = re.compile(r"(?:\S+\s+){0,4}?\S*?[\"”]\s+[a-z]")
# Only the figure's own words between it and a source: "230 according to", "£5bn, according to"
NEXT_TO_FIGURE = re.compile(r"\S+(?:\s+[a-z]+){0,3}?\s+")
# What may follow a reporting verb whose reported clause went before it: the sentence's end,
# a clause break, or an adverbial ("on Monday", "in a statement", "last week")
CLAUSE_CLOSES = re.compile(
    r"\s*(?:[.,;:!?()\[\]\"“”'‘’—–-]|$|(?:on|in|at|last|this|yesterday|today|earlier|later|recently"
    r"|previously|when|after|before|while|as|adding|saying|according|of|to|from|for|with|so"
    r"|now|also|however|too|again|here|there|and|but|because|if|though|although|who|which"
    r"|that)\b)",
    re.IGNORECASE,
)
# A sum, share or count as it is written: a currency, a unit of size, a thousands comma ("5pm"
# and "at 3" are none)
_SIZED_FIGURE = (
    r"(?:(?:about|around|some|nearly|almost|just|over|under|more\s+than|less\s+than)\s+)?"
    r"(?:[$£€¥]\s?\d|\d[\d.]*\s?(?:%|per\s?cent\b|bn\b|m\b|(?:thousand|million|billion"
    r"|trillion)\b)|\d{1,3}(?:,\d{3})+)"
)
# "puts growth in the region at 4%": the valuing verb's short object, then "at" and the figure
VALUED_AT = re.compile(r"(?:\s+[\w'’\-]+){1,8}?\s+at\s+" + _SIZED_FIGURE)
# What stops a source after the figure from claiming it: a semicolon, or a "but" that opens a
# clause of its own ("Profits rose 5%, but analysts said"); a "but" that adds a second verb to
# the same subject ("would reach 4.4%, but fall to 3.3% ..., the OECD said") stops nothing
SOURCE_BREAK = re.compile(
    r";|\bbut\s+(?!(?:also\s+|then\s+|still\s+)?(?!(?:by|in|on|at|from|to|for|with|since|until"
    r"|after|before|of|over|under|within|around|about|the|a|an|its|their|his|her|this|that"
    r"|these|those|some|many|most)\b)[a-z]+\s+(?:(?:to|by|from|at)\s+)?" + _SIZED_FIGURE + r")"
)
OPENS_QUOTE = re.compile(r"[a-z]+\s*:")  # "said:" claims only the quote it opens
PARTICIPLE_AT = re.compile(r"(?:" + "|".join(sorted(PARTICIPLES)) + r")\b")
AUX_BEFORE = re.compile(r"\s(?:is|are|was|were|been)\s+(?:(?:now|also|still)\s+)?$")
# "with analysts saying": a participle with its own subject after "with"
WITH_SUBJECT = re.compile(
    r"\bwith\s+(?P<x>(?:(?:the|some|many|most)\s+)?(?:[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,3}"
    r"|(?:[a-z]+\s+)?(?:analysts|economists|experts|officials|observers|traders|dealers"
    r"|critics|campaigners|sources|police|doctors|scientists|researchers)))\s+$"
)


# A body written as a description, not a name: "The world's second biggest insurer", "the
# mining group" (lowercase words after "the", a place's possessive allowed)
DESCRIBED_BODY = re.compile(
    r"(?:[Tt]he\s+(?:[\w\-]+['’]s\s+)?|[A-Z][\w\-]*['’]s\s+)(?:[a-z\-]+\s+){1,4}"
    rf"(?:{'|'.join(body_words('describes'))})"
)
# A document of a body named before: "according to their figures", "according to its survey"
ITS_DOCUMENT = re.compile(
    r"(?:its|their)\s+(?:own\s+|latest\s+|new\s+)?(?:figures|data|research|survey|report|study"
    r"|estimates?|calculations|statistics|analysis)"
)
# The name a description is in apposition to: "Hanover Re, Europe's fifth-largest reinsurer"
NAME_BEFORE_COMMA = re.compile(r"((?:[A-Z][\w&'’\-]*\s+){0,3}[A-Z][\w&'’\-]*),\s+$")
# The writer's own rank or praise of a body: "the world's second biggest", "the leading"
# ("the UK's financial watchdog" only describes, and is printed when no name is found)
EPITHET = re.compile(
    r"\b(?:first|second|third|fourth|fifth|biggest|largest|leading|top|main|oldest"
    r"|newest|best|most|[a-z]+est)\b"
)
# "the firm", "The party", "the computer giant": a body the article named before
GENERIC_BODY = re.compile(rf"[Tt]he\s+(?:[a-z\-]+\s+)?(?:{'|'.join(body_words('back'))})")
# a sentence opening with a described body: "The committee reached", "But the company said"
NOMINAL_OPENING = re.compile(
    r"(?:(?:But|And|However|Meanwhile|Now),?\s+)?((?:[Tt]he|[Ii]ts)\s+(?:[a-z\-]+\s+){0,2}?[a-z\-]+)"
    r"\s+(?:also\s+|has\s+|had\s+|have\s+|is\s+|was\s+|will\s+|would\s+)?[a-z]{3,}(?:ed|s)\b"
)


# "A recent survey by Earthlink and Webroot found": the authors of a finding document
DOCUMENT_BY = re.compile(
    r"\b(?i:survey|study|report|poll|research|analysis|review|estimates?|figures|data|forecasts?"
    r"|statistics|calculations|projections?)\s+(?:by|from|for)\s+[^,;:]{1,50}$"
)

# A title's full stop is no end of the source: "according to Mr. Biden's financial disclosure
# form" (not "Mr")
_TITLE_STOP = r"(?<=\bMr|\bMs|\bDr|\bSt|\bLt|\bJr)\.|(?<=\bMrs|\bSen|\bRep|\bGov|\bGen|\bCol)\."
_NO_TITLE_BEFORE = r"(?<!\bMr\.|\bMs\.|\bDr\.|\bSt\.|\bLt\.|\bJr\.)(?<!\bMrs\.|\bSen\.|\bRep\.|\bGov\.|\bGen\.|\bCol\.)"
ACCORDING = re.compile(
    r"\baccording to\s+(?P<x>(?:[^,.;:()“”\"\d]|" + _TITLE_STOP + r"){2,80}?)"
    r"(?=\s*(?:[,;:()“”\"\d]|\." + _NO_TITLE_BEFORE + r"|$))",
    re.IGNORECASE,
)


def reports_what_went_before(s: str, verb_at: int, subject_at: int, subject: str) -> bool:
    """Whether a reporting verb after the figure has what went before as its reported
    clause: nothing but an adverbial, a listener or the end follows the verb and its
    subject ("..., analysts said on Monday", "..., said Mr Burke."). A verb with its own
    object ("..., Wall Street had expected more") reports something else."""
    verb = REPORT_VERB.match(s, verb_at)
    if verb is None or verb.group(0) in LISTENER_VERBS:
        return True
    end = max(verb.end(), subject_at + len(subject) if subject_at > verb_at else 0)
    return CLAUSE_CLOSES.match(s, end) is not None
