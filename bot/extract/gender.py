"""Whether the article refers to a person as "he" or "she", so a pronoun speaker resolves to
someone it fits: "Sanders ... Clinton ... “...,” she said" is Clinton, not the nearer Sanders.

Evidence is read from the article itself (an honorific, a gendered role word, or the first
he/his or she/her after the name in the same sentence, with nobody else named between) and,
for people it says nothing about, from a table of given names learned from unlabelled tune
articles (bench/build_name_genders.py). Unknown stays unknown: a pronoun then matches anyone.
The dictionary table (name_genders, bench/build_name_genders_dict.py) was measured in its
place and lost right answers on the check half of quotes_dev, so it only tells given names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from bot.extract.mentions import Mention, surname
from bot.extract.word_lists import table

# he, his, himself, hers, herself, she as whole words; the pattern opens on a letter (the
# boundary before it is a look-behind after it) so the engine skips to an h or an s.
_PRONOUN = re.compile(r"h(?<!\wh)(?:e|is|imself|ers|erself)\b|s(?<!\ws)he\b")
_FEMALE_WORDS = frozenset("she hers herself".split())
_STOP = re.compile(r"[.!?\n;]")
_TITLE_GENDER = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "baroness": "f",
    "congresswoman": "f",
    "congressman": "m",
    "spokeswoman": "f",
    "spokesman": "m",
    "chairwoman": "f",
    "actress": "f",
    "actor": "m",
    "businessman": "m",
    "businesswoman": "f",
    "wife": "f",
    "husband": "m",
    "mother": "f",
    "father": "m",
    "daughter": "f",
    "son": "m",
    "sister": "f",
    "brother": "m",
    "queen": "f",
    "king": "m",
    "prince": "m",
    "princess": "f",
}
# r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)..." with each boundary checked after the capital
# (the regex engine then skips to the capitals instead of trying every offset)
_HONORIFIC_NAME = re.compile(
    r"(M(?<!\wM)(?:r|rs|s|iss)|S(?<!\wS)ir|D(?<!\wD)ame|L(?<!\wL)(?:ord|ady))\.?\s+([A-Z][\w'’-]*)"
)
_ROLE_BEFORE = re.compile(r"\b(\w+),?\s+$")
PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}


@cache
def given_names() -> dict[str, str]:
    """Given name -> 'm' or 'f' (bench/build_name_genders.py builds the file)."""
    return {name: gender for name, gender in table("given_names.tsv")}


@cache
def name_genders() -> dict[str, str]:
    """Given name -> 'm' or 'f' where a name dictionary is clear (bench/build_name_genders_dict.py).

    Used to tell a given name (credible.py cuts the labels before one). As the gender of
    he/she it lost right answers on quotes_dev's check half, so article_genders keeps
    given_names()."""
    return {name: gender for name, gender in table("name_genders.tsv")}


def article_votes(
    text: str, persons: list[Mention], key: Callable[[str], str]
) -> dict[str, list[int]]:
    """key(name) -> [male votes, female votes] from this article's own words."""
    votes: dict[str, list[int]] = {}
    n = len(persons)
    for i, p in enumerate(persons):
        if not p.name:
            continue
        k = key(p.name)
        v = votes.setdefault(k, [0, 0])
        g = next((_TITLE_GENDER[t] for t in p.titles if t in _TITLE_GENDER), None)
        if g is None:
            role = _ROLE_BEFORE.search(text, max(0, p.start - 20), p.start)
            g = _TITLE_GENDER.get(role.group(1).lower()) if role else None
        if g is not None:
            v[g == "f"] += 2
        hi = min(p.end + 160, persons[i + 1].start if i + 1 < n else len(text))
        stop = _STOP.search(text, p.end, hi)
        if stop is not None:
            hi = stop.start()
        m = _PRONOUN.search(text, p.end, hi)
        if m is not None:
            v[m.group() in _FEMALE_WORDS] += 1
    return votes


def article_genders(
    text: str, persons: list[Mention], fullnames: dict[str, str], key: Callable[[str], str]
) -> dict[str, str]:
    """Surname key -> 'm' or 'f' for the people this article names, where it is clear."""
    votes = article_votes(text, persons, key)
    table = given_names()
    titled: dict[str, list[str]] = {}  # surname -> the gender of each "Ms Rellie" in the text
    for t in _HONORIFIC_NAME.finditer(text):
        titled.setdefault(t.group(2), []).append(_TITLE_GENDER[t.group(1).lower()])
    out: dict[str, str] = {}
    for k, full in fullnames.items():
        m, f = votes.get(k, (0, 0))
        parts = full.split()
        if len(parts) >= 2 and m == f == 0:  # "said Ms Rellie.", where no mention was read
            for g in titled.get(parts[-1], ()):
                m, f = (m + 2, f) if g == "m" else (m, f + 2)
        g = table.get(parts[0]) if len(parts) >= 2 else None
        if g is not None:
            m, f = (m + 1.5, f) if g == "m" else (m, f + 1.5)
        if m >= 1 and m >= 3 * f:
            out[k] = "m"
        elif f >= 1 and f >= 3 * m:
            out[k] = "f"
    return out


def fits(gender: str | None, pronoun: str) -> bool:
    """A he/she pronoun may refer to someone of this (maybe unknown) gender."""
    want = PRONOUN_GENDER.get(pronoun)
    return gender is None or want is None or gender == want


def key_of(skeleton: Callable[[str], str]) -> Callable[[str], str]:
    """The fullnames key of a name: the skeleton of its surname."""
    return lambda name: skeleton(surname(name))
