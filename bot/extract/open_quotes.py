"""A quotation that runs over several paragraphs is attributed at its end.

US copy quotes a long statement paragraph by paragraph: each paragraph opens with a quote
mark, only the last one closes, and the cue comes after that last piece ('"We have worked on
this bill for two years. / "The people deserve better," he said.'). By the typographic
convention a paragraph left open continues in the next, so the open paragraph's words are
the speaker's whom the next paragraph's own cue names.

Precision first: the open quote must have found no cue of its own, the next paragraph must
open with the next quote, and that quote's speaker must come from a cue in its own
paragraph (not a run-on or a guess handed on from further back); words that name the speaker
are about them, not theirs.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.model import Quote

_MARKS = "\"“”'‘’"
# between an open paragraph's end and the next quote: one paragraph break and a quote mark
_NEXT_PARAGRAPH = re.compile(r"\s*\n\s*[\"“]\s*\Z")
# paths that found no cue of their own: the speaker was guessed from elsewhere or not at all
_UNCUED = ("reporter", "uncued", "continued")


def forward_open_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """quotes (document order) with each unattributed paragraph left open given the speaker
    the next paragraph's cue names."""
    out = list(quotes)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.speaker is not None or nxt.speaker is None or q.kind == "indirect":
            continue
        if q.path is not None and not q.path.startswith(_UNCUED):
            continue  # its own cue named nobody we can print ("a source said")
        if text[q.end : q.end + 1] in _MARKS or text[q.end : q.end + 1] not in ("\n", ""):
            continue  # closed, or not running to its paragraph's end
        if (
            not _NEXT_PARAGRAPH.match(text[q.end : nxt.start])
            or "\n\n\n" in text[q.end : nxt.start]
        ):
            continue
        if nxt.speaker.split()[-1] in q.text:
            continue  # "Sen. Bernie Sanders took the stage ...": words about them, not theirs
        path = nxt.path or ""
        if not path.startswith(("cue-after", "forward")):
            continue
        out[i] = replace(q, speaker=nxt.speaker, path=f"forward+{path}")
    return out
