"""A reported question put to a named person ("Hannity asked Trump how high the wall would
be.") is answered by the person asked: the he/she of the next quote is them, not the asker.
Shapes from the quotes_dev tune half; the asker keeps their own "he asked" and a story told
about a question ("when a young man asked Clinton why ...") changes nothing."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_the_person_asked_answers_the_next_quote() -> None:
    text = (
        "Donald Trump held a town hall in Austin on Wednesday.\n\n"
        '"We are going to build a wall," Trump said.\n\n'
        "Sean Hannity asked Trump how high the wall would be.\n\n"
        '"I think the height could be 35 to 45 feet," he told Hannity.\n\n'
        '"It will get done so quickly," he said.'
    )
    assert _quote(text, "35 to 45 feet").speaker == "Donald Trump"
    assert _quote(text, "so quickly").speaker == "Donald Trump"


def test_asked_whether_after_a_possessive_outlet() -> None:
    text = (
        "Bernie Sanders released a letter from his doctor on Tuesday.\n\n"
        "Last month, The Huffington Post's Scott Conroy asked Sanders whether questions "
        "about his age were fair game in the campaign.\n\n"
        '"Sure it is. I would not have run if I was not healthy," he said.'
    )
    assert _quote(text, "Sure it is").speaker == "Bernie Sanders"


def test_the_asker_keeps_his_own_question() -> None:
    text = (
        "Sean Hannity asked Donald Trump whether he would deport everyone.\n\n"
        '"Would you deport all of them?" he asked.'
    )
    assert _quote(text, "deport all").speaker != "Donald Trump"


def test_a_question_told_as_a_story_does_not_move_the_she() -> None:
    text = (
        'Betsy Ebeling has known the candidate since high school. "She is my best friend," '
        "Ebeling said.\n\n"
        "What really got under her skin, she said, was a town hall last week, when a young "
        "man asked Clinton why young people did not like her.\n\n"
        '"I really got angry," she said.'
    )
    assert _quote(text, "really got angry").speaker == "Betsy Ebeling"
