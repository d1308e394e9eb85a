""" "the statement said" is whoever just spoke "in a statement" (quotes_review_mn_blind11
#11005); with two possible issuers, nobody."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(article: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(article)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_the_statement_is_the_body_that_spoke_in_a_statement() -> None:
    article = (
        "Five crew members and 132 passengers were aboard the Airbus A320 at the time, British "
        "Airways spokesman Michael Johnson told NBC News.\n\n"
        "British Airways said in a statement that the plane was inspected and cleared for the "
        "next flight.\n\n"
        '"Safety and security are always our first priority and we will give the police every '
        'assistance with their investigation," the statement said.\n'
    )
    assert _speaker(article, "Safety and security") == "British Airways"


def test_the_statement_is_the_person_who_spoke_in_a_statement() -> None:
    article = (
        "Senator Jane Holloway said in a statement on Monday that the bill was dead.\n\n"
        '"We will not bring it back this year," the statement said.\n'
    )
    assert _speaker(article, "We will not") == "Jane Holloway"


def test_two_issuers_in_the_sentence_leave_the_statement_unnamed() -> None:
    article = (
        "Senator Jane Holloway and Governor Tom Reese said in a statement on Monday that the "
        "bill was dead.\n\n"
        '"We will not bring it back this year," the statement said.\n'
    )
    assert _speaker(article, "We will not") is None


def test_a_statement_released_by_a_named_office_names_no_cue_speaker() -> None:
    article = (
        "Jane Holloway's office released a statement on Monday about the bill.\n\n"
        '"We will not bring it back this year," the statement said.\n'
    )
    assert _speaker(article, "We will not") is None


def test_the_statement_is_the_body_that_provided_it() -> None:
    # no cue had the body speak: the subject of "provided a statement" issued it
    article = (
        "The attorney did not say whether the Halvorsen Group was one of those clients.\n\n"
        "After publication, Halvorsen Group provided a statement from its lawyer, Dana Pike.\n\n"
        '"Halvorsen Group is a management company owned by Americans," the statement said.\n'
    )
    assert _speaker(article, "Halvorsen Group is") == "Halvorsen Group"


def test_a_pronoun_that_provided_a_statement_names_no_issuer() -> None:
    article = (
        "The company was asked about the payments.\n\n"
        "Later, it provided a statement.\n\n"
        '"We broke no rule," the statement said.\n'
    )
    assert _speaker(article, "We broke no rule") is None


def test_a_clause_opener_is_no_part_of_the_issuer() -> None:
    article = (
        "While Senator Jane Holloway released a statement, her staff stayed silent.\n\n"
        '"We will not bring it back this year," the statement said.\n'
    )
    assert _speaker(article, "We will not") != "While Senator Jane Holloway"


def test_a_fronted_in_a_statement_is_issued_by_the_subject_after_it() -> None:
    """ "In a statement, the developer announced ..." (quotes_review_qd_tune #24064): the
    phrase opens its sentence, so the subject of the cue after its comma issued it."""
    article = (
        "Property developer Harold Brenner hired a new campaign manager on Thursday.\n\n"
        "In a statement, the developer announced that he was handing the convention work to "
        'his new manager. "Mr. Lyle will run every part of the delegate process," the '
        "statement said.\n"
    )
    assert _speaker(article, "Mr. Lyle will run") == "Harold Brenner"


def test_a_fronted_statement_of_a_bare_body_word_names_nobody() -> None:
    """ "In a statement, the party said ...": which body "the party" is stays a guess (the
    paper named before is not it), so the statement's words stay unattributed."""
    article = (
        "Mr Kendal was quoted in the Herald newspaper saying the service needed cuts.\n\n"
        'In a statement, the party said the remark was out of context. "He supports our '
        'policies on the services," said the statement.\n'
    )
    assert _speaker(article, "He supports our") is None


def test_the_group_is_the_body_that_just_issued_a_statement() -> None:
    """ "X issued a statement ... '...,' the group said" (quotes_review_qd_tune #24040): the
    group is the issuer even when its name is shaped like a person's."""
    article = (
        "The added security prompted Open Streets Now to leave the parade.\n\n"
        "Open Streets Now issued a statement saying it took the action to protect marchers.\n\n"
        '"For us, marching this year meant choosing between two threats," the group said in a '
        "statement.\n"
    )
    assert _speaker(article, "For us, marching") == "Open Streets Now"


def test_the_group_is_not_a_person_who_issued_a_statement() -> None:
    """A person who issued a statement is not "the group": nobody."""
    article = (
        "Mayor Karen Whitby issued a statement on Friday about the parade.\n\n"
        '"For us, marching this year meant choosing between two threats," the group said.\n'
    )
    assert _speaker(article, "For us, marching") is None
