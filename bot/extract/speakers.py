"""Speaker identity: one key per person across spellings, titles and transliterations."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from bot.extract.attribution import HONORIFICS, ORG_WORDS, SURNAME_TITLES, TITLES
from bot.extract.lexicon import NOT_NAME
from bot.extract.mentions import NAME_SUFFIXES

_PAREN = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_ARTICLES = frozenset({"the", "a", "an"})
# Transliteration variants of one sound, applied to a folded surname in this order.
_ENDING = re.compile(r"(?:iy|yy|yi|ii|ij|yj|ey|i|y)$")  # Zelenskiy/Zelenskyy/Zelensky, Tykhyi/Tykhi
_DIGRAPHS = (
    ("kh", "h"),
    ("ph", "f"),
    ("ck", "k"),
    ("ks", "x"),
    ("w", "v"),
    ("ou", "u"),
    ("ie", "i"),
)
_DOUBLE = re.compile(r"([a-z])\1+")
_NOT_LETTER = re.compile(r"[^a-z]")


def fold(text: str) -> str:
    """Lowercase without diacritics, curly apostrophes made straight."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_words(name: str) -> list[str]:
    """The words of a person's name with titles, honorifics and role words removed.

    "Ukrainian President Volodymyr Zelenskyy" -> ["volodymyr", "zelenskyy"];
    "Mr. Putin" -> ["putin"]; "Sen. Claire McCaskill (D-Mo.)" -> ["claire", "mccaskill"].
    """
    words = _WORD.findall(fold(_PAREN.sub(" ", name)).replace("'s ", " "))
    words = [w for w in words if w not in NAME_SUFFIXES]
    titled = words[:-1] if _surname_title_ends(words) else words
    last_title = -1
    for i, w in enumerate(titled):
        if w in TITLES or w in HONORIFICS or w in _ARTICLES:
            last_title = i
    return words[last_title + 1 :]


def _surname_title_ends(words: list[str]) -> bool:
    """True when the last word is a title that is also a surname and ends a name.

    After a given name or an honorific it is the surname ("Governor Howard Dean", "Mr Major"), as
    `attribution` reads it in text; after a title it stays a role ("former Pope").
    """
    if len(words) < 2 or words[-1] not in SURNAME_TITLES:
        return False
    before = words[-2]
    return before in HONORIFICS or not (
        before in TITLES or before in _ARTICLES or before in NOT_NAME
    )


@lru_cache(maxsize=8192)
def is_organisation(name: str) -> bool:
    """True for names like "White House" or "Russia's Defense Ministry".

    Memoised: a pure test of the name, asked again of each speaker by every check.
    """
    folded = fold(name)
    if "'s " in folded or (name.isupper() and len(name.strip()) > 1):
        return True
    return any(w in ORG_WORDS for w in name_words(name))


def surname_skeleton(word: str) -> str:
    """A surname reduced so transliteration variants coincide ("Zelenskiy" == "Zelensky")."""
    s = _NOT_LETTER.sub("", word.lower() if word.isascii() else fold(word))
    s = _ENDING.sub("y", s)
    for old, new in _DIGRAPHS:
        s = s.replace(old, new)
    return _DOUBLE.sub(r"\1", s)


def speaker_key(name: str | None) -> str | None:
    """One key per person: the transliteration-tolerant skeleton of the surname.

    Organisations key on their whole folded name ("org:white house"). Returns None for
    empty names, pronouns and bare role words ("the Russian president").
    """
    if not name or not name.strip():
        return None
    if is_organisation(name):
        words = [w for w in _WORD.findall(fold(name)) if w not in _ARTICLES]
        return "org:" + " ".join(words) if words else None
    words = name_words(name)
    if not words:
        return None
    skeleton = surname_skeleton(words[-1])
    return skeleton or None


def display_form(name: str) -> str:
    """The name as printed minus titles: "Ukrainian President Volodymyr Zelenskyy" -> "Volodymyr Zelenskyy"."""
    if is_organisation(name):
        return name.strip()
    raw = _PAREN.sub(" ", name).split()
    keep = len(name_words(name))
    words = [w for w in raw if _WORD.search(fold(w))]
    return " ".join(words[len(words) - keep :]) if keep else name.strip()


def best_display_name(names: Iterable[str] | Mapping[str, int]) -> str:
    """The most common full form among a speaker's spellings (first and last name preferred).

    Takes the spellings one per quote, or counted (a much-quoted person has thousands)."""
    counted = names if isinstance(names, Mapping) else Counter(names)
    forms: Counter[str] = Counter()
    for name, n in counted.items():
        if name and name.strip():
            forms[display_form(name)] += n
    if not forms:
        return ""
    return max(
        forms, key=lambda f: (len(f.split()) >= 2, forms[f], not _has_initial(f), len(f.split()), f)
    )


def _has_initial(name: str) -> bool:
    return any(len(w.rstrip(".")) == 1 for w in name.split()[1:-1])


def match_speakers(
    query: str, known: Sequence[tuple[str, str]], min_score: float = 80.0
) -> list[str]:
    """Keys of known speakers the query names, best first, tolerant of spelling variants.

    known holds (speaker_key, display name). A query matches on its surname (exact key,
    else fuzzy at >= min_score) and, when it gives a first name, that must not contradict
    the display name's.
    """
    from rapidfuzz import fuzz

    words = name_words(query)
    if not words or len(words) > 4 or (is_organisation(query) and not _org_known(query, known)):
        return []
    qkey = speaker_key(query)
    q_sur = surname_skeleton(words[-1])
    if len(q_sur) < 3:
        return []
    q_joined = surname_skeleton("".join(words[-2:])) if len(words) >= 2 else q_sur
    q_first = words[0] if len(words) >= 2 else ""
    scored: dict[str, float] = {}
    for key, display in known:
        if key is None:
            continue
        if key.startswith("org:"):
            if qkey == key:
                scored[key] = 100.0
            continue
        score = (
            100.0
            if key in (qkey, q_joined)
            else max(fuzz.ratio(q_sur, key), fuzz.ratio(q_joined, key))
        )
        if score < min_score:
            continue
        if q_first and key != q_joined:
            d_words = name_words(display)
            if (
                len(d_words) >= 2
                and fuzz.ratio(q_first, d_words[0]) < 70
                and q_first[0] != d_words[0][0]
            ):
                continue
        scored[key] = max(scored.get(key, 0.0), score)
    return sorted(scored, key=lambda k: -scored[k])


def _org_known(query: str, known: Sequence[tuple[str, str]]) -> bool:
    key = speaker_key(query)
    return any(k == key for k, _ in known)


def given_name(name: str | None) -> str:
    """The folded first given name ("Sarah Jones" -> "sarah"), "" for a bare surname or a body.

    Two people who share a surname differ here, so a surname alone never joins them."""
    if not name or is_organisation(name):
        return ""
    words = [w for w in name_words(name) if len(w) > 1]
    return words[0] if len(words) >= 2 else ""


def people_by_given_name(spellings: Mapping[str, int]) -> dict[str, Counter[str]]:
    """One key's spellings split by given name; bare-surname spellings join the one person
    of that surname when there is exactly one, else stay apart under ""."""
    people: dict[str, Counter[str]] = {}
    for name, n in spellings.items():
        people.setdefault(given_name(name), Counter())[name] += n
    bare = people.pop("", None)
    if bare:
        if len(people) == 1:
            next(iter(people.values())).update(bare)
        else:
            people[""] = bare
    return people
