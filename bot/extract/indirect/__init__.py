"""Indirect (reported) speech: who is said to have said, thought or wanted what, in whose words.

Cue verbs of speech, belief and stance with their subject and complement ("Clinton said the
plan would fail", "Cruz has vowed to repeal it", "..., officials said"), reporting nouns
("Trump's call for a ban"), `according to`, `As X noted, ...`, colon lines, `In a new poll,
...` frames and `reportedly`. Content spans follow PolNeAR: the reported clause without the
cue or the source. Runs on the ArticleDoc (bot.extract.doc): tokens outside quote marks,
people named. One module per cue kind: verbs, attitude (stance verbs), nouns (reporting nouns, frames, stance
adjectives), adverbs (`reportedly`); clauses holds the clause-boundary helpers they share.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.extract.attribution import (
    ATTITUDE_CUES,
    CUES,
    NOUN_CUES,
    PHRASAL_FORMS,
    SPEECH_CUES,
    TEMPORAL,
    noun_use,
)
from bot.extract.clause_words import (
    BARE_MARKS,
    GERUND_HOSTS,
    NOT_CONTENT_START,
    REL_OBJECTS,
    THAT_NOUNS,
    TIME_WORDS,
    WHEN_WORDS,
)
from bot.extract.indirect.adverbs import adverb_reports
from bot.extract.indirect.attitude import (
    _attitude_at,
    _bare_noun,
)
from bot.extract.indirect.nouns import (
    _colon_lines,
    _document_frames,
    _noun_cue_at,
    _prep_hits,
    _stance_predicates,
    _topic_phrases,
    _with_that_noun_sentences,
)
from bot.extract.indirect.objects import _question_at, _relative_object
from bot.extract.indirect.verbs import (
    _headline,
    _headline_at,
    _indirect_at,
    _opening_participle,
)
from bot.extract.lexicon import ALL_CUES
from bot.model import Quote

if TYPE_CHECKING:
    from bot.extract.doc import ArticleDoc


def indirect_speech(doc: ArticleDoc) -> list[Quote]:
    """Reported speech in the article: cue verbs and nouns, `according to`, colon lines, frames."""
    out: list[Quote] = []
    for si in _with_that_noun_sentences(doc):
        sent = doc.sentences[si]
        toks = doc.sentence_tokens(si)
        seg_in = doc.masks_within(sent.start, sent.end)
        asks_reader = doc.text[sent.start : sent.end].rstrip().endswith("?")
        for ci in doc.cue_positions(si):  # most words: none of the tests below can fire
            t = toks[ci]
            if asks_reader and ci > 0 and toks[ci - 1].low == "you":
                continue  # "Do you support Ann Lee?": a question to the reader, no report
            if t.low == "asked" or t.low == "asking":
                q = _question_at(doc, toks, ci, sent)
                if q is not None:
                    out.append(q)
                continue
            if t.cap and ci == 0 and t.low.endswith("ing") and t.low in ALL_CUES:
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
            ) or (t.low in THAT_NOUNS and ci + 1 < len(toks) and toks[ci + 1].low == "that"):
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
            if ci > 0 and t.low.endswith("ing") and toks[ci - 1].low in GERUND_HOSTS:
                q = _gerund_object(q)  # "by pledging reform and trying to ..."
            if any(
                m[0] < q.end and m[1] > q.start and (m[1] - m[0]) * 2 > (q.end - q.start)
                for m in seg_in
            ):
                continue  # the content is a direct quote, reported above
            out.append(q)
    out.extend(adverb_reports(doc))
    out.extend(_colon_lines(doc))
    out.extend(_document_frames(doc))
    preps = _prep_hits(doc.text)
    out.extend(_stance_predicates(doc, preps))
    out.extend(_topic_phrases(doc, preps))
    return _dedupe([r for q in out if (r := _tidy(q)) is not None])


_NEW_SUBJECT = re.compile(r",\s+and\s+(?:he|she|they|it|we|I|his|her|their|its|the|a|an)\s")


_EXCEPT = re.compile(r"\s(?:even as|except that|except)\s")


_CUTS = (_NEW_SUBJECT, _EXCEPT)


def _timeword(w: str) -> bool:
    w = w.strip(".,").lower()
    return w in TEMPORAL or w in TIME_WORDS or w in WHEN_WORDS or w.isdigit()


def _tidy(q: Quote) -> Quote | None:
    """Drop content no one could have asserted and cut it where another clause takes over.

    A report's content is a clause or a noun phrase: it never opens with a bare coordinator
    (`plan and the 2007 plan`) or a preposition of time, place or cause (`support among
    women`, `not seen since 2007`, `show up`); one that ends in "said" has run into the
    next attribution. `, and the rest ...` with a new subject, `except ...` and `even as ...`
    begin another statement, not the reported one. A dash does not: annotators keep what
    follows it (`a single-payer system — a dream for many Democrats`; on the tune half a cut
    there lost as many right items as it saved)."""
    words = q.text.split()
    if not words or words[0] in NOT_CONTENT_START or words[0] in BARE_MARKS:
        return None  # "'  the club": a span that opens on a closing quote mark
    if len(words) <= 4 and (words[-1] == "said" or all(_timeword(w) for w in words)):
        return None  # "... the senator said", "reported [just today]"
    cut = len(q.text)
    for pat in _CUTS:
        m = pat.search(q.text, 0, cut)
        if m and len(q.text[: m.start()].split()) >= 2:
            cut = m.start()
    if cut == len(q.text):
        return q
    return replace(q, text=q.text[:cut], end=q.start + cut)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Drop reports that mostly repeat a better one: speech cues come first; every other
    report (belief, stance, `according to`, a colon) yields to one that starts earlier,
    then to a longer one, so a report nested in another's content goes (on the tune half
    about a third of nested reports were right, two thirds of all)."""
    kept: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (q.cue not in SPEECH_CUES, q.start, q.start - q.end)):
        if q.text.lower() in REL_OBJECTS:
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
