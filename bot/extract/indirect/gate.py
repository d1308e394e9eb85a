"""A learned last check on reported speech: drop the items the tune half shows are seldom
reported speech as annotators mark it, so the word lists of cues need not keep growing. Most
of what it drops wraps a quoted fragment ("pledged to oppose legal status “today"), which is
reported as the partial quote it is, with its speaker; the rest are weak cues ("pledged",
"refers", "hope") far from a speaker.

A logistic model over a few plain features of each item (its cue, whether it has a speaker,
its length and first word, whether it crosses a sentence or a paragraph); the weights and the
threshold live in data/indirect_gate.json, built by bench/build_indirect_gate.py from the tune
half only. Scoring is a dot product: no model library at run time.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from bot.model import Quote

_FIRST_WORDS = frozenset("that to if whether the a he she it they his her how what why".split())


def features(text: str, q: Quote) -> dict[str, float]:
    """The item's features by name (the build script and the run time share this)."""
    body = text[q.start : q.end]
    words = body.split()
    cue = (q.cue or "none").lower()
    n = len(words)
    first = words[0].lower().strip("\"“'‘") if words else ""
    para = text.rfind("\n", 0, q.start) + 1
    f = {
        "cue=" + cue: 1.0,
        "first=" + (first if first in _FIRST_WORDS else "other"): 1.0,
        "speaker": 1.0 if q.speaker else 0.0,
        "speaker_full": 1.0 if q.speaker and " " in q.speaker else 0.0,
        "words_log": math.log1p(n),
        "words_le3": 1.0 if n <= 3 else 0.0,
        "words_ge30": 1.0 if n >= 30 else 0.0,
        "first_cap": 1.0 if body[:1].isupper() else 0.0,
        "sentence_end_inside": 1.0 if any(p in body[:-1] for p in ".!?") else 0.0,
        "paragraph_inside": 1.0 if "\n" in body else 0.0,
        "quote_mark_inside": 1.0 if any(c in body for c in '"“”') else 0.0,
        "after_comma": 1.0 if "," in text[max(0, q.start - 2) : q.start] else 0.0,
        "opens_paragraph": 1.0 if q.start - para < 3 else 0.0,
    }
    if q.cue:
        k = text.rfind(cue.split()[0], max(0, q.start - 80), q.start)
        f["cue_before"] = 1.0 if k >= 0 else 0.0
    return f


@cache
def _model() -> tuple[float, dict[str, float], float]:
    raw = resources.files("bot.extract").joinpath("data/indirect_gate.json").read_text("utf8")
    data = json.loads(raw)
    return float(data["bias"]), {k: float(v) for k, v in data["weights"].items()}, data["threshold"]


def probability(text: str, q: Quote) -> float:
    """The model's estimate that the item is reported speech as an annotator marks it."""
    z, weights, _ = _model()
    get = weights.get
    for k, v in features(text, q).items():
        if v:
            z += get(k, 0.0) * v
    return 1.0 / (1.0 + math.exp(-z))


def kept(text: str, q: Quote) -> bool:
    """Whether an indirect item passes the learned threshold (direct quotes always do)."""
    if q.kind != "indirect":
        return True
    return probability(text, q) >= _model()[2]
