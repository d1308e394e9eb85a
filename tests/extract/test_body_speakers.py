"""Bodies as speakers: a company, airline or agency that a cue has speak is who "it said"
stands for; a person quoted after it is still the person."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes
from bot.model import Quote


def _quote(text: str, fragment: str) -> Quote:
    hits = [q for q in extract_quotes(text) if fragment in q.text and q.kind != "indirect"]
    assert hits, f"no direct quote contains {fragment!r}"
    return hits[0]


def test_it_said_in_a_statement_after_an_airline_is_the_airline() -> None:
    text = (
        "Latest Update, July 14: Asiana Airlines, not surprisingly unamused by the whole thing, "
        "thinks an on-screen apology may not be sufficient, it said in a statement:\n\n"
        '"The reputation of the four pilots and of the company had been seriously damaged by '
        'this report."'
    )
    assert _quote(text, "The reputation").speaker == "Asiana Airlines"


def test_it_said_after_a_named_body_spoke() -> None:
    text = (
        "The Home Office said the report was wrong. It said: "
        '"The reputation of the officers had been seriously damaged."'
    )
    assert _quote(text, "The reputation").speaker == "Home Office"


def test_it_said_after_a_person_became_the_subject_is_nobody() -> None:
    text = (
        "Asiana Airlines said the report was wrong. John Smith disagreed with the airline. "
        '"The reputation of the pilots had been seriously damaged," it said.'
    )
    assert _quote(text, "The reputation").speaker is None


def test_a_body_that_spoke_goes_on_in_the_next_quote() -> None:
    text = (
        "In a statement on Sunday, the Cabinet Office said it was reviewing the Civil Service "
        'Pension Scheme, and hoped to announce proposals soon. "Unions will of course be '
        'consulted about any proposed changes."'
    )
    assert _quote(text, "Unions will").speaker == "Cabinet Office"


def test_a_paper_that_reports_a_minister_is_not_who_goes_on() -> None:
    reported = (
        "The minister, Don Pramudwinai, said the talks had failed, the Bangkok Post reported. "
        '"We will not allow this to happen again."'
    )
    assert _quote(reported, "We will not").speaker == "Don Pramudwinai"
    described = (
        'The Bangkok Post said the minister was angry. "We will not allow this to happen again."'
    )
    assert _quote(described, "We will not").speaker is None


def test_a_body_with_a_one_word_proper_name_speaks_a_partial_quote() -> None:
    text = 'The Pentagon said the strike had killed "at least 20 militants" in the region.'
    assert _quote(text, "at least 20").speaker == "Pentagon"
    sentence_start = 'Police said the man was "very dangerous" and should not be approached.'
    assert _quote(sentence_start, "very dangerous").speaker is None


def test_a_body_that_is_also_supplied_to_still_speaks() -> None:
    text = (
        "Boeing is to supply Japan Airlines with up to 50 of its 7E7 planes.\n\n"
        "Japan Airlines said it had looked at both aircraft before choosing the 7E7. "
        '"We chose the 7E7 after carefully considering both," said a Japan Airlines spokesman. '
        "The first 7E7s will be delivered to Japan Airlines in April 2008."
    )
    assert _quote(text, "We chose").speaker == "Japan Airlines"


def test_the_airline_said_after_a_consultant_is_the_airline_not_him() -> None:
    text = (
        "Ground crews at US Airways face a pay cut next month.\n\n"
        '"US Airways has a full-scale employee mutiny on its hands," commented Michael Boyd, an '
        "industry consultant. US Airways had to cancel 65 flights on Thursday. The airline said "
        'it was "embarrassed by the situation" and sorry.'
    )
    assert _quote(text, "embarrassed").speaker == "US Airways"
    carrier = text.replace("The airline said", "The carrier said")
    assert _quote(carrier, "embarrassed").speaker in ("US Airways", None)


def test_who_released_a_statement_speaks_its_partial_quote() -> None:
    text = (
        "Democrats immediately pounced on his comments, and Donnelly -- who is also pro-life "
        "but who supports exceptions for rape and incest -- released a statement questioning "
        'the notion that God would "intend for rape to happen."\n\n'
        '"What Mr. Mourdock said is shocking," Donnelly said.'
    )
    assert _quote(text, "intend for rape").speaker == "Donnelly"
    unsaid = text.replace(" Donnelly said.", " his rival said.")
    assert _quote(unsaid, "intend for rape").speaker is None


def test_the_airline_never_resolves_to_a_country() -> None:
    text = (
        "Passengers flying to the U.S. are screened by U.S. Customs and Border Protection "
        "agents stationed in Abu Dhabi. The carrier says it is working with officials in the "
        "U.S. to address the new immigration policies.\n\n"
        'The airline says: "Our joint interest is on ensuring that compliance and the '
        'well-being of all passengers is maintained across our global network."\n'
    )
    speakers = [q.speaker for q in extract_quotes(text) if q.kind != "indirect"]
    assert speakers and all(s not in ("U.S.", "US") for s in speakers)


def test_a_body_named_in_apposition_to_its_kind_speaks_as_it() -> None:
    # quotes_review_mn_tune #23019: "One activist group, UltraViolet, said ... it said"
    text = (
        "One activist group, UltraViolet, said 91,000 people had signed its petition urging "
        "ProFlowers to suspend advertising on the show.\n\n"
        '"UltraViolet members are glad that ProFlowers decided to suspend their advertising '
        'from the show," it said in a statement.\n'
    )
    assert _quote(text, "UltraViolet members").speaker == "UltraViolet"


def test_a_place_in_apposition_is_still_no_speaker() -> None:
    text = (
        "A small town, Oxfordshire, said it would close the school next year.\n\n"
        '"We are glad that the decision was finally taken," it said in a statement.\n'
    )
    assert _quote(text, "We are glad").speaker is None


def test_a_paper_that_reports_a_named_persons_words_relays_them() -> None:
    # quotes_review_mn_blind11 #11031: the minister spoke; the paper only reported it
    text = (
        "Earlier, the Thai military said the boys would need to learn to dive.\n\n"
        "Interior Minister Anupong Paojinda later stressed the urgency of the evacuation, adding "
        'that rain was forecast "in the next few days", the Bangkok Post reported.\n'
    )
    assert _quote(text, "in the next few days").speaker == "Anupong Paojinda"


def test_a_paper_that_reports_words_nobody_else_says_is_their_source() -> None:
    text = 'Rescuers kept digging.\n\n"We will not give up on them," the Bangkok Post reported.\n'
    assert _quote(text, "We will not").speaker == "Bangkok Post"
