"""Extract direct, partial and indirect quotes with their speakers from article text."""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import replace

from bot.extract import speaker_confidence
from bot.extract.apostrophe_quotes import merge_apostrophe_quotes
from bot.extract.attribution import (
    ATTITUDE_CUES,
    BELIEF_CUES,
    SPEECH_CUES,
    clause_subject,
    noun_use,
)
from bot.extract.clause_objects import governed
from bot.extract.colon_intros import colon_intro
from bot.extract.credible import credible_speaker
from bot.extract.cue_subjects import lead_sentence_attribution, signature_after, tail_attribution
from bot.extract.doc import ArticleDoc, Segment, prepare
from bot.extract.frame_speaker import (
    Frame,
    closing_verb,
    document_reads,
    frame,
    known_person,
    speaker_from_frame,
)
from bot.extract.indirect import indirect_speech
from bot.extract.indirect.gate import kept as gate_kept
from bot.extract.introduced import introduced_speaker
from bot.extract.label_lines import paragraph_breaks
from bot.extract.lexicon import BODY_WORDS, FUTURE_MODALS, MEDIUM_NOUNS
from bot.extract.listable import negated
from bot.extract.mentions import Mention, Token
from bot.extract.name_checks import expand, sentence_index
from bot.extract.named_after import named_after
from bot.extract.nearer_subject import nearer_subject
from bot.extract.open_quotes import forward_open_quotes
from bot.extract.org_modifier import modifies_role
from bot.extract.quote_paths import (
    INHERITED,
    cross_mark,
    handed_on,
    names_other,
    path_of,
    trusted,
)
from bot.extract.quote_titles import names_a_work, title_case
from bot.extract.rival_subjects import opens_sentence
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
    quotes = speaker_confidence.check(doc, quotes)  # a doubted speaker: unattributed
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


_GLOSS = re.compile(r"\s*\(\s*[A-Z][^()]{0,60}\)")


def _subject_since(doc: ArticleDoc, lo: int, pos: int, name: str) -> bool:
    """name opens a sentence as its subject after an unnamed source's quote ended at lo, and
    nobody else becomes a subject before the he/she at pos ('the coach admitted Cardiff was an
    "unforgiving place". ... Tait himself appeared unaffected. "...," he said'): the he is
    name, not the unnamed voice."""
    k = bisect.bisect_right(doc.person_starts, lo)
    while k < len(doc.persons) and doc.persons[k].start < pos:
        p = doc.persons[k]
        if (
            doc.person_subject[k]
            and p.name
            and expand(doc, p.name) == name
            and doc.sentences
            and opens_sentence(doc.text, doc.sentences[sentence_index(doc, p.start)].start, p.start)
        ):
            # nobody else speaks between ("Our correspondent said that he understood ...")
            si, sj = sentence_index(doc, p.start), sentence_index(doc, pos)
            spoken = any(i in doc.cue_sentences for i in range(si + 1, sj))
            return not spoken and not doc.someone_else_between(p.end, pos, name)
        k += 1
    return False


def _glossed(text: str, seg: Segment, body: str) -> bool:
    """A short capitalised phrase in quote marks followed by its translation in brackets is
    the name of something, not words anyone said."""
    words = body.split()
    if not 1 < len(words) <= 5 or not words[0][:1].isupper() or body.rstrip()[-1:] in ",.?!":
        return False
    return _GLOSS.match(text, seg.close + 1) is not None


def _reported(fr: Frame) -> bool:
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
    its negation, so no reply lists it as said (listable.listable). Done after the learned
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


def _reported_before(doc: ArticleDoc, fr: Frame) -> bool:
    """The quote's sentence has no clause subject of its own that is a person or a body named
    before the quote (only common words: "Fundraising was ...")."""
    return not any(t.cap for t in fr.before[1:]) and not any(t.cap for t in fr.after)


def _after_a_verb(toks: list[Token], m: Mention) -> bool:
    """The name m sits after "which" and a past-tense verb ("a poster which pictured ... Mr
    Brown"): the object of a clause about a thing, not who said the words."""
    which = False
    for t in toks:
        if t.start >= m.start:
            return False
        if t.low == "which":
            which = True
        elif which and not t.cap and t.low.endswith("ed") and len(t.low) > 4:
            return True
    return False


_DESCRIBED = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w-]*\s+)?([a-z]+)\s+$")


def _unread_subject(doc: ArticleDoc, seg: Segment, cue: str | None) -> bool:
    """The cue before the quote has a body for its subject, described by a word of the body
    table ("The carrier said it was "..."", "the broadcaster says"): the body speaks, not the
    last person quoted."""
    if not cue:
        return False
    word = cue.split()[-1]
    lo = doc.sentences[sentence_index(doc, seg.open)].start if doc.sentences else 0
    at = doc.text.rfind(" " + word, lo, seg.open)
    said = _DESCRIBED.search(doc.text, lo, at + 1) if at >= 0 else None
    return said is not None and said.group(1) in BODY_WORDS


_ISSUING = frozenset("released issued put posted published sent wrote".split())
_MEDIUM_WORDS = 4  # "released a brief statement", "issued a joint statement"


def _issued(doc: ArticleDoc, before: list[Token], m: Mention) -> bool:
    """m, a bare name the article has speak elsewhere ("Donnelly said"), issued the statement
    that the quote's clause reports: "Donnelly ... released a statement questioning the
    notion that God would "..."", "the firm issued a letter calling it "...""."""
    if m.kind != "name" or not m.name or not _speaker_in(doc, m.name):
        return False
    k = next((i for i, t in enumerate(before) if t.start >= m.end), len(before))
    for i in range(k, len(before)):
        if before[i].low in _ISSUING:
            window = before[i + 1 : i + 1 + _MEDIUM_WORDS]
            return any(t.low in MEDIUM_NOUNS for t in window)
    return False


def _speaker_in(doc: ArticleDoc, name: str) -> bool:
    """name is the named subject of a reporting cue somewhere in the article."""
    return any(n == name for _, n in doc.speakers)


def _is_partial(doc: ArticleDoc, seg: Segment, fr: Frame) -> bool:
    body = doc.text[seg.start : seg.end]
    if not fr.before:
        return not body[:1].isupper()
    return not (fr.before[-1].text in (":", ",") and body[:1].isupper())


_MARKS = "\"“”'"
_DOCUMENTS = frozenset("statement report".split())


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
    prev_root = line_root = para_root = ""  # the path that first named those speakers
    last_end = 0  # where the last attributed quote ended
    unnamed = False  # this paragraph quotes someone the article does not name
    unnamed_at = 0  # where that unnamed quote ended
    by_document = False  # the last speaker spoke through a statement or report ("It added")
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
                line_speaker
                if paragraph_breaks(gap) <= 2 and not unnamed and not two_before
                else None
            )
            para_root = line_root
            prev_speaker = None
            by_document = False
            line_speaker = None
            line_speakers = set()
            ran_on = False
            unnamed = False
            cur_line = line
        fr = frame(doc, seg)
        body = text[seg.start : seg.end]
        path: str | None = None
        if _glossed(text, seg, body):
            continue  # the "Partido contra la Pobreza" (Game Against Poverty): a name, glossed
        if names_a_work(body, fr.before):
            continue  # CNN's “New Day”, the film “The Revenant”
        ended = body.rstrip()[-1:] in (".", "!", "?")
        open_end = body.rstrip()[-1:].isalnum()
        mention, cue, found = speaker_from_frame(doc, fr, ended, open_end)
        how = "cue" if cue else "nocue"
        if not found:
            loose = closing_verb(fr, body)
            how = "closing"
            if loose is None:
                loose, how = document_reads(fr), "reads"
            if loose is not None:
                mention, cue, found = loose[0], loose[1], True
        if not found and not fr.after:
            tail = tail_attribution(doc, seg, body)
            if tail is not None:
                mention, cue, found, how = tail[0], tail[1], True, "tail"
            else:
                signed = signature_after(doc, seg)
                if signed is not None:
                    mention, found, how = signed, True, "signature"
        doc.route = ""
        speaker = doc.resolve(mention) if found else None
        path = path_of(how, mention, seg, doc.route) if found else None
        if speaker is not None and mention is not None and modifies_role(text, mention):
            speaker = None  # "recalled a former CMS official": an unnamed official, not CMS
        if (
            mention is not None
            and mention.kind == "pronoun"
            and (
                (
                    unnamed
                    and prev_speaker is None
                    and not (speaker and _subject_since(doc, unnamed_at, mention.start, speaker))
                )
                or (
                    prev_speaker is not None
                    and not doc.person_speaker(prev_speaker)
                    and not doc.someone_else_between(last_end, mention.start, prev_speaker)
                )
            )
        ):
            # `"...," said a Juventus official. "...," he added`: a body's unnamed voice
            speaker = None
        if (
            speaker is None
            and by_document
            and mention is not None
            and mention.kind == "pronoun"
            and mention.name == "it"
            and prev_speaker is not None
            and not doc.someone_else_between(last_end, mention.start, prev_speaker)
        ):  # 'Mr Crosby's statement said: "..." It added: "..."': the statement goes on
            speaker, path = prev_speaker, "it-added"
        if found and mention is not None and speaker is None and prev_speaker is None:
            unnamed, unnamed_at = (
                True,
                seg.close,
            )  # "A Conservative spokesperson said: ...": its run-on stays unnamed
        elif (
            found
            and mention is not None
            and speaker is None
            and mention.kind in ("nominal", "pronoun")
        ):
            # '"It's incredible," the youngster said. "..."': the run-on is the youngster's,
            # whom we cannot name, not the person quoted before him; so after a he/she we
            # could not resolve ("She said: ..." after Galloway's quotes: Oona King)
            prev_speaker = None
            unnamed, unnamed_at = True, seg.close
        if (
            found
            and mention is None
            and prev_speaker is not None
            and not doc.someone_else_between(last_end, seg.open, prev_speaker)
            and not _unread_subject(doc, seg, cue)
        ):  # a cue with no subject of its own: the last speaker, unless another subject came
            # between ('... Mr Blair said he would not ... and promised ... "from now ..."')
            speaker, path = prev_speaker, "cue-nosubject"
        if not found:
            nwords = len(body.split())
            if title_case(body) and nwords <= 6:
                continue  # a title nobody is said to have said
            intro = colon_intro(doc, seg) if not fr.before else None
            opener = lead_sentence_attribution(doc, seg) if not fr.before else None
            if opener is not None:
                speaker = doc.resolve(opener[0])
                cue = opener[1]
                path = "opener"
            elif prev_speaker is not None:
                # a run-on in the paragraph: the last speaker, unless another subject came
                # between ("... said Smith. Jones disagreed. "...")
                if not doc.someone_else_between(last_end, seg.open, prev_speaker):
                    speaker, path = prev_speaker, "runon"
                elif nwords >= 5 and (introduced := introduced_speaker(doc, seg.open)):
                    # '... said Mark Oaten: "..." Mr Hayman acknowledged that ... "If you ..."'
                    speaker, path = introduced, "introduced"
            elif unnamed:
                speaker = None
            elif intro is not None:
                speaker = doc.resolve(intro)
                path = f"colon-intro:{intro.kind}"
            elif (
                not fr.before
                and last_para_speaker is not None
                and not doc.someone_else_between(last_end, seg.open, last_para_speaker)
            ):
                speaker = last_para_speaker  # the continued-paragraph convention
                path = "continued"
            else:
                m = clause_subject(
                    fr.before, 0, len(fr.before), accept=doc.speaker_ok
                ) or clause_subject(fr.after, 0, len(fr.after), accept=doc.speaker_ok)
                if m is not None and _after_a_verb(fr.before, m):
                    m = None  # "they unveiled a poster which pictured ... Mr Brown under the
                    # words '...'": an object, not who said the words
                elif m is not None:  # "..., an incident Trump brought up as “very fishy”"
                    m = nearer_subject(doc, fr.before, m) or m  # Trump's, not Starr's
                    if governed(fr.before, m):
                        m = None  # "calling Nir-Mozes “arrogant”": whom the words are about
                speaker = (
                    doc.resolve(m)
                    if m is not None and (known_person(doc, m) or _issued(doc, fr.before, m))
                    else None
                )
                path = f"uncued-clause:{m.kind}" if m is not None else None
                if speaker is None and not fr.before and nwords >= 5:
                    # `Anne Weyman said teaching ... was key. "Young people must ..."`: the
                    # speaker just reported in this paragraph (or closing the last one, when
                    # it quoted one person only)
                    lo = line + 1 if two_before else text.rfind("\n\n", 0, max(0, line)) + 1
                    speaker = doc.reporter_before(lo, seg.open)
                    path = "reporter-next"
                    introduced = introduced_speaker(doc, seg.open) if speaker is None else None
                    if introduced is not None:
                        # 'Mr Brown outlined his view ... "As our manifesto ..."'
                        speaker, path = introduced, "introduced"
                elif speaker is None and nwords >= 5 and _reported_before(doc, fr):
                    # 'Gilbert said the calls are unlikely to have an effect. Fundraising was
                    # "stagnant for about a month or six weeks" ...': the paragraph's reporter
                    speaker = doc.reporter_before(line + 1, seg.open)
                    path = "reporter-inline"
                if speaker is None and nwords <= 4:
                    named = clause_subject(fr.before, 0, len(fr.before)) or clause_subject(
                        fr.after, 0, len(fr.after)
                    )
                    if named is None or not known_person(doc, named):
                        if not _reported(fr):
                            continue  # a scare quote nobody is said to have said
                        # "Trump released an ad calling it “dangerous”": the clause's subject
                        lead = clause_subject(
                            fr.full_before, 0, len(fr.full_before), accept=doc.speaker_ok
                        )
                        if (
                            lead is not None
                            and lead.kind != "pronoun"
                            and known_person(doc, lead)
                            and not governed(fr.full_before, lead)
                        ):
                            speaker = doc.resolve(lead)
                            path = "short-lead"
        elif title_case(body) and len(body.split()) <= 3 and (cue is None or cue in BELIEF_CUES):
            continue
        after = named_after(doc, seg, fr, speaker, path) if not found else None
        if after is not None:  # '“...?” Beck questioned.': Beck's, whoever spoke before
            speaker, path = after, "named-after"
        if speaker is not None and path is not None and handed_on(path):
            at = mention.start if mention is not None and "pronoun" in path else seg.open
            pronoun = mention.name or "" if mention is not None and "pronoun" in path else ""
            mark = cross_mark(doc, speaker, at, pronoun)
            if mark == "^s" and path.endswith(("/role", "/subject")):
                mark = "^x"  # resolve already weighed that subject (antecedents.refer_back)
            path += mark
            if not found and names_other(doc, fr, seg, speaker):
                path += "^o"  # the quote's own sentence names someone else
        if path is not None and path.split("^")[0] in INHERITED:
            path = f"{path}+{para_root if path.startswith('continued') else prev_root}"
        if speaker is not None:
            prev_root = line_root = (path or "").split("+")[-1]
            by_document = (
                mention is not None
                and mention.kind == "nominal"
                and bool(mention.titles)
                and mention.titles[-1] in _DOCUMENTS
            ) or (by_document and speaker == prev_speaker)
            prev_speaker = speaker
            line_speaker = speaker
            line_speakers.add(speaker)
            last_end = seg.close
        ran_on = speaker is not None and (seg.close >= len(text) or text[seg.close] not in _MARKS)
        shown = speaker if trusted(path) else None  # a weak path: unattributed
        if seg.double_apostrophe:
            apostrophes.append((seg, shown))
            continue
        kind = "partial" if _is_partial(doc, seg, fr) else "direct"
        out.append(Quote(body, shown, kind, seg.start, seg.end, cue=cue, path=path))
    out = forward_open_quotes(text, out)  # "... / "...," he said': the open paragraph too
    out.extend(merge_apostrophe_quotes(text, apostrophes))
    return out
