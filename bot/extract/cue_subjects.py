"""Subjects of the speech cue around a quote: inverted and appositive names after the cue,
a person before it past an organisation or a description, the cue's modal, and a short
sentence after a closed quote that only names its speaker. quotes.py reads a quote's frame
with these; they know the article (ArticleDoc) but not the frame.
"""

from __future__ import annotations

import bisect
import re

from bot.extract.attribution import (
    ATTITUDE_CUES,
    AUX,
    BELIEF_CUES,
    DETERMINERS,
    MEMBERS,
    NOMINAL_HEADS,
    NOT_NAME,
    OBJECT_CUES,
    PREPS,
    SPEECH_CUES,
    TITLES,
    clause_subject,
    cue_index,
    is_participle,
    np_ending_at,
    run_end,
    run_start,
    subject_after,
    subject_before,
)
from bot.extract.doc import ArticleDoc, Segment, place_like
from bot.extract.gender import given_names
from bot.extract.lexicon import FUTURE_FRAMES, FUTURE_MODALS
from bot.extract.mentions import Mention, Token, classify_run, possessive, tokens
from bot.extract.name_checks import sentence_index


def with_modal(toks: list[Token], ci: int) -> str:
    """The cue with the words that make it future or hypothetical: "will argue", "is expected
    to say" (the reply marks these as not yet said); else the cue word alone."""
    cue = toks[ci].low
    j = ci - 1
    if j >= 0 and toks[j].low in FUTURE_MODALS and not toks[j].cap:  # "May said": a name
        return f"{toks[j].low} {cue}"
    if j >= 1 and toks[j].low == "to" and toks[j - 1].low in FUTURE_FRAMES:
        k = j - 1
        if k >= 1 and toks[k - 1].low in ("is", "are", "was", "were", "be"):
            k -= 1
        return " ".join(t.low for t in toks[k : ci + 1])
    return cue


_CHAIN = frozenset("and of the".split())
_ROLE_FILLERS = frozenset("technology research communications policy finance sales".split())


def cue_subject_after(toks: list[Token], ci: int) -> Mention | None:
    """subject_after, plus two inverted shapes it misses: an appositive name after a role
    ("said the bureau's director, James Comey,") and a chain of titles joined by "and"
    ("said former Gov. and party Chairman Ed Rendell")."""
    m = subject_after(toks, ci)
    if m is not None and m.kind in ("person", "pronoun"):
        return m
    n = len(toks)
    if m is not None and m.kind in ("nominal", "org"):
        # "said RNID technology director, Guido Gybels": the body's role, then the person
        j = next((k for k in range(ci + 1, n) if toks[k].start >= m.end), n)
        j0 = j
        while j < n and (
            (
                m.kind == "org"
                and (
                    toks[j].low in TITLES
                    or toks[j].low in NOMINAL_HEADS
                    or toks[j].low in _ROLE_FILLERS
                )
            )
            or (  # "said the deputy campaign manager, Rich Beeson": the role's last words
                m.kind == "nominal"
                and j - j0 < 2
                and toks[j].text.isalpha()
                and not toks[j].cap
                and toks[j].low not in _NOT_ROLE
                and toks[j].low not in PREPS
            )
        ):
            j += 1
        if j + 1 < n and toks[j].text == "," and toks[j + 1].cap:
            p = classify_run(toks[j + 1 : run_end(toks, j + 1) + 1])
            if p is not None and p.kind in ("person", "name"):
                return p
    if m is not None:
        return m
    best: Mention | None = None
    k = ci + 1
    while k < n and k - ci <= 14:
        t = toks[k]
        if t.cap and t.text[0].isalpha():
            e = run_end(toks, k)
            p = classify_run(toks[k : e + 1])
            if p is not None and p.kind == "person":
                best = p
            k = e + 1
            continue
        if not (t.low in _CHAIN or t.low in TITLES or t.low in NOMINAL_HEADS):
            break
        k += 1
    return best


_ORG_PHRASE = frozenset("of at from for the and & ,".split())


def cue_subject_before(doc: ArticleDoc, toks: list[Token], ci: int) -> Mention | None:
    """subject_before, but past an organisation that only qualifies a person: "Jeffrey Lewis of
    the Middlebury Institute wrote", "Ann Lee, president and CEO of the Retail Association said"."""
    m = subject_before(toks, ci)
    if m is None and is_participle(toks[ci].low):
        m = with_subject(toks, ci)
    if (
        m is not None
        and m.kind in ("person", "name")
        and m.name not in MEMBERS  # "the MPs said": a body's members (resolve.py)
        and place_like(doc, toks, m)
    ):
        return clause_subject(toks, 0, ci, accept=doc.speaker_ok)
    if m is not None and m.kind not in ("org", "nominal"):
        return m
    k = ci - 1
    while k >= 0 and ci - k <= 14:
        t = toks[k]
        if t.text in ".;:!?" or (t.low in SPEECH_CUES and not t.cap):
            return m
        if t.low in ("of", "at", "from", ",") and k >= 1 and toks[k - 1].cap:
            p = np_ending_at(toks, k - 1)
            if (
                p is not None
                and p.kind in ("person", "name")
                and doc.speaker_ok(p)  # not "Hinting at better times ..., NIESR said"
                and _qualifier_only(toks, k, ci)
            ):
                return p
        k -= 1
    return m


_DESCRIBED_WORDS = 4


def described_subject(toks: list[Token], ci: int) -> Mention | None:
    """A lowercase noun phrase after a determiner right before the cue ("after her birth mother
    told her ..."): someone the article describes but does not name spoke, so the quote is not
    the clause's named subject's (a nominal mention: resolved to a name only by its role)."""
    j = ci - 1
    while j >= 0 and toks[j].low.endswith("ly") and not toks[j].cap:
        j -= 1
    end = j
    while j >= 0 and end - j < _DESCRIBED_WORDS and toks[j].text.isalpha() and not toks[j].cap:
        if toks[j].low in _NOT_IN_PHRASE or toks[j].low in AUX:
            return None  # "a surrogate who said", "that was reported": not a subject phrase
        if toks[j].low in DETERMINERS:
            opener = toks[j - 1].low if j > 0 else ","
            if j == end or opener not in _CLAUSE_OPENERS:
                return None  # "that told"; "pointed to a previous case to say": an object
            words = tuple(t.low for t in toks[j : end + 1])
            return Mention(None, "nominal", toks[j].start, toks[end].end, words)
        j -= 1
    return None


# what may open the clause whose subject is the described speaker, and words no such
# subject phrase holds
_CLAUSE_OPENERS = frozenset(", ; after when because as and but while since before until if".split())
_NOT_IN_PHRASE = frozenset("to who which that whom whose of this these those".split())


def with_subject(toks: list[Token], ci: int) -> Mention | None:
    """`with Donald Trump tweeting that ...`: the name after "with" is the participle's subject."""
    j = ci - 1
    if j < 1 or not toks[j].cap:
        return None
    i = run_start(toks, j)
    if i < 1 or toks[i - 1].low != "with":
        return None
    m = classify_run(toks[i : j + 1])
    return m if m is not None and m.kind in ("person", "name") else None


def _qualifier_only(toks: list[Token], a: int, b: int) -> bool:
    """toks[a:b] is a role and an organisation name, with no verb that could start a clause:
    ", senior research fellow at the IPPR", ", Blackpool Hotel Association"."""
    seen_of = False
    for t in toks[a:b]:
        if t.low in ("of", "at", "from", "for"):  # "coordinator for ... Foundation"
            seen_of = True
        if t.cap or t.low in _ORG_PHRASE or t.low in TITLES or t.low in NOMINAL_HEADS:
            continue
        if t.low in ATTITUDE_CUES or t.low in SPEECH_CUES or t.low.endswith(("ed", "ing")):
            return False  # a verb: a clause of its own
        if not t.text.isalpha() or t.low in _NOT_ROLE:
            return False
    body = toks[a + 1 : b]
    return seen_of or (toks[a].text == "," and bool(body) and all(t.cap for t in body))


_NOT_ROLE = frozenset("is was are were has have had will would who which that and but".split())


# What may follow the cue of a sentence that only attributes the quote before it ("Trump said.",
# "Miller, a retired worker, said pleasantly into the phone."): punctuation, an adverb or a
# preposition; a lowercase object or "that" makes it a sentence of its own ("Trump said the ...").
_TAIL_NEXT = frozenset(
    "on in at into to during after before with as from of about while when".split()
)
_TAIL_WORDS = 16
_GO = frozenset("went goes go".split())


def tail_attribution(doc: ArticleDoc, seg: Segment, body: str) -> tuple[Mention, str] | None:
    """`"... are missing." Trump said.`: a quote closing its own sentence, then a sentence in
    the same paragraph that opens with its subject and a speech cue and says nothing else; the
    sentence splitter put the cue outside the quote's frame."""
    text = doc.text
    if not body.rstrip().endswith((".", "?", "!")) or not doc.sentences:
        return None
    pos = seg.close + 1
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    if pos >= len(text) or not text[pos].isupper() or doc.masked(pos):
        return None
    si = sentence_index(doc, pos)
    end = doc.sentences[si].end
    nl = text.find("\n", pos)
    if 0 <= nl < end:
        end = nl
    k = bisect.bisect_right(doc.masks, (pos, 1 << 60))
    if k < len(doc.masks):
        end = min(end, doc.masks[k][0])
    toks = doc.sentence_slice(si, pos, end)[:_TAIL_WORDS]
    ci = cue_index(toks)
    went_on = next(
        (i for i in range(1, len(toks) - 1) if toks[i].low in _GO and toks[i + 1].low == "on"),
        None,
    )  # "Trump went on, as if he didn't hear her": he kept speaking
    if went_on is not None and (ci is None or went_on < ci):
        ci = went_on
        toks = toks[: ci + 1] + toks[ci + 2 :]  # the cue then what follows "on"
    if ci is None or ci == 0 or toks[ci].low == "according":
        return None
    if any(t.text in ".!?;:" for t in toks[:ci]):
        return None
    nxt = toks[ci + 1] if ci + 1 < len(toks) else None
    if nxt is not None and not (
        nxt.text in ".,;!?"
        or nxt.low in _TAIL_NEXT
        or (nxt.low.endswith("ly") and not nxt.cap)
        or (nxt.cap and toks[ci].low in OBJECT_CUES)
    ):
        return None
    m = subject_before(toks, ci)
    if m is None or m.kind not in ("person", "name", "pronoun") or m.start != toks[0].start:
        return None
    return m, f"{toks[ci].low} on" if ci == went_on else with_modal(toks, ci)


_LEAD_WORDS = 9
# what may follow the verb of a lead-in ("Sanders shot back, “...”")
_LEAD_PARTICLES = frozenset("back on again up in out".split())
_NOT_LEAD_VERB = frozenset("too though however instead meanwhile and or but who which".split())


def lead_in_subject(doc: ArticleDoc, before: list[Token]) -> Mention | None:
    """`Sanders shot back, “...”`, `As The Post's Dana Milbank puts it, “...”`: a sentence
    that opens with a name, a verb (and a particle, or "it" after "As") and a comma right
    before the quote names its speaker, whatever the verb."""
    if not 3 <= len(before) <= _LEAD_WORDS or before[-1].text != ",":
        return None
    a = 1 if before[0].low == "as" else 0
    v = next((i for i in range(a, len(before) - 1) if not before[i].cap), None)
    if v is None or v == a:
        return None
    words = before[v:-1]
    if not 1 <= len(words) <= 2 or not all(w.text.isalpha() and not w.cap for w in words):
        return None
    verb = words[0].low
    if (
        verb in AUX
        or verb in PREPS
        or verb in DETERMINERS
        or verb in _NOT_LEAD_VERB
        or verb in _NOT_ROLE
        or verb.endswith("ly")
        or is_participle(verb)
    ):
        return None
    tail = words[1].low if len(words) == 2 else None
    if (a == 1 and tail != "it") or (a == 0 and tail is not None and tail not in _LEAD_PARTICLES):
        return None
    k = v - 1
    while k > a and before[k - 1].cap and before[k - 1].text[0].isalpha():
        if possessive(before[k - 1].text):
            break
        k -= 1
    prefix = before[a:k]
    if prefix and not (all(t.cap for t in prefix) and possessive(prefix[-1].text)):
        return None  # only "The Post's" may come before the name
    if before[k].low in NOT_NAME:
        return None  # "When Trump arrived, “...”": a time clause, not the speaker's sentence
    m = classify_run(before[k:v])
    if m is None or m.kind not in ("person", "name") or not doc.speaker_ok(m):
        return None
    return m


_LEAD_SENTENCE_WORDS = 14
_LEAD_SENTENCE_CUES = SPEECH_CUES | BELIEF_CUES


def lead_sentence_attribution(doc: ArticleDoc, seg: Segment) -> tuple[Mention, str] | None:
    """`Iowa State University's Dianne Bystrom agreed. "..."`: a quote opening its sentence
    right after a short sentence of the same paragraph that ends with a named person and a
    speech cue, saying nothing after it: that sentence introduces the quote's speaker."""
    text = doc.text
    if not doc.sentences:
        return None
    si = sentence_index(doc, seg.open)
    if si == 0:
        return None
    start, end = doc.sentences[si - 1].start, min(doc.sentences[si - 1].end, seg.open)
    if "\n" in text[start : seg.open] or text[end : seg.open].strip():
        return None
    toks = doc.sentence_slice(si - 1, start, end)
    if not 2 <= len(toks) <= _LEAD_SENTENCE_WORDS + 1 or toks[-1].text != ".":
        return None
    if doc.masks_within(start, end):
        return None  # the sentence quotes someone itself
    ci = len(toks) - 2
    cue = toks[ci]
    if cue.cap or cue.low not in _LEAD_SENTENCE_CUES or cue.low in OBJECT_CUES:
        return None
    m = subject_before(toks, ci)
    if m is not None and m.kind == "org":
        # "Iowa State University's Dianne Bystrom": the person after the body's possessive
        k = max(i for i in range(ci) if toks[i].start < m.end)
        i = k
        while i > 0 and toks[i - 1].cap and not possessive(toks[i - 1].text):
            i -= 1
        if i > 0 and possessive(toks[i - 1].text):
            m = classify_run(toks[i : k + 1])
    if m is None or m.kind not in ("person", "name") or not doc.speaker_ok(m):
        return None
    return m, cue.low


# a paragraph after a quote that only signs it: "-President Obama, tweeting after ..."
_SIGNATURE = re.compile(r"\n\s*\n?[ \t]*[-—–]{1,2}[ \t]*([A-Z][^\n,.]{1,60})(?:[,.]|\n|$)")


def signature_after(doc: ArticleDoc, seg: Segment) -> Mention | None:
    """`"Great speech. ..." / -President Obama, tweeting after Clinton's speech.`: a quote
    that ends its paragraph, then a paragraph opening with a dash and a person's name."""
    text = doc.text
    nl = text.find("\n", seg.close)
    if nl < 0 or text[seg.close + 1 : nl].strip():
        return None
    found = _SIGNATURE.match(text, nl)
    if found is None:
        return None
    toks = tokens(text, found.start(1), found.end(1))
    if not toks or not all(t.cap for t in toks):
        return None
    m = classify_run(toks)
    if m is None or m.kind not in ("person", "name") or not doc.speaker_ok(m):
        return None
    return m


# a lookahead, so "Guitarist Brian May" yields "Brian May" as well as "Guitarist Brian"
_GIVEN_THEN = re.compile(r"\b(?=([A-Z][a-z]+)\s+([A-Z][a-z]+)\b)")


def surname_word(doc: ArticleDoc, toks: list[Token], k: int) -> Mention | None:
    """toks[k] is a capitalised word read as a date or a function word ("said Friday") that
    the article also gives as one person's surname after a given name ("Mike Friday's
    England"): that person. Several such people, or none: None."""
    if k < 0 or k >= len(toks):
        return None
    t = toks[k]
    if not t.cap or t.low not in NOT_NAME or not t.text.isalpha():
        return None
    given = given_names()
    found = {
        m.group(1)
        for m in _GIVEN_THEN.finditer(doc.text)
        if m.group(2) == t.text and m.group(1) in given and not doc.masked(m.start())
    }
    if len(found) != 1:
        return None
    name = f"{found.pop()} {t.text}"
    return Mention(name, "person", t.start, t.end, (), t.text)
