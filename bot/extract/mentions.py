"""Words and names in text: tokens with offsets, runs of capitalised words, and what a run
names (a person, an organisation, a role), the layer every attribution step reads."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.extract.lexicon import HONORIFICS, NOT_NAME, ORG_WORDS, SURNAME_TITLES, TITLES

_WORD = re.compile(r"[^\W\d_][\w'’.\-]*|\d+(?:[.,:]\d+)*[^\W\d_]*|[^\w\s]", re.UNICODE)
_PARTICLES = frozenset("de van von der da di du la le bin al ben del dos das st. mc".split())


class Token:
    """A word with its offsets; low (lowercase, final dot dropped) and cap are precomputed."""

    __slots__ = ("cap", "end", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int, low: str, cap: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low = low
        self.cap = cap

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start})"


class Mention(NamedTuple):
    """A source phrase: the name it resolves to, what kind it is, and where it sits."""

    name: str | None
    kind: str  # person, name, org, pronoun, nominal, unknown
    start: int
    end: int
    titles: tuple[str, ...] = ()
    surface: str = ""


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of text[start:end] with absolute offsets.

    findall plus str.find is cheaper than a Match object per word, and exact: _WORD matches
    at every letter, digit and symbol, so only whitespace and "_" lie between two words and
    a word's first character never occurs in the gap before it.
    """
    end = len(text) if end is None else end
    out = []
    append = out.append
    find = text.find
    pos = start
    for word in _WORD.findall(text, start, end):
        s = find(word, pos)
        pos = e = s + len(word)
        if word[-1] == "." and len(word) > 1:
            if _is_abbrev(word):
                append(Token(word, s, e, word[:-1].lower(), word[0].isupper()))
            else:
                w = word[:-1]
                append(Token(w, s, e - 1, w.lower(), w[0].isupper()))
                append(Token(".", e - 1, e, ".", False))
        else:
            append(Token(word, s, e, word.lower(), word[0].isupper()))
    return out


_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def _is_abbrev(word: str) -> bool:
    core = word[:-1].lower()
    return (
        core in HONORIFICS
        or core in TITLES
        or (len(core) == 1 and word[0].isupper())
        or (word[0].isupper() and _INITIALS.fullmatch(core) is not None)  # "J.J. MacNab"
        or core
        in {"st", "jr", "sr", "u.s", "u.k", "u.n", "d.c", "gov", "sen", "rep", "gen", "lt", "col"}
    )


def possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def is_name_token(tok: Token) -> bool:
    """Capitalised word that could be part of a proper name."""
    return tok.cap and tok.text[0].isalpha() and tok.low not in NOT_NAME


def name_runs(toks: list[Token]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of runs of capitalised tokens (particles like "de" allowed inside)."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i].cap and toks[i].text[0].isalpha():
            j = i + 1
            while j < n:
                t = toks[j]
                if (t.cap and t.text[0].isalpha() and not possessive(toks[j - 1].text)) or (
                    t.low in _PARTICLES and j + 1 < n and toks[j + 1].cap
                ):
                    j += 1
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def classify_run(toks: list[Token]) -> Mention | None:
    """Turn a capitalised run into a person or organisation mention (None for sentence openers)."""
    i, n = 0, len(toks)
    while i < n and toks[i].low in NOT_NAME:
        i += 1
    if i == n:
        return None
    words = toks[i:] if i else toks
    last_title = -1
    org = False
    for k, w in enumerate(words):
        low = w.low
        if low in TITLES:
            last_title = k
            org = False
        elif low in ORG_WORDS:
            org = True
    first, last = words[0], words[-1]
    surface = " ".join(w.text for w in words)
    if org or (n - i > 1 and any(possessive(w.text) for w in words[:-1])):
        return Mention(surface, "org", first.start, last.end, (), surface)
    if (
        last_title == len(words) - 1
        and 2 <= len(words) <= 3
        and words[-1].low in SURNAME_TITLES
        and words[-1].text[1:].islower()
        and not any(w.low in TITLES or w.low in NOT_NAME for w in words[:-1])
    ):  # "Amy Pope", "Billie Jean King": a given name, then a title word used as a surname
        return Mention(surface, "person", first.start, last.end, (), surface)
    titles = tuple(w.low for w in words[: last_title + 1])
    if last_title == len(words) - 1:
        return Mention(None, "nominal", first.start, last.end, titles, surface)
    rest = words[last_title + 1 :]
    if possessive(last.text):
        return None
    if len(rest) == 1 and last.text.isupper() and len(last.text) > 1 and not titles:
        return Mention(last.text, "org", last.start, last.end, (), last.text)
    named_role = any(t not in _MODIFIERS for t in titles)  # "Former Arizona": no role named
    kind = "person" if named_role or len(rest) >= 2 else "name"
    name = surface if last_title < 0 else " ".join(w.text for w in rest)
    return Mention(name, kind, rest[0].start, last.end, titles, surface)


# words that qualify a title but name no role: "Former Arizona governor" is no person "Arizona"
_MODIFIERS = frozenset("former acting interim senior top first".split())


def _clean(words: list[Token]) -> str:
    return " ".join(w.text for w in words)


@lru_cache(maxsize=8192)
def surname(name: str) -> str:
    """Last name token of a person name, folded to lowercase (kept: the confidence features
    ask it of every person named, for every quote)."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].rstrip(".,").lower() in NAME_SUFFIXES:
        parts.pop()
    return parts[-1].lower() if parts else ""


# what may follow a surname and is no name of its own: "Jr.", a generation ("Henry Parrish III")
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
