"""Bodies as speakers: a company, airline or agency that a cue has speak is who "it said"
stands for; a person quoted after it is still the person."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_it_said_in_a_statement_after_an_airline_is_the_airline() -> None:
    text = (
        "Latest Update, July 14: Asiana Airlines, not surprisingly unamused by the whole thing, "
        "thinks an on-screen apology may not be sufficient, it said in a statement:\n\n"
        '"The reputation of the four pilots and of the company had been seriously damaged by '
        'this report."'
    )
    assert _quote(text, "The reputation").speaker == "Asiana Airlines"


def test_it_said_after_a_named_body_spoke() -> None:
    text = (
        "The Home Office said the report was wrong. It said: "
        '"The reputation of the officers had been seriously damaged."'
    )
    assert _quote(text, "The reputation").speaker == "Home Office"


def test_it_said_after_a_person_became_the_subject_is_nobody() -> None:
    text = (
        "Asiana Airlines said the report was wrong. John Smith disagreed with the airline. "
        '"The reputation of the pilots had been seriously damaged," it said.'
    )
    assert _quote(text, "The reputation").speaker is None
