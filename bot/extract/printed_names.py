"""The name a speaker is printed by: possessive bodies, role words, middle initials and the
labels glued before a given name left off ("Fox TV's Bill O'Reilly" -> "Bill O'Reilly",
"Tory Liam Fox" -> "Liam Fox"). credible.py decides whether the name is a speaker at all.
"""

from __future__ import annotations

import re

from bot.extract.gender import given_names, name_genders
from bot.extract.lexicon import HONORIFICS, NOMINAL_HEADS, ORG_WORDS, TITLES, common_words

HONORIFIC_WORDS = frozenset(
    HONORIFICS | {"sir", "dame", "lord", "lady", "baroness", "baron", "prof"}
)


def clean_name(name: str) -> str:
    """The person's name without a possessive body, leading role words or middle initials."""
    words = name.split()
    for i in range(len(words) - 2, -1, -1):  # "Fox TV's Bill O'Reilly" -> "Bill O'Reilly"
        if words[i].endswith(("'s", "’s")):
            words = words[i + 1 :]
            break
    while len(words) >= 3 and words[-1].isupper() and len(words[-1]) <= 4:
        words = words[:-1]  # "Guy Mansfield QC", "Robert Kilroy-Silk MEP"
    common = common_words()
    k = 0
    while k < len(words) and _role_word(words[k], common):
        k += 1
    if k and len(words) - k >= 2:
        words = words[k:]  # "Actor Stephen Fry", "Detective Inspector Paul Miller"
    if len(words) >= 3:  # "Vladimir V. Putin" -> "Vladimir Putin"
        words = [words[0]] + [w for w in words[1:-1] if not _initial(w)] + [words[-1]]
    return " ".join(words)


# Title words that name a person's role on their own (not "state", "justice", "general").
ROLE_ONLY = frozenset(
    """chairman chairwoman co-chairman chairperson spokesman spokeswoman spokesperson secretary
    minister chancellor president director leader coach captain manager chief governor mayor
    senator congressman congresswoman ambassador commissioner editor""".split()
)


def strip_labels(text: str, name: str) -> str:
    """Party, place and role labels glued before a person's given name go: "Tory Liam Fox",
    "Commons Oliver Heald", "DJ Norman Cook" -> the name from the given name on (given names:
    the learned table and the name dictionary's, see gender.py). They go when the article
    also writes the name bare; else a leading word stays unless it is an acronym, a common
    word, a role or body word, or a word the article also writes before a lowercase word
    ("Tory leader") or before another capitalised word ("Knesset Finance Committee")."""
    words = name.split()
    if len(words) < 3:
        return name
    learned, known = given_names(), name_genders()
    if words[0] in learned or (  # the dictionary's too, unless the article writes it as a
        words[0] in known  # label ("Tory leader"): it lists "Tory" as a given name
        and re.search(rf"(?<![\w-]){re.escape(words[0])}\s+[a-z]", text) is None
    ):
        return name
    k = next((i for i in range(1, len(words) - 1) if words[i] in learned or words[i] in known), 0)
    if not k:
        return name
    rest = " ".join(words[k:])
    if re.search(rf"(?<!{re.escape(words[k - 1])} ){re.escape(rest)}\b", text):
        return rest  # the article also writes "Michael Thibault" without "Commission Co-Chairman"
    common = common_words()
    for i, w in enumerate(words[:k]):
        bare = w.rstrip(".")
        if not (
            bare.isupper()
            or bare.lower() in common
            or bare.lower().rsplit("-", 1)[-1] in ROLE_ONLY  # "Commission Co-Chairman"
            or bare.lower() in ORG_WORDS  # "Commission", "Ministry": a body's word
            or _written_apart(text, bare, words[i + 1])  # "Knesset Speaker"
            or re.search(rf"(?<![\w-]){re.escape(bare)}\s+[a-z]", text) is not None
        ):
            return name
    return " ".join(words[k:])


def _written_apart(text: str, word: str, nxt: str) -> bool:
    """The article also writes word before another capitalised word than nxt ("the Knesset
    Ofir Akunis" beside "Knesset Finance Committee"): a name of its own, not a given name."""
    pat = rf"(?<![\w-]){re.escape(word)}\s+(?!{re.escape(nxt)}\b)[A-Z]"
    return re.search(pat, text) is not None


def _role_word(word: str, common: frozenset[str]) -> bool:
    low = word.lower().rstrip(".")
    return low in TITLES or low in NOMINAL_HEADS or low in HONORIFIC_WORDS or low in common


def _initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isupper()
