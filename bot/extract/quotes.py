"""Extract direct, partial and indirect quotes with their speakers from article text."""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, replace

from bot.extract import speaker_choice
from bot.extract.attribution import (
    ATTITUDE_CUES,
    BELIEF_CUES,
    CUES,
    NOUN_CUES,
    OBJECT_CUES,
    SPEECH_CUES,
    Mention,
    Token,
    classify_run,
    clause_subject,
    cue_index,
    is_participle,
    noun_use,
    passive_agent,
    possessive,
    run_end,
    run_start,
    subject_after,
    subject_before,
    surname,
    tokens,
)
from bot.extract.credible import credible_speaker, negated
from bot.extract.cue_subjects import (
    cue_subject_after,
    cue_subject_before,
    described_subject,
    lead_in_subject,
    lead_sentence_attribution,
    signature_after,
    tail_attribution,
    with_modal,
    with_subject,
)
from bot.extract.doc import ArticleDoc, Segment, prepare
from bot.extract.indirect import indirect_speech
from bot.extract.indirect.gate import kept as gate_kept
from bot.extract.lexicon import FINITE, FUTURE_MODALS
from bot.extract.resolve import sentence_index
from bot.extract.segments import find_segments
from bot.extract.sentences import split_sentences
from bot.model import Quote, Sentence

log = logging.getLogger(__name__)


def extract_quotes(
    text: str, sentences: list[Sentence] | None = None, indirect_gate: bool = True
) -> list[Quote]:
    """Quotes in document order: every quoted segment, plus indirect speech with its source
    (reported speech that the learned check in indirect/gate.py turns down left out, unless
    indirect_gate is False: bench/build_indirect_gate.py trains on what it sees)."""
    if sentences is None:
        sentences = split_sentences(text)
    segments = find_segments(text)
    doc = prepare(text, sentences, segments)
    quotes = _attribute_segments(doc, segments) + indirect_speech(doc)
    title = title_line(text)
    quotes = [_printable(doc, q) for q in quotes if not (title and q.start < title)]
    if indirect_gate:
        quotes = [q for q in quotes if gate_kept(text, q)]
    quotes = [_with_negation(text, q) for q in quotes]
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


_TITLE_WORDS = 20


def title_line(text: str) -> int:
    """End offset of a headline opening the text (a short first line with no closing full
    stop), else 0: nobody said a headline, and its words name no speaker."""
    nl = text.find("\n")
    if nl <= 0 or not text[nl:].strip():
        return 0
    line = text[:nl].strip().rstrip("\"”’'")
    if not line or len(line.split()) > _TITLE_WORDS or line[-1] in ".!?;,":
        return 0
    return nl


def source_of(text: str, start: int, end: int, quotes: list[Quote] | None = None) -> str | None:
    """Who the article says is the source of text[start:end] (a sentence, a claim), or None.

    The stable entry point for other extractors (figures' claimants): the speaker of the
    quotes, direct or reported, that overlap the span, when they all name one speaker; None
    when nobody is named or two different people are (precision first). Pass the article's
    quotes when already extracted to save a second pass.
    """
    if quotes is None:
        quotes = extract_quotes(text)
    names = {q.speaker for q in quotes if q.speaker and q.start < end and q.end > start}
    return names.pop() if len(names) == 1 else None


def _printable(doc: ArticleDoc, q: Quote) -> Quote:
    """The quote with a speaker an editor can print, or unattributed (see credible.py)."""
    if q.speaker is None:
        return q
    name = doc.credible.get(q.speaker, "")
    if name == "":
        name = doc.credible[q.speaker] = credible_speaker(doc.text, q.speaker, doc.fullnames)
    return q if name == q.speaker else replace(q, speaker=name)


@dataclass(slots=True)
class _Frame:
    """The unquoted words around one segment inside its sentence(s)."""

    before: list[Token]
    after: list[Token]
    full_before: list[Token]


def _frame(doc: ArticleDoc, seg: Segment) -> _Frame:
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
    return _Frame(before, after, full_before)


_COORD = frozenset("and but while whereas".split())


# a capitalised pronoun after a quote that ends its sentence opens the next sentence
_NEW_SUBJECT = frozenset("He She They".split())


def _speaker_from_frame(
    doc: ArticleDoc, fr: _Frame, ended: bool = False
) -> tuple[Mention | None, str | None, bool]:
    """(mention, cue, found_cue) from the words right after the quote, else before it; when
    a new clause follows the quote ("Cruz accuses Obama of “...” and Trump says ...", or
    "... telling her, “...!” She replied ..." after a quote that ended its sentence), the
    words before it first."""
    if (
        fr.before
        and fr.after
        and (fr.after[0].low in _COORD or (ended and fr.after[0].text in _NEW_SUBJECT))
    ):
        found = _frame_speaker(doc, fr, after_first=False)
        if found[2]:
            return found
    return _frame_speaker(doc, fr, after_first=True)


def _frame_speaker(
    doc: ArticleDoc, fr: _Frame, after_first: bool
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
            return subject_after(after, ci + 1), "according to", True
        m = cue_subject_before(doc, after, ci) if ci > 0 else None
        if m is None:
            m = cue_subject_after(after, ci)
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
    if agent is not None:
        return agent, None, True
    if ci is not None:
        cue = with_modal(before, ci)
        if cue == "according":
            return subject_after(before, ci + 1), "according to", True
        m = cue_subject_before(doc, before, ci)
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
            lead = [t for t in fr.full_before if t.start < before[ci].start]
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
            if m is not None and _known_person(doc, m):
                return m, t.low, True
            break
    owner = _noun_cue_owner(before)
    if owner is not None and _known_person(doc, owner[0]):
        return owner[0], owner[1], True
    return None, None, False


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


def _closing_verb(fr: _Frame, body: str) -> tuple[Mention, str] | None:
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


def _closing_cue(after: list[Token], i: int, described: bool) -> bool:
    """after[i] reports the quote before it: a cue of the lexicon, or, after a described name
    ("an angry Hollande retaliated."), any past-tense verb that ends the sentence part."""
    if after[i].low in _LOOSE_CUES:
        return True
    nxt = after[i + 1].text if i + 1 < len(after) else "."
    return described and after[i].low.endswith("ed") and nxt in ".,;!?"


_GLOSS = re.compile(r"\s*\(\s*[A-Z][^()]{0,60}\)")


def _glossed(text: str, seg: Segment, body: str) -> bool:
    """A short capitalised phrase in quote marks followed by its translation in brackets is
    the name of something, not words anyone said."""
    words = body.split()
    if not 1 < len(words) <= 5 or not words[0][:1].isupper() or body.rstrip()[-1:] in ",.?!":
        return False
    return _GLOSS.match(text, seg.close + 1) is not None


def _reported(fr: _Frame) -> bool:
    """The words around a short quote report someone's words ("a radio ad calling it
    “dangerous”"): it is a quote, maybe with nobody named, not a scare quote."""
    for toks in (fr.full_before, fr.after):
        for i, t in enumerate(toks):
            if (
                not t.cap
                and (t.low in SPEECH_CUES or t.low in ATTITUDE_CUES)
                and not noun_use(toks, i)  # "the plan": a noun, nobody's words
            ):
                return True
    return False


# "did not say", "declined to say", "would not confirm": the cue with the words that deny it.
_NEGATED_CUE = re.compile(
    r"\b((?:(?:did|does|do|would|could|will|has|have|had|was|were|is|are)\s*(?:not|n['’]t)"
    r"|never|declined\s+to|refused\s+to|wouldn['’]t|won['’]t|can['’]t|cannot)"
    r"(?:\s+(?:be\s+)?[a-z]+ly)?\s+)(\w+)\s+(?:that\s+|on\s+|about\s+)?\Z",
    re.IGNORECASE,
)


def _with_negation(text: str, q: Quote) -> Quote:
    """The quote whose cue the article denies ("Marsh did not say when ...") gets the cue with
    its negation, so no reply lists it as said (credible.listable). Done after the learned
    gate, whose features are the bare cue words."""
    if not q.cue or " " in q.cue:
        return q
    m = _NEGATED_CUE.search(text, max(0, q.start - 40), q.start)
    if m is None or m.group(2).lower() != q.cue.lower():
        return q
    return replace(q, cue=f"{' '.join(m.group(1).lower().split())} {q.cue}")


def not_yet_said(cue: str | None) -> bool:
    """The cue reports future or hypothetical speech ("will argue", "is expected to say")."""
    if not cue or " " not in cue or negated(cue):
        return False
    first = cue.split()[0]
    return first in FUTURE_MODALS or cue.split()[-2:-1] == ["to"]


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
        if before[ci].low == "according" or subject_before(before, ci) is not None:
            return ci
        hi = ci
    return first


def _in_relative_aside(toks: list[Token], ci: int) -> bool:
    """toks[ci] sits in a ", which ... ," clause that closes before the quote."""
    a = max((k for k in range(ci) if toks[k].text == ","), default=-1)
    if a < 0 or a + 1 >= ci or toks[a + 1].low not in ("which", "whom"):
        return False
    return any(t.text == "," for t in toks[ci + 1 : -1])


def _reported_before(doc: ArticleDoc, fr: _Frame) -> bool:
    """The quote's sentence has no clause subject of its own that is a person or a body named
    before the quote (only common words: "Fundraising was ...")."""
    return not any(t.cap for t in fr.before[1:]) and not any(t.cap for t in fr.after)


def _known_person(doc: ArticleDoc, m: Mention) -> bool:
    """A pronoun, a titled or full name, or a surname the article gives in full elsewhere."""
    if m.kind == "pronoun" or m.kind == "person":
        return True
    return (
        m.kind == "name"
        and m.name is not None
        and (len(m.name.split()) >= 2 or doc.skeleton(surname(m.name)) in doc.fullnames)
    )


def _is_partial(doc: ArticleDoc, seg: Segment, fr: _Frame) -> bool:
    body = doc.text[seg.start : seg.end]
    if not fr.before:
        return not body[:1].isupper()
    return not (fr.before[-1].text in (":", ",") and body[:1].isupper())


def _title_case(body: str) -> bool:
    words = [w for w in body.split() if w[:1].isalpha()]
    if not words:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.6


_WORK_INTRO = frozenset(
    """on show shows program programme film movie book books series titled entitled headlined
    album song magazine podcast host hosts anchor sitcom documentary play musical novel memoir
    column op-ed essay slogan""".split()
)


def _names_a_work(body: str, before: list[Token]) -> bool:
    """A title-case run after an outlet's possessive or a word like "show" names a work, not speech."""
    if len(body.split()) > 6 or not _title_case(body) or not before:
        return False
    prev = before[-1]
    return possessive(prev.text) or prev.low in _WORK_INTRO


def _colon_intro(doc: ArticleDoc, seg: Segment) -> Mention | None:
    """`Dr. Ward stated:` closing the paragraph before a quote introduces it."""
    text = doc.text
    k = seg.open - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    line_start = text.rfind("\n", 0, k) + 1
    if doc.sentences:  # the sentence that ends at the colon, not the paragraph's first one
        line_start = max(line_start, doc.sentences[sentence_index(doc, k)].start)
    toks = doc.unmasked(line_start, k)
    ci = cue_index(toks, reverse=True)
    if ci is None:
        return clause_subject(toks, 0, len(toks), accept=doc.speaker_ok)
    return (
        subject_before(toks, ci)
        or subject_after(toks, ci)
        or clause_subject(toks, 0, ci, accept=doc.speaker_ok)
    )


_MARKS = "\"“”'"


def _implicit_path(m: Mention | None) -> str | None:
    """The kind of a cue that names nobody (speaker_choice.RECORD logs its choices): "he",
    "she", "nominal" ("the minister said"), "cue" (a cue with no subject); None for a name."""
    if m is None:
        return "cue"
    if m.kind == "pronoun":
        return m.name if m.name in ("he", "she") else None
    return "nominal" if m.kind == "nominal" else None


def _attribute_segments(doc: ArticleDoc, segments: list[Segment]) -> list[Quote]:
    out: list[Quote] = []
    text = doc.text
    prev_speaker: str | None = None
    cur_line = -1
    line_speaker: str | None = None
    line_speakers: set[str] = set()
    two_before = False
    ran_on = False  # the paragraph's last quote is open at its end and has a speaker
    last_para_speaker: str | None = None
    last_end = 0  # where the last attributed quote ended
    unnamed = False  # this paragraph quotes someone the article does not name
    apostrophes: list[tuple[Segment, str | None]] = []
    for seg in segments:
        line = text.rfind("\n", 0, seg.open)
        if line != cur_line:
            gap = text[cur_line + 1 : line] if cur_line >= 0 else ""
            # two people quoted in the last paragraph: either may go on in this one, so
            # neither is taken as its speaker (abstain), unless its last quote was left open
            # (the continued-paragraph convention names who goes on)
            two_before = len(line_speakers) > 1 and not ran_on
            last_para_speaker = (
                line_speaker if gap.count("\n") <= 2 and not unnamed and not two_before else None
            )
            prev_speaker = None
            line_speaker = None
            line_speakers = set()
            ran_on = False
            unnamed = False
            cur_line = line
        fr = _frame(doc, seg)
        body = text[seg.start : seg.end]
        if _glossed(text, seg, body):
            continue  # the "Partido contra la Pobreza" (Game Against Poverty): a name, glossed
        if _names_a_work(body, fr.before):
            continue  # CNN's “New Day”, the film “The Revenant”
        ended = body.rstrip()[-1:] in (".", "!", "?")
        mention, cue, found = _speaker_from_frame(doc, fr, ended)
        if not found:
            loose = _closing_verb(fr, body)
            if loose is not None:
                mention, cue, found = loose[0], loose[1], True
        if not found and not fr.after:
            tail = tail_attribution(doc, seg, body)
            if tail is not None:
                mention, cue, found = tail[0], tail[1], True
            else:
                signed = signature_after(doc, seg)
                if signed is not None:
                    mention, found = signed, True
        speaker = doc.resolve(mention) if found else None
        prev_in, para_in, unnamed_in = prev_speaker, last_para_speaker, unnamed
        path = _implicit_path(mention) if found else None
        if (
            mention is not None
            and mention.kind == "pronoun"
            and (
                (unnamed and prev_speaker is None)
                or (
                    prev_speaker is not None
                    and not doc.person_speaker(prev_speaker)
                    and not doc.someone_else_between(last_end, mention.start, prev_speaker)
                )
            )
        ):
            # `"...," said a Juventus official. "...," he added`: a body's unnamed voice
            speaker = None
        if found and mention is not None and speaker is None and prev_speaker is None:
            unnamed = True  # "A Conservative spokesperson said: ...": its run-on stays unnamed
        elif found and mention is not None and speaker is None and mention.kind == "nominal":
            # '"It's incredible," the youngster said. "..."': the run-on is the youngster's,
            # whom we cannot name, not the person quoted before him
            prev_speaker = None
            unnamed = True
        if found and mention is None and prev_speaker is not None:
            speaker = prev_speaker
        if not found:
            nwords = len(body.split())
            if _title_case(body) and nwords <= 6:
                continue  # a title nobody is said to have said
            intro = _colon_intro(doc, seg) if not fr.before else None
            opener = lead_sentence_attribution(doc, seg) if not fr.before else None
            path = "none"
            if opener is not None:
                speaker = doc.resolve(opener[0])
                cue = opener[1]
                path = _implicit_path(opener[0])
            elif prev_speaker is not None:
                path = "runon"
                # a run-on in the paragraph: the last speaker, unless another subject came
                # between ("... said Smith. Jones disagreed. "...")
                if not doc.someone_else_between(last_end, seg.open, prev_speaker):
                    speaker = prev_speaker
            elif unnamed:
                speaker = None
            elif intro is not None:
                speaker = doc.resolve(intro)
                path = _implicit_path(intro)
            elif (
                not fr.before
                and last_para_speaker is not None
                and not doc.someone_else_between(last_end, seg.open, last_para_speaker)
            ):
                speaker = last_para_speaker  # the continued-paragraph convention
                path = "para"
            else:
                m = clause_subject(
                    fr.before, 0, len(fr.before), accept=doc.speaker_ok
                ) or clause_subject(fr.after, 0, len(fr.after), accept=doc.speaker_ok)
                speaker = doc.resolve(m) if m is not None and _known_person(doc, m) else None
                if speaker is not None and m is not None:
                    path = _implicit_path(m)
                elif not fr.before and last_para_speaker is not None:
                    path = "para"
                if speaker is None and not fr.before and nwords >= 5:
                    # `Anne Weyman said teaching ... was key. "Young people must ..."`: the
                    # speaker just reported in this paragraph (or closing the last one, when
                    # it quoted one person only)
                    lo = line + 1 if two_before else text.rfind("\n\n", 0, max(0, line)) + 1
                    speaker = doc.reporter_before(lo, seg.open)
                elif speaker is None and nwords >= 5 and _reported_before(doc, fr):
                    # 'Gilbert said the calls are unlikely to have an effect. Fundraising was
                    # "stagnant for about a month or six weeks" ...': the paragraph's reporter
                    speaker = doc.reporter_before(line + 1, seg.open)
                if speaker is None and nwords <= 4:
                    named = clause_subject(fr.before, 0, len(fr.before)) or clause_subject(
                        fr.after, 0, len(fr.after)
                    )
                    if named is None or not _known_person(doc, named):
                        if not _reported(fr):
                            continue  # a scare quote nobody is said to have said
                        # "Trump released an ad calling it “dangerous”": the clause's subject
                        lead = clause_subject(
                            fr.full_before, 0, len(fr.full_before), accept=doc.speaker_ok
                        )
                        if lead is not None and lead.kind != "pronoun" and _known_person(doc, lead):
                            speaker = doc.resolve(lead)
                            path = None
        elif _title_case(body) and len(body.split()) <= 3 and (cue is None or cue in BELIEF_CUES):
            continue
        if path is not None and not unnamed_in and speaker_choice.RECORD is not None:
            # bench/build_speaker_choice.py: the candidates of a choice the rules just made
            speaker_choice.record(doc, seg.open, seg.end, path, speaker, prev_in, para_in)
        if speaker is not None:
            prev_speaker = speaker
            line_speaker = speaker
            line_speakers.add(speaker)
            last_end = seg.close
        ran_on = speaker is not None and (seg.close >= len(text) or text[seg.close] not in _MARKS)
        if seg.double_apostrophe:
            apostrophes.append((seg, speaker))
            continue
        kind = "partial" if _is_partial(doc, seg, fr) else "direct"
        out.append(
            Quote(text=body, speaker=speaker, kind=kind, start=seg.start, end=seg.end, cue=cue)
        )
    out.extend(_merge_apostrophe_quotes(text, apostrophes))
    return out


_MIN_APOSTROPHE_WORDS = 4


def _merge_apostrophe_quotes(text: str, items: list[tuple[Segment, str | None]]) -> list[Quote]:
    """''Quoted'' copy (double apostrophes) is reported as one indirect span per speaker turn."""
    out: list[Quote] = []
    group: list[tuple[Segment, str | None]] = []

    def flush() -> None:
        if group:
            s, e = group[0][0].open, min(len(text), group[-1][0].close + 2)
            quoted = sum(seg.close + 2 - seg.open for seg, _ in group)
            if quoted * 2 < e - s:  # a long attribution between the pieces: keep the longest
                seg = max((seg for seg, _ in group), key=lambda x: x.close - x.open)
                s, e = seg.open, min(len(text), seg.close + 2)
            if len(text[s:e].split()) >= _MIN_APOSTROPHE_WORDS:  # not a scare quote
                out.append(
                    Quote(text=text[s:e], speaker=group[0][1], kind="indirect", start=s, end=e)
                )
            group.clear()

    for seg, spk in items:
        if group:
            gap = text[group[-1][0].close : seg.open]
            if "\n" in gap or spk != group[-1][1] or len(gap) > 200:
                flush()
        group.append((seg, spk))
    flush()
    return out
