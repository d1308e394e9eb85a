"""A capitalised word hyphened to lowercase ones before a name ("Texas-based", "Man-of-the-match")
describes the speaker and is no part of the name an editor prints."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(article: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(article)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_a_based_in_modifier_is_dropped_from_the_name() -> None:
    article = (
        "Ben Carson appears to be slipping in the polls.\n\n"
        '"Carson is cratering," Texas-based Matt Mackowiak said. "Support was soft to begin with."\n'
    )
    assert _speaker(article, "Carson is cratering") == "Matt Mackowiak"


def test_a_hyphened_surname_stays_whole() -> None:
    article = (
        "Robert Kilroy-Silk launched his party on Wednesday.\n\n"
        '"We will win seats," said Robert Kilroy-Silk.\n'
    )
    assert _speaker(article, "We will win seats") == "Robert Kilroy-Silk"
