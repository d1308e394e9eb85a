"""Indirect speech after speech and belief verbs ("said the plan would fail"), questions, headlines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.extract.attribution import (
    ATTITUDE_CUES,
    ATTITUDE_PARTICLES,
    AUX,
    CUES,
    DETERMINERS,
    OBJECT_CUES,
    PUNCT,
    QUOTE_CUES,
    SPEECH_CUES,
    SUBJECT_PRONOUNS,
    TEMPORAL,
    TITLES,
    clause_subject,
    np_ending_at,
    subject_after,
)
from bot.extract.clause_words import (
    AMOUNT_WORDS,
    ANSWERS,
    BE,
    CLAUSE_OPENERS,
    COORD,
    DEMONSTR,
    FINITE,
    NOT_SUBJECT_END,
    PREPS_STOP,
    RELATIVE,
    THAT_OPENERS,
    TIME_WORDS,
)
from bot.extract.indirect.clauses import (
    _END_PUNCT,
    _be_before,
    _clause_end,
    _complement_follows,
    _finite_after_subject,
    _implicit_subject,
    _infinitive,
    _make,
    _passive,
    _progressive,
    _raised,
    _relative_end,
    _trim,
    aside_subject,
    bare,
    named_after,
    raised_at,
    that_after_adjunct,
)
from bot.extract.lexicon import ALL_CUES, MEDIUM_NOUNS
from bot.extract.mentions import Mention, Token, classify_run
from bot.model import Quote, Sentence

if TYPE_CHECKING:
    from bot.extract.doc import ArticleDoc


def _indirect_at(
    doc: ArticleDoc, toks: list[Token], ci: int, is_acc: bool, sent: Sentence
) -> Quote | None:
    text = doc.text
    cue = "according to" if is_acc else toks[ci].low
    if is_acc:
        m = subject_after(toks, ci + 1)
        # end of the source phrase: next comma
        k = ci + 2
        while k < len(toks) and toks[k].text not in (",", ".", ";"):
            k += 1
        if ci == 1 and re.sub(r"['’]s$", "", toks[0].low) in DEMONSTR and toks[0].low[-1] == "s":
            s, e = toks[0].start, toks[0].end - 2  # "That's according to the exit polls."
        elif ci <= 1:  # According to X, CONTENT.
            if k >= len(toks) - 2:
                return None
            s, e = _trim(text, toks[k].end, sent.end)
        elif toks[ci - 1].text == "," and _short_opener(toks, ci - 1) and k < len(toks) - 3:
            s, e = _trim(text, toks[k].end, sent.end)  # "But, according to the poll, CONTENT."
        elif toks[ci - 1].text == ",":  # CONTENT, according to X[, CONTENT2].
            s = sent.start
            e = toks[ci - 1].start  # the source phrase may hold commas: ", which monitors ..."
            if k < len(toks) - 2 and _verbless(toks[: ci - 1]):
                e = _clause_end(toks, k + 1, sent.end)  # "The next day, according to X, he left."
            s, e = _trim(text, s, e)
            lead = _LEAD.match(text, s, e)
            if lead:
                s = lead.end()
        elif toks[ci - 1].low in THAT_OPENERS and k < len(toks) - 2:
            s, e = _trim(text, toks[k].end, sent.end)  # "said that according to X, CONTENT"
        elif ci == 2 and toks[1].low in ("’s", "'s", "is", "was") and toks[0].low in DEMONSTR:
            s, e = toks[0].start, toks[0].end  # "That's according to the exit polls."
        elif ci >= 3 and toks[ci - 1].text not in PUNCT:
            s, e = _trim(text, sent.start, toks[ci - 1].end)  # "CONTENT according to X"
        else:
            return None
        return _make(doc, s, e, m, cue)
    # subject before the cue: "X said (that) CONTENT"
    if raised_at(toks, ci):
        return _raised(doc, toks, ci, cue, sent)  # "is widely expected to win"
    if ci > 0 and toks[ci - 1].low in BE and not _progressive(toks, ci):
        return _passive(doc, toks, ci, sent)  # "The plan was announced", "was asked"
    if _be_before(toks, ci) is not None and not _complement_follows(toks, ci):
        q = _passive(doc, toks, ci, sent)  # "was first reported by"
        if q is not None:
            return q
    needs_that = cue in QUOTE_CUES or _closes_direct_quote(text, sent.start, toks[ci].start)
    subj = (
        doc.cue_subject(sent.start, toks, ci)
        or _implicit_subject(toks, ci)
        or aside_subject(toks, ci)
    )
    after_cue = ci + 1
    n = len(toks)
    if subj is None and ci > 0 and _finite_after_subject(toks, ci):
        if toks[ci - 1].text == "," and cue in SPEECH_CUES and named_after(toks, ci):
            return _inverted(doc, toks, ci, cue, sent)  # "..., said Alan Abramowitz, a demographer"
        subj = Mention(None, "unknown", toks[ci - 1].start, toks[ci - 1].end)
    if subj is None and ci + 1 < len(toks) and toks[ci + 1].low == "that":
        subj = Mention(None, "unknown", toks[ci].start, toks[ci].end)  # "by arguing that ..."
    if subj is None:
        return _inverted(doc, toks, ci, cue, sent)
    nxt = toks[after_cue] if after_cue < n else None
    if nxt is not None and nxt.text == ":" and after_cue + 2 < n:  # "Cruz added: the plan is dead"
        s, e = _trim(text, toks[after_cue + 1].start, sent.end)
        if not doc.masked(s) and len(text[s:e].split()) >= _MIN_WORDS:
            return _make(doc, s, e, subj, cue)
        return None
    if ci > 0 and toks[ci - 1].text == "," and cue in SPEECH_CUES:
        q = _parenthetical(doc, toks, ci, cue, sent)
        if q is not None:
            return q
    far = that_after_adjunct(toks, after_cue) if nxt is not None and nxt.text == "," else None
    if far is not None and far < n:  # "argued, in a speech on Monday, that ..."
        s, e = _trim(
            text, toks[far].start, _relative_end(toks, ci, far, _clause_end(toks, far, sent.end))
        )
        return _make(doc, s, e, subj, cue) if len(text[s:e].split()) >= _MIN_WORDS else None
    adjunct_tail = False  # "..., he said after meeting aides.": the cue closes the content
    if (
        nxt is not None
        and nxt.text not in _END_PUNCT
        and nxt.text not in (",", "“", '"', "”", "(", "—", "–")
    ):
        k = after_cue
        obj = cue in OBJECT_CUES
        if obj and _object_infinitive(toks, after_cue):
            obj = False  # "urged the senator to apologize": object and infinitive are the content
        elif obj:
            k = _skip_object(toks, k)
        k = _skip_medium(toks, k)
        k, that = _skip_to_that(toks, k, obj)
        if k < n and toks[k].text not in _END_PUNCT:
            if needs_that and not that:
                return None
            if (
                obj
                and not that
                and k > after_cue
                and bare(toks[k]) not in CLAUSE_OPENERS
                and not toks[k].cap
            ):
                return None  # "told his defense officials on Monday": an addressee, no content
            if obj and not that and all(t.cap or t.low in TITLES for t in toks[k:-1]):
                return None  # "she told moderator John Dickerson."
            if (
                not that
                and toks[k].low in PREPS_STOP
                and not _infinitive(toks, k)
                and not _quantifier(toks, k)
            ):
                if not (
                    cue in SPEECH_CUES
                    and k == after_cue
                    and toks[k].low not in ("of", "about", "upon", "on", "to", "as", "like")
                    and _comma_before_subject(toks, ci)
                    and not any(t.text in PUNCT and t.text not in ".!?" for t in toks[k:])
                    and not doc.masks_within(toks[k].start, sent.end)
                ):
                    return None
                adjunct_tail = True
            if not adjunct_tail:
                e = _relative_end(toks, ci, k, _clause_end(toks, k, sent.end))
                s, e = _trim(text, toks[k].start, e)
                if len(text[s:e].split()) < _MIN_WORDS and text[s:e].lower() not in ANSWERS:
                    return None  # "said no" is a report, "said Monday" is not
                return _make(doc, s, e, subj, cue)
        if not adjunct_tail:
            nxt = toks[k] if k < n else None  # "X said on Wednesday." : the content came first
    # "CONTENT, X said." with the cue closing the sentence (or a clause: ", X said, CONTENT2")
    tail = after_cue
    while tail < n and toks[tail].low in TEMPORAL:
        tail += 1
    if tail > after_cue:
        nxt = toks[tail] if tail < n else None
    if adjunct_tail or nxt is None or nxt.text in ".!?" or (nxt.text == "," and cue in CUES):
        head = _head_start(toks, ci, subj) if subj.kind != "unknown" else _np_start(toks, ci)
        if head is not None and head > 0 and toks[head - 1].text != ",":
            head = _np_start(toks, ci) or head  # ", the nonpartisan Budget Office reported."
        as_at = _as_clause_start(toks, ci)
        if as_at is not None:
            head = (
                as_at if as_at > 0 and toks[as_at - 1].text == "," else as_at + 1
            )  # "As The Atlantic noted, ...", "as a Politico reporter noted, ..."
        if (
            head is not None
            and head > 0
            and toks[head - 1].low == "as"
            and nxt is not None
            and nxt.text == ","
            and (head == 1 or toks[head - 2].text in PUNCT or toks[head - 2].low in COORD)
        ):  # "As POLITICO revealed, CONTENT."
            k = ci + 1
            while k < n and toks[k].text != ",":
                k += 1
            if k + 1 < n:
                s, e = _trim(text, toks[k + 1].start, _clause_end(toks, k + 1, sent.end))
                if len(text[s:e].split()) >= _MIN_WORDS:
                    return _make(doc, s, e, subj, cue)
            return None
        if head is not None and head > 0 and toks[head - 1].text == ",":
            tail_ok = (
                adjunct_tail
                or nxt is None
                or nxt.text in _END_PUNCT
                or _participle_follows(toks, nxt)
            )
            if doc.masks_within(toks[head - 1].end, toks[ci].start):
                return None  # 'Right now, the campaign is "doing all it can," he said': the quote
            s = _after_earlier_report(toks, head - 1, sent.start)
            e = toks[head - 1].start if tail_ok else sent.end
            s, e = _trim(text, s, e)
            lead = _LEAD.match(text, s, e)
            if lead:  # "But the race will be tight, he said": the conjunction is not content
                s = lead.end()
            if len(text[s:e].split()) >= _MIN_WORDS:
                return _make(doc, s, e, subj, cue)
    return None


_QUOTE_FRAME = re.compile(r"[,?!—–-]\s*(?:''|[\"”’])\s*([^\"“”;:!?,]{0,60})$")


def _closes_direct_quote(text: str, sent_start: int, cue_start: int) -> bool:
    """`"...," Mr. Biden said at one point`: the cue frames the quote before it, so what
    follows it is manner or time, not content (unless a `that` clause opens)."""
    m = _QUOTE_FRAME.search(text, max(sent_start, cue_start - 70), cue_start)
    return m is not None and len(m.group(1).split()) <= 6


_MIN_WORDS = 2


def _skip_medium(toks: list[Token], k: int) -> int:
    """Past `in a statement (Thursday night)` after a cue when a clause follows it:
    `said in a statement Thursday they pulled the listing`."""
    n = len(toks)
    if k >= n or toks[k].low not in ("in", "during", "on"):
        return k
    j = k + 1
    while j < n and j - k <= 4 and toks[j].low not in MEDIUM_NOUNS:
        if toks[j].text in PUNCT:
            return k
        j += 1
    if j >= n or toks[j].low not in MEDIUM_NOUNS:
        return k
    j += 1
    while j < n and toks[j].low in TEMPORAL:
        j += 1
    if j < n and (bare(toks[j]) in SUBJECT_PRONOUNS or toks[j].low in ("that", "the")):
        return j
    return k


def _verbless(toks: list[Token]) -> bool:
    """`But the next day`, `Notably absent from the talks`: a fronted adverbial or
    predicate (it opens on a preposition, an adverb or a time) without a finite verb, so the
    clause it belongs to goes on after an inserted `according to X,`."""
    if toks and toks[0].low in COORD:
        toks = toks[1:]
    if not 0 < len(toks) <= 8:
        return False
    first = toks[0].low
    fronted = (
        first in PREPS_STOP
        or first in TEMPORAL
        or first in TIME_WORDS
        or first in ("one", "notably", "also")
        or (first.endswith("ly") and first.isalpha())
    )
    return fronted and not any(
        t.low in FINITE or t.low in ALL_CUES or (t.low.endswith("ed") and not t.cap) for t in toks
    )


def _short_opener(toks: list[Token], comma: int) -> bool:
    """`But,` / `In addition,` / `Last year,` before `according to`: a sentence adverbial, not content."""
    return 0 < comma <= 3 and not any(t.low in FINITE for t in toks[:comma])


def _as_clause_start(toks: list[Token], ci: int) -> int | None:
    """Index of the "as" that opens a short unpunctuated `as SOURCE CUE` clause ending at ci."""
    for i in range(ci - 1, max(-1, ci - 9), -1):
        t = toks[i]
        if t.low == "as":
            return i if i + 1 < ci else None
        if t.text in PUNCT or t.low in RELATIVE or t.low in FINITE:
            return None
    return None


def _participle_follows(toks: list[Token], nxt: Token) -> bool:
    """`..., he added, saying action was needed`: what follows the comma is a new report."""
    i = next((i for i, t in enumerate(toks) if t is nxt), -1)
    return nxt.text == "," and 0 <= i < len(toks) - 1 and toks[i + 1].low in ALL_CUES


_LEAD = re.compile(r"(?:And|But|So|Yet|Still|Also|However,?|Indeed,?)\s+")


def _after_earlier_report(toks: list[Token], comma: int, start: int) -> int:
    """`A, said Lee, who runs the poll, and B, she added`: B starts after the first report."""
    for i in range(comma - 1, 0, -1):
        if toks[i].low in SPEECH_CUES and not toks[i].cap and toks[i - 1].text == ",":
            for j in range(comma - 2, i, -1):
                if toks[j].text == ",":
                    nxt = j + 2 if toks[j + 1].low in COORD else j + 1
                    return toks[nxt].start if nxt < comma else start
            return start
        if toks[i].low in SPEECH_CUES and not toks[i].cap:  # "X said A, but B, they said"
            for j in range(i + 1, comma - 1):
                if toks[j].text == "," and toks[j + 1].low in COORD:
                    return toks[j + 2].start if j + 2 < comma else start
            return start
    return start


def _opening_participle(doc: ArticleDoc, toks: list[Token], sent: Sentence) -> Quote | None:
    """`Noting that only Kirk voted with Democrats, Tester added: ...`: the participle's
    content runs to the comma; its subject is the main clause's."""
    k = 1
    if k < len(toks) and toks[k].low in ATTITUDE_PARTICLES and not _infinitive(toks, k):
        k += 1
    if k < len(toks) and toks[k].low == "that":
        k += 1
    end = next((t for t in toks[k:] if t.text == ","), None)
    if end is None or k >= len(toks):
        return None
    s, e = _trim(doc.text, toks[k].start, end.start)
    after = [t for t in toks if t.start > end.start]
    subj = clause_subject(after, 0, min(len(after), 6)) if after else None
    return _make(doc, s, e, subj, toks[0].low) if e > s else None


def _headline(toks: list[Token]) -> bool:
    """A Title Case line: `Ted Cruz Refuses to Disavow Lindsey Graham Endorsement`."""
    words = [t for t in toks if t.text[0].isalpha()]
    return 3 <= len(words) <= 20 and sum(t.cap for t in words) * 10 >= len(words) * 6


def _headline_at(doc: ArticleDoc, toks: list[Token], ci: int, sent: Sentence) -> Quote | None:
    """`Bush Says We Should Pay Attention To History`: the capitalised cue of a headline."""
    j = ci - 1
    if toks[j].text == ":" or toks[j].low in AUX:
        j -= 1
    if j < 0:
        return None
    m = np_ending_at(toks, j) if toks[j].cap else None
    if m is None or m.kind not in ("person", "name", "org"):
        return None
    k = ci + 1
    if k < len(toks) and toks[k].low in ("that", "to", "of") and toks[ci].low in ATTITUDE_CUES:
        k += 1
    if k >= len(toks) or toks[k].text in PUNCT:
        return None
    s, e = _trim(doc.text, toks[k].start, _clause_end(toks, k, sent.end))
    if e <= s:
        return None
    return _make(doc, s, e, m, toks[ci].low)


def _parenthetical(
    doc: ArticleDoc, toks: list[Token], ci: int, cue: str, sent: Sentence
) -> Quote | None:
    """`And Trump, said Sunshine, who knows him, doesn't forgive`: the sentence is the content."""
    if ci > 6:
        return None  # a long stretch before the cue is the content itself: "..., said X."
    m = subject_after(toks, ci)
    if m is None or m.kind not in ("person", "name", "pronoun"):
        return None
    k = ci + 1
    while k < len(toks) and toks[k].start < m.end:
        k += 1
    if k >= len(toks) - 2 or toks[k].text != ",":
        return None
    s, e = _trim(doc.text, sent.start, sent.end)
    return _make(doc, s, e, m, cue)


def _np_start(toks: list[Token], ci: int) -> int | None:
    """`..., people familiar with the session said.`: where a short unpunctuated subject begins."""
    for i in range(ci - 1, max(-1, ci - 10), -1):
        if toks[i].text == ",":
            return i + 1 if i + 1 < ci else None
        if toks[i].text in PUNCT or toks[i].low in NOT_SUBJECT_END or toks[i].low in RELATIVE:
            return None
    return None


def _object_infinitive(toks: list[Token], k: int) -> bool:
    """`urged Obama not to close the prison`: a short object, then a to-infinitive."""
    for j in range(k + 1, min(len(toks), k + 7)):
        if toks[j].text in PUNCT or toks[j].low == "that":
            return False
        if _infinitive(toks, j):
            return True
    return False


def _quantifier(toks: list[Token], k: int) -> bool:
    """`reported at least six planes`: a preposition that opens a number phrase, not an object."""
    return (
        k + 1 < len(toks)
        and toks[k].low in ("at", "about", "over", "nearly", "around")
        and (toks[k + 1].low in AMOUNT_WORDS or toks[k + 1].text[0].isdigit())
    )


def _inverted(
    doc: ArticleDoc, toks: list[Token], ci: int, cue: str, sent: Sentence
) -> Quote | None:
    """`CONTENT, said X.`"""
    text = doc.text
    if cue in SPEECH_CUES and ci > 0 and toks[ci - 1].text == ",":
        m = subject_after(toks, ci)
        after = (
            next((i for i in range(ci + 1, len(toks)) if toks[i].start >= m.end), None)
            if m
            else None
        )
        if (
            m is not None
            and after is not None
            and m.kind == "pronoun"
            and toks[after].text not in PUNCT
        ):
            return _appositive_subject(doc, toks, ci, cue, sent)  # "X, a rabbi, said he and ..."
        if m is not None and after is not None and not _closes_report(toks, after):
            return _appositive_subject(doc, toks, ci, cue, sent)
        if m is not None:
            s, e = _trim(text, sent.start, toks[ci - 1].start)
            if e - s >= 12:
                return _make(doc, s, e, m, cue)
    return None


def _closes_report(toks: list[Token], i: int) -> bool:
    """After `said X` in `CONTENT, said X.` comes punctuation or a title, not a verb."""
    return toks[i].text in PUNCT or toks[i].cap or toks[i].low in ("of", "and", "who", "in")


def _appositive_subject(
    doc: ArticleDoc, toks: list[Token], ci: int, cue: str, sent: Sentence
) -> Quote | None:
    """`Sen. Ann Lee, R-Tex., a long-shot candidate, said Obama is wrong`: the name opens the
    sentence, the appositive ends at the cue's comma and the content follows the cue."""
    first = next((i for i, t in enumerate(toks) if t.text == ","), None)
    if first is None or first == 0 or not toks[0].cap:
        return None
    m = classify_run(toks[:first])
    if m is None or m.kind not in ("person", "name", "org"):
        return None
    k = ci + 1
    if k < len(toks) and toks[k].low == "that":
        k += 1
    if k >= len(toks) - 1:
        return None
    e = _clause_end(toks, k, sent.end)
    s, e = _trim(doc.text, toks[k].start, e)
    if len(doc.text[s:e].split()) < 3:
        return None
    return _make(doc, s, e, m, cue)


def _head_start(toks: list[Token], ci: int, subj: Mention) -> int | None:
    """Index of the first token of the source phrase (its appositive included)."""
    for i in range(ci - 1, -1, -1):
        if toks[i].start <= subj.start:
            return i
    return None


def _skip_object(toks: list[Token], k: int) -> int:
    for j in range(k, min(len(toks), k + 8)):
        if toks[j].low == "that":
            return j
        if toks[j].text in (",", "."):
            break
    if k < len(toks) and (
        toks[k].low
        in (
            "him",
            "her",
            "them",
            "me",
            "us",
            "reporters",
            "journalists",
            "lawmakers",
            "supporters",
            "voters",
        )
    ):
        return k + 1
    j = k
    n = len(toks)
    if (
        j + 1 < n
        and _plain_word(toks[j])
        and toks[j].low.endswith("s")
        and bare(toks[j + 1]) in SUBJECT_PRONOUNS
    ):
        return j + 1  # "told jurors he met Mr Ebbers": a bare plural addressee
    if j < n and toks[j].low in DETERMINERS:
        j += 1
        m = j  # "told the newspaper she ...": a common-noun addressee
        while m < n and m - j < 3 and _plain_word(toks[m]):
            m += 1
        if m > j and m < n and bare(toks[m]) in SUBJECT_PRONOUNS:
            return m
    while j < n and toks[j].cap:
        j += 1
    if j + 1 < n and j > k and toks[j].low == "of" and toks[j + 1].cap:
        j += 1  # "The Star-Ledger of Newark"
        while j < n and toks[j].cap:
            j += 1
    if j > k:
        return j
    return k


def _plain_word(t: Token) -> bool:
    return (
        not t.cap
        and t.text[:1].isalpha()
        and bare(t) not in CLAUSE_OPENERS
        and t.low not in AUX
        and t.low not in ALL_CUES
        and t.low != "that"
    )


def _skip_to_that(toks: list[Token], k: int, bare_object: bool = False) -> tuple[int, bool]:
    """Past "that" when it follows within a few words, else past a time phrase ("on Tuesday")."""
    far = that_after_adjunct(toks, k)
    if far is not None:
        return far, True
    for j in range(k, min(len(toks), k + 10)):
        if toks[j].low == "that":
            return j + 1, True
        if (toks[j].text in PUNCT and j > k) or toks[j].low in FINITE:
            break  # "said officials have concealed breaches that ...": a relative "that"
        if j > k and toks[j].start > toks[j - 1].end + 3:
            break  # a quotation in between: "vowed to “take our fight” to states that ..."
        if j == k and toks[j].low in DETERMINERS and not bare_object:
            break  # "emphasized the threat that ...": the noun's "that", not the verb's
    j = k
    while j < len(toks) and j - k < 4 and toks[j].low in TEMPORAL:
        if toks[j].low in ("on", "this", "last", "next") and not (
            j + 1 < len(toks) and toks[j + 1].low in TEMPORAL
        ):
            break  # "said on the show": a place, not a time
        j += 1
    if j > k and j < len(toks) and toks[j].text == ",":
        j += 1
    return j, False


def _comma_before_subject(toks: list[Token], ci: int) -> bool:
    """`..., he said` / `..., Smith said`: a comma right before a short subject of the cue."""
    for i in range(ci - 1, max(-1, ci - 6), -1):
        if toks[i].text == ",":
            return i < ci - 1
        if toks[i].text in PUNCT:
            return False
    return False
