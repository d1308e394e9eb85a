"""Extract direct, partial and indirect quotes with their speakers from article text."""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field

from bot.extract.attribution import (
    ATTITUDE_CUES,
    CUES,
    NOMINAL_HEADS,
    NOT_NAME,
    NOT_PERSON,
    NOUN_CUES,
    ORG_WORDS,
    PERSON_PRONOUNS,
    PHRASAL_FORMS,
    SPEECH_CUES,
    TITLES,
    Mention,
    Token,
    classify_run,
    clause_subject,
    cue_index,
    is_participle,
    name_runs,
    noun_use,
    np_ending_at,
    passive_agent,
    possessive,
    run_end,
    subject_after,
    subject_before,
    surname,
    tokens,
)
from bot.extract.indirect import indirect_speech
from bot.extract.sentences import split_sentences
from bot.extract.speakers import surname_skeleton
from bot.model import Quote, Sentence

log = logging.getLogger(__name__)

PRONOUN_WINDOW = 400  # characters back to look for the speaker a he/she refers to


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
    cue_sentences: list[int] = field(default_factory=list)
    person_subject: list[bool] = field(default_factory=list)
    cache: dict[int, list[Token]] = field(default_factory=dict)
    starts_cache: dict[int, list[int]] = field(default_factory=dict)
    skeletons: dict[str, str] = field(default_factory=dict)

    def resolve(self, m: Mention | None) -> str | None:
        """The speaker a source mention stands for (see _resolve)."""
        return _resolve(self, m)

    def speaker_ok(self, m: Mention) -> bool:
        """_speaker_ok for this article (a clause_subject filter)."""
        return _speaker_ok(self, m, strict=True)

    def skeleton(self, word: str) -> str:
        """surname_skeleton, memoised for this article."""
        sk = self.skeletons.get(word)
        if sk is None:
            sk = self.skeletons[word] = surname_skeleton(word)
        return sk

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
            toks = self.cache[i] = self.unmasked(sent.start, sent.end)
            self.starts_cache[i] = [t.start for t in toks]
        return toks

    def sentence_slice(self, i: int, a: int, b: int) -> list[Token]:
        """Unquoted tokens of sentence i that start inside [a, b)."""
        toks = self.sentence_tokens(i)
        starts = self.starts_cache[i]
        return toks[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]


def extract_quotes(text: str, sentences: list[Sentence] | None = None) -> list[Quote]:
    """Quotes in document order: every quoted segment, plus indirect speech with its source."""
    if sentences is None:
        sentences = split_sentences(text)
    segments = find_segments(text)
    doc = _prepare(text, sentences, segments)
    quotes = _attribute_segments(doc, segments) + indirect_speech(doc)
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


# --- quoted segments -------------------------------------------------------------------------

_LINE = re.compile(r"[^\n]+")
_CLOSERS_AFTER = re.compile(r"[\s.,;:!?)\]—–-]|$")


def find_segments(text: str) -> list[Segment]:
    """Runs between double quotes (curly or straight) per line; unclosed quotes run to line end."""
    out: list[Segment] = []
    for line in _LINE.finditer(text):
        ls, le = line.start(), line.end()
        if _QUOTE_CHARS.search(text, ls, le):
            out.extend(_scan_line(text, ls, le))
        if "''" in line.group(0):
            out.extend(_scan_double_apostrophes(text, ls, le))
    out.sort(key=lambda s: s.start)
    return out


_QUOTE_CHARS = re.compile(r'["“”]')


def _scan_line(text: str, ls: int, le: int) -> list[Segment]:
    out: list[Segment] = []
    opened: int | None = None
    for m in _QUOTE_CHARS.finditer(text, ls, le):
        i = m.start()
        ch = text[i]
        if ch == '"':
            if opened is None:
                opened = i
            else:
                out.append(_segment(text, opened, i))
                opened = None
        elif ch == "“":
            if opened is None:
                opened = i
            elif i > ls and not text[i - 1].isspace() and _CLOSERS_AFTER.match(text, i + 1):
                out.append(_segment(text, opened, i))  # a misprinted closing mark
                opened = None
        elif opened is not None:
            out.append(_segment(text, opened, i))
            opened = None
        elif (i == ls or text[i - 1].isspace()) and i + 1 < le and text[i + 1].isalnum():
            opened = i  # a misprinted opening mark
    if opened is not None:
        out.append(_segment(text, opened, le))
    return [s for s in out if s.end > s.start and _plausible(text, s)]


def _scan_double_apostrophes(text: str, ls: int, le: int) -> list[Segment]:
    out: list[Segment] = []
    opened: int | None = None
    for m in re.finditer(r"''", text[ls:le]):
        i = ls + m.start()
        if opened is None:
            opened = i
        else:
            seg = Segment(opened + 2, i, opened, i, double_apostrophe=True)
            seg = _strip(text, seg)
            if seg.end > seg.start:
                out.append(seg)
            opened = None
    if opened is not None:
        seg = _strip(text, Segment(opened + 2, le, opened, le, double_apostrophe=True))
        if seg.end > seg.start:
            out.append(seg)
    return out


def _segment(text: str, o: int, c: int) -> Segment:
    return _strip(text, Segment(o + 1, c, o, c))


def _strip(text: str, seg: Segment) -> Segment:
    s, e = seg.start, seg.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Segment(s, e, seg.open, seg.close, seg.double_apostrophe)


def _plausible(text: str, seg: Segment) -> bool:
    """Reject markup attributes (author="x") and bare numbers."""
    if seg.open > 0 and text[seg.open - 1] == "=":
        return False
    body = text[seg.start : seg.end]
    return any(ch.isalpha() for ch in body)


# --- document preparation --------------------------------------------------------------------


def _person_like(m: Mention) -> bool:
    """A capitalised run that names a person rather than a place, law or event."""
    if m.name is None or m.kind not in ("person", "name"):
        return False
    parts = m.name.split()
    if any(p.lower().rstrip(".") in NOT_PERSON for p in parts):
        return False
    if any(p.isupper() and len(p) > 2 for p in parts):
        return False
    return m.kind == "person" or len(parts) >= 2


# Words that open the name of a place or body ("New Hampshire Monday", "United Mine Workers")
# and words that end the name of a place, event or law ("Great Recession", "... Agreement").
_PLACE_FIRST = frozenset(
    """new san los las el saint port fort mount lake united north south east west great national
    supreme federal royal grand american african european middle""".split()
)
_PLACE_LAST = frozenset(
    """act amendment agreement city county street avenue road island river airport hotel square
    building stadium week war college school academy hospital center centre valley district
    province region capitol plaza convention debate primary caucus caucuses summit festival
    conference museum library boulevard highway bridge station states recession workers""".split()
)
_NOBODY = frozenset("neither either nobody everyone everybody someone somebody anyone none".split())


def _place_like(doc: ArticleDoc, toks: list[Token], m: Mention) -> bool:
    """A source that is a place: not speaker-like, or the region closing "from Monsey, New
    York," / "in Columbus, Ohio," (so the person opening the clause is the speaker)."""
    if not _speaker_ok(doc, m):
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


def _lowercase_elsewhere(text: str, word: str) -> bool:
    """The article also writes word in lowercase: a common word opening a sentence ("Hours
    later, ...", "Reached by phone, ..."), not a name."""
    return re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text) is not None


def _speaker_ok(doc: ArticleDoc, m: Mention, strict: bool = False) -> bool:
    """A name-like source that can be a speaker: not a place, body or event ("North Korea",
    "Great Recession"), nor a capitalised role word, pronoun-like word or participle opening a
    sentence ("Aides", "Neither", "Continuing") unless the article names that person in full.
    strict (a name picked from a clause, not the subject of a cue) also turns down single
    place-like or common words ("Supreme", "Hours"), which as the subject of a cue are
    surnames ("Law said")."""
    if m.kind not in ("person", "name") or not m.name:
        return True
    parts = [p.rstrip(".,").lower() for p in m.name.split()]
    first, last = parts[0], parts[-1]
    if len(parts) == 1:
        if m.kind != "name" or doc.skeleton(first) in doc.fullnames:
            return True
        role = first[:-1] if first.endswith("s") else first  # "Attorneys", "Pollsters"
        return not (
            (strict and (first in NOT_PERSON or _lowercase_elsewhere(doc.text, first)))
            or role in NOMINAL_HEADS
            or role in TITLES
            or first in _NOBODY
            or first.endswith("ing")
        )
    return last not in _PLACE_LAST and not (first in _PLACE_FIRST and len(parts) <= 3)


def _prepare(text: str, sentences: list[Sentence], segments: list[Segment]) -> ArticleDoc:
    masks = sorted((s.open, max(s.close + 1, s.end)) for s in segments)
    doc = ArticleDoc(
        text=text, sentences=sentences, sent_starts=[s.start for s in sentences], masks=masks
    )
    blanked = _blank(text, masks)  # quotes become spaces: names inside quotes are not sources
    seen_runs: dict[str, list[Mention]] = {}
    for m in _CAPRUN.finditer(blanked):
        run_text = m.group(0)
        if "\n" in run_text:
            continue
        last = run_text.rsplit(None, 1)[-1].rstrip(".").lower()
        if last in NOT_PERSON or last in ORG_WORDS or last in NOT_NAME:
            continue  # a place, an institution or a date, not a person
        start = m.start()
        found = seen_runs.get(run_text)
        if found is None:  # names repeat: classify each distinct run once, then shift offsets
            run = tokens(text, start, m.end())
            found = seen_runs[run_text] = [
                mention._replace(start=mention.start - start, end=mention.end - start)
                for i, j in name_runs(run)
                if (mention := classify_run(run[i:j])) is not None and _person_like(mention)
            ]
        for rel in found:
            mention = rel._replace(start=rel.start + start, end=rel.end + start)
            doc.persons.append(mention)
            key = doc.skeleton(surname(mention.name or ""))
            best = doc.fullnames.get(key)
            if best is None or len((mention.name or "").split()) > len(best.split()):
                doc.fullnames[key] = mention.name or ""
    plain = _NON_WORD.sub(" ", blanked)
    for i, sent in enumerate(sentences):
        if not _CUE_WORDS.isdisjoint(plain[sent.start : sent.end].split()):
            doc.cue_sentences.append(i)
    _collect_speakers(doc)
    _add_surname_mentions(doc, blanked)
    return doc


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


def _add_surname_mentions(doc: ArticleDoc, blanked: str) -> None:
    """Bare surnames of people named in full elsewhere, or quoted as speakers, are mentions of them."""
    words = {name.split()[-1] for name in doc.fullnames.values() if name}
    words.update(name for _, name in doc.speakers if " " not in name)
    covered = sorted((p.start, p.end) for p in doc.persons)
    starts = [a for a, _ in covered]
    for word in words:
        if len(word) < 3 or word.lower() in NOT_NAME:
            continue
        pos = blanked.find(word)
        while pos >= 0:
            end = pos + len(word)
            k = bisect.bisect_right(starts, pos) - 1
            if _standalone(blanked, pos, end) and not (k >= 0 and covered[k][1] > pos):
                doc.persons.append(Mention(word, "name", pos, end))
            pos = blanked.find(word, end)
    doc.persons.sort(key=lambda p: p.start)
    doc.person_starts = [p.start for p in doc.persons]
    text = doc.text
    doc.person_subject = [
        not text.startswith(("’s", "'s", "’", "'"), p.end)
        and _PREV_WORD.search(text, max(0, p.start - 12), p.start) is None
        for p in doc.persons
    ]


_PREV_WORD = re.compile(
    r"\b(?:of|at|for|from|to|with|in|by|on|about|against|and|than|like)\s+$", re.IGNORECASE
)


def _collect_speakers(doc: ArticleDoc) -> None:
    """Named sources of every reporting cue, in text order (pronouns resolve to these)."""
    for i in doc.cue_sentences:
        toks = doc.sentence_tokens(i)
        for ci, t in enumerate(toks):
            if t.cap or t.low not in CUES or noun_use(toks, ci):
                continue
            m = subject_before(toks, ci) or subject_after(toks, ci)
            if m is not None and m.kind in ("person", "name") and _place_like(doc, toks, m):
                # "Rachel Berg, a teacher from Monsey, New York, said": the place closes an
                # appositive; the person opening the clause is the speaker
                m = clause_subject(toks, 0, ci, accept=doc.speaker_ok)
            if m is not None and m.kind in ("person", "name") and m.name:
                doc.speakers.append((m.start, _expand(doc, m.name)))
    doc.speakers.sort()
    doc.speaker_starts = [p for p, _ in doc.speakers]


_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_CAPRUN = re.compile(  # two or more capitalised words: a name in full, maybe with a title
    rf"(?<![\w'’])[{_UPPER}][\w'’\-]*\.?(?:[ \t]+(?:(?:de|van|von|der|bin|al|da|di|du|la|le|del)[ \t]+)?[{_UPPER}][\w'’\-]*\.?)+"
)


def _standalone(text: str, a: int, b: int) -> bool:
    """text[a:b] is a whole word, not part of a longer capitalised run ("Trump Tower")."""
    if a > 0 and (text[a - 1].isalnum() or text[a - 1] in "'’.-"):
        return False
    if b < len(text) and (text[b].isalnum() or text[b] == "-"):
        return False
    if text[b : b + 1] == " " and text[b + 1 : b + 2].isupper():
        return False
    if a >= 2 and text[a - 1] == " ":
        before = _word_before(text, a)
        return not (before[:1].isupper() and before.lower() not in NOT_NAME)
    return True


def _word_before(text: str, a: int) -> str:
    k = a - 1
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k : a - 1]


_CUE_WORDS = CUES | ATTITUDE_CUES | PHRASAL_FORMS.keys() | {"according", "According", "Asked"}
_CUE_WORDS |= {
    w.capitalize() for w in CUES | ATTITUDE_CUES
} | NOUN_CUES.keys()  # headlines: "Trump Slams ..."
_NON_WORD = re.compile(r"[^\w\s]")


def _in_masks(pos: int, masks: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(masks, (pos, 1 << 60))
    return any(masks[i][0] <= pos < masks[i][1] for i in range(max(0, k - 3), k))


def _sentence_index(doc: ArticleDoc, pos: int) -> int:
    return max(0, bisect.bisect_right(doc.sent_starts, pos) - 1)


# --- speaker resolution ----------------------------------------------------------------------


def _expand(doc: ArticleDoc, name: str) -> str:
    """A bare or partial name becomes the fullest form of that surname in the article."""
    full = doc.fullnames.get(doc.skeleton(surname(name)))
    if full and len(full.split()) >= len(name.split()):
        given = name.split()[:-1]  # "Bill Clinton" is not "Hillary Clinton"
        if all(w in full.split() for w in given):
            return full
    return name


def _resolve(doc: ArticleDoc, m: Mention | None) -> str | None:
    """The speaker a source mention stands for: full name, organisation, or resolved he/she."""
    if m is None:
        return None
    if m.kind in ("person", "name") and m.name:
        return _expand(doc, m.name) if _speaker_ok(doc, m) else None
    if m.kind == "org":
        return m.name
    if m.kind == "pronoun":
        if m.name not in PERSON_PRONOUNS:
            return None
        k = bisect.bisect_left(doc.speaker_starts, m.start) - 1
        if k >= 0 and m.start - doc.speakers[k][0] <= PRONOUN_WINDOW:
            closer = _sentence_subject_after(doc, doc.speakers[k][0], m.start)
            return closer or doc.speakers[k][1]
        return _antecedent(doc, m.start)
    if m.kind == "nominal":
        heads = [w for w in m.titles if w in TITLES or w in NOMINAL_HEADS]
        if not heads:
            return None
        head = heads[-1]
        k = bisect.bisect_left(doc.person_starts, m.start) - 1
        while k >= 0:
            p = doc.persons[k]
            if head in p.titles and p.name:
                return _expand(doc, p.name)
            k -= 1
        return None
    return None


def _sentence_subject_after(doc: ArticleDoc, lo: int, pos: int) -> str | None:
    """A person opening a later sentence than the last speaker ("Trump mentioned ...") is nearer."""
    k = bisect.bisect_left(doc.person_starts, pos) - 1
    while k >= 0 and doc.persons[k].start > lo:
        p = doc.persons[k]
        sent = doc.sentences[_sentence_index(doc, p.start)] if doc.sentences else None
        if (
            sent is not None
            and sent.start > lo
            and doc.person_subject[k]
            and _opens_sentence(doc.text, sent.start, p.start)
            and p.name
        ):
            return _expand(doc, p.name)
        k -= 1
    return None


def _opens_sentence(text: str, sent_start: int, pos: int) -> bool:
    """Only an introductory phrase (up to a comma) precedes pos in its sentence."""
    lead = text[sent_start:pos]
    return not lead.strip() or (
        lead.rstrip().endswith(",") and lead.count(",") == 1 and len(lead) < 60
    )


def _antecedent(doc: ArticleDoc, pos: int) -> str | None:
    """he/she with no recent speaker: the subject-like person of the nearest earlier sentence."""
    k = bisect.bisect_left(doc.person_starts, pos) - 1
    if k < 0:
        return None
    si = _sentence_index(doc, pos)
    limit = doc.sentences[max(0, si - 3)].start if doc.sentences else 0
    best: int | None = None
    j = k
    while j >= 0 and doc.persons[j].start >= limit:
        cur_sent = _sentence_index(doc, doc.persons[j].start)
        # first subject-like mention of that sentence
        first = None
        while j >= 0 and _sentence_index(doc, doc.persons[j].start) == cur_sent:
            if doc.person_subject[j]:
                first = j
            j -= 1
        if first is not None:
            best = first
            break
    if best is None:
        best = k
    name = doc.persons[best].name
    return _expand(doc, name) if name else None


@dataclass(slots=True)
class _Frame:
    """The unquoted words around one segment inside its sentence(s)."""

    before: list[Token]
    after: list[Token]
    full_before: list[Token]


def _frame(doc: ArticleDoc, seg: Segment) -> _Frame:
    text = doc.text
    si = _sentence_index(doc, seg.open)
    se = _sentence_index(doc, max(seg.open, seg.close))
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


def _speaker_from_frame(doc: ArticleDoc, fr: _Frame) -> tuple[Mention | None, str | None, bool]:
    """(mention, cue, found_cue) from the words right after the quote, else before it; when
    a new clause follows the quote ("Cruz accuses Obama of “...” and Trump says ..."), the
    words before it first."""
    if fr.before and fr.after and fr.after[0].low in _COORD:
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
        cue = after[ci].low
        if cue == "according":
            own = cue_index(fr.before, reverse=True)
            if own is not None and fr.before[own].low != "according":
                m = subject_before(fr.before, own)
                if m is not None and m.kind in ("person", "name", "pronoun"):
                    return m, fr.before[own].low, True
            return subject_after(after, ci + 1), "according to", True
        m = _subject_before(doc, after, ci) if ci > 0 else None
        if m is None:
            m = _subject_after(after, ci)
        if m is None:
            m = clause_subject(fr.full_before, 0, len(fr.full_before), accept=doc.speaker_ok)
        return m, cue, True
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
        cue = before[ci].low
        if cue == "according":
            return subject_after(before, ci + 1), "according to", True
        m = _subject_before(doc, before, ci)
        if m is None and ci + 1 < len(before):
            m = subject_after(before, ci)
        chained = (  # "Nefzi said, adding, ...": the subject of the first cue
            ci >= 2
            and before[ci - 1].text == ","
            and cue_index(before[max(0, ci - 4) : ci - 1], reverse=True) is not None
        )
        if m is None or (is_participle(cue) and m.kind != "pronoun" and not chained):
            lead = [t for t in fr.full_before if t.start < before[ci].start]
            m = clause_subject(lead, 0, len(lead), accept=doc.speaker_ok) or m
        return m, cue, True
    agent = passive_agent(after)
    if agent is not None:
        return agent, None, True
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
        if t.low in ATTITUDE_CUES and not t.cap and not noun_use(before, i):
            m = subject_before(before, i)
            if m is not None and _known_person(doc, m):
                return m, t.low, True
            break
    return None, None, False


_CHAIN = frozenset("and of the".split())


def _subject_after(toks: list[Token], ci: int) -> Mention | None:
    """subject_after, plus two inverted shapes it misses: an appositive name after a role
    ("said the bureau's director, James Comey,") and a chain of titles joined by "and"
    ("said former Gov. and party Chairman Ed Rendell")."""
    m = subject_after(toks, ci)
    if m is not None and m.kind in ("person", "pronoun"):
        return m
    n = len(toks)
    if m is not None and m.kind == "nominal":
        j = next((k for k in range(ci + 1, n) if toks[k].start >= m.end), n)
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


def _subject_before(doc: ArticleDoc, toks: list[Token], ci: int) -> Mention | None:
    """subject_before, but past an organisation that only qualifies a person: "Jeffrey Lewis of
    the Middlebury Institute wrote", "Ann Lee, president and CEO of the Retail Association said"."""
    m = subject_before(toks, ci)
    if m is None and is_participle(toks[ci].low):
        m = _with_subject(toks, ci)
    if m is not None and m.kind in ("person", "name") and _place_like(doc, toks, m):
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
            if p is not None and p.kind in ("person", "name") and _qualifier_only(toks, k, ci):
                return p
        k -= 1
    return m


def _with_subject(toks: list[Token], ci: int) -> Mention | None:
    """`with Donald Trump tweeting that ...`: the name after "with" is the participle's subject."""
    j = ci - 1
    if j < 1 or not toks[j].cap:
        return None
    i = j
    while i - 1 >= 0 and toks[i - 1].cap and toks[i - 1].text[0].isalpha():
        i -= 1
    if i < 1 or toks[i - 1].low != "with":
        return None
    m = classify_run(toks[i : j + 1])
    return m if m is not None and m.kind in ("person", "name") else None


def _qualifier_only(toks: list[Token], a: int, b: int) -> bool:
    """toks[a:b] is a role and an organisation name, with no verb that could start a clause."""
    seen_of = False
    for t in toks[a:b]:
        if t.low in ("of", "at", "from"):
            seen_of = True
        if not (t.cap or t.low in _ORG_PHRASE or t.low in TITLES or t.low in NOMINAL_HEADS):
            return False
    return seen_of


def _best_cue_before(before: list[Token]) -> int | None:
    """The nearest cue before a quote that has a subject ("Rubio said that by refusing to say
    the words ..." -> said), else the nearest cue."""
    first: int | None = None
    hi = len(before)
    for _ in range(3):
        ci = cue_index(before[:hi], reverse=True)
        if ci is None:
            break
        if first is None:
            first = ci
        if before[ci].low == "according" or subject_before(before, ci) is not None:
            return ci
        hi = ci
    return first


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
    toks = doc.unmasked(line_start, k)
    ci = cue_index(toks, reverse=True)
    if ci is None:
        return clause_subject(toks, 0, len(toks), accept=doc.speaker_ok)
    return (
        subject_before(toks, ci)
        or subject_after(toks, ci)
        or clause_subject(toks, 0, ci, accept=doc.speaker_ok)
    )


def _attribute_segments(doc: ArticleDoc, segments: list[Segment]) -> list[Quote]:
    out: list[Quote] = []
    text = doc.text
    prev_speaker: str | None = None
    cur_line = -1
    line_speaker: str | None = None
    last_para_speaker: str | None = None
    apostrophes: list[tuple[Segment, str | None]] = []
    for seg in segments:
        line = text.rfind("\n", 0, seg.open)
        if line != cur_line:
            gap = text[cur_line + 1 : line] if cur_line >= 0 else ""
            last_para_speaker = line_speaker if gap.count("\n") <= 2 else None
            prev_speaker = None
            line_speaker = None
            cur_line = line
        fr = _frame(doc, seg)
        body = text[seg.start : seg.end]
        if _names_a_work(body, fr.before):
            continue  # CNN's “New Day”, the film “The Revenant”
        mention, cue, found = _speaker_from_frame(doc, fr)
        speaker = _resolve(doc, mention) if found else None
        if found and mention is None and prev_speaker is not None:
            speaker = prev_speaker
        if not found:
            nwords = len(body.split())
            if _title_case(body) and nwords <= 6:
                continue  # a title nobody is said to have said
            intro = _colon_intro(doc, seg) if not fr.before else None
            if prev_speaker is not None:
                speaker = prev_speaker
            elif intro is not None:
                speaker = _resolve(doc, intro)
            elif not fr.before and last_para_speaker is not None:
                speaker = last_para_speaker
            else:
                m = clause_subject(
                    fr.before, 0, len(fr.before), accept=doc.speaker_ok
                ) or clause_subject(fr.after, 0, len(fr.after), accept=doc.speaker_ok)
                speaker = _resolve(doc, m) if m is not None and _known_person(doc, m) else None
                if speaker is None and nwords <= 4:
                    named = clause_subject(fr.before, 0, len(fr.before)) or clause_subject(
                        fr.after, 0, len(fr.after)
                    )
                    if named is None or not _known_person(doc, named):
                        continue  # a scare quote nobody is said to have said
        elif _title_case(body) and len(body.split()) <= 3 and cue is None:
            continue
        if speaker is not None:
            prev_speaker = speaker
            line_speaker = speaker
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
