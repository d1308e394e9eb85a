"""Captions, credits and subheads left between paragraphs of a web page name no speaker: a
he/she after "Scarlett's dress (Heritage Auctions)" is the man the story is about."""

from __future__ import annotations

from bot.extract.quotes import extract_quotes


def _speaker(text: str, opening: str) -> str | None:
    return next(
        q.speaker
        for q in extract_quotes(text)
        if q.kind != "indirect" and q.text.startswith(opening)
    )


def test_a_photo_credit_line_is_no_antecedent() -> None:
    text = (
        "Gone With the Wind dress to be auctioned\n\n"
        "The collection assembled by Jim Tumblin, who spent 22 years working at the Universal "
        "Studios hair and make-up department, could raise as much as $1 million.\n\n"
        "Bidding will start at $60,000, rather more than the $20 Mr Tumblin paid for the dress "
        "in the early 1960s.\n\n"
        "Scarlett's dress (Hertiage Auctions)\n\n"
        "He spotted it while doing some research at Western Costume.\n\n"
        "“I saw this dress on the floor and a docent told me not to bother to pick it up, "
        "because they were throwing it away,” he said.\n"
    )
    assert _speaker(text, "I saw this dress") == "Jim Tumblin"


def test_an_advertisement_line_is_no_antecedent() -> None:
    text = (
        "Pakistan's power crisis deepens\n\n"
        "Up to 33 percent of the supply disappears as a result of outright theft, said Fariel "
        "Salahuddin, a power sector consultant.\n\n"
        "Advertisement Continue reading the main story\n\n"
        "“The fastest way to improve things is to start collecting bills and come down hard "
        "on theft,” she said.\n"
    )
    assert _speaker(text, "The fastest way") == "Fariel Salahuddin"


def test_an_advertisement_line_does_not_part_a_continued_quote() -> None:
    # quotes_review_mn_tune #23041: the statement goes on after the page's ad marker
    text = (
        "Sessions drops bid\n\n"
        "Rep. Pete Sessions (R-Texas) ended his bid to become the next House majority leader on "
        "Thursday night.\n\n"
        '"After thoughtful consideration and discussion with my colleagues, I have made the '
        'decision to not continue my run for House majority leader," Sessions said in a '
        "statement.\n\n"
        "ADVERTISEMENT\n\n"
        '"Today, it became obvious to me that the measures necessary to run a successful '
        'campaign would have created unnecessary and painful division within our party."\n\n'
        "Sessions is the House Rules Committee chairman.\n"
    )
    assert _speaker(text, "Today, it became") == "Pete Sessions"


def test_a_paragraph_of_text_between_still_parts_them() -> None:
    text = (
        "Sessions drops bid\n\n"
        '"I have made the decision to not continue my run for House majority leader," Rep. '
        "Pete Sessions said in a statement.\n\n"
        "McCarthy is now the only candidate, and his allies were quick to celebrate.\n\n"
        '"Today, it became obvious that the measures necessary to run a successful campaign '
        'would have created unnecessary and painful division within our party."\n'
    )
    assert _speaker(text, "Today, it became") != "Pete Sessions"
