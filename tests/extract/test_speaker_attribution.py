"""Speaker attribution shapes: places, bodies and events are never speakers; appositives."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_a_place_opening_the_sentence_is_not_the_speaker() -> None:
    text = (
        "Mary Jones spoke.\n\nIn the depths of the Great Depression, Mary Jones worried that "
        "the plan was becoming “a trap for working families.”"
    )
    assert _quote(text, "a trap").speaker == "Mary Jones"


def test_a_treaty_named_before_the_cue_is_not_the_speaker() -> None:
    text = (
        "Tom Baker spoke in Ohio.\n\nAnd the North American Free Trade Agreement, which Baker "
        "had called a “disaster” and promised to “rip up”? He did not mention it."
    )
    assert _quote(text, "disaster").speaker == "Tom Baker"
    assert _quote(text, "rip up").speaker == "Tom Baker"


def test_a_participle_opening_the_sentence_is_not_a_name() -> None:
    text = (
        "Ann Cole spoke.\n\nFollowing a town hall meeting last week, Cole boasted to reporters "
        "of her team - “the best in the state” - and stressed its importance."
    )
    assert _quote(text, "the best in the state").speaker == "Ann Cole"


def test_a_capitalised_role_word_is_not_a_name() -> None:
    text = "Aides say the senator plans to “actively support” Cruz in the race."
    assert _quote(text, "actively support").speaker is None


def test_a_surname_that_is_also_a_common_word_still_speaks() -> None:
    text = (
        "Steven Law leads the group.\n\n“There is a sense of urgency here,” Law said, "
        "adding that donors were worried."
    )
    speaker = _quote(text, "sense of urgency").speaker
    assert speaker is not None and speaker.split()[-1] == "Law"


def test_the_state_after_a_hometown_is_not_the_subject() -> None:
    text = (
        "Rachel Stone, a teacher from Monsey, New York, said the speeches changed her mind. "
        "She praised the mayor.\n\n“I feel bad to say it,” she said."
    )
    assert _quote(text, "feel bad").speaker == "Rachel Stone"


def test_the_clause_at_the_colon_names_the_speaker() -> None:
    text = (
        "When Ann Cole suggested that the city would sue, Tom Baker fired back: "
        "“If they sue us, they are going to lose.”"
    )
    assert _quote(text, "going to lose").speaker == "Tom Baker"


def test_a_cue_opening_the_sentence_puts_the_speaker_after_it() -> None:
    text = "Lisa Grant runs the agency.\n\nSaid Grant, “The delay was very painful to us.”"
    assert _quote(text, "very painful").speaker == "Lisa Grant"


def test_an_organisation_qualifying_the_speaker_is_not_the_speaker() -> None:
    text = (
        "“Building it would be a stretch,” Jeffrey Lane of the Center for Policy Studies "
        "wrote in December.\n\nAnn Cole, president and CEO of Ohio Grocers Association "
        "stated, “It is a math problem.”"
    )
    assert _quote(text, "a stretch").speaker == "Jeffrey Lane"
    assert _quote(text, "math problem").speaker == "Ann Cole"


def test_an_inverted_cue_with_a_chain_of_titles() -> None:
    text = (
        "“He is reprising that role,” said former Ohio Gov. and State Party Chairman Ed Rand. "
        "“It is about turnout.”"
    )
    assert _quote(text, "reprising").speaker == "Ed Rand"
    assert _quote(text, "turnout").speaker == "Ed Rand"


def test_an_inverted_cue_with_a_role_then_the_name() -> None:
    text = (
        "The two men knew each other “casually,” said the bureau's director, "
        "James B. Comer, on Monday."
    )
    assert _quote(text, "casually").speaker == "James Comer"  # initials dropped


def test_a_new_clause_after_the_quote_does_not_take_it() -> None:
    text = (
        "Ann Cole accuses the mayor of “leading from behind” and Tom Baker says he is "
        "“losing the fight.”"
    )
    assert _quote(text, "leading from behind").speaker == "Ann Cole"
    assert _quote(text, "losing the fight").speaker == "Tom Baker"


def test_a_common_word_opening_the_sentence_is_not_a_name() -> None:
    text = (
        "The poll closed late.\n\nPollsters agree - Carl Bialik: “Keep on contacting voters "
        "as late as possible.” Two pollsters said so."
    )
    assert _quote(text, "Keep on contacting").speaker == "Carl Bialik"


def test_two_people_sharing_a_surname_stay_apart() -> None:
    text = (
        "Hillary Clinton spoke first.\n\n“You have to be careful,” Bill Clinton said. "
        "“We will do the right thing,” Hillary Clinton said."
    )
    assert _quote(text, "careful").speaker == "Bill Clinton"
    assert _quote(text, "right thing").speaker == "Hillary Clinton"


def test_the_town_and_state_inside_an_appositive_are_not_the_subject() -> None:
    text = (
        "Ann Cole, during a town hall meeting in Columbus, Ohio, said she was “going to put "
        "coal companies out of business.”\n\nDuring a breakfast in Philadelphia, Tom Baker "
        "wrote to his followers, “It is time to end her career.”"
    )
    assert _quote(text, "coal companies").speaker == "Ann Cole"
    assert _quote(text, "end her career").speaker == "Tom Baker"


def test_the_name_after_with_is_the_subject_of_a_participle_cue() -> None:
    text = (
        "Republicans were quick to react, with Tom Baker tweeting that it was a “disaster” "
        "for the mayor."
    )
    assert _quote(text, "disaster").speaker == "Tom Baker"


def test_according_to_a_compound_role_then_the_name() -> None:
    text = (
        "The reggae industry is to refuse to release homophobic songs.\n\n"
        '"The reggae industry will work with the artists while still maintaining their freedom '
        'of speech," according to media and PR strategist Glen Yearwood, who is representing '
        "the reggae industry."
    )
    assert _quote(text, "will work with the artists").speaker == "Glen Yearwood"


def test_it_said_after_a_body_speaks_is_that_body() -> None:
    text = (
        "Search engine firm Google has released a trial tool.\n\n"
        'In a statement Google said the feature was still only in beta. It said: "The user can '
        'choose never to click on the AutoLink button."\n\n'
        'Jemima Rellie spoke. It said: "This is a quote nobody can be said to have made."'
    )
    assert _quote(text, "never to click").speaker == "Google"
    assert _quote(text, "nobody can be").speaker is None


def test_the_group_closing_an_appositive_role_is_not_the_speaker() -> None:
    text = (
        "Google has released a trial tool.\n\n"
        "Cory Doctorow, European outreach coordinator for digital civil liberties group "
        'Electronic Frontier Foundation, said: "Of course Google should be allowed to direct '
        'people to whatever proxies it chooses."'
    )
    assert _quote(text, "Of course Google").speaker == "Cory Doctorow"
