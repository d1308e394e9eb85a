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
