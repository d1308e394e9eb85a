"""Short lines without a sentence's end are page labels, not text that names speakers.

Web pages leave captions, credits, teasers and subheads between paragraphs: "Advertisement
Continue reading the main story", "Scarlett's dress (Heritage Auctions)", "Jimmy Kimmel
Bests Leno & Letterman", "RELATED: Pregnant Eva Longoria Never ...". Read as text, their
capitalised runs became people ("Advertisement Continue", "Heritage Auctions") that a
later "he said" resolved to. A line of at most _MAX_WORDS words that ends on no sentence
mark (. ! ? : or a closing quote) after the first line (the headline, read elsewhere) is such
a label; its words are blanked before names are read.
"""

from __future__ import annotations

import re

_MAX_WORDS = 12
_LINE = re.compile(r"[^\n]+")
_ENDS = ".!?:\"”’'…"


def _label(line: str) -> bool:
    body = line.rstrip().rstrip(")")  # "(... Thrush.)" ends its sentence inside the bracket
    return bool(body) and body[-1] not in _ENDS and len(line.split()) <= _MAX_WORDS


def blank_labels(text: str, head: int) -> str:
    """text with every label line after the first line (and after head) turned to spaces."""
    first = text.find("\n")
    if first < 0:
        return text
    parts: list[str] = []
    pos = 0
    for m in _LINE.finditer(text, max(first + 1, head)):
        if _label(m.group()):
            parts += [text[pos : m.start()], " " * (m.end() - m.start())]
            pos = m.end()
    return text if not parts else "".join(parts) + text[pos:]


def paragraph_breaks(gap: str) -> int:
    """The line breaks in gap (a paragraph and the lines after it, up to the next paragraph),
    label lines after its first line left out: an "ADVERTISEMENT" line or a caption between
    two paragraphs does not part them, so the continued-paragraph convention reads across it."""
    lines = gap.split("\n")
    kept = lines[:1] + [ln for ln in lines[1:] if not (ln.strip() and _label(ln))]
    return len(kept) - 1
