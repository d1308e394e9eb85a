"""Searches for one given word in an article, without a regex made for that word.

Compiling a pattern per headline word or name cost more than the search itself (re keeps
512 compiled patterns and every article brings new words). str.find with the boundary tests
below finds exactly what those patterns found (each function names its pattern; the fast-path
tests check them against it).
"""

from __future__ import annotations

from collections.abc import Iterator


def is_word_char(c: str) -> bool:
    """re's \\w on str patterns: a Unicode letter or digit, or "_"."""
    return c.isalnum() or c == "_"


def at_boundary(text: str, i: int) -> bool:
    """re's \\b at offset i: a word character on one side only."""
    before = i > 0 and is_word_char(text[i - 1])
    after = i < len(text) and is_word_char(text[i])
    return before != after


def occurrences(text: str, word: str) -> Iterator[int]:
    """Every offset where word starts in text, overlapping ones included."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def after_lowercase(text: str, word: str) -> bool:
    """r"[a-z,]\\s+WORD\\b": word follows a lowercase letter or a comma and white space."""
    for at in occurrences(text, word):
        k = at
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if 0 < k < at and text[k - 1] in _LOWER_OR_COMMA and at_boundary(text, at + len(word)):
            return True
    return False


_LOWER_OR_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,")
_JOINERS = "'’-"


def written_alone(text: str, word: str) -> bool:
    """r"(?<![\\w'’-])WORD(?![\\w'’-])": word with no letter, apostrophe or hyphen either side."""
    for at in occurrences(text, word):
        end = at + len(word)
        if (at == 0 or not (is_word_char(text[at - 1]) or text[at - 1] in _JOINERS)) and (
            end == len(text) or not (is_word_char(text[end]) or text[end] in _JOINERS)
        ):
            return True
    return False


def plural_without_the(text: str, word: str) -> bool:
    """r"(?<!\\bthe )(?<!\\bThe )\\bWORDs\\b": word + "s" as a whole word, "the"/"The" not before."""
    plural = word + "s"
    for at in occurrences(text, plural):
        if not (at_boundary(text, at) and at_boundary(text, at + len(plural))):
            continue
        if at >= 4 and text[at - 4 : at] in ("the ", "The ") and at_boundary(text, at - 4):
            continue
        return True
    return False
