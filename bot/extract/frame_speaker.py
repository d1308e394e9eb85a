"""The speaker a quote's own sentence names: the cue and its subject in the unquoted words
around one quoted segment (after it first, then before it), a closing "agrees Michelle
Stevens", an appositive far after the quote, an attitude verb ("called it a ..."), a
reporting noun's owner. quotes.py decides what to do when this finds nobody (run-ons,
continued paragraphs, colon intros)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from bot.extract.attribution import (
    ATTITUDE_CUES,
    AUX,
    BELIEF_CUES,
    CUES,
    NOUN_CUES,
    OBJECT_CUES,
    PUNCT,
    SPEECH_CUES,
    clause_subject,
    cue_index,
    is_participle,
    noun_use,
    np_ending_at,
    passive_agent,
    run_end,
    run_start,
    subject_after,
    subject_before,
    thing_opens,
)
from bot.extract.clause_words import FINITE
from bot.extract.cue_subjects import (
    cue_subject_after,
    cue_subject_before,
    described_subject,
    lead_in_subject,
    surname_word,
    with_modal,
    with_subject,
)
from bot.extract.doc import ArticleDoc, Segment
from bot.extract.lexicon import PHRASAL_FORMS, RELAYING_CUES, role_noun, role_nouns
from bot.extract.mentions import Mention, Token, classify_run, possessive, surname, tokens
from bot.extract.name_checks import sentence_index
from bot.extract.unnamed_sources import anonymous_source


@dataclass(slots=True)
class Frame:
    """The unquoted words around one segment inside its sentence(s)."""

    before: list[Token]
    after: list[Token]
    full_before: list[Token]


def frame(doc: ArticleDoc, seg: Segment) -> Frame:
    """The unquoted words before and after seg in its sentence(s), cut at the nearest other
    quoted span on either side."""
    text = doc.text
    si = sentence_index(doc, seg.open)
    se = sentence_index(doc, max(seg.open, seg.close))
    s_start = doc.sentences[si].start if doc.sentences else 0
    s_end = doc.sentences[se].end if doc.sentences else len(text)
    if s_end <= seg.close:
        nl = text.find("\n", seg.close)
        s_end = len(text) if nl < 0 else nl
    full_before = doc.sentence_slice(si, s_start, seg.open) if doc.sentences else []
    before = full_before
    k = bisect.bisect_right(doc.masks, (seg.open, -1)) - 1
    if k >= 0 and doc.masks[k][1] > s_start:
        cut = doc.masks[k][1]
        before = [t for t in full_before if t.start >= cut]
    k = bisect.bisect_right(doc.masks, (seg.close + 1, 1 << 60))
    if k < len(doc.masks):
        s_end = min(s_end, doc.masks[k][0])
    a = min(seg.close + 1, len(text))
    if doc.sentences and s_end <= doc.sentences[se].end:
        after = doc.sentence_slice(se, a, s_end)
    else:
        after = tokens(text, a, s_end) if a < s_end else []
    return Frame(before, after, full_before)


_COORD = frozenset("and but while whereas".split())


# a capitalised pronoun after a quote that ends its sentence opens the next sentence
_NEW_SUBJECT = frozenset("He She They".split())


def speaker_from_frame(
    doc: ArticleDoc, fr: Frame, ended: bool = False, open_end: bool = False
) -> tuple[Mention | None, str | None, bool]:
    """(mention, cue, found_cue) from the words right after the quote, else before it; when
    a new clause follows the quote ("Cruz accuses Obama of “...” and Trump says ...", or
    "... telling her, “...!” She replied ..." after a quote that ended its sentence), the
    words before it first. open_end: the quote ends on a word, no punctuation, so a cue
    after it that a colon closes introduces the next quote ('he declared: "..." before
    quickly adding: "..."'), not this one."""
    if (
        fr.before
        and fr.after
        and (
            fr.after[0].low in _COORD
            or (ended and (fr.after[0].text in _NEW_SUBJECT or fr.before[-1].text == ":"))
            or (open_end and fr.after[0].text != "," and _colon_cue(fr.after))
        )
    ):
        found = _frame_speaker(doc, fr, after_first=False)
        if found[2]:
            return found
    return _frame_speaker(doc, fr, after_first=True)


_PASSIVE_AUX = frozenset("is are was were be been being get gets got".split())


def _passive_frames(before: list[Token], agent: Mention) -> bool:
    """A passive whose agent a speech cue before it is outranked by frames the quote itself:
    "it was described by Putin as a “red line”". A reduced relative inside the cue's clause
    does not ("he said the arrangement described by Avenatti “certainly doesn't look good”":
    the quote is the predicate of the arrangement, and "he" says it)."""
    at = next((k for k, t in enumerate(before) if t.start == agent.start), None)
    if at is None or at < 2:
        return True
    if any(t.low == "as" for t in before[at:]):
        return True
    return at >= 3 and before[at - 3].low in _PASSIVE_AUX


def _colon_cue(after: list[Token]) -> bool:
    """A speech cue in the words after a quote is closed by a colon: it opens the next quote."""
    ci = cue_index(after[:12])
    return ci is not None and ci + 1 < len(after) and after[ci + 1].text == ":"


def _frame_speaker(
    doc: ArticleDoc, fr: Frame, after_first: bool
) -> tuple[Mention | None, str | None, bool]:
    after = fr.after
    ci = cue_index(after[:12]) if after_first else None
    if ci is not None and not any(t.text in ".!?" for t in after[:ci]):
        cue = with_modal(after, ci)
        if cue == "according":
            own = cue_index(fr.before, reverse=True)
            if own is not None and fr.before[own].low != "according":
                m = subject_before(fr.before, own)
                if m is not None and m.kind in ("person", "name", "pronoun"):
                    return m, fr.before[own].low, True
                if m is None:  # "Snyder, CMS's chief operating officer, told colleagues,":
                    # the cue before the quote read as if nothing followed it
                    m, cue, found = _frame_speaker(doc, fr, after_first=False)
                    if found and m is not None and m.kind in ("person", "name", "pronoun"):
                        return m, cue, True
            return subject_after(after, ci + 1), "according to", True
        if ci > 0 and (anon := anonymous_source(after, ci)) is not None:
            return anon, cue, True  # '"...," a source familiar with the talks said'
        m = cue_subject_before(doc, after, ci) if ci > 0 else None
        if m is not None and m.kind == "org" and cue in RELAYING_CUES:
            # 'X stressed ..., adding that rain was forecast "...", the Bangkok Post
            # reported': the paper relays; the person its sentence has speak said it
            own, own_cue, found = _frame_speaker(doc, fr, after_first=False)
            if found and own is not None and own.kind in ("person", "name"):
                return own, own_cue, True
        if m is None and ci == 1:
            m = surname_word(doc, after, 0)  # '"...," May wrote': Brian May, not the month
        if m is None:
            m = cue_subject_after(after, ci) or surname_word(doc, after, ci + 1)
            if m is not None and m.kind == "pronoun" and _clause_goes_on(after, m):
                m = None  # "and said she should ...": the reported clause's subject
        if m is None:
            far = _appositive_speaker(after)
            m = far[0] if far is not None else None
        if m is None and ci > 0:
            m = described_subject(after, ci)  # '"...," a witness wrote': not the name before
        if m is None:
            m = clause_subject(fr.full_before, 0, len(fr.full_before), accept=doc.speaker_ok)
        return m, cue, True
    if after_first:
        far = _appositive_speaker(after)
        if far is not None:
            return far[0], far[1], True
    before = fr.before
    if 0 < len(before) <= 8 and before[0].cap and before[0].low in SPEECH_CUES:
        m = subject_after(before, 0)  # "Said Comey, “...”": the inverted cue opens the sentence
        if m is not None:
            return m, before[0].low, True
    ci = _best_cue_before(before)
    if before and before[-1].text == ":" and ci is not None:
        # "When Trump suggested ..., Rubio fired back: “...”": the clause at the colon has its
        # own subject, so the earlier cue belongs to another speaker
        c = max((i for i, t in enumerate(before[:-1]) if t.text == ","), default=-1)
        if c > ci + 1:
            m = clause_subject(before, c + 1, len(before) - 1, accept=doc.speaker_ok)
            if m is not None and m.start == before[c + 1].start and m.kind != "pronoun":
                return m, None, True
    agent = passive_agent(before, ci + 1 if ci is not None else 0)
    if agent is not None and (ci is None or _passive_frames(before, agent)):
        return agent, None, True
    if ci is not None:
        cue = with_modal(before, ci)
        if cue == "according":
            return subject_after(before, ci + 1), "according to", True
        if (anon := anonymous_source(before, ci)) is not None:
            return anon, cue, True  # "..., and a source familiar with his thinking said he's"
        m = (
            cue_subject_before(doc, before, ci)
            or _relative_head(before, ci)
            or surname_word(doc, before, ci - 1)
        )
        if m is None and ci + 1 < len(before) and before[ci].low not in OBJECT_CUES:
            m = subject_after(before, ci)  # not "X told Fox News that": that is who heard it
            if m is not None and m.kind != "pronoun" and _finite_verb_after(before, m):
                m = None  # "The lawsuit said Willis has endured '...'": the clause's subject
                # ("who says he is ...": that he is the one who says, so it stays)
        if m is None:
            m = described_subject(before, ci)
            if m is not None:  # "her birth mother told ...": not the clause's named subject
                return m, cue, True
        chained = (  # "Nefzi said, adding, ...": the subject of the first cue
            ci >= 2
            and before[ci - 1].text == ","
            and cue_index(before[max(0, ci - 4) : ci - 1], reverse=True) is not None
        )
        with_named = m is not None and any(  # "with Gorka noting ...": the participle's own
            before[k + 1].start == m.start and before[k].low == "with" for k in range(ci)
        )
        if m is None or (
            is_participle(before[ci].low) and m.kind != "pronoun" and not chained and not with_named
        ):
            lead = _after_closed_quote(doc, fr.full_before, before[ci].start)
            if not (m is None and is_participle(before[ci].low) and thing_opens(lead, len(lead))):
                m = clause_subject(lead, 0, len(lead), accept=doc.speaker_ok) or m
        return m, cue, True
    agent = passive_agent(after)
    if agent is None and len(after) > 1 and after[0].low == "by" and before:
        last = before[-1].low  # 'has been called "strategic ambiguity" by Joshua Hendrick'
        if last.endswith(("ed", "en")) and (last in CUES or last in ATTITUDE_CUES):
            m = subject_after(after, 0)
            agent = m if m is not None and m.kind in ("person", "name") else None
    if agent is not None:
        return agent, None, True
    lead = lead_in_subject(doc, before)
    if lead is None and before and before[0].low == "as":
        # "As The Post's Ruth Marcus puts it, Obama is trying to make Republicans “...”"
        c = next((k for k, t in enumerate(before[:10]) if t.text == ","), None)
        if c is not None and c >= 3 and before[c - 1].low == "it":
            lead = lead_in_subject(doc, before[: c + 1])
    if lead is None and before and before[-1].text == ",":
        # "On Monday, Sanders shot back, “...”": an intro phrase before the lead-in
        c = next((k for k, t in enumerate(before[:-1]) if t.text == ","), None)
        if c is not None and 0 < c <= 8 and c + 1 < len(before) and before[c + 1].cap:
            lead = lead_in_subject(doc, before[c + 1 :])
    if lead is not None:
        return lead, None, True
    if before and before[-1].text == ":":  # "Kasich resisted: ..."
        # the clause nearest the colon: "When Trump suggested ..., Rubio fired back: ..."
        commas = [i for i, t in enumerate(before[:-1]) if t.text == ","]
        m = None
        if commas:
            m = clause_subject(before, commas[-1] + 1, len(before) - 1, accept=doc.speaker_ok)
        m = m or clause_subject(before, 0, len(before) - 1, accept=doc.speaker_ok)
        if m is not None:
            return m, None, True
    for i in range(len(before) - 1, -1, -1):  # "Christie called Obama a “petulant child”"
        t = before[i]
        belief = t.low in BELIEF_CUES and len(before) - i <= _BELIEF_REACH
        if (t.low in ATTITUDE_CUES or belief) and not t.cap and not noun_use(before, i):
            m = subject_before(before, i)
            if m is None and is_participle(t.low):
                m = with_subject(before, i)  # "with Sen. John McCain calling it a “...”"
                if m is None and i > 0 and before[i - 1].low not in ("of", "by", "for"):
                    # "President Obama released a statement condemning “...”": the clause's
                    # subject
                    m = clause_subject(before, 0, i, accept=doc.speaker_ok)
            if m is not None and known_person(doc, m):
                return m, t.low, True
            break
    owner = _noun_cue_owner(before)
    if owner is not None and known_person(doc, owner[0]):
        return owner[0], owner[1], True
    return None, None, False


def _after_closed_quote(doc: ArticleDoc, toks: list[Token], cue: int) -> list[Token]:
    """The tokens before the cue at offset cue, from the end of the last quote that closes a
    sentence (".", "?", "!") before it: 'He continued: "... their act?" Mr Blair said he would
    not ... and promised ...' is Mr Blair's clause, though the splitter ran the two together."""
    lo = toks[0].start if toks else cue
    cut = lo
    for a, b in doc.masks_within(lo, cue):
        if b <= cue and doc.text[a:b].rstrip("\"”’' ")[-1:] in (".", "?", "!"):
            cut = b
    return [t for t in toks if cut <= t.start < cue]


def _relative_head(before: list[Token], ci: int) -> Mention | None:
    """'... visited Pullman, who had told him that the Authority could "..."': the person a
    ", who" before the cue stands for (only before the quote: after it, ", who says ..." is
    about the next person listed)."""
    j = ci - 1
    while j >= 0 and not before[j].cap and (before[j].low in AUX or before[j].low.endswith("ly")):
        j -= 1
    if j < 2 or before[j].low != "who" or before[j - 1].text != ",":
        return None
    head = np_ending_at(before, j - 2)
    return head if head is not None and head.kind in ("person", "name") else None


def _noun_cue_owner(before: list[Token]) -> tuple[Mention, str] | None:
    """`Trump's recent evidence-free assertion that “thousands” ...`: a reporting noun with
    its complement word, owned by a possessive name a few words before it."""
    for i in range(len(before) - 2, 0, -1):
        t = before[i]
        comps = NOUN_CUES.get(t.low)
        if comps is None or before[i + 1].low not in comps:
            continue
        for k in range(i - 1, max(-1, i - 4), -1):
            if possessive(before[k].text) and before[k].cap:
                a = run_start(before, k)
                words = " ".join(x.text for x in before[a : k + 1])
                m = classify_run(tokens(re.sub(r"['’]s?$", "", words)))
                if m is None or m.kind not in ("person", "name"):
                    return None
                return m._replace(start=before[a].start, end=before[k].end), t.low
        return None
    return None


_APPOSITIVE_WORDS = 24
# "Bolton thought some of the buzz was ..., a tribute to “...”": a belief verb reports the
# quote only this close to it (a nickname far into the clause is nobody's quote)
_BELIEF_REACH = 16


def _appositive_speaker(after: list[Token]) -> tuple[Mention, str] | None:
    """`"...," Nate Silver, the polling guru who founded fivethirtyeight.com tweeted`: a
    person named in full right after the quote, a comma, a description too long for the
    usual window, then the cue, all in one sentence."""
    e = run_end(after, 0) if after and after[0].cap else -1
    if e < 1 or e + 1 >= len(after) or after[e + 1].text != ",":
        return None
    m = classify_run(after[: e + 1])
    if m is None or m.kind != "person":
        return None
    for i in range(e + 2, min(len(after), _APPOSITIVE_WORDS)):
        t = after[i]
        if t.text in ".!?;:":
            return None
        if t.low in SPEECH_CUES and not t.cap and not noun_use(after, i):
            return m, with_modal(after, i)
    return None


_LOOSE_CUES = ATTITUDE_CUES | CUES


def closing_verb(fr: Frame, body: str) -> tuple[Mention, str] | None:
    """`"...," agrees Michelle Stevens` / `"...?" Beck questioned`: a quote closed by a comma,
    question or exclamation mark, then a name and a verb (either order) ending the sentence
    part: any verb there reports the quote, not only the speech verbs of the lexicon."""
    if not body.rstrip().endswith((",", "?", "!")) or len(fr.after) < 2:
        return None
    after = fr.after
    first = after[0]
    if not first.cap and first.low in _LOOSE_CUES and after[1].cap:
        m = subject_after(after, 0)
        if m is not None and m.kind in ("person", "name"):
            return m, first.low
    inverted = _inverted_role_name(after)
    if inverted is not None:
        return inverted
    lead = 0  # "an angry Hollande retaliated": an article and a word or two describing them
    if after[0].low in ("a", "an", "the"):
        lead = 1
        while lead < 3 and lead < len(after) and not after[lead].cap and after[lead].text.isalpha():
            lead += 1
    i = lead
    while i < len(after) and i - lead < 4 and after[i].cap:
        i += 1
    if lead < i < len(after) and not after[i].cap and _closing_cue(after, i, described=lead > 0):
        m = subject_before(after, i)
        if m is not None and m.kind in ("person", "name"):
            return m, after[i].low
    return None


_ROLE_LINKS = frozenset("and former ex".split())


def _inverted_role_name(after: list[Token]) -> tuple[Mention, str] | None:
    """`"...," points out former Olympian and BBC pundit Steve Cram.`: a cue (a phrasal one
    with its particle too), then a long role of role words and capitalised words, then a full
    name that ends the sentence: the name."""
    first = after[0]
    if first.cap or not (first.low in _LOOSE_CUES or first.low in PHRASAL_FORMS):
        return None
    k = 1
    if first.low in PHRASAL_FORMS:
        if len(after) < 2 or after[1].low not in PHRASAL_FORMS[first.low]:
            return None
        k = 2
    start = k
    while k < len(after) and k - start < 12:
        t = after[k]
        if t.cap and t.text[0].isalpha():
            e = run_end(after, k)
            if e + 1 >= len(after) or after[e + 1].text in ".!?":
                m = classify_run(after[k : e + 1])
                if m is not None and m.kind == "person" and m.name and " " in m.name:
                    return m, " ".join(t.low for t in after[:start])
                return None
            k = e + 1
            continue
        if not (t.low in _ROLE_LINKS or role_noun(t.low) or t.low in role_nouns()):
            return None
        k += 1
    return None


def _closing_cue(after: list[Token], i: int, described: bool) -> bool:
    """after[i] reports the quote before it: a cue of the lexicon, or, after a described name
    ("an angry Hollande retaliated."), any past-tense verb that ends the sentence part."""
    if after[i].low in _LOOSE_CUES:
        return True
    nxt = after[i + 1].text if i + 1 < len(after) else "."
    return described and after[i].low.endswith("ed") and nxt in ".,;!?"


_READS = frozenset("read reads".split())
_READ_DOCS = frozenset("statement report".split())


def document_reads(fr: Frame) -> tuple[Mention, str] | None:
    """`"...," a BBC statement read.`: a statement or report that "reads" the quote, right
    after it and ending the sentence; resolve.py names its issuer."""
    after = fr.after
    for i in range(1, min(len(after), 7)):
        if after[i].low in _READS and not after[i].cap and after[i - 1].low in _READ_DOCS:
            if i + 1 < len(after) and after[i + 1].text not in ".,;":
                return None
            if after[0].low not in ("a", "an", "the", "its") or any(
                t.text in PUNCT for t in after[:i]
            ):
                return None
            titles = tuple(t.low for t in after[:i])
            return Mention(None, "nominal", after[0].start, after[i - 1].end, titles), after[i].low
    return None


def _clause_goes_on(toks: list[Token], m: Mention) -> bool:
    """A word, not punctuation, follows the he/she after a cue ("said she should"), so it
    opens the reported clause rather than closing an inverted "said he."."""
    k = next((i for i, t in enumerate(toks) if t.start == m.start), None)
    return k is not None and k + 1 < len(toks) and toks[k + 1].text[:1].isalnum()


def _finite_verb_after(toks: list[Token], m: Mention) -> bool:
    """A finite verb follows the name after a cue ("said Willis has endured"): the name
    opens the reported clause rather than closing an inverted "said Willis"."""
    k = next((i for i, t in enumerate(toks) if t.start >= m.end), None)
    return k is not None and toks[k].low in FINITE and not toks[k].cap


def _best_cue_before(before: list[Token]) -> int | None:
    """The nearest cue before a quote that has a subject ("Rubio said that by refusing to say
    the words ..." -> said), else the nearest cue."""
    first: int | None = None
    hi = len(before)
    for _ in range(3):
        ci = cue_index(before[:hi], reverse=True)
        if ci is None:
            break
        if _in_relative_aside(before, ci):
            hi = ci  # "..., which the Tax Foundation estimates would cost ..., would risk “...”"
            continue
        if first is None:
            first = ci
        if (
            before[ci].low == "according"
            or subject_before(before, ci) is not None
            or _relative_head(before, ci) is not None
        ):
            return ci
        hi = ci
    return first


def _in_relative_aside(toks: list[Token], ci: int) -> bool:
    """toks[ci] sits in a ", which ... ," clause that closes before the quote."""
    a = max((k for k in range(ci) if toks[k].text == ","), default=-1)
    if a < 0 or a + 1 >= ci or toks[a + 1].low not in ("which", "whom"):
        return False
    return any(t.text == "," for t in toks[ci + 1 : -1])


def known_person(doc: ArticleDoc, m: Mention) -> bool:
    """A pronoun, a titled or full name, or a surname the article gives in full elsewhere."""
    if m.kind == "pronoun" or m.kind == "person":
        return True
    return (
        m.kind == "name"
        and m.name is not None
        and (len(m.name.split()) >= 2 or doc.skeleton(surname(m.name)) in doc.fullnames)
    )
