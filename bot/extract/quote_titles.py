"""A quoted run in title case is a work's title, not speech: "Gone with the Wind" after "the
film", "Hardball" after "MSNBC's". quotes.py asks here before it reads a quote's speaker."""

from __future__ import annotations

from bot.extract.mentions import Token, possessive

# words a title writes in lowercase ("Gone with the Wind", "Of Mice and Men"): articles,
# short prepositions and conjunctions; they do not count against its capitals
_TITLE_MINOR = frozenset("a an the and but or nor of with to in on at by for from as".split())


def title_case(body: str, minor: bool = False) -> bool:
    """Most words capitalised; with minor, a title's lowercase small words do not count."""
    words = [w for w in body.split() if w[:1].isalpha()]
    if minor:
        words = [w for w in words if w.lower() not in _TITLE_MINOR]
    if not words:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.6


_WORK_INTRO = frozenset(
    """on show shows program programme film movie book books series titled entitled headlined
    album song magazine podcast host hosts anchor sitcom documentary play musical novel memoir
    column op-ed essay slogan""".split()
)


def names_a_work(body: str, before: list[Token]) -> bool:
    """A title-case run after an outlet's possessive or a word like "show" names a work, not speech."""
    if len(body.split()) > 6 or not title_case(body, minor=True) or not before:
        return False
    prev = before[-1]
    return possessive(prev.text) or prev.low in _WORK_INTRO
