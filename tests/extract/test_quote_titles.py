"""A work's title after its noun ("the classic 1939 film "Gone with the Wind"") is a name, not
speech, even when a title's small words stay lowercase (quotes_review_mn_tune #23035)."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes

ARTICLE = (
    "DALLAS, April 18 A gray and black dress worn by Vivien Leigh in her role as Scarlett "
    'O\'Hara in the classic 1939 film "Gone with the Wind" sold for $137,000 at an auction in '
    "California on Saturday.\n\n"
    'Tumblin has "devoted his life and efforts to promoting Hollywood and this film," Kathleen '
    "Guzman, managing director of Heritage Auctions in New York, said in a statement.\n"
)


def test_a_film_title_with_lowercase_small_words_has_no_speaker() -> None:
    said = [q.speaker for q in extract_quotes(ARTICLE) if "Gone with" in q.text]
    assert not any(said)


def test_the_statement_after_it_keeps_its_speaker() -> None:
    said = [q.speaker for q in extract_quotes(ARTICLE) if q.text.startswith("devoted his")]
    assert said == ["Kathleen Guzman"]
