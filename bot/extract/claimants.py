"""Who gave a figure: a quote's speaker, "according to X", "reported by X", or the subject of "X said".

The resolver: it reads the figure's sentence and its neighbours and picks the source; the verb
subjects come from claim_subjects, the printable names from claimant_names; a plan's owner
(claim_owners) and a writer's age (writer_ages) are decided apart.
"""

from __future__ import annotations

import re

from bot.extract.claim_owners import plan_owner
from bot.extract.claim_referents import FINDS, finds_a_figure, named_body, referent_of
from bot.extract.claim_shapes import (
    ACCORDING,
    AUX_BEFORE,
    CLAUSE_VERB_AFTER,
    COMMA_BEFORE,
    DESCRIBED_BODY,
    DOCUMENT_AUTHORED,
    DOCUMENT_BY,
    EPITHET,
    FIGURE_BEFORE,
    FIGURE_OBJECT,
    GENERIC_BODY,
    INVERTED_BEFORE,
    ITS_DOCUMENT,
    LISTENER_VERBS,
    NAME_BEFORE_COMMA,
    NEXT_TO_FIGURE,
    NOMINAL_OPENING,
    ONE_FIGURE,
    OPENS_QUOTE,
    OWN_CLAUSE,
    OWNED_DATA_BEFORE,
    PARTICIPLE_AT,
    PARTICLE_AFTER,
    SCARE_QUOTE,
    SCARE_QUOTE_END,
    SENTENCE_APPOSITIVE,
    SOURCE_BREAK,
    SUBORDINATE,
    VALUED_AT,
    WITH_SUBJECT,
    reports_what_went_before,
)
from bot.extract.claim_subjects import (
    AUTHORED_DOCUMENT,
    NAMED_SUBJECT,
    NOT_SUBJECT_START,
    PARTICIPLES,
    PERSON,
    PROGRESSIVE,
    REPORT_VERB,
    SENTENCE_END,
    SHOWING,
    SURVEYED_AND,
    bodies_named,
    named_after,
    noun_use,
    sentence_subject,
    shares_subject,
    verb_subject,
)
from bot.extract.claim_verbs import alternation, forms
from bot.extract.claimant_names import clean_subject, ends_in_a_source, one_member_after
from bot.extract.figure_in_quote import inside_quotes
from bot.extract.gender import given_names
from bot.extract.lexicon import SPEECH_CUES, common_words
from bot.extract.writer_ages import writers_age
from bot.model import Quote, Sentence

# Verbs that credit a figure only to a document or data ("the report suggests", "figures
# show"), never to whoever "shows" or "finds" something ("Wales showed", "Other found").
_FINDING_VERBS = forms("finding")
_VALUING_VERBS = forms("valuing")
_FINDING_SOURCE = re.compile(
    r"\b(?:reports?|study|studies|surveys?|polls?|figures|data|research|statistics|results"
    r"|disclosures?|disclosure\s+forms?|filings?|documents?"
    r"|analysis|census|review|audit|index|findings|estimates|forecasts?|research(?:ers)?"
    r"|records|accounts|tests?)\b",
    re.IGNORECASE,
)

# A document's description after its noun: "a registration document filed with the SEC"
_FILED_WITH = re.compile(r"\s+(?:" + alternation("handled") + r")\s+(?:with|to|by)\b.*$")

_AUTHORED_BY = re.compile(r"^.*\b(?:" + alternation("authored") + r")\s+by\s+")

# "It is expecting growth of 1% to 3%": expecting a figure asserts it, like estimating it
_PRONOUN_SAID = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s+(?:\w+\s+){0,2}?(?:" + alternation("pronoun") + r")\b"
)
# "It said data from tribunals suggested 1,500": "it" reports what its source shows
_IT_OPENS = re.compile(r"\s*It\s+(?:\w+\s+){0,2}?(?:" + alternation("pronoun") + r")\b")
# "..., it said." after the figure: a body named as a source just before
_IT_SAID = re.compile(r"[,;]\s+it\s+(?:" + alternation("it") + r")\b")
# telling a story or writing a work reports no claim: "tells the story of Torak, a
# 12-year-old", "wrote the screenplay based on his book"
_TELLING = frozenset("tell tells told telling write writes wrote written writing".split())
_WORK_OBJECT = re.compile(
    r"\s+(?:the|a|an|his|her|its|their)\s+(?:[a-z\-]+\s+){0,2}?[a-z\-]+\s+(?:of|about|based)\b"
)
# "..., she explains." closing the sentence after the figure
_HE_SAID_END = re.compile(r"[,;]\s+(?:he|she)\s+([a-z]+)\s*[.!?]?\s*$")
_BODY = re.compile(
    r"^The\s+[A-Z]|^[A-Z]{2,}\b|^[A-Z][\w&\-]*$"
    r"|\b(?:Union|Council|Commission|Bank|Office|Ministry|Department|Agency|Organisation"
    r"|Organization|Association|Institute|Fund|Group|Board|Authority)\b"
)

# "the 1,200 initially reported by police", "$204m announced by rival Google"
_BY_AFTER = re.compile(
    r"[\d.,]*[^,;:.()]{0,30}?\b(?:initially|originally|first|previously|earlier|officially)?\s*"
    r"(?:" + alternation("by") + r")\s+by\s+(?P<x>[^,.;:()“”\"]{2,60})",
    re.IGNORECASE,
)

# "..., activists and lawyers estimated.": two sources named together after the figure
_COORDINATED = re.compile(r"[,;]\s+(?P<y>(?:the\s+)?[a-z][a-z\-]+)\s+and\s+$")

_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|which|that|who)\s+)(?:he|she)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


# a knight or dame named by the first name, as news does after the full name: "Sir Alan"
_KNIGHT = re.compile(r"(?:Sir|Dame)\s+[A-Z][\w'’\-]+")

# a source only described, not named: "the industry", "analysts", "data from tribunals"
_DESCRIBED = re.compile(r"(?:[Tt]he\s+)?[a-z]")


def _named_person(subject: str) -> bool:
    """A person by name ("Mr Yushchenko", "Viktor Yushchenko"): one who suggests or estimates
    a figure gives it, as one who says it does."""
    words = subject.split()
    return bool(PERSON.fullmatch(subject)) or (
        2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[0] in given_names()
    )


class Claimants:
    """Who gave each figure: a quote's speaker, "according to X", or the subject of "X said"."""

    def __init__(self, text: str, sentences: list[Sentence], quotes: list[Quote]) -> None:
        self.text = text
        self.sentences = sentences
        # Indirect quotes are re-derived here with stricter subject rules; direct ones are trusted.
        self.quotes = sorted(
            (q for q in quotes if q.speaker and q.kind in ("direct", "partial")),
            key=lambda q: q.start,
        )
        # An indirect quote's speaker, with he/she/it resolved by the quotes' reader, names
        # the source of a figure in "He said ..." when this module's own rules find only a
        # pronoun.
        self.indirect = sorted(
            (
                q
                for q in quotes
                if q.speaker and q.kind == "indirect" and (q.cue or "").lower() in SPEECH_CUES
            ),
            key=lambda q: q.start,
        )
        self.cache: dict[int, list[tuple[int, str, bool]]] = {}

    def claimant(self, pos: int, si: int, age: bool = False) -> str | None:
        """The person or body credited with the figure at pos in sentence si, else None; a
        body written as a description ("The world's second biggest insurer said") is printed
        by the name the sentences before give it. `age`: the figure is a person's age."""
        found = self._claimant(pos, si, age)
        named = referent_of(self.text, pos, found)
        if named is not None:
            return named  # "the firm said", with "security firm MessageLabs" named before
        if found is not None and _KNIGHT.fullmatch(found):
            full = re.search(re.escape(found) + r"\s+([A-Z][\w'’\-]+)\b", self.text)
            return f"{found} {full.group(1)}" if full else found  # "Sir Alan": Sir Alan Budd
        if found is None or not DESCRIBED_BODY.fullmatch(found):
            return found
        s = self.sentences[si].text
        at = s.find(found)
        apposed = NAME_BEFORE_COMMA.search(s, 0, at) if at > 0 else None
        if apposed is not None:
            return clean_subject(apposed.group(1))  # "Hanover Re, Europe's fifth-largest ..."
        named = self._source_before(si)
        if named is not None:
            return named  # "according to Swiss Re. The world's second biggest insurer said"
        return None if EPITHET.search(found) else found  # "the firm" stays, an epithet does not

    def _source_before(self, si: int) -> str | None:
        """The body named as a source (a reporting verb's subject, "according to X") nearest
        before sentence si, in the two sentences before it; never a person or a description."""
        for j in range(si - 1, max(-1, si - 3), -1):
            s = self.sentences[j].text
            found = [(p, x) for p, x, _ in self._verbs(j)]
            m = ACCORDING.search(s)
            if m:
                found.append((m.start(), clean_subject(m.group("x")) or ""))
            for _, x in sorted(found, reverse=True):
                words = re.sub(r"^[Tt]he\s+", "", x).split()
                if words and words[0][0].isupper() and not PERSON.match(x):
                    return x if words[0] not in given_names() else None
        return None

    def _claimant(self, pos: int, si: int, age: bool = False) -> str | None:
        if si < 0:
            return None
        sent = self.sentences[si]
        rel = pos - sent.start
        inside = inside_quotes(self.text, sent, rel)
        if inside:
            # a quote's speaker, when the figure really sits between quote marks
            for q in self.quotes:
                if q.start <= pos < q.end:
                    return q.speaker
                if q.start > pos:
                    break
        if writers_age(sent.text, rel, age):
            return None  # "the 27-year-old Spaniard", "Robert Jackson, 58, MP for Wantage"
        m = _BY_AFTER.match(sent.text, rel)
        if m:
            found = clean_subject(m.group("x"))
            if found:
                return found  # "the 1,200 initially reported by police"
        found = plan_owner(self.text, self.sentences, si, rel)
        if found:
            return found  # "Chancellor Gordon Brown's forecast", "Tory plans to cut £35bn"

        found = self._in_sentence(si, rel)
        if found:
            return found
        if inside:
            if SCARE_QUOTE.search(sent.text, 0, rel) and SCARE_QUOTE_END.match(sent.text, rel):
                return None  # 'at between "two and three times" the value': the writer's words
            member = one_member_after(sent.text, rel)
            if member is not None:
                return member  # '"... tens of millions of dollars," said one Republican'
            return self._paragraph_speaker(si)
        said = _PRONOUN_SAID.search(sent.text, 0, rel)
        if said:
            found = self._indirect_speaker(pos)  # "He said the CPI would rise 0.1%"
            if found is None and said.group(0)[:2].lower() == "it":
                # "It said it would double ... to 20,000"
                found = (
                    self._body_before(si)
                    or self._named_subject_before(si)
                    or self._salient_body(si)
                )
            return found
        said_after = _HE_SAID_END.search(sent.text, rel)
        if said_after and said_after.group(1).lower() in SPEECH_CUES:
            # "... to allow 100% foreign ownership, she explains.": the person she is
            return self._named_just_before(si, self._indirect_speaker(pos))
        if _IT_SAID.search(sent.text, rel):
            # "... rose by more than 800%, it said."
            return self._body_before(si) or self._named_subject_before(si) or self._salient_body(si)
        return None

    def _named_just_before(self, si: int, who: str | None) -> str | None:
        """who, when the two sentences before si name them (the quotes' he/she, checked)."""
        if who is None:
            return None
        near = " ".join(self.sentences[j].text for j in range(max(0, si - 2), si))
        return who if re.search(r"\b" + re.escape(who.split()[-1]) + r"\b", near) else None

    def _salient_body(self, si: int) -> str | None:
        """The organisation the article is about at sentence si, for "it" or "the firm": of
        the bodies named so far (sentence subjects that are no person, and acronyms), the one
        named most often, when it is named in the last few sentences and no other body is
        named as often; else None."""
        counts: dict[str, int] = {}
        for j in range(si + 1):
            for name, subject in bodies_named(self.sentences[j].text):
                counts[name] = max(counts.get(name, 0), int(subject))
        if not counts:
            return None
        upto = self.sentences[si].end
        for name in counts:  # mentions, and one more for a body that opened a sentence
            counts[name] += len(re.findall(r"\b" + re.escape(name) + r"\b", self.text[:upto]))
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        best, n = ranked[0]
        if n == 0 or (len(ranked) > 1 and ranked[1][1] == n):
            return None
        recent = " ".join(self.sentences[j].text for j in range(max(0, si - 3), si + 1))
        if not re.search(r"\b" + re.escape(best) + r"\b", recent):
            return None
        for j in range(max(0, si - 3), si):
            if any(not GENERIC_BODY.fullmatch(x) for _, x, _ in self._verbs(j)):
                return None  # "accountancy firm Ernst & Young said ... It claimed": a nearer source
        before = self.sentences[si - 1].text if si > 0 else ""
        nominal = NOMINAL_OPENING.match(before)
        if nominal and not GENERIC_BODY.match(nominal.group(1)):
            return None  # "The committee reached ... It warned": the committee, no name
        return best

    def _named_subject_before(self, si: int) -> str | None:
        """The organisation named as the subject of the sentence right before si, for the
        "It" that opens si: "Borussia Dortmund also will get loans. It estimated ..."."""
        if si < 1:
            return None
        prev = self.sentences[si - 1].text
        m = NAMED_SUBJECT.search(prev)
        if m is None or PERSON.search(m.group("x")):
            return None
        name = m.group("x")
        first = name.split()[0]
        if first in given_names() or first.lower() in NOT_SUBJECT_START:
            return None  # a person's name: "It" is not a person
        if len(name.split()) == 1 and first.lower() in common_words():
            return None  # "Shares dropped": a common noun, no name
        return clean_subject(name)

    def _body_before(self, si: int) -> str | None:
        """The body (not a person) that last reported something in the three sentences before
        si, for an "it said" after a figure: "The European Union estimates ... it said"."""
        for j in range(si - 1, max(-1, si - 4), -1):
            verbs = self._verbs(j)
            if verbs:
                subj = verbs[-1][1]
                return subj if _BODY.search(subj) and not PERSON.search(subj) else None
        return None

    def _indirect_speaker(self, pos: int) -> str | None:
        """The resolved speaker of an indirect quote holding pos ("He said the CPI would
        rise 0.1%" -> the person he is), when it is a printable name."""
        for q in self.indirect:
            if q.start > pos:
                break
            if pos < q.end and q.speaker:
                return clean_subject(q.speaker)
        return None

    def _verbs(self, si: int) -> list[tuple[int, str, bool]]:
        """(offset, subject, covers what follows) of the reporting verbs of a sentence, with a
        named subject.

        A pronoun subject ("he said") is the person last named in the sentences before. An
        inverted one ("5%, said Mr Burke") covers what follows only through "that": in
        "said Hynde, 53," or "said Hanks, who plays five roles" the figure is the writer's.
        """
        if si in self.cache:
            return self.cache[si]
        s = self.sentences[si].text
        out: list[tuple[int, str, bool]] = []
        for m in REPORT_VERB.finditer(s):
            if noun_use(s, m):
                continue  # "estimates from the World Bank put": the document, not a verb
            if PARTICLE_AFTER.match(s, m.end()) or (
                m.group(0) in ("added", "adds")
                and FIGURE_OBJECT.match(s, m.end())
                and not CLAUSE_VERB_AFTER.match(s, m.end())
            ):
                continue  # "added up to 22,201bn yen", "US firms added 146,000 jobs": no speech
            if _WORK_OBJECT.match(s, m.end()) and m.group(0).lower() in _TELLING:
                continue  # "Wolf Brother tells the story of", "Adams wrote the screenplay based on"
            verb_at = m.start()
            if m.group(0) in SHOWING:
                authored = AUTHORED_DOCUMENT.search(s, 0, m.start())
                subj = verb_subject(s, authored.start()) if authored else None
                if subj:  # "Goldman Sachs produced research showing": Goldman Sachs
                    out.append((m.start(), subj, True))
                continue  # "new figures showing", "a poll suggesting": whose is not said
            if m.group(0) in PROGRESSIVE:
                aux = AUX_BEFORE.search(s, 0, m.start())
                if aux is None:
                    continue  # "a forecasting model": no verb
                verb_at = aux.start()  # "TimeWarner is projecting": the subject before "is"
            elif m.group(0) in PARTICIPLES and not s[: m.start()].rstrip().endswith(","):
                with_subject = WITH_SUBJECT.search(s, 0, m.start())
                if with_subject is not None:  # "with analysts saying sales of $600m ..."
                    out.append((m.start(), with_subject.group("x"), True))
                continue  # "after a government warning about": a noun, no verb
            inverted_first = (
                m.group(0) not in LISTENER_VERBS
                and COMMA_BEFORE.search(s, 0, m.start())
                and named_after(s, m.start())
            )
            if inverted_first:  # "..., France and Spain, said the report": the report
                out.append((m.start(), *inverted_first))
                continue
            subj = verb_subject(s, verb_at)
            if (
                subj
                and m.group(0) in _FINDING_VERBS
                and not _FINDING_SOURCE.search(subj)
                and not DOCUMENT_BY.search(s, 0, m.start())
                and not DOCUMENT_AUTHORED.search(s, 0, m.start())
                and not OWNED_DATA_BEFORE.search(s, 0, m.start())
                and not SURVEYED_AND.search(s[: m.start()].rstrip(" ,"))
                and not (m.group(0) in _VALUING_VERBS and VALUED_AT.match(s, m.end()))
                and not (m.group(0) in SPEECH_CUES and _named_person(subj))
                and not (
                    m.group(0) in FINDS and named_body(subj) and finds_a_figure(s, m.end())
                )  # "The SEC also found that"
            ):
                continue  # "Wales showed", "the figures suggested"; not "Mr Yushchenko suggested"
            if subj is None and m.group(0) in _FINDING_VERBS and m.group(0) not in SPEECH_CUES:
                continue  # "He put it up on the net" (not "He suggested"): documents only
            if subj is None and _PRONOUN_SUBJECT.search(s, 0, m.start()):
                # "He said the singer had ...": the quotes' reading of he, else the last person
                subj = self._reported_by(si, m.end()) or self._person_before(si)
            if subj is None and not out and shares_subject(s, m):
                subj = sentence_subject(s)  # "Microsoft has indexed ... and claims to"
            if subj:
                out.append((m.start(), subj, True))
            elif m.group(0) not in LISTENER_VERBS and INVERTED_BEFORE.search(s, 0, m.start()):
                inverted = named_after(s, m.start())
                if inverted is not None:
                    out.append((m.start(), *inverted))
        self.cache[si] = out
        return out

    def _reported_by(self, si: int, verb_end: int) -> str | None:
        """The speaker the quotes' reader resolved for the indirect quote a pronoun's verb
        opens (its he/she resolution reads the paragraph, not only the last titled name)."""
        at = self.sentences[si].start + verb_end
        for q in self.indirect:
            if q.start > at + 12:
                break
            if q.start >= at and q.speaker:
                return clean_subject(q.speaker)
        return None

    def _person_before(self, si: int) -> str | None:
        """The person last named in the few sentences before si ("Mr Kennedy ... He insists")."""
        for j in range(si - 1, max(-1, si - 4), -1):
            s = self.sentences[j].text
            names = PERSON.findall(s)
            if names:
                return names[-1]
        return None

    def _in_sentence(self, si: int, rel: int) -> str | None:
        s = self.sentences[si].text
        verbs = self._verbs(si)
        for p, x, _ in verbs:
            at = s.rfind(x, 0, p)
            if p > rel and at > rel and ONE_FIGURE.fullmatch(s, rel, at):
                return x  # "the £100m analysts had expected": the relative clause's subject
        before = [(p, x) for p, x, covers in verbs if p < rel and covers]
        m = ACCORDING.search(s)
        if (
            before
            and not (m and NEXT_TO_FIGURE.fullmatch(s, rel, m.start()))
            and not SENTENCE_APPOSITIVE.search(s, before[-1][0], rel)
            and not OWN_CLAUSE.search(s, before[-1][0], rel)
        ):
            found = self._reporter(s, before)  # unless "... 230 according to recent figures"
            if _DESCRIBED.match(found) and _FINDING_SOURCE.search(found) and _IT_OPENS.match(s):
                # "It said data from employment tribunals suggested 1,500": the body "it" is
                return self._source_before(si) or found
            return found
        if m:
            # "a registration document filed with the SEC", "documents seen by the BBC": the
            # document; "a report published by the IMF": its author
            x = _AUTHORED_BY.sub("", _FILED_WITH.sub("", m.group("x")))
            if ITS_DOCUMENT.fullmatch(x):
                return self._source_before(si)  # "according to their figures": the body before
            return clean_subject(x) or referent_of(self.text, self.sentences[si].start, x)
        after = [
            (p, x)
            for p, x, _ in verbs
            if p > rel and not PARTICIPLE_AT.match(s, p) and not OPENS_QUOTE.match(s, p)
        ]  # "Referring to ... 11 of the 12 main awards ..., Bellamy said: ...": what follows
        if after:
            p, x = after[0]
            between = s[rel:p]
            subject_at = s.rfind(x, 0, p)
            if subject_at < 0:  # inverted: "Sales rose 5%, said Mr Burke"
                subject_at = s.find(x, p)
            both = _COORDINATED.search(s, rel, max(rel, subject_at))
            if both and ends_in_a_source(both.group("y").split()[-1]):
                # "..., activists and lawyers estimated": the pair, not a clause "and"
                x, subject_at = f"{both.group('y')} and {x}", both.start("y")
            if (
                not SOURCE_BREAK.search(between)
                and not SUBORDINATE.search(s[rel:subject_at])  # "... in almost three months
                # after the Federal Reserve head said ...": the figure is the writer's
                and not re.search(
                    r"\band\s+$", s[rel:subject_at]
                )  # "... worldwide and analysts say"
                and not SENTENCE_END.search(between)
                and subject_at > rel
                and (
                    ONE_FIGURE.fullmatch(s, rel, subject_at)  # "the $27bn Russia says Yukos owes"
                    or reports_what_went_before(s, p, subject_at, x)
                )
                and not (
                    FIGURE_BEFORE.search(s, 0, subject_at)
                    and not ONE_FIGURE.fullmatch(s, rel, subject_at)
                )  # "the $27bn Russia says", "the $3.8bn that analysts had predicted": only
                # the figure right before the name
            ):
                return x
        return None

    @staticmethod
    def _reporter(s: str, before: list[tuple[int, str]]) -> str:
        """The source of a figure after several reporting verbs: the nearest one's subject,
        unless that is only described ("the industry", "analysts") and sits in what a named
        speaker said: "Mr Cartagena said the industry expects ... $10bn" is Mr Cartagena's."""
        p, x = before[-1]
        if not _DESCRIBED.match(x):
            return x
        for q, y in reversed(before[:-1]):
            verb = s[q:].split(maxsplit=1)[0].lower()
            if (
                verb in SPEECH_CUES
                and not _DESCRIBED.match(y)
                and _named_person(y)
                and not re.search(r"[.;:!?\"“”]", s[q:p])
            ):
                return y
        return x

    def _paragraph_speaker(self, si: int) -> str | None:
        para = self.sentences[si].paragraph
        order = sorted(
            (
                j
                for j in range(max(0, si - 4), min(len(self.sentences), si + 4))
                if self.sentences[j].paragraph == para
            ),
            key=lambda j: abs(j - si),
        )
        for j in order:
            s = self.sentences[j].text
            for p, subj, _ in self._verbs(j):
                if not inside_quotes(self.text, self.sentences[j], p):
                    return subj
            del s
        return None
