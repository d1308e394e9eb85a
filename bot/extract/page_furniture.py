"""Numbers of a web page's furniture and notation, not of its news: left out of the editor's view.

News pages scraped from many outlets carry numbers no editor would list as figures, whatever
the story: the ids and timestamps of links and embedded tweets, phone numbers and short codes,
the numbers of a ranked list or a pager ("10. Mike Huckabee (10.)", "1 | 2 | 3") and the count
that opens a list ("Here are 10 more ..."), a vote or
ratio read as a range ("confirmed 92 to 0", "a 5-to-4 majority"), a rate's bare base ("30 in a
1,000", read by rate_bases), the last day of a span of dates ("conducted Nov. 6 to 10") or a
date's year ("July 14, 1789", "in ‘16"), a postal code ("NY, 10032"), a statistic in symbols
("SD = 0.54"), references and gallery sizes in brackets ("(10, 11)", "(16 Images)"), what a
photo caption shows ("In this April 11, 2018, file photo, two boys ..."), a live stock quote
("AMZN, -1.29%"), whatever follows a "References" heading and a few things said or asked
("the two things that made rodents successful") or ranked in an argument ("the two key
issues"). Each rule reads the number's role from the characters and words around
it, never from the story's words, so it holds on any outlet's page.

These stay quantities for `briefbot extract --json` (its contract counts what it counts) and are
left out of what the store keeps, as the incidental counts are (bot/extract/incidental.py).
"""

from __future__ import annotations

import re

from bot.extract.rate_bases import bare_rate_base
from bot.extract.units import UNITS, singular
from bot.extract.word_lists import word_list
from bot.model import Figure

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

# a link, an address or a markup attribute: "id=691977&pid=...", "doi:10.1073/pnas", "@user1"
_LINKISH = re.compile(r"=|://|www\.|doi:|@|\.(?:com|org|net|html?|php|xml)\b", re.IGNORECASE)

# "(302) 324-2785", "214-706-1755", "020.7946.0018": a phone number around the span
_PHONE = re.compile(r"(?:\(\d{3}\)\s?|\b\d{3}[-.])\d{3}[-.]\d{4}\b")
# "call 911", "dialled 999", "text WORK to 82623": the number one calls or texts
_CALL_BEFORE = re.compile(
    r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|phon(?:e|ed|ing)|text(?:ed|ing|s)?\s+\S+\s+to)\s+$",
    re.IGNORECASE,
)
# "the 911 call", "a 999 operator": a number naming the line the call went to
_CALL_AFTER = re.compile(
    r"\s+(?:call|calls|caller|callers|dispatcher|dispatchers|operator|operators|hotline)\b",
    re.IGNORECASE,
)

# "10. Mike Huckabee", "1. Donald Trump": a list's number opening its line
_LIST_ITEM_AFTER = re.compile(r"\.(?:\s|$)")
# "(10.)": a ranked list's earlier place in brackets
_RANK_IN_BRACKETS = re.compile(r"\.?\)")
# "page 1 | 2 | 3": a pager's links
_PIPE_BEFORE = re.compile(r"\|\s*$")
_PIPE_AFTER = re.compile(r"\s*\|")

# a vote, a score or a ratio: "92 to 0", "a 5-to-4 majority", "by 14 to 1", "a 4-to-4 tie"
_TO_TALLY = re.compile(r"(?:\w+\s+)?\d[\d,]*(?:\s+to\s+|-to-)\d[\d,]*")
_NUMBER = re.compile(r"\d[\d,]*")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)

# "conducted Nov. 6 to 10", "from Aug. 22 to 25": the last day of a span of dates
_DAY_SPAN_BEFORE = re.compile(
    r"\b" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:to|-|–|through|until|and)\s*$"
)

# "on July 14, 1789": the year of a date written month first
_MONTH_DAY_BEFORE = re.compile(r"\b" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+$")

# "New York, NY, 10032": a postal code after a state's abbreviation
_STATE_BEFORE = re.compile(r"\b[A-Z]{2},?\s+$")

# "SD = 0.54", "N = 12", "p < 0.001": a statistic written in symbols
_SYMBOL_BEFORE = re.compile(r"(?:^|[\s(;,\[])[A-Za-z]{1,3}\s?[=<>≤≥]\s?$")

# "95% CI", "a 95% confidence interval": the interval's level, not a measure
_INTERVAL_AFTER = re.compile(r"\s+(?:CI|confidence\s+intervals?)\b")

# "(10, 11)", "(18⇓⇓⇓–22)": references in brackets hold nothing but numbers
_REFERENCES = re.compile(r"[\d\s,.–\-⇓]+")
# "Slideshow (16 Images)": the size of a gallery
_GALLERY = re.compile(r"\s+(?:images|photos|pictures|videos|slides)\s*\)", re.IGNORECASE)

# "In this April 11, 2018, file photo, two boys push ...": an agency photo's caption
_CAPTION = re.compile(
    r"\bIn\s+this\s+[^\n]{0,60}?\b(?:photo|image|picture)(?:\s+(?:provided|released|taken)"
    r"\s+by\s+[^,\n]{1,60})?,"
)
# what a live quote widget puts before a change: a ticker ("AMZN,", "3786.KU") or a signed change
_QUOTE_BEFORE = re.compile(r"(?:\b[A-Z]{1,5}|\b\d{3,4}\.[A-Z]{1,3}|[-+−]\d[\d.]*),?\s+$")
# a line of its own that heads a scientific page's reference list
_REFERENCES_HEADING = re.compile(
    r"^[ \t]*(?:References|REFERENCES|Reference list|Literature [Cc]ited|Works [Cc]ited"
    r"|Bibliography)[ \t]*:?[ \t]*$",
    re.MULTILINE,
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+[A-Z\"“]")


# "15-bk-00679", "1:15-cv-01234": a court's case number, two letters between its digits
_CODE = re.compile(r"\d+-(?!to-)[a-z]{2}-\d{3,}")

# the small counts written in words whose rhetoric abstract_count reads
_SMALL_WORDS = re.compile(r"(?:two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)


def abstract_nouns() -> frozenset[str]:
    """Nouns of things said, asked or thought (data/abstract_nouns.txt)."""
    return word_list("abstract_nouns.txt")


# an adjective that ranks what it counts: "the two key issues", "three main elements"
_FRAMING = re.compile(
    r"(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:key|main|major|basic|general|broad"
    r"|fundamental|central|core|primary|principal|real|crucial|critical|important|big)\s+\S+$",
    re.IGNORECASE,
)


def framed_nouns() -> frozenset[str]:
    """Nouns of a writer's framing, counted after a ranking adjective (data/framed_nouns.txt)."""
    return word_list("framed_nouns.txt")


def _token(text: str, start: int, end: int) -> str:
    """The run of non-space characters holding text[start:end]."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    return text[a:b]


def _bare(f: Figure) -> bool:
    """A number with nothing measured after it and no range."""
    return f.unit not in UNITS and f.low is None and f.value is not None


def in_link_or_markup(text: str, f: Figure) -> bool:
    """Inside a link, an address or a markup tag: ids, timestamps, query values."""
    token = _token(text, f.start, f.end)
    if _LINKISH.search(token) or _CODE.search(token):
        return True
    lt = text.rfind("<", max(0, f.start - 300), f.start)
    return lt >= 0 and ">" not in text[lt : f.start]


def phone_number(text: str, f: Figure) -> bool:
    """A phone number or the number one calls or texts: "(302) 324-2785", "called 911"."""
    m = _PHONE.search(text, max(0, f.start - 6), min(len(text), f.end + 10))
    if m and m.start() < f.end and f.start < m.end():
        return True
    if not _bare(f) or f.unit is not None:
        return False
    return bool(
        _CALL_BEFORE.search(text, max(0, f.start - 30), f.start) or _CALL_AFTER.match(text, f.end)
    )


def list_number(text: str, f: Figure) -> bool:
    """The number of a list's item, a ranked list's earlier place or a pager's link."""
    if not _bare(f) or f.unit is not None or not f.surface.isdigit():
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    if not text[line_start : f.start].strip() and _LIST_ITEM_AFTER.match(text, f.end):
        return True  # "10. Mike Huckabee"
    if text[f.start - 1 : f.start] == "(" and _RANK_IN_BRACKETS.match(text, f.end):
        return True  # "Mike Huckabee (10.)"
    return bool(
        _PIPE_BEFORE.search(text, max(0, f.start - 3), f.start) or _PIPE_AFTER.match(text, f.end)
    )


# "Here are 10 more female celebs who ...", "Here are five key trends to watch": at a
# sentence's start, the count of the list the page goes on to give
_LIST_INTRO = re.compile(
    r"(?:^|[.!?:]['’\"”]?\s+|\n\s*)Here(?:\s+are|['’]s|\s+is)\s+"
    r"(?:(?:the|our|my|just|all)\s+)?(?:top\s+)?$"
)


def list_intro(text: str, f: Figure) -> bool:
    """The count a page gives its own list ("Here are 10 more female celebs who ...", "Here
    are five key trends to watch"): how many items follow, not a quantity in the news. A
    measure ("Here's $5") stays."""
    return f.unit not in UNITS and bool(_LIST_INTRO.search(text, max(0, f.start - 30), f.start))


def tally(text: str, f: Figure) -> bool:
    """A vote, score or ratio read as a range: "92 to 0", "a 5-to-4 majority", "14 to 1". A
    range runs upward ("6 to 9"); one whose second number is not above its first, or one
    written "N-to-M" as a modifier, compares two sides instead, unless "from" makes it a
    change ("a decline from 785 to 708")."""
    if f.unit in UNITS or not _TO_TALLY.fullmatch(f.surface.strip()):
        return False
    if "-to-" in f.surface:
        return True
    if f.surface.lower().startswith("from") or _FROM_BEFORE.search(
        text, max(0, f.start - 6), f.start
    ):
        return False
    first, second = (float(x.replace(",", "")) for x in _NUMBER.findall(f.surface)[:2])
    return second <= first


def day_span_end(text: str, f: Figure) -> bool:
    """The last day of a span of dates written month first: "Nov. 6 to 10"."""
    return (
        _bare(f)
        and f.unit is None
        and f.surface.isdigit()
        and 1 <= (f.value or 0) <= 31
        and bool(_DAY_SPAN_BEFORE.search(text, max(0, f.start - 24), f.start))
    )


def date_year(text: str, f: Figure) -> bool:
    """The year of a date written month first ("July 14, 1789") or a year cut to two digits
    after an opening quote ("Electing Hillary in ‘16")."""
    if not _bare(f) or f.unit is not None or not f.surface.isdigit():
        return False
    if len(f.surface) == 2 and text[f.start - 1 : f.start] == "‘":
        return text[f.end : f.end + 1] != "’"  # not a number quoted on its own: "‘16’"
    return len(f.surface) == 4 and bool(
        _MONTH_DAY_BEFORE.search(text, max(0, f.start - 20), f.start)
    )


def postal_code(text: str, f: Figure) -> bool:
    """A five-digit postal code after a state's abbreviation: "New York, NY, 10032"."""
    return (
        _bare(f)
        and f.unit is None
        and len(f.surface) == 5
        and f.surface.isdigit()
        and bool(_STATE_BEFORE.search(text, max(0, f.start - 6), f.start))
    )


def notation(text: str, f: Figure) -> bool:
    """A statistic written in symbols ("SD = 0.54", "N = 12") or the level of a confidence
    interval ("95% CI, 14% to 40%"), as a paper's results give them."""
    if f.unit == "percent" and _INTERVAL_AFTER.match(text, f.end):
        return True
    return _bare(f) and bool(_SYMBOL_BEFORE.search(text, max(0, f.start - 8), f.start))


def in_brackets(text: str, f: Figure) -> bool:
    """References in brackets ("(10, 11)", "(39⇓–41)", "[14]") or a gallery's size
    ("(16 Images)")."""
    if text[f.start - 1 : f.start] == "(" and _GALLERY.match(
        text, f.start + len(f.surface.split()[0])
    ):
        return True
    if f.unit is not None:
        return False
    square = _bracketed(text, f, "[", "]")
    if square is not None and _REFERENCES.fullmatch(square):
        return True  # "[ 11 ]", "[17,18]", "[ 7 – 10 ]": numbered citations, even one alone
    if not _bare(f):
        return False
    inner = _bracketed(text, f, "(", ")")
    if inner is None:
        return False
    return bool(_REFERENCES.fullmatch(inner)) and ("," in inner or "⇓" in inner or "–" in inner)


def _bracketed(text: str, f: Figure, opener: str, closer: str) -> str | None:
    """What the brackets around f hold, when both lie within 20 characters of it: a citation's
    brackets are close about its numbers."""
    open_ = text.rfind(opener, max(0, f.start - 20), f.start)
    close = text.find(closer, f.end, f.end + 20)
    return text[open_ + 1 : close] if open_ >= 0 and close >= 0 else None


def abstract_count(f: Figure) -> bool:
    """Two to ten things said, asked or thought, written in words ("the two things that",
    "three words everyone must say"), or the points of an argument ranked by an adjective
    ("the two key issues", "three main elements", "two real choices"): rhetoric, not a
    quantity."""
    if f.unit is None or f.unit in UNITS or f.low is not None:
        return False
    if not _SMALL_WORDS.match(f.surface):
        return False
    noun = singular(f.unit.lower())
    return noun in abstract_nouns() or (
        noun in framed_nouns() and bool(_FRAMING.fullmatch(f.surface))
    )


def stock_quote(text: str, f: Figure) -> bool:
    """A signed percent change beside a ticker symbol or a price change ("Amazon.com Inc. AMZN,
    -1.29%", "3786.KU -2.22%", "RM0.22 -0.01 -2.22%"): a finance site's live quote widget,
    not a figure the story states."""
    return (
        f.unit == "percent"
        and f.surface[:1] in "-+−"
        and bool(_QUOTE_BEFORE.search(text, max(0, f.start - 12), f.start))
    )


def in_references(text: str, f: Figure) -> bool:
    """After a line that heads a reference list ("References", "Literature Cited"): the
    numbers of cited works (volumes, pages, "two presumptive bunyaviruses" in a cited title),
    not of the story."""
    return any(m.start() < f.start for m in _REFERENCES_HEADING.finditer(text, 0, f.start))


def in_caption(text: str, f: Figure) -> bool:
    """In a news agency's photo caption ("In this April 11, 2018, file photo, two boys ..."):
    it tells what a picture shows, not the news."""
    line_start = text.rfind("\n", 0, f.start) + 1
    head = text[max(line_start, f.start - 200) : f.start]
    last = max((m.end() for m in _CAPTION.finditer(head)), default=-1)
    return last >= 0 and not _SENTENCE_BREAK.search(head, last)


def furniture(text: str, f: Figure) -> bool:
    """Whether figure f is page furniture or notation rather than news (see the module doc)."""
    return (
        in_link_or_markup(text, f)
        or phone_number(text, f)
        or list_number(text, f)
        or list_intro(text, f)
        or tally(text, f)
        or bare_rate_base(text, f)
        or day_span_end(text, f)
        or date_year(text, f)
        or postal_code(text, f)
        or notation(text, f)
        or in_brackets(text, f)
        or in_caption(text, f)
        or stock_quote(text, f)
        or in_references(text, f)
        or abstract_count(f)
    )
