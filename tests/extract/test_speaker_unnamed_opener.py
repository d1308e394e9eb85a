"""A sentence opened by an unnamed spokesman ("A spokesman for the Oxford University Press
said ...") is someone else a following "he said" may be: not the body named before him."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def test_a_he_after_an_indefinite_spokesman_is_not_the_company_before() -> None:
    text = (
        "Blog picked as word of the year\n\n"
        'Merriam-Webster said "blog" was the word that people have asked to be defined most '
        "often over the last 12 months. A spokesman for the Oxford University Press said that "
        "the word was now being put into other dictionaries. "
        '"I think it was the word of last year rather than this year," he said.\n'
    )
    quotes = [q for q in extract_quotes(text) if q.text.startswith("I think it was")]
    assert [q.speaker for q in quotes] == [None]
