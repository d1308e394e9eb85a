"""Who gave a figure: a quote's speaker, "according to X", "reported by X", or the subject of "X said"."""

from __future__ import annotations

import re

from bot.extract.attribution import subject_after, tokens
from bot.extract.figure_cand import NOUN_STOP
from bot.extract.gender import given_names
from bot.extract.lexicon import NOMINAL_HEADS, SPEECH_CUES, TITLES, common_words
from bot.model import Quote, Sentence

# The verbs that credit a figure: the quotes' speech verbs in their finite forms (lexicon),
# the finding verbs of documents and data ("the report suggests", "figures show"), and the
# verbs of counting that only figures take ("assessed", "calculated", "projected").
_FIGURE_ONLY_VERBS = frozenset(
    """assessed counted calculated forecast projected cited believes expects expected
    show shows showed found finds expect estimate believe reckon reckons""".split()
)
# Progressive forms credit their subject ("TimeWarner is projecting growth of around 5%",
# "It is predicting a 2% fall"); read only after is/are/was/were, never as a participle.
_PROGRESSIVE = frozenset("""projecting predicting forecasting estimating expecting""".split())
# Speech verbs that do not assert what follows ("both candidates pledged to bring the $422bn
# deficit under control", "Douglas continued his progress"): promises, requests, denials,
# and forms news mostly uses otherwise ("reports say", "conceded six goals", "the alleged
# spammers", "maintained its lead").
_NOT_ASSERTING = frozenset(
    """pledged pledges promised promises promise vowed vows urged urges asked asks denied denies
    deny continued charged posted shouted yelled wondered wonders joked quipped mused
    complained complains lamented laments boasted replied replies responded responds
    countered counters recalled recalls reports conceded concedes alleged alleges maintained
    maintains cautioned cautions""".split()
)
# A participle after a comma reports for the sentence's subject: "Mr Balls rejected the
# allegation ..., saying he was ..." (only these; "continuing", "asking" assert nothing)
_PARTICIPLES = frozenset(
    """saying adding claiming estimating predicting warning insisting arguing explaining
    noting stating""".split()
)
_CLAIM_VERBS = (
    (frozenset(w for w in SPEECH_CUES if not w.endswith("ing")) - _NOT_ASSERTING)
    | _FIGURE_ONLY_VERBS
    | _PARTICIPLES
    | _PROGRESSIVE
)
_REPORT_VERB = re.compile(r"\b(?:" + "|".join(sorted(_CLAIM_VERBS, key=len, reverse=True)) + r")\b")
# Verbs that credit a figure only to a document or data ("the report suggests", "figures
# show"), never to whoever "shows" or "finds" something ("Wales showed", "Other found").
_FINDING_VERBS = frozenset(
    "suggests suggested suggest shows showed show found finds indicates indicated".split()
)
_FINDING_SOURCE = re.compile(
    r"\b(?:reports?|study|studies|surveys?|polls?|figures|data|research|statistics|results"
    r"|analysis|census|review|audit|index|findings|estimates|forecasts?|research(?:ers)?"
    r"|records|accounts|tests?)\b",
    re.IGNORECASE,
)

_ACCORDING = re.compile(
    r"\baccording to\s+(?P<x>[^,.;:()“”\"\d]{2,80}?)(?=\s*(?:[,.;:()“”\"\d]|$))", re.IGNORECASE
)

# A document's description after its noun: "a registration document filed with the SEC"
_FILED_WITH = re.compile(
    r"\s+(?:filed|submitted|sent|presented|lodged|seen|obtained|leaked|given)\s+(?:with|to|by)\b.*$"
)

_AUTHORED_BY = re.compile(
    r"^.*\b(?:published|released|compiled|commissioned|produced|conducted|written|issued"
    r"|carried\s+out|drawn\s+up)\s+by\s+"
)

_BOUNDARY = re.compile(
    r"[,;:“”\"()\[\]—–]|\b(?:but|and|that|while|whereas|as|which|who|because|after|when|if)\s", re.I
)

# "Chancellor Gordon Brown's forecast of 3% to 3.5%": the possessor of a forecast or count
_POSSESSIVE_CLAIM = re.compile(
    r"(?P<x>[A-Z][\w.&\-]*(?:\s+(?:of\s+)?[A-Z][\w.&\-]*)*)['’]s\s+(?:own\s+|latest\s+|official\s+)?"
    r"(?:forecasts?|estimates?|predictions?|projections?|figures?|calculations?|count|data"
    r"|survey|poll|target)\s+(?:of\s+|at\s+|was\s+|is\s+|shows?\s+|showed\s+)?"
    r"(?:(?:about|around|some|nearly|almost|over|under|just|an?)\s+)?$"
)
# The owner of a plan, claim or pledge that holds the figure is who put it forward, whoever
# reports it: "Mr Blair derided Tory claims they could cut £35bn", "Tory plans to cut £22bn
# would hit schools, Labour said", "Labour's pledge of £1bn".
_OWNED_PLAN = re.compile(
    r"(?<![\w'’])(?P<x>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3})(?:['’]s?)?\s+"
    r"(?:(?:own|latest|new|rival|spending|tax|election)\s+)?"
    r"(?:plans?|claims?|pledges?|proposals?|promises?|agenda)"
    r"(?:\s+(?:that|they|it|he|she|we|could|would|will|can|to|of|for|a|an|the|[a-z]+ed|[a-z]+))"
    r"{0,5}\s+[^\s\w]{0,3}$"
)
# "Labour's £22bn spending plans", "the Tories' £35bn of cuts": the owner's own figure
_OWNER_BEFORE = re.compile(
    r"(?<![\w'’])(?P<x>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3})['’]s?\s+[^\s\w]{0,3}$"
)
_PLAN_AFTER = re.compile(
    r"[\d.,]+\s*(?:bn|m|k|million|billion|trillion)?\s+(?:of\s+)?(?:[a-z\-]+\s+){0,2}"
    r"(?:plans?|pledges?|proposals?|promises?|programme|package|cuts|savings|tax\s+cuts)\b"
)
_NOT_OWNERS = frozenset("The A An This That These Those His Her Their Its Our My Your".split())
_CLAUSE_START = re.compile(r"(?:^|[,;:(“\"]|\b(?:and|but|or|that|while|as))\s*$")
_FINITE_AFTER = re.compile(
    r"[^,;:.]*?\b(?:would|will|could|can|is|are|was|were|has|have|had|may|might|must)\b"
)


def _plan_owner(s: str, m: re.Match[str], rel: int) -> bool:
    """Whether _OWNED_PLAN's match reads as a noun phrase owned by its name ("Tory plans to cut
    £35bn would hit schools", "derided Tory claims"), not a name doing the planning ("EA plans
    to release 20 games", "Nasdaq plans to raise $100m": the verb, left to the other rules)."""
    if m.group("x").split()[0] in _NOT_OWNERS or _ACCORDING.search(s):
        return False
    if re.match(r"['’]", s[m.end("x") : m.end("x") + 1]):
        return True  # "the Tories' claim that £35bn could be saved": a possessive
    if not _CLAUSE_START.search(s, 0, m.start()):
        return True  # "derided Tory claims", "said Tory plans": the object of a verb
    return _FINITE_AFTER.match(s, rel) is not None  # "Tory plans to cut £22bn would hit"


_EPITHET_AGE = re.compile(r"\d+-year-old\b|[a-z]+(?:-[a-z]+)?-year-old\b", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_AGE_APPOSITION = re.compile(r"\d{1,3}(?:,|\s+[-–—]\s)")
_NAME_COMMA = re.compile(r"[A-Z][\w'’\-]+,\s+$")
# "It is expecting growth of 1% to 3%": expecting a figure asserts it, like estimating it
_PRONOUN_SAID = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s+(?:\w+\s+){0,2}?(?:said|says|told|added|argued|warned"
    r"|insisted|claimed|explained|noted|estimated|predicted|expects|expected|expecting"
    r"|predicting|forecasting|projecting|estimating|forecasts|predicts|estimates)\b"
)
# "..., it said." after the figure: a body named as a source just before
_IT_SAID = re.compile(r"[,;]\s+it\s+(?:said|says|added|estimated|estimates|reported)\b")
_BODY = re.compile(
    r"^The\s+[A-Z]|^[A-Z]{2,}\b|^[A-Z][\w&\-]*$"
    r"|\b(?:Union|Council|Commission|Bank|Office|Ministry|Department|Agency|Organisation"
    r"|Organization|Association|Institute|Fund|Group|Board|Authority)\b"
)
_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)")
_POSSESSOR = re.compile(r"['’]s\s+$")
_OWNER_OF_DATA = re.compile(
    r"^([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3})['’]s\s+(?:own\s+|latest\s+|official\s+)?"
    r"(?:[a-z]+\s+)?(?:figures|data|survey|report|study|poll|statistics|estimates?|forecasts?)$"
)
_DASH_APPOSITIVE = re.compile(r"\s+[-–—]\s+[^-–—]{1,60}?\s+[-–—]\s*$")
# "Mr Blair derided Tory claims": a name, then a verb in the past - a clause, not a subject
_NAME_THEN_VERB = re.compile(r"[A-Z][\w'’\-]*\s+[a-z]{3,}ed\s")
_NOUN_VERBS = frozenset(
    """forecast forecasts estimate estimates claims reports report notes count estimated projected
    expected predicted""".split()
)

# "the 1,200 initially reported by police", "$204m announced by rival Google"
_BY_AFTER = re.compile(
    r"[\d.,]*[^,;:.()]{0,30}?\b(?:initially|originally|first|previously|earlier|officially)?\s*"
    r"(?:reported|estimated|given|announced|recorded|confirmed|counted|cited|forecast|predicted"
    r"|quoted|claimed|put|published|released|expected|anticipated|projected|calculated"
    r"|suggested)\s+by\s+(?P<x>[^,.;:()“”\"]{2,60})",
    re.IGNORECASE,
)

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z][a-z])")

_QUOTE_MARK = re.compile(r'["“”]')

_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|which|that|who)\s+)(?:he|she)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)

_PERSON = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Prof|President|Chancellor|Minister|Secretary|Governor"
    r"|Professor|Chairman|Senator)\.?\s+[A-Z][\w'’\-]+"
    r"(?:\s+[A-Z][\w'’\-]+)?"
)

_PASSIVE = re.compile(
    r"\b(?:was|were|been|be|is|are|being)\s+(?:(?:now|also|still|widely|\w+ly)\s+)?$"
    r"|\b(?:an?|the|its|their|his|her|initial)\s+$",  # "has an estimated 30%": no verb
    re.IGNORECASE,
)

_SUBJECT_TRIM = re.compile(
    r"(?:\s+(?:recently|also|now|then|later|earlier|previously|again|reportedly|initially|"
    r"separately|last\s+\w+|on\s+\w+day|(?-i:[a-z]\w*ly)|has|have|had|would|will|has\s+been|had\s+been))+$",
    re.IGNORECASE,
)

_LEAD_TRIM = re.compile(
    r"^(?:(?:but|and|so|yet|however|meanwhile|separately|instead|now|also|still)\s+"
    r"|(?:earlier|later)\s+(?:this|last)\s+(?:week|month|year)\s+"  # "Earlier this month the firm"
    r"|(?:last|this)\s+(?:week|month|year|weekend)\s+(?=the\s|[A-Z]))+",
    re.IGNORECASE,
)

_PRONOUN = frozenset("he she they it we i you this that who which".split())

_TITLE_WORDS = re.compile(
    r"\b(?:officials?|ministry|spokes(?:man|woman|person)|commander|general|police|authorities|"
    r"agency|military|army|analysts?|experts?|government|report|statement|data|figures|governor|"
    r"president|minister|chief|head|mayor|leadership|sources?|officers?|service|institute|"
    r"researchers|scientists|company|firm|bank|administrators?|regulator|watchdog|council|"
    r"committee|commission|union|association|survey|study|poll|organi[sz]ers|court|group)\b",
    re.IGNORECASE,
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

    def claimant(self, pos: int, si: int) -> str | None:
        """The person or body credited with the figure at pos in sentence si, else None."""
        if si < 0:
            return None
        sent = self.sentences[si]
        rel = pos - sent.start
        inside = self._inside_quotes(sent, rel)
        if inside:
            # a quote's speaker, when the figure really sits between quote marks
            for q in self.quotes:
                if q.start <= pos < q.end:
                    return q.speaker
                if q.start > pos:
                    break
        if _EPITHET_AGE.match(sent.text, rel) and _DEFINITE_BEFORE.search(sent.text, 0, rel):
            return None  # "the 27-year-old Spaniard": the writer's description, no one's claim
        if _AGE_APPOSITION.match(sent.text, rel) and _NAME_COMMA.search(sent.text, 0, rel):
            return None  # "Robert Jackson, 58, MP for Wantage, said": the writer's, too
        m = _BY_AFTER.match(sent.text, rel)
        if m:
            found = _clean_subject(m.group("x"))
            if found:
                return found  # "the 1,200 initially reported by police"
        m = _POSSESSIVE_CLAIM.search(sent.text, max(0, rel - 120), rel)
        if m:
            found = _clean_subject(m.group("x"))
            if found:
                return found  # "Chancellor Gordon Brown's forecast of 3% to 3.5%"
        m = _OWNER_BEFORE.search(sent.text, max(0, rel - 60), rel)
        if m and _PLAN_AFTER.match(sent.text, rel) and m.group("x").split()[0] not in _NOT_OWNERS:
            found = _clean_subject(m.group("x"))
            if found:
                return found  # "the Tories said Labour's £22bn tax plans ...": Labour's figure
        m = _OWNED_PLAN.search(sent.text, max(0, rel - 100), rel)
        if m and _plan_owner(sent.text, m, rel):
            found = _clean_subject(m.group("x"))
            if found:
                return found  # "Tory plans to cut £35bn", "Labour's pledge of £1bn"
        found = self._in_sentence(si, rel)
        if found:
            return found
        if inside:
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
        if _IT_SAID.search(sent.text, rel):
            # "... rose by more than 800%, it said."
            return self._body_before(si) or self._named_subject_before(si) or self._salient_body(si)
        return None

    def _salient_body(self, si: int) -> str | None:
        """The organisation the article is about at sentence si, for "it" or "the firm": of
        the bodies named so far (sentence subjects that are no person, and acronyms), the one
        named most often, when it is named in the last few sentences and no other body is
        named as often; else None."""
        counts: dict[str, int] = {}
        for j in range(si + 1):
            for name, subject in _bodies_named(self.sentences[j].text):
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
            if any(not _GENERIC_BODY.fullmatch(x) for _, x, _ in self._verbs(j)):
                return None  # "accountancy firm Ernst & Young said ... It claimed": a nearer source
        before = self.sentences[si - 1].text if si > 0 else ""
        nominal = _NOMINAL_OPENING.match(before)
        if nominal and not _GENERIC_BODY.match(nominal.group(1)):
            return None  # "The committee reached ... It warned": the committee, no name
        return best

    def _named_subject_before(self, si: int) -> str | None:
        """The organisation named as the subject of the sentence right before si, for the
        "It" that opens si: "Borussia Dortmund also will get loans. It estimated ..."."""
        if si < 1:
            return None
        prev = self.sentences[si - 1].text
        m = _NAMED_SUBJECT.search(prev)
        if m is None or _PERSON.search(m.group("x")):
            return None
        name = m.group("x")
        first = name.split()[0]
        if first in given_names() or first.lower() in _NOT_SUBJECT_START:
            return None  # a person's name: "It" is not a person
        if len(name.split()) == 1 and first.lower() in common_words():
            return None  # "Shares dropped": a common noun, no name
        return _clean_subject(name)

    def _body_before(self, si: int) -> str | None:
        """The body (not a person) that last reported something in the three sentences before
        si, for an "it said" after a figure: "The European Union estimates ... it said"."""
        for j in range(si - 1, max(-1, si - 4), -1):
            verbs = self._verbs(j)
            if verbs:
                subj = verbs[-1][1]
                return subj if _BODY.search(subj) and not _PERSON.search(subj) else None
        return None

    def _indirect_speaker(self, pos: int) -> str | None:
        """The resolved speaker of an indirect quote holding pos ("He said the CPI would
        rise 0.1%" -> the person he is), when it is a printable name."""
        for q in self.indirect:
            if q.start > pos:
                break
            if pos < q.end and q.speaker:
                return _clean_subject(q.speaker)
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
        for m in _REPORT_VERB.finditer(s):
            if _PARTICLE_AFTER.match(s, m.end()) or (
                m.group(0) in ("added", "adds")
                and _FIGURE_OBJECT.match(s, m.end())
                and not _CLAUSE_VERB_AFTER.match(s, m.end())
            ):
                continue  # "added up to 22,201bn yen", "US firms added 146,000 jobs": no speech
            verb_at = m.start()
            if m.group(0) in _PROGRESSIVE:
                aux = _AUX_BEFORE.search(s, 0, m.start())
                if aux is None:
                    continue  # "a forecasting model": no verb
                verb_at = aux.start()  # "TimeWarner is projecting": the subject before "is"
            elif m.group(0) in _PARTICIPLES and not s[: m.start()].rstrip().endswith(","):
                with_subject = _WITH_SUBJECT.search(s, 0, m.start())
                if with_subject is not None:  # "with analysts saying sales of $600m ..."
                    out.append((m.start(), with_subject.group("x"), True))
                continue  # "after a government warning about": a noun, no verb
            inverted_first = (
                m.group(0) not in _LISTENER_VERBS
                and _COMMA_BEFORE.search(s, 0, m.start())
                and _named_after(s, m.start())
            )
            if inverted_first:  # "..., France and Spain, said the report": the report
                out.append((m.start(), *inverted_first))
                continue
            subj = _subject(s, verb_at)
            if (
                subj
                and m.group(0) in _FINDING_VERBS
                and not _FINDING_SOURCE.search(subj)
                and not _DOCUMENT_BY.search(s, 0, m.start())
                and not _OWNED_DATA_BEFORE.search(s, 0, m.start())
                and not _SURVEYED_AND.search(s[: m.start()].rstrip(" ,"))
            ):
                continue
            if subj is None and _PRONOUN_SUBJECT.search(s, 0, m.start()):
                subj = self._person_before(si)
            if subj is None and not out and _shares_subject(s, m):
                subj = _sentence_subject(s)  # "Microsoft has indexed ... and claims to"
            if subj:
                out.append((m.start(), subj, True))
            elif m.group(0) not in _LISTENER_VERBS and _INVERTED_BEFORE.search(s, 0, m.start()):
                inverted = _named_after(s, m.start())
                if inverted is not None:
                    out.append((m.start(), *inverted))
        self.cache[si] = out
        return out

    def _person_before(self, si: int) -> str | None:
        """The person last named in the few sentences before si ("Mr Kennedy ... He insists")."""
        for j in range(si - 1, max(-1, si - 4), -1):
            s = self.sentences[j].text
            names = _PERSON.findall(s)
            if names:
                return names[-1]
        return None

    def _in_sentence(self, si: int, rel: int) -> str | None:
        s = self.sentences[si].text
        verbs = self._verbs(si)
        before = [(p, x) for p, x, covers in verbs if p < rel and covers]
        if before:
            return before[-1][1]
        m = _ACCORDING.search(s)
        if m:
            # "a registration document filed with the SEC", "documents seen by the BBC": the
            # document; "a report published by the IMF": its author
            x = _AUTHORED_BY.sub("", _FILED_WITH.sub("", m.group("x")))
            return _clean_subject(x)
        after = [
            (p, x)
            for p, x, _ in verbs
            if p > rel and not _PARTICIPLE_AT.match(s, p) and not _OPENS_QUOTE.match(s, p)
        ]  # "Referring to ... 11 of the 12 main awards ..., Bellamy said: ...": what follows
        if after:
            p, x = after[0]
            between = s[rel:p]
            subject_at = s.rfind(x, 0, p)
            if subject_at < 0:  # inverted: "Sales rose 5%, said Mr Burke"
                subject_at = s.find(x, p)
            if (
                not re.search(r";|\bbut\b", between)
                and not _SUBORDINATE.search(s[rel:subject_at])  # "... in almost three months
                # after the Federal Reserve head said ...": the figure is the writer's
                and not re.search(
                    r"\band\s+$", s[rel:subject_at]
                )  # "... worldwide and analysts say"
                and not _SENTENCE_END.search(between)
                and subject_at > rel
                and not (
                    _FIGURE_BEFORE.search(s, 0, subject_at)
                    and not _ONE_FIGURE.fullmatch(s, rel, subject_at)
                )  # "the $27bn Russia says", "the $3.8bn that analysts had predicted": only
                # the figure right before the name
            ):
                return x
        return None

    def _inside_quotes(self, sent: Sentence, rel: int) -> bool:
        """Whether the last quote mark before the figure in its paragraph opens a quote.

        Read from the mark's neighbours, not from counting: news paragraphs often close a
        quote opened in an earlier paragraph.
        """
        para_start = self.text.rfind("\n", 0, sent.start) + 1
        pos = sent.start + rel
        m = max(
            _QUOTE_MARK.finditer(self.text, para_start, pos), key=lambda x: x.start(), default=None
        )
        if m is None:
            return False
        mark = m.group(0)
        if mark in "“”":
            return mark == "“"
        before = self.text[m.start() - 1] if m.start() > para_start else " "
        after = self.text[m.end()] if m.end() < len(self.text) else " "
        return (before.isspace() or before in "([—–-") and not after.isspace()

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
                if not self._inside_quotes(self.sentences[j], p):
                    return subj
            del s
        return None


# "..., said Mr Burke, that ...", '"...," says John Smith': the verb before its subject
_INVERTED_BEFORE = re.compile(r"[,\"”]\s*$")
_COMMA_BEFORE = re.compile(r",\s*$")
_LISTENER_VERBS = frozenset({"told", "tells"})  # "43, told the Daily Telegraph": the listener
_SUBJECT_END = re.compile(r"\s*(?:[,.;:!?)(]|$)")
_DOCUMENT_AFTER = re.compile(
    r"\s+(?P<doc>(?:a|an|the)\s+(?:new\s+|recent\s+|latest\s+|government\s+|official\s+"
    r"|annual\s+|monthly\s+|quarterly\s+|weekly\s+)?(?:[A-Z][\w&'’\-]*\s+){0,2}"
    r"(?:study|report|survey|poll|analysis|review))"
    r"(?:\s+(?:by|from)\s+(?P<by>(?:the\s+)?[A-Z][\w&'’\-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&'’\-]*)*))?"
    r"(?=\s*[,.;]|\s*$)"
)
_THAT_AFTER = re.compile(r",?\s+that\b")


def _named_after(s: str, verb_pos: int) -> tuple[str, bool] | None:
    """The person or body named right after an inverted reporting verb (read as the quotes
    are), and whether the reported clause follows it ("said Mr Burke, that ...")."""
    toks = tokens(s)
    ci = next((i for i, tok in enumerate(toks) if tok.start == verb_pos), None)
    if ci is None:
        return None
    m = subject_after(toks, ci)
    if m is None or m.kind not in ("person", "name", "org") or not _SUBJECT_END.match(s, m.end):
        # "said the UK market had seen": a clause, no subject, unless a document follows
        doc = _DOCUMENT_AFTER.match(s, toks[ci].end)
        if doc is None:
            return None
        # "..., says a study", "..., says a report by the Halifax": the document, or its author
        return (_clean_subject(doc.group("by") or doc.group("doc")) or doc.group("doc"), False)
    name = _clean_subject(m.surface or m.name or "")
    return (name, bool(_THAT_AFTER.match(s, m.end))) if name else None


_AFTER_A_FIGURE = re.compile(r"\S*\d\S*\s+(?:(?:hundred|thousand|million|billion|trillion)\s+)?")
_FIGURE_BEFORE = re.compile(r"\d[\w.%]*\s+(?:(?:that|which)\s+)?$")
# One figure and nothing else, up to a relative "that": "$3.8bn that ", "£3.8 billion "
_ONE_FIGURE = re.compile(
    r"\S*\d[\d.,]*(?:\s+(?:hundred|thousand|million|billion|trillion))?[^\s\d]*"
    r"\s+(?:(?:that|which)\s+)?"
)
# "Halifax's own monthly figures ... suggest": the data the subject owns is the finding source
_OWNED_DATA_BEFORE = re.compile(
    r"['’]s\s+(?:own\s+|latest\s+|official\s+)?(?:[a-z]+\s+)?(?:figures|data|survey|report"
    r"|study|poll|statistics|estimates?|forecasts?)\b[^,;]{0,60}$"
)
_PREPOSITIONS = frozenset("in on at for with by from under over into".split())
# Words a subject never starts with: a verb or preposition means the cut took a fragment.
_NOT_SUBJECT_START = frozenset(
    """is are was were be been has have had will would could should may might can do does did
    to of in on at for with by from under over into than then that which""".split()
)


# A name, then its description between commas, then the verb: "EuroDisney, the European home
# of Mickey Mouse and friends, has said", "The club, which has posted losses, said"
_APPOSITIVE_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+)(?P<x>(?:The\s+)?[A-Z][\w&'’\-]*(?:\s+(?:of\s+)?[A-Z][\w&'’\-]*){0,4}"
    r"|[Tt]he\s+[a-z]+),\s+(?:the|a|an|which|who)\s+[^,;:()“”\"]{2,80},"
    r"(?:\s+(?:has|have|had|also|later|previously|now))?\s*$"
)


# A full name, then where the person is from or with, then the verb: "Mark Serwotka, from
# the Public and Commercial Services union said", "the BBC's Sarah Mukherjee, with the
# Beaufort Hunt in Badminton, Gloucestershire said", "Judith Moritz, in Melton Mowbray,
# said": the person said it, not the body or
# place of the affiliation (which a cut at "and" or at the last comma would give).
_AFFILIATED = re.compile(
    r"(?:^|(?<=\s))(?P<x>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3}),\s+(?:from|of|at|with|in)\s+"
    r"(?P<tail>[^;:()“”\"]{2,80}?),?\s*$"
)


def _affiliated_name(left: str) -> str | None:
    m = _AFFILIATED.search(left)
    if m is None or _REPORT_VERB.search(m.group("tail")):
        return None
    name = m.group("x")
    words = name.split()
    owner = max((i for i, w in enumerate(words) if re.search(r"['’]s$", w)), default=-1)
    if owner >= 0:  # "the BBC's Sarah Mukherjee": the reporter, not her employer
        if len(words) - owner - 1 < 2:
            return None
        name = " ".join(words[owner + 1 :])
    first = name.split()[0].lower()
    if first in _PREPOSITIONS or first in _NOT_SUBJECT_START or _LEAD_TRIM.match(name + " "):
        return None
    return _clean_subject(name)


# The subject that opens a sentence (after an opening phrase and comma): a name of capitalised
# words, then a verb
_NAMED_SUBJECT = re.compile(
    r"(?:^|^[^,;:]{0,80},\s+)(?P<x>(?:The\s+)?[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,3})"
    r"\s+(?:also\s+|still\s+|now\s+)?(?:will|would|has|had|have|is|was|are|were|said|says"
    r"|[a-z]{3,}ed|[a-z]{3,}s)\b"
)


# A reporting verb that shares the subject the sentence opened with: coordinated ("... and
# claims to update ...") or a participle after a comma (", saying he was ...")
_FIGURE_OBJECT = re.compile(
    r"\s+(?:(?:only|just|about|some|nearly|almost|another|a\s+further|an\s+extra|more\s+than)\s+)?"
    r"(?:[$£€¥]|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?:hundred|thousand"
    r"|million|billion)\b)"
)
_CLAUSE_VERB_AFTER = re.compile(
    r"[^,.;:]{0,40}?\b(?:was|were|is|are|would|will|could|had|has|have|might|may)\b"
)
_PARTICLE_AFTER = re.compile(r"\s+(?:up|down)\s+(?:to|from|by)\b")
# a subordinating conjunction right before the subject: its clause is about something else
_SUBORDINATE = re.compile(
    r"\b(?:after|before|when|because|since|although|though|while|until|unless|if|as)\s+$"
)
_OPENS_QUOTE = re.compile(r"[a-z]+\s*:")  # "said:" claims only the quote it opens
_PARTICIPLE_AT = re.compile(r"(?:" + "|".join(sorted(_PARTICIPLES)) + r")\b")
_AUX_BEFORE = re.compile(r"\s(?:is|are|was|were)\s+(?:(?:now|also|still)\s+)?$")
# "with analysts saying": a participle with its own subject after "with"
_WITH_SUBJECT = re.compile(
    r"\bwith\s+(?P<x>(?:(?:the|some|many|most)\s+)?(?:[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,3}"
    r"|(?:[a-z]+\s+)?(?:analysts|economists|experts|officials|observers|traders|dealers"
    r"|critics|campaigners|sources|police|doctors|scientists|researchers)))\s+$"
)
_AND_BEFORE = re.compile(r"[^\W\d]\s+and\s+(?:also\s+)?$")


def _shares_subject(s: str, verb: re.Match[str]) -> bool:
    if verb.group(0) in _PARTICIPLES:
        return s[: verb.start()].rstrip().endswith(",")
    return _AND_BEFORE.search(s, 0, verb.start()) is not None


def _sentence_subject(s: str) -> str | None:
    """The named subject the sentence opens with ("Mr Balls rejected", "Microsoft has
    indexed"), for a verb that shares it; never a common word or a pronoun."""
    m = _NAMED_SUBJECT.search(s)
    if m is None:
        return None
    name = m.group("x")
    if len(name.split()) == 1 and name.lower() in common_words():
        return None  # "Shares dropped": a common noun, no name
    return _clean_subject(name)


# "the firm", "The party", "the computer giant": a body the article named before
_GENERIC_BODY = re.compile(
    r"[Tt]he\s+(?:[a-z\-]+\s+)?(?:firm|company|group|party|giant|carrier|airline|retailer"
    r"|maker|operator|broadcaster|chain|club|corporation|conglomerate|business)"
)
# a sentence opening with a described body: "The committee reached", "But the company said"
_NOMINAL_OPENING = re.compile(
    r"(?:(?:But|And|However|Meanwhile|Now),?\s+)?((?:[Tt]he|[Ii]ts)\s+(?:[a-z\-]+\s+){0,2}?[a-z\-]+)"
    r"\s+(?:also\s+|has\s+|had\s+|have\s+|is\s+|was\s+|will\s+|would\s+)?[a-z]{3,}(?:ed|s)\b"
)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_NOT_BODIES = frozenset(
    """UK US USA EU UN TV PC PCS CEO GMT BST AM PM OK II III GDP VAT MP MPS DVD CD IT AIDS HIV SMS
    PDA CPI RPI FTSE MBA PHD ID""".split()
)  # countries, titles and things, which "it said" is never


def _bodies_named(s: str) -> list[tuple[str, bool]]:
    """The bodies a sentence names, and whether as its subject: its opening subject when that
    is no person ("Apple has taken", "The European Union estimates"), and its acronyms."""
    out = [(a, False) for a in _ACRONYM.findall(s) if a not in _NOT_BODIES]
    m = _NAMED_SUBJECT.search(s)
    if m is not None and not _PERSON.search(m.group("x")):
        name = re.sub(r"^The\s+", "", m.group("x"))
        first = name.split()[0]
        if (
            first not in given_names()
            and first.lower() not in _NOT_SUBJECT_START
            and not (len(name.split()) == 1 and first.lower() in common_words())
            and first.lower() not in _PRONOUN
        ):
            out.append((name, True))
    return out


# "A recent survey by Earthlink and Webroot found": the authors of a finding document
_DOCUMENT_BY = re.compile(
    r"\b(?:survey|study|report|poll|research|analysis|review)\s+(?:by|from|for)\s+[^,;:]{1,50}$"
)


# Who surveyed or studied something, and then found: the finder of what follows
_SURVEYED_AND = re.compile(
    r"(?:^|[.;:]\s+)(?P<x>(?:The\s+)?[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,3})\s+"
    r"(?:surveyed|polled|questioned|studied|analysed|analyzed|examined|interviewed"
    r"|monitored|tracked)\b[^,;:.]{0,80}\band$"
)


def _subject(s: str, verb_pos: int) -> str | None:
    """The subject written before a reporting verb: "Russia's defense ministry claimed"; a
    name too long to print gives way to its bracketed abbreviation ("The National Institute of
    Economic and Social Research (NIESR) claims": NIESR)."""
    found = _subject_words(s, verb_pos)
    if found is None:
        abbr = _ABBREVIATION_END.search(s, 0, verb_pos)
        found = abbr.group(1) if abbr else None
    return found


_ABBREVIATION_END = re.compile(r"[A-Z][\w&'’\-]*\s+\(([A-Z][A-Za-z&]{1,7})\)[\s,]*$")


def _subject_words(s: str, verb_pos: int) -> str | None:
    left = s[:verb_pos]
    if _PASSIVE.search(left):
        return None
    if _POSSESSOR.search(left) and s[verb_pos:].split(" ", 1)[0] in _NOUN_VERBS:
        return None  # "Brown's forecast of": a noun, claimed by its possessor (not "Foster's said")
    left = _PARENTHESIS.sub("", left).rstrip(" ,")  # "The Office for National Statistics (ONS)"
    left = _DASH_APPOSITIVE.sub("", left)  # "the firm - China's biggest jet fuel supplier -"
    app = _APPOSITIVE_SUBJECT.search(s, 0, verb_pos)
    if app is not None:
        return _clean_subject(app.group("x"))  # "EuroDisney, the European home of ..., has said"
    named = _affiliated_name(s[:verb_pos])
    if named is not None:
        return named  # "Mark Serwotka, from the Public and Commercial Services union said"
    surveyor = _SURVEYED_AND.search(left)
    if surveyor is not None and surveyor.group("x").lower() not in common_words():
        return _clean_subject(surveyor.group("x"))  # "Workshare surveyed firms ... and found"
    cut = 0
    for m in _BOUNDARY.finditer(left):
        if (
            m.group(0).lower().startswith("and")
            and _NAME_BEFORE_AND.search(left, 0, m.start())
            and _CAPITAL_AT.match(left, m.end())
        ):
            continue  # "Scotland Yard's Racial and Violent Crime taskforce": one name
        cut = m.end()
    seg = left[cut:].strip()
    seg = _SENTENCE_END.split(seg)[-1]  # never reach back over a sentence end
    inner = list(_REPORT_VERB.finditer(seg))
    if inner:  # "The Times said Australian Lynton Crosby told": the nearer subject
        seg = seg[inner[-1].end() :].strip()
    seg = _LEAD_TRIM.sub("", seg)
    seg = _SUBJECT_TRIM.sub("", seg).strip()
    if any(ch.isdigit() for ch in seg):
        figure = [m.group(0) for m in _AFTER_A_FIGURE.finditer(seg)]
        seg = _AFTER_A_FIGURE.split(seg)[-1]  # "the $27bn Russia says": Russia
        if not seg[:1].isupper() and not (
            _EARLIER_SOURCE.fullmatch(seg) and figure and not _A_YEAR.match(figure[-1])
        ):
            return None  # "the £100m analysts had expected": analysts, a source noun, stays
    if seg and seg.split()[0].lower() in _PREPOSITIONS:
        # "In a monthly report anti-virus firm Sophos said": the name after its description
        seg = _named_tail(seg.split()) or ""
    if not seg or seg.split()[0].lower() in _NOT_SUBJECT_START:
        return None
    first = seg.split()[0]
    appositive = first.lower() in ("the", "a", "an") or (first.islower() and first.isalpha())
    if appositive and left[:cut].rstrip().endswith(","):
        # Appositive: "RIA Novosti, the state news agency of Russia, said"
        prev = left[:cut].rstrip()[:-1]
        pcut = 0
        for m in _BOUNDARY.finditer(prev):
            pcut = m.end()
        name = prev[pcut:].strip()
        if (
            not re.search(r"\b(?:and|or)\s*$", prev[:pcut])  # "China, Russia and India, the report"
            and (len(name.split()) > 1 or s[:verb_pos].rstrip().endswith(","))  # "Overall, the BBA"
            and name
            and name[0].isupper()
            and not _LEAD_TRIM.match(name + " ")
            and not (len(name.split()) == 1 and name.lower().endswith("ly"))
            and name.split()[0].lower() not in _PREPOSITIONS  # "On Wednesday, the Agency said"
            and len(name.split()) <= 5
            and not re.search(r"\b[a-z]{4,}\b", name)
        ):
            seg = name
    return _clean_subject(seg)


# The lowercase source right after a figure, as the subject of a relative clause: "the £100m
# analysts had expected", "the 2.5% City economists forecast" (at most two describing words).
_EARLIER_SOURCE = re.compile(
    r"(?!(?:his|her|their|its|our|my|your)\s)(?:[A-Za-z][\w\-]*\s+){0,2}[a-z]+"
)
_A_YEAR = re.compile(r"(?:1[89]|20)\d\d\s")  # "in 2003 her employers told": a date


# "and" between two capitalised words joins one name ("Racial and Violent Crime", "Earthlink
# and Webroot"), no clause boundary
_NAME_BEFORE_AND = re.compile(
    r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w'’\-]*\s+$"
)
_CAPITAL_AT = re.compile(r"(?:the\s+)?[A-Z]")  # "Latin America and the Caribbean"


# A preposition that starts a cut subject ("below Chancellor Gordon Brown's forecast") is
# no part of the name.
_LEAD_PREPOSITION = re.compile(
    r"^(?:below|above|beyond|despite|beside|besides|unlike|like|after|before|since|until"
    r"|amid|among|against|without|within|including|excluding|versus)\s+",
    re.IGNORECASE,
)


def _clean_subject(seg: str) -> str | None:
    seg = seg.strip(" ,.;:“”\"'-–—")
    seg = re.sub(r"\s+", " ", seg)
    seg = _LEAD_PREPOSITION.sub("", seg)
    if not seg:
        return None
    words = seg.split()
    if len(words) > 6 and " by " in seg:
        # "a table drawn up by France's Le Figaro newspaper": the author of the document
        seg = seg.rsplit(" by ", 1)[1]
        words = seg.split()
    if len(words) > 6 and re.search(r"(?:['’]s|s['’])\s", seg) and words[0][:1].isupper():
        # "Scotland Yard's Racial and Violent Crime taskforce", "The United Nations' Economic
        # Commission for Latin America and the Caribbean": the body that owns it
        seg = re.split(r"(?:['’]s|(?<=s)['’])\s", seg, maxsplit=1)[0]
        words = seg.split()
    if (
        len(words) > 9
        or (words[0].lower() in _POSSESSIVE_DETERMINERS and words[-1].lower() in _DOCUMENTS)
        or words[-1].lower() in _PRONOUN
        or (len(words) == 1 and words[0].lower() in _PRONOUN)
    ):
        return None
    if any(ch.isdigit() for ch in seg) or words[0].lower() in _NUMBER_WORDS:
        return None  # "One in four": a figure, not who gave it
    if len(words) == 1 and words[0].lower() in _QUANTIFIERS:
        return None  # "Some expects believe": a determiner left of a cut, no one named
    if _BARE_DATA.fullmatch(seg):
        return None  # "the figures showed", "figures show": data, no one named as its source
    if len(words) == 1 and words[0].lower().endswith("ly") and words[0].lower() in common_words():
        return None  # "Recently announced changes": a sentence adverb is never a claimant
    if _NAME_THEN_VERB.search(seg + " "):
        return None  # "Mr Blair derided Tory": a cut through a clause
    named = any(w[0].isupper() for w in words[1:]) or (
        words[0][0].isupper() and words[0].lower() not in ("the", "a", "an", "it", "this")
    )
    if not named and not _TITLE_WORDS.search(seg) and not _ends_in_a_source(words[-1]):
        return None
    if not _ends_in_a_source(words[-1]):
        # "rival Google earlier in the week": the source before a time phrase
        m = _TIME_TAIL.search(seg)
        if m is None or not m.start() or not _ends_in_a_source(seg[: m.start()].split()[-1]):
            return None  # "The company has an", "although Bourne ... scotch": a cut
        seg = seg[: m.start()]
        words = seg.split()
    seg = _named_tail(words) or _relative_subject(words) or seg
    seg = re.split(r"\s[-–—]\s", seg)[-1]  # "... Drugs and Alcohol - the PTC": the PTC
    owner = _OWNER_OF_DATA.match(seg)
    seg = owner.group(1) if owner else seg  # "Halifax's own monthly figures": Halifax
    return seg if len(seg.split()) <= 6 else None  # longer is a stretch of text, not a name


_QUANTIFIERS = frozenset("some many most all several few both each either neither".split())
# Data with no owner named: the figures are the writer's ("Unadjusted, the figures showed")
_BARE_DATA = re.compile(
    r"(?:(?:the|these|those|new|latest|official|government|other)\s+){0,2}"
    r"(?:figures|data|statistics|numbers)",
    re.IGNORECASE,
)


# "according to their figures": a document of someone unnamed, no claimant ("its central
# bank" is a body, and stays)
_POSSESSIVE_DETERMINERS = frozenset("their its his her our my your".split())
_DOCUMENTS = frozenset(
    """figures data report reports statement estimate estimates research survey study poll
    calculations numbers statistics findings""".split()
)
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred thousand million billion half""".split()
)
_TIME_TAIL = re.compile(
    r"\s+(?:earlier|later|last|this|next|on|in|during|since|yesterday|today|so far)\b"
)


# The nouns a source named in lowercase ends with ("the chief executive", "UK regulators",
# "overnight figures"); a claimant ending in any other lowercase word is a cut fragment.
_SOURCE_NOUNS = frozenset(
    """official ministry spokesman spokeswoman spokesperson spokespeople commander general
    police authority agency military army analyst expert government report statement data
    figure governor president minister chief head mayor leadership source officer service
    institute researcher scientist company firm bank administrator regulator watchdog council
    committee commission union association survey study poll organiser organizer court group
    charity retailer maker parliament department office economist critic fan supporter
    consortium system index estimate research statistic result review audit census executive
    director chairman chairwoman board party newspaper paper magazine broadcaster network team
    club body trust fund campaigner lawyer prosecutor judge investor trader dealer broker
    insurer lender employer worker resident doctor teacher student voter member manager coach
    boss owner operator carrier airline insurer observer monitor diplomat envoy secretary
    spokesmen leader delegate organisation organization provider developer publisher industry
    agencies authorities record tribunal chancellor insurer medallist champion player striker captain winner
    lawyer spammer document filing prospectus taskforce""".split()
)


# The quotes' role words ("chancellor", "premier", "coach"), without those that only qualify one
_ROLE_TITLES = TITLES - frozenset(
    """vice foreign defense defence deputy former senior top state first acting interim press
    majority minority presidential republican democratic gop front-runner""".split()
)


def _ends_in_a_source(word: str) -> bool:
    if not word:
        return False
    if word[:1].isupper() or not word[:1].isalpha():
        return True
    w = word.lower().strip(".,'’")
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w in _SOURCE_NOUNS or w + "s" in _SOURCE_NOUNS or w in _ROLE_TITLES


# What a name's description ends with: "market research firm NPD Group", "chief executive
# Richard Dixey", "US research think-tank Pew Internet and American Life".
_DESCRIPTOR_HEADS = (
    TITLES
    | NOMINAL_HEADS
    | frozenset(
        """firm firms company group store chain think-tank tank agency bank consultancy
        retailer maker giant carrier operator watchdog regulator charity body website
        magazine newspaper paper broadcaster network analysts researcher researchers
        economist economists""".split()
    )
)
_NAME_JOINERS = frozenset({"and", "of", "&", "de", "for"})


def _relative_subject(words: list[str]) -> str | None:
    """ "a Franck Muller watch Sharon [said was ...]": after an indefinite noun phrase, the
    name that follows is the subject of a relative clause, so the one who said it."""
    if len(words) < 3 or words[0].lower() not in ("a", "an"):
        return None
    i = len(words)
    while i > 1 and words[i - 1][:1].isupper():
        i -= 1
    if i == len(words) or i < 2 or len(words) - i > 3:
        return None
    before = words[i - 1]
    if not before.isalpha() or not before.islower() or before in NOUN_STOP:
        return None
    return " ".join(words[i:])


def _named_tail(words: list[str]) -> str | None:
    """The name at the end of a described source ("firm NPD Group" -> "NPD Group"), when a
    lowercase description word stands right before it; else None (keep the whole)."""
    i = len(words)
    while i > 0 and (words[i - 1][:1].isupper() or words[i - 1] in _NAME_JOINERS):
        i -= 1
    while i < len(words) and words[i] in _NAME_JOINERS:
        i += 1
    if i == 0 or i >= len(words) or words[-1] in _NAME_JOINERS:
        return None
    if words[i - 1].lower() not in _DESCRIPTOR_HEADS or not words[i - 1].islower():
        return None
    return " ".join(words[i:])
