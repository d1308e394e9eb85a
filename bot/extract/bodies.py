"""Organisations as speakers: "the organisation said", "the commission says", "according to
the magazine", "a CAS statement" name the body the article has just named.

A body speaks plainly when the article names it and then refers to it by its kind; the
review sets label such quotes with the body. Precision first: the kind word must fit (a
"commission" is a body whose name holds Commission) or, for a word any body could be
("the organisation", "the group", "its report"), exactly one body is named in the sentences
just before and no other before them; otherwise nobody (unattributed). "The report" and
"the statement" alone say nothing of whose they are.
"""

from __future__ import annotations

from bot.extract.attribution import NOT_NAME, ORG_WORDS, PREPS
from bot.extract.lexicon import BODY_NOUNS, COUNTRY_CODES, GENERIC_BODY, KIND_BODY
from bot.extract.mentions import Mention, Token, classify_run, tokens
from bot.extract.name_checks import Doc, sentence_index

# kinds of body usually named without the kind word, so one named in full is not the only one
_SHORT_NAMED = BODY_NOUNS | {"party"}
_WINDOW = 3  # sentences back (besides the cue's own) where the body must be named


def body_referent(doc: Doc, m: Mention) -> str | None:
    """The body a nominal mention ("the organisation", "its report") refers back to, or None."""
    if not m.titles or m.titles[0] not in ("the", "its", "a", "an", "their"):
        return None
    head = m.titles[-1]
    if head not in GENERIC_BODY and head not in KIND_BODY:
        return None
    if any(w not in ("the", "its", "a", "an", "their", head) for w in m.titles):
        return None  # "the Labour group", "the youth charity": a description, not a referent
    si = sentence_index(doc, m.start)
    lo = doc.sent_starts[max(0, si - _WINDOW)] if doc.sentences else 0
    named = bodies_named(doc, lo, m.start)
    if head in KIND_BODY:
        fit = [b for b in named if head in b.lower().split()]
        if fit:
            return fit[-1]
        # named further back: the one body of that kind in the article ("the committee"; not
        # "the magazine": "US magazine Rolling Stone" names the kind, then the title; not "the
        # party": parties go by short names, "the Tories", that name no kind)
        fit = list(dict.fromkeys(b for b in bodies_named(doc, 0, lo) if head in b.lower().split()))
        if len(fit) == 1 and m.titles == ("the", head) and head not in _SHORT_NAMED:
            return fit[0]
        if head not in GENERIC_BODY:
            return None
    if head == "report" and m.titles[0] != "its":
        return None  # "The report urged the CSA to ...": whose report is not said here
    distinct = list(dict.fromkeys(named))
    if (
        len(distinct) == 1
        and len(set(bodies_named(doc, 0, m.start))) > 1
        and distinct[0] not in bodies_named(doc, doc.sent_starts[max(0, si - 1)], m.start)
    ):  # another body named before may be the one meant, unless this one was named just now
        return None
    if not distinct and m.titles[0] == "its":
        # "The commission says ... '...,' says its report": the body "the commission" is,
        # named in full earlier ("the Electoral Commission")
        kind = _kind_mentioned(doc, lo, m.start)
        if kind:
            fit = [b for b in bodies_named(doc, 0, m.start) if kind in b.lower().split()]
            return fit[-1] if fit else None
    return distinct[0] if len(distinct) == 1 else None


def members_body(doc: Doc, pos: int) -> str | None:
    """The body whose members "the MPs" at pos are: the one body named in pos's paragraph or
    the one before it, else None (none, or two that could be meant)."""
    text = doc.text
    para = text.rfind("\n", 0, pos)
    lo = text.rfind("\n", 0, max(0, para - 1)) + 1 if para > 0 else 0
    while lo > 0 and not text[lo:para].strip():  # a blank line between paragraphs
        lo = text.rfind("\n", 0, lo - 1) + 1
    named = list(dict.fromkeys(bodies_named(doc, lo, pos)))
    return named[0] if len(named) == 1 else None


def _kind_mentioned(doc: Doc, lo: int, pos: int) -> str | None:
    """The last "the <kind of body>" ("the commission") written in text[lo:pos] outside quotes."""
    toks = [t for t in tokens(doc.text, lo, pos) if not doc.masked(t.start)]
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].low in KIND_BODY and not toks[k].cap and toks[k - 1].low == "the":
            return toks[k].low
    return None


def bodies_named(doc: Doc, lo: int, pos: int) -> list[str]:
    """Names of bodies written in text[lo:pos] outside quotes, in order: a capitalised run
    classify_run reads as an organisation that names its kind ("Electoral Commission") or is
    an acronym ("CENTR"); a possessive alone makes no body ("Brown's Britain", a book)."""
    out: list[str] = []
    text = doc.text
    toks = [t for t in tokens(text, lo, pos) if not doc.masked(t.start)]
    k = 0
    last_end = -9
    while k < len(toks):
        if not (toks[k].cap and toks[k].text[0].isalpha()):
            k += 1
            continue
        e = k
        while e + 1 < len(toks) and (
            (toks[e + 1].cap and toks[e + 1].text[0].isalpha())
            or (
                toks[e + 1].low in ("of", "for")
                and e + 2 < len(toks)
                and toks[e + 2].cap
                and toks[e + 2].text[0].isalpha()
            )
        ):
            e += 1
        if e + 1 < len(toks) and toks[e + 1].low in BODY_NOUNS:
            e += 1  # "Broadcast magazine"
        else:
            e = _kind_after(toks, e)  # "the Commons science and technology committee"
        run = toks[k : e + 1]
        while run and run[0].low in NOT_NAME:
            run = run[1:]
        apposed = k == last_end + 3 and toks[k - 2].text == "," and toks[k - 1].low == "the"
        opener = len(run) == 1 and k == 0 and not run[0].text.isupper()  # "But", "Its"
        if run and run[0].cap and not opener and not apposed:
            # ("CENTR, the Council of ... Registries, agrees": one body, named twice)
            mention = (
                Mention(" ".join(x.text for x in run), "org", run[0].start, run[-1].end)
                if (run[-1].low in BODY_NOUNS or run[-1].low in KIND_BODY) and len(run) > 1
                else classify_run(run)
            )
            if mention is not None and mention.kind == "org" and mention.name:
                name = mention.name
                kind_named = " " in name and any(w.lower() in ORG_WORDS for w in name.split())
                country = name.replace(".", "").upper() in COUNTRY_CODES  # "U.S." is a place
                if not country and (kind_named or (name.isupper() and len(name) >= 3)):
                    out.append(name)
                    last_end = e
        k = e + 1
    return out


_KIND_WORDS = 4  # lowercase words between a body's capitalised name and its kind


def _kind_after(toks: list[Token], e: int) -> int:
    """The index of a lowercase kind of body (KIND_BODY) that closes, within a few lowercase
    words, the capitalised run ending at toks[e] ("Commons science and technology
    committee"), else e: no determiner, preposition or other word with a job of its own
    between them."""
    for k in range(e + 1, min(len(toks), e + 1 + _KIND_WORDS)):
        t = toks[k]
        if t.cap or not t.text.isalpha():
            return e
        if t.low in KIND_BODY:
            return k
        if t.low != "and" and (t.low in NOT_NAME or t.low in PREPS or t.low.endswith(("ed", "s"))):
            return e
    return e
