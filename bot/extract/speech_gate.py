"""A learned decision whether a quoted segment is somebody's speech at all, or a title, a
term, a scare quote or a name ("the 1939 film "Gone with the Wind"", "his so-called "war on
coal"", "the pop star has "no tears left to cry""). Given to a person as if said, such a
segment is a wrong speaker the speaker-confidence model cannot see: how the speaker was found
looks right, only the words in quote marks are no one's.

A logistic model over plain traits of the segment and the words around it: its length and
share of capitalised words, the punctuation it ends on, whether it holds a first-person word
or a finite verb, the word before it (a determiner, a possessive, "called", a kind of work or
term from data/naming_words.tsv), the word after it, a reporting cue nearby, whether it is a
whole sentence or opens a paragraph that goes on with the last speaker. Weights, bias and
threshold live in data/speech_gate.json, built by bench/build_speech_gate.py from the
quotes_dev tune half (a segment no gold attribution covers is no one's speech). Scoring is a
dot product: no model library at run time. A missing file, or a null threshold, keeps every
segment: none ships yet, as no fit gained on the check half (bench/build_speech_gate.py says
what was tried); the hand rules in quotes.py and segments.py still decide.
"""

from __future__ import annotations

import bisect
import json
import math
from functools import cache
from importlib import resources

from bot.extract.attribution import ATTITUDE_CUES, DETERMINERS, SPEECH_CUES, noun_use
from bot.extract.doc import ArticleDoc, Segment
from bot.extract.frame_speaker import Frame
from bot.extract.lexicon import FINITE, common_words
from bot.extract.mentions import Mention, Token, possessive
from bot.extract.name_checks import sentence_index

MODEL = "data/speech_gate.json"

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
    """word -> kind (naming, work, term) from data/naming_words.tsv."""
    data = resources.files("bot.extract").joinpath("data/naming_words.tsv").read_text("utf8")
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


@cache
def _model() -> tuple[float, dict[str, float], float | None, int]:
    """(bias, weights, threshold, max_words) of the shipped model, read once; no file keeps
    every segment."""
    try:
        raw = resources.files("bot.extract").joinpath(MODEL).read_text("utf8")
    except FileNotFoundError:
        return 0.0, {}, None, 0
    data = json.loads(raw)
    weights = {k: float(v) for k, v in data["weights"].items()}
    return float(data["bias"]), weights, data.get("threshold"), int(data.get("max_words", 0))


def probability(f: dict[str, float]) -> float:
    """The model's estimate that a segment with features f is somebody's speech."""
    z, weights, _, _ = _model()
    for k, v in f.items():
        if v:
            z += weights.get(k, 0.0) * v
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def speech(doc: ArticleDoc, seg: Segment, fr: Frame, found: bool, mention: Mention | None) -> bool:
    """Whether the segment is somebody's speech (the model's estimate at its threshold)."""
    _, _, threshold, max_words = _model()
    if threshold is None or seg.double_apostrophe:
        return True  # ''quoted'' copy is reported speech (quotes.py merges it)
    f = features(doc, seg, fr, found, mention)
    return not judged(f, max_words) or probability(f) >= threshold
