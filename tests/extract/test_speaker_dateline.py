"""A wire dateline ("Washington (AFP) –") is where a story was filed, never its speaker."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(text: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(text)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_a_place_and_agency_before_the_dash_is_not_the_subject() -> None:
    text = (
        "Clinton swipes at Trump over Brexit.\n\n"
        "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Republican rival "
        "Donald Trump’s stance on Brexit, saying that “bombastic comments” do more harm than "
        "good during such times.\n"
    )
    assert _speaker(text, "bombastic") == "Hillary Clinton"


def test_the_dateline_leaves_the_first_sentence_its_own_subject() -> None:
    text = (
        "Cleveland (AFP) – Republican Paul Ryan opened the roll call, saying it was "
        "“a great night” for the party.\n"
    )
    assert _speaker(text, "a great night") == "Paul Ryan"


def test_a_party_label_in_brackets_is_no_agency() -> None:
    text = (
        "Sen. Ted Cruz (R-Texas) - the last rival standing - said the deal was "
        "“a disaster for America.”\n"
    )
    assert _speaker(text, "a disaster") == "Ted Cruz"
