"""A name that a verb or a preposition governs is the clause's object, not who said the
quoted words of an uncued quote.

"some of them calling Nir-Mozes “arrogant,” a “disgrace”", "calling Senate Majority Leader
Mitch McConnell a liar" and "Thanks to the generosity of the family of the late Jane Beber
Abramson, the Center ... recognize[s] ... “for extraordinary dedication ...”" name someone
the words are about. The first name of the sentence is then no speaker: abstain.
"""

from __future__ import annotations

from bot.extract.attribution import PREPS
from bot.extract.mentions import Mention, Token

_DETERMINERS = frozenset("the a an his her their its".split())
_MODIFIERS = frozenset("late former then fellow".split())


def governed(toks: list[Token], m: Mention) -> bool:
    """The word before m is a participle or past form ("calling", "named"), or a preposition
    with at most a determiner and a modifier between ("of the late")."""
    k = next((i for i, t in enumerate(toks) if t.start >= m.start), None)
    if k is None or k == 0:
        return False  # a name after the quote, or opening the words before it
    j = k - 1
    word = toks[j].text
    if word.isalpha() and word.islower() and word.endswith(("ing", "ed")) and len(word) > 4:
        return True
    while j >= 0 and (toks[j].low in _MODIFIERS or toks[j].low in _DETERMINERS) and k - j <= 2:
        j -= 1
    return j >= 0 and j < k - 1 and toks[j].low in PREPS
