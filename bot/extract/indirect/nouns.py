"""Indirect speech after reporting nouns, colon lines, document frames and stance adjectives."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, NamedTuple

from bot.extract.attribution import (
    CUES,
    DETERMINERS,
    NOUN_CUES,
    PUNCT,
    TEMPORAL,
    np_ending_at,
    verb_forms,
)
from bot.extract.clause_words import (
    CLAUSE_COMPS,
    COMPS,
    DEGREE,
    FINITE,
    LINKING,
    NOT_SOURCES,
    REL_OBJECTS,
    STANCE_ADJ,
    STANCE_COMPS,
    THAT_NOUNS,
    TIME_WORDS,
    TOPIC_BASES,
    TOPIC_BETWEEN,
)
from bot.extract.indirect.clauses import (
    _clause_end,
    _infinitive,
    _make,
    _object_end,
    _trim,
)
from bot.extract.lexicon import DOC_NOUNS
from bot.extract.mentions import Mention, Token, classify_run, possessive, tokens
from bot.model import Quote, Sentence

if TYPE_CHECKING:
    from bot.extract.doc import ArticleDoc


# " that" first, then the word before it: the same starts as r"\b(?:idea|notion|...) that\b",
# found ten times faster (a literal the regex engine skips to; an alternation it tries everywhere)
_THAT = re.compile(r" that\b")
_WORD_BEFORE = re.compile(r"\w+\Z")
_LONGEST_THAT_NOUN = max(map(len, THAT_NOUNS))


def _that_noun_starts(text: str) -> list[int]:
    """Where each `notion that` starts: a THAT_NOUNS word written whole right before " that"."""
    out = []
    for m in _THAT.finditer(text):
        lo = max(0, m.start() - _LONGEST_THAT_NOUN - 1)
        w = _WORD_BEFORE.search(text, lo, m.start())
        if w is not None and (w.start() > lo or lo == 0) and w.group() in THAT_NOUNS:
            out.append(w.start())
    return out


def _with_that_noun_sentences(doc: ArticleDoc) -> list[int]:
    """The cue sentences plus those holding `notion that ...` (one pass over the text)."""
    extra = {
        i for s in _that_noun_starts(doc.text) if (i := _sentence_index_at(doc, s)) is not None
    }
    if not extra:
        return doc.cue_sentences
    return sorted(extra.union(doc.cue_sentences))


_COLON_LINE = re.compile(
    r"^[ \t]*([A-Z][\w.'’&-]*(?:[ \t]+[\w.'’&-]+){0,4}):[ \t]+([^\n]*\w[^\n]*)$", re.MULTILINE
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
            or any(w.lower().strip(".'’") in NOT_SOURCES for w in words)
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
        if not any(w.strip("'s") in DOC_NOUNS or w in DOC_NOUNS for w in frame[1:]):
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
    if toks[ci].low not in NOUN_CUES and toks[k].low in FINITE | REL_OBJECTS:
        return None  # "a report that could raise questions": a relative clause, not content
    e = _clause_end(toks, k, sent.end)
    if comp != "that" and comp != "to":
        e = min(e, _object_end(toks, k, e))
    s, e = _trim(doc.text, toks[k].start, e)
    if e <= s:
        return None
    return _make(doc, s, e, owner, toks[ci].low)


# Adjective first, then a look back for the linking verb: a pattern led by every linking verb
# would cost more than the rest of the extraction.
# r"\b(?P<phrase>in\s+(?:favor|...)\s+of|in\s+opposition\s+to)\s+..." ignoring case, opened
# on the letters a case-blind "i" matches and the boundary checked after it: the regex engine
# then skips to those letters instead of trying every offset
_STANCE_PHRASE = re.compile(
    r"(?P<phrase>[iIİı](?<!\w.)(?i:n\s+(?:favor|favour|support|defense|defence|praise)\s+of"
    r"|n\s+opposition\s+to))(?i:\s+(?!(?:" + COMPS + r")\b)(?=\S))"
)


_OBJECT_SPAN = 300


def _after_linking(words: list[str]) -> bool:
    """A linking verb ("are", "seemed", "they're") ends words, past at most two degree adverbs."""
    for w in reversed(words[-3:]):
        low = w.lower()
        if low in LINKING or low.endswith(("'re", "’re", "'s", "’s")):
            return True
        if not (low in DEGREE or (low.endswith("ly") and low.isalpha())):
            return False
    return False


# Prepositions and complementizers, found once per article; the stance and topic passes look
# back from each at the word before it (a pattern led by every listed word costs more).
_PREP_SCAN = re.compile(r" (" + COMPS + r"|against) +(?=\S)")


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
        if w in _PREV_WORDS or w.endswith("ly") or w in TOPIC_BETWEEN:
            out.append((ps, m.end(), m.group(1)))
    return out


def _stance_predicates(doc: ArticleDoc, preps: list[tuple[int, int, str]]) -> list[Quote]:
    """`are worried about X`, `was critical of X`, `in favor of X`: a stance phrase and its object."""
    out: list[Quote] = []
    text = doc.text
    hits: list[_Hit] = []
    for ps, pe, prep in preps:
        if prep not in STANCE_COMPS:
            continue
        words = text[max(0, ps - 80) : ps].split()
        if words and words[-1] in STANCE_ADJ and _after_linking(words[:-1]):
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
        clause = comp in CLAUSE_COMPS or (comp == "to" and _infinitive_start(toks))
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


def _topic_forms() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for prep, bases in TOPIC_BASES.items():
        for base in bases.split():
            for form in verb_forms(base):
                out.setdefault(form, set()).add(prep)
    return {k: frozenset(v) for k, v in out.items()}


_TOPIC_FORMS = _topic_forms()


_PREV_WORDS = STANCE_ADJ | _TOPIC_FORMS.keys()


def _topic_head(text: str, p: int) -> tuple[str, int] | None:
    """The listed word ending just before the preposition at p (one adverb may sit between)."""
    words = text[max(0, p - 40) : p].split()
    if (
        len(words) > 1
        and (words[-1].endswith("ly") or words[-1] in TOPIC_BETWEEN)
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
        if toks[0].low in TIME_WORDS:
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
