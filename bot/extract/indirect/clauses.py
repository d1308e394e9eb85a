"""Clause boundaries shared by every indirect-speech cue kind: where the reported content ends."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.extract.attribution import (
    ATTITUDE_CUES,
    AUX,
    CUES,
    DETERMINERS,
    PRONOUNS,
    PUNCT,
    SPEECH_CUES,
    SUBJECT_PRONOUNS,
    TEMPORAL,
    np_ending_at,
    skip_aside,
    subject_after,
    subject_before,
)
from bot.extract.clause_words import (
    ADJUNCT_OPENERS,
    BE,
    CLAUSE_BREAK,
    CLAUSE_STOPS,
    COORD,
    FINITE,
    GERUND_HOSTS,
    NEW_CLAUSE,
    NO_PASSIVE,
    NOT_SUBJECT_END,
    NP_RAISING,
    PASSIVE_ADVERBS,
    PASSIVE_AUX,
    PREPS_STOP,
    RAISING,
    RELATIVE,
    STANCE_ADJ,
    SUBJECT_BREAK,
    SUBORDINATORS,
    TIME_WORDS,
)
from bot.extract.lexicon import ALL_CUES
from bot.extract.mentions import Mention, Token
from bot.model import Quote, Sentence

if TYPE_CHECKING:
    from bot.extract.doc import ArticleDoc


_END_PUNCT = ".!?;:"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _END_PUNCT + ",—–-"):
        e -= 1
    return s, e


def _implicit_subject(toks: list[Token], ci: int) -> Mention | None:
    """`Sanders, who endorsed Canova and said ...`, `... and vowed to ...`: the subject is earlier.

    A relative pronoun stands for the name before its comma; a coordinated verb shares the
    subject of its clause. The mention is the resolvable name, else an unknown placeholder.
    """
    j = ci - 1
    while j >= 0 and not toks[j].cap and (toks[j].low in AUX or toks[j].low.endswith("ly")):
        j -= 1
    if j < 0:
        return None
    t = toks[j]
    if t.low in RELATIVE and not t.cap:
        if j >= 2 and toks[j - 1].text == ",":
            m = np_ending_at(toks, j - 2)
            if m is not None and m.kind in ("person", "name", "org", "nominal"):
                return m
        return Mention(None, "unknown", t.start, t.end)
    if t.low in COORD and not t.cap:
        for i in range(j - 1, -1, -1):  # the earlier verb of the pair must be a cue too
            if toks[i].low in ALL_CUES and not toks[i].cap:
                m = subject_before(toks, i) or _implicit_subject(toks, i)
                return m or Mention(None, "unknown", t.start, t.end)
            if toks[i].text in (";", ":", ".", "—"):
                break
        return Mention(None, "unknown", t.start, t.end)  # "... rushed everyone inside and said"
    return None


def _raising_complement(toks: list[Token], k: int) -> bool:
    """`is expected to win`, `is seen as an asset`."""
    return _infinitive(toks, k) or (toks[k].low == "as" and k + 1 < len(toks))


def raised_at(toks: list[Token], ci: int) -> bool:
    """`is expected to win`, `has long been considered a contender`, `were deemed relevant`:
    a raising verb in the passive (a form of be before it, past at most two adverbs) with its
    complement after it."""
    cue = toks[ci].low
    if cue not in RAISING or ci + 1 >= len(toks) or ci == 0:
        return False
    if toks[ci - 1].low not in BE and _be_before(toks, ci) is None:
        return False
    if _raising_complement(toks, ci + 1):
        return True
    nxt = toks[ci + 1]
    return (
        cue in NP_RAISING
        and nxt.text not in PUNCT
        and nxt.low not in PREPS_STOP
        and nxt.low not in ("by", "that")
    )


def _raised(doc: ArticleDoc, toks: list[Token], ci: int, cue: str, sent: Sentence) -> Quote | None:
    """`Obama is expected to join Clinton`: the subject and the infinitive are the content."""
    j = ci - 2
    while j >= 0 and toks[j].text not in CLAUSE_BREAK and toks[j].low not in CLAUSE_BREAK:
        j -= 1
    if j + 1 >= ci - 1:
        return None
    e = _object_end(toks, ci + 1, _clause_end(toks, ci + 1, sent.end))
    dash = next((t.start for t in toks[ci + 1 :] if t.start < e and t.text in _DASHES), e)
    s, e = _trim(doc.text, toks[j + 1].start, dash)
    return _make(doc, s, e, None, cue) if e > s else None


_DASHES = frozenset(("—", "–", "--", "-"))


def _relative_end(toks: list[Token], ci: int, k: int, e: int) -> int:
    """`Curiel, who declined to comment, was born ...`: content in a relative clause set off
    by commas ends at its closing comma."""
    j = ci - 1
    while j > 0 and not toks[j].cap and (toks[j].low in AUX or toks[j].low.endswith("ly")):
        j -= 1
    relative = j >= 1 and toks[j].low in ("who", "which") and toks[j - 1].text == ","
    if not relative and not _fronted(toks, ci):
        return e
    for i in range(k + 1, len(toks)):
        if toks[i].start >= e:
            break
        if toks[i].text == ",":
            return toks[i].start
    return e


def _fronted(toks: list[Token], ci: int) -> bool:
    """`When the leader realized X, he left`: the cue sits in a fronted adverbial clause."""
    i = 1 if toks and toks[0].low in COORD else 0
    if i >= ci or toks[i].low not in SUBORDINATORS:
        return False
    return all(t.text != "," for t in toks[i:ci])


def _infinitive(toks: list[Token], k: int) -> bool:
    """`promised to veto it`: "to" opening a verb phrase rather than a prepositional object."""
    if toks[k].low != "to" or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return not nxt.cap and nxt.text[0].isalpha() and nxt.low not in DETERMINERS


def _object_end(toks: list[Token], k: int, limit: int) -> int:
    """`endorsed Hillary Clinton on Thursday, is ...`: a noun-phrase object ends at a comma,
    a time phrase or an adverbial clause."""
    for j in range(k + 1, len(toks)):
        t = toks[j]
        if t.start >= limit:
            break
        if t.text == ",":
            if _list_continues(toks, j + 1, limit):
                continue  # "a kind, loving and admirable person"
            return t.start
        if t.cap:
            continue
        if t.low in ADJUNCT_OPENERS:
            return t.start
        if (
            t.low in ("on", "in", "last", "this", "next", "earlier", "later")
            and j + 1 < len(toks)
            and (toks[j + 1].low in TEMPORAL or toks[j + 1].low in TIME_WORDS)
        ):
            return t.start
    return limit


def _list_continues(toks: list[Token], j: int, limit: int) -> bool:
    """A comma inside a list: an "and"/"or" follows before the next comma or the end."""
    for i in range(j, min(len(toks), j + 16)):
        if toks[i].start >= limit or (toks[i].text in PUNCT and toks[i].text != ","):
            return False
        if toks[i].low in ("and", "or"):
            return True
    return False


def _finite_after_subject(toks: list[Token], ci: int) -> bool:
    """`... officials familiar with the server, said` : a finite cue right after some noun phrase."""
    cue = toks[ci].low
    j = ci - 1
    while j > 0 and not toks[j].cap and (toks[j].low in AUX or toks[j].low.endswith("ly")):
        j -= 1  # "insiders do not understand", "voters increasingly view"
    if toks[j].text in (")", "—", "–", "-") and 0 <= skip_aside(toks, j) < j:
        j = skip_aside(toks, j)  # "The justice -- who was in a scuffle -- said"
    prev = toks[j]
    if prev.text == "," and cue.endswith("ing") and j == ci - 1:
        return True  # "..., calling for Fiorina's firing"
    if prev.low == "to" and (not cue.endswith(("ing", "ed", "s")) or cue.endswith(("ss", "us"))):
        return True  # "the first Democrat to endorse Sanders", "plans to publicly back him"
    if cue.endswith("ing") and (prev.low in GERUND_HOSTS or prev.low == "in"):
        return True  # "by urging voters", "after saying he would run", "in publicly asking"
    if (
        cue.endswith("ing")
        and j == ci - 1
        and not prev.cap
        and prev.low.endswith("s")
        and not prev.low.endswith(("ss", "us", "is", "as", "ous"))
        and prev.low not in FINITE
    ):
        return True  # "Outside groups supporting Rubio": a reduced relative clause
    if cue.endswith("ing") and _noun_like(prev):
        return True  # "a super PAC supporting Rubio", "the campaign openly accusing ..."
    if prev.text == "," and any(t.low in ("who", "which", "including") for t in toks[:j]):
        return True  # "Older people, who support Clinton, have also seen ..."
    if prev.text == "%" and j > 0 and toks[j - 1].text[0].isdigit() and not cue.endswith("ed"):
        return True  # "26% say they are conservative"
    if (
        prev.text[0].isdigit()
        and j > 1
        and toks[j - 1].low in ("of", "in")
        and not cue.endswith("ed")
    ):
        return True  # "Nearly nine out of 10 say", "Six in 10 think"
    if cue.endswith("ing") or not prev.text[0].isalpha() or prev.low.endswith("ly"):
        return False  # "384 pledged delegates": a number is no subject
    return not (prev.low in PREPS_STOP or prev.low in DETERMINERS or prev.low in NOT_SUBJECT_END)


def _noun_like(t: Token) -> bool:
    """A word that can end a noun phrase: no verb, preposition, determiner or pronoun, so a
    participle after it opens a reduced relative clause, not a progressive."""
    w = t.low
    return (
        t.text[:1].isalpha()
        and w not in FINITE
        and w not in BE
        and w not in AUX
        and w not in PREPS_STOP
        and w not in DETERMINERS
        and w not in NOT_SUBJECT_END
        and w not in SUBJECT_PRONOUNS
    )


def _clause_end(toks: list[Token], k: int, sent_end: int) -> int:
    """Content runs to the sentence end, or to where a new attribution or clause takes over.

    Stops before ', adding that ...', before a coordinated reporting verb ('... and urged
    that ...'), before ', she said' / ', Smith argued' and before ';' or a dash.
    """
    n = len(toks)
    for j in range(k + 1, n - 1):
        t = toks[j]
        nxt = toks[j + 1].low
        if t.text == ",":
            if nxt in COORD and j + 2 < n and toks[j + 2].low == "that" and k > 0:
                continue  # "said A, but that B": a second complement of the cue (not an object)
            if (nxt in ALL_CUES and nxt.endswith("ing")) or nxt in NEW_CLAUSE:
                return t.start
            if nxt == "according" and j + 2 < n and toks[j + 2].low == "to":
                return t.start  # "..., according to aides": the source closes the content
            if _subject_cue_follows(toks, j + 1):
                return t.start
        elif t.text in CLAUSE_STOPS:
            return t.start
        elif (
            t.low in COORD
            and not t.cap
            and (_cue_follows(toks, j + 1) or _subject_cue_follows(toks, j + 1, SPEECH_CUES))
        ):
            return toks[j - 1].start if toks[j - 1].text == "," else t.start
    return sent_end


def _cue_follows(toks: list[Token], j: int) -> bool:
    """A reporting verb opens toks[j:], after at most two adverbs or auxiliaries."""
    for i in range(j, min(len(toks), j + 3)):
        t = toks[i]
        if t.low in ALL_CUES and not t.cap:
            return True
        if not (t.low in AUX or t.low.endswith("ly")) or t.cap:
            return False
    return False


def _subject_cue_follows(toks: list[Token], j: int, cues: frozenset[str] = CUES) -> bool:
    """`, she said` / `, Sen. Ted Cruz argued`: a short subject then a speech or belief verb."""
    n = len(toks)
    if j >= n:
        return False
    t = toks[j]
    if t.low in PRONOUNS:
        return j + 1 < n and _cue_follows(toks, j + 1) and toks[j + 1].low not in ATTITUDE_CUES
    i = j
    while i < n and i - j < 6 and toks[i].text not in PUNCT and toks[i].low not in cues:
        if toks[i].low in NOT_SUBJECT_END or toks[i].low in RELATIVE:
            return False
        i += 1
    return i > j and i < n and toks[i].low in cues and not toks[i].cap


def _make(doc: ArticleDoc, s: int, e: int, m: Mention | None, cue: str) -> Quote | None:
    if e <= s:
        return None
    e = _infinitive_end(doc.text, s, e)
    s = _with_complementizer(doc.text, s)
    speaker = doc.resolve(m)
    return Quote(text=doc.text[s:e], speaker=speaker, kind="indirect", start=s, end=e, cue=cue)


_THAT = re.compile(r"\bthat\s+$")


def _with_complementizer(text: str, s: int) -> int:
    """PolNeAR content spans open with the complementizer: `said [that the plan failed]`."""
    m = _THAT.search(text, max(0, s - 8), s)
    return m.start() if m else s


def _infinitive_end(text: str, s: int, e: int) -> int:
    """An infinitive complement (`vowed to repeal the law, ...`) ends at its first comma."""
    if not text.startswith(("to ", "To "), s):
        return e
    c = text.find(",", s, e)
    return c if c > 0 and len(text[s:c].split()) >= 3 else e


def _progressive(toks: list[Token], ci: int) -> bool:
    """`is supporting Sanders`, `was talking about`: a progressive, not a passive."""
    return toks[ci].low.endswith("ing") and toks[ci - 1].low != "being"


_MAX_SUBJECT = 12


def _complement_follows(toks: list[Token], ci: int) -> bool:
    """`is widely expected to win`, `was long seen as`: the complement is the content."""
    k = ci + 1
    return k < len(toks) and (
        _raising_complement(toks, k) or (toks[k].low == "that" and k + 1 < len(toks))
    )


def _be_before(toks: list[Token], ci: int) -> int | None:
    """Index of the `was` in `was first reported`: a form of be, past at most two adverbs."""
    j = ci - 1
    while (
        j > 0
        and ci - j <= 2
        and not toks[j].cap
        and (toks[j].low in PASSIVE_ADVERBS or toks[j].low.endswith("ly"))
    ):
        j -= 1
    if j < ci - 1 and j >= 0 and toks[j].low in BE and not toks[ci].low.endswith("ing"):
        return j
    return None


def _passive(doc: ArticleDoc, toks: list[Token], ci: int, sent: Sentence) -> Quote | None:
    """`The dissolution of the club was announced`, `which was first reported by the AP`:
    what a passive cue reports is its grammatical subject; an agent after `by` is the source.
    `It was said that ...` reports its clause. Addressees (`was told`, `was asked`) and names
    (`is called`) are not content."""
    n = len(toks)
    cue = toks[ci].low
    if cue in NO_PASSIVE or cue in STANCE_ADJ:
        return None  # "were worried": an adjective, read by the stance pass
    if not cue.endswith(("ed", "en", "wn", "id", "ld", "nt", "ht")):
        return None
    k = ci + 1
    agent: Mention | None = None
    for i in range(k, min(n, k + 4)):
        if toks[i].low == "by":
            agent = subject_after(toks, i) or Mention(None, "unknown", toks[i].start, toks[i].end)
            break
        if toks[i].text in PUNCT:
            break
    if agent is None:
        return None  # no source named: "The bakery was sold"
    if k < n and toks[k].low == "that":  # "It was said that ..."
        if k + 1 >= n or toks[k + 1].text in PUNCT:
            return None
        s, e = _trim(doc.text, toks[k].start, _clause_end(toks, k, sent.end))
        return _make(doc, s, e, agent, cue)
    j = ci - 1
    while j >= 0 and toks[j].low not in BE:
        j -= 1
    while j > 0 and not toks[j - 1].cap and toks[j - 1].low in PASSIVE_AUX:
        j -= 1
    last = j - 1
    if last >= 0 and toks[last].low in RELATIVE and not toks[last].cap:
        return _make(doc, toks[last].start, toks[last].end, agent, cue)  # "which was reported by"
    if last < 0 or toks[last].low in NOT_SUBJECT_END or toks[last].low in FINITE:
        return None  # "has yet to be voted on", "but was ordered to"
    i = last
    while i > 0 and last - i < _MAX_SUBJECT:
        prev = toks[i - 1]
        if prev.text in PUNCT or prev.low in SUBJECT_BREAK or prev.low in ALL_CUES:
            break
        i -= 1
    if last - i >= _MAX_SUBJECT or toks[last].text in PUNCT:
        return None
    if toks[i].low in ("it", "there", "this") or doc.masked(toks[i].start):
        return None
    s, e = _trim(doc.text, toks[i].start, toks[last].end)
    return _make(doc, s, e, agent, cue)


def named_after(toks: list[Token], ci: int) -> bool:
    """`..., said Alan Abramowitz, a demographer`: a name right after the cue, then punctuation
    (the inverted order), so the cue's content is what came before it."""
    m = subject_after(toks, ci)
    if m is None or m.kind not in ("person", "name"):
        return False
    after = next((i for i in range(ci + 1, len(toks)) if toks[i].start >= m.end), None)
    return after is None or toks[after].text in PUNCT


def that_after_adjunct(toks: list[Token], k: int) -> int | None:
    """`said Thursday during a taping in Buffalo, New York, that ...`, `told POLITICO, however,
    that ...`: a "that" after a comma, past an adjunct with no verb of its own."""
    for j in range(k + 1, min(len(toks), k + 25)):
        t = toks[j]
        if t.low == "that" and toks[j - 1].text == ",":
            return j + 1
        if (t.text in PUNCT and t.text != ",") or t.low in FINITE or t.low in ALL_CUES:
            return None
        if t.low in ("who", "which") or toks[j].start > toks[j - 1].end + 3:
            return None  # a relative clause, or a quotation in between
    return None


_ASIDE_WORDS = 10


def aside_subject(toks: list[Token], ci: int) -> Mention | None:
    """`The mayor, in a statement, said ...`, `He, however, said ...`: a short subject opening
    the sentence, then an aside set off by commas with no verb of its own, then the cue."""
    if ci < 3 or toks[ci - 1].text != ",":
        return None
    for j in range(ci - 2, max(0, ci - 2 - _ASIDE_WORDS), -1):
        t = toks[j]
        if t.text == ",":
            head = toks[:j]
            if not head or len(head) > 6 or toks[j + 1].low in RELATIVE:
                return None
            if any(h.text in PUNCT or h.low in FINITE or h.low in ALL_CUES for h in head):
                return None
            return subject_before(toks, j) or Mention(
                None, "unknown", toks[j - 1].start, toks[j - 1].end
            )
        if t.text in PUNCT or t.low in FINITE or t.low in ALL_CUES:
            return None
    return None


_CONTRACTION = re.compile(r"['’](?:s|re|ll|ve|d|m)$")


def bare(t: Token) -> str:
    """The word without a contracted verb: "he’s" and "they're" open a clause as "he" does."""
    return _CONTRACTION.sub("", t.low)
