"""Indirect speech after stance verbs ("Cruz has vowed to repeal it", "slammed the deal")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.extract.attribution import (
    ATTITUDE_PARTICLES,
    DETERMINERS,
    PHRASAL_FORMS,
    PUNCT,
)
from bot.extract.clause_words import (
    BE,
    CLAUSE_NEXT,
    GERUND_HOSTS,
    LICENSERS,
    NAMING,
    NOUN_PREPS,
    PREPS_STOP,
    SEEMING,
    SKIPPABLE,
)
from bot.extract.indirect.clauses import (
    _be_before,
    _clause_end,
    _complement_follows,
    _finite_after_subject,
    _implicit_subject,
    _infinitive,
    _make,
    _object_end,
    _passive,
    _progressive,
    _raised,
    _relative_end,
    _trim,
    raised_at,
)
from bot.extract.lexicon import AUX, BASE_FORMS
from bot.extract.mentions import Mention, Token
from bot.model import Quote, Sentence

if TYPE_CHECKING:
    from bot.extract.doc import ArticleDoc


# A gerund after these has its subject earlier ("in calling for", "and calling for"), so an
# unknown subject does not make it a noun ("a call for comment").
_GERUND_LINKS = GERUND_HOSTS | {"in", "and"}


def _bare_noun(toks: list[Token], ci: int) -> bool:
    """`Trump had his greatest support among ...`, `the Democratic plan rejected`: an uninflected
    cue after a singular noun, adjective or number is a noun, since as a present-tense verb
    it needs a plural or pronoun subject, a modal or `to` right before it."""
    if ci == 0 or toks[ci].low not in BASE_FORMS:
        return False
    if ci + 1 < len(toks) and toks[ci + 1].low in CLAUSE_NEXT:
        return False  # "the question is whether ...", "his call to ban ...": a report all the same
    j = ci - 1
    while j > 0 and (toks[j].low in SKIPPABLE or (toks[j].low.endswith("ly") and not toks[j].cap)):
        j -= 1
    prev = toks[j]
    low = prev.low.replace("’", "'")
    if low in LICENSERS or low.endswith(("n't", "'d")) or not prev.text[0].isalpha():
        return False
    # a plural subject licenses the verb: "Democrats support", "voters want"
    return not (low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")))


def _attitude_at(doc: ArticleDoc, toks: list[Token], ci: int, sent: Sentence) -> Quote | None:
    """`Clinton slammed Obama as elitist`: a stance verb with a named subject; its complement is the content."""
    n = len(toks)
    if raised_at(toks, ci):
        return _raised(doc, toks, ci, toks[ci].low, sent)  # "is seen as an asset"
    if ci > 0 and toks[ci - 1].low in BE and not _progressive(toks, ci):
        return _passive(doc, toks, ci, sent)  # "The bill was criticized by ..."
    if _be_before(toks, ci) is not None and not _complement_follows(toks, ci):
        q = _passive(doc, toks, ci, sent)
        if q is not None:
            return q
    if toks[ci].low in SEEMING:
        q = _seeming(doc, toks, ci, sent)
        if q is not None:
            return q
    subj = doc.cue_subject(sent.start, toks, ci) or _implicit_subject(toks, ci)
    if subj is None and _finite_after_subject(toks, ci):
        subj = Mention(None, "unknown", toks[ci - 1].start, toks[ci - 1].end)
    if subj is None:
        return None
    naming = toks[ci].low in NAMING and not (ci + 1 < n and toks[ci + 1].low in ("for", "on"))
    if subj.kind == "unknown" and naming:
        return None  # "a show called Judge Y'Self": a name, not a report
    k = ci + 1
    if k < n and toks[k].low == "by":
        return None  # "repeated by the Home Secretary": a passive, the content came first
    if (
        subj.kind == "unknown"
        and not toks[ci].low.endswith("ed")
        and k < n
        and toks[k].low in NOUN_PREPS
        and not (toks[ci].low.endswith("ing") and toks[ci - 1].low in _GERUND_LINKS)
    ):
        return None  # "a request for comment", "support for terrorism": a noun
    needs = PHRASAL_FORMS.get(toks[ci].low)
    if needs is not None:
        if k >= n or toks[k].low not in needs:
            return None  # "spoke at a rally": no content without "about"
        k += 1
    elif k < n and toks[k].low in ATTITUDE_PARTICLES and not _infinitive(toks, k):
        k += 1
    clause = k < n and (toks[k].low == "that" or _infinitive(toks, k))
    if k < n and toks[k].low == "that":
        k += 1
    if k >= n or toks[k].text in PUNCT:
        return None
    e = _relative_end(toks, ci, k, _clause_end(toks, k, sent.end))
    if not clause:
        e = min(e, _object_end(toks, k, e))
    s, e = _trim(doc.text, toks[k].start, e)
    if e <= s:
        return None
    return _make(doc, s, e, subj, toks[ci].low)


_MAX_SEEM_SUBJECT = 12
_SEEM_BREAK = frozenset("that because while but which who whom if when as since although".split())


def _seeming(doc: ArticleDoc, toks: list[Token], ci: int, sent: Sentence) -> Quote | None:
    """`Mrs. Clinton's approach sounds reasonable`, `the deal appears to be dead`: what seems so
    is the subject with its complement (one span over the verb, as annotators join the two),
    and nobody is its speaker. `It seems that ...` is left to the clause reading, and
    `appeared on Sunday shows` (a preposition next: being somewhere) is no report."""
    n = len(toks)
    k = ci + 1
    if k >= n or toks[k].text in PUNCT or toks[k].cap:
        return None
    nxt = toks[k].low
    if not (_infinitive(toks, k) or nxt in ("like", "as")) and (
        nxt in PREPS_STOP or nxt in DETERMINERS or nxt == "that"
    ):
        return None
    j = ci - 1
    while j >= 0 and not toks[j].cap and (toks[j].low in AUX or toks[j].low.endswith("ly")):
        j -= 1  # "did not appear", "also seems"
    i = j
    while i >= 0 and j - i < _MAX_SEEM_SUBJECT:
        t = toks[i]
        if t.text in PUNCT or (t.low in _SEEM_BREAK and not t.cap):
            break
        i -= 1
    if i == j or j - i >= _MAX_SEEM_SUBJECT or toks[i + 1].low in ("it", "there", "this"):
        return None
    if doc.masked(toks[i + 1].start):
        return None
    e = _clause_end(toks, k, sent.end)
    s, e = _trim(doc.text, toks[i + 1].start, _object_end(toks, k, e))
    return _make(doc, s, e, None, toks[ci].low) if e > s else None
