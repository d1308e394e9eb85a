"""A quote introduced by the line before it: "Dr. Ward stated:" closing the paragraph, or a
paragraph that is only a short label ("CNBC’s Larry Kudlow:") naming the speaker."""

from __future__ import annotations

import bisect

from bot.extract.attribution import clause_subject, cue_index, subject_after, subject_before
from bot.extract.doc import ArticleDoc, Segment
from bot.extract.mentions import Mention
from bot.extract.name_checks import sentence_index


def colon_intro(doc: ArticleDoc, seg: Segment) -> Mention | None:
    """`Dr. Ward stated:` closing the paragraph before a quote introduces it."""
    text = doc.text
    k = seg.open - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    line_start = text.rfind("\n", 0, k) + 1
    if doc.sentences:  # the sentence that ends at the colon, not the paragraph's first one
        line_start = max(line_start, doc.sentences[sentence_index(doc, k)].start)
    toks = doc.unmasked(line_start, k)
    ci = cue_index(toks, reverse=True)
    if ci is None:
        return clause_subject(toks, 0, len(toks), accept=doc.speaker_ok) or _label(
            doc, line_start, k
        )
    return (
        subject_before(toks, ci)
        or subject_after(toks, ci)
        or clause_subject(toks, 0, ci, accept=doc.speaker_ok)
    )


_LABEL_WORDS = 8


def _label(doc: ArticleDoc, start: int, colon: int) -> Mention | None:
    """A paragraph that is only a short label for the quote after it ("Fox News’s Sean
    Hannity:", "CNBC’s Larry Kudlow:"): its one named person."""
    if start > 0 and doc.text[start - 1] != "\n":
        return None  # not a paragraph of its own
    if len(doc.text[start:colon].split()) > _LABEL_WORDS:
        return None
    k = bisect.bisect_left(doc.person_starts, start)
    found = [p for p in doc.persons[k:] if p.start < colon and p.name]
    if len(found) != 1 or doc.text[found[0].end : colon].strip():
        return None  # nobody, two people, or words after the name ("Palin's remarks:")
    return found[0]
