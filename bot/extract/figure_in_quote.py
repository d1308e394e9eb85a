"""Whether a figure sits between quote marks, read from the marks of its own paragraph."""

from __future__ import annotations

import re

from bot.model import Sentence

# a quote mark; two apostrophes are one in pages that write quotes so ("''Compared to ...,''
# Mr. Verdery said"), as some US papers' archives do
_QUOTE_MARK = re.compile(r"[\"“”]|(?<!')''(?!')")


def inside_quotes(text: str, sent: Sentence, rel: int) -> bool:
    """Whether the last quote mark before the figure in its paragraph opens a quote.

    Read from the mark's neighbours, not from counting: news paragraphs often close a
    quote opened in an earlier paragraph.
    """
    para_start = text.rfind("\n", 0, sent.start) + 1
    pos = sent.start + rel
    m = max(_QUOTE_MARK.finditer(text, para_start, pos), key=lambda x: x.start(), default=None)
    if m is None:
        return False
    mark = m.group(0)
    if mark in "“”":
        return mark == "“"
    before = text[m.start() - 1] if m.start() > para_start else " "
    after = text[m.end()] if m.end() < len(text) else " "
    return (before.isspace() or before in "([—–-") and not after.isspace()
