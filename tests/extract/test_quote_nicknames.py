"""A nickname quoted inside a name ('analyst R “Ray” Wang') is nobody's quote, and it must
not cut the frame of the real quote beside it."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def test_a_nickname_inside_a_name_is_no_quote_and_leaves_the_cue_to_its_quote() -> None:
    text = (
        "Eva Longoria welcomed her first child with husband José “Pepe” Bastón on Tuesday.\n\n"
        '"We are very happy," Bastón said.\n'
    )
    quotes = [q for q in extract_quotes(text) if q.kind != "indirect"]
    assert [q.text for q in quotes] == ["We are very happy,"]
    assert (quotes[0].speaker or "").endswith("Bastón")


def test_a_quoted_phrase_between_lowercase_words_stays_a_quote() -> None:
    text = 'Donald Trump called the deal "Terrible" on Monday.\n'
    assert [q.text for q in extract_quotes(text) if q.kind != "indirect"] == ["Terrible"]
