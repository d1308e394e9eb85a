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
