"""The dateline opening a wire story's first paragraph is no part of its first sentence.

"Washington (AFP) – Democrat Hillary Clinton has taken a swipe ..., saying that ...": the
place before the agency and the dash is where the story was filed, not who speaks; read as
the sentence's first name it became the speaker of the quote. Multi-News pages keep these
datelines ("WASHINGTON (AP) —", "LONDON, England (CNN) --").
"""

from __future__ import annotations

from bot.extract.mentions import Token

_DASHES = frozenset("— – - --".split())
_MAX_PLACE = 4  # words of a place name ("Salt Lake City", "Rio de Janeiro")
_MAX_AGENCY = 4  # words inside the agency's brackets ("Thomson Reuters Foundation")


def _place_end(toks: list[Token], i: int) -> int:
    """Index after a run of 1-_MAX_PLACE capitalised words from i (lowercase "de" inside)."""
    j = i
    while j < len(toks) and j - i < _MAX_PLACE:
        t = toks[j]
        if not (t.text[0].isalpha() and (t.cap or (j > i and t.text in ("de", "del", "la")))):
            break
        j += 1
    return j if j > i and toks[j - 1].cap else i


def dateline_end(toks: list[Token]) -> int:
    """How many leading tokens form a dateline: a place (", Region" optional), then an
    agency in brackets and a dash, or an all-capitals place and a dash; 0 when none."""
    j = _place_end(toks, 0)
    if not j:
        return 0
    upper = all(t.text.isupper() for t in toks[:j])
    if j < len(toks) and toks[j].text == ",":
        k = _place_end(toks, j + 1)
        j = k if k else j
    agency = False
    if j < len(toks) and toks[j].text == "(":
        close = next(
            (k for k in range(j + 1, min(len(toks), j + _MAX_AGENCY + 2)) if toks[k].text == ")"),
            None,
        )
        if close is None or close == j + 1:
            return 0
        if not all(t.cap and t.text.isalpha() for t in toks[j + 1 : close]):
            return 0  # "Ted Cruz (R-Texas) -": a party and state, not an agency
        agency, j = True, close + 1
    if not (agency or upper):
        return 0
    dashes = j
    while dashes < len(toks) and toks[dashes].text in _DASHES:
        dashes += 1
    return dashes if dashes > j and dashes < len(toks) else 0
