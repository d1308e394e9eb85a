"""An uncued quote that goes on a clause (after its verb, a determiner, a preposition) is a part
of that clause: the name or he/she after it opens the next clause or is the noun the words
describe, not who said them (quotes_review_qd_tune #24004). An uncued quote that opens its
clause still takes the subject right after it."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(article: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(article)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_the_subject_of_the_next_clause_did_not_say_a_complement() -> None:
    article = (
        "Since Clinton's op-ed supporting biofuels in May, she's tacked to the left, criticizing "
        "the now-denied Keystone XL pipeline.\n\n"
        "Those stances have helped her, and though the pro-ethanol campaign group America's "
        'Renewable Future is "confident that Secretary Clinton will continue to be a champion '
        'for the biofuels industry," she may again split with her former boss.\n'
    )
    assert _speaker(article, "confident that") is None


def test_the_noun_a_quoted_word_describes_is_no_speaker() -> None:
    article = (
        "Social scientists say personality is stable after the age of 30. That's one reason "
        'the "new" Richard Nixon who ran for president in 1968 turned out to be a lot like '
        "the old Nixon.\n"
    )
    assert _speaker(article, "new") is None


def test_a_quote_that_opens_its_clause_is_the_next_subjects() -> None:
    article = (
        "John Oliver appeared to lose his temper on Sunday.\n\n"
        "\u201cOK, for a start, his wife has explained\u201d Oliver barked.\n"
    )
    assert _speaker(article, "OK, for a start") == "John Oliver"
