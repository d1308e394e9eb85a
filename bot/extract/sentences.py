"""Split news text into paragraphs and sentences with exact character offsets (no model data)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.model import Sentence

# Words that end with a period without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen sen rep gov lt col capt sgt st jr sr prof rev maj cmdr adm hon pres supt
    insp det gens sens reps govs messrs mt ft fig figs no nos vol vols pp pg art sec dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec corp inc co ltd bros plc llc
    vs v etc approx est al cf ca e.g i.e a.m p.m u.s u.k u.n u.s.a e.u d.c n.y l.a""".split()
)
# After these dotted forms a new sentence starts only before a typical sentence opener.
AMBIGUOUS = frozenset(
    {
        "ft",
        "no",
        "st",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "e.u",
        "d.c",
        "a.m",
        "p.m",
        "etc",
        "inc",
        "co",
        "corp",
        "ltd",
        "jr",
        "sr",
        "bros",
        "plc",
        "llc",
    }
)
OPENERS = frozenset(
    """the a an it he she they we i you but and in on at this that these those there his her
    their its our my as after before when while if however meanwhile also officials some many
    last earlier later still yet so for with from by according what who why how one two""".split()
)

_END = re.compile(r"[.!?…]+[\"'”’»)\]]*")
_NEXT = re.compile(r"\s+([\"'“‘«(\[]*)(\S+)")
_PARA_BLANK = re.compile(r"\n[ \t]*\n")
_LINE = re.compile(r"[^\n]+")
_TERMINAL = (".", "!", "?", "”", '"', ":", "’")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")
# “What can we talk about?” Putin told officials. -- the attribution belongs to the quote.
_ATTRIBUTION = re.compile(
    r"\s+(?:[A-Z][\w.'’\-]*\s+){1,4}(?:said|says|told|asked|added|wrote|stated|insisted|"
    r"declared|replied|warned|explained|claimed|noted|tweeted|posted)\b"
)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of paragraphs: blocks between blank lines, or lines if there are none.

    Wire copy often has one paragraph per line; hand-written Markdown has blank lines
    between paragraphs and soft-wrapped lines inside them. Inside a block, a line that
    ends a sentence or is much shorter than the wrap width (a headline, a byline) still
    ends its paragraph.
    """
    if not _PARA_BLANK.search(text):
        for m in _LINE.finditer(text):
            yield from _trimmed(text, m.start(), m.end())
        return
    pos = 0
    for m in _PARA_BLANK.finditer(text):
        yield from _block(text, pos, m.start())
        pos = m.end()
    yield from _block(text, pos, len(text))


def _block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    lines = [(m.start() + start, m.end() + start) for m in _LINE.finditer(text[start:end])]
    widest = max((b - a for a, b in lines), default=0)
    para_start = start
    for a, b in lines[:-1]:
        line = text[a:b].rstrip()
        if line.endswith(_TERMINAL) or len(line) < 0.6 * widest or looks_like_headline(line):
            yield from _trimmed(text, para_start, b)
            para_start = b
    yield from _trimmed(text, para_start, end)


def looks_like_headline(line: str) -> bool:
    """Title case, short, no closing punctuation: 'Ukraine Forces Advance into Kursk'."""
    words = line.split()
    if not 2 <= len(words) <= 16 or line.rstrip().endswith(_TERMINAL):
        return False
    long_words = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


_RUN = re.compile(r"[\w.\-]+")


def _word_before(para: str, end: int) -> str:
    """The word (letters, digits, dots, hyphens) that ends at `end`, at most 100 characters.

    `_WORD_BEFORE.search(para, max(0, end - 100), end)`, read backwards: one match at the
    start of the reversed window instead of a try at every position of it. The bound keeps
    long paragraphs linear; like `$`, a single newline right before `end` is stepped over.
    """
    if not end:
        return ""
    window = para[end - 1 : end - 101 if end > 100 else None : -1]
    if window[:1] == "\n":
        window = window[1:]
    run = _RUN.match(window)
    return run.group()[::-1] if run else ""


_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "e.g": dotted initialisms
_CLOSERS = "\"”’'"


def _is_boundary(para: str, end_match: re.Match[str]) -> bool:
    """Decide whether the punctuation run ending at end_match closes a sentence."""
    nxt = _NEXT.match(para, end_match.end())
    if not nxt:
        return False
    opener, word = nxt.group(1, 2)
    first = word[0]
    if not (opener or first.isupper() or first.isdigit()):
        return False
    punct = end_match.group()
    if punct[0] != ".":
        # "?" or "!" (and a run opening with "…", as it always has) closes the sentence,
        # unless a closing quote is followed by its attribution: “Why?” Putin asked.
        attributed = punct[-1] in _CLOSERS and _ATTRIBUTION.match(para, end_match.end())
        return not (punct[0] in "?!" and attributed)
    if punct.startswith(".."):
        return first.isupper() or bool(opener)
    token = _word_before(para, end_match.start()).lower().lstrip("-")
    if not token:
        return True
    if len(token) == 1 and token.isalpha() and not opener:
        return False  # an initial: "Vladimir V. Putin"
    if token in AMBIGUOUS or _DOTTED.fullmatch(token):
        return word.strip("\"'“‘,").lower() in OPENERS or bool(opener)
    return token not in ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in document order; offsets index into `text`, paragraphs count from 0."""
    out: list[Sentence] = []
    add = out.append
    for p_index, (p_start, p_end) in enumerate(paragraphs(text)):
        para = text[p_start:p_end]
        cuts = [m.end() for m in _END.finditer(para) if _is_boundary(para, m)]
        cuts.append(len(para))
        start = 0
        for end in cuts:
            piece = para[start:end]
            body = piece.strip()  # str.strip() drops exactly the characters isspace() sees
            if body:
                a = p_start + start + len(piece) - len(piece.lstrip())
                add(Sentence(text=body, start=a, end=a + len(body), paragraph=p_index))
            start = end
    return out


_WORD = re.compile(r"[\w][\w'’\-.]*[\w]|[\w]")


def words(sentence: str) -> list[str]:
    """Word tokens for scoring (letters/digits, inner apostrophes, hyphens and dots kept)."""
    return _WORD.findall(sentence)


def rough_sentence_span(text: str, pos: int) -> tuple[int, int]:
    """A rough span of the sentence around pos (a full stop and a space, or a line break), for
    a check on one figure that need not split the whole text."""
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [e for e in (text.find(". ", pos), text.find("\n", pos)) if e >= 0]
    return start, min(ends, default=len(text))
