"""The traits of one quoted segment that tell somebody's speech from a title, a term, a scare
quote or a name ("the 1939 film "Gone with the Wind"", "his so-called "war on coal"", "a rare
"sell" rating"): the features bench/build_speech_gate.py and bench/fit_speech_labels.py fit a
speech gate on. Given to a person as if said, such a segment is a wrong speaker the
speaker-confidence model cannot see.

Its length and share of capitalised words, the punctuation it ends on, whether it holds a
first-person word or a finite verb, the word before it (a determiner, a possessive, "called",
a kind of work or term from bench/data/naming_words.tsv), the word after it, a reporting cue
nearby, whether it is a whole sentence or opens a paragraph that goes on with the last speaker.

Stop 36 (h18): no gate ships (fit on PolNeAR labels and on 300 hand labels, neither helped
held out; the two bench scripts give the numbers), so nothing in bot/ calls this: `recording()`
wraps the extractor's frame and speaker search to see every segment the title and gloss rules
keep, with the speaker the frame finds (the later fallbacks, tail and signature, are not seen).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from bot.extract.attribution import ATTITUDE_CUES, DETERMINERS, SPEECH_CUES, noun_use
from bot.extract.clause_words import FINITE
from bot.extract.doc import ArticleDoc, Segment
from bot.extract.frame_speaker import Frame
from bot.extract.lexicon import common_words
from bot.extract.mentions import Mention, Token, possessive
from bot.extract.name_checks import sentence_index

NAMING = Path(__file__).resolve().parent / "data" / "naming_words.tsv"

# words a title writes in lowercase ("Gone with the Wind"): they do not count against its capitals
_MINOR = frozenset("a an the and but or nor of with to in on at by for from as".split())
_FIRST_PERSON = frozenset(
    "i i'm i've i'd i'll me my mine myself we we're we've we'll our ours us".split()
)
_SECOND_PERSON = frozenset("you you're you've your yours".split())
_NEGATION = frozenset("not no never n't".split())
_NEAR = 6  # tokens either side searched for a reporting cue


@cache
def naming_words() -> dict[str, str]:
    """word -> kind (naming, work, term) from bench/data/naming_words.tsv."""
    data = NAMING.read_text("utf8")
    out: dict[str, str] = {}
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = line.split("\t")
            out[word.strip()] = kind.strip()
    return out


def _words(body: str) -> list[str]:
    return [w.strip(".,;:!?()[]\"“”'‘’—–-") for w in body.split()]


def _body_features(body: str) -> dict[str, float]:
    """Traits of the quoted words themselves."""
    f: dict[str, float] = {}
    raw = body.split()
    words = [w for w in _words(body) if w]
    n = len(raw)
    f["words_log"] = math.log1p(n)
    for lo, hi, name in (
        (1, 1, "w1"),
        (2, 2, "w2"),
        (3, 3, "w3"),
        (4, 6, "w4_6"),
        (7, 12, "w7_12"),
    ):
        if lo <= n <= hi:
            f[name] = 1.0
    alpha = [w for w in words if w[:1].isalpha()]
    content = [w for w in alpha if w.lower() not in _MINOR]
    if content:
        ratio = sum(w[0].isupper() for w in content) / len(content)
        f["cap_ratio"] = ratio
        f["title_case"] = 1.0 if ratio >= 0.6 else 0.0
        if n <= 6:
            f["short_title_case"] = f["title_case"]
    lows = [w.lower().replace("’", "'") for w in alpha]
    f["first_upper"] = 1.0 if body[:1].isupper() else 0.0
    f["first_lower"] = 1.0 if body[:1].islower() else 0.0
    end = body.rstrip()[-1:]
    f["end_stop"] = 1.0 if end in ".!?" else 0.0
    f["end_comma"] = 1.0 if end == "," else 0.0
    f["end_word"] = 1.0 if end.isalnum() else 0.0
    inner = body.rstrip()[:-1]
    f["inner_stop"] = 1.0 if any(p + " " in inner for p in ".!?") else 0.0
    f["first_person"] = 1.0 if any(w in _FIRST_PERSON for w in lows) else 0.0
    f["second_person"] = 1.0 if any(w in _SECOND_PERSON for w in lows) else 0.0
    f["finite"] = 1.0 if any(w in FINITE or w.endswith("n't") for w in lows) else 0.0
    f["negation"] = 1.0 if any(w in _NEGATION or w.endswith("n't") for w in lows) else 0.0
    if lows:
        common = common_words()
        f["common_ratio"] = sum(w in common or w in _MINOR for w in lows) / len(lows)
    f["digit"] = 1.0 if any(c.isdigit() for c in body) else 0.0
    return f


def _kind_of(tok: Token) -> str:
    """The class of a word next to the quote: naming verb, work or term noun, determiner,
    possessive, capitalised word, punctuation or other."""
    if not tok.text[:1].isalnum():
        return "punct" + tok.text[:1]
    kind = naming_words().get(tok.low)
    if kind:
        return kind
    if tok.low in DETERMINERS:
        return "det"
    if possessive(tok.text):
        return "poss"
    return "cap" if tok.cap else "word"


def _cue_near(toks: list[Token]) -> bool:
    """A reporting verb (not used as a noun) among toks."""
    return any(
        not t.cap and (t.low in SPEECH_CUES or t.low in ATTITUDE_CUES) and not noun_use(toks, i)
        for i, t in enumerate(toks)
    )


def _continues(doc: ArticleDoc, para: int) -> bool:
    """The paragraph before ended inside an open quote (the continued-paragraph convention)."""
    k = para
    while k > 0 and doc.text[k - 1].isspace():
        k -= 1
    return k > 0 and doc.text[k - 1] not in '"”' and doc.masked(k - 1)


def features(
    doc: ArticleDoc, seg: Segment, fr: Frame, found: bool, mention: Mention | None
) -> dict[str, float]:
    """The segment's features by name (the build script and the run time share this)."""
    text = doc.text
    body = text[seg.start : seg.end]
    f = _body_features(body)
    before, after = fr.before, fr.after
    f["before_empty"] = 0.0 if fr.full_before else 1.0
    f["after_empty"] = 0.0 if after else 1.0
    f["whole_sentence"] = f["before_empty"] * f["after_empty"]
    if before:
        f["prev=" + _kind_of(before[-1])] = 1.0
        if before[-1].low == "as":
            f["prev_as"] = 1.0
        if not before[-1].cap and before[-1].low.isalpha():
            f["prev_word=" + before[-1].low] = 1.0
        near = {_kind_of(t) for t in before[-4:]}
        for kind in ("naming", "work", "term"):
            if kind in near:
                f["near_" + kind] = 1.0
    if after:
        f["next=" + _kind_of(after[0])] = 1.0
        if not after[0].cap and after[0].low.isalpha():
            f["next_word=" + after[0].low] = 1.0
    f["cue_before"] = 1.0 if _cue_near(fr.full_before[-_NEAR:]) else 0.0
    f["cue_after"] = 1.0 if _cue_near(after[:_NEAR]) else 0.0
    f["found"] = 1.0 if found else 0.0
    if found:
        f["mention=" + (mention.kind if mention is not None else "none")] = 1.0
    para = text.rfind("\n", 0, seg.open) + 1
    f["opens_paragraph"] = 1.0 if seg.open - para < 3 else 0.0
    f["continues"] = 1.0 if f["opens_paragraph"] and _continues(doc, para) else 0.0
    if doc.sentences:
        s = doc.sentences[sentence_index(doc, seg.open)]
        span = max(1, s.end - s.start)
        f["position"] = min(1.0, max(0.0, (seg.open - s.start) / span))
        f["quotes_in_sentence_log"] = math.log1p(len(doc.masks_within(s.start, s.end)))
        people = bisect.bisect_left(doc.person_starts, s.end) - bisect.bisect_left(
            doc.person_starts, s.start
        )
        f["people_in_sentence_log"] = math.log1p(people)
    return f


def judged(f: dict[str, float], max_words: int) -> bool:
    """The gate weighs a segment of these features: no more than max_words long (0: any)."""
    return not max_words or round(math.expm1(f["words_log"])) <= max_words


@contextmanager
def recording(seen: list) -> Iterator[None]:
    """While open, append (segment, features) to seen for every quoted segment the extractor
    (bot.extract.quotes) keeps past its title and gloss rules; ''quoted'' copy is left out."""
    from bot.extract import quotes

    frame, speaker_from_frame = quotes.frame, quotes.speaker_from_frame
    last: list = []

    def framed(doc: ArticleDoc, seg: Segment) -> Frame:
        fr = frame(doc, seg)
        last[:] = [doc, seg, fr]
        return fr

    def searched(doc: ArticleDoc, fr: Frame, *args: bool) -> tuple:
        mention, cue, found = speaker_from_frame(doc, fr, *args)
        seg = last[1]
        if not seg.double_apostrophe:
            seen.append((seg, features(doc, seg, fr, found, mention)))
        return mention, cue, found

    quotes.frame, quotes.speaker_from_frame = framed, searched
    try:
        yield
    finally:
        quotes.frame, quotes.speaker_from_frame = frame, speaker_from_frame
