"""The learned decision whether a quoted segment is anybody's speech (bot/extract/speech_gate.py,
built by bench/build_speech_gate.py): what it sees of a film title and of a quote, and that a
segment it turns down is no quote at all. Excerpts of a tune-half article (stories_dev, US copy)
and of a plain quote. No threshold ships today (the fit on quotes_dev gained nothing held out),
so the last test loads a model of its own.
"""

from __future__ import annotations

import pytest

from bot.extract import speech_gate
from bot.extract.quotes import extract_quotes

FILM = (
    "DALLAS, April 18 A gray and black dress worn by Vivien Leigh in her role as Scarlett "
    'O\'Hara in the classic 1939 film "Gone with the Wind" sold for $137,000 at an auction in '
    "California on Saturday.\n\n"
    '"It was a remarkable piece, and we expected strong interest," said Ed Jaster, a senior '
    "vice president at Heritage Auctions."
)


def _seen(text: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, float]]:
    """Each judged segment's features, by its words."""
    out: dict[str, dict[str, float]] = {}

    def record(doc, seg, fr, found, mention) -> bool:
        out[doc.text[seg.start : seg.end]] = speech_gate.features(doc, seg, fr, found, mention)
        return True

    monkeypatch.setattr(speech_gate, "speech", record)
    extract_quotes(text)
    return out


def test_film_title_and_quote_seen_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _seen(FILM, monkeypatch)
    title = seen["Gone with the Wind"]
    assert title["title_case"] == 1.0 and title["near_work"] == 1.0
    assert title["found"] == 0.0 and title["end_stop"] == 0.0
    quote = seen["It was a remarkable piece, and we expected strong interest,"]
    assert quote["found"] == 1.0 and quote["end_comma"] == 1.0 and quote["first_person"] == 1.0
    assert quote["before_empty"] == 1.0 and quote["title_case"] == 0.0


def test_segment_turned_down_is_no_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    # a model that doubts title-case segments after a kind of work
    model = (0.0, {"near_work": -5.0, "found": 3.0}, 0.5, 6)
    monkeypatch.setattr(speech_gate, "_model", lambda: model)
    texts = [q.text for q in extract_quotes(FILM)]
    assert "Gone with the Wind" not in texts
    assert "It was a remarkable piece, and we expected strong interest," in texts
