"""Words that look like names or titles but are not what they seem: a title word after an
honorific is a surname ("says Mr Dean" is the Rick Dean the article named; with no full name,
nobody), and a place inside a description ("said the Old Trafford boss") is no person. BBC
shapes from the review sets (bbc_quotes_review #127, blind4 #4054)."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_an_honorific_makes_a_title_word_a_surname() -> None:
    # bbc_quotes_review #127: "explains Mr Dean" after "For Rick Dean, director of ..."
    text = (
        "Star Wars goes high definition\n\n"
        "For Rick Dean, director of business development at the firm, high definition will "
        "change home entertainment.\n\n"
        '"In the HD version of Episode I, all these make-up lines showed up," explains Mr Dean.'
    )
    assert _quote(text, "make-up lines").speaker == "Rick Dean"


def test_a_title_word_with_no_full_name_stays_unnamed() -> None:
    text = (
        "Campus row\n\n"
        "Students met the faculty on Monday.\n\n"
        '"We will not change the rules for anyone this year," said Mrs Dean.'
    )
    assert _quote(text, "change the rules").speaker is None


def test_a_description_naming_a_place_is_no_person() -> None:
    # quotes_review_bbc_blind4 #4054: "said the Old Trafford boss" is Alex Ferguson, not a
    # person called "Old Trafford"
    text = (
        "Ferguson praises gutsy United\n\n"
        "Manchester United's Alex Ferguson has praised his players' gutsy performance in the "
        "1-0 win at Aston Villa.\n\n"
        '"That was our hardest away game of the season and it was a fantastic game of '
        'football," said the Old Trafford boss.'
    )
    assert _quote(text, "hardest away game").speaker == "Alex Ferguson"


def test_the_texas_lawmaker_is_the_representative_just_named() -> None:
    # quotes_review_mn_tune #23043: an office noun refers back as a title does
    article = (
        "WASHINGTON (Reuters) - Republican Representative Pete Sessions said on Thursday night he "
        "was dropping out of the race for House majority leader.\n\n"
        '"After thoughtful consideration, I made the decision to not continue my run for House '
        'Majority Leader," the Texas lawmaker said in a statement.\n'
    )
    said = [q.speaker for q in extract_quotes(article) if q.text.startswith("After thoughtful")]
    assert said == ["Pete Sessions"]


def test_the_lawmaker_after_two_named_lawmakers_is_nobody() -> None:
    article = (
        "Representative Pete Sessions and Representative Kevin McCarthy met on Thursday night "
        "to discuss the race.\n\n"
        '"We had a good talk and we will meet again next week," the lawmaker said.\n'
    )
    said = [q.speaker for q in extract_quotes(article) if q.text.startswith("We had")]
    assert said == [None]
