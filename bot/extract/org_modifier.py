"""A body named as the modifier of a person's role is not the speaker.

"“There was very great time pressure,” recalled a former CMS official familiar with the
process": the speaker is an unnamed official, and printing "CMS" as who said it puts a
person's words in an agency's mouth. An organisation mention followed by a lowercase role
noun ("official", "insider", "aide", "staffer") is such a modifier; the quote stays
unattributed. A body's spokesperson ("a CMS spokeswoman", "the FBI spokesman") speaks for
the body, so those keep the body, as "a spokesman for the Home Office said" does
(resolve.py).
"""

from __future__ import annotations

import re

from bot.extract.lexicon import role_noun
from bot.extract.mentions import Mention

_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")
# a spokesperson, or a paper the body issues ("a CMS document", "a CAS statement")
_SPEAKS_FOR = frozenset(
    "spokesman spokeswoman spokesperson spokespeople statement report document letter".split()
)


def modifies_role(text: str, m: Mention) -> bool:
    """The organisation mention m stands before a person's role noun it only qualifies."""
    if m.kind != "org":
        return False
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is None:
        return False
    word = nxt.group(1)
    return word not in _SPEAKS_FOR and role_noun(word)
