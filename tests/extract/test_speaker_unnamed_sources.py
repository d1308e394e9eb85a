"""An anonymous-source formula ("a source familiar with his thinking", "people close to the
campaign") is the cue's subject: the quote is nobody's the article names, not the clause's
named subject's (quotes_review_mn_tune #23042)."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(article: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(article)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_a_source_familiar_with_his_thinking_is_not_the_named_subject() -> None:
    article = (
        "Rep. Raúl Labrador (R-Idaho) is taking a look at challenging McCarthy, and a source "
        'familiar with his thinking said he\'s "getting a lot of encouragement from members." '
        "The conservative is well regarded.\n"
    )
    assert _speaker(article, "getting a lot") is None


def test_people_close_to_a_named_person_are_not_that_person() -> None:
    article = (
        "Donald Trump is weighing a run for governor.\n\n"
        '"He is very serious about it," two people close to Donald Trump said on Monday.\n'
    )
    assert _speaker(article, "He is very serious") is None


def test_a_named_speaker_with_a_familiar_phrase_elsewhere_still_speaks() -> None:
    article = (
        "Senator Jane Holloway, who is familiar with the talks, spoke on Monday.\n\n"
        '"We are close to a deal," Holloway said.\n'
    )
    assert _speaker(article, "We are close") == "Jane Holloway"
