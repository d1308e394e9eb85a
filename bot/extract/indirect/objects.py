"""Indirect speech whose content is the cue's object: a question asked ("asked whether ..."),
or the thing a relative clause reports ("the deal that Trump announced")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.extract.attribution import PUNCT, subject_after, subject_before
from bot.extract.clause_words import AFTER_GAP, BE, PREPS_STOP, QUESTION_WORDS, REL_OBJECTS
from bot.extract.indirect.clauses import _make, _trim
from bot.extract.lexicon import CUES
from bot.extract.mentions import Mention, Token
from bot.model import Quote, Sentence

if TYPE_CHECKING:
    from bot.extract.doc import ArticleDoc


def _question_at(doc: ArticleDoc, toks: list[Token], ci: int, sent: Sentence) -> Quote | None:
    """`Asked (by X) whether ..., Y said`: the question asked is reported speech."""
    n = len(toks)
    agent: Mention | None = None
    k = ci + 1
    while k < n and k - ci <= 8:
        t = toks[k]
        if t.low in QUESTION_WORDS and not t.cap:
            break
        if t.low == "by":
            agent = subject_after(toks, k)
        if t.text in PUNCT:
            return None
        k += 1
    else:
        return None
    if k >= n:
        return None
    e = sent.end
    for j in range(k + 1, n):
        if toks[j].text in (",", ";", "—", "–"):
            e = toks[j].start
            break
    s, e = _trim(doc.text, toks[k].start, e)
    if e - s < 4 or doc.masked(s):
        return None
    if (
        agent is None
        and ci > 0
        and toks[ci - 1].low not in BE
        and toks[ci - 1].low not in ("when", "after", "once")
    ):
        agent = subject_before(toks, ci)
    return _make(doc, s, e, agent, "asked")


def _relative_object(doc: ArticleDoc, toks: list[Token], ci: int) -> Quote | None:
    """`a claim that Gowdy's office disputes.`, `which Clinton also supports`: the verb's object
    is the relative pronoun before its subject, and that pronoun is the content."""
    n = len(toks)
    if ci + 1 < n:
        nxt = toks[ci + 1]
        if not (nxt.text in PUNCT or nxt.low in PREPS_STOP or nxt.low in AFTER_GAP):
            return None
        if nxt.low in ("to", "that", "as", "of", "about", "for", "on"):
            return None  # "which he said to ...", "what she called on ...": a complement follows
    if ci > 0 and toks[ci - 1].low in BE:
        return None
    m = subject_before(toks, ci)
    if m is None or m.kind == "unknown":
        return None
    r = next((i for i in range(ci - 1, -1, -1) if toks[i].end <= m.start), None)
    while r is not None and r > 0 and (toks[r].cap or toks[r].text == "."):
        r -= 1  # "which Gov. Ann Lee supports": a title before the name
    if r is None or toks[r].low not in REL_OBJECTS or toks[r].cap:
        return None
    if r > 0 and toks[r - 1].low in CUES:
        return None  # "said that he ...": a complementizer
    return _make(doc, toks[r].start, toks[r].end, m, toks[ci].low)
