"""Quoted segments: runs between quote marks, paired by the side each mark faces.

A quote that runs on over a paragraph break the copy lost (`mobbed. "Every week ...`) ends
where the next one opens; an unclosed quote runs to the end of its line.
"""

from __future__ import annotations

import re

from bot.extract.doc import Segment

_LINE = re.compile(r"[^\n]+")
_CLOSERS_AFTER = re.compile(r"[\s.,;:!?)\]—–-]|$")


def find_segments(text: str) -> list[Segment]:
    """Runs between double quotes (curly or straight) per line; unclosed quotes run to line end."""
    out: list[Segment] = []
    for line in _LINE.finditer(text):
        ls, le = line.start(), line.end()
        if _QUOTE_CHARS.search(text, ls, le):
            out.extend(_scan_line(text, ls, le))
        if "''" in line.group(0):
            out.extend(_scan_double_apostrophes(text, ls, le))
    out.sort(key=lambda s: s.start)
    return out


_QUOTE_CHARS = re.compile(r'["“”]')


def _scan_line(text: str, ls: int, le: int) -> list[Segment]:
    out: list[Segment] = []
    opened: int | None = None
    for m in _QUOTE_CHARS.finditer(text, ls, le):
        i = m.start()
        ch = text[i]
        if ch == '"':
            side = _straight_side(text, i, ls, le)
            if opened is None:
                if side != "close":
                    opened = i
            elif side == "open":
                # `mobbed. "Every week ...`: a quote that runs on over a paragraph break the
                # copy lost (the continued-paragraph convention) ends where the next opens
                out.append(_segment(text, opened, i))
                opened = i
            else:
                out.append(_segment(text, opened, i))
                opened = None
        elif ch == "“":
            if opened is None:
                opened = i
            elif i > ls and not text[i - 1].isspace() and _CLOSERS_AFTER.match(text, i + 1):
                out.append(_segment(text, opened, i))  # a misprinted closing mark
                opened = None
        elif opened is not None:
            out.append(_segment(text, opened, i))
            opened = None
        elif (i == ls or text[i - 1].isspace()) and i + 1 < le and text[i + 1].isalnum():
            opened = i  # a misprinted opening mark
    if opened is not None:
        out.append(_segment(text, opened, le))
    return [s for s in out if s.end > s.start and _plausible(text, s)]


def _straight_side(text: str, i: int, ls: int, le: int) -> str:
    """Which way a straight quote mark faces, read from its neighbours: "open" after a space
    and before a word, "close" after a word and before a space or punctuation, else "either"."""
    before = text[i - 1] if i > ls else " "
    after = text[i + 1] if i + 1 < le else " "
    space_before = before.isspace() or before in "([—–"
    space_after = after.isspace() or after in ".,;:!?)]—–"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _scan_double_apostrophes(text: str, ls: int, le: int) -> list[Segment]:
    out: list[Segment] = []
    opened: int | None = None
    for m in re.finditer(r"''", text[ls:le]):
        i = ls + m.start()
        if opened is None:
            opened = i
        else:
            seg = Segment(opened + 2, i, opened, i, double_apostrophe=True)
            seg = _strip(text, seg)
            if seg.end > seg.start:
                out.append(seg)
            opened = None
    if opened is not None:
        seg = _strip(text, Segment(opened + 2, le, opened, le, double_apostrophe=True))
        if seg.end > seg.start:
            out.append(seg)
    return out


def _segment(text: str, o: int, c: int) -> Segment:
    return _strip(text, Segment(o + 1, c, o, c))


def _strip(text: str, seg: Segment) -> Segment:
    s, e = seg.start, seg.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Segment(s, e, seg.open, seg.close, seg.double_apostrophe)


# a nickname inside a name: 'analyst R “Ray” Wang', 'José “Pepe” Bastón', 'Earvin "Magic"
# Johnson': one or two capitalised words between capitalised words, quoted by nobody; read as
# a quote it cut the real quote's frame and left its cue to another name
_NICKNAME = re.compile(r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*)?")
_NAME_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w'’.\-]* $")
_NAME_AFTER = re.compile(r" [A-Z][\w'’\-]")


def _nickname(text: str, seg: Segment, body: str) -> bool:
    return (
        _NICKNAME.fullmatch(body) is not None
        and _NAME_BEFORE.search(text, max(0, seg.open - 40), seg.open) is not None
        and _NAME_AFTER.match(text, seg.close + 1) is not None
    )


def _plausible(text: str, seg: Segment) -> bool:
    """Reject markup attributes (author="x"), bare numbers and nicknames inside names."""
    if seg.open > 0 and text[seg.open - 1] == "=":
        return False
    body = text[seg.start : seg.end]
    return any(ch.isalpha() for ch in body) and not _nickname(text, seg, body)
