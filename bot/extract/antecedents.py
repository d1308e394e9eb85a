"""The person a he/she, or a definite description ("the 28-year-old"), refers back to: the
last speaker it fits, a nearer sentence subject, the one holder of a role that opens a
sentence ("The Tory leader ... He replies"), else the nearest subject-like person; None
(abstain) when a rival subject could be the one meant (rival_subjects.py).
"""

from __future__ import annotations

import bisect
import re

from bot.extract.attribution import CUES, NOMINAL_HEADS, TITLES
from bot.extract.gender import PRONOUN_GENDER, given_names
from bot.extract.name_checks import (
    Doc,
    expand,
    in_list,
    last_speaker,
    person_speaker,
    sentence_index,
)
from bot.extract.rival_subjects import (
    BODY_HEADS,
    NOMINAL_OPENER,
    opens_sentence,
    rival_subject,
    titled,
)

PRONOUN_WINDOW = 400  # characters back to look for the speaker a he/she refers to


def refer_back(doc: Doc, pos: int, pronoun: str) -> str | None:
    """The person a he/she (or a definite description: pronoun "") at pos refers to: the
    last named speaker within PRONOUN_WINDOW it fits, unless a nearer subject or a rival
    intervenes, else the subject of a recent sentence (gender.py decides who fits)."""
    last = last_speaker(doc, pos - CHAIN_WINDOW, pos)
    asked = _addressee(doc, last[0] if last else max(0, pos - CHAIN_WINDOW), pos, pronoun)
    if asked is not None:  # "Those allegations were put to Wenger ... he said": Wenger
        doc.route = "asked"
        return asked or None
    k = bisect.bisect_left(doc.speaker_starts, pos) - 1
    while (  # "Sanders said ... “...,” she said": not a speaker the pronoun cannot be
        k >= 0
        and pos - doc.speakers[k][0] <= PRONOUN_WINDOW
        and not (
            doc.fits(doc.speakers[k][1], pronoun)
            and person_speaker(doc, doc.speakers[k][1])
            and _report_sayer(doc, doc.speakers[k][0]) is None
        )
    ):
        k -= 1
    if k >= 0 and pos - doc.speakers[k][0] <= PRONOUN_WINDOW:
        closer = _sentence_subject_after(doc, doc.speakers[k][0], pos, pronoun)
        if closer is None and rival_subject(doc, doc.speakers[k][0], pos, doc.speakers[k][1]):
            # two could be "he": the one holder of a role opening a recent sentence ("The Tory
            # leader countered ... He declared": Tory leader Michael Howard), else abstain
            doc.route = "role"
            return _role_subject(doc, sentence_index(doc, pos), pos, pronoun) or None
        doc.route = "subject" if closer else "speaker"
        return closer or doc.speakers[k][1]
    chained = _chain_back(doc, pos, pronoun)
    if chained is not None:
        doc.route = "chain"
        return chained
    doc.route = "antecedent"
    name = _antecedent(doc, pos, pronoun)
    if not pronoun and name is not None and not named_person(doc, expand(doc, name)):
        return None  # a description with no speaker near: only someone named as a person
    return name


# a question or claim put to someone: "Those allegations were put to Wenger", "the question
# was posed to Mr Blair" (the person it was put to answers it)
_PUT_TO = re.compile(
    r"\b(?:was|were|is|are|been)\s+(?:\w+ly\s+)?(?:put|posed|addressed|directed|read)\s+to\s+"
)


# a question put to someone actively: "Hannity asked Trump how high the wall would be",
# "Conroy asked Sanders whether ...": the person asked answers it
_ASKED = re.compile(r"\basked\s+")
_QUESTION_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:whether|if|how|what|why|who|when|where|about)\b"
)
# the he/she's own cue asks: '“...?” he asked' is the asker's
_ASKING_CUE = re.compile(r"\s*(?:\w+ly\s+)?(?:asked|asks|questioned|wondered|inquired|pressed)\b")


def _addressee(doc: Doc, lo: int, pos: int, pronoun: str) -> str | None:
    """The person something was put to in a sentence after lo (the last speaker) and before
    the he/she at pos, passively ("put to Wenger") or as a named person's reported question
    ("Hannity asked Trump how ..."): they answer it. "" (nobody) when they do not fit the
    pronoun; None when nothing was put to anyone."""
    sent_lo = doc.sentences[sentence_index(doc, lo)].end if doc.sentences else lo
    found, at = None, -1
    for m in _PUT_TO.finditer(doc.text, sent_lo, pos):
        if not doc.masked(m.start()):
            found, at = m, m.end() + _skip_title(doc, m)
    if not _ASKING_CUE.match(doc.text, pos + len(pronoun)):
        # the asker may be the last speaker: their own sentence counts
        ask_lo = doc.sentences[sentence_index(doc, lo)].start if doc.sentences else lo
        for m in _ASKED.finditer(doc.text, max(ask_lo, at), pos):
            k = _person_at(doc, m.end() + _skip_title(doc, m))
            if (
                k is not None
                and not doc.masked(m.start())
                and _named_asker(doc, m.start())
                and _QUESTION_AFTER.match(doc.text, doc.persons[k].end)
            ):
                found, at = m, doc.persons[k].start
    if found is None:
        return None
    k = _person_at(doc, at)
    if k is None:
        return None
    name = doc.persons[k].name
    if not name:
        return None
    name = expand(doc, name)
    return name if doc.fits(name, pronoun) and person_speaker(doc, name) else ""


def _named_asker(doc: Doc, at: int) -> bool:
    """A named person is the subject right before "asked" at at ("Hannity asked", "Scott
    Conroy then asked"), not "a young man asked Clinton why ..." told as a story."""
    k = bisect.bisect_left(doc.person_starts, at) - 1
    gap = doc.text[doc.persons[k].end : at] if k >= 0 else ""
    return k >= 0 and _ASKER_GAP.fullmatch(gap) is not None


_ASKER_GAP = re.compile(r"\s+(?:\w+ly\s+|then\s+|also\s+)?")


def _person_at(doc: Doc, at: int) -> int | None:
    """The index of the person mention starting at at, if one does."""
    k = bisect.bisect_left(doc.person_starts, at)
    return k if k < len(doc.persons) and doc.persons[k].start == at else None


def _skip_title(doc: Doc, m: re.Match[str]) -> int:
    """Characters of an honorific right after m ("put to Mr Blair": the name starts later)."""
    t = re.match(r"(?:[A-Z][a-z]{0,3}\.?\s+)?", doc.text[m.end() : m.end() + 6])
    word = t.group(0).strip().rstrip(".").lower() if t else ""
    return len(t.group(0)) if t and word in ("mr", "mrs", "ms", "dr", "sir", "lord") else 0


CHAIN_WINDOW = 3 * PRONOUN_WINDOW


def _chain_back(doc: Doc, pos: int, pronoun: str) -> str | None:
    """The last speaker further back than PRONOUN_WINDOW when nobody else is named since
    ("'...,' she said. ... she was forced off ... she still won ... '...,' said the
    22-year-old"): the only person the article is about there."""
    last = last_speaker(doc, pos - CHAIN_WINDOW, pos)
    if last is None:
        return None
    at, name = last
    if not (doc.fits(name, pronoun) and person_speaker(doc, name)):
        return None
    j = bisect.bisect_right(doc.person_starts, at)
    while j < len(doc.persons) and doc.persons[j].start < pos:
        other = doc.persons[j].name
        if (
            other
            and expand(doc, other) != name
            and doc.fits(other, pronoun)
            and person_speaker(doc, expand(doc, other))
        ):
            return None
        j += 1
    return None if rival_subject(doc, at, pos, name) else name


def named_person(doc: Doc, name: str) -> bool:
    """A given name from the table opens name, or the article names them in full with the
    surname standing alone elsewhere ("Andre Agassi" ... "Agassi, who has won")."""
    words = name.split()
    if words[0] in given_names():
        return True
    return len(words) >= 2 and _lone_surname(doc.text, words[-1])


def _lone_surname(text: str, word: str) -> bool:
    """word alone opens a sentence or paragraph, a lowercase word or a comma after it."""
    return re.search(rf"(?:^|[.!?]\s+|\n){re.escape(word)}(?:,|\s+[a-z])", text) is not None


_WORD = re.compile(r"[A-Za-z]+")
_ACCORDING = re.compile(r"(?:(?:But|And|Yet|So|However),?\s+)?According\s+to\b[^,]{1,60},")
_DETERMINERS = frozenset("the a an his her their its this that these those".split())


def _clause_between(words: str) -> bool:
    """A word of a reported clause stands between a speech verb and a name ("suggested they
    should get Trevor Beattie"), not only titles ("argued Mr Howard": the sayer himself)."""
    return any(w[:1].islower() and w.lower() not in TITLES for w in _WORD.findall(words))


def _report_sayer(doc: Doc, start: int) -> int | None:
    """When the person at start is named inside words someone else is reported to say, the
    index in doc.persons of that sayer (-1 when not named as a person), else None: a sentence
    opened by "According to X," ("According to Mandaric, Redknapp vowed ..."), or a clause
    after a speech verb whose sayer is named earlier in the sentence ("Mr Balls ... had
    suggested that Mr Brown would meet his golden rule"). A later he/she is then the sayer or
    nobody, not the name inside. (The clause before an inverted ", she said" is left alone:
    there the speaker is often its own subject, "..., Ms. Olivieri found skating ..., she
    said".)"""
    if not doc.sentences:
        return None
    sent = doc.sentences[sentence_index(doc, start)]
    text = doc.text
    k = bisect.bisect_left(doc.person_starts, sent.start)
    named = k < len(doc.persons) and doc.persons[k].start < start
    opener = _ACCORDING.match(text, sent.start, start)
    if opener is not None and opener.end() <= start:
        return k if named and doc.persons[k].start < opener.end() else -1
    if not named:
        return None  # nobody named before it in the sentence: no sayer of a report
    prev = ""
    for w in _WORD.finditer(text, doc.persons[k].end, start):
        word = w.group(0)
        if (
            word in CUES
            and prev not in _DETERMINERS
            and not doc.masked(w.start())
            and "," not in text[w.end() : start]  # ", Lord Holme said": the sayer, after it
            and _clause_between(text[w.end() : start])
        ):
            return k
        prev = word.lower()
    return None


def _sentence_subject_after(doc: Doc, lo: int, pos: int, pronoun: str) -> str | None:
    """A person opening a later sentence than the last speaker ("Trump mentioned ...") is
    nearer, when the pronoun fits them."""
    k = bisect.bisect_left(doc.person_starts, pos) - 1
    while k >= 0 and doc.persons[k].start > lo:
        p = doc.persons[k]
        sent = doc.sentences[sentence_index(doc, p.start)] if doc.sentences else None
        if (
            sent is not None
            and sent.start > lo
            and (
                (doc.person_subject[k] and opens_sentence(doc.text, sent.start, p.start))
                or _opens_last_clause(doc, sent.end, p.start, p.end, pos)
            )
            and p.name
            and doc.fits(p.name, pronoun)
            and _report_sayer(doc, p.start) is None
            and not _inverted_report(doc, sent.start, pos)
        ):
            return expand(doc, p.name)
        k -= 1
    return None


_AND_BEFORE = re.compile(r"(?:,\s*|\s)(?:and|but)\s+\Z")
_VERB_AFTER = re.compile(r"\s+(?:is|was|has|had|have|will|would|says|said)\b")


def _opens_last_clause(doc: Doc, sent_end: int, start: int, end: int, pos: int) -> bool:
    """The name opens the clause after "and"/"but" that ends the sentence right before pos,
    with its verb ("... leaders Barcelona and Owen is confident Real can close the gap. He
    added"): the nearest subject, as if it opened the sentence."""
    if doc.sentences[sentence_index(doc, pos)].start < sent_end - 1:
        return False  # not the sentence right before the he/she
    if doc.text[sent_end:pos].strip(" \n\"“”'’").count(".") > 0:
        return False
    text = doc.text
    if _AND_BEFORE.search(text, max(0, start - 6), start) is None:
        return False
    if _VERB_AFTER.match(text, end) is None:
        return False
    return "," not in text[end:sent_end] and ";" not in text[end:sent_end]


_INVERTED_CUE = re.compile(r",\s*(?:he|she)\s+\w+\s*[,.]")


def _inverted_report(doc: Doc, sent_start: int, pos: int) -> bool:
    """The he/she at pos closes, after a comma, the unquoted clause its sentence opened with
    ("Mr Blair has failed to tackle these problems, he claimed, ..."): the clause is what
    he said, so the person it is about is someone else, not the he."""
    if pos <= sent_start or doc.masks_within(sent_start, pos):
        return False
    if doc.sentences[sentence_index(doc, pos)].start != sent_start:
        return False  # the name opens an earlier sentence: not the clause this he closes
    m = _INVERTED_CUE.match(doc.text, pos - 2) or _INVERTED_CUE.match(doc.text, pos - 1)
    return m is not None and m.start() < pos


# "He ...", "But he ...", "Now she ...": he/she opens the sentence, maybe after one word
_PRONOUN_OPENER = re.compile(r"(?:(?:But|And|Yet|So|However),?\s+|[A-Z][a-z]+\s+)?([Hh]e|[Ss]he)\b")


def _opened_by_pronoun(doc: Doc, i: int, pronoun: str) -> bool:
    """Sentence i opens with he/she of the pronoun's gender."""
    if pronoun not in PRONOUN_GENDER:
        return False
    m = _PRONOUN_OPENER.match(doc.text, doc.sentences[i].start)
    return m is not None and PRONOUN_GENDER[m.group(1).lower()] == PRONOUN_GENDER[pronoun]


def _role_subject(doc: Doc, si: int, pos: int, pronoun: str) -> str | None:
    """The nearest sentence before pos (of the last three) opening with a subject: when that
    is a role ("The Tory leader was asked ... He replies: '...'"), the one person the article
    gives the role ("Tory leader Michael Howard"), or "" (abstain) when several hold it or
    the one does not fit the pronoun; None when a name opens it or nobody is given the role
    ("the front-runner said"): the caller's rules decide."""
    for i in range(si, max(-1, si - 4), -1):
        sent = doc.sentences[i]
        if sent.start >= pos:
            continue
        k = bisect.bisect_left(doc.person_starts, sent.start)
        if (
            k < len(doc.persons)
            and doc.persons[k].start < min(pos, sent.end)
            and doc.person_subject[k]
            and opens_sentence(doc.text, sent.start, doc.persons[k].start)
        ):
            return None  # a name opens it
        m = NOMINAL_OPENER.match(doc.text, sent.start, min(pos, sent.end))
        if m is None or not (m.group(1) in NOMINAL_HEADS or m.group(1) in TITLES):
            continue
        if m.group(1) in BODY_HEADS:
            return None
        titled_ones = [p for p in doc.persons if p.name and titled(doc, p, m.group(1))]
        holders = {expand(doc, p.name or "") for p in titled_ones}
        if len(holders) > 1:  # "The Tory leader": Tory leader Michael Howard, not Lib Dem
            # leader Charles Kennedy (the role as the opener words it, right before the name)
            role = m.group(0)[m.group(0).rfind("The") + 3 :].strip().lower()
            worded = {
                expand(doc, p.name or "")
                for p in titled_ones
                if doc.text[max(0, p.start - len(role) - 1) : p.start].strip().lower() == role
            }
            holders = worded or holders
        if len(holders) == 1:
            name = holders.pop()
            return name if doc.fits(name, pronoun) and person_speaker(doc, name) else ""
        return "" if holders else None  # "the front-runner": nobody titled so, rules decide
    return None


def _antecedent(doc: Doc, pos: int, pronoun: str) -> str | None:
    """he/she with no recent speaker: the subject-like person the pronoun fits in the
    nearest earlier sentence."""
    k = bisect.bisect_left(doc.person_starts, pos) - 1
    if k < 0:
        return None
    si = sentence_index(doc, pos)
    limit = doc.sentences[max(0, si - 3)].start if doc.sentences else 0
    held = _role_subject(doc, si, pos, pronoun)
    if held is not None:
        return held or None
    best: int | None = None
    j = k
    while j >= 0 and doc.persons[j].start >= limit:
        cur_sent = sentence_index(doc, doc.persons[j].start)
        # first subject-like mention of that sentence
        first = None
        last_clause = None  # "... and Owen is confident ...": the subject nearest the he/she
        while j >= 0 and sentence_index(doc, doc.persons[j].start) == cur_sent:
            p = doc.persons[j]
            if doc.fits(p.name, pronoun) and (
                not pronoun or person_speaker(doc, expand(doc, p.name or ""))
            ):  # he/she is never a body or a place ("China may outnumber ... he says")
                if doc.person_subject[j]:
                    first = j
                if last_clause is None and _opens_last_clause(
                    doc, doc.sentences[cur_sent].end, p.start, p.end, pos
                ):
                    last_clause = j
            j -= 1
        first = last_clause if last_clause is not None else first
        if first is not None and _opened_by_pronoun(doc, cur_sent, pronoun):
            # "He pointed out that Franz Ferdinand ...": the sentence is about the same "he"
            # as the pronoun, so a name inside it is not who "he" is: look further back
            first = None
            limit = doc.sentences[max(0, cur_sent - 3)].start
        if first is not None:
            best = first
            break
    if best is None:  # "taken for granted by Tony Blair": a subject-like person before an object
        # never a name inside a sentence the same he/she opens ("Now he fears ... players,
        # including fly-half Charlie Hodgson, were away. '...,' he added")
        about_him = {
            i
            for i in {sentence_index(doc, doc.persons[j].start) for j in range(k, -1, -1)}
            if _opened_by_pronoun(doc, i, pronoun)
        }
        fit = (
            j
            for j in range(k, -1, -1)
            if doc.fits(doc.persons[j].name, pronoun)
            and not in_list(doc.text, doc.persons[j].start)
            and sentence_index(doc, doc.persons[j].start) not in about_him
            and (not pronoun or person_speaker(doc, expand(doc, doc.persons[j].name or "")))
        )
        subj = [
            j
            for j in range(k, -1, -1)
            if doc.person_subject[j]
            and sentence_index(doc, doc.persons[j].start) not in about_him
            and (not pronoun or person_speaker(doc, expand(doc, doc.persons[j].name or "")))
        ]
        best = next((j for j in subj if doc.fits(doc.persons[j].name, pronoun)), None)
        if best is None:
            best = next(fit, None)
        if best is None:
            return None
    if rival_subject(doc, doc.persons[best].start, pos, expand(doc, doc.persons[best].name or "")):
        return None  # two could be "he": abstain
    sayer = _report_sayer(doc, doc.persons[best].start)
    if sayer is not None:  # named in someone's reported words: the he/she is the sayer or nobody
        if sayer < 0 or sayer == best or not doc.fits(doc.persons[sayer].name, pronoun):
            return None
        best = sayer
    name = doc.persons[best].name
    if not name or not person_speaker(doc, expand(doc, name)):
        return None  # the nearest subject is a body ("The Lib Dems say"): abstain
    return expand(doc, name)
