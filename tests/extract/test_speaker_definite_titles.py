""" "the Republican said", "the Florida senator said": a definite description whose title word
follows a capital (the mention left "the" out) points back like "the senator said" does
(quotes_review_qd_tune #24017); a capitalised office ("the President") or an acronym
("The SEC") does not point back to whoever was named last."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(article: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(article)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_the_republican_is_the_one_person_the_story_is_about() -> None:
    article = (
        "Presidential candidate Walter Hensley suggests cutting rules to help the poor.\n\n"
        '"Regulation drives the prices of everything up," the Republican said this week.\n'
    )
    assert _speaker(article, "Regulation drives") == "Walter Hensley"


def test_the_state_senator_is_the_senator_just_named() -> None:
    article = (
        "Sen. Dana Whitfield responded first, late on Tuesday night.\n\n"
        '"The White House has stood idly by for years," the Ohio senator and Republican presidential candidate said.\n'
    )
    assert _speaker(article, "The White House has") == "Dana Whitfield"


def test_a_capitalised_office_is_not_the_last_person_named() -> None:
    article = (
        "Vice-presidential candidate Mark Dunne spoke in Ohio on Friday.\n\n"
        '"It is a fine day for the town," the President said.\n'
    )
    assert _speaker(article, "It is a fine day") is None


def test_an_acronym_body_is_not_a_secretary() -> None:
    article = (
        "Director-general Sir Alan Pryce welcomed the change.\n\n"
        '"Foreign firms already meet stricter rules at home," The SEC said.\n'
    )
    assert _speaker(article, "Foreign firms already") != "Alan Pryce"
