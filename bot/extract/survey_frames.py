"""A poll or survey named as the frame of a sentence's figures: "In the new Post-ABC poll, the
real estate mogul wins about 1 in 3 GOP primary voters", "Clinton leads 47 percent to 40 percent
in a new Quinnipiac poll".

Political news gives a poll's shares with no reporting verb, the poll set in a phrase of place
("in the poll") instead of as a subject ("the poll found"); the figures are the poll's. Only a
singular poll, survey or study with a determiner is read so: "in the polls" (all of them) and
"in the poll's margin" name no one source.
"""

from __future__ import annotations

import re

from bot.extract.claimant_names import clean_subject

_IN_SURVEY = re.compile(
    r"(?:^|(?<=[\s,;(—–-]))[Ii]n\s+(?P<x>(?:the|a|an|this|that)\s+"
    r"(?:(?!(?:of|earlier|previous|prior|wake)\s)[\w\-'’./&]+\s+){0,5}?"
    r"(?:poll|survey|study))\b(?!['’]s|\s*\(|-)"
)
# who carried it out or had it done: "In the survey carried out by ICM Research", "in a poll
# for mobile firm Intervoice"
_BY_AFTER = re.compile(
    r"\s+(?:(?:carried\s+out|conducted|commissioned|done)\s+)?(?:by|for)\s+"
    r"(?P<by>(?:[a-z\-]+\s+){0,2}[A-Z][\w&'’.\-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.\-]*){0,4})"
)
# what a poll finds: a share or a margin ("47 percent", "Six in 10", "more than half", "a
# 10-point lead"), not a count or a time ("three economists", "two years", "800 voters")
_SHARE = re.compile(
    r"(?:(?:about|around|nearly|almost|some|just|only|roughly|more\s+than|fewer\s+than"
    r"|less\s+than|higher\s+than|over|under)\s+)?"
    r"(?:[\d.,]+\s*(?:%|percent\b|per\s+cent\b|percentage\b|-?points?\b|-percent\b)"
    r"|[A-Za-z\-]+[\s-](?:percent\b|percentage\b|points?\b)|[\w\-]+\s+in\s+(?:\d+|ten|four|three|five)\b"
    r"|(?:half|a\s+third|two-thirds|a\s+quarter|three-quarters|a\s+majority)\b)",
    re.IGNORECASE,
)


def survey_frame(sentence: str, rel: int) -> str | None:
    """The poll, survey or study a sentence sets the share at rel in ("in the new Post-ABC
    poll"), as printed, or None (for a figure that is no share or margin, too)."""
    m = _IN_SURVEY.search(sentence)
    if m is None or not any(s.start() <= rel < s.end() for s in _SHARE.finditer(sentence)):
        return None  # rel may be any number of the figure: "3" of "about 1 in 3"
    by = _BY_AFTER.match(sentence, m.end())
    if by is not None:
        return clean_subject(by.group("by")) or clean_subject(m.group("x"))
    return clean_subject(m.group("x"))
