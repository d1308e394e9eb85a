"""The subject of a passive hearing verb ("was asked", "was told") heard the quoted words: they
are the asker's when the article names one ("by host Bill Maher"), else no one's it names."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(article: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(article)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_a_question_put_to_someone_is_not_theirs() -> None:
    article = (
        "Donald Trump claimed that Ferguson has a higher crime rate than Baghdad.\n"
        "In an interview with The New York Times Magazine published online Wednesday, Trump was "
        "asked, \u201cWhat\u2019s the most dangerous place in the world you\u2019ve been to?\u201d\n"
    )
    assert _speaker(article, "What\u2019s the most") is None


def test_the_named_asker_of_a_passive_question_said_it() -> None:
    article = (
        "Bernie Sanders appeared on HBO on Friday.\n\n"
        "Sanders was asked by host Bill Maher, who is supporting Sanders, \u201cNow, you famously "
        "said you were tired of hearing about the emails. Has that story moved?\u201d\n"
    )
    assert _speaker(article, "Now, you famously") == "Bill Maher"


def test_what_someone_was_told_in_a_letter_is_not_theirs() -> None:
    article = (
        "Gary McKinnon, 43, is accused of breaking into military computers.\n\n"
        "He was told in a letter from the Home Secretary that the extradition would now "
        '"proceed forthwith" after a review of his case.\n'
    )
    assert _speaker(article, "proceed forthwith") is None


def test_someone_who_asks_still_says_their_question() -> None:
    article = (
        "Senator Jane Holloway questioned the minister on Monday.\n\n"
        'Holloway asked, "Why was the report kept secret?"\n'
    )
    assert _speaker(article, "Why was the report") == "Jane Holloway"
