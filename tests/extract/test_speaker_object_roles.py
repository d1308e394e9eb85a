"""Who a he/she is not: someone's role after a preposition ("released through her attorney
Rich Nichols, Jones repeated ...") is an object, not the sentence's subject; and a sentence
opening with an unnamed official of a named body ("A Department for Work and Pensions
spokeswoman confirmed ...") stops the pronoun from reaching further back."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_she_after_a_mans_quote_goes_to_the_woman_not_her_attorney() -> None:
    text = (
        "Jones denies doping claims\n\n"
        "Marion Jones has again denied using banned drugs.\n\n"
        "World Anti-Doping Agency chief Dick Pound said the rule may not apply. "
        '"We will find a way to deal with that," Pound said. In a statement released through '
        "her attorney Rich Nichols, Jones repeated her innocence and vowed she would be "
        'cleared. "The allegations are not true and the truth will be revealed," she said.'
    )
    assert _quote(text, "We will find").speaker == "Dick Pound"
    assert _quote(text, "allegations are not true").speaker == "Marion Jones"


def test_an_unnamed_official_of_a_named_body_stops_she_reaching_back() -> None:
    text = (
        "Doug Smith's departure was announced by Work Secretary Alan Johnson in November. His "
        '"resignation" was referred to by both Tory and Lib Dem leaders that day. Officials now '
        "say he did not resign.\n\nA Department for Work and Pensions spokeswoman confirmed Mr "
        'Smith was still in post. "No date was ever given for Doug Smith\'s departure," she said.\n'
    )
    assert _quote(text, "No date was ever given").speaker is None
