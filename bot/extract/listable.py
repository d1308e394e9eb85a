"""Which quotes a reply may list: never one the article denies was said, and reported speech
only with a speaker and a clause with a verb (a fragment is no quote)."""

from __future__ import annotations

from bot.extract.clause_words import BE, FINITE, IRREGULAR_PAST
from bot.extract.credible import DETERMINERS
from bot.extract.lexicon import CUES
from bot.model import Quote

_RELATIVE = frozenset("that which who whom".split())


def negated(cue: str | None) -> bool:
    """The cue says the speaker did not say it ("did not say", "declined to comment")."""
    if not cue:
        return False
    words = cue.lower().replace("n't", " not").replace("n’t", " not").split()
    return bool(_NEGATIONS.intersection(words))


_NEGATIONS = frozenset("not never cannot declined declines decline refused refuses refuse".split())


def listable(q: Quote) -> bool:
    """Whether a reply may list the quote: never one the article denies was said ("did not
    say"); reported speech only with a speaker and a clause with a verb, never a fragment
    ("the attack that began", "Mr Brown of his intention ...")."""
    if negated(q.cue):
        return False  # "Marsh did not say when ...": not something Marsh said
    if q.kind != "indirect":
        return True
    if not q.speaker:
        return False
    words = [w.strip(".,;:!?\"“”'’()").lower() for w in q.text.split()]
    verbs = [
        i
        for i, w in enumerate(words)
        if w in FINITE
        or w in BE
        or w in IRREGULAR_PAST
        or w in CUES
        or (len(w) > 4 and w.endswith("ed"))
    ]
    if not verbs:
        return False
    if words and words[0] in DETERMINERS:  # "the attack that began": a noun and its relative
        return any(i == 0 or words[i - 1] not in _RELATIVE for i in verbs)
    return True
