"""Find an article's publication date where its source states one: a URL path, a
"Published:" line or a dateline at the top of the text. Precision first: a date is taken
only when day, month and year are all written and unambiguous, never guessed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# The written forms of a full date: 2024-03-12, 12 March 2024, March 12, 2024.
_FORMS = tuple(
    re.compile(form, re.IGNORECASE)
    for form in (
        rf"{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)",
        rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}",
        rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    )
)
_DATE = "(?P<date>" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", f.pattern) for f in _FORMS) + ")"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# "Published: 12 March 2024", "First published on Tue 12 March 2024", "Date: 2024-03-12".
_LABELLED = re.compile(
    rf"^\s*(?:first\s+)?(?:published|posted|date|dated)(?:\s+on)?\s*:?\s*{_WEEKDAY}{_DATE}",
    re.IGNORECASE,
)
# A dateline: "LONDON, March 12, 2024 (Reuters) -", "KYIV, 12 March 2024 —".
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z.'\- ]{{1,40}},\s*{_WEEKDAY}{_DATE}\s*(?:\([^)]{{1,30}}\)\s*)?[-–—:]",
    re.IGNORECASE,
)
# /2024/03/12/ or /2024-03-12/ in a URL path (the form news sites use for dated articles).
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<mnum>[01]\d)[/-](?P<day>[0-3]\d)(?:[/._-]|$)"
)
HEAD_LINES = 6  # a "Published:" line or dateline sits at the top of a story


def _iso(year: int, month: int, day: int) -> str:
    """The stored form, or '' for an impossible or future date."""
    try:
        when = datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return ""
    if when > datetime.now(UTC):
        return ""
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _from_match(m: re.Match[str]) -> str:
    parts = m.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()]
    return _iso(int(parts["year"]), month, int(parts["day"]))


def parse_date(written: str) -> str:
    """A written full date ('12 March 2024', 'March 12, 2024', '2024-03-12') in stored form."""
    for form in _FORMS:
        m = form.fullmatch(written.strip())
        if m:
            return _from_match(m)
    return ""


def date_in_text(text: str) -> str:
    """The date of a "Published:"/"Date:" line or a dateline among the first lines, else ''."""
    lines = [line for line in text.lstrip().split("\n", HEAD_LINES)[:HEAD_LINES] if line.strip()]
    for pattern in (_LABELLED, _DATELINE):
        for line in lines:
            m = pattern.match(line)
            if m:
                found = parse_date(m.group("date"))
                if found:
                    return found
    return ""


def date_in_url(url: str) -> str:
    """The date a news URL's path gives (/2024/03/12/...), else ''."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    m = _URL_DATE.search(path)
    return _from_match(m) if m else ""
