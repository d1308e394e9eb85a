"""Indirect (reported) speech: who is said to have said, thought or wanted what, in whose words.

Cue verbs of speech, belief and stance with their subject and complement ("Clinton said the
plan would fail", "Cruz has vowed to repeal it", "..., officials said"), reporting nouns
("Trump's call for a ban"), `according to`, `As X noted, ...`, colon lines and `In a new poll,
...` frames. Content spans follow PolNeAR: the reported clause without the cue or the source.
Runs on the ArticleDoc that quotes.py prepares (tokens outside quote marks, people named).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from bot.extract.attribution import (
    ATTITUDE_CUES,
    ATTITUDE_PARTICLES,
    AUX,
    CUES,
    DETERMINERS,
    NOUN_CUES,
    OBJECT_CUES,
    PHRASAL_FORMS,
    PRONOUNS,
    PUNCT,
    QUOTE_CUES,
    SPEECH_CUES,
    TEMPORAL,
    TITLES,
    Mention,
    Token,
    classify_run,
    clause_subject,
    noun_use,
    np_ending_at,
    possessive,
    skip_aside,
    subject_after,
    subject_before,
    tokens,
    verb_forms,
)
from bot.model import Quote, Sentence

if TYPE_CHECKING:
    from bot.extract.quotes import ArticleDoc

_END_PUNCT = ".!?;:"


def indirect_speech(doc: ArticleDoc) -> list[Quote]:
    """Reported speech in the article: cue verbs and nouns, `according to`, colon lines, frames."""
    out: list[Quote] = []
    for si in _with_that_noun_sentences(doc):
        sent = doc.sentences[si]
        toks = doc.sentence_tokens(si)
        seg_in = doc.masks_within(sent.start, sent.end)
        asks_reader = doc.text[sent.start : sent.end].rstrip().endswith("?")
        for ci, t in enumerate(toks):
            if asks_reader and ci > 0 and toks[ci - 1].low == "you":
                continue  # "Do you support Ann Lee?": a question to the reader, no report
            if t.low == "asked" or t.low == "asking":
                q = _question_at(doc, toks, ci, sent)
                if q is not None:
                    out.append(q)
                continue
            if t.cap and ci == 0 and t.low.endswith("ing") and t.low in _ALL_CUES:
                q = _opening_participle(doc, toks, sent)
                if q is not None:
                    out.append(q)
                continue
            if t.cap and not (t.low == "according" and ci == 0):
                if ci > 0 and (t.low in CUES or t.low in ATTITUDE_CUES) and _headline(toks):
                    q = _headline_at(doc, toks, ci, sent)
                    if q is not None:
                        out.append(q)
                continue
            if (t.low in CUES or t.low in ATTITUDE_CUES) and not noun_use(toks, ci):
                q = _relative_object(doc, toks, ci)
                if q is not None:
                    out.append(q)
                    continue
            is_acc = t.low == "according" and ci + 1 < len(toks) and toks[ci + 1].low == "to"
            if (
                t.low in NOUN_CUES and ci + 1 < len(toks) and toks[ci + 1].low in NOUN_CUES[t.low]
            ) or (t.low in _THAT_NOUNS and ci + 1 < len(toks) and toks[ci + 1].low == "that"):
                q = _noun_cue_at(doc, toks, ci, sent)
                if q is not None:
                    out.append(q)
                    continue
            if t.low in ATTITUDE_CUES or t.low in PHRASAL_FORMS:
                if noun_use(toks, ci) or _bare_noun(toks, ci):
                    continue
                q = _attitude_at(doc, toks, ci, sent)
            elif not (is_acc or t.low in CUES) or (noun_use(toks, ci) and not is_acc):
                continue
            else:
                q = _indirect_at(doc, toks, ci, is_acc, sent)
            if q is None:
                continue
            if ci > 0 and t.low.endswith("ing") and toks[ci - 1].low in _GERUND_HOSTS:
                q = _gerund_object(q)  # "by pledging reform and trying to ..."
            if any(
                m[0] < q.end and m[1] > q.start and (m[1] - m[0]) * 2 > (q.end - q.start)
                for m in seg_in
            ):
                continue  # the content is a direct quote, reported above
            out.append(q)
    out.extend(_colon_lines(doc))
    out.extend(_document_frames(doc))
    preps = _prep_hits(doc.text)
    out.extend(_stance_predicates(doc, preps))
    out.extend(_topic_phrases(doc, preps))
    return _dedupe([r for q in out if (r := _tidy(q)) is not None])


# Nouns of saying and thinking whose `that` clause is what was said or thought:
# "the notion that the race is over", "his assurance that he will stay".
_THAT_NOUNS = frozenset(
    """idea ideas notion assumption assumptions assurance assurances impression perception
    conviction speculation theory rumor rumors rumour rumours suspicion suspicions admission
    acknowledgment acknowledgement expectation expectations prediction predictions conclusion
    contention charge charges message reminder sense doubt doubts worry worries argument
    arguments assertions beliefs views suggestions insistence announcement statement
    complaint allegation accusation report reports news""".split()
)


_THAT_NOUN_RE = re.compile(r"\b(?:" + "|".join(sorted(_THAT_NOUNS)) + r") that\b")


def _with_that_noun_sentences(doc: ArticleDoc) -> list[int]:
    """The cue sentences plus those holding `notion that ...` (one pass over the text)."""
    extra = {
        i
        for m in _THAT_NOUN_RE.finditer(doc.text)
        if (i := _sentence_index_at(doc, m.start())) is not None
    }
    if not extra:
        return doc.cue_sentences
    return sorted(extra.union(doc.cue_sentences))


_COLON_LINE = re.compile(
    r"^[ \t]*([A-Z][\w.'’&-]*(?:[ \t]+[\w.'’&-]+){0,4}):[ \t]+([^\n]*\w[^\n]*)$", re.MULTILINE
)
_NOT_SOURCES = frozenset(
    """note update updated correction editor editor's photo photos video watch related source
    sources comment tags share read click subscribe advertisement credit image caption follow
    email contact disclaimer warning question answer q a transcript listen see more also
    breaking exclusive analysis opinion latest contributing""".split()
)


def _colon_lines(doc: ArticleDoc) -> list[Quote]:
    """`Paul Ryan: FBI decision defies explanation.` -- a headline or transcript line gives its source."""
    out: list[Quote] = []
    text = doc.text
    for m in _COLON_LINE.finditer(text):
        prefix, body = m.group(1), m.group(2)
        words = prefix.split()
        if (
            len(words) > 5
            or any(ch.isdigit() for ch in prefix)
            or any(w.lower().strip(".'’") in _NOT_SOURCES for w in words)
            or (len(words) > 1 and prefix.isupper())
        ):
            continue
        if sum(w[:1].isupper() for w in words) * 2 < len(words) or len(body.split()) < 3:
            continue
        if body.count(",") >= 2 and _mostly_capitalised(body):
            continue  # "Contributing: Ann Lee, Bo Park, USA TODAY": credits or a list of names
        if doc.masks_within(m.start(2), m.end(2)) and ('"' in body or "“" in body):
            continue  # a direct quote, attributed with the segments
        s, e = _trim(text, m.start(2), m.end(2))
        run = tokens(text, m.start(1), m.end(1))
        mention = classify_run(run) if run else None
        if mention is not None and mention.kind == "nominal":
            mention = None
        q = _make(doc, s, e, mention, ":")
        if q is not None:
            out.append(q)
    return out


def _mostly_capitalised(body: str) -> bool:
    words = [w for w in body.split() if w[:1].isalpha()]
    return bool(words) and sum(w[:1].isupper() for w in words) * 3 >= len(words) * 2


_DOC_NOUNS = frozenset(
    """poll polls survey surveys statement statements interview interviews letter book memo
    report speech op-ed column essay filing lawsuit complaint tweet tweets post video email
    emails ad ads remarks testimony affidavit document documents study analysis""".split()
)


def _document_frames(doc: ArticleDoc) -> list[Quote]:
    """`In a statement, the campaign ...`, `In the new Post-ABC poll, Trump leads`: the frame
    names where the content was said; the rest of the sentence is the content."""
    out: list[Quote] = []
    text = doc.text
    for sent in doc.sentences:
        if not text.startswith(("In ", "in "), sent.start):
            continue
        comma = text.find(",", sent.start, min(sent.end, sent.start + 120))
        if comma < 0:
            continue
        frame = text[sent.start : comma].lower().replace("’", "'").split()
        if not any(w.strip("'s") in _DOC_NOUNS or w in _DOC_NOUNS for w in frame[1:]):
            continue
        s, e = _trim(text, comma + 1, sent.end)
        toks = tokens(text, s, e)
        if len(toks) < 3 or doc.masked(s) or any(t.low in CUES for t in toks):
            continue  # "In a statement, X said ...": the cue reports it
        e = _clause_end(toks, 0, e)
        s, e = _trim(text, s, e)
        if e > s:
            out.append(
                Quote(text=text[s:e], speaker=None, kind="indirect", start=s, end=e, cue="in")
            )
    return out


_BASE_FORMS = frozenset(
    w
    for w in CUES | ATTITUDE_CUES
    if any(f in CUES | ATTITUDE_CUES for f in (w + "s", w + "es", w + "ed", w + "d", w + "ing"))
)
_LICENSERS = frozenset(
    """to do does did don't didn't doesn't will would can could may might must shall should won't
    wouldn't can't cannot couldn't shouldn't n't i we you they them who that which and or but nor
    both all many most some few others people police men women children me us him her you several percent""".split()
)
_CLAUSE_NEXT = frozenset("that whether to is was".split())
_SKIPPABLE = frozenset("also still never not even just often now really only increasingly".split())


def _bare_noun(toks: list[Token], ci: int) -> bool:
    """`Trump had his greatest support among ...`, `the Democratic plan rejected`: an uninflected
    cue after a singular noun, adjective or number is a noun, since as a present-tense verb
    it needs a plural or pronoun subject, a modal or `to` right before it."""
    if ci == 0 or toks[ci].low not in _BASE_FORMS:
        return False
    if ci + 1 < len(toks) and toks[ci + 1].low in _CLAUSE_NEXT:
        return False  # "the question is whether ...", "his call to ban ...": a report all the same
    j = ci - 1
    while j > 0 and (toks[j].low in _SKIPPABLE or (toks[j].low.endswith("ly") and not toks[j].cap)):
        j -= 1
    prev = toks[j]
    low = prev.low.replace("’", "'")
    if low in _LICENSERS or low.endswith(("n't", "'d")) or not prev.text[0].isalpha():
        return False
    # a plural subject licenses the verb: "Democrats support", "voters want"
    return not (low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")))


_NOT_CONTENT_START = frozenset("and or among since before because up down off".split())
_BARE_MARKS = frozenset(("'", "’", "‘", "''", '"', "”"))
_NEW_SUBJECT = re.compile(r",\s+and\s+(?:he|she|they|it|we|I|his|her|their|its|the|a|an)\s")
_EXCEPT = re.compile(r"\s(?:even as|except that|except)\s")


_WHEN_WORDS = frozenset(
    "just today yesterday tonight ago the this last next week month year day".split()
)


def _timeword(w: str) -> bool:
    w = w.strip(".,").lower()
    return w in TEMPORAL or w in _TIME_WORDS or w in _WHEN_WORDS or w.isdigit()


def _tidy(q: Quote) -> Quote | None:
    """Drop content no one could have asserted and cut it where another clause takes over.

    A report's content is a clause or a noun phrase: it never opens with a bare coordinator
    (`plan and the 2007 plan`) or a preposition of time, place or cause (`support among
    women`, `not seen since 2007`, `show up`); one that ends in "said" has run into the
    next attribution. `, and the rest ...` with a new subject, `except ...` and `even as ...`
    begin another statement, not the reported one."""
    words = q.text.split()
    if not words or words[0] in _NOT_CONTENT_START or words[0] in _BARE_MARKS:
        return None  # "'  the club": a span that opens on a closing quote mark
    if len(words) <= 4 and (words[-1] == "said" or all(_timeword(w) for w in words)):
        return None  # "... the senator said", "reported [just today]"
    cut = len(q.text)
    for pat in (_NEW_SUBJECT, _EXCEPT):
        m = pat.search(q.text, 0, cut)
        if m and len(q.text[: m.start()].split()) >= 2:
            cut = m.start()
    if cut == len(q.text):
        return q
    return replace(q, text=q.text[:cut], end=q.start + cut)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Drop reports that mostly repeat a better one: speech cues beat stance verbs and
    `according to`; among equals the earlier, longer report wins."""
    kept: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (_rank(q), q.start, -(q.end - q.start))):
        if q.text.lower() in _REL_OBJECTS:
            kept.append(q)  # "which he denied": a one-word report inside another's content
            continue
        if any(
            q.start < k.end
            and k.start < q.end
            and (min(q.end, k.end) - max(q.start, k.start)) * 2 >= (q.end - q.start)
            for k in kept
        ):
            continue
        kept.append(q)
    kept.sort(key=lambda q: q.start)
    return kept


def _rank(q: Quote) -> int:
    if q.cue in SPEECH_CUES:
        return 0
    if q.cue in CUES or q.cue == ":":
        return 1
    if q.cue == "according to":
        return 2
    return 3


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _END_PUNCT + ",—–-"):
        e -= 1
    return s, e


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
        if ci == 1 and re.sub(r"['’]s$", "", toks[0].low) in _DEMONSTR and toks[0].low[-1] == "s":
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
        elif toks[ci - 1].low in _THAT_OPENERS and k < len(toks) - 2:
            s, e = _trim(text, toks[k].end, sent.end)  # "said that according to X, CONTENT"
        elif ci == 2 and toks[1].low in ("’s", "'s", "is", "was") and toks[0].low in _DEMONSTR:
            s, e = toks[0].start, toks[0].end  # "That's according to the exit polls."
        elif ci >= 3 and toks[ci - 1].text not in PUNCT:
            s, e = _trim(text, sent.start, toks[ci - 1].end)  # "CONTENT according to X"
        else:
            return None
        return _make(doc, s, e, m, cue)
    # subject before the cue: "X said (that) CONTENT"
    if ci > 0 and toks[ci - 1].low in _BE and not _progressive(toks, ci):
        if cue in _RAISING and ci + 1 < len(toks) and _raising_complement(toks, ci + 1):
            return _raised(doc, toks, ci, cue, sent)
        return _passive(doc, toks, ci, sent)  # "The plan was announced", "was asked"
    if _be_before(toks, ci) is not None and not _complement_follows(toks, ci):
        q = _passive(doc, toks, ci, sent)  # "was first reported by"
        if q is not None:
            return q
    needs_that = cue in QUOTE_CUES or _closes_direct_quote(text, sent.start, toks[ci].start)
    subj = subject_before(toks, ci) or _implicit_subject(toks, ci)
    after_cue = ci + 1
    n = len(toks)
    if subj is None and ci > 0 and _finite_after_subject(toks, ci):
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
                and toks[k].low not in _CLAUSE_OPENERS
                and not toks[k].cap
            ):
                return None  # "told his defense officials on Monday": an addressee, no content
            if obj and not that and all(t.cap or t.low in TITLES for t in toks[k:-1]):
                return None  # "she told moderator John Dickerson."
            if (
                not that
                and toks[k].low in _PREPS_STOP
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
                if len(text[s:e].split()) < _MIN_WORDS and text[s:e].lower() not in _ANSWERS:
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
            and (head == 1 or toks[head - 2].text in PUNCT or toks[head - 2].low in _COORD)
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
_ANSWERS = frozenset("yes no so".split())
_MEDIUM_NOUNS = frozenset(
    """statement interview letter post tweet speech email op-ed column memo filing release
    video message appearance call conference briefing""".split()
)


def _skip_medium(toks: list[Token], k: int) -> int:
    """Past `in a statement (Thursday night)` after a cue when a clause follows it:
    `said in a statement Thursday they pulled the listing`."""
    n = len(toks)
    if k >= n or toks[k].low not in ("in", "during", "on"):
        return k
    j = k + 1
    while j < n and j - k <= 4 and toks[j].low not in _MEDIUM_NOUNS:
        if toks[j].text in PUNCT:
            return k
        j += 1
    if j >= n or toks[j].low not in _MEDIUM_NOUNS:
        return k
    j += 1
    while j < n and toks[j].low in TEMPORAL:
        j += 1
    if j < n and (toks[j].low in _SUBJECT_PRONOUNS or toks[j].low in ("that", "the")):
        return j
    return k


_DEMONSTR = frozenset("that this those these".split())
_THAT_OPENERS = frozenset("that because while since although though if when but and".split())


def _verbless(toks: list[Token]) -> bool:
    """`But the next day`, `Notably absent from the talks`: a fronted adverbial or
    predicate (it opens on a preposition, an adverb or a time) without a finite verb, so the
    clause it belongs to goes on after an inserted `according to X,`."""
    if toks and toks[0].low in _COORD:
        toks = toks[1:]
    if not 0 < len(toks) <= 8:
        return False
    first = toks[0].low
    fronted = (
        first in _PREPS_STOP
        or first in TEMPORAL
        or first in _TIME_WORDS
        or first in ("one", "notably", "also")
        or (first.endswith("ly") and first.isalpha())
    )
    return fronted and not any(
        t.low in _FINITE or t.low in _ALL_CUES or (t.low.endswith("ed") and not t.cap) for t in toks
    )


def _short_opener(toks: list[Token], comma: int) -> bool:
    """`But,` / `In addition,` / `Last year,` before `according to`: a sentence adverbial, not content."""
    return 0 < comma <= 3 and not any(t.low in _FINITE for t in toks[:comma])


def _as_clause_start(toks: list[Token], ci: int) -> int | None:
    """Index of the "as" that opens a short unpunctuated `as SOURCE CUE` clause ending at ci."""
    for i in range(ci - 1, max(-1, ci - 9), -1):
        t = toks[i]
        if t.low == "as":
            return i if i + 1 < ci else None
        if t.text in PUNCT or t.low in _RELATIVE or t.low in _FINITE:
            return None
    return None


def _participle_follows(toks: list[Token], nxt: Token) -> bool:
    """`..., he added, saying action was needed`: what follows the comma is a new report."""
    i = next((i for i, t in enumerate(toks) if t is nxt), -1)
    return nxt.text == "," and 0 <= i < len(toks) - 1 and toks[i + 1].low in _ALL_CUES


_LEAD = re.compile(r"(?:And|But|So|Yet|Still|Also|However,?|Indeed,?)\s+")


def _after_earlier_report(toks: list[Token], comma: int, start: int) -> int:
    """`A, said Lee, who runs the poll, and B, she added`: B starts after the first report."""
    for i in range(comma - 1, 0, -1):
        if toks[i].low in SPEECH_CUES and not toks[i].cap and toks[i - 1].text == ",":
            for j in range(comma - 2, i, -1):
                if toks[j].text == ",":
                    nxt = j + 2 if toks[j + 1].low in _COORD else j + 1
                    return toks[nxt].start if nxt < comma else start
            return start
        if toks[i].low in SPEECH_CUES and not toks[i].cap:  # "X said A, but B, they said"
            for j in range(i + 1, comma - 1):
                if toks[j].text == "," and toks[j + 1].low in _COORD:
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


_RELATIVE = frozenset("who which that".split())


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
    if t.low in _RELATIVE and not t.cap:
        if j >= 2 and toks[j - 1].text == ",":
            m = np_ending_at(toks, j - 2)
            if m is not None and m.kind in ("person", "name", "org", "nominal"):
                return m
        return Mention(None, "unknown", t.start, t.end)
    if t.low in _COORD and not t.cap:
        for i in range(j - 1, -1, -1):  # the earlier verb of the pair must be a cue too
            if toks[i].low in _ALL_CUES and not toks[i].cap:
                m = subject_before(toks, i) or _implicit_subject(toks, i)
                return m or Mention(None, "unknown", t.start, t.end)
            if toks[i].text in (";", ":", ".", "—"):
                break
        return Mention(None, "unknown", t.start, t.end)  # "... rushed everyone inside and said"
    return None


def _np_start(toks: list[Token], ci: int) -> int | None:
    """`..., people familiar with the session said.`: where a short unpunctuated subject begins."""
    for i in range(ci - 1, max(-1, ci - 10), -1):
        if toks[i].text == ",":
            return i + 1 if i + 1 < ci else None
        if toks[i].text in PUNCT or toks[i].low in _NOT_SUBJECT_END or toks[i].low in _RELATIVE:
            return None
    return None


def _noun_cue_at(doc: ArticleDoc, toks: list[Token], ci: int, sent: Sentence) -> Quote | None:
    """`Trump's call for a ban on Muslims`, `her claim that ...`: a reporting noun and its complement."""
    if ci == 0:
        return None
    prev = toks[ci - 1]
    owner: Mention | None = None
    if possessive(prev.text):
        owner = np_ending_at(toks, ci - 1) if prev.cap else None  # "Trump's call for"
    elif (prev.cap and prev.low not in DETERMINERS) or not prev.text[0].isalpha():
        return None  # "Trump call for": a headline verb, read with the verbs
    k = ci + 1
    comp = toks[k].low
    if comp == "to" and not _infinitive(toks, k):
        return None
    if comp != "to":
        k += 1
    if k >= len(toks) or toks[k].text in PUNCT:
        return None
    if toks[ci].low not in NOUN_CUES and toks[k].low in _FINITE | _REL_OBJECTS:
        return None  # "a report that could raise questions": a relative clause, not content
    e = _clause_end(toks, k, sent.end)
    if comp != "that" and comp != "to":
        e = min(e, _object_end(toks, k, e))
    s, e = _trim(doc.text, toks[k].start, e)
    if e <= s:
        return None
    return _make(doc, s, e, owner, toks[ci].low)


_RAISING = frozenset(
    "expected believed thought said reported considered seen viewed regarded favored".split()
)


def _raising_complement(toks: list[Token], k: int) -> bool:
    """`is expected to win`, `is seen as an asset`."""
    return _infinitive(toks, k) or (toks[k].low == "as" and k + 1 < len(toks))


_CLAUSE_BREAK = frozenset(",;:".split()) | {"that", "as", "while", "because", "and", "but"}


def _raised(doc: ArticleDoc, toks: list[Token], ci: int, cue: str, sent: Sentence) -> Quote | None:
    """`Obama is expected to join Clinton`: the subject and the infinitive are the content."""
    j = ci - 2
    while j >= 0 and toks[j].text not in _CLAUSE_BREAK and toks[j].low not in _CLAUSE_BREAK:
        j -= 1
    if j + 1 >= ci - 1:
        return None
    s, e = _trim(doc.text, toks[j + 1].start, _clause_end(toks, ci + 1, sent.end))
    return _make(doc, s, e, None, cue) if e > s else None


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


_SUBORDINATORS = frozenset(
    "when after if because although though while before once until since as unless".split()
)


def _fronted(toks: list[Token], ci: int) -> bool:
    """`When the leader realized X, he left`: the cue sits in a fronted adverbial clause."""
    i = 1 if toks and toks[0].low in _COORD else 0
    if i >= ci or toks[i].low not in _SUBORDINATORS:
        return False
    return all(t.text != "," for t in toks[i:ci])


def _object_infinitive(toks: list[Token], k: int) -> bool:
    """`urged Obama not to close the prison`: a short object, then a to-infinitive."""
    for j in range(k + 1, min(len(toks), k + 7)):
        if toks[j].text in PUNCT or toks[j].low == "that":
            return False
        if _infinitive(toks, j):
            return True
    return False


def _infinitive(toks: list[Token], k: int) -> bool:
    """`promised to veto it`: "to" opening a verb phrase rather than a prepositional object."""
    if toks[k].low != "to" or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return not nxt.cap and nxt.text[0].isalpha() and nxt.low not in DETERMINERS


def _quantifier(toks: list[Token], k: int) -> bool:
    """`reported at least six planes`: a preposition that opens a number phrase, not an object."""
    return (
        k + 1 < len(toks)
        and toks[k].low in ("at", "about", "over", "nearly", "around")
        and (toks[k + 1].low in _AMOUNT_WORDS or toks[k + 1].text[0].isdigit())
    )


_AMOUNT_WORDS = frozenset(
    """least most half one two three four five six seven eight nine ten twenty thirty forty
    fifty hundred dozen dozens hundreds thousands millions""".split()
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


def _attitude_at(doc: ArticleDoc, toks: list[Token], ci: int, sent: Sentence) -> Quote | None:
    """`Clinton slammed Obama as elitist`: a stance verb with a named subject; its complement is the content."""
    n = len(toks)
    if ci > 0 and toks[ci - 1].low in _BE and not _progressive(toks, ci):
        if toks[ci].low in _RAISING and ci + 1 < n and _raising_complement(toks, ci + 1):
            return _raised(doc, toks, ci, toks[ci].low, sent)  # "is seen as an asset"
        return _passive(doc, toks, ci, sent)  # "The bill was criticized by ..."
    if _be_before(toks, ci) is not None and not _complement_follows(toks, ci):
        q = _passive(doc, toks, ci, sent)
        if q is not None:
            return q
    subj = subject_before(toks, ci) or _implicit_subject(toks, ci)
    if subj is None and _finite_after_subject(toks, ci):
        subj = Mention(None, "unknown", toks[ci - 1].start, toks[ci - 1].end)
    if subj is None:
        return None
    naming = toks[ci].low in _NAMING and not (ci + 1 < n and toks[ci + 1].low in ("for", "on"))
    if subj.kind == "unknown" and naming:
        return None  # "a show called Judge Y'Self": a name, not a report
    k = ci + 1
    if k < n and toks[k].low == "by":
        return None  # "repeated by the Home Secretary": a passive, the content came first
    if (
        subj.kind == "unknown"
        and not toks[ci].low.endswith("ed")
        and k < n
        and toks[k].low in _NOUN_PREPS
    ):
        return None  # "a request for comment", "support for terrorism": a noun
    needs = PHRASAL_FORMS.get(toks[ci].low)
    if needs is not None:
        if k >= n or toks[k].low not in needs:
            return None  # "spoke at a rally": no content without "about"
        k += 1
    elif k < n and toks[k].low in ATTITUDE_PARTICLES and not _infinitive(toks, k):
        k += 1
    clause = k < n and (toks[k].low == "that" or _infinitive(toks, k))
    if k < n and toks[k].low == "that":
        k += 1
    if k >= n or toks[k].text in PUNCT:
        return None
    e = _relative_end(toks, ci, k, _clause_end(toks, k, sent.end))
    if not clause:
        e = min(e, _object_end(toks, k, e))
    s, e = _trim(doc.text, toks[k].start, e)
    if e <= s:
        return None
    return _make(doc, s, e, subj, toks[ci].low)


_NOUN_PREPS = frozenset("for of on in from with".split())
_NAMING = frozenset("called named dubbed titled labeled labelled".split())
_ADJUNCT_OPENERS = frozenset("after during amid before when while since despite until".split())


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
        if t.low in _ADJUNCT_OPENERS:
            return t.start
        if (
            t.low in ("on", "in", "last", "this", "next", "earlier", "later")
            and j + 1 < len(toks)
            and (toks[j + 1].low in TEMPORAL or toks[j + 1].low in _TIME_WORDS)
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


_TIME_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec the""".split()
) - {"the"}


_NOT_SUBJECT_END = frozenset(
    """to will would could can may might must shall should not and or who which that very so too
    more most less really also just never ever even still""".split()
)


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
    if cue.endswith("ing") and j == ci - 1 and prev.low in _GERUND_HOSTS:
        return True  # "by urging voters to stay home", "after saying he would run"
    if (
        cue.endswith("ing")
        and j == ci - 1
        and not prev.cap
        and prev.low.endswith("s")
        and not prev.low.endswith(("ss", "us", "is", "as", "ous"))
        and prev.low not in _FINITE
    ):
        return True  # "Outside groups supporting Rubio": a reduced relative clause
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
    return not (prev.low in _PREPS_STOP or prev.low in DETERMINERS or prev.low in _NOT_SUBJECT_END)


# Prepositions and subordinators that take a gerund whose subject is the main clause's.
_GERUND_HOSTS = frozenset("by after before while since when without for from".split())


_GERUND_CUT = re.compile(
    r",|\s[-—–]+\s|\s(?:and|or|but)\s+\w+ing\b|\s(?:in|on|last|this)\s+[A-Z]?[a-z]*(?:day|month|week|year|January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def _gerund_object(q: Quote) -> Quote:
    """`by pledging reform and trying to connect`, `before announcing her run in April`: a
    gerund's content is its own object, cut at a comma, a dash, a second gerund or a time."""
    if q.text.startswith("that "):
        return q  # a clause: "after saying that ..." runs on
    m = _GERUND_CUT.search(q.text)
    if m is None or len(q.text[: m.start()].split()) < 1:
        return q
    return replace(q, text=q.text[: m.start()], end=q.start + m.start())


_QUESTION_WORDS = frozenset(
    "whether if about why what who whom how when where which to for".split()
)


def _question_at(doc: ArticleDoc, toks: list[Token], ci: int, sent: Sentence) -> Quote | None:
    """`Asked (by X) whether ..., Y said`: the question asked is reported speech."""
    n = len(toks)
    agent: Mention | None = None
    k = ci + 1
    while k < n and k - ci <= 8:
        t = toks[k]
        if t.low in _QUESTION_WORDS and not t.cap:
            break
        if t.low == "by":
            agent = subject_after(toks, k)
        if t.text in PUNCT:
            return None
        k += 1
    else:
        return None
    if k >= n:
        return None
    e = sent.end
    for j in range(k + 1, n):
        if toks[j].text in (",", ";", "—", "–"):
            e = toks[j].start
            break
    s, e = _trim(doc.text, toks[k].start, e)
    if e - s < 4 or doc.masked(s):
        return None
    if (
        agent is None
        and ci > 0
        and toks[ci - 1].low not in _BE
        and toks[ci - 1].low not in ("when", "after", "once")
    ):
        agent = subject_before(toks, ci)
    return _make(doc, s, e, agent, "asked")


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
    if j < n and toks[j].low in DETERMINERS:
        j += 1
        m = j  # "told the newspaper she ...": a common-noun addressee
        while m < n and m - j < 3 and _plain_word(toks[m]):
            m += 1
        if m > j and m < n and toks[m].low in _SUBJECT_PRONOUNS:
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


_SUBJECT_PRONOUNS = frozenset("he she they it we i you".split())


def _plain_word(t: Token) -> bool:
    return (
        not t.cap
        and t.text[:1].isalpha()
        and t.low not in _CLAUSE_OPENERS
        and t.low not in AUX
        and t.low not in _ALL_CUES
        and t.low != "that"
    )


_PREPS_STOP = frozenset(
    """at in from by with during after before as while without on to for about of into over
    through since until like upon via than""".split()
)
_BE = frozenset("was were is are be been being".split())
_CLAUSE_OPENERS = frozenset(
    "he she they it we i you the a an this these those his her their its there to".split()
)


_FINITE = frozenset(
    "have has had is was were are will would could can may might should must did does do".split()
)


def _skip_to_that(toks: list[Token], k: int, bare_object: bool = False) -> tuple[int, bool]:
    """Past "that" when it follows within a few words, else past a time phrase ("on Tuesday")."""
    for j in range(k, min(len(toks), k + 10)):
        if toks[j].low == "that":
            return j + 1, True
        if (toks[j].text in PUNCT and j > k) or toks[j].low in _FINITE:
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
            if nxt in _COORD and j + 2 < n and toks[j + 2].low == "that" and k > 0:
                continue  # "said A, but that B": a second complement of the cue (not an object)
            if (nxt in _ALL_CUES and nxt.endswith("ing")) or nxt in _NEW_CLAUSE:
                return t.start
            if nxt == "according" and j + 2 < n and toks[j + 2].low == "to":
                return t.start  # "..., according to aides": the source closes the content
            if _subject_cue_follows(toks, j + 1):
                return t.start
        elif t.text in _CLAUSE_STOPS:
            return t.start
        elif (
            t.low in _COORD
            and not t.cap
            and (_cue_follows(toks, j + 1) or _subject_cue_follows(toks, j + 1, SPEECH_CUES))
        ):
            return toks[j - 1].start if toks[j - 1].text == "," else t.start
    return sent_end


_COORD = frozenset("and but or".split())
_CLAUSE_STOPS = frozenset({";"})
_ALL_CUES = CUES | ATTITUDE_CUES


def _cue_follows(toks: list[Token], j: int) -> bool:
    """A reporting verb opens toks[j:], after at most two adverbs or auxiliaries."""
    for i in range(j, min(len(toks), j + 3)):
        t = toks[i]
        if t.low in _ALL_CUES and not t.cap:
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
        if toks[i].low in _NOT_SUBJECT_END or toks[i].low in _RELATIVE:
            return False
        i += 1
    return i > j and i < n and toks[i].low in cues and not toks[i].cap


_NEW_CLAUSE = frozenset("but while whereas which where so".split())


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


def _comma_before_subject(toks: list[Token], ci: int) -> bool:
    """`..., he said` / `..., Smith said`: a comma right before a short subject of the cue."""
    for i in range(ci - 1, max(-1, ci - 6), -1):
        if toks[i].text == ",":
            return i < ci - 1
        if toks[i].text in PUNCT:
            return False
    return False


_REL_OBJECTS = frozenset("that which whom what".split())
_AFTER_GAP = frozenset("and but or when as because after before since until later".split())


def _relative_object(doc: ArticleDoc, toks: list[Token], ci: int) -> Quote | None:
    """`a claim that Gowdy's office disputes.`, `which Clinton also supports`: the verb's object
    is the relative pronoun before its subject, and that pronoun is the content."""
    n = len(toks)
    if ci + 1 < n:
        nxt = toks[ci + 1]
        if not (nxt.text in PUNCT or nxt.low in _PREPS_STOP or nxt.low in _AFTER_GAP):
            return None
        if nxt.low in ("to", "that", "as", "of", "about", "for", "on"):
            return None  # "which he said to ...", "what she called on ...": a complement follows
    if ci > 0 and toks[ci - 1].low in _BE:
        return None
    m = subject_before(toks, ci)
    if m is None or m.kind == "unknown":
        return None
    r = next((i for i in range(ci - 1, -1, -1) if toks[i].end <= m.start), None)
    while r is not None and r > 0 and (toks[r].cap or toks[r].text == "."):
        r -= 1  # "which Gov. Ann Lee supports": a title before the name
    if r is None or toks[r].low not in _REL_OBJECTS or toks[r].cap:
        return None
    if r > 0 and toks[r - 1].low in CUES:
        return None  # "said that he ...": a complementizer
    return _make(doc, toks[r].start, toks[r].end, m, toks[ci].low)


# Stance adjectives and prepositional stance phrases: "voters are worried about the economy",
# "she was critical of the deal", "he spoke in favor of the bill". General English predicates of
# feeling, belief and support; their complement is what the subject thinks or backs.
_STANCE_ADJ = frozenset(
    """worried concerned convinced confident sure certain hopeful optimistic pessimistic skeptical
    sceptical wary critical supportive proud afraid aware unaware angry upset furious frustrated
    disappointed pleased glad unhappy nervous anxious eager keen opposed divided split clear
    adamant unsure uncertain doubtful fearful alarmed outraged troubled excited enthusiastic
    undecided satisfied dissatisfied comfortable uncomfortable sympathetic hostile vocal
    ambivalent cautious mindful dismissive contemptuous suspicious fond tired weary ashamed
    embarrassed grateful thankful sorry apologetic open""".split()
)
_LINKING = frozenset(
    """is are was were be been being am remain remains remained seem seems seemed appear appears
    appeared became become becomes grew grown feel feels felt sounded""".split()
)
_DEGREE = frozenset(
    """not very so too more less also still now increasingly deeply highly openly already
    particularly especially equally somewhat quite extremely""".split()
)
_COMPS = "of|about|that|to|with|over|on|toward|towards|at|whether|if|for"
# Adjective first, then a look back for the linking verb: a pattern led by every linking verb
# would cost more than the rest of the extraction.
_STANCE_PHRASE = re.compile(
    r"\b(?P<phrase>in\s+(?:favor|favour|support|defense|defence|praise)\s+of|in\s+opposition\s+to)"
    r"\s+(?!(?:" + _COMPS + r")\b)(?=\S)",
    re.IGNORECASE,
)
_OBJECT_SPAN = 300
_CLAUSE_COMPS = frozenset("that whether if".split())


def _after_linking(words: list[str]) -> bool:
    """A linking verb ("are", "seemed", "they're") ends words, past at most two degree adverbs."""
    for w in reversed(words[-3:]):
        low = w.lower()
        if low in _LINKING or low.endswith(("'re", "’re", "'s", "’s")):
            return True
        if not (low in _DEGREE or (low.endswith("ly") and low.isalpha())):
            return False
    return False


# Prepositions and complementizers, found once per article; the stance and topic passes look
# back from each at the word before it (a pattern led by every listed word costs more).
_PREP_SCAN = re.compile(r" (" + _COMPS + r"|against) +(?=\S)")
_STANCE_COMPS = frozenset(_COMPS.split("|"))


class _Hit(NamedTuple):
    start: int  # where the phrase begins (for the quote-mask check)
    comp_start: int
    end: int  # where the object begins
    comp: str
    cue: str


def _prep_hits(text: str) -> list[tuple[int, int, str]]:
    """Prepositions after a stance or topic word (or an adverb that may follow one)."""
    out = []
    for m in _PREP_SCAN.finditer(text):
        ps = m.start(1)
        w = text[text.rfind(" ", max(0, ps - 40), ps - 1) + 1 : ps - 1]
        if w in _PREV_WORDS or w.endswith("ly") or w in _TOPIC_BETWEEN:
            out.append((ps, m.end(), m.group(1)))
    return out


def _stance_predicates(doc: ArticleDoc, preps: list[tuple[int, int, str]]) -> list[Quote]:
    """`are worried about X`, `was critical of X`, `in favor of X`: a stance phrase and its object."""
    out: list[Quote] = []
    text = doc.text
    hits: list[_Hit] = []
    for ps, pe, prep in preps:
        if prep not in _STANCE_COMPS:
            continue
        words = text[max(0, ps - 80) : ps].split()
        if words and words[-1] in _STANCE_ADJ and _after_linking(words[:-1]):
            hits.append(_Hit(ps - 1 - len(words[-1]), ps, pe, prep, words[-1]))
    for m in _STANCE_PHRASE.finditer(text):
        cue = " ".join(m.group("phrase").lower().split())
        hits.append(_Hit(m.start(), m.end(), m.end(), "", cue))
    for h in hits:
        cue, comp = h.cue, h.comp
        s = h.end
        if (found := _object_tokens(doc, s, h.start)) is None:
            continue
        toks, end = found
        clause = comp in _CLAUSE_COMPS or (comp == "to" and _infinitive_start(toks))
        e = _clause_end(toks, 0, end)
        if not clause:
            e = min(e, _object_end(toks, 0, e))
        start = h.comp_start if comp in ("that", "to") and clause else s
        start, e = _trim(text, start, e)
        if e <= start:
            continue
        out.append(
            Quote(text=text[start:e], speaker=None, kind="indirect", start=start, end=e, cue=cue)
        )
    return out


def _infinitive_start(toks: list[Token]) -> bool:
    """After "to": a bare verb ("eager to win"), not a noun phrase ("opposed to the plan")."""
    t = toks[0]
    return not t.cap and t.text[0].isalpha() and t.low not in DETERMINERS


def _object_tokens(doc: ArticleDoc, s: int, cue_at: int) -> tuple[list[Token], int] | None:
    """The tokens of the short object after a cue, and where they stop; None when the cue or
    object sits inside quote marks, outside a sentence, or the object opens on punctuation."""
    if doc.masked(s) or doc.masked(cue_at):
        return None
    si = _sentence_index_at(doc, s)
    if si is None:
        return None
    end = min(doc.sentences[si].end, s + _OBJECT_SPAN)  # an object is short: tokenize little
    toks = tokens(doc.text, s, end)
    if not toks or toks[0].text in PUNCT:
        return None
    return toks, end


def _sentence_index_at(doc: ArticleDoc, pos: int) -> int | None:
    i = bisect.bisect_right(doc.sent_starts, pos) - 1
    if i < 0 or pos >= doc.sentences[i].end:
        return None
    return i


# Words of saying, thinking and taking sides whose prepositional object is what was said or
# thought about: "talked about the economy", "anger over trade", "campaigned against the war",
# "her comments on the ruling". Base forms; nouns take -s, verbs every regular form. Nouns that
# name an event or a document (a debate, a lawsuit, a speech) are left out: they hold no stance.
_TOPIC_BASES = {
    "about": """talk speak write joke brag boast complain worry tell comment remark argue
        conversation question concern anxiety fear doubt warning warn message rumor lie care
        feel think learn open upfront cynical serious passionate honest candid vague coy""",
    "on": """comment remark focus dwell position stance view opinion criticism pounce consensus
        agree disagree reflect weigh hard soft tough""",
    "over": """concern anger outrage criticism worry fear agonize fret argument protest
        complaint question frustration""",
    "against": """campaign warn rail vote speak argue argument backlash protest crusade testify
        lobby push stand caution""",
    "of": """warn boast speak talk think accuse accusation allegation mention idea supporter
        opponent critic proponent advocate champion skeptic sceptic approve disapprove
        approval disapproval dream complain""",
    "for": """push advocate vote argue lobby plea preference enthusiasm admiration contempt
        sympathy passion apologize apology blame thank praise""",
    "with": """agree disagree sympathize quarrel""",
    "at": """jab swipe aim lash laugh scoff sneer hint marvel""",
}


def _topic_forms() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for prep, bases in _TOPIC_BASES.items():
        for base in bases.split():
            for form in verb_forms(base):
                out.setdefault(form, set()).add(prep)
    return {k: frozenset(v) for k, v in out.items()}


_TOPIC_FORMS = _topic_forms()
_PREV_WORDS = _STANCE_ADJ | _TOPIC_FORMS.keys()
_TOPIC_BETWEEN = frozenset("openly out up little much more".split())


def _topic_head(text: str, p: int) -> tuple[str, int] | None:
    """The listed word ending just before the preposition at p (one adverb may sit between)."""
    words = text[max(0, p - 40) : p].split()
    if (
        len(words) > 1
        and (words[-1].endswith("ly") or words[-1] in _TOPIC_BETWEEN)
        and words[-1].isalpha()
        and words[-2] in _TOPIC_FORMS
    ):
        return words[-2], p - len(words[-1]) - len(words[-2]) - 1
    if words and words[-1] in _TOPIC_FORMS:
        return words[-1], p - len(words[-1])
    return None


def _topic_phrases(doc: ArticleDoc, preps: list[tuple[int, int, str]]) -> list[Quote]:
    """`talked about X`, `anger over X`, `railed against X`: the object is the reported topic.

    Prepositions are found first and the word before each looked up: a regular expression
    over every listed word would cost more than the rest of the extraction."""
    out: list[Quote] = []
    text = doc.text
    for ps, pe, prep in preps:
        found = _topic_head(text, ps)
        if found is None or prep not in _TOPIC_FORMS[found[0]]:
            continue
        head, head_at = found
        s = pe
        if (found := _object_tokens(doc, s, head_at)) is None:
            continue
        toks, end = found
        if toks[0].low in _TIME_WORDS:
            continue
        if toks[0].low in TEMPORAL:
            continue  # "remarks on Thursday": a time, not a topic
        e = min(_clause_end(toks, 0, end), _object_end(toks, 0, end))
        start, e = _trim(text, s, e)
        if e <= start:
            continue
        cue = head + " " + prep
        out.append(
            Quote(text=text[start:e], speaker=None, kind="indirect", start=start, end=e, cue=cue)
        )
    return out


_PASSIVE_ADVERBS = frozenset(
    "first also widely long often never still already not later earlier since then".split()
)
_PASSIVE_AUX = frozenset(
    "has have had will would could can may might should must not also yet been be being".split()
)
_SUBJECT_BREAK = _SUBORDINATORS | _COORD | _RELATIVE | {"that", "because", "so", "if"}
_NO_PASSIVE = frozenset("asked told called named known titled dubbed labeled".split())
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
        and (toks[j].low in _PASSIVE_ADVERBS or toks[j].low.endswith("ly"))
    ):
        j -= 1
    if j < ci - 1 and j >= 0 and toks[j].low in _BE and not toks[ci].low.endswith("ing"):
        return j
    return None


def _passive(doc: ArticleDoc, toks: list[Token], ci: int, sent: Sentence) -> Quote | None:
    """`The dissolution of the club was announced`, `which was first reported by the AP`:
    what a passive cue reports is its grammatical subject; an agent after `by` is the source.
    `It was said that ...` reports its clause. Addressees (`was told`, `was asked`) and names
    (`is called`) are not content."""
    n = len(toks)
    cue = toks[ci].low
    if cue in _NO_PASSIVE or cue in _STANCE_ADJ:
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
    while j >= 0 and toks[j].low not in _BE:
        j -= 1
    while j > 0 and not toks[j - 1].cap and toks[j - 1].low in _PASSIVE_AUX:
        j -= 1
    last = j - 1
    if last >= 0 and toks[last].low in _RELATIVE and not toks[last].cap:
        return _make(doc, toks[last].start, toks[last].end, agent, cue)  # "which was reported by"
    if last < 0 or toks[last].low in _NOT_SUBJECT_END or toks[last].low in _FINITE:
        return None  # "has yet to be voted on", "but was ordered to"
    i = last
    while i > 0 and last - i < _MAX_SUBJECT:
        prev = toks[i - 1]
        if prev.text in PUNCT or prev.low in _SUBJECT_BREAK or prev.low in _ALL_CUES:
            break
        i -= 1
    if last - i >= _MAX_SUBJECT or toks[last].text in PUNCT:
        return None
    if toks[i].low in ("it", "there", "this") or doc.masked(toks[i].start):
        return None
    s, e = _trim(doc.text, toks[i].start, toks[last].end)
    return _make(doc, s, e, agent, cue)
