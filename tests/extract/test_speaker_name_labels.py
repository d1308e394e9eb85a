"""A caption word or office glued before a person's given name is not part of the name an
editor prints: "Jinxy Eva Longoria" is Eva Longoria when the article also writes her so."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def test_a_word_glued_before_a_name_the_article_also_writes_bare_goes() -> None:
    text = (
        "Eva Longoria spent the weekend in Paris.\n\n"
        'Jinxy Eva Longoria said on Friday: "I never expected this."\n'
    )
    speakers = [q.speaker for q in extract_quotes(text) if q.kind != "indirect"]
    assert speakers == ["Eva Longoria"]


def test_a_body_and_its_office_before_the_name_go() -> None:
    text = (
        "The commission spent three years studying wartime contracts.\n\n"
        '"We have been driving beyond the reach of our headlights," Commission Co-Chairman '
        "Michael Thibault said in a statement.\n"
    )
    speakers = [q.speaker for q in extract_quotes(text) if q.kind != "indirect"]
    assert speakers == ["Michael Thibault"]


def test_a_name_the_article_writes_before_other_words_is_a_label() -> None:
    text = (
        '"The Palestinians do not want peace," Deputy Minister for Liaison with the Knesset '
        "Ofir Akunis said.\n\nKnesset Finance Committee chairman Nissan Slomiansky said the "
        "release should be stopped.\n"
    )
    speakers = [q.speaker for q in extract_quotes(text) if q.kind != "indirect"]
    assert speakers[0] == "Ofir Akunis"
