"""One article's working state for attribution: quote masks, the people named, who speaks.

Quotes and indirect speech both read it, so it lives apart from either (no import circle).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from bot.extract.attribution import (
    ATTITUDE_CUES,
    CUES,
    NOT_NAME,
    NOT_PERSON,
    NOUN_CUES,
    ORG_WORDS,
    PHRASAL_FORMS,
    PUNCT,
    TITLES,
    clause_subject,
    noun_use,
    subject_after,
    subject_before,
)
from bot.extract.clause_words import THAT_NOUNS
from bot.extract.datelines import dateline_end
from bot.extract.gender import PRONOUN_GENDER, article_genders, fits, given_names, key_of
from bot.extract.headline_names import headline_end, headline_names
from bot.extract.label_lines import blank_labels
from bot.extract.lexicon import ALL_CUES, RELAYING_CUES, common_words
from bot.extract.mentions import (
    NAME_SUFFIXES,
    Mention,
    Token,
    classify_run,
    name_runs,
    surname,
    tokens,
)
from bot.extract.name_checks import expand, person_speaker, speaker_ok
from bot.extract.resolve import resolve
from bot.extract.rival_subjects import reporter_before, someone_else_between
from bot.extract.speakers import surname_skeleton
from bot.extract.surname_mentions import add_surname_mentions
from bot.model import Sentence


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of quoted text; open/close are the quote-mark offsets (close may equal end)."""

    start: int
    end: int
    open: int
    close: int
    double_apostrophe: bool = False


@dataclass(slots=True)
class ArticleDoc:
    """Per-article working state: text, sentences, quote masks and the people named in it."""

    text: str
    sentences: list[Sentence]
    sent_starts: list[int]
    masks: list[tuple[int, int]]
    fullnames: dict[str, str] = field(default_factory=dict)
    persons: list[Mention] = field(default_factory=list)
    person_starts: list[int] = field(default_factory=list)
    speakers: list[tuple[int, str]] = field(default_factory=list)
    speaker_starts: list[int] = field(default_factory=list)
    bodies: list[tuple[int, str]] = field(default_factory=list)  # organisations a cue has speak
    cue_sentences: list[int] = field(default_factory=list)
    person_subject: list[bool] = field(default_factory=list)
    cache: dict[int, list[Token]] = field(default_factory=dict)
    starts_cache: dict[int, list[int]] = field(default_factory=dict)
    skeletons: dict[str, str] = field(default_factory=dict)
    # subject_before per (sentence start, cue index): the speakers pass and indirect speech
    # both ask it of the same cue in the same sentence tokens
    subjects: dict[tuple[int, int], Mention | None] = field(default_factory=dict)
    cue_cache: dict[int, list[int]] = field(default_factory=dict)  # cue_positions per sentence
    credible: dict[str, str | None] = field(default_factory=dict)
    genders: dict[str, str] | None = None
    person_like: dict[str, bool] = field(default_factory=dict)
    lowered: str = ""
    route: str = ""  # which antecedent route the last he/she took (antecedents.refer_back)
    # where each surname skeleton is named, built once from persons (speaker_confidence.py)
    surname_index: dict[str, list[int]] | None = None

    def fits(self, name: str | None, pronoun: str) -> bool:
        """he/she may refer to name: its gender (gender.py) is unknown or the pronoun's."""
        if not name:
            return False
        if pronoun not in PRONOUN_GENDER:
            return True  # "the 27-year-old": anyone
        if self.genders is None:
            self.genders = article_genders(
                self.text, self.persons, self.fullnames, key_of(self.skeleton)
            )
        return fits(self.genders.get(self.skeleton(surname(name))), pronoun)

    def resolve(self, m: Mention | None) -> str | None:
        """The speaker a source mention stands for (resolve.py)."""
        return resolve(self, m)

    def person_speaker(self, name: str) -> bool:
        """person_speaker for this article: a person a he/she can be, not a body."""
        return person_speaker(self, name)

    def speaker_ok(self, m: Mention) -> bool:
        """speaker_ok for this article (a clause_subject filter)."""
        return speaker_ok(self, m, strict=True)

    def someone_else_between(self, lo: int, pos: int, name: str) -> bool:
        """Between lo and pos another person may be "he": see rival_subjects.py."""
        return someone_else_between(self, lo, pos, name)

    def reporter_before(self, lo: int, pos: int) -> str | None:
        """The last named speaker of a cue in text[lo:pos] nobody displaced (rival_subjects.py)."""
        return reporter_before(self, lo, pos)

    def skeleton(self, word: str) -> str:
        """surname_skeleton, memoised for this article."""
        sk = self.skeletons.get(word)
        if sk is None:
            sk = self.skeletons[word] = surname_skeleton(word)
        return sk

    def cue_subject(self, sent_start: int, toks: list[Token], ci: int) -> Mention | None:
        """subject_before(toks, ci), memoised for this article; toks must be the
        sentence_tokens of the sentence that starts at sent_start."""
        key = (sent_start, ci)
        try:
            return self.subjects[key]
        except KeyError:
            m = self.subjects[key] = subject_before(toks, ci)
            return m

    def masked(self, pos: int) -> bool:
        """Whether pos lies inside a quoted segment (quote marks included)."""
        return _in_masks(pos, self.masks)

    def masks_within(self, a: int, b: int) -> list[tuple[int, int]]:
        """Quoted spans (marks included) that overlap text[a:b], in order."""
        masks = self.masks
        k = bisect.bisect_left(masks, (b, -1))
        lo = k
        while lo > 0 and masks[lo - 1][1] > a:
            lo -= 1
        return masks[lo:k]

    def unmasked(self, a: int, b: int) -> list[Token]:
        """Tokens of text[a:b] outside every quote (quoted stretches are never tokenised)."""
        near = self.masks_within(a, b)
        if not near:
            return tokens(self.text, a, b)
        out: list[Token] = []
        pos = a
        for ms, me in near:
            if ms > pos:
                out.extend(tokens(self.text, pos, ms))
            pos = max(pos, me)
        if pos < b:
            out.extend(tokens(self.text, pos, b))
        return out

    def sentence_tokens(self, i: int) -> list[Token]:
        """Unquoted tokens of sentence i (cached: cues and quotes share sentences)."""
        toks = self.cache.get(i)
        if toks is None:
            sent = self.sentences[i]
            toks = self.unmasked(sent.start, sent.end)
            if i == 0 or self.sentences[i - 1].paragraph != sent.paragraph:
                toks = toks[dateline_end(toks) :]  # "Washington (AFP) –": no subject
            self.cache[i] = toks
            self.starts_cache[i] = [t.start for t in toks]
        return toks

    def cue_positions(self, i: int) -> list[int]:
        """Indices of sentence i's unquoted tokens whose lowercase word is in CUE_LIKE, in
        order: the speakers pass and indirect speech both start only from these, so the
        sentence is walked once."""
        found = self.cue_cache.get(i)
        if found is None:
            found = self.cue_cache[i] = [
                ci for ci, t in enumerate(self.sentence_tokens(i)) if t.low in CUE_LIKE
            ]
        return found

    def sentence_slice(self, i: int, a: int, b: int) -> list[Token]:
        """Unquoted tokens of sentence i that start inside [a, b)."""
        toks = self.sentence_tokens(i)
        starts = self.starts_cache[i]
        return toks[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]


# --- document preparation --------------------------------------------------------------------


def _given_name_on(text: str, run: list[Token]) -> list[Mention]:
    """A run no person reads off whole, cut at a given name inside it ("Top-seeded Americans
    Andy Roddick" -> Andy Roddick: a label before the person), when the article also writes
    the surname alone ("Roddick broke a racket"); the mention keeps the run's start (so "by
    fellow American Robby Ginepri" stays an object), with offsets from it; else []."""
    given = given_names()
    for i in range(1, len(run) - 1):
        if run[i].text in given and all(t.cap and t.text.isalpha() for t in run[i:]):
            m = classify_run(run[i:])
            if m is None or m.kind != "person" or not _person_like(m):
                return []
            if re.search(rf"(?:^|[.!?]\s+|\n){re.escape(run[-1].text)}\s+[a-z]", text) is None:
                return []
            return [m._replace(start=0, end=m.end - run[0].start)]
    return []


def _person_like(m: Mention) -> bool:
    """A capitalised run that names a person rather than a place, law or event."""
    if m.name is None or m.kind not in ("person", "name"):
        return False
    parts = m.name.split()
    if any(p.lower().rstrip(".") in NOT_PERSON for p in parts):
        return False
    if any(p.isupper() and len(p) > 2 for p in parts if p.lower() not in NAME_SUFFIXES):
        return False  # an acronym, but not "Henry Parrish III": a generation after a name
    return m.kind == "person" or len(parts) >= 2


def place_like(doc: ArticleDoc, toks: list[Token], m: Mention) -> bool:
    """A source that is a place: not speaker-like, or the region closing "from Monsey, New
    York," / "in Columbus, Ohio," (so the person opening the clause is the speaker)."""
    if not speaker_ok(doc, m):
        return True
    i = next((i for i, t in enumerate(toks) if t.start == m.start), -1)
    e = next((j for j in range(max(i, 0), len(toks)) if toks[j].start >= m.end), len(toks))
    k = i - 2
    if k < 1 or toks[k + 1].text != "," or not toks[k].cap:
        return False
    if e >= len(toks) or toks[e].text != ",":
        return False  # "in Philadelphia, Canova wrote": an opening phrase, then the subject
    while k >= 1 and toks[k].cap:
        k -= 1
    return not toks[k].cap and toks[k].low in ("from", "in", "of", "at", "near", "outside")


_ROLE_BEFORE = re.compile(r"\b([a-z][\w-]*)\s+\Z")


def _role_before(text: str, start: int, run: str) -> int:
    """Length of a lowercase role word and space before a run whose first word would be
    dropped as a date or function word ("governor Jan Brewer"), else 0: with the role in
    front the run names a person."""
    first = run.split(None, 1)[0].rstrip(".").lower()
    if first not in NOT_NAME:
        return 0
    m = _ROLE_BEFORE.search(text, max(0, start - 30), start)
    return start - m.start() if m and m.group(1) in TITLES else 0


def prepare(text: str, sentences: list[Sentence], segments: list[Segment]) -> ArticleDoc:
    masks = sorted((s.open, max(s.close + 1, s.end)) for s in segments)
    doc = ArticleDoc(
        text=text, sentences=sentences, sent_starts=[s.start for s in sentences], masks=masks
    )
    blanked = _blank(text, masks)  # quotes become spaces: names inside quotes are not sources
    seen_runs: dict[str, list[Mention]] = {}
    head = headline_end(text)
    from_headline: set[str] = set()
    runs = (
        (start, run_text)
        for m in _CAPRUN.finditer(blanked)
        if "\n" not in m.group(0)
        for start, run_text in (
            headline_names(text, head, m.start(), m.group(0))
            if m.start() < head
            else [(m.start(), m.group(0))]
        )
    )
    labels = blank_labels(text, head)  # captions, credits, subheads: spell names, say nothing
    for start, run_text in runs:
        if run_text.endswith(("'s", "’s")):  # "Andre Agassi's involvement": the person, named
            run_text = run_text[:-2]  # in full (never the subject: "'s" follows the mention)
        last = run_text.rsplit(None, 1)[-1].rstrip(".").lower()
        if last in NOT_PERSON or last in ORG_WORDS or last in NOT_NAME:
            continue  # a place, an institution or a date, not a person
        cut = _function_word_end(run_text)
        if cut:  # "the U.S. While Clinton has": the name starts after the function word
            start += cut
            run_text = run_text[cut:]
            if " " not in run_text:
                continue  # one word left: add_surname_mentions finds it if it is a name
        role = _role_before(text, start, run_text)
        if role:  # "governor Jan Brewer": a month-like given name after a role is a name
            start -= role
            run_text = text[start : start + role + len(run_text)]
        found = seen_runs.get(run_text)
        if found is None:  # names repeat: classify each distinct run once, then shift offsets
            run = tokens(text, start, start + len(run_text))
            found = seen_runs[run_text] = [
                mention._replace(start=mention.start - start, end=mention.end - start)
                for i, j in ([(0, len(run))] if role else name_runs(run))
                if (mention := classify_run(run[i:j])) is not None and _person_like(mention)
            ] or _given_name_on(text, run)
        for rel in found:
            mention = rel._replace(start=rel.start + start, end=rel.end + start)
            if labels is text or labels[mention.start] != " ":
                doc.persons.append(mention)
            key = doc.skeleton(surname(mention.name or ""))
            best = doc.fullnames.get(key)
            size = len((mention.name or "").split())
            if (
                best is None
                or size > len(best.split())
                or (key in from_headline and size == len(best.split()))
                or (
                    size == len(best.split())
                    and _word_first(best)
                    and not _word_first(mention.name or "")
                )
            ):  # the body's spelling ("François Hollande") before the headline's; "Bernie
                # Sanders" before "Young Sanders" (a sentence's first word, not a given name)
                doc.fullnames[key] = mention.name or ""
                if start < head:
                    from_headline.add(key)
                else:
                    from_headline.discard(key)
    for i, sent in enumerate(sentences):
        if not _CUE_WORDS.isdisjoint(_WORD_RUN.findall(blanked, sent.start, sent.end)):
            doc.cue_sentences.append(i)
    _collect_speakers(doc)
    add_surname_mentions(doc, blanked)
    return doc


# conjunctions and sentence adverbs: closed-class words no name holds (unlike "April", "May")
_CLAUSE_OPENERS = frozenset(
    """but and or when while if however meanwhile also as after before because since although
    though until unless yet so then thus still despite whether""".split()
)


def _word_first(name: str) -> bool:
    """The name opens with a common word that is no given name ("Young Sanders")."""
    first = name.split()[0] if name else ""
    return first.lower() in common_words() and first not in given_names()


def _function_word_end(run: str) -> int:
    """Offset in run just past its last clause opener before the final word ("S. While
    Clinton" -> "Clinton"), 0 if none: a capitalised "While" or "But" opens a clause, it is
    no part of a name."""
    words = run.split(" ")
    if _CLAUSE_OPENERS.isdisjoint(w.rstrip(".,").lower() for w in words[:-1]):
        return 0  # the common case, without offsets
    cut = 0
    for w in re.finditer(r"\S+", run):
        if w.end() == len(run):
            break
        if w.group(0).rstrip(".,").lower() in _CLAUSE_OPENERS:
            cut = w.end() + 1
    return cut


def _blank(text: str, masks: list[tuple[int, int]]) -> str:
    """text with quoted stretches replaced by spaces (offsets kept): cue words inside quotes do not count."""
    if not masks:
        return text
    parts: list[str] = []
    pos = 0
    for a, b in masks:
        if a > pos:
            parts.append(text[pos:a])
        if b > max(a, pos):
            parts.append(" " * (b - max(a, pos)))
        pos = max(pos, b)
    parts.append(text[pos:])
    return "".join(parts)


def _collect_speakers(doc: ArticleDoc) -> None:
    """Named sources of every reporting cue, in text order (pronouns resolve to these)."""
    for i in doc.cue_sentences:
        toks = doc.sentence_tokens(i)
        sent_start = doc.sentences[i].start
        for ci in doc.cue_positions(i):  # CUES lie inside CUE_LIKE
            t = toks[ci]
            if t.cap or t.low not in CUES or noun_use(toks, ci):
                continue
            m = doc.cue_subject(sent_start, toks, ci)
            if m is None and (
                ci == 0
                or toks[ci - 1].text in PUNCT
                or any(c in doc.text[toks[ci - 1].end : t.start] for c in '”"')
            ):
                # inverted only right after the quote or a comma: "..., said Smith"; not the
                # subject of the clause a cue reports ("whom thought Obama had no shot")
                m = subject_after(toks, ci)
            if m is not None and m.kind in ("person", "name") and place_like(doc, toks, m):
                # "Rachel Berg, a teacher from Monsey, New York, said": the place closes an
                # appositive; the person opening the clause is the speaker
                m = clause_subject(toks, 0, ci, accept=doc.speaker_ok)
            if (
                m is not None
                and m.kind == "name"
                and m.name
                and m.start == toks[0].start
                and m.name.lower() in common_words()
                and doc.skeleton(m.name) not in doc.fullnames  # not "Brown" after "Sherrod Brown"
            ):
                continue  # "Cost estimates, he added": a common word opening the sentence
            if m is not None and m.kind in ("person", "name") and m.name:
                doc.speakers.append((m.start, expand(doc, m.name)))
            elif m is not None and m.kind == "org" and m.name and t.low not in RELAYING_CUES:
                # "Asiana Airlines said": "it" may be it; not "..., the Bangkok Post reported":
                # a paper relays someone else's words
                doc.bodies.append((m.start, m.name))
    doc.speakers.sort()
    doc.bodies.sort()
    doc.speaker_starts = [p for p, _ in doc.speakers]


_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_CAPRUN = re.compile(  # two or more capitalised words: a name in full, maybe with a title
    # the capital before the look back at the character before it: the regex engine then skips
    # straight to capitals (a pattern opening on a look-behind is tried at every offset)
    rf"[{_UPPER}](?<![\w'’][{_UPPER}])[\w'’\-]*\.?(?:[ \t]+(?:(?:de|van|von|der|bin|al|da|di|du|la|le|del)[ \t]+)?[{_UPPER}][\w'’\-]*\.?)+"
)


_CUE_WORDS = CUES | ATTITUDE_CUES | PHRASAL_FORMS.keys() | {"according", "According", "Asked"}
_CUE_WORDS |= {
    w.capitalize() for w in CUES | ATTITUDE_CUES
} | NOUN_CUES.keys()  # headlines: "Trump Slams ..."
# every word a cue test in a sentence's tokens starts from (the speakers pass, indirect speech)
CUE_LIKE = (
    frozenset({"asked", "asking", "according"})
    | ALL_CUES
    | CUES
    | ATTITUDE_CUES
    | NOUN_CUES.keys()
    | THAT_NOUNS
    | PHRASAL_FORMS.keys()
)
# the words of a sentence as the cue test reads them: punctuation parts words, as spaces would
_WORD_RUN = re.compile(r"\w+")


def _in_masks(pos: int, masks: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(masks, (pos, 1 << 60))
    for i in range(max(0, k - 3), k):  # noqa: SIM110 (no generator: asked very often)
        if masks[i][0] <= pos < masks[i][1]:
            return True
    return False
