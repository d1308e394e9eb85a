"""Numbers that are not figures: dates, times, years, ordinals, scores, ranks, phone numbers, ids, names."""

from __future__ import annotations

import re

from bot.extract.figure_reading import (
    NOUN_STOP,
    OF_THE,
    VERBISH,
    WORD_BEFORE,
    Cand,
    is_plural,
    prev_char,
)
from bot.extract.lexicon import common_words
from bot.extract.numbers import Number
from bot.extract.units import (
    UNITS,
)
from bot.extract.word_lists import word_list

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

_MONTH_BEFORE = re.compile(_MONTH + r"\.?\s+(?:the\s+)?$")

_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r"\b")
# lower-cased text ("before 31 march"): a month's full name, but "march" and "may" only after a
# preposition of time ("10,000 march", "5 may")
_LOWER_MONTH_AFTER = re.compile(
    r"(?:st|nd|rd|th)?(?:\s+of)?\s+(?:january|february|april|june|july|august|september|october"
    r"|november|december)\b"
)
_LOWER_AMBIGUOUS_MONTH = re.compile(r"(?:st|nd|rd|th)?(?:\s+of)?\s+(?:march|may)\b")
_DATE_PREPOSITION = re.compile(
    r"\b(?:on|by|before|after|until|till|from|since)\s+(?:the\s+)?\Z", re.IGNORECASE
)
# "from 6 to 9 January", "4-6 March": the first day of a span of dates
# "on 14, 20 and 27 April": the days of a list before its month
_DAY_LIST_AFTER = re.compile(
    r"(?:st|nd|rd|th)?(?:\s*,\s*\d{1,2}(?:st|nd|rd|th)?)*\s*(?:,|and|&|or)\s*\d{1,2}"
    r"(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r"\b"
)
_DAY_RANGE_AFTER = re.compile(
    r"(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r"\b"
)

_TIME_AFTER = re.compile(
    r"\s?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.|h\d\d|GMT|UTC|EDT|EST|BST|CET)"
)


def _stone(text: str, n: Number) -> bool:
    """ "12st 5lb", "15st": "st" after a whole number no ordinal ends so (1st, 21st; but 11th)."""
    raw = text[n.start : n.end]
    return (
        text.startswith("st", n.end)
        and not text[n.end + 2 : n.end + 3].isalpha()
        and raw.isdigit()
        and (not raw.endswith("1") or raw.endswith("11"))
    )


_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b|s\b|['’]s\b")

_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|from|between|until|till|by|of|circa|year|years|early|late|mid|before|after"
    r"|during|and|to|through|spring|summer|autumn|fall|winter|season|fiscal|FY)[\s-]*|['’])$",
    re.IGNORECASE,
)

_YEAR_AFTER = re.compile(r"\s*(?:AD|BC|BCE|CE)\b|\s*(?:[-–/]\s*\d{2,4})|['’′]s\b")

_NAME_OK_BEFORE = frozenset(
    """about around over nearly almost some only just roughly approximately more fewer less under
    up down at in on by from to with of for and but or the a an all another each every than since
    between after before during until within those these its his her their our my total nearly
    exactly barely another least most top estimated average averaging averaged just plus minus
    some than last next first about among across against per be is are was were""".split()
)

_FOLLOW_CAP = re.compile(r"\s+[A-Z](?:[A-Za-z]|\s)")

# "category 4", "Game 7", "Unit 3", "No. 10", "US drama 24": a label and its number are a name,
# not a figure.
_LABELS = frozenset(
    """category level phase stage grade number no no. page section article chapter step round
    tier type version class gate platform unit room route flight channel episode vol volume part
    game match group row seat lane ward zone chart item exhibit figure table act verse
    apartment suite floor building block lot box pier terminal junction junctions exit
    drama series sitcom film movie album novel""".split()
)

_NAME_OK_BEFORE_CAP = frozenset({"U.S.", "US", "UK", "EU", "UN"})

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def phone_like(text: str, n: Number) -> bool:
    """Phone numbers, ids and ISO dates: "020 7946 0018", "672138506081275904", "2015-12-02"."""
    raw = text[n.start : n.end]
    if (len(raw) > 1 and raw[0] == "0" and raw[1].isdigit()) or (raw.isdigit() and len(raw) >= 12):
        return True
    if _ISO_DATE.search(text, max(0, n.start - 8), min(len(text), n.end + 8)):
        return True
    return bool(
        re.match(r"[ \t]\d", text[n.end : n.end + 2])
        or re.search(r"\d[ \t]$", text[max(0, n.start - 2) : n.start])
    )


def after_label(text: str, c: Cand) -> bool:
    """ "category 4", "Game 7": a label word right before the number."""
    m = WORD_BEFORE.search(text, max(0, c.num_start - 14), c.num_start)
    if _FLIGHT_CODE_BEFORE.search(text, max(0, c.num_start - 14), c.num_start):
        return True  # "flight BA 287", "flight ba 287": the airline's code, then the number
    return bool(m) and m.group(1).lower() in _LABELS


_FLIGHT_CODE_BEFORE = re.compile(r"\bflight\s+[A-Za-z]{2}\s?$", re.IGNORECASE)


def not_a_figure_before(text: str, start: int) -> bool:
    """Model names (F-16, Su-34, M142), ids, times, versions, dates written before the number."""
    p = prev_char(text, start)
    if not p:
        return False
    if p.isalpha() or p in "#@_":
        return True
    if p in "-‑":
        pp = prev_char(text, start - 1)
        if pp.isalpha():
            w = text[max(0, start - 8) : start - 1].lower()
            return not re.search(r"\b(?:minus|sub|to)$", w)
        return False
    if p in ":/." and prev_char(text, start - 1).isdigit():
        return True
    if p == "/" or p == "\\":
        return True
    return bool(_MONTH_BEFORE.search(text, max(0, start - 14), start)) and _day_like(text, start)


def _day_like(text: str, start: int) -> bool:
    m = re.match(r"\d{1,2}(?!\d)", text[start : start + 3])
    return bool(m) and 1 <= int(m.group(0)) <= 31


def not_a_figure_after(text: str, n: Number) -> bool:
    """Times (10.45pm, 4:39), ordinals (22nd), decades (1990s), dates (8 July), glued names."""
    end = n.bare_end if n.bare_end > 0 else n.end
    nxt = text[end : end + 1]
    if nxt == ")" and "(" not in text[max(0, n.start - 12) : n.start].rsplit("\n", 1)[-1]:
        return True  # "2) The terrorists ...": a list number
    if nxt == ":" and text[end + 1 : end + 2].isdigit():
        return True
    if nxt in ("/", "⁄") and text[end + 1 : end + 2].isdigit():
        return True
    if nxt == "." and text[end + 1 : end + 2].isdigit():
        return True
    if nxt == "." and text[end + 1 : end + 2].islower():
        return True  # "7610.extended.theme.manager.zip", "123.example.com": a file or host name
    if _TIME_AFTER.match(text, end) and n.scale == 1.0:
        return True
    if n.scale == 1.0 and _ORDINAL_AFTER.match(text, end) and not _stone(text, n):
        return True
    return bool(
        n.scale == 1.0
        and _day_like(text, n.start)
        and (
            _MONTH_AFTER.match(text, end)
            or _LOWER_MONTH_AFTER.match(text, end)
            or (
                _LOWER_AMBIGUOUS_MONTH.match(text, end)
                and _DATE_PREPOSITION.search(text, max(0, n.start - 12), n.start)
            )
            or _DAY_RANGE_AFTER.match(text, end)
            or _DAY_LIST_AFTER.match(text, end)
        )
    )


_ORDINAL_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|final|last|opening|closing|other)[\s-]+$|\b(?:fly|scrum)-$",
    re.IGNORECASE,
)

_ONLY_BEFORE = re.compile(r"\b(?:only|just|single|exactly|than)\s+$", re.IGNORECASE)

# "not one", "never been one", "hasn't had one": none at all, said for effect
_NOT_ONE_BEFORE = re.compile(
    r"(?:\bnot|\bnever|\bnor|n['’]t)\s+(?:(?:been|be|even|had|have|has|was|is|were|got|a)\s+)*"
    r"(?:one\s+[a-z]+\s*,\s*(?:(?:of|or|nor|and)\s+)?)*$",  # "not one hour, of one day, ..."
    re.IGNORECASE,
)

_RANK_BEFORE = re.compile(r"\b(?:top|the|at)[\s-]+$", re.IGNORECASE)

_RANK_VERB_BEFORE = re.compile(
    r"\b(?:ranked|(?:risen|rose|slipped|climbed|fallen|fell|dropped|moved|jumped)\s+(?:to|from))\s+$",
    re.IGNORECASE,
)
_IN_THE_WORLD = re.compile(r"\s+in\s+the\s+world\b")
_LABEL_LIST_BEFORE = re.compile(
    r"\b(?:stages?|levels?|phases?|grades?|categor(?:y|ies)|rounds?|sections?|articles?"
    r"|chapters?|pages?|games?|units?|classes?|divisions?|series|junctions?)\s+\d+(?:\s*,\s*\d+)*"
    r"\s*(?:,|and|or|&)\s*$",
    re.IGNORECASE,
)
_PLACES_TO_BEFORE = re.compile(r"\b(?:places?|spots?|positions?)\s+to\s+$", re.IGNORECASE)
_TO_NUMBER_AFTER = re.compile(r"\s+to\s+(?:number|No\.?)\s", re.IGNORECASE)
_CERTIFICATE_AFTER = re.compile(r"[\s-]+(?:certificates?|cert|rated|rating)\b", re.IGNORECASE)

# What a score is written before: "a 1-1 draw", "their 3-0 win"
_RESULT_WORDS = frozenset(
    "draw draws win wins victory victories defeat defeats loss losses lead scoreline".split()
)
_SCORE = re.compile(r"\d{1,3}-\d{1,3}")

_EQUATION = re.compile(r"\d\s?[+\-×x*/]\s?\d+\s?=\s?\d")
_SCORE_BEFORE = re.compile(r"\d-$")

_MID_SENTENCE = re.compile(r"[A-Za-z0-9,;)\]]\s*$")


# "at number seven", "his number 10 shirt": the number names a place or a shirt ("rebels
# number 5,000" is the verb, no article before it)
_CAME_IN_AT = re.compile(
    r"\b(?:came|comes|come|went|go|goes|entered|enters|straight)\s+in\s+at\s+$"
)
_ORDINAL_NEAR = re.compile(r"\b\d+(?:st|nd|rd|th)\b|\bplace\b|\bnumber\s+\w+")
_NUMBER_BEFORE = re.compile(
    r"\b(?:at|the|a|his|her|their|its|wearing|wears|wore)\s+number\s+$"
    r"|\b(?:reached|reach|reaches|reaching|hit|hits|peaked\s+at)\s+numbers?\s+$",  # a chart
    re.IGNORECASE,
)


# a class on a scale, not an amount: "rated 18" (a film certificate), "category 5",
# "grade 2", "stage 4", "tier 1", "level 3"
_CLASS_BEFORE = re.compile(
    r"\b(?:rated|certificate|category|grade|stage|tier|level|class|division|phase|band)\s+$",
    re.IGNORECASE,
)


def name_or_rank(text: str, c: Cand) -> bool:
    """Numbers that count nothing: "one of the best", "the one", "at one point", "Top 40",
    "first half", "a third try", a score ("won 4-0", "6-2 7-5"), a minute in brackets
    ("Mapletoft (53)"), and Title Case names ("Million Dollar Baby", "50 Cent")."""
    unit_known = c.unit in UNITS
    before = text[max(0, c.num_start - 12) : c.num_start]
    if (
        c.kind == "words"
        and c.value == 1
        and not c.is_range
        and (OF_THE.match(text, c.num_end) or _RANK_BEFORE.search(before))
    ):
        return True
    if (
        c.kind == "words"
        and c.value == 1
        and not c.is_range
        and _NOT_ONE_BEFORE.search(text, max(0, c.num_start - 80), c.num_start)
    ):
        return True  # "there has not been one hour ... when": rhetoric for none, no measure
    if (
        c.kind == "words"
        and c.value == 1
        and not c.is_range
        and not unit_known
        and c.qualifier is None
        and not _ONLY_BEFORE.search(before)
    ):
        return True  # "one way", "one side", "One man": an article, not a count worth printing
    if c.kind == "fraction" and (
        _ORDINAL_BEFORE.search(before) or (" of " not in text[c.num_start : c.end] and c.unit)
    ):
        return True
    if not unit_known and c.kind in ("digits", "words"):
        if re.search(r"\btop[\s-]+$", before, re.IGNORECASE):
            return True
        if _NUMBER_BEFORE.search(text, max(0, c.num_start - 20), c.num_start):
            return True  # "come on at number seven or eight", "the number 10 shirt": an id
        if (
            c.unit is None
            and c.is_int
            and _CAME_IN_AT.search(text, max(0, c.num_start - 30), c.num_start)
            and _ORDINAL_NEAR.search(text, c.num_end, c.num_end + 80)
        ):
            return True  # "Estelle came in at 39, Joss Stone was 40th": a chart place
        if c.unit is None and _CLASS_BEFORE.search(text, max(0, c.num_start - 20), c.num_start):
            return True  # "rated 18", "a category 5 storm", "grade 2 listed": a class
        if text[c.num_start - 1 : c.num_start] == "(" and text[c.num_end : c.num_end + 1] == ")":
            return True
    if (c.unit is None or c.unit.lower() in _RESULT_WORDS) and _SCORE.fullmatch(
        text, c.num_start, c.num_end
    ):
        return True  # "won 4-0", "a 1-1 draw"
    if c.kind == "digits" and _EQUATION.search(text, max(0, c.num_start - 12), c.num_end + 12):
        return True  # "a blackboard reading 2+2=5": a sum written out, not figures
    if c.kind == "digits" and re.search(r"\d-\d+-$", before):
        return True  # "the modern 3-4-1 scrum line-up": a formation
    if (
        c.kind == "digits"
        and not c.is_range
        and (c.unit is None or c.unit.lower() in _RESULT_WORDS)
        and (_SCORE_BEFORE.search(before) or re.match(r"-\d", text[c.num_end : c.num_end + 2]))
    ):
        return True  # "a 7-5 6-1 victory": the set after a score
    if c.unit is None and c.kind == "digits" and _in_record(text, c):
        return True  # "went 0 for 3", "2-for-4 at the plate": successes in tries, a score
    if c.is_range and c.unit is None and _MONTH_AFTER.match(text, c.end):
        return True  # "from 6 to 9 January", "4-6 March": dates
    if c.unit is None and c.kind in ("digits", "words") and re.search(r"\bthe\s+last\s+$", before):
        return True  # "a place in the last 16 of the Australian Open": a round
    if (
        c.unit is None
        and c.kind == "digits"
        and re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", c.raw)
        and re.search(r"\bat\s+$", before)
        and re.match(r"\s*(?:[.,;]|GMT|BST|hours|hrs|$)", text[c.end : c.end + 6])
    ):
        return True  # "due at the stadium at 1330.": a time
    if (
        c.unit is None
        and re.fullmatch(r"(?:[01]?\d|2[0-3])\.[0-5]\d", c.raw)
        and re.search(r"(?:\bit['’]s|\bat|\buntil|\btill|\bby|\bbefore|\bafter)\s+$", before)
    ):
        return True  # "If it's 12.30 on a Saturday morning": a clock time
    if c.unit is None and _LABEL_LIST_BEFORE.search(text, max(0, c.num_start - 40), c.num_start):
        return True  # "at Key Stages 1, 3 and 4": labels in a list
    if c.unit is None and _TO_NUMBER_AFTER.match(text, c.end):
        return True  # "the album moved from 13 to number four": a chart place
    if c.unit is None and _PLACES_TO_BEFORE.search(text, max(0, c.num_start - 24), c.num_start):
        return True  # "also down three places to 10": a chart place
    if (
        c.kind == "words"
        and c.unit is None
        and c.value in (100.0, 1000.0, 1e6)
        and re.search(r"\b(?:per|every|in\s+a)\s+$", before)
    ):
        return True  # "eight people per thousand": the base of a rate, no figure
    if c.unit is None and _CERTIFICATE_AFTER.match(text, c.end):
        return True  # "The 18 certificate GTA", "a 15-rated film": a film or game rating
    if c.unit is None and _RANK_VERB_BEFORE.search(before) and _IN_THE_WORLD.match(text, c.end):
        return True  # "ranked 134 in the world", "risen to 120 in the world"
    return _title_case_name(text, c) or _in_quoted_title(text, c) or race_event(text, c)


# a title's run of capitalised words before a number, a small word allowed between ("Land of")
_TITLE_WORD_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+(?:(?:of|the|and|for|in)\s+)?$")
_SUBTITLE_BEFORE = re.compile(r"\b[A-Z][a-z]+:\s+$")


# the quote marks that open and close a quoted title: curly, straight, or two apostrophes
_OPEN_QUOTE = re.compile(r"(?:“|''|\"|‘)(?=\S)")
_CLOSE_QUOTE = re.compile(r"(?<=\S)(?:”|''|\"|’(?!\w))")
_LONG_WORD = re.compile(r"[A-Za-z][a-z]{3,}")


def _in_quoted_title(text: str, c: Cand) -> bool:
    """A number inside a short quoted span whose every word of four letters or more is
    capitalised is part of a title ("No More 404", ''Yuge!: 30 Years of Doonesbury on Trump.''):
    what is quoted is a name, not a count the story states."""
    opens = list(_OPEN_QUOTE.finditer(text, max(0, c.num_start - 60), c.num_start))
    close = _CLOSE_QUOTE.search(text, c.end, c.end + 60)
    if not opens or close is None:
        return False
    inner = text[opens[-1].end() : close.start()]
    if any(q in inner for q in '“”"') or "''" in inner or "\n" in inner or len(inner.split()) > 10:
        return False
    long_words = _LONG_WORD.findall(inner)
    return bool(long_words) and all(w[0].isupper() for w in long_words)


# "0 for 3", "2-for-4": so many successes in so many tries, then the clause goes on or ends
_RECORD = re.compile(
    r"(\d{1,2})[\s-]+for[\s-]+(\d{1,2})"
    r"(?=\s*(?:[.,;:!?\"”)]|$)|\s+(?:in|on|at|with|against|from|this|last|since|so)\b)"
)


def _in_record(text: str, c: Cand) -> bool:
    """Whether the digit c is either side of a record "N for M" with N no more than M."""
    for m in _RECORD.finditer(text, max(0, c.num_start - 10), c.num_end + 12):
        if c.num_start in (m.start(1), m.start(2)) and int(m.group(1)) <= int(m.group(2)):
            return True
    return False


def _title_case_name(text: str, c: Cand) -> bool:
    """A capitalised number word or unit word inside a sentence is part of a name."""
    mid = bool(_MID_SENTENCE.search(text, max(0, c.start - 3), c.start))
    capital_word = c.kind == "words" and text[c.num_start : c.num_start + 1].isupper()
    if mid and capital_word:
        return True
    money = c.unit in UNITS and UNITS[c.unit].dim == "money"
    if (mid or capital_word or money) and c.unit and c.unit_end > c.num_end:
        words = text[c.num_end : c.unit_end].strip(" -").split()
        # every word Title Case ("50 Cent"), not "Danish crowns", not a symbol ("Hz", "Mbps")
        # nor a proper noun counted ("11 Oscars"); a common noun capitalised is a title's
        # ("Land of 10,000 Stories", "Yuge!: 30 Years of Doonesbury")
        symbol = " ".join(words) == c.head and c.head.lower() not in common_words()
        if (
            not symbol
            and len("".join(words)) >= 4
            and all(w[:1].isupper() and w[1:].islower() for w in words)
        ):
            return True
    if c.unit and c.head is None and c.unit_end == c.num_end < c.end:
        titled = _TITLE_WORD_BEFORE.search(text, max(0, c.num_start - 30), c.num_start)
        # "See No Evil: 19 Hard Truths the Left Can't Handle": a subtitle after a title's colon
        subtitle = _SUBTITLE_BEFORE.search(text, max(0, c.num_start - 30), c.num_start)
        words = text[c.num_end : c.end].split()
        if (titled or (subtitle and len(words) >= 2)) and all(
            w[:1].isupper() and w[1:].islower() and (subtitle or w.lower() in common_words())
            for w in words
        ):
            return True  # "Land of 10,000 Stories": a title, not "through the two Houses"
    return False


def is_year(text: str, c: Cand) -> bool:
    """A bare four-digit year (or '98) rather than a count."""
    if c.kind != "digits" or c.scale != 1.0 or not c.is_int or c.currency:
        return False
    raw = c.raw
    if len(raw) != 4 or not raw.isdigit():
        return len(raw) == 2 and prev_char(text, c.num_start) in "'’"
    v = int(raw)
    if 1900 <= v <= 2100:
        return True
    if 1000 <= v < 2300:
        return bool(
            _YEAR_BEFORE.search(text, max(0, c.num_start - 12), c.num_start)
            or _YEAR_AFTER.match(text, c.num_end)
        )
    return False


_JOINED_BEFORE = re.compile(r"([A-Za-z][A-Za-z&]*)\s?-$")


def numbered_names() -> frozenset[str]:
    """Words that name something with the number after them (data/numbered_names.txt)."""
    return word_list("numbered_names.txt")


def name_before(text: str, c: Cand) -> bool:
    """ "iPhone 11", "Big 12", "Lang 20": a capitalised word right before the number."""
    joined = _JOINED_BEFORE.search(text, max(0, c.num_start - 30), c.num_start)
    if joined and joined.group(1).lower() in numbered_names():
        return True  # "COVID -19", "covid-19"
    m = WORD_BEFORE.search(text, max(0, c.num_start - 30), c.num_start)
    if not m:
        return False
    w = m.group(1)
    if w.lower().rstrip("-") in numbered_names():
        return True  # "the ftse 100", "COVID -19": a name in any case
    if w in _NAME_OK_BEFORE_CAP or w.lower().rstrip(".") in _NAME_OK_BEFORE:
        return False
    if not (w[0].isupper() or any(ch.isupper() for ch in w[1:])):
        return False
    if w.endswith(("'s", "’s", "s'", "s’")):
        return False  # "the UK's 70,000 users", "Britain's 650 MPs": an owner, not a model name
    return not _MONTH_BEFORE.search(text, max(0, c.num_start - 14), c.num_start)


# A bare number followed by two singular nouns names a thing ("a US air force 767 tanker
# contract", "the 747 jet fleet"): a count above one is followed by a plural.
_SINGULAR_NOUN = re.compile(r"\s+([a-z]{3,})\b")


def model_number(text: str, c: Cand) -> bool:
    """A bare three- or four-digit number used as a model name, not a quantity."""
    if c.unit is not None or c.is_range or not c.is_int or c.value is None or c.value < 100:
        return False
    if c.qualifier is not None or not text[c.num_start : c.num_end].isdigit():
        return False
    first = _SINGULAR_NOUN.match(text, c.num_end)
    if first is None or _plural_or_stop(first.group(1)):
        return False
    if _PHRASE_END.match(text, first.end()) and _DETERMINER_BEFORE.search(
        text, max(0, c.num_start - 30), c.num_start
    ):
        return True  # "its new long-distance 777 plane, as ...": a single one, so a model
    second = _SINGULAR_NOUN.match(text, first.end())
    return second is not None and not _plural_or_stop(second.group(1))


# a noun phrase ends: punctuation, or a conjunction or preposition that starts what follows
_PHRASE_END = re.compile(
    r"\s*(?:[,.;:!?)]|$)|\s+(?:as|and|but|which|that|to|in|on|at|for|with|from|is|was|has|had|will|would)\b"
)
# a singular determiner ahead of the number: "its new 777 plane", "the 747 jumbo", "a 380 model"
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|this|that|each|every)\s+(?:[\w\-]+\s+){0,2}$", re.IGNORECASE
)


def _plural_or_stop(word: str) -> bool:
    return (
        is_plural(word)
        or word in NOUN_STOP
        or word in VERBISH
        or word.endswith(("ly", "ed", "ing", "s"))
    )


def name_after(text: str, c: Cand) -> bool:
    """ "9 E 71st St", "787 Dreamliner"."""
    return bool(_FOLLOW_CAP.match(text, c.end))


# Race distances of athletics and swimming, in metres: "the 60m", "100m gold", "1,500m place"
# name an event, not a length that was measured.
RACE_DISTANCES = frozenset({50, 60, 100, 110, 200, 400, 800, 1000, 1500, 3000, 5000, 10000})
_EVENT_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+[\d,]+m)?"  # "the 100m and 200m events"
    r"(?:\s+(?:indoor|outdoor|world|olympic|personal|season's|women's|men's|national|european))*"
    r"\s+(?:hurdles|final|finals|semi-finals?|heats?|races?|title|titles|records?|gold|silver"
    r"|bronze|medals?|medallist|champion|champions|championships?|place|events?|relay|freestyle"
    r"|backstroke"
    r"|breaststroke|butterfly|individual|medley|sprint|steeplechase|victory|win|crown|runner"
    r"|specialist|best|time|times)\b",
    re.IGNORECASE,
)
_RACE_WORD = re.compile(r"\braces?$|\brunner$", re.IGNORECASE)
_EVENT_BEFORE = re.compile(
    r"(?:\b(?:the|women's|men's|world|indoor|outdoor|olympic|european|british|junior|individual)"
    r"|\b(?:medallist|champion|records?|titles?|golds?|silver|bronze|winner)\s+over"
    r"|\brecord[\s-]holder\s+(?:at|over))\s+"
    # the later distances of a list of events: "record holder at 3km, 5km and 10km"
    r"(?:[\d,.]+\s?k?m(?:\s*,\s*|\s+(?:and|or)\s+))*$",
    re.IGNORECASE,
)
_EVENT_END = re.compile(
    r"\s*(?:[,.;:)]|and\b|or\b|in\b|at\b|$)"
    r"|\s+(?:also|was|is|has|had|will)\b"  # "her victory in the 800m also earned her"
)


def race_event(text: str, c: Cand) -> bool:
    """ "World Championship 100m gold", "bronze medallist over 3000m", "in the 1000m.": a race
    distance naming an event (an event word after it, or before it and nothing measured)."""
    if c.is_range or c.qualifier not in (None, "more than"):
        return False
    glued = text[c.num_start + len(c.raw) : c.num_start + len(c.raw) + 1] == "m"
    if glued and c.scale == 1e6 and c.value is not None and c.value / 1e6 in RACE_DISTANCES:
        # "60m hurdles" read as sixty million hurdles: the counted word is the event
        return bool(_EVENT_AFTER.match(text, c.num_start + len(c.raw) + 1))
    metres = c.value if c.unit == "m" else c.value * 1000 if c.unit == "km" and c.value else None
    if metres not in RACE_DISTANCES:
        return False  # "the 5km" names an event as "the 5000m" does
    after = _EVENT_AFTER.match(text, c.end)
    if after is not None and (c.unit == "m" or not _RACE_WORD.search(after.group(0))):
        return True  # "the 4km champion"; not "the Run London 10km race": run over its distance
    before = _EVENT_BEFORE.search(text, max(0, c.start - 60), c.start)
    if before is None and c.qualifier == "more than":  # "medallist over 3000m"
        before = _EVENT_BEFORE.search(text, max(0, c.start - 30), c.end - len(c.raw) - 1)
    return before is not None and bool(_EVENT_END.match(text, c.end))
