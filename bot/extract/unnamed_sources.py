"""The anonymous-source formula before a speech cue: "a source familiar with his thinking
said", "two people briefed on the talks told", "an official close to the campaign says".

US news keeps its unnamed sources apart by what they know, not who they are: a noun phrase
whose head is post-modified by "familiar with", "close to", "briefed on" or "with knowledge
of". Such a phrase is the cue's subject, so the quote is nobody's the article names; without
this, the clause's named subject before it ("Labrador is weighing a bid, and a source
familiar with his thinking said he's "...") took the quote. The phrase is longer than the
short descriptions cue_subjects.described_subject reads, so it is read here.
"""

from __future__ import annotations

from bot.extract.attribution import AUX, SPEECH_CUES
from bot.extract.mentions import Mention, Token

# the post-modifiers that mark a source by its access: (first word, second word)
_ACCESS = frozenset({("familiar", "with"), ("close", "to"), ("briefed", "on"), ("knowledge", "of")})
# what may open the phrase: a determiner or a count ("two people", "multiple sources")
_OPENERS = frozenset(
    """a an the one another two three four several some multiple other people sources
    officials aides""".split()
)
_BOUNDARY = frozenset(". ; : ! ? , and but while because".split())
_REACH = 14  # tokens back from the cue
_HEAD_WORDS = 4  # words from the phrase's opener to its access words


def anonymous_source(toks: list[Token], ci: int) -> Mention | None:
    """The unnamed source phrase that is the subject of the cue at toks[ci], as a nominal
    mention no resolver names ("anonymous"), or None."""
    j = ci - 1
    while j >= 0 and toks[j].low.endswith("ly") and not toks[j].cap:
        j -= 1  # "a source familiar with it privately said"
    end = j
    start = j
    while start > 0 and end - start < _REACH and toks[start - 1].low not in _BOUNDARY:
        start -= 1
    phrase = toks[start : end + 1]
    if len(phrase) < 3 or phrase[0].low not in _OPENERS:
        return None
    lows = [t.low for t in phrase]
    k = next(
        (i for i in range(1, len(lows) - 1) if (lows[i], lows[i + 1]) in _ACCESS),
        None,
    )
    if k is None or k > _HEAD_WORDS:
        return None
    if any(w in AUX or w in SPEECH_CUES or w in ("who", "that", "which") for w in lows):
        return None  # a clause of its own inside: not one noun phrase
    return Mention(None, "nominal", phrase[0].start, phrase[-1].end, ("anonymous",))
