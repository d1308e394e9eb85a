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


def test_a_body_that_spoke_goes_on_in_the_next_quote() -> None:
    text = (
        "In a statement on Sunday, the Cabinet Office said it was reviewing the Civil Service "
        'Pension Scheme, and hoped to announce proposals soon. "Unions will of course be '
        'consulted about any proposed changes."'
    )
    assert _quote(text, "Unions will").speaker == "Cabinet Office"


def test_a_paper_that_reports_a_minister_is_not_who_goes_on() -> None:
    reported = (
        "The minister, Don Pramudwinai, said the talks had failed, the Bangkok Post reported. "
        '"We will not allow this to happen again."'
    )
    assert _quote(reported, "We will not").speaker == "Don Pramudwinai"
    described = (
        'The Bangkok Post said the minister was angry. "We will not allow this to happen again."'
    )
    assert _quote(described, "We will not").speaker is None
