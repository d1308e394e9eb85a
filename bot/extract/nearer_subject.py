"""An uncued quote whose sentence has a nearer subject-and-verb than the one we took.

With no speech cue, a quoted phrase goes to its sentence's subject ("Rubio also bemoaned the
climate in which people “literally hate each other”"). When another named person and a
verb of their own stand between that subject and the quote, the phrase belongs to the
inner clause: "Starr ... investigated the suicide ..., an incident Trump brought up as
“very fishy”", "Manafort ... protected Ford's delegates ..., in what Bay Buchanan, national
treasurer for Reagan's campaign, called “hand-to-hand combat”". The inner clause's
subject is the speaker (quotes_dev tune half: 4 wrong outer subjects became right, none
lost); a name with no verb of its own ("praised Cruz for showing “the courage of his
convictions”") leaves the outer subject.
"""

from __future__ import annotations

from bot.extract.attribution import run_end
from bot.extract.doc import ArticleDoc
from bot.extract.mentions import Mention, Token, classify_run

# past forms of verbs that frame words without "-ed" (a name before one is its subject);
# "took", "made" frame none ("Jay Leno took what is being described as a “tremendous” pay cut")
_IRREGULAR = frozenset(
    "said told wrote brought put called described dubbed termed labeled labelled branded".split()
)
_APPOSITIVE = 12  # tokens an appositive between the name and its verb may span


def _verb(t: Token) -> bool:
    low = t.text
    return low.isalpha() and low.islower() and (low in _IRREGULAR or low.endswith("ed"))


def _verb_after(toks: list[Token], e: int) -> bool:
    """A past verb right after toks[e], or after a ", appositive," beside it."""
    if e + 1 >= len(toks):
        return False
    if _verb(toks[e + 1]):
        return True
    if toks[e + 1].text != ",":
        return False
    close = next(
        (k for k in range(e + 2, min(len(toks), e + 2 + _APPOSITIVE)) if toks[k].text == ","),
        None,
    )
    return close is not None and close + 1 < len(toks) and _verb(toks[close + 1])


def nearer_subject(doc: ArticleDoc, before: list[Token], m: Mention) -> Mention | None:
    """The last other person named after m in the words before the quote with a verb of
    their own, else None."""
    found = None
    k = 0
    while k < len(before):
        t = before[k]
        if t.start <= m.end or not (t.cap and t.text[0].isalpha()):
            k += 1
            continue
        e = run_end(before, k)
        if k > 0 and before[k - 1].low == "that":
            k = e + 1  # "recorded that Mr McKinnon suffered from ...": a reported clause
            continue
        r = classify_run(before[k : e + 1])
        if (
            r is not None
            and r.kind in ("person", "name")
            and doc.speaker_ok(r)
            and _verb_after(before, e)
        ):
            found = r
        k = e + 1
    return found
