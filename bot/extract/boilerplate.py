"""Tell publishing furniture (bylines, credits, captions, notices) from story text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.model import Sentence

_NAME = r"[A-Z][\w'’.\-]*"
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,3}}"
_NAME_LIST = rf"{_NAMES}(?:\s*(?:,|and|&)\s*(?:and\s+)?{_NAMES})*"


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern, tried only on lines that could match it (a cheap gate keeps this fast)."""

    pattern: re.Pattern[str]
    keywords: tuple[str, ...] = ()  # one must occur in the lower-cased line
    max_words: int = 60


def _rule(pattern: str, keywords: str = "", max_words: int = 60, ignore_case: bool = True) -> _Rule:
    flags = re.IGNORECASE if ignore_case else 0
    return _Rule(
        re.compile(pattern, flags), tuple(keywords.split("|")) if keywords else (), max_words
    )


# Rules starting with ^ are matched at the start of the line; the rest anywhere in it.
_RULES: tuple[_Rule, ...] = (
    # Credit lines: "A, B and C contributed to the report.", "Reporting by X; Editing by Y"
    _rule(
        r"\b(?:contributed|contributing)\s+(?:to\s+)?(?:this|the)?\s*"
        r"(?:report|reporting|story|article)\b.{0,40}$",
        "contribut",
    ),
    _rule(
        rf"^(?i:additional\s+)?(?i:reporting|writing|editing|compiled|produced|edited|written)"
        rf"\s+(?i:by)\s+(?:the\s+)?{_NAME}.{{0,160}}$",
        " by ",
        40,
        ignore_case=False,
    ),
    # Bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Staff writer"
    _rule(rf"^(?i:by)\s+{_NAME_LIST}(?:\s*[,|/–—-]\s*{_NAMES})?\.?$", "by ", 14, ignore_case=False),
    _rule(
        r"^(?:by\s+)?(?:staff|special)\s+(?:writer|correspondent|reporter)s?\.?$",
        "staff|special",
        5,
    ),
    # Wire sign-offs: "With Post wires", "With wire services", "With AP", "— Reuters"
    _rule(
        r"^[—–-]*\s*(?:with\s+)?(?:\w+\s+){0,2}(?:wires?|wire\s+services?|news\s+services?)"
        r"(?:\s+reports?)?\.?$",
        "wire|service",
        6,
    ),
    _rule(
        r"^[—–-]*\s*with\s+(?:the\s+)?(?:AP|Reuters|AFP|Associated Press|Bloomberg)\.?$", "with", 5
    ),
    # Captions and photo credits: "(Featured Image Media Credit: X)", "Photo: X/Getty Images"
    _rule(r"\b(?:image|photo|picture|media|video|graphic|illustration)s?\s*credit\s*:", "credit"),
    _rule(
        r"^\(?\s*(?:photo|image|picture|photograph|caption|video|file photo)\s*[:|]",
        "photo|image|picture|caption|video",
    ),
    _rule(
        r"^\(?[^()]{0,80}(?:/|\bvia\s+)(?:getty images|ap|reuters|afp|epa|shutterstock)\)?\.?$",
        "getty|ap|reuters|afp|epa|shutterstock",
        16,
    ),
    _rule(r"^\(?(?:ap|afp|reuters|getty images|epa)\s+photo\b", "photo"),
    # Wire captions: "FILE - In this Oct. 27, 2012 file photo, X appears at ..."
    _rule(r"^(?:file\s*[-–—]+\s*)?in\s+this\s+.{0,60}?\b(?:file\s+)?photo(?:graph)?\b", "photo"),
    # Navigation and furniture: "Comment:", "More coverage on X", "Read more", "Advertisement"
    _rule(
        r"^(?:comments?|related(?:\s+\w+)?|more|see\s+also|read\s+more|tags?|topics?|share"
        r"|advertisement|update[ds]?|corrections?|sources?|credits?|notes?)\s*:$",
        ":",
        3,
    ),
    _rule(
        r"^(?:more|further|related|latest|full)\s+(?:coverage|stories|reading|news|on|from|about)"
        r"\b.{0,80}$",
        max_words=15,
    ),
    _rule(
        r"^(?:read\s+(?:more|the\s+full|our)|see\s+also|click\s+here|tap\s+here|sign\s+up\s+(?:for|to)"
        r"|subscribe\s+to|follow\s+(?:us|me|@)|share\s+(?:this|on)|download\s+(?:the|our)\s+app"
        r"|(?:watch|listen)\s+again)\b|^(?:related|more|see\s+also|read\s+more|watch|listen)\s*[:|]",
        max_words=20,
    ),
    _rule(
        r"^(?:advertisement|sponsored|share this|comments?|related|trending|loading\W*)$",
        max_words=2,
    ),
    # Web-page furniture around the story: social embeds and their notices, archive-crawl
    # notices, cookie and newsletter prompts, share lines and "Learn more" style links.
    _rule(
        r"\b(?:tweet\s+with\s+a\s+location|location\s+(?:information\s+)?to\s+your\s+tweets"
        r"|your\s+tweet\s+location|twitter\s+stores\s+that\s+location"
        r"|switch\s+location\s+on/off)\b",
        "tweet|location",
    ),
    _rule(
        r"[—–-]\s*[^()@]{1,60}\(@\w{1,30}\)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
        r"\.?\s+\d{1,2},\s+\d{4}\s*$",
        "(@",
    ),
    _rule(r"^(?:pic\.twitter\.com|https?://t\.co)/\S+$", "pic.twitter|t.co", 3),
    _rule(
        r"\b(?:th(?:is|ese|e)\s+crawls?\b|wayback\s+machine|warc\s+files?|internet\s+archive\b)",
        "crawl|wayback|warc|internet archive",
    ),
    _rule(
        r"\b(?:we\s+use\s+cookies|uses?\s+cookies\s+to|cookie\s+(?:policy|settings|preferences)"
        r"|accept\s+(?:all\s+)?cookies|by\s+continuing\s+to\s+(?:use|browse)\s+(?:this|our|the)\s+"
        r"(?:site|website))\b",
        "cookie|continuing",
    ),
    _rule(
        r"\b(?:sign\s+up\s+for\s+(?:our|the|a)\s+\w*\s*newsletters?|subscribe\s+to\s+(?:our|the)\s+"
        r"\w*\s*newsletters?|newsletters?\s+delivered|delivered\s+(?:straight\s+)?to\s+your\s+inbox"
        r"|enter\s+your\s+e-?mail(?:\s+address)?)\b",
        "newsletter|inbox|enter your",
    ),
    _rule(
        r"\b(?:recommending\s+(?:this|the)\s+page|spreading\s+the\s+word\s+about"
        r"|we\s+do\s+not\s+capture\s+any\s+e-?mail)",
        "recommending|spreading|capture",
    ),
    _rule(
        r"^(?:learn\s+more|continue\s+reading(?:\s+the\s+main\s+story)?|read\s+more|see\s+more"
        r"|show\s+more|click\s+to\s+(?:share|print|email|expand)|(?:advertisement\s+)?continue\s+"
        r"reading\s+the\s+main\s+story|share\s+(?:this|on\s+\w+)|tweet\s+this|email\s+this"
        r"|pin\s+it|skip\s+(?:to\s+)?(?:main\s+)?content|image\s+copyright\b.{0,60}"
        r"|(?:photo|image|picture)\s+(?:by|courtesy\s+of)\s+.{1,60})\.?$",
        max_words=12,
    ),
    _rule(r"^(?:photo|abstract|video|image|_+|#+|\*+|-+)$", max_words=1),
    _rule(r"^(?:editor'?s?|editors’)\s+note\b", "note"),
    _rule(
        r"^this (?:story|article|report) (?:has been|was) (?:updated|corrected|amended)\b", "this"
    ),
    # Licence and republishing notices
    _rule(
        r"\ball\s+(?:content|articles?|material|stories)\s+(?:created|produced|published)\s+by\b",
        "all ",
    ),
    _rule(
        r"\brepublish(?:ed|ing)?\b.{0,60}\b(?:must|may|include|credit|permission)\b", "republish"
    ),
    _rule(r"\bavailable\s+(?:without|free\s+of)\s+charge\s+to\b.{0,60}\bpublishers?\b", "charge"),
    _rule(r"\ball\s+rights\s+reserved\b|^(?:copyright|©|\(c\))\s", "rights|copyright|©|(c)"),
    _rule(
        r"\bmay\s+not\s+be\s+(?:re)?published\b.{0,40}\b(?:broadcast|rewritten|redistributed)",
        "published",
    ),
    _rule(r"\boriginally\s+(?:published|appeared)\s+(?:in|on|at|by)\b", "originally"),
    _rule(
        r"^(?:this|the)\s+(?:article|story|piece)\s+(?:first|originally)\s+(?:appeared|ran)\b",
        "first|originally",
    ),
    _rule(r"\breprinted\s+with\s+permission\b", "reprinted"),
    # Contact lines: an e-mail address, "please contact", "send tips to"
    _rule(r"[\w.+\-]+@[\w\-]+\.[\w.\-]+|\[email(?:&#160;|\s)protected\]", "@|protected"),
    _rule(r"\b(?:please\s+)?contact\s+(?:us|the\s+(?:author|newsroom|desk))\b", "contact"),
    _rule(
        r"^(?:for\s+(?:any\s+)?(?:questions|inquiries|enquiries)\b.{0,120}\bcontact\b)", "contact"
    ),
    _rule(r"^(?:send|email|e-mail)\s+(?:us\s+)?(?:your\s+)?(?:news\s+)?tips?\b", "tip"),
    # Datelines and time stamps on their own line: "KYIV, Ukraine (AP) —", "Updated 3:45 PM ET"
    _rule(
        r"^[A-Z][A-Z .'\-]{2,40}(?:,\s*[\w .]{2,30})?\s*(?:\([\w .]{1,20}\))?\s*[—–-]+$",
        "—|–|-",
        8,
        ignore_case=False,
    ),
    _rule(
        r"^(?:published|updated|posted|last\s+updated|first\s+published)\b.{0,60}"
        r"(?:\d{1,2}:\d{2}|\d{4}|ago|am|pm|gmt|utc|et|bst)\.?$",
        "published|updated|posted",
        14,
    ),
    _rule(
        r"^(?:mon|tue|wed|thu|fri|sat|sun)?[a-z]*,?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
        r"[a-z]*\.?\s+\d{1,2},?\s+\d{4}(?:\s+\d{1,2}:\d{2}\s*(?:am|pm)?\s*\w{0,4})?\.?$",
        max_words=8,
    ),
)

_Search = Callable[[str], "re.Match[str] | None"]


@dataclass(frozen=True, slots=True)
class _Plan:
    """The rules a line of one word count may match. Whether a rule fires never depends on
    the order they are tried in, so the plan tries them in the cheapest order."""

    plain: tuple[_Search, ...]  # rules with no keyword gate
    keywords: tuple[str, ...]  # every keyword of the gated rules, each once
    gated: tuple[tuple[frozenset[str], _Search], ...]  # (its keywords, its pattern's search)


def _plan(n_words: int) -> _Plan:
    rules = [rule for rule in _RULES if n_words <= rule.max_words]
    gated = [rule for rule in rules if rule.keywords]
    return _Plan(
        plain=tuple(rule.pattern.search for rule in rules if not rule.keywords),
        keywords=tuple(dict.fromkeys(k for rule in gated for k in rule.keywords)),
        gated=tuple((frozenset(rule.keywords), rule.pattern.search) for rule in gated),
    )


# Plans by word count, made once: a 40-word sentence never tries the 5-word rules, and one
# substring test per keyword (not per rule) rules out every gated rule whose keywords are
# all absent, which is nearly all of them (ingest checks every sentence of every article).
_LONGEST = max(rule.max_words for rule in _RULES)
_PLANS = tuple(_plan(n) for n in range(_LONGEST + 1))


def is_boilerplate(text: str) -> bool:
    """True when a line or sentence is publishing furniture rather than story text.

    General patterns: bylines, credit lines, captions and photo credits, wire sign-offs,
    navigation ("More coverage on ..."), labels ("Comment:"), licence and republishing
    notices, contact lines and stand-alone datelines or time stamps. A rule with keywords
    is only tried when one of them occurs in the lower-cased line.
    """
    tokens = text.split()
    n_words = len(tokens)
    if not n_words or n_words > _LONGEST:
        return False  # every rule has a word limit
    line = " ".join(tokens)
    plan = _PLANS[n_words]
    for search in plan.plain:
        if search(line):
            return True
    lower = line.lower()
    present = [k for k in plan.keywords if k in lower]
    if not present:
        return False
    return any(search(line) for keywords, search in plan.gated if not keywords.isdisjoint(present))


def boilerplate_sentences(text: str, sentences: Sequence[Sentence]) -> set[int]:
    """Indexes of `sentences` that are boilerplate, whole trailing notice blocks included.

    A closing notice often runs over several sentences of which only the first names itself
    ("All content created by ... All republished articles must ... For any questions ...").
    So a paragraph whose first sentence is boilerplate is dropped whole when nothing but
    boilerplate follows it.
    """
    flagged = {i for i, s in enumerate(sentences) if is_boilerplate(s.text)}
    return flagged | trailing_notices(sentences)


def trailing_notices(sentences: Sequence[Sentence]) -> set[int]:
    """The closing block of notices: the last paragraphs whose first sentence is boilerplate.

    Read from the end, so only those first sentences are checked (summaries ask for this
    block alone and check other sentences only when a summary looks at them).
    """
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_paragraph.setdefault(s.paragraph, []).append(i)
    block: set[int] = set()
    for paragraph in sorted(by_paragraph, reverse=True):
        members = by_paragraph[paragraph]
        if not is_boilerplate(sentences[members[0]].text):
            break  # story text: the trailing block of notices ends here
        block.update(members)
    return block


_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
MIN_STORY_WORDS = 15  # words of story text a page must keep once its furniture is set aside


def has_story_text(text: str, min_words: int = MIN_STORY_WORDS) -> bool:
    """False for a page that is nothing but furniture (an embed notice, a crawl notice, a
    cookie prompt): fewer than `min_words` words are left once boilerplate lines go.

    As in trailing_notices, a line whose first sentence is boilerplate is furniture whole
    (notices run over several sentences of which only the first names itself). Words are
    summed over lines, so hard-wrapped text counts in full; a real article is settled by
    its first lines.
    """
    words = 0
    for line in text.split("\n"):
        n_words = len(line.split())
        if n_words and not is_boilerplate(_FIRST_SENTENCE.split(line, 1)[0]):
            words += n_words
            if words >= min_words:
                return True
    return False


# A photo caption run into the text: "file photo shows ...", "X (left) and Y ...", "pictured".
# "(R)" alone is a party ("Sen. Ted Cruz (R)"), so only "(L)" stands for a place in a picture.
_CAPTION = re.compile(
    r"\bfile[- ]photo\b|\bphoto(?:graph)?s? (?:shows?|taken|released|provided)\b|\bpictured\b"
    r"|\((?:L|left|right|cent(?:er|re)|far left|far right|top|bottom|top left|top right)\)"
    r"|^File\s*[-–—]",
    re.IGNORECASE,
)
# A photo credit or a gallery counter inside a sentence: the "sentence" is a caption, or a
# caption run into the text ("... more Photo: Kurt Rogers Image 2 of 3 The F.B.I. ...").
# Case matters: "Photo: Name" and "AP Photo" are credits, "photos by the family" is prose.
_CREDIT = re.compile(
    r"\b(?:[Ii]mage|[Pp]hoto|[Pp]icture|[Ss]lide)s? \d+ of \d+\b"
    r"|\b(?:AP|AFP|Getty|Reuters|EPA)[ /]?(?:Photo|Images)\b"
    r"|\bPhoto(?:graph)?(?::| by| courtesy of| credit:?) ?[A-Z]"
)


def is_page_furniture(text: str) -> bool:
    """A caption, a teaser cut off mid-sentence ("ABC and CNN, citing officials...") or a
    social post carrying its link: page furniture, not the story's text, though the page
    prints it as a sentence (summaries.multi never picks one). An ellipsis inside a quote
    ends on the quotation mark and stays."""
    return (
        text.rstrip().endswith(("...", "…"))
        or "http://" in text
        or "https://" in text
        or is_caption(text)
    )


def is_caption(text: str) -> bool:
    """True for a photo caption left in the article text: it describes a picture the reader
    of a summary cannot see (tune half: candidates in 6 of 65 stories, picked in 2)."""
    lowered = text.lower()  # a cheap gate first: most sentences hold none of the cues
    cued = "(" in text or "photo" in lowered or "pictur" in lowered or lowered.startswith("file")
    if cued and _CAPTION.search(text) is not None:
        return True
    return _CREDIT.search(text) is not None
