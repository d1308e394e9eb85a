"""An uncued quote right after the sentence that introduces its speaker ("Mr Brown outlined
his view ... '...'", "Chief constable Mr Hayman acknowledged that ... '...'") is that
person's; with two people in the introducing sentence, or a paragraph between, nobody's.
BBC shapes from the review sets (bbc_quotes_review #52, #62, blind3 #3024) and a US one
(quotes_dev tune half)."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_the_person_the_sentence_before_introduces_speaks() -> None:
    text = (
        "Brown sets out Labour vision\n\n"
        "The premier insisted Mr Brown will have a key role in Labour's campaign.\n\n"
        "Writing in the Guardian newspaper, Mr Brown outlined his view of the direction New "
        'Labour should be taking. "As our manifesto and our programme for the coming decade '
        "should make clear, Labour's ambition is not simply tackling idleness but delivering "
        'full employment."'
    )
    assert _quote(text, "As our manifesto").speaker == "Brown"


def test_a_us_style_introduction_by_a_non_speech_verb() -> None:
    text = (
        "John Bolton spoke on the radio on Monday.\n\n"
        "Bolton distanced himself from the NeverTrump movement by saying he would be willing "
        "to bring his expertise to the Trump Administration if asked.  \u201cI\u2019m going to "
        "support him, and support him enthusiastically, because I think he can do the job.\u201d"
    )
    assert _quote(text, "support him enthusiastically").speaker == "John Bolton"


def test_after_another_speakers_quote_the_new_subject_speaks() -> None:
    text = (
        "Police chief warns on drinking\n\n"
        "On Monday, the Lib Dems also called for a delay. Lib Dem Home Affairs spokesman Mark "
        'Oaten said: "It would clearly be prudent to allow the police more time to prepare." '
        "Chief constable Andy Hayman said he was worried. Chief constable Mr Hayman "
        'acknowledged that binge drinking did cause problems. "If you come to Norwich on a '
        'Friday night you will see things going on that will make you feel ashamed."'
    )
    assert _quote(text, "If you come to Norwich").speaker == "Andy Hayman"


def test_two_people_in_the_introducing_sentence_abstain() -> None:
    text = (
        "Row over the budget\n\n"
        "Peter Hain met Gordon Brown to discuss the plans on Tuesday morning. "
        '"We cannot go on like this and we will have to find a new way of working."'
    )
    assert _quote(text, "We cannot go on").speaker is None


def test_the_introduction_must_be_in_the_quotes_paragraph() -> None:
    text = (
        "Row over the budget\n\n"
        "Peter Hain visited the factory in Neath on Tuesday morning.\n\n"
        '"We cannot go on like this and we will have to find a new way of working."'
    )
    assert _quote(text, "We cannot go on").speaker is None


def test_a_name_inside_a_subordinate_clause_introduces_nobody() -> None:
    # stories_dev tune half: the singer is not the one quoted after the aside
    text = (
        "The fireworks show was recorded.\n\n"
        "(In the first segment, while singer Cassadee Pope was singing, some scenes did show a "
        'cloudy sky.) "We showed a combination of the best fireworks from this year and '
        'previous years."'
    )
    assert _quote(text, "best fireworks").speaker is None


def test_a_line_of_figures_introduces_nobody() -> None:
    text = (
        "Pundits made their predictions.\n\n"
        'Romney 285, Obama 253. "If crowds at his recent stops are any indication, Mr. Romney '
        'will likely be able to claim victory in these states as well."'
    )
    assert _quote(text, "claim victory").speaker is None
