"""A learned confidence for every speaker a quote is given, so the bot abstains where a
speaker is likely wrong. Hand rules mended on one sample seldom transfer to the next; a
decision fitted on plain, non-lexical traits of each attribution (the path that found the
speaker, the kind of mention, how far back the speaker was last named, how many other people
are named around the quote, whether a quote only continues an earlier speaker's) may.

A logistic model whose weights, bias and threshold live in data/speaker_confidence.json,
built by bench/build_speaker_confidence.py from the quotes_dev tune half and the older
released BBC review sets. Scoring is a dot product: no model library at run time. A missing
file, or a file with no threshold, keeps every speaker.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import replace
from functools import cache
from importlib import resources

from bot.extract.doc import ArticleDoc
from bot.extract.gender import PRONOUN_GENDER
from bot.extract.lexicon import FUTURE_MODALS
from bot.extract.mentions import surname
from bot.extract.name_checks import sentence_index
from bot.model import Quote

MODEL = "data/speaker_confidence.json"
_WINDOW = 3000  # how far back a speaker's last mention is looked for (characters)


def _path_parts(path: str) -> dict[str, float]:
    """The path's own route, mention kind, antecedent route, marks and inherited root."""
    f: dict[str, float] = {}
    own, _, root = path.partition("+")
    base, *marks = own.split("^")
    how, _, kind = base.partition(":")
    f["how=" + how] = 1.0
    if kind:
        f["kind=" + kind.split("/")[0]] = 1.0
        f["route=" + kind] = 1.0
    for m in marks:
        f["mark=" + m] = 1.0
    if root:
        rhow, _, rkind = root.split("^")[0].partition(":")
        f["root=" + rhow] = 1.0
        if rkind:
            f["root_kind=" + rkind.split("/")[0]] = 1.0
    return f


def _mentions(doc: ArticleDoc, name: str) -> list[int]:
    """Where the speaker's surname is written outside quote marks (persons found by doc.py,
    else the bare word: bodies, one-word names)."""
    out = list(_surname_index(doc).get(doc.skeleton(surname(name)), ()))
    if out:
        return out
    low = doc.lowered = doc.lowered or doc.text.lower()
    word = name.lower()
    at = low.find(word)
    while at >= 0 and len(out) < 50:
        if not doc.masked(at):
            out.append(at)
        at = low.find(word, at + 1)
    return out


def _surname_index(doc: ArticleDoc) -> dict[str, list[int]]:
    """The starts of the persons named, by the skeleton of their surname: one pass over the
    article's persons instead of one per quote judged."""
    index = doc.surname_index
    if index is None:
        index = doc.surname_index = {}
        for p in doc.persons:
            if p.name:
                index.setdefault(doc.skeleton(surname(p.name)), []).append(p.start)
    return index


def _others(doc: ArticleDoc, lo: int, hi: int, name: str) -> set[str]:
    """The people other than name named outside quote marks in text[lo:hi], each once (by
    the skeleton of their surname, as genders are keyed)."""
    key = doc.skeleton(surname(name))
    k = bisect.bisect_left(doc.person_starts, lo)
    seen: set[str] = set()
    while k < len(doc.persons) and doc.persons[k].start < hi:
        p = doc.persons[k]
        k += 1
        if p.name and (sk := doc.skeleton(surname(p.name))) != key:
            seen.add(sk)
    return seen


_PRONOUN = re.compile(r"\b(he|she)\b", re.IGNORECASE)


def _pronoun(doc: ArticleDoc, q: Quote) -> str:
    """The he/she of the cue that named the speaker ("..., she said"; "He added: ..."), if
    the path went through one."""
    own = (q.path or "").split("+")[0]
    if "pronoun" not in own:
        return ""
    if own.startswith("cue-after"):
        m = _PRONOUN.search(doc.text, q.end, min(len(doc.text), q.end + 40))
    else:
        ms = list(_PRONOUN.finditer(doc.text, max(0, q.start - 60), q.start))
        m = ms[-1] if ms else None
    return m.group(1).lower() if m else ""


def _gender_features(doc: ArticleDoc, q: Quote, name: str, last: int) -> dict[str, float]:
    """Whether the he/she agrees with the speaker's known gender (gender.py: the article's own
    he/she votes and given names), and how many other people named since the speaker's last
    mention are known to fit it too (another person the pronoun may stand for)."""
    pron = _pronoun(doc, q)
    if not pron:
        return {}
    doc.fits(name, pron)  # fills doc.genders
    genders = doc.genders or {}
    want = PRONOUN_GENDER[pron]
    have = genders.get(doc.skeleton(surname(name)))
    f = {"pronoun_" + ("unknown" if have is None else "fits" if have == want else "clash"): 1.0}
    if last >= 0:
        rivals = [sk for sk in _others(doc, last, q.start, name) if genders.get(sk) == want]
        f["pronoun_rivals_log"] = math.log1p(len(rivals))
    return f


def features(doc: ArticleDoc, q: Quote) -> dict[str, float]:
    """The attribution's features by name (the build script and the run time share this)."""
    text, name = doc.text, q.speaker or ""
    f = _path_parts(q.path or "-")
    words = len(name.split())
    f["speaker_words=" + str(min(words, 3))] = 1.0
    f["speaker_body"] = 1.0 if any(n == name for _, n in doc.bodies) else 0.0
    f["speaker_cued"] = 1.0 if any(n == name for _, n in doc.speakers) else 0.0
    para = text.rfind("\n", 0, q.start) + 1
    para_end = text.find("\n", q.end)
    para_end = len(text) if para_end < 0 else para_end
    at = _mentions(doc, name) if name else []
    before = [a for a in at if q.start - _WINDOW <= a < q.start]
    in_para = any(para <= a < para_end for a in at)
    f["named_in_paragraph"] = 1.0 if in_para else 0.0
    f["mentions_before_log"] = math.log1p(len([a for a in at if a < q.start]))
    if before:
        last = before[-1]
        f["back_chars_log"] = math.log1p(q.start - last)
        f["back_paragraphs"] = min(text.count("\n\n", last, q.start), 5) / 5
        if doc.sentences:
            gap = sentence_index(doc, q.start) - sentence_index(doc, last)
            f["back_sentences"] = min(gap, 8) / 8
        f["others_between_log"] = math.log1p(len(_others(doc, last, q.start, name)))
    elif not in_para:
        f["not_named_near"] = 1.0
    f.update(_gender_features(doc, q, name, before[-1] if before else -1))
    f["others_in_paragraph_log"] = math.log1p(len(_others(doc, para, para_end, name)))
    f["speakers_in_article_log"] = math.log1p(len({n for _, n in doc.speakers}))
    cue = (q.cue or "").lower().split()
    f["cue_none"] = 0.0 if cue else 1.0
    f["cue_future"] = 1.0 if len(cue) > 1 and (cue[0] in FUTURE_MODALS or "to" in cue) else 0.0
    f["cue_present"] = 1.0 if cue and cue[-1].endswith("s") and not cue[-1].endswith("ss") else 0.0
    n = len(q.text.split())
    f["quote_words_log"] = math.log1p(n)
    f["quote_short"] = 1.0 if n <= 4 else 0.0
    f["partial"] = 1.0 if q.kind == "partial" else 0.0
    f["opens_paragraph"] = 1.0 if q.start - para < 3 else 0.0
    return f


@cache
def _model() -> tuple[float, dict[str, float], float | None]:
    """(bias, weights, threshold) of the shipped model, read once. No file, or a null
    threshold, leaves every speaker as found: the check must never be what breaks a run."""
    try:
        raw = resources.files("bot.extract").joinpath(MODEL).read_text("utf8")
    except FileNotFoundError:
        return 0.0, {}, None
    data = json.loads(raw)
    weights = {k: float(v) for k, v in data["weights"].items()}
    return float(data["bias"]), weights, data.get("threshold")


def probability(doc: ArticleDoc, q: Quote) -> float:
    """The model's estimate, from q's own features, that q's speaker is the one the article gives."""
    z, weights, _ = _model()
    for k, v in features(doc, q).items():
        if v:
            z += weights.get(k, 0.0) * v
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def judged(q: Quote) -> bool:
    """The check weighs q: a direct or partial quote given a speaker by a recorded path."""
    return bool(q.speaker and q.path) and q.kind != "indirect"


def handed_on(q: Quote) -> bool:
    """q's path hands on the speaker of an earlier quote ("runon+cue-after:pronoun/...":
    quotes.py writes the path that first named them after a "+")."""
    return "+" in (q.path or "")


def chained(quotes: list[Quote], own: list[float]) -> list[float]:
    """Each judged quote's confidence (quotes in document order, own: the model's estimate of
    each): a quote that only goes on with an earlier speaker (a run-on, a continued
    paragraph) is no surer of them than the quote that named them."""
    out = list(own)
    last: dict[str, float] = {}
    for i, q in enumerate(quotes):
        if not judged(q):
            continue
        if handed_on(q) and q.speaker in last:
            out[i] = min(out[i], last[q.speaker])
        last[q.speaker] = out[i]
    return out


def check(doc: ArticleDoc, quotes: list[Quote]) -> list[Quote]:
    """The quotes, each direct or partial quote whose speaker the model doubts shown
    unattributed (a wrong speaker gets printed, a missing one does not)."""
    threshold = _model()[2]
    if threshold is None:
        return quotes
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, quotes[i].end))
    ordered = [quotes[i] for i in order]
    own = [probability(doc, q) if judged(q) else 1.0 for q in ordered]
    conf = dict(zip(order, chained(ordered, own), strict=True))
    return [
        replace(q, speaker=None) if judged(q) and conf[i] < threshold else q
        for i, q in enumerate(quotes)
    ]
