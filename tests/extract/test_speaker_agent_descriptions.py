""" "the filmmaker said", "the youngster said": a definite description headed by an agent noun
that names a person points back to the person the story was just talking about
(quotes_review_mn_blind12 #21044, quotes_review_bbc_blind3 #3055); not when the article
brought in an unnamed one ("a filmmaker"), nor for a thing ("the warrant said")."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(article: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(article)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_the_filmmaker_is_the_director_just_named() -> None:
    article = (
        "At a junket in New York on Saturday, Mara Lindqvist said she is weary of defending "
        "the violence in her films.\n\n"
        '"There is violence in the world. Tragedies happen," the filmmaker said.\n'
    )
    assert _speaker(article, "There is violence") == "Mara Lindqvist"


def test_an_unnamed_filmmaker_before_leaves_the_filmmaker_unnamed() -> None:
    article = (
        "A filmmaker who worked on the festival asked not to be named.\n\n"
        "At a junket in New York on Saturday, Mara Lindqvist said she is weary of defending "
        "the violence in her films.\n\n"
        '"There is violence in the world. Tragedies happen," the filmmaker said.\n'
    )
    assert _speaker(article, "There is violence") is None


def test_a_warrant_is_no_person() -> None:
    article = (
        "Tracy Olsen, who confronted her husband, told police he admitted the theft but said "
        '"it was an accident and he would never do it again," the warrant said.\n'
    )
    assert _speaker(article, "it was an accident") != "Tracy Olsen"


def test_a_place_is_no_one_the_description_points_to() -> None:
    article = (
        "One operative inside Halvorsen Tower tried to play down the remarks, saying they were "
        '"not a big deal around here."\n\n'
        '"Nobody seems to be preoccupied by it," the insider said.\n'
    )
    assert _speaker(article, "Nobody seems") is None
